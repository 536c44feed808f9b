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

const PACKAGE_HEADER = /^\[\[\s*package\s*\]\]\s*(?:#.*)?$/;
const NAME_KEY = /^(?:name|"name"|'name')\s*=/;

/**
 * For the n-th [[package]] header, the line of its `name =` key (else of the header). Only lines
 * that start outside strings and arrays count, so a `name = ...` or `[[package]]` inside a
 * multi-line description or array is never taken for a key or a header.
 */
export function packageLines(content: string): number[] {
  const lines = content.split("\n");
  const out: number[] = [];
  const state: ScanState = { string: undefined, depth: 0 };
  let pending = -1;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    const atTop = state.string === undefined && state.depth === 0;
    scanLine(raw, state);
    if (!atTop) continue;
    const line = raw.trim();
    if (PACKAGE_HEADER.test(line)) {
      if (pending !== -1) out.push(pending);
      pending = i + 1;
    } else if (pending !== -1 && NAME_KEY.test(line)) {
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

interface ScanState {
  /** The multi-line string the scan is inside, by its delimiter. */
  string: '"""' | "'''" | undefined;
  /** Open arrays and inline tables. */
  depth: number;
}

/** Advances the state over one line: strings, comments, and brackets of values. */
function scanLine(line: string, state: ScanState): void {
  let i = 0;
  // A header line's brackets are not values: it never opens an array.
  if (state.string === undefined && state.depth === 0 && line.trimStart().startsWith("[")) return;
  while (i < line.length) {
    if (state.string !== undefined) {
      const end = findClose(line, i, state.string);
      if (end === -1) return;
      i = end;
      state.string = undefined;
      continue;
    }
    const c = line[i];
    if (c === "#") return;
    if (line.startsWith('"""', i) || line.startsWith("'''", i)) {
      state.string = line.startsWith('"""', i) ? '"""' : "'''";
      i += 3;
    } else if (c === '"' || c === "'") {
      const end = findClose(line, i + 1, c);
      i = end === -1 ? line.length : end;
    } else {
      if (c === "[" || c === "{") state.depth++;
      else if ((c === "]" || c === "}") && state.depth > 0) state.depth--;
      i++;
    }
  }
}

/** Index just past the closing delimiter from `from`, or -1 when the line ends first. */
function findClose(line: string, from: number, delimiter: string): number {
  const escapes = delimiter.startsWith('"');
  for (let i = from; i < line.length; i++) {
    if (escapes && line[i] === "\\") {
      i++;
      continue;
    }
    if (line.startsWith(delimiter, i)) {
      // A closing """ may be followed by up to two more quotes that belong to the string.
      let end = i + delimiter.length;
      while (delimiter.length === 3 && line[end] === delimiter[0] && end < i + 5) end++;
      return end;
    }
  }
  return -1;
}
