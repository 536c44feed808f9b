#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  gateRegistry
} from "./chunk-WUIFYC35.js";
import {
  commonGateOptions
} from "./chunk-5D6CRESQ.js";
import {
  require_dist
} from "./chunk-NB2XQJWY.js";
import {
  parseDuration
} from "./chunk-RSC3HFTQ.js";
import {
  external_exports
} from "./chunk-C5CGFLPB.js";
import {
  toPosix
} from "./chunk-NQDPYFAW.js";
import {
  ConfigurationError
} from "./chunk-5XKQ73XO.js";
import {
  __toESM
} from "./chunk-2GVBCIT7.js";

// src/policy/load-policy.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// src/policy/schema.ts
var duration = external_exports.string().refine((v) => parseDuration(v) !== void 0, { message: "not a duration; write it like 90s, 10m or 1h" });
var waiverSchema = external_exports.object({
  rule: external_exports.string().min(1).describe("rule id or glob such as secrets/*"),
  paths: external_exports.array(external_exports.string()).optional().describe("globs of paths the waiver covers (default: everywhere)"),
  reason: external_exports.string().min(1).describe("why the finding is accepted"),
  expires: external_exports.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "expires must be a date written YYYY-MM-DD" }).describe("YYYY-MM-DD; after this date the waiver stops waiving and is itself reported")
}).strict();
var settingsSchema = external_exports.object({
  concurrency: external_exports.number().int().min(1).max(64).optional().describe("gates at once (default: CPU count)"),
  timeout: duration.default("10m").describe("per-gate timeout"),
  exclude: external_exports.array(external_exports.string()).default([]).describe("globs every gate ignores"),
  hook: external_exports.object({ gates: external_exports.array(external_exports.string()).default(["secrets"]).describe("gates the pre-push hook runs") }).strict().default({ gates: ["secrets"] })
}).strict();
function gateSectionSchema(gate) {
  return commonGateOptions.extend(gateRegistry[gate].schema.shape).strict();
}
function buildPolicySchema() {
  const gates = {};
  for (const id of Object.keys(gateRegistry)) {
    gates[id] = gateSectionSchema(id).optional();
  }
  return external_exports.object({
    version: external_exports.literal(1).default(1).describe("policy format version"),
    extends: external_exports.union([external_exports.string(), external_exports.array(external_exports.string())]).optional().describe("built-in policy (recommended, strict, none) or a relative path"),
    settings: settingsSchema.default({ timeout: "10m", exclude: [], hook: { gates: ["secrets"] } }),
    gates: external_exports.object(gates).strict().default({}),
    waivers: external_exports.array(waiverSchema).default([]),
    baseline: external_exports.string().default(".tollgate/baseline.json").describe("findings recorded here do not fail gates")
  }).strict();
}

// src/policy/load-policy.ts
var BUILT_IN_POLICIES = ["recommended", "strict", "none"];
var POLICY_FILE_NAMES = [".tollgate.yml", ".tollgate.yaml", ".tollgate.json"];
function builtInPolicyDir() {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, "policies", "recommended.yml"))) return join(dir, "policies");
    dir = dirname(dir);
  }
  throw new Error("built-in policies not found next to tollgate's code");
}
function findPolicyFile(cwd) {
  return POLICY_FILE_NAMES.map((n) => join(cwd, n)).find((p) => existsSync(p));
}
function loadPolicy(options) {
  const { cwd } = options;
  let start;
  if (options.policyPath) {
    start = resolve(cwd, options.policyPath);
    if (!existsSync(start)) {
      throw new ConfigurationError(`policy file not found: ${options.policyPath}`, { file: options.policyPath }, "check the path given to --policy");
    }
  } else {
    start = findPolicyFile(cwd) ?? "built-in:recommended";
  }
  const layers = readChain(start, cwd, []);
  const merged = layers.reduceRight((acc, layer) => mergePolicy(acc, layer.raw), {});
  delete merged.extends;
  const schema = buildPolicySchema();
  const parsed = schema.safeParse(merged);
  if (!parsed.success) throw issueToError(parsed.error.issues, layers, schema);
  const top = layers[0];
  const waiverLocations = waiverLines(layers);
  const result = { policy: parsed.data, source: top?.display ?? "built-in:recommended", waiverLocations };
  if (top && !top.file.startsWith("built-in:")) result.file = top.file;
  return result;
}
function readChain(file, cwd, seen) {
  if (seen.includes(file)) {
    throw new ConfigurationError(`policy extends itself: ${[...seen, file].map((f) => displayName(f, cwd)).join(" \u2192 ")}`, { file: displayName(file, cwd) }, "remove the cycle from `extends`");
  }
  const layer = readLayer(file, cwd);
  const ext = layer.raw.extends;
  const parents = ext === void 0 ? file === "built-in:recommended" || file === "built-in:none" ? [] : ["recommended"] : Array.isArray(ext) ? ext : [ext];
  const chain = [layer];
  for (const parent of parents) {
    if (typeof parent !== "string") {
      throw positioned(layer, ["extends"], "extends must be a policy name or a relative path", "write e.g. `extends: recommended` or `extends: ./base.yml`");
    }
    if (parent === "none") continue;
    let target;
    if (BUILT_IN_POLICIES.includes(parent)) target = `built-in:${parent}`;
    else {
      const base = layer.file.startsWith("built-in:") ? builtInPolicyDir() : dirname(layer.file);
      target = isAbsolute(parent) ? parent : resolve(base, parent);
      if (!existsSync(target)) {
        throw positioned(layer, ["extends"], `extended policy not found: ${parent}`, `use one of ${BUILT_IN_POLICIES.join(", ")} or a path relative to ${layer.display}`);
      }
    }
    chain.push(...readChain(target, cwd, [...seen, file]));
  }
  return chain;
}
function displayName(file, cwd) {
  return file.startsWith("built-in:") ? file : toPosix(relative(cwd, file)) || file;
}
function readLayer(file, cwd) {
  const path = file.startsWith("built-in:") ? join(builtInPolicyDir(), `${file.slice("built-in:".length)}.yml`) : file;
  const display = displayName(file, cwd);
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigurationError(`cannot read policy: ${error.message}`, { file: display }, "check the file exists and is readable");
  }
  const lines = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const pos = lines.linePos(first.pos[0]);
    throw new ConfigurationError(
      `invalid YAML: ${first.message.split("\n")[0]}`,
      { file: display, line: pos.line, column: pos.col },
      "fix the syntax at this position (indentation, quotes, a missing colon)"
    );
  }
  const raw = doc.toJS({ maxAliasCount: 100 }) ?? {};
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new ConfigurationError("a policy must be a mapping of keys such as version, gates, waivers", { file: display, line: 1, column: 1 }, "start the file with `version: 1`");
  }
  return { file, display, doc, lines, raw };
}
function mergePolicy(parent, child) {
  const out = { ...parent };
  for (const [key, value] of Object.entries(child)) {
    const prev = out[key];
    if (key === "waivers" && Array.isArray(prev) && Array.isArray(value)) out[key] = [...prev, ...value];
    else if (isPlainObject(prev) && isPlainObject(value) && key !== "waivers") out[key] = mergeObjects(prev, value);
    else out[key] = value;
  }
  return out;
}
function mergeObjects(a, b) {
  const out = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const prev = out[key];
    out[key] = isPlainObject(prev) && isPlainObject(value) ? mergeObjects(prev, value) : value;
  }
  return out;
}
function isPlainObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function positioned(layer, path, message, fix) {
  const pos = positionOf(layer, path);
  return new ConfigurationError(message, { file: layer.display, line: pos.line, column: pos.col }, fix);
}
function positionOf(layer, path) {
  for (let n = path.length; n >= 0; n--) {
    const node = layer.doc.getIn(path.slice(0, n), true);
    if (node && typeof node === "object" && node.range) {
      const keyPos = n > 0 ? keyRange(layer, path.slice(0, n)) : void 0;
      const offset = keyPos ?? node.range[0];
      const pos = layer.lines.linePos(offset);
      return { line: pos.line, col: pos.col, exact: n === path.length };
    }
  }
  return { line: 1, col: 1, exact: false };
}
function keyRange(layer, path) {
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1];
  const parent = parentPath.length ? layer.doc.getIn(parentPath, true) : layer.doc.contents;
  const item = parent?.items?.find((i) => i.key && typeof i.key === "object" && i.key.value === last);
  return item?.key?.range?.[0];
}
function waiverLines(layers) {
  const out = [];
  for (const layer of [...layers].reverse()) {
    const waivers = layer.raw.waivers;
    if (!Array.isArray(waivers)) continue;
    waivers.forEach((_, i) => out.push({ path: layer.display, line: positionOf(layer, ["waivers", i]).line }));
  }
  return out;
}
function issueToError(issues, layers, schema) {
  const issue = issues[0];
  if (!issue) return new ConfigurationError("invalid policy");
  const path = issue.path.filter((p) => typeof p !== "symbol");
  let keyPath = path;
  if (issue.code === "unrecognized_keys" && issue.keys[0] !== void 0) keyPath = [...path, issue.keys[0]];
  const ranked = layers.map((layer) => ({ layer, pos: positionOf(layer, keyPath) })).sort((a, b) => Number(b.pos.exact) - Number(a.pos.exact));
  const best = ranked[0] ?? { layer: layers[0], pos: { line: 1, col: 1 } };
  const where = path.length ? path.join(".") : "policy";
  const { message, fix } = describeIssue(issue, path, schema);
  return new ConfigurationError(`${where}: ${message}`, { file: best.layer?.display ?? "policy", line: best.pos.line, column: best.pos.col }, fix);
}
function describeIssue(issue, path, schema) {
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = keysAt(schema, path);
      const key = issue.keys[0] ?? "";
      const guess = closest(key, known);
      return {
        message: `unknown key "${issue.keys.join('", "')}"`,
        fix: guess ? `did you mean "${guess}"?` : known.length ? `use one of: ${known.join(", ")}` : "remove it"
      };
    }
    case "invalid_value":
      return { message: issue.message, fix: `use one of: ${issue.values.map((v) => JSON.stringify(v)).join(", ")}` };
    case "invalid_type":
      return { message: `expected ${issue.expected}`, fix: `write a ${issue.expected} here` };
    case "invalid_union":
      return { message: "value has the wrong form", fix: "see policies/policy.schema.json for the accepted forms" };
    default:
      return { message: issue.message, fix: "see `tollgate check-policy --help` and policies/policy.schema.json" };
  }
}
function keysAt(schema, path) {
  let current = schema;
  const unwrap = (s2) => {
    let x = s2;
    while (x?.def && (x.def.type === "optional" || x.def.type === "default" || x.def.type === "nullable" || x.def.type === "prefault")) {
      x = x.def.innerType;
    }
    return x;
  };
  for (const key of path) {
    const s2 = unwrap(current);
    if (s2?.def?.type === "array" && typeof key === "number") current = s2.def.element;
    else if (s2?.shape && typeof key === "string") current = s2.shape[key];
    else return [];
  }
  const s = unwrap(current);
  return s?.shape ? Object.keys(s.shape) : [];
}
function closest(word, candidates) {
  let best;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = levenshtein(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
function levenshtein(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = i - 1;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}

export {
  gateSectionSchema,
  BUILT_IN_POLICIES,
  builtInPolicyDir,
  findPolicyFile,
  loadPolicy,
  mergePolicy
};
