import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);

// src/scanners/iac/parsers/terraform-worker.ts
import { parentPort } from "node:worker_threads";

// src/scanners/iac/parsers/terraform.ts
import { createRequire } from "node:module";
import { Language, Parser } from "web-tree-sitter";

// src/scanners/iac/types.ts
var Unresolved = class {
  constructor(text) {
    this.text = text;
  }
  text;
  toString() {
    return this.text;
  }
};

// src/scanners/iac/parsers/terraform.ts
var parserPromise;
function terraformWasmPath() {
  const require2 = createRequire(import.meta.url);
  return require2.resolve("@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm");
}
function terraformParser() {
  parserPromise ??= (async () => {
    await Parser.init();
    const language = await Language.load(terraformWasmPath());
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return parserPromise;
}
function lineOf(src, offset) {
  const starts = src.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
function textOf(src, n) {
  return src.text.slice(n.start, n.end);
}
var LEAVES = /* @__PURE__ */ new Set([
  "identifier",
  "string_lit",
  "template_expr",
  "variable_expr",
  "get_attr",
  "index",
  "splat",
  "conditional",
  "for_expr",
  "numeric_lit",
  "bool_lit",
  "null_lit",
  "block_start",
  "block_end",
  "heredoc_template",
  "quoted_template"
]);
var SKIPPED_BLOCKS = /* @__PURE__ */ new Set(["output", "module", "terraform", "moved", "import", "check", "removed"]);
function lightTree(tree, text) {
  const c = tree.walk();
  const build = (depth) => {
    const type = c.nodeType;
    const node = { type, start: c.startIndex, end: c.endIndex, children: [] };
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
function parseTerraform(parser, path, text) {
  const file = { path, resources: [], variables: /* @__PURE__ */ new Map(), locals: /* @__PURE__ */ new Map() };
  const tree = parser.parse(text);
  if (!tree) {
    file.error = { line: 1, message: "the HCL parser returned no tree" };
    return file;
  }
  let root;
  try {
    if (tree.rootNode.hasError) {
      const bad = firstError(tree.rootNode);
      const line = (bad?.startPosition.row ?? 0) + 1;
      const near = bad ? bad.text.split("\n")[0]?.slice(0, 40) ?? "" : "";
      file.error = { line, message: bad?.isMissing ? `missing ${bad.type}` : `syntax error near "${near}"` };
      return file;
    }
    root = lightTree(tree, text);
  } finally {
    tree.delete();
  }
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const src = { text, lineStarts };
  const body = root.children.find((c) => c.type === "body");
  if (!body) return file;
  for (const block of body.children) {
    if (block.type !== "block") continue;
    const { kind, labels } = blockHead(src, block);
    const inner = block.children.find((c) => c.type === "body");
    if (kind === "resource" || kind === "data") {
      const [type, name] = labels;
      if (type === void 0 || name === void 0) continue;
      const lines = /* @__PURE__ */ new Map();
      const obj = inner ? bodyToObject(src, inner, "", lines) : {};
      file.resources.push({
        framework: "terraform",
        type,
        address: kind === "data" ? `data.${type}.${name}` : `${type}.${name}`,
        path,
        line: lineOf(src, block.start),
        endLine: lineOf(src, Math.max(block.start, block.end - 1)),
        body: obj,
        lines
      });
    } else if (kind === "provider" && labels[0] !== void 0) {
      const lines = /* @__PURE__ */ new Map();
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
        lines
      });
    } else if (kind === "variable" && labels[0] !== void 0) {
      const obj = inner ? bodyToObject(src, inner, "", /* @__PURE__ */ new Map()) : {};
      if ("default" in obj) file.variables.set(labels[0], obj.default ?? null);
    } else if (kind === "locals") {
      const obj = inner ? bodyToObject(src, inner, "", /* @__PURE__ */ new Map()) : {};
      for (const [k, v] of Object.entries(obj)) file.locals.set(k, v);
    }
  }
  return file;
}
function firstError(node) {
  if (node.isError || node.isMissing) return node;
  for (const child of node.children) {
    if (child && (child.hasError || child.isMissing || child.isError)) {
      const found = firstError(child);
      if (found) return found;
    }
  }
  return void 0;
}
function blockHead(src, block) {
  let kind = "";
  const labels = [];
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
function join(prefix, key) {
  return prefix === "" ? String(key) : `${prefix}.${key}`;
}
function bodyToObject(src, body, prefix, lines) {
  const obj = {};
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
      let inner = child.children.find((c) => c.type === "body");
      if (kind === "dynamic" && labels[0] !== void 0) {
        key = labels[0];
        const content = inner?.children.find((c) => c.type === "block" && blockHead(src, c).kind === "content");
        inner = content?.children.find((c) => c.type === "body");
      }
      const existing = obj[key];
      const list = Array.isArray(existing) ? existing : [];
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
function expression(src, node, path, lines) {
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
      const items = [];
      for (const child of named) {
        if (child.type !== "expression") continue;
        const p = join(path, items.length);
        lines.set(p, lineOf(src, child.start));
        items.push(expression(src, child, p, lines));
      }
      return items;
    }
    case "object": {
      const obj = {};
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
function objectKey(src, node) {
  const v = expression(src, node, "", /* @__PURE__ */ new Map());
  if (typeof v === "string") return v;
  if (v instanceof Unresolved) return v.text.replace(/^\((.*)\)$/, "$1");
  return String(v);
}
function stringLit(src, node) {
  return unescape(textOf(src, node).replace(/^"/, "").replace(/"$/, ""));
}
function unescape(s) {
  if (!s.includes("\\")) return s;
  return s.replace(/\\(["\\nrt]|u[0-9a-fA-F]{4})/g, (_m, c) => {
    if (c === "n") return "\n";
    if (c === "r") return "\r";
    if (c === "t") return "	";
    if (c.startsWith("u")) return String.fromCharCode(parseInt(c.slice(1), 16));
    return c;
  });
}
function heredoc(text) {
  const all = text.split("\n");
  const head = all[0] ?? "";
  const body = all.slice(1, -1);
  if (head.startsWith("<<-")) {
    const indent = Math.min(...body.filter((l) => l.trim() !== "").map((l) => l.length - l.trimStart().length));
    return body.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join("\n");
  }
  return body.join("\n");
}

// src/scanners/iac/parsers/terraform-transfer.ts
var MARK = "\0unresolved";
function encode(v) {
  if (v instanceof Unresolved) return { [MARK]: v.text };
  if (Array.isArray(v)) return v.map(encode);
  if (v !== null && typeof v === "object") {
    const o = {};
    for (const [k, x] of Object.entries(v)) o[k] = encode(x);
    return o;
  }
  return v;
}
function mapValues(m, f) {
  const out = /* @__PURE__ */ new Map();
  for (const [k, v] of m) out.set(k, f(v));
  return out;
}
function toTransfer(file) {
  return {
    ...file,
    resources: file.resources.map((r) => ({ ...r, body: encode(r.body) })),
    variables: mapValues(file.variables, encode),
    locals: mapValues(file.locals, encode)
  };
}

// src/scanners/iac/parsers/terraform-worker.ts
var port = parentPort;
if (port) {
  port.on("message", (batch) => {
    void (async () => {
      try {
        const parser = await terraformParser();
        const files = batch.files.map((f) => toTransfer(parseTerraform(parser, f.path, f.text)));
        port.postMessage({ id: batch.id, files });
      } catch (error) {
        port.postMessage({ id: batch.id, error: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
}
