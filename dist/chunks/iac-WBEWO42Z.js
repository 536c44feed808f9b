#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  require_dist
} from "./chunk-NB2XQJWY.js";
import {
  FRAMEWORKS,
  RULES,
  Unresolved,
  each,
  looseEquals,
  num,
  ruleMeta,
  unknownValue
} from "./chunk-VI7JPG27.js";
import {
  looksBinary
} from "./chunk-ZRGI7UBK.js";
import "./chunk-CY7KP3J2.js";
import "./chunk-TGCGIDEH.js";
import {
  makeFinding
} from "./chunk-NQDPYFAW.js";
import {
  __toESM
} from "./chunk-2GVBCIT7.js";

// src/scanners/iac/index.ts
import { readFile, stat } from "node:fs/promises";
import { join as join4 } from "node:path";

// src/scanners/iac/custom.ts
function complies(spec, v) {
  switch (spec.operator) {
    case "equals":
      return !Array.isArray(spec.value) && spec.value !== void 0 && looseEquals(v, spec.value);
    case "not-equals":
      return Array.isArray(spec.value) || spec.value === void 0 || !looseEquals(v, spec.value);
    case "matches":
      return typeof spec.value === "string" && (typeof v === "string" || typeof v === "number" || typeof v === "boolean") && new RegExp(spec.value).test(String(v));
    case "in":
      return Array.isArray(spec.value) && spec.value.some((x) => looseEquals(v, x));
    case "less-than": {
      const n = num(v);
      return typeof spec.value === "number" && n !== void 0 && n < spec.value;
    }
    default:
      return true;
  }
}
function customRule(spec) {
  const types = Array.isArray(spec.resource) ? spec.resource : [spec.resource];
  const any = types.includes("*");
  const check = (r) => {
    const matches = each(r.body, spec.attribute).filter((m) => m.value !== null);
    if (spec.operator === "exists") return matches.length > 0 ? [] : [{ path: spec.attribute.replace(/\.\*.*$/, ""), missing: true }];
    if (spec.operator === "absent") return matches.map((m) => ({ path: m.path }));
    if (matches.length === 0) {
      return spec.operator === "not-equals" ? [] : [{ path: spec.attribute.replace(/\.\*.*$/, ""), missing: true }];
    }
    return matches.filter((m) => !unknownValue(m.value) && !complies(spec, m.value)).map((m) => ({ path: m.path }));
  };
  const rule = {
    id: `iac/custom-${spec.id}`,
    severity: spec.severity,
    title: spec.message,
    description: `Custom policy rule: ${types.join(", ")} must satisfy ${spec.attribute} ${spec.operator}${spec.value !== void 0 ? ` ${JSON.stringify(spec.value)}` : ""}.`,
    remediation: spec.remediation ?? `Make ${spec.attribute} satisfy "${spec.operator}${spec.value !== void 0 ? ` ${JSON.stringify(spec.value)}` : ""}".`,
    references: ["policy: gates.iac.custom-rules"],
    tags: ["custom"],
    frameworks: [spec.framework],
    check: (r) => check(r).map((i) => ({ ...i, message: spec.message })),
    examples: { valid: [], invalid: [] }
  };
  if (!any) rule.types = types;
  return rule;
}

// src/scanners/iac/detect.ts
var DOCKERFILE = /(^|\/)((Dockerfile|Containerfile)([.-][^/]*)?|[^/]+\.(dockerfile|Dockerfile))$/;
var NOT_DOCKERFILE = /\.(ts|tsx|js|mjs|cjs|md|txt|json|ya?ml|go|py|rb|sh|java|kt|rs|lock|bak|orig|swp|tmpl|tpl|j2|jinja2?|erb|mustache|hbs)$/i;
var COMPOSE = /(^|\/)(docker-)?compose([.-][^/]*)?\.ya?ml$/i;
var WORKFLOW = /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/;
var ACTION = /(^|\/)action\.ya?ml$/;
var GITLAB = /(^|\/)(\.gitlab-ci\.ya?ml|[^/]+\.gitlab-ci\.ya?ml|\.gitlab\/ci\/[^/]+\.ya?ml)$/;
var YAML = /\.ya?ml$/i;
function candidateByPath(path) {
  if (path.endsWith(".tf")) return "terraform";
  if (DOCKERFILE.test(path) && !NOT_DOCKERFILE.test(path)) return "dockerfile";
  if (YAML.test(path) || path.endsWith(".template")) return "yaml";
  if (path.endsWith(".json")) return "json";
  return void 0;
}
function detectFramework(path, text) {
  const kind = candidateByPath(path);
  if (kind === "terraform" || kind === "dockerfile") return kind;
  if (kind === "json") {
    if (/"planned_values"\s*:/.test(text) && /"format_version"\s*:/.test(text)) return "terraform-plan";
    if (/"AWSTemplateFormatVersion"\s*:/.test(text) || /"Resources"\s*:/.test(text) && /"Type"\s*:\s*"(AWS|Alexa)::/.test(text)) return "cloudformation";
    if (/^\s*\{\s*"(apiVersion|kind)"\s*:/.test(text) && /"apiVersion"\s*:/.test(text) && /"kind"\s*:/.test(text)) return "kubernetes";
    return void 0;
  }
  if (kind !== "yaml") return void 0;
  if (WORKFLOW.test(path)) return "github-actions";
  if (ACTION.test(path)) return void 0;
  if (GITLAB.test(path)) return "gitlab-ci";
  if (COMPOSE.test(path) && /^services\s*:/m.test(text)) return "compose";
  if (/^AWSTemplateFormatVersion\s*:/m.test(text) || /^Transform\s*:\s*['"]?AWS::Serverless/m.test(text)) return "cloudformation";
  if (/^Resources\s*:/m.test(text) && /Type\s*:\s*['"]?AWS::/.test(text)) return "cloudformation";
  if (/^\s*apiVersion\s*:/m.test(text) && /^\s*kind\s*:/m.test(text)) return "kubernetes";
  if (/^services\s*:/m.test(text) && /^\s+image\s*:/m.test(text) && /(^|\/)[^/]*compose[^/]*$/i.test(path)) return "compose";
  return void 0;
}

// src/scanners/iac/engine.ts
import { dirname } from "node:path";

// src/scanners/iac/parsers/dockerfile.ts
function parseDockerfileInstructions(text) {
  const lines = text.split(/\r?\n/);
  let escape = "\\";
  const instructions = [];
  const stages = [];
  let i = 0;
  let directives = true;
  while (i < lines.length) {
    const raw = lines[i] ?? "";
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#")) {
      if (directives) {
        const d = /^#\s*escape\s*=\s*(\S)/i.exec(trimmed);
        if (d?.[1]) escape = d[1];
        if (trimmed === "" || !/^#\s*\w+\s*=/.test(trimmed)) directives = trimmed === "" ? directives : false;
      }
      i++;
      continue;
    }
    directives = false;
    const start = i;
    let joined = trimmed;
    while (joined.endsWith(escape) && i + 1 < lines.length) {
      joined = joined.slice(0, -1);
      i++;
      let next = (lines[i] ?? "").trim();
      while (next.startsWith("#") && i + 1 < lines.length) {
        i++;
        next = (lines[i] ?? "").trim();
      }
      joined += ` ${next}`;
    }
    const m = /^(\S+)\s*(.*)$/s.exec(joined);
    const cmd = (m?.[1] ?? "").toUpperCase();
    let value = (m?.[2] ?? "").trim();
    const here = /<<-?["']?([A-Za-z_]\w*)["']?/.exec(value);
    if (here?.[1] && (cmd === "RUN" || cmd === "COPY")) {
      const end = here[1];
      const body = [];
      while (i + 1 < lines.length) {
        i++;
        const l = lines[i] ?? "";
        if (l.trim() === end) break;
        body.push(l);
      }
      value = `${value}
${body.join("\n")}`;
    }
    if (cmd === "FROM") {
      const parts = value.split(/\s+/).filter((p) => !p.startsWith("--"));
      const stage = { base: parts[0] ?? "", line: start + 1 };
      if (parts[1]?.toLowerCase() === "as" && parts[2]) stage.name = parts[2].toLowerCase();
      stages.push(stage);
    }
    instructions.push({ cmd, value, line: start + 1, stage: stages.length - 1 });
    i++;
  }
  return { instructions, stages };
}
function parseDockerfile(path, text) {
  const { instructions, stages } = parseDockerfileInstructions(text);
  const lines = /* @__PURE__ */ new Map();
  instructions.forEach((ins, n) => lines.set(`instructions.${n}`, ins.line));
  stages.forEach((s, n) => lines.set(`stages.${n}`, s.line));
  const body = {
    instructions: instructions.map((ins) => ({ cmd: ins.cmd, value: ins.value, line: ins.line, stage: ins.stage })),
    stages: stages.map((s) => {
      const o = { base: s.base, line: s.line };
      if (s.name) o.name = s.name;
      return o;
    })
  };
  const total = text.split(/\r?\n/).length;
  const first = instructions[0]?.line ?? 1;
  return { framework: "dockerfile", type: "dockerfile", address: "dockerfile", path, line: first, endLine: total, body, lines, wholeFile: true };
}

// src/scanners/iac/parsers/terraform.ts
import { createRequire } from "node:module";
import { Language, Parser } from "web-tree-sitter";
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
function resolveModule(files) {
  const variables = /* @__PURE__ */ new Map();
  const rawLocals = /* @__PURE__ */ new Map();
  for (const f of files) {
    for (const [k, v] of f.variables) variables.set(k, v);
    for (const [k, v] of f.locals) rawLocals.set(k, v);
  }
  const scope = { variables, locals: /* @__PURE__ */ new Map() };
  let locals = rawLocals;
  for (let pass = 0; pass < 4; pass++) {
    scope.locals = locals;
    const next = /* @__PURE__ */ new Map();
    for (const [k, v] of locals) next.set(k, substitute(v, scope, 0));
    locals = next;
  }
  scope.locals = locals;
  const out = [];
  for (const f of files) {
    for (const r of f.resources) {
      if (variables.size > 0 || locals.size > 0) r.body = substitute(r.body, scope, 0);
      out.push(r);
    }
  }
  return out;
}
var REF = /^(var|local)\.([A-Za-z_][\w-]*)$/;
var INTERP = /\$\{\s*(var|local)\.([A-Za-z_][\w-]*)\s*\}/g;
function lookup(scope, kind, name) {
  const map = kind === "var" ? scope.variables : scope.locals;
  return map.has(name) ? map.get(name) : void 0;
}
function substitute(value, scope, depth) {
  if (depth > 50) return value;
  if (value instanceof Unresolved) {
    const m = REF.exec(value.text);
    if (m) {
      const found = lookup(scope, m[1] ?? "", m[2] ?? "");
      if (found !== void 0 && !(found instanceof Unresolved && found.text === value.text)) return found;
    }
    return value;
  }
  if (typeof value === "string") {
    if (!value.includes("${")) return value;
    return value.replace(INTERP, (whole, kind, name) => {
      const found = lookup(scope, kind, name);
      return typeof found === "string" || typeof found === "number" || typeof found === "boolean" ? String(found) : whole;
    });
  }
  if (Array.isArray(value)) {
    let out;
    value.forEach((v, i) => {
      const n = substitute(v, scope, depth + 1);
      if (n !== v) (out ??= value.slice())[i] = n;
    });
    return out ?? value;
  }
  if (value !== null && typeof value === "object") {
    let out;
    for (const k in value) {
      const v = value[k];
      const n = substitute(v, scope, depth + 1);
      if (n !== v) (out ??= { ...value })[k] = n;
    }
    return out ?? value;
  }
  return value;
}

// src/scanners/iac/parsers/terraform-pool.ts
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

// src/scanners/iac/parsers/terraform-transfer.ts
var MARK = "\0unresolved";
function decode(v) {
  if (Array.isArray(v)) return v.map(decode);
  if (v !== null && typeof v === "object" && !(v instanceof Unresolved)) {
    const text = v[MARK];
    if (typeof text === "string") return new Unresolved(text);
    const o = {};
    for (const [k, x] of Object.entries(v)) o[k] = decode(x);
    return o;
  }
  return v;
}
function mapValues(m, f) {
  const out = /* @__PURE__ */ new Map();
  for (const [k, v] of m) out.set(k, f(v));
  return out;
}
function fromTransfer(file) {
  return {
    ...file,
    resources: file.resources.map((r) => ({ ...r, body: decode(r.body) })),
    variables: mapValues(file.variables, decode),
    locals: mapValues(file.locals, decode)
  };
}

// src/scanners/iac/parsers/terraform-pool.ts
var BATCH = 40;
function defaultWorkerUrl() {
  for (const name of ["./iac-terraform-worker.mjs", "./iac-terraform-worker.js", "../iac-terraform-worker.js", "./terraform-worker.js"]) {
    try {
      const url = new URL(name, import.meta.url);
      if (url.protocol === "file:" && existsSync(fileURLToPath(url))) return url;
    } catch {
    }
  }
  return void 0;
}
async function parseTerraformFiles(files, options = {}) {
  const minFiles = options.minFiles ?? 150;
  const url = options.workerUrl ?? defaultWorkerUrl();
  const threads = Math.min(options.threads ?? availableParallelism(), 4, Math.ceil(files.length / BATCH));
  if (url && threads >= 2 && files.length >= minFiles) {
    try {
      return { files: await inWorkers(files, url, threads, options.signal), threads };
    } catch (error) {
      if (options.signal?.aborted) throw error;
    }
  }
  return { files: await inProcess(files, options.signal), threads: 0 };
}
async function inProcess(files, signal) {
  const parser = await terraformParser();
  const out = [];
  for (let i = 0; i < files.length; i++) {
    if ((i & 31) === 31) {
      signal?.throwIfAborted();
      await new Promise((r) => setImmediate(r));
    }
    const f = files[i];
    if (f) out.push(parseTerraform(parser, f.path, f.text));
  }
  return out;
}
function inWorkers(files, url, threads, signal) {
  const batches = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push({ id: batches.length, files: files.slice(i, i + BATCH) });
  const results = new Array(batches.length);
  const workers = [];
  return new Promise((resolve, reject) => {
    let next = 0;
    let done = 0;
    let settled = false;
    const finish = (error) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      for (const w of workers) void w.terminate();
      if (error !== void 0) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(results.flat());
    };
    const onAbort = () => finish(signal?.reason ?? new Error("aborted"));
    signal?.addEventListener("abort", onAbort, { once: true });
    const feed = (w) => {
      const batch = batches[next++];
      if (batch) w.postMessage(batch);
    };
    for (let t = 0; t < threads; t++) {
      const w = new Worker(url);
      workers.push(w);
      w.on("message", (msg) => {
        if (msg.error !== void 0 || !msg.files) {
          finish(new Error(msg.error ?? "worker returned nothing"));
          return;
        }
        results[msg.id] = msg.files.map(fromTransfer);
        done++;
        if (done === batches.length) finish();
        else feed(w);
      });
      w.on("error", (error) => finish(error));
      w.on("exit", (code) => {
        if (!settled && code !== 0) finish(new Error(`terraform worker exited with code ${code}`));
      });
      feed(w);
    }
  });
}

// src/scanners/iac/parsers/yaml-frameworks.ts
function isObj(v) {
  return v !== null && v !== void 0 && typeof v === "object" && !Array.isArray(v) && !(v instanceof Unresolved);
}
function rebase(lines, prefix) {
  const out = /* @__PURE__ */ new Map();
  const p = `${prefix}.`;
  for (const [k, v] of lines) if (k.startsWith(p)) out.set(k.slice(p.length), v);
  return out;
}
function lastLine(lines, fallback) {
  let max = fallback;
  for (const v of lines.values()) if (v > max) max = v;
  return max;
}
var LIST_KIND = /List$/;
function kubernetesResources(path, docs) {
  const out = [];
  const add = (obj, lines, line, endLine) => {
    const kind = obj.kind;
    if (typeof kind !== "string" || typeof obj.apiVersion !== "string") return;
    if (LIST_KIND.test(kind) && Array.isArray(obj.items)) {
      obj.items.forEach((item, n) => {
        if (!isObj(item)) return;
        const sub = rebase(lines, `items.${n}`);
        const start = lines.get(`items.${n}`) ?? line;
        add(item, sub, start, lastLine(sub, start));
      });
      return;
    }
    const meta = isObj(obj.metadata) ? obj.metadata : {};
    const name = typeof meta.name === "string" ? meta.name : typeof meta.generateName === "string" ? meta.generateName : "unnamed";
    const ns = typeof meta.namespace === "string" ? meta.namespace : "default";
    out.push({ framework: "kubernetes", type: kind, address: `${kind}/${ns}/${name}`, path, line, endLine, body: obj, lines });
  };
  for (const doc of docs) if (isObj(doc.value)) add(doc.value, doc.lines, doc.startLine, doc.endLine);
  return out;
}
function cloudformationResources(path, doc) {
  const root = doc.value;
  if (!isObj(root) || !isObj(root.Resources)) return [];
  const params = /* @__PURE__ */ new Map();
  if (isObj(root.Parameters)) {
    for (const [k, v] of Object.entries(root.Parameters)) {
      if (isObj(v) && v.Default !== void 0 && (typeof v.Default === "string" || typeof v.Default === "number" || typeof v.Default === "boolean")) params.set(k, v.Default);
    }
  }
  const globals = isObj(root.Globals) && isObj(root.Globals.Function) ? root.Globals.Function : void 0;
  const out = [];
  for (const [id, res] of Object.entries(root.Resources)) {
    if (!isObj(res) || typeof res.Type !== "string") continue;
    let props = isObj(res.Properties) ? resolveRefs(res.Properties, params, 0) : {};
    if (globals && res.Type === "AWS::Serverless::Function") props = { ...resolveRefs(globals, params, 0), ...props };
    const start = doc.lines.get(`Resources.${id}`) ?? doc.startLine;
    const all = rebase(doc.lines, `Resources.${id}`);
    out.push({
      framework: "cloudformation",
      type: res.Type,
      address: id,
      path,
      line: start,
      endLine: lastLine(all, start),
      body: props,
      lines: rebase(doc.lines, `Resources.${id}.Properties`)
    });
  }
  return out;
}
function resolveRefs(value, params, depth) {
  if (depth > 60) return value;
  if (Array.isArray(value)) return value.map((v) => resolveRefs(v, params, depth + 1));
  if (isObj(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === "Ref" && typeof value.Ref === "string" && params.has(value.Ref)) return params.get(value.Ref) ?? null;
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolveRefs(v, params, depth + 1);
    return out;
  }
  return value;
}
function composeResources(path, doc) {
  const root = doc.value;
  if (!isObj(root) || !isObj(root.services)) return [];
  const out = [];
  for (const [name, svc] of Object.entries(root.services)) {
    if (!isObj(svc)) continue;
    const start = doc.lines.get(`services.${name}`) ?? doc.startLine;
    const lines = rebase(doc.lines, `services.${name}`);
    out.push({ framework: "compose", type: "service", address: `services.${name}`, path, line: start, endLine: lastLine(lines, start), body: svc, lines });
  }
  return out;
}
function wholeFileResource(framework, type, path, doc) {
  if (!isObj(doc.value)) return [];
  return [{ framework, type, address: type, path, line: doc.startLine, endLine: doc.endLine, body: doc.value, lines: doc.lines, wholeFile: true }];
}
function planResources(path, doc) {
  const root = doc.value;
  if (!isObj(root) || !isObj(root.planned_values)) return [];
  const out = [];
  const visit = (mod, prefix) => {
    if (!isObj(mod)) return;
    if (Array.isArray(mod.resources)) {
      mod.resources.forEach((r, n) => {
        if (!isObj(r) || typeof r.type !== "string") return;
        const base = `${prefix}.resources.${n}`;
        const start = doc.lines.get(base) ?? 1;
        const all = rebase(doc.lines, base);
        const address = typeof r.address === "string" ? r.address : `${r.type}.${String(r.name)}`;
        out.push({
          framework: "terraform",
          source: "terraform-plan",
          type: r.type,
          address: r.mode === "data" && !address.includes("data.") ? `data.${address}` : address,
          path,
          line: start,
          endLine: lastLine(all, start),
          body: isObj(r.values) ? r.values : {},
          lines: rebase(doc.lines, `${base}.values`)
        });
      });
    }
    if (Array.isArray(mod.child_modules)) mod.child_modules.forEach((c, n) => visit(c, `${prefix}.child_modules.${n}`));
  };
  visit(root.planned_values.root_module, "planned_values.root_module");
  return out;
}

// src/scanners/iac/parsers/yaml-tree.ts
var import_yaml = __toESM(require_dist(), 1);
var INTRINSICS = [
  "Ref",
  "Condition",
  "Sub",
  "GetAtt",
  "Join",
  "Select",
  "Split",
  "If",
  "Equals",
  "And",
  "Or",
  "Not",
  "FindInMap",
  "Base64",
  "Cidr",
  "ImportValue",
  "GetAZs",
  "Transform",
  "Length",
  "ToJsonString"
];
var CFN_TAGS = INTRINSICS.flatMap((name) => [
  { tag: `!${name}`, resolve: (value) => value },
  { tag: `!${name}`, collection: "seq", resolve: (value) => value },
  { tag: `!${name}`, collection: "map", resolve: (value) => value }
]);
function parseYamlDocuments(text, options = {}) {
  const lineCounter = new import_yaml.LineCounter();
  const docs = (0, import_yaml.parseAllDocuments)(text, {
    lineCounter,
    customTags: options.intrinsics ? CFN_TAGS : [],
    uniqueKeys: false,
    strict: false,
    prettyErrors: false
  });
  const list = Array.isArray(docs) ? docs : [docs];
  const line = (offset) => lineCounter.linePos(offset).line;
  const out = [];
  for (const doc of list) {
    const error = doc.errors[0];
    if (error) {
      const pos = error.linePos?.[0]?.line ?? line(error.pos[0]);
      out.push({ value: null, lines: /* @__PURE__ */ new Map(), startLine: pos, endLine: pos, error: { line: pos, message: firstLine(error.message) } });
      continue;
    }
    const lines = /* @__PURE__ */ new Map();
    const contents = doc.contents;
    if (!contents) continue;
    const ctx = { lines, line, anchors: /* @__PURE__ */ new Map(), intrinsics: options.intrinsics === true, doc };
    const value = convert(contents, "", ctx, 0);
    const range = contents.range ?? [0, 0, 0];
    out.push({ value, lines, startLine: line(range[0]), endLine: line(Math.max(range[0], range[1] - 1)) });
  }
  return out;
}
function firstLine(message) {
  return (message.split("\n")[0] ?? message).trim();
}
function join2(prefix, key) {
  return prefix === "" ? String(key) : `${prefix}.${key}`;
}
function convert(node, path, ctx, depth) {
  if (node === null || node === void 0 || depth > 200) return null;
  const { lines, line, anchors, intrinsics } = ctx;
  if ((0, import_yaml.isAlias)(node)) {
    const target = node.resolve(ctx.doc);
    return target ? anchors.get(target) ?? null : null;
  }
  let value;
  if ((0, import_yaml.isScalar)(node)) {
    const v = node.value;
    value = typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v === null ? v : typeof v === "bigint" ? Number(v) : String(v);
  } else if ((0, import_yaml.isMap)(node)) {
    const obj = {};
    for (const pair of node.items) {
      const keyNode = pair.key;
      const key = keyNode && (0, import_yaml.isScalar)(keyNode) ? String(keyNode.value) : keyNode === null ? "" : String(keyNode);
      if (key === "<<" && pair.value) {
        const merged = convert(pair.value, path, { ...ctx, lines: /* @__PURE__ */ new Map() }, depth + 1);
        for (const m of Array.isArray(merged) ? merged : [merged]) {
          if (m && typeof m === "object" && !Array.isArray(m)) {
            for (const [k, v] of Object.entries(m)) if (!(k in obj)) obj[k] = v;
          }
        }
        continue;
      }
      const childPath = join2(path, key);
      const keyRange = keyNode?.range;
      if (keyRange) lines.set(childPath, line(keyRange[0]));
      obj[key] = convert(pair.value, childPath, ctx, depth + 1);
    }
    value = obj;
  } else if ((0, import_yaml.isSeq)(node)) {
    value = node.items.map((item, i) => {
      const childPath = join2(path, i);
      const r = item?.range;
      if (r) lines.set(childPath, line(r[0]));
      return convert(item, childPath, ctx, depth + 1);
    });
  } else {
    value = null;
  }
  const tag = node.tag;
  if (intrinsics && tag && tag.startsWith("!") && !tag.startsWith("!!")) value = intrinsic(tag.slice(1), value);
  if (node.anchor) anchors.set(node, value);
  return value;
}
function intrinsic(name, value) {
  if (name === "Ref" || name === "Condition") return { [name]: value };
  if (name === "GetAtt" && typeof value === "string") {
    const dot = value.indexOf(".");
    return { "Fn::GetAtt": dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [`Fn::${name}`]: value };
}

// src/scanners/iac/parsers/fast-yaml.ts
import jsyaml from "js-yaml";
function join3(prefix, key) {
  return prefix === "" ? String(key) : `${prefix}.${key}`;
}
function splitKey(content) {
  let key;
  let after;
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
    if (content[after] !== ":") return void 0;
  } else {
    if (q === "[" || q === "{" || q === "#" || q === "&" || q === "*" || q === "!" || q === "|" || q === ">" || q === "?") return void 0;
    let i = 0;
    for (; ; ) {
      const c = content.indexOf(":", i);
      if (c < 0) return void 0;
      const next = content[c + 1];
      if (next === void 0 || next === " " || next === "	") {
        key = content.slice(0, c).trimEnd();
        after = c;
        break;
      }
      i = c + 1;
    }
    if (key.includes(" #")) return void 0;
  }
  return { key, rest: content.slice(after + 1).trim() };
}
function flowSpan(lines, start, rest) {
  let depth = 0;
  let quote;
  for (let li = start, text = rest; li < lines.length; li++, text = lines[li] ?? "") {
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quote) {
        if (c === quote) quote = void 0;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === "#" && (i === 0 || text[i - 1] === " ")) break;
      else if (c === "[" || c === "{") depth++;
      else if (c === "]" || c === "}") depth--;
    }
    if (depth <= 0) return li - start + 1;
  }
  return lines.length - start;
}
function documentRanges(lines) {
  const out = [];
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
function indexLines(lines, range) {
  const map = /* @__PURE__ */ new Map();
  const stack = [];
  let pending = "";
  let first = -1;
  let last = -1;
  let skipUntilIndent = -1;
  let deferred;
  for (let i = range.start; i < range.end; i++) {
    const raw = lines[i] ?? "";
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const trimmed = line.trimStart();
    if (trimmed === "") continue;
    const indent = line.length - trimmed.length;
    if (skipUntilIndent >= 0) {
      if (indent > skipUntilIndent) continue;
      skipUntilIndent = -1;
    }
    if (trimmed.startsWith("#") || trimmed.startsWith("%")) continue;
    if (first < 0) first = i + 1;
    last = i + 1;
    if (deferred !== void 0) {
      map.set(deferred, i + 1);
      deferred = void 0;
    }
    let content = trimmed;
    let col = indent;
    let dashCol = -1;
    for (let guard = 0; guard < 8; guard++) {
      const isItem = content === "-" || content.startsWith("- ");
      while (stack.length > 0) {
        const top2 = stack[stack.length - 1];
        if (top2.indent > col || top2.indent === col && top2.type === "seq" && !isItem) stack.pop();
        else break;
      }
      let top = stack[stack.length - 1];
      if (!top || top.indent < col || top.indent === col && top.type === "map" && isItem) {
        top = { indent: col, path: pending, type: isItem ? "seq" : "map", index: -1 };
        stack.push(top);
      }
      if (isItem) {
        top.index++;
        const itemPath = join3(top.path, top.index);
        map.set(itemPath, i + 1);
        pending = itemPath;
        const rest2 = content.slice(1);
        const inner = rest2.trimStart();
        if (inner === "" || inner.startsWith("#")) {
          deferred = itemPath;
          break;
        }
        dashCol = col;
        col += 1 + (rest2.length - inner.length);
        content = inner;
        continue;
      }
      const kv = splitKey(content);
      if (!kv) {
        if (content.startsWith("[") || content.startsWith("{")) {
          const span = flowSpan(lines, i, content);
          if (span > 1) i += span - 1;
        } else if (dashCol >= 0) {
          skipUntilIndent = dashCol;
        }
        break;
      }
      const keyPath = join3(top.path, kv.key);
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
      skipUntilIndent = col;
      break;
    }
  }
  return { lines: map, first, last };
}
var loadOptions = { schema: jsyaml.CORE_SCHEMA, json: true };
function parseYamlFast(text) {
  let values;
  try {
    values = jsyaml.loadAll(text, null, loadOptions);
  } catch (error) {
    const mark = error.mark;
    const reason = error.reason ?? (error instanceof Error ? error.message.split("\n")[0] : String(error));
    const line = (mark?.line ?? 0) + 1;
    return [{ value: null, lines: /* @__PURE__ */ new Map(), startLine: line, endLine: line, error: { line, message: reason ?? "invalid YAML" } }];
  }
  const lines = text.split("\n");
  const ranges = documentRanges(lines);
  const indexed = ranges.map((r) => indexLines(lines, r)).filter((d) => d.first > 0);
  const out = [];
  values.filter((v) => v !== null && v !== void 0).forEach((value, n) => {
    const idx = indexed[n];
    out.push({
      value,
      lines: idx?.lines ?? /* @__PURE__ */ new Map(),
      startLine: idx?.first ?? 1,
      endLine: idx?.last ?? 1
    });
  });
  return out;
}
function indexJsonLines(text) {
  const map = /* @__PURE__ */ new Map();
  const stack = [];
  let line = 1;
  let expectKey = false;
  const valueStart = () => {
    const top = stack[stack.length - 1];
    if (!top) return "";
    if (top.type === "arr") {
      top.index++;
      const p = join3(top.path, top.index);
      map.set(p, line);
      return p;
    }
    return top.key === void 0 ? void 0 : join3(top.path, top.key);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 34) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top && top.type === "obj" && expectKey) {
        let key;
        try {
          key = JSON.parse(text.slice(i, j + 1));
        } catch {
          key = text.slice(i + 1, j);
        }
        top.key = key;
        map.set(join3(top.path, key), line);
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
function parseJsonFast(text) {
  try {
    const value = JSON.parse(text);
    const lines = indexJsonLines(text);
    return [{ value, lines, startLine: 1, endLine: text.split("\n").length }];
  } catch (error) {
    const m = /position (\d+)/.exec(error instanceof Error ? error.message : "");
    const line = m ? text.slice(0, Number(m[1])).split("\n").length : 1;
    return [{ value: null, lines: /* @__PURE__ */ new Map(), startLine: line, endLine: line, error: { line, message: error instanceof Error ? error.message : "invalid JSON" } }];
  }
}

// src/scanners/iac/engine.ts
var PARSE_ERROR_RULE = "iac/parse-error";
async function scanSources(files, options) {
  const enabled = options.frameworks ?? new Set(FRAMEWORKS);
  const tfCandidates = enabled.has("terraform") ? files.filter((f) => detectFramework(f.path, f.text) === "terraform") : [];
  const tfPromise = parseTerraformFiles(tfCandidates, { ...options.signal ? { signal: options.signal } : {}, ...options.terraformWorker ? { workerUrl: options.terraformWorker } : {} });
  tfPromise.catch(() => void 0);
  const result = { findings: [], parseErrors: [], files: {}, resources: 0, skippedTemplates: [], terraformThreads: 0 };
  const parsed = { resources: [], texts: /* @__PURE__ */ new Map() };
  let tick = 0;
  for (const file of files) {
    if ((++tick & 63) === 0) {
      options.signal?.throwIfAborted();
      await new Promise((r) => setImmediate(r));
    }
    const framework = detectFramework(file.path, file.text);
    if (!framework || !enabled.has(framework)) continue;
    result.files[framework] = (result.files[framework] ?? 0) + 1;
    parsed.texts.set(file.path, file.text);
    const fail = (line, message) => {
      result.parseErrors.push({ path: file.path, framework, line, message });
    };
    try {
      if (framework === "terraform") {
        continue;
      }
      if (framework === "dockerfile") {
        parsed.resources.push(parseDockerfile(file.path, file.text));
        continue;
      }
      const json = file.path.endsWith(".json");
      const docs = framework === "cloudformation" && !json ? parseYamlDocuments(file.text, { intrinsics: true }) : json ? parseJsonFast(file.text) : parseYamlFast(file.text);
      const bad = docs.find((d) => d.error);
      if (bad?.error) {
        if (/\{\{/.test(file.text)) result.skippedTemplates.push(file.path);
        else fail(bad.error.line, bad.error.message);
        continue;
      }
      for (const doc of docs) {
        if (framework === "kubernetes") parsed.resources.push(...kubernetesResources(file.path, [doc]));
        else if (framework === "cloudformation") parsed.resources.push(...cloudformationResources(file.path, doc));
        else if (framework === "compose") parsed.resources.push(...composeResources(file.path, doc));
        else if (framework === "github-actions") parsed.resources.push(...wholeFileResource("github-actions", "workflow", file.path, doc));
        else if (framework === "gitlab-ci") parsed.resources.push(...wholeFileResource("gitlab-ci", "pipeline", file.path, doc));
        else if (framework === "terraform-plan") parsed.resources.push(...planResources(file.path, doc));
      }
    } catch (error) {
      if (options.signal?.aborted) throw error;
      fail(1, error instanceof Error ? error.message : String(error));
    }
  }
  const tfByDir = /* @__PURE__ */ new Map();
  let tfParsed;
  try {
    tfParsed = await tfPromise;
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const reason = `the HCL parser could not run: ${error instanceof Error ? error.message : String(error)}`;
    tfParsed = { threads: 0, files: tfCandidates.map((f) => ({ path: f.path, resources: [], variables: /* @__PURE__ */ new Map(), locals: /* @__PURE__ */ new Map(), error: { line: 1, message: reason } })) };
  }
  result.terraformThreads = tfParsed.threads;
  for (const tf of tfParsed.files) {
    if (tf.error) {
      result.parseErrors.push({ path: tf.path, framework: "terraform", line: tf.error.line, message: tf.error.message });
      continue;
    }
    const dir = dirname(tf.path);
    const list = tfByDir.get(dir) ?? [];
    list.push(tf);
    tfByDir.set(dir, list);
  }
  for (const list of tfByDir.values()) parsed.resources.push(...resolveModule(list));
  result.resources = parsed.resources.length;
  result.findings = runRules(parsed, options.rules, options.signal);
  for (const e of result.parseErrors) result.findings.push(parseErrorFinding(e));
  return result;
}
function parseErrorFinding(e) {
  return makeFinding({
    ruleId: PARSE_ERROR_RULE,
    gate: "iac",
    severity: "medium",
    message: `${e.path} could not be parsed as ${e.framework} (${e.message}); fix the syntax so its resources are checked.`,
    location: { path: e.path, startLine: e.line },
    key: `parse-error:${e.framework}`,
    properties: { framework: e.framework, reason: e.message }
  });
}
function indexRules(rules) {
  const index = /* @__PURE__ */ new Map();
  const add = (key, rule) => {
    const list = index.get(key) ?? [];
    list.push(rule);
    index.set(key, list);
  };
  for (const rule of rules) {
    for (const fw of rule.frameworks) {
      if (rule.types) for (const t of rule.types) add(`${fw}\0${t}`, rule);
      else add(`${fw}\0*`, rule);
    }
  }
  return index;
}
function runRules(parsed, rules, signal) {
  const index = indexRules(rules);
  const findings = [];
  const groups = /* @__PURE__ */ new Map();
  for (const r of parsed.resources) {
    const key = r.framework === "terraform" && r.source !== "terraform-plan" ? `tf:${dirname(r.path)}` : `file:${r.path}`;
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  const ignores = /* @__PURE__ */ new Map();
  const applicableCache = /* @__PURE__ */ new Map();
  let n = 0;
  for (const group of groups.values()) {
    for (const r of group) {
      if ((++n & 255) === 0) signal?.throwIfAborted();
      const key = `${r.framework}\0${r.type}`;
      let applicable = applicableCache.get(key);
      if (!applicable) {
        applicable = [...index.get(key) ?? [], ...index.get(`${r.framework}\0*`) ?? []];
        applicableCache.set(key, applicable);
      }
      for (const rule of applicable) {
        let out;
        try {
          out = rule.check(r, { neighbours: group });
        } catch {
          continue;
        }
        if (!out) continue;
        const issues = Array.isArray(out) ? out : [out];
        const seen = issues.length > 1 ? /* @__PURE__ */ new Set() : void 0;
        for (const issue of issues) {
          if (seen) {
            const id = `${issue.path}\0${issue.message ?? ""}`;
            if (seen.has(id)) continue;
            seen.add(id);
          }
          const finding = toFinding(rule, r, issue);
          let fileIgnores = ignores.get(r.path);
          if (!fileIgnores) {
            fileIgnores = collectIgnores(parsed.texts.get(r.path) ?? "");
            ignores.set(r.path, fileIgnores);
          }
          const reason = resourceSuppression(fileIgnores, r, rule.id);
          if (reason !== void 0) finding.suppression = { kind: "inline", reason };
          findings.push(finding);
        }
      }
    }
  }
  return findings;
}
function issueLine(r, issue) {
  if (issue.line !== void 0) return issue.line;
  let path = issue.path;
  while (path !== "") {
    const line = r.lines.get(path);
    if (line !== void 0) return line;
    const dot = path.lastIndexOf(".");
    path = dot < 0 ? "" : path.slice(0, dot);
  }
  return r.line;
}
function toFinding(rule, r, issue) {
  const line = issueLine(r, issue);
  const what = issue.message ?? rule.title;
  const helpUri = rule.helpUri ?? rule.references.find((x) => x.startsWith("https://"));
  const finding = makeFinding({
    ruleId: rule.id,
    gate: "iac",
    severity: rule.severity,
    message: `${what} (${r.address}): ${rule.remediation}`,
    location: { path: r.path, startLine: line },
    key: `${r.address}#${issue.key ?? stablePath(r.body, issue.path)}${issue.message ? `#${issue.message}` : ""}`,
    ...helpUri ? { helpUri } : {},
    properties: { framework: r.source ?? r.framework, resourceType: r.type, resource: r.address, attribute: issue.path, ...issue.missing ? { missing: true } : {} }
  });
  return finding;
}
function stablePath(body, path) {
  if (path === "") return path;
  let cur = body;
  const out = [];
  for (const seg of path.split(".")) {
    if (Array.isArray(cur) && /^\d+$/.test(seg)) {
      const item = cur[Number(seg)];
      const named = item !== null && typeof item === "object" && !Array.isArray(item) ? item : void 0;
      const name = named ? [named.id, named.name, named.uses].find((v) => typeof v === "string") : void 0;
      out.push(name !== void 0 ? `[${name}]` : seg);
      cur = item;
    } else {
      out.push(seg);
      cur = cur !== null && typeof cur === "object" && !Array.isArray(cur) ? cur[seg] : void 0;
    }
  }
  return out.join(".");
}
var IGNORE = /tollgate-ignore\s+([A-Za-z0-9_.\-/*@]+)\s*:\s*(.*?)\s*(?:\*\/|-->|#\}|%\})?\s*$/;
function collectIgnores(text) {
  const out = /* @__PURE__ */ new Map();
  if (!text.includes("tollgate-ignore")) return out;
  const lines = text.split("\n");
  lines.forEach((l, i) => {
    if (!l.includes("tollgate-ignore")) return;
    const m = IGNORE.exec(l);
    if (!m?.[1] || !m[2]) return;
    out.set(i + 1, /* @__PURE__ */ new Map([[m[1], m[2]]]));
  });
  return out;
}
function ruleMatches(pattern, id) {
  if (!pattern.includes("*")) return pattern === id;
  return new RegExp(`^${pattern.split("*").map((x) => x.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`).test(id);
}
function resourceSuppression(ignores, r, ruleId) {
  if (ignores.size === 0) return void 0;
  const first = r.wholeFile ? 1 : r.line - 1;
  const last = r.wholeFile ? r.line : r.endLine;
  for (let line = first; line <= last; line++) {
    const ids = ignores.get(line);
    if (!ids) continue;
    for (const [pattern, reason] of ids) if (ruleMatches(pattern, ruleId)) return reason;
  }
  return void 0;
}

// src/scanners/iac/index.ts
var MAX_BYTES = 32 * 1024 * 1024;
function selectRules(input) {
  const skip = input.skipRules ?? [];
  const skipped = (id) => skip.some((p) => p === id || p.endsWith("*") && id.startsWith(p.slice(0, -1)));
  return [...RULES, ...(input.customRules ?? []).map(customRule)].filter((r) => !skipped(r.id));
}
async function scanRepository(root, input, signal) {
  const sources = [];
  const unreadable = [];
  const candidates = input.paths.filter((p) => candidateByPath(p) !== void 0);
  const BATCH2 = 64;
  for (let i = 0; i < candidates.length; i += BATCH2) {
    signal?.throwIfAborted();
    const batch = candidates.slice(i, i + BATCH2);
    const texts = await Promise.all(
      batch.map(async (path) => {
        try {
          const full = join4(root, path);
          if ((await stat(full)).size > MAX_BYTES) return void 0;
          const buffer = await readFile(full);
          if (looksBinary(buffer)) return void 0;
          return buffer.toString("utf8");
        } catch {
          unreadable.push(path);
          return void 0;
        }
      })
    );
    batch.forEach((path, n) => {
      const text = texts[n];
      if (text !== void 0) sources.push({ path, text });
    });
  }
  const result = await scanSources(sources, {
    rules: selectRules(input),
    frameworks: new Set(input.frameworks ?? FRAMEWORKS),
    ...signal ? { signal } : {}
  });
  return { ...result, unreadable };
}
var scanner = {
  id: "iac",
  description: "IaC rule engine: Terraform (HCL and plan JSON), Kubernetes, Dockerfile, CloudFormation/SAM, Compose, GitHub Actions and GitLab CI",
  async scan(input, ctx) {
    const result = await scanRepository(ctx.root, input, ctx.signal);
    const metrics = { resources: result.resources, "parse-errors": result.parseErrors.length };
    for (const [fw, n] of Object.entries(result.files)) metrics[`files.${fw}`] = n;
    const notes = [];
    if (result.skippedTemplates.length > 0) notes.push(`${result.skippedTemplates.length} templated YAML file(s) skipped (Helm/Jinja syntax): render them to scan their manifests`);
    return { findings: result.findings, metrics, notes };
  }
};
export {
  RULES,
  candidateByPath,
  customRule,
  detectFramework,
  ruleMeta,
  scanRepository,
  scanSources,
  scanner,
  selectRules
};
