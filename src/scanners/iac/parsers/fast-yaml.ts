// The high-volume YAML path (Kubernetes, Compose, workflows): js-yaml builds the values (about ten
// times faster than the yaml package here) and a line indexer maps each key and list item to its
// line by following block-style indentation. CloudFormation keeps the exact yaml-package path.
import jsyaml from "js-yaml";
import type { Value } from "../types.js";
import type { YamlDoc } from "./yaml-tree.js";

interface Frame {
  indent: number;
  path: string;
  type: "map" | "seq";
  index: number;
}

function join(prefix: string, key: string | number): string {
  return prefix === "" ? String(key) : `${prefix}.${key}`;
}

/** Key of a block mapping line ("key: value", "'a b': x", "key:"), with where its value starts; undefined if not a key line. */
export function splitKey(content: string): { key: string; rest: string } | undefined {
  let key: string;
  let after: number;
  const q = content[0];
  if (q === '"' || q === "'") {
    let i = 1;
    while (i < content.length) {
      if (content[i] === "\\" && q === '"') i += 2;
      else if (content[i] === q) {
        if (q === "'" && content[i + 1] === "'") i += 2;
        else break;
      } else i++;
    }
    key = content.slice(1, i);
    if (q === '"') key = key.replace(/\\(.)/g, "$1");
    else key = key.replace(/''/g, "'");
    after = i + 1;
    while (content[after] === " ") after++;
    if (content[after] !== ":") return undefined;
  } else {
    if (q === "[" || q === "{" || q === "#" || q === "&" || q === "*" || q === "!" || q === "|" || q === ">" || q === "?") return undefined;
    let i = 0;
    for (;;) {
      const c = content.indexOf(":", i);
      if (c < 0) return undefined;
      const next = content[c + 1];
      if (next === undefined || next === " " || next === "\t") {
        key = content.slice(0, c).trimEnd();
        after = c;
        break;
      }
      i = c + 1;
    }
    if (key.includes(" #")) return undefined;
  }
  return { key, rest: content.slice(after + 1).trim() };
}

/** Number of lines a value that opens a flow collection spans (1 when it closes on its own line). */
function flowSpan(lines: string[], start: number, rest: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let li = start, text = rest; li < lines.length; li++, text = lines[li] ?? "") {
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quote) {
        if (c === quote) quote = undefined;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === "#" && (i === 0 || text[i - 1] === " ")) break;
      else if (c === "[" || c === "{") depth++;
      else if (c === "]" || c === "}") depth--;
    }
    if (depth <= 0) return li - start + 1;
  }
  return lines.length - start;
}

interface DocRange {
  start: number;
  end: number;
}

/** Splits a stream at `---` / `...` markers (0-based line ranges, end exclusive). */
function documentRanges(lines: string[]): DocRange[] {
  const out: DocRange[] = [];
  let start = 0;
  lines.forEach((l, i) => {
    if (/^(---|\.\.\.)(\s|$)/.test(l)) {
      out.push({ start, end: i });
      start = i + 1;
    }
  });
  out.push({ start, end: lines.length });
  return out;
}

/** path → 1-based line for a block-style YAML document. */
export function indexLines(lines: string[], range: DocRange): { lines: Map<string, number>; first: number; last: number } {
  const map = new Map<string, number>();
  const stack: Frame[] = [];
  let pending = "";
  let first = -1;
  let last = -1;
  let skipUntilIndent = -1;
  let deferred: string | undefined;
  for (let i = range.start; i < range.end; i++) {
    const raw = lines[i] ?? "";
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const trimmed = line.trimStart();
    if (trimmed === "" ) continue;
    const indent = line.length - trimmed.length;
    if (skipUntilIndent >= 0) {
      if (indent > skipUntilIndent) continue;
      skipUntilIndent = -1;
    }
    if (trimmed.startsWith("#") || trimmed.startsWith("%")) continue;
    if (first < 0) first = i + 1;
    last = i + 1;
    if (deferred !== undefined) {
      // A bare "-" item: its node starts where its content does.
      map.set(deferred, i + 1);
      deferred = undefined;
    }
    let content = trimmed;
    let col = indent;
    let dashCol = -1;
    // A line may open several collections at once ("- - a", "- name: x").
    for (let guard = 0; guard < 8; guard++) {
      const isItem = content === "-" || content.startsWith("- ");
      // A sequence may sit at its parent key's indentation ("key:\n- item"): same-indent frames are
      // a map with a sequence on top of it.
      while (stack.length > 0) {
        const top = stack[stack.length - 1] as Frame;
        if (top.indent > col || (top.indent === col && top.type === "seq" && !isItem)) stack.pop();
        else break;
      }
      let top = stack[stack.length - 1];
      if (!top || top.indent < col || (top.indent === col && top.type === "map" && isItem)) {
        top = { indent: col, path: pending, type: isItem ? "seq" : "map", index: -1 };
        stack.push(top);
      }
      if (isItem) {
        top.index++;
        const itemPath = join(top.path, top.index);
        map.set(itemPath, i + 1);
        pending = itemPath;
        const rest = content.slice(1);
        const inner = rest.trimStart();
        if (inner === "" || inner.startsWith("#")) {
          deferred = itemPath;
          break;
        }
        dashCol = col;
        col += 1 + (rest.length - inner.length);
        content = inner;
        continue;
      }
      const kv = splitKey(content);
      if (!kv) {
        // A scalar item or a continuation: nothing to index, but skip multi-line flow values.
        if (content.startsWith("[") || content.startsWith("{")) {
          const span = flowSpan(lines, i, content);
          if (span > 1) i += span - 1;
        } else if (dashCol >= 0) {
          // A scalar item (block scalar, or plain/quoted text going on over more lines).
          skipUntilIndent = dashCol;
        }
        break;
      }
      const keyPath = join(top.path, kv.key);
      map.set(keyPath, i + 1);
      pending = keyPath;
      const rest = kv.rest.replace(/^[&!][^\s]*\s*/, "");
      if (rest === "" || rest.startsWith("#")) break;
      if (rest.startsWith("|") || rest.startsWith(">")) {
        skipUntilIndent = col;
        break;
      }
      if (rest.startsWith("[") || rest.startsWith("{")) {
        const span = flowSpan(lines, i, rest);
        if (span > 1) i += span - 1;
        break;
      }
      // A plain or quoted scalar may continue on more-indented lines: skip them.
      skipUntilIndent = col;
      break;
    }
  }
  return { lines: map, first, last };
}

const loadOptions: jsyaml.LoadOptions = { schema: jsyaml.CORE_SCHEMA, json: true };

/** Parses every document; on a syntax error returns one document carrying the error. */
export function parseYamlFast(text: string): YamlDoc[] {
  let values: unknown[];
  try {
    values = jsyaml.loadAll(text, null, loadOptions);
  } catch (error: unknown) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error instanceof Error ? error.message.split("\n")[0] : String(error));
    const line = (mark?.line ?? 0) + 1;
    return [{ value: null, lines: new Map(), startLine: line, endLine: line, error: { line, message: reason ?? "invalid YAML" } }];
  }
  const lines = text.split("\n");
  const ranges = documentRanges(lines);
  // js-yaml skips empty documents; keep the ranges that hold content so both lists line up.
  const indexed = ranges.map((r) => indexLines(lines, r)).filter((d) => d.first > 0);
  const out: YamlDoc[] = [];
  values.filter((v) => v !== null && v !== undefined).forEach((value, n) => {
    const idx = indexed[n];
    out.push({
      value: value as Value,
      lines: idx?.lines ?? new Map(),
      startLine: idx?.first ?? 1,
      endLine: idx?.last ?? 1,
    });
  });
  return out;
}

/** path → 1-based line for JSON text (plan files, CloudFormation JSON), alongside JSON.parse. */
export function indexJsonLines(text: string): Map<string, number> {
  const map = new Map<string, number>();
  const stack: { type: "obj" | "arr"; path: string; index: number; key?: string }[] = [];
  let line = 1;
  let expectKey = false;
  const valueStart = (): string | undefined => {
    const top = stack[stack.length - 1];
    if (!top) return "";
    if (top.type === "arr") {
      top.index++;
      const p = join(top.path, top.index);
      map.set(p, line);
      return p;
    }
    return top.key === undefined ? undefined : join(top.path, top.key);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 34) {
      // string
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top && top.type === "obj" && expectKey) {
        let key: string;
        try {
          key = JSON.parse(text.slice(i, j + 1)) as string;
        } catch {
          key = text.slice(i + 1, j);
        }
        top.key = key;
        map.set(join(top.path, key), line);
        expectKey = false;
      } else if (top?.type === "arr") valueStart();
      i = j;
    } else if (c === 123 || c === 91) {
      const path = valueStart() ?? "";
      stack.push({ type: c === 123 ? "obj" : "arr", path, index: -1 });
      expectKey = c === 123;
    } else if (c === 125 || c === 93) {
      stack.pop();
      expectKey = false;
    } else if (c === 44) {
      expectKey = stack[stack.length - 1]?.type === "obj";
    } else if (c > 32 && c !== 58) {
      const top = stack[stack.length - 1];
      if (top?.type === "arr") {
        valueStart();
        while (i + 1 < text.length && !/[,\]}\s]/.test(text[i + 1] ?? "")) i++;
      }
    }
  }
  return map;
}

/** JSON documents with positions, through JSON.parse (fast) and the JSON line index. */
export function parseJsonFast(text: string): YamlDoc[] {
  try {
    const value = JSON.parse(text) as Value;
    const lines = indexJsonLines(text);
    return [{ value, lines, startLine: 1, endLine: text.split("\n").length }];
  } catch (error: unknown) {
    const m = /position (\d+)/.exec(error instanceof Error ? error.message : "");
    const line = m ? text.slice(0, Number(m[1])).split("\n").length : 1;
    return [{ value: null, lines: new Map(), startLine: line, endLine: line, error: { line, message: error instanceof Error ? error.message : "invalid JSON" } }];
  }
}
