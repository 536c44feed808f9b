// A fast reader for the YAML subset package managers write (pnpm-lock.yaml): block mappings
// indented by spaces, plain or quoted scalars, one-line flow mappings, block sequences. The
// general `yaml` package takes seconds on a 1 MB lockfile; this takes milliseconds. Anything
// outside the subset (anchors, block scalars, complex keys) returns undefined so the caller can
// fall back to the full parser.
import { LockfileError } from "../types.js";

type Node = Record<string, unknown>;

export function parseYamlLite(text: string): Node | undefined {
  const root: Node = {};
  // Each frame: the mapping being filled and the indentation of its keys (-1: not known yet).
  const stack: { node: Node; indent: number }[] = [{ node: root, indent: 0 }];
  let pendingKey: { node: Node; key: string; indent: number } | undefined;
  let sequenceIndent = -1;
  let lineNo = 0;
  let start = 0;
  const n = text.length;
  while (start <= n) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = n;
    let line = text.slice(start, end);
    start = end + 1;
    lineNo++;
    if (line.endsWith("\r")) line = line.slice(0, -1);
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    if (indent === line.length || line[indent] === "#") {
      if (end === n) break;
      continue;
    }
    if (line[indent] === "\t") throw new LockfileError(`line ${lineNo}: tabs are not allowed for indentation in YAML`, lineNo);
    const body = line.slice(indent);
    if (sequenceIndent !== -1 && indent > sequenceIndent) continue; // inside a skipped sequence item
    sequenceIndent = -1;
    if (body.startsWith("- ") || body === "-") {
      // Block sequences (os: [- darwin]) carry nothing the parsers need: skip the item.
      if (pendingKey) {
        pendingKey.node[pendingKey.key] = [];
        pendingKey = undefined;
      }
      sequenceIndent = indent;
      continue;
    }
    if (/^[?&*!|>%@`]/.test(body) || body.startsWith("---") || body.startsWith("...")) return undefined;
    if (pendingKey) {
      if (indent <= pendingKey.indent) {
        pendingKey.node[pendingKey.key] = null;
      } else {
        const child: Node = {};
        pendingKey.node[pendingKey.key] = child;
        stack.push({ node: child, indent });
      }
      pendingKey = undefined;
    }
    while (stack.length > 1 && indent < (stack[stack.length - 1]?.indent ?? 0)) stack.pop();
    const frame = stack[stack.length - 1];
    if (!frame || indent !== frame.indent) throw new LockfileError(`line ${lineNo}: unexpected indentation`, lineNo);
    const { key, rest } = splitKey(body, lineNo);
    if (rest === "") {
      pendingKey = { node: frame.node, key, indent };
      continue;
    }
    if (/^[&*!|>]/.test(rest)) return undefined;
    frame.node[key] = scalarOrFlow(rest, lineNo);
    if (end === n) break;
  }
  if (pendingKey) pendingKey.node[pendingKey.key] = null;
  return root;
}

function splitKey(body: string, lineNo: number): { key: string; rest: string } {
  let key: string;
  let i: number;
  if (body[0] === "'" || body[0] === '"') {
    const q = body[0];
    i = 1;
    let out = "";
    for (;;) {
      if (i >= body.length) throw new LockfileError(`line ${lineNo}: unterminated quoted key`, lineNo);
      const c = body[i] ?? "";
      if (c === q) {
        if (q === "'" && body[i + 1] === "'") {
          out += "'";
          i += 2;
          continue;
        }
        break;
      }
      if (q === '"' && c === "\\") {
        out += body[i + 1] ?? "";
        i += 2;
        continue;
      }
      out += c;
      i++;
    }
    key = out;
    i++;
    if (body[i] !== ":") throw new LockfileError(`line ${lineNo}: expected ":" after the key`, lineNo);
  } else {
    i = body.indexOf(": ");
    if (i === -1) {
      if (!body.endsWith(":")) throw new LockfileError(`line ${lineNo}: expected "key: value"`, lineNo);
      i = body.length - 1;
    }
    key = body.slice(0, i);
  }
  return { key, rest: body.slice(i + 1).trim() };
}

function scalarOrFlow(raw: string, lineNo: number): unknown {
  const value = stripComment(raw);
  if (value.startsWith("{")) {
    if (!value.endsWith("}")) throw new LockfileError(`line ${lineNo}: unterminated flow mapping`, lineNo);
    const inner = value.slice(1, -1).trim();
    const out: Node = {};
    if (inner === "") return out;
    for (const part of splitFlow(inner)) {
      const colon = part.indexOf(": ");
      if (colon === -1) {
        if (part.endsWith(":")) out[unquote(part.slice(0, -1).trim())] = null;
        continue;
      }
      out[unquote(part.slice(0, colon).trim())] = scalar(part.slice(colon + 2).trim());
    }
    return out;
  }
  if (value.startsWith("[")) return value; // flow sequences (cpu: [x64]) are kept as text
  return scalar(value);
}

function splitFlow(inner: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = "";
  let cur = "";
  for (const c of inner) {
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === "'" || c === '"') quote = c;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
    else if (c === "," && depth === 0) {
      parts.push(cur.trim());
      cur = "";
      continue;
    }
    cur += c;
  }
  if (cur.trim()) parts.push(cur.trim());
  return parts;
}

function stripComment(value: string): string {
  if (value.startsWith("'") || value.startsWith('"')) return value;
  const hash = value.indexOf(" #");
  return hash === -1 ? value : value.slice(0, hash).trimEnd();
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1).replace(/''/g, "'");
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    try {
      return JSON.parse(value) as string;
    } catch {
      return value.slice(1, -1);
    }
  }
  return value;
}

/** Scalars stay strings (pnpm versions such as 5.4 or 1.10 must not become numbers), except booleans. */
function scalar(value: string): unknown {
  if (value === "true") return true;
  if (value === "false") return false;
  if (value === "null" || value === "~") return null;
  return unquote(value);
}
