// Small text helpers the parsers share: line numbers from offsets, ordered key search.

/** Maps offsets to 1-based line numbers; built once per file. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }

  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

/**
 * Finds JSON object keys in document order: each call searches forward from the last hit, so a
 * pre-order walk of a parsed object finds every key's line in one pass over the text (lines are
 * counted incrementally, never by rescanning from the start).
 */
export class JsonKeyCursor {
  private readonly text: string;
  private pos: number;
  private lineOffset = 0;
  private line = 1;

  constructor(source: LineIndex | string, start = 0) {
    this.text = typeof source === "string" ? source : source.text;
    this.pos = start;
  }

  private lineAt(offset: number): number {
    if (offset < this.lineOffset) {
      this.lineOffset = 0;
      this.line = 1;
    }
    const text = this.text;
    for (let i = text.indexOf("\n", this.lineOffset); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) this.line++;
    this.lineOffset = offset;
    return this.line;
  }

  /** Line of the next `"key": <opener>` after the cursor, or undefined (cursor unchanged). */
  next(key: string, opener?: "{" | "[" | '"'): number | undefined {
    const text = this.text;
    const needle = JSON.stringify(key);
    let at = text.indexOf(needle, this.pos);
    while (at !== -1) {
      let i = at + needle.length;
      while (isSpace(text.charCodeAt(i))) i++;
      if (text[i] === ":") {
        i++;
        while (isSpace(text.charCodeAt(i))) i++;
        if (opener === undefined || text[i] === opener) {
          this.pos = i;
          return this.lineAt(at);
        }
      }
      at = text.indexOf(needle, at + 1);
    }
    return undefined;
  }

  /** Line of the next `"key": "value"` pair after the cursor, or undefined (cursor unchanged). */
  nextPair(key: string, value: string): number | undefined {
    const text = this.text;
    const keyText = JSON.stringify(key);
    const needle = JSON.stringify(value);
    let at = text.indexOf(needle, this.pos);
    while (at !== -1) {
      let i = at - 1;
      while (isSpace(text.charCodeAt(i))) i--;
      if (text[i] === ":") {
        i--;
        while (isSpace(text.charCodeAt(i))) i--;
        if (text.slice(i - keyText.length + 1, i + 1) === keyText) {
          this.pos = at + needle.length;
          return this.lineAt(at);
        }
      }
      at = text.indexOf(needle, at + 1);
    }
    return undefined;
  }

  /** Moves the cursor to the first occurrence of a raw string; false when absent. */
  seek(raw: string): boolean {
    const at = this.text.indexOf(raw, this.pos);
    if (at === -1) return false;
    this.pos = at;
    return true;
  }
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** JSON.parse with the reason turned into a line number when the engine gives a position. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(stripBom(text));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const pos = /position (\d+)/.exec(message);
    const line = pos?.[1] ? new LineIndex(text).lineAt(Number(pos[1])) : undefined;
    throw new JsonError(`invalid JSON: ${message}`, line);
  }
}

export class JsonError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * JSON with comments and trailing commas (bun.lock) to strict JSON, keeping every newline so
 * offsets still give the right line.
 */
export function jsoncToJson(text: string): string {
  let out = "";
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === "/" && text[i + 1] === "/") {
      while (i < n && text[i] !== "\n") {
        out += " ";
        i++;
      }
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end === -1 ? n : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, " ");
      i = stop;
    } else if (c === ",") {
      let j = i + 1;
      while (j < n && /\s/.test(text[j] ?? "")) j++;
      out += text[j] === "}" || text[j] === "]" ? " " : ",";
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

/** PEP 503 normalised name: what PyPI and OSV compare. */
export function normalizePypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

/**
 * Marks dev packages by reachability: a package is prod when some prod root reaches it, dev when
 * only dev roots do. `edges` maps a node to the nodes it depends on.
 */
export function reachable(roots: Iterable<string>, edges: (node: string) => Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined || seen.has(node)) continue;
    seen.add(node);
    for (const next of edges(node)) if (!seen.has(next)) stack.push(next);
  }
  return seen;
}
