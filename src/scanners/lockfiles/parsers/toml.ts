// TOML lockfiles (Cargo.lock, poetry.lock, uv.lock, pdm.lock) share one shape: [[package]] tables.
import { parse } from "smol-toml";
import { LockfileError } from "../types.js";
import { isRecord } from "../text.js";

export function parseToml(content: string): Record<string, unknown> {
  try {
    return parse(content) as Record<string, unknown>;
  } catch (error) {
    const line = (error as { line?: number }).line;
    const first = error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
    throw new LockfileError(`invalid TOML: ${first}`, typeof line === "number" ? line : undefined);
  }
}

export function packageTables(doc: Record<string, unknown>): Record<string, unknown>[] {
  const list = doc.package;
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new LockfileError('"package" is not an array of tables');
  return list.map((p) => (isRecord(p) ? p : {}));
}

/** For the n-th [[package]] header, the line of its `name =` key (else of the header). */
export function packageLines(content: string): number[] {
  const lines = content.split("\n");
  const out: number[] = [];
  let pending = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim();
    if (line === "[[package]]") {
      if (pending !== -1) out.push(pending);
      pending = i + 1;
    } else if (pending !== -1 && /^name\s*=/.test(line)) {
      out.push(i + 1);
      pending = -1;
    } else if (pending !== -1 && line.startsWith("[")) {
      out.push(pending);
      pending = -1;
    }
  }
  if (pending !== -1) out.push(pending);
  return out;
}
