// Terraform HCL2 with positions, through tree-sitter's HCL grammar compiled to WASM (no native
// build, works in a bundle), then literal variable defaults and locals substituted per module.
import { createRequire } from "node:module";
import { Language, Parser, type Node, type Tree } from "web-tree-sitter";
import { Unresolved, type Obj, type Resource, type Value } from "../types.js";

let parserPromise: Promise<Parser> | undefined;

/** Resolved through Node's resolver from this module, so it works from source and from a bundle with packages external. */
export function terraformWasmPath(): string {
  const require = createRequire(import.meta.url);
  return require.resolve("@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm");
}

export function terraformParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    await Parser.init();
    const language = await Language.load(terraformWasmPath());
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return parserPromise;
}

/** One parsed .tf file before module-level resolution. */
export interface TerraformFile {
  path: string;
  resources: Resource[];
  variables: Map<string, Value>;
  locals: Map<string, Value>;
  error?: { line: number; message: string };
}

/** A named syntax node copied out of the WASM tree once: walking JS objects is far cheaper than crossing into WASM per property. */
interface TNode {
  type: string;
  start: number;
  end: number;
  children: TNode[];
}

interface Src {
  text: string;
  lineStarts: number[];
}

function lineOf(src: Src, offset: number): number {
  const starts = src.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function textOf(src: Src, n: TNode): string {
  return src.text.slice(n.start, n.end);
}

/** Nodes read only as text: their subtrees are never copied (strings and references are most of a file). */
const LEAVES = new Set([
  "identifier", "string_lit", "template_expr", "variable_expr", "get_attr", "index", "splat", "conditional",
  "for_expr", "numeric_lit", "bool_lit", "null_lit", "block_start", "block_end", "heredoc_template", "quoted_template",
]);

/** Top-level blocks no rule reads: their bodies are never copied. */
const SKIPPED_BLOCKS = new Set(["output", "module", "terraform", "moved", "import", "check", "removed"]);

function lightTree(tree: Tree, text: string): TNode {
  const c = tree.walk();
  const build = (depth: number): TNode => {
    const type = c.nodeType;
    const node: TNode = { type, start: c.startIndex, end: c.endIndex, children: [] };
    if (!LEAVES.has(type) && c.gotoFirstChild()) {
      do {
        if (c.nodeIsNamed && c.nodeType !== "comment") {
          const child = build(depth + 1);
          node.children.push(child);
          if (depth === 2 && type === "block" && node.children.length === 1 && SKIPPED_BLOCKS.has(text.slice(child.start, child.end))) break;
        }
      } while (c.gotoNextSibling());
      c.gotoParent();
    }
    return node;
  };
  try {
    return build(0);
  } finally {
    c.delete();
  }
}

export function parseTerraform(parser: Parser, path: string, text: string): TerraformFile {
  const file: TerraformFile = { path, resources: [], variables: new Map(), locals: new Map() };
  const tree = parser.parse(text);
  if (!tree) {
    file.error = { line: 1, message: "the HCL parser returned no tree" };
    return file;
  }
  let root: TNode;
  try {
    if (tree.rootNode.hasError) {
      const bad = firstError(tree.rootNode);
      const line = (bad?.startPosition.row ?? 0) + 1;
      const near = bad ? (bad.text.split("\n")[0]?.slice(0, 40) ?? "") : "";
      file.error = { line, message: bad?.isMissing ? `missing ${bad.type}` : `syntax error near "${near}"` };
      return file;
    }
    root = lightTree(tree, text);
  } finally {
    tree.delete();
  }
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const src: Src = { text, lineStarts };
  const body = root.children.find((c) => c.type === "body");
  if (!body) return file;
  for (const block of body.children) {
    if (block.type !== "block") continue;
    const { kind, labels } = blockHead(src, block);
    const inner = block.children.find((c) => c.type === "body");
    if (kind === "resource" || kind === "data") {
      const [type, name] = labels;
      if (type === undefined || name === undefined) continue;
      const lines = new Map<string, number>();
      const obj = inner ? bodyToObject(src, inner, "", lines) : {};
      file.resources.push({
        framework: "terraform",
        type,
        address: kind === "data" ? `data.${type}.${name}` : `${type}.${name}`,
        path,
        line: lineOf(src, block.start),
        endLine: lineOf(src, Math.max(block.start, block.end - 1)),
        body: obj,
        lines,
      });
    } else if (kind === "provider" && labels[0] !== undefined) {
      const lines = new Map<string, number>();
      const obj = inner ? bodyToObject(src, inner, "", lines) : {};
      const alias = typeof obj.alias === "string" ? `.${obj.alias}` : "";
      file.resources.push({
        framework: "terraform",
        type: `provider.${labels[0]}`,
        address: `provider.${labels[0]}${alias}`,
        path,
        line: lineOf(src, block.start),
        endLine: lineOf(src, Math.max(block.start, block.end - 1)),
        body: obj,
        lines,
      });
    } else if (kind === "variable" && labels[0] !== undefined) {
      const obj = inner ? bodyToObject(src, inner, "", new Map()) : {};
      if ("default" in obj) file.variables.set(labels[0], obj.default ?? null);
    } else if (kind === "locals") {
      const obj = inner ? bodyToObject(src, inner, "", new Map()) : {};
      for (const [k, v] of Object.entries(obj)) file.locals.set(k, v);
    }
  }
  return file;
}

function firstError(node: Node): Node | undefined {
  if (node.isError || node.isMissing) return node;
  for (const child of node.children) {
    if (child && (child.hasError || child.isMissing || child.isError)) {
      const found = firstError(child);
      if (found) return found;
    }
  }
  return undefined;
}

function blockHead(src: Src, block: TNode): { kind: string; labels: string[] } {
  let kind = "";
  const labels: string[] = [];
  for (const child of block.children) {
    if (child.type === "identifier") {
      if (kind === "") kind = textOf(src, child);
      else labels.push(textOf(src, child));
    } else if (child.type === "string_lit") {
      labels.push(stringLit(src, child));
    } else if (child.type === "block_start" || child.type === "body") {
      break;
    }
  }
  return { kind, labels };
}

function join(prefix: string, key: string | number): string {
  return prefix === "" ? String(key) : `${prefix}.${key}`;
}

/** Attributes become values; nested blocks become arrays of objects (as in plan JSON), so rules read both alike. */
function bodyToObject(src: Src, body: TNode, prefix: string, lines: Map<string, number>): Obj {
  const obj: Obj = {};
  for (const child of body.children) {
    if (child.type === "attribute") {
      const name = child.children[0];
      const expr = child.children[1];
      if (!name) continue;
      const key = textOf(src, name);
      const path = join(prefix, key);
      lines.set(path, lineOf(src, child.start));
      obj[key] = expr ? expression(src, expr, path, lines) : null;
    } else if (child.type === "block") {
      const { kind, labels } = blockHead(src, child);
      let key = kind;
      let inner: TNode | undefined = child.children.find((c) => c.type === "body");
      if (kind === "dynamic" && labels[0] !== undefined) {
        // A dynamic block stands for the blocks it generates: check its content.
        key = labels[0];
        const content = inner?.children.find((c) => c.type === "block" && blockHead(src, c).kind === "content");
        inner = content?.children.find((c) => c.type === "body");
      }
      const existing = obj[key];
      const list: Value[] = Array.isArray(existing) ? existing : [];
      const path = join(prefix, `${key}.${list.length}`);
      const line = lineOf(src, child.start);
      if (!lines.has(join(prefix, key))) lines.set(join(prefix, key), line);
      lines.set(path, line);
      const value = inner ? bodyToObject(src, inner, path, lines) : {};
      if (kind !== "dynamic" && labels.length > 0) value.__labels = labels;
      list.push(value);
      obj[key] = list;
    }
  }
  return obj;
}

function expression(src: Src, node: TNode, path: string, lines: Map<string, number>): Value {
  const named = node.children;
  if (node.type === "expression") {
    const first = named[0];
    if (!first) return null;
    if (named.length > 1 || first.type === "variable_expr") return new Unresolved(textOf(src, node).trim());
    return expression(src, first, path, lines);
  }
  switch (node.type) {
    case "literal_value": {
      const inner = named[0];
      return inner ? expression(src, inner, path, lines) : null;
    }
    case "numeric_lit":
      return Number(textOf(src, node));
    case "bool_lit":
      return textOf(src, node) === "true";
    case "null_lit":
      return null;
    case "string_lit":
      return stringLit(src, node);
    case "template_expr": {
      const t = textOf(src, node);
      if (t.startsWith("<<")) return heredoc(t);
      return unescape(t.replace(/^"/, "").replace(/"$/, ""));
    }
    case "collection_value": {
      const inner = named[0];
      return inner ? expression(src, inner, path, lines) : null;
    }
    case "tuple": {
      const items: Value[] = [];
      for (const child of named) {
        if (child.type !== "expression") continue;
        const p = join(path, items.length);
        lines.set(p, lineOf(src, child.start));
        items.push(expression(src, child, p, lines));
      }
      return items;
    }
    case "object": {
      const obj: Obj = {};
      for (const elem of named) {
        if (elem.type !== "object_elem") continue;
        const parts = elem.children.filter((c) => c.type === "expression");
        const [k, v] = parts;
        if (!k) continue;
        const key = objectKey(src, k);
        const p = join(path, key);
        lines.set(p, lineOf(src, elem.start));
        obj[key] = v ? expression(src, v, p, lines) : null;
      }
      return obj;
    }
    case "function_call": {
      const fn = named[0] ? textOf(src, named[0]) : "";
      const args = named.find((c) => c.type === "function_arguments");
      const firstArg = args?.children.find((c) => c.type === "expression");
      if (fn === "jsonencode" && firstArg) {
        // Policies are often written with jsonencode({...}): keep the object so policy rules can read it.
        return expression(src, firstArg, path, lines);
      }
      if ((fn === "tolist" || fn === "toset") && firstArg) return expression(src, firstArg, path, lines);
      return new Unresolved(textOf(src, node));
    }
    case "operation": {
      const unary = named[0];
      if (unary?.type === "unary_operation" && textOf(src, unary).startsWith("-")) {
        const lit = unary.children[0];
        const n = lit ? expression(src, lit, path, lines) : null;
        if (typeof n === "number") return -n;
      }
      return new Unresolved(textOf(src, node));
    }
    default:
      return new Unresolved(textOf(src, node));
  }
}

function objectKey(src: Src, node: TNode): string {
  const v = expression(src, node, "", new Map());
  if (typeof v === "string") return v;
  if (v instanceof Unresolved) return v.text.replace(/^\((.*)\)$/, "$1");
  return String(v);
}

function stringLit(src: Src, node: TNode): string {
  return unescape(textOf(src, node).replace(/^"/, "").replace(/"$/, ""));
}

function unescape(s: string): string {
  if (!s.includes("\\")) return s;
  return s.replace(/\\(["\\nrt]|u[0-9a-fA-F]{4})/g, (_m, c: string) => {
    if (c === "n") return "\n";
    if (c === "r") return "\r";
    if (c === "t") return "\t";
    if (c.startsWith("u")) return String.fromCharCode(parseInt(c.slice(1), 16));
    return c;
  });
}

function heredoc(text: string): string {
  const all = text.split("\n");
  const head = all[0] ?? "";
  const body = all.slice(1, -1);
  if (head.startsWith("<<-")) {
    const indent = Math.min(...body.filter((l) => l.trim() !== "").map((l) => l.length - l.trimStart().length));
    return body.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join("\n");
  }
  return body.join("\n");
}

/**
 * Substitutes `var.x` and `local.y` whose values are literal, in whole-value references and inside
 * templates; anything else stays as it was (an Unresolved, or `${...}` text in a string).
 */
export function resolveModule(files: TerraformFile[]): Resource[] {
  const variables = new Map<string, Value>();
  const rawLocals = new Map<string, Value>();
  for (const f of files) {
    for (const [k, v] of f.variables) variables.set(k, v);
    for (const [k, v] of f.locals) rawLocals.set(k, v);
  }
  const scope: Scope = { variables, locals: new Map() };
  // Locals may refer to each other: a few passes settle any acyclic chain of practical depth.
  let locals = rawLocals;
  for (let pass = 0; pass < 4; pass++) {
    scope.locals = locals;
    const next = new Map<string, Value>();
    for (const [k, v] of locals) next.set(k, substitute(v, scope, 0));
    locals = next;
  }
  scope.locals = locals;
  const out: Resource[] = [];
  for (const f of files) {
    for (const r of f.resources) {
      if (variables.size > 0 || locals.size > 0) r.body = substitute(r.body, scope, 0) as Obj;
      out.push(r);
    }
  }
  return out;
}

interface Scope {
  variables: Map<string, Value>;
  locals: Map<string, Value>;
}

const REF = /^(var|local)\.([A-Za-z_][\w-]*)$/;
const INTERP = /\$\{\s*(var|local)\.([A-Za-z_][\w-]*)\s*\}/g;

function lookup(scope: Scope, kind: string, name: string): Value | undefined {
  const map = kind === "var" ? scope.variables : scope.locals;
  return map.has(name) ? map.get(name) : undefined;
}

function substitute(value: Value, scope: Scope, depth: number): Value {
  if (depth > 50) return value;
  if (value instanceof Unresolved) {
    const m = REF.exec(value.text);
    if (m) {
      const found = lookup(scope, m[1] ?? "", m[2] ?? "");
      if (found !== undefined && !(found instanceof Unresolved && found.text === value.text)) return found;
    }
    return value;
  }
  if (typeof value === "string") {
    if (!value.includes("${")) return value;
    return value.replace(INTERP, (whole, kind: string, name: string) => {
      const found = lookup(scope, kind, name);
      return typeof found === "string" || typeof found === "number" || typeof found === "boolean" ? String(found) : whole;
    });
  }
  // Copy a container only when something inside it changed: most bodies have no var/local at all.
  if (Array.isArray(value)) {
    let out: Value[] | undefined;
    value.forEach((v, i) => {
      const n = substitute(v, scope, depth + 1);
      if (n !== v) (out ??= value.slice())[i] = n;
    });
    return out ?? value;
  }
  if (value !== null && typeof value === "object") {
    let out: Obj | undefined;
    for (const k in value) {
      const v = value[k] as Value;
      const n = substitute(v, scope, depth + 1);
      if (n !== v) (out ??= { ...value })[k] = n;
    }
    return out ?? value;
  }
  return value;
}
