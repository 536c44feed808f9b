// Line-independent identity for lint-style findings: rule + the normalized text of the line it
// points at + which occurrence of that pair it is in the file. Survives code moving up or down,
// and is what "new-only" compares between the base commit and the working tree.
import { readFile } from "node:fs/promises";
import { join } from "node:path";

export function normalizeLineText(text: string): string {
  return text.trim().replace(/\s+/g, " ");
}

export interface KeyedItem {
  ruleId: string;
  path: string;
  line?: number;
  column?: number;
  /** Used when the finding has no line. */
  message: string;
}

/**
 * Keys in the order of `items`. Occurrences are counted in (line, column) order so that two
 * identical lines with the same problem get #0 and #1 whatever order the tool printed them in.
 */
export function lineKeys(items: readonly KeyedItem[], lineText: (path: string, line: number) => string | undefined): string[] {
  const order = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => (a.item.line ?? 0) - (b.item.line ?? 0) || (a.item.column ?? 0) - (b.item.column ?? 0) || a.index - b.index);
  const seen = new Map<string, number>();
  const keys: string[] = new Array<string>(items.length).fill("");
  for (const { item, index } of order) {
    const text = item.line !== undefined && item.line > 0 ? lineText(item.path, item.line) : undefined;
    const base = text !== undefined ? `line:${normalizeLineText(text)}` : `message:${item.message}`;
    const group = `${item.ruleId}\0${item.path}\0${base}`;
    const n = seen.get(group) ?? 0;
    seen.set(group, n + 1);
    keys[index] = `${base}#${n}`;
  }
  return keys;
}

/** Reads files once and hands out their lines (1-based); unreadable files give undefined. */
export class SourceLines {
  private readonly cache = new Map<string, string[] | undefined>();
  constructor(private readonly root: string) {}

  /** Seeds the cache with text already in memory (ESLint results, base versions). */
  set(path: string, text: string): void {
    this.cache.set(path, text.split(/\r?\n/));
  }

  async load(paths: Iterable<string>): Promise<void> {
    await Promise.all(
      [...new Set(paths)]
        .filter((p) => !this.cache.has(p))
        .map(async (p) => {
          try {
            this.set(p, await readFile(join(this.root, p), "utf8"));
          } catch {
            this.cache.set(p, undefined);
          }
        }),
    );
  }

  line(path: string, line: number): string | undefined {
    return this.cache.get(path)?.[line - 1];
  }
}
