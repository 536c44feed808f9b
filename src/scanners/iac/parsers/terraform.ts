// Terraform HCL2 with positions, through tree-sitter's HCL grammar compiled to WASM (no native
// build, works in a bundle), then literal variable defaults and locals substituted per module.
import { createRequire } from "node:module";
import { Language, Parser, type Node } from "web-tree-sitter";
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

export function parseTerraform(parser: Parser, path: string, text: string): TerraformFile {
  const file: TerraformFile = { path, resources: [], variables: new Map(), locals: new Map() };
  const tree = parser.parse(text);
  if (!tree) {
    file.error = { line: 1, message: "the HCL parser returned no tree" };
    return file;
  }
  try {
    const root = tree.rootNode;
    if (root.hasError) {
      const bad = firstError(root);
      const line = (bad?.startPosition.row ?? 0) + 1;
      const near = bad ? bad.text.split("\n")[0]?.slice(0, 40) ?? "" : "";
      file.error = { line, message: bad?.isMissing ? `missing ${bad.type}` : `syntax error near "${near}"` };
      return file;
    }
    const body = root.namedChildren.find((c) => c?.type === "body");
    if (!body) return file;
    for (const block of body.namedChildren) {
      if (!block || block.type !== "block") continue;
      const { kind, labels } = blockHead(block);
      if (kind === "resource" || kind === "data") {
        const [type, name] = labels;
        if (type === undefined || name === undefined) continue;
        const lines = new Map<string, number>();
        const inner = block.namedChildren.find((c) => c?.type === "body");
        const obj = inner ? bodyToObject(inner, "", lines) : {};
        file.resources.push({
          framework: "terraform",
          type,
          address: kind === "data" ? `data.${type}.${name}` : `${type}.${name}`,
          path,
          line: block.startPosition.row + 1,
          endLine: block.endPosition.row + 1,
          body: obj,
          lines,
        });
      } else if (kind === "provider" && labels[0] !== undefined) {
        const lines = new Map<string, number>();
        const inner = block.namedChildren.find((c) => c?.type === "body");
        const obj = inner ? bodyToObject(inner, "", lines) : {};
        const alias = typeof obj.alias === "string" ? `.${obj.alias}` : "";
        file.resources.push({
          framework: "terraform",
          type: `provider.${labels[0]}`,
          address: `provider.${labels[0]}${alias}`,
          path,
          line: block.startPosition.row + 1,
          endLine: block.endPosition.row + 1,
          body: obj,
          lines,
        });
      } else if (kind === "variable" && labels[0] !== undefined) {
        const inner = block.namedChildren.find((c) => c?.type === "body");
        const obj = inner ? bodyToObject(inner, "", new Map()) : {};
        if ("default" in obj) file.variables.set(labels[0], obj.default ?? null);
      } else if (kind === "locals") {
        const inner = block.namedChildren.find((c) => c?.type === "body");
        const obj = inner ? bodyToObject(inner, "", new Map()) : {};
        for (const [k, v] of Object.entries(obj)) file.locals.set(k, v);
      }
    }
  } finally {
    tree.delete();
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

function blockHead(block: Node): { kind: string; labels: string[] } {
  let kind = "";
  const labels: string[] = [];
  for (const child of block.namedChildren) {
    if (!child) continue;
    if (child.type === "identifier") {
      if (kind === "") kind = child.text;
      else labels.push(child.text);
    } else if (child.type === "string_lit") {
      labels.push(stringLit(child));
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
function bodyToObject(body: Node, prefix: string, lines: Map<string, number>): Obj {
  const obj: Obj = {};
  for (const child of body.namedChildren) {
    if (!child) continue;
    if (child.type === "attribute") {
      const name = child.namedChildren[0];
      const expr = child.namedChildren[1];
      if (!name) continue;
      const key = name.text;
      const path = join(prefix, key);
      lines.set(path, child.startPosition.row + 1);
      obj[key] = expr ? expression(expr, path, lines) : null;
    } else if (child.type === "block") {
      const { kind, labels } = blockHead(child);
      let key = kind;
      let inner = child.namedChildren.find((c) => c?.type === "body") ?? null;
      if (kind === "dynamic" && labels[0] !== undefined) {
        // A dynamic block stands for the blocks it generates: check its content.
        key = labels[0];
        const content = inner?.namedChildren.find((c) => c?.type === "block" && blockHead(c).kind === "content");
        inner = content?.namedChildren.find((c) => c?.type === "body") ?? null;
      }
      const existing = obj[key];
      const list: Value[] = Array.isArray(existing) ? existing : [];
      const path = join(prefix, `${key}.${list.length}`);
      if (!lines.has(join(prefix, key))) lines.set(join(prefix, key), child.startPosition.row + 1);
      lines.set(path, child.startPosition.row + 1);
      const value = inner ? bodyToObject(inner, path, lines) : {};
      if (kind !== "dynamic" && labels.length > 0) value.__labels = labels;
      list.push(value);
      obj[key] = list;
    }
  }
  return obj;
}

function expression(node: Node, path: string, lines: Map<string, number>): Value {
  const named = node.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment");
  if (node.type === "expression") {
    const first = named[0];
    if (!first) return null;
    if (named.length > 1 || first.type === "variable_expr") return new Unresolved(node.text.trim());
    return expression(first, path, lines);
  }
  switch (node.type) {
    case "literal_value": {
      const inner = named[0];
      return inner ? expression(inner, path, lines) : null;
    }
    case "numeric_lit":
      return Number(node.text);
    case "bool_lit":
      return node.text === "true";
    case "null_lit":
      return null;
    case "string_lit":
      return stringLit(node);
    case "template_expr": {
      const inner = named[0];
      if (!inner) return "";
      if (inner.type === "heredoc_template") return heredoc(inner);
      return unescape(inner.text.replace(/^"/, "").replace(/"$/, ""));
    }
    case "collection_value": {
      const inner = named[0];
      return inner ? expression(inner, path, lines) : null;
    }
    case "tuple": {
      const items: Value[] = [];
      for (const child of named) {
        if (child.type !== "expression") continue;
        const p = join(path, items.length);
        lines.set(p, child.startPosition.row + 1);
        items.push(expression(child, p, lines));
      }
      return items;
    }
    case "object": {
      const obj: Obj = {};
      for (const elem of named) {
        if (elem.type !== "object_elem") continue;
        const parts = elem.namedChildren.filter((c): c is Node => c !== null && c.type === "expression");
        const [k, v] = parts;
        if (!k) continue;
        const key = objectKey(k);
        const p = join(path, key);
        lines.set(p, elem.startPosition.row + 1);
        obj[key] = v ? expression(v, p, lines) : null;
      }
      return obj;
    }
    case "function_call": {
      const fn = named[0]?.text;
      const args = named.find((c) => c.type === "function_arguments");
      const firstArg = args?.namedChildren.find((c): c is Node => c !== null && c.type === "expression");
      if (fn === "jsonencode" && firstArg) {
        // Policies are often written with jsonencode({...}): keep the object so policy rules can read it.
        return expression(firstArg, path, lines);
      }
      if ((fn === "tolist" || fn === "toset") && firstArg) return expression(firstArg, path, lines);
      return new Unresolved(node.text);
    }
    case "operation": {
      const unary = named[0];
      if (unary?.type === "unary_operation" && unary.text.startsWith("-")) {
        const lit = unary.namedChildren.find((c): c is Node => c !== null);
        const n = lit ? expression(lit, path, lines) : null;
        if (typeof n === "number") return -n;
      }
      return new Unresolved(node.text);
    }
    default:
      return new Unresolved(node.text);
  }
}

function objectKey(node: Node): string {
  const v = expression(node, "", new Map());
  if (typeof v === "string") return v;
  if (v instanceof Unresolved) return v.text.replace(/^\((.*)\)$/, "$1");
  return String(v);
}

function stringLit(node: Node): string {
  return unescape(node.text.replace(/^"/, "").replace(/"$/, ""));
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

function heredoc(node: Node): string {
  const all = node.text.split("\n");
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
  if (Array.isArray(value)) return value.map((v) => substitute(v, scope, depth + 1));
  if (value !== null && typeof value === "object") {
    const obj: Obj = {};
    for (const [k, v] of Object.entries(value)) obj[k] = substitute(v, scope, depth + 1);
    return obj;
  }
  return value;
}
