// Loads a policy file (YAML or JSON), follows `extends`, validates the merged result and turns
// every problem into a ConfigurationError that names file, line, column and the fix.
import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import { ConfigurationError } from "../core/errors.js";
import { toPosix } from "../core/finding.js";
import { buildPolicySchema, type Policy } from "./schema.js";

export const BUILT_IN_POLICIES = ["recommended", "strict", "none"] as const;
const POLICY_FILE_NAMES = [".tollgate.yml", ".tollgate.yaml", ".tollgate.json"];

interface Layer {
  /** Absolute path, or "built-in:<name>". */
  file: string;
  /** What messages show: repository-relative path or "built-in:<name>". */
  display: string;
  doc: Document;
  lines: LineCounter;
  raw: Record<string, unknown>;
}

export interface LoadedPolicy {
  policy: Policy;
  /** Repository-relative path of the policy file, or "built-in:recommended". */
  source: string;
  /** Absolute path of the policy file, when there is one. */
  file?: string;
  /** The line of each waiver (by index) in its file, for findings about waivers. */
  waiverLocations: { path: string; line: number }[];
}

/** The folder holding the built-in policies, found from this module (works bundled or not). */
export function builtInPolicyDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, "policies", "recommended.yml"))) return join(dir, "policies");
    dir = dirname(dir);
  }
  throw new Error("built-in policies not found next to tollgate's code");
}

export function findPolicyFile(cwd: string): string | undefined {
  return POLICY_FILE_NAMES.map((n) => join(cwd, n)).find((p) => existsSync(p));
}

export interface LoadPolicyOptions {
  cwd: string;
  policyPath?: string;
}

export function loadPolicy(options: LoadPolicyOptions): LoadedPolicy {
  const { cwd } = options;
  let start: string;
  if (options.policyPath) {
    start = resolve(cwd, options.policyPath);
    if (!existsSync(start)) {
      throw new ConfigurationError(`policy file not found: ${options.policyPath}`, { file: options.policyPath }, "check the path given to --policy");
    }
  } else {
    start = findPolicyFile(cwd) ?? "built-in:recommended";
  }
  const layers = readChain(start, cwd, []);
  const merged = layers.reduceRight<Record<string, unknown>>((acc, layer) => mergePolicy(acc, layer.raw), {});
  delete merged.extends;
  const schema = buildPolicySchema();
  const parsed = schema.safeParse(merged);
  if (!parsed.success) throw issueToError(parsed.error.issues, layers, schema);

  const top = layers[0];
  const waiverLocations = waiverLines(layers);
  const result: LoadedPolicy = { policy: parsed.data, source: top?.display ?? "built-in:recommended", waiverLocations };
  if (top && !top.file.startsWith("built-in:")) result.file = top.file;
  return result;
}

/** The policy file and every policy it extends, child first. */
function readChain(file: string, cwd: string, seen: string[]): Layer[] {
  if (seen.includes(file)) {
    throw new ConfigurationError(`policy extends itself: ${[...seen, file].map((f) => displayName(f, cwd)).join(" → ")}`, { file: displayName(file, cwd) }, "remove the cycle from `extends`");
  }
  const layer = readLayer(file, cwd);
  const ext = layer.raw.extends;
  const parents = ext === undefined ? (file === "built-in:recommended" || file === "built-in:none" ? [] : ["recommended"]) : Array.isArray(ext) ? ext : [ext];
  const chain = [layer];
  for (const parent of parents) {
    if (typeof parent !== "string") {
      throw positioned(layer, ["extends"], "extends must be a policy name or a relative path", 'write e.g. `extends: recommended` or `extends: ./base.yml`');
    }
    if (parent === "none") continue;
    let target: string;
    if ((BUILT_IN_POLICIES as readonly string[]).includes(parent)) target = `built-in:${parent}`;
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

function displayName(file: string, cwd: string): string {
  return file.startsWith("built-in:") ? file : toPosix(relative(cwd, file)) || file;
}

function readLayer(file: string, cwd: string): Layer {
  const path = file.startsWith("built-in:") ? join(builtInPolicyDir(), `${file.slice("built-in:".length)}.yml`) : file;
  const display = displayName(file, cwd);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigurationError(`cannot read policy: ${(error as Error).message}`, { file: display }, "check the file exists and is readable");
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const pos = lines.linePos(first.pos[0]);
    throw new ConfigurationError(
      `invalid YAML: ${first.message.split("\n")[0]}`,
      { file: display, line: pos.line, column: pos.col },
      "fix the syntax at this position (indentation, quotes, a missing colon)",
    );
  }
  const raw: unknown = doc.toJS({ maxAliasCount: 100 }) ?? {};
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new ConfigurationError("a policy must be a mapping of keys such as version, gates, waivers", { file: display, line: 1, column: 1 }, "start the file with `version: 1`");
  }
  return { file, display, doc, lines, raw: raw as Record<string, unknown> };
}

/** Child over parent: mappings merge key by key, lists replace, except waivers which add up. */
export function mergePolicy(parent: Record<string, unknown>, child: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...parent };
  for (const [key, value] of Object.entries(child)) {
    const prev = out[key];
    if (key === "waivers" && Array.isArray(prev) && Array.isArray(value)) out[key] = [...prev, ...value];
    else if (isPlainObject(prev) && isPlainObject(value) && key !== "waivers") out[key] = mergeObjects(prev, value);
    else out[key] = value;
  }
  return out;
}

function mergeObjects(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const prev = out[key];
    out[key] = isPlainObject(prev) && isPlainObject(value) ? mergeObjects(prev, value) : value;
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function positioned(layer: Layer, path: (string | number)[], message: string, fix: string): ConfigurationError {
  const pos = positionOf(layer, path);
  return new ConfigurationError(message, { file: layer.display, line: pos.line, column: pos.col }, fix);
}

/** Line/column of the deepest node on `path` that exists in this layer's document. */
function positionOf(layer: Layer, path: readonly PropertyKey[]): { line: number; col: number; exact: boolean } {
  for (let n = path.length; n >= 0; n--) {
    const node = layer.doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === "object" && node.range) {
      // For a key that exists, point at the key rather than the value.
      const keyPos = n > 0 ? keyRange(layer, path.slice(0, n)) : undefined;
      const offset = keyPos ?? node.range[0];
      const pos = layer.lines.linePos(offset);
      return { line: pos.line, col: pos.col, exact: n === path.length };
    }
  }
  return { line: 1, col: 1, exact: false };
}

function keyRange(layer: Layer, path: readonly PropertyKey[]): number | undefined {
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1];
  const parent = (parentPath.length ? layer.doc.getIn(parentPath, true) : layer.doc.contents) as
    | { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] }
    | undefined;
  const item = parent?.items?.find((i) => i.key && typeof i.key === "object" && i.key.value === last);
  return item?.key?.range?.[0];
}

function waiverLines(layers: Layer[]): { path: string; line: number }[] {
  // Merged waivers are parent first; walk layers from the root ancestor down.
  const out: { path: string; line: number }[] = [];
  for (const layer of [...layers].reverse()) {
    const waivers = layer.raw.waivers;
    if (!Array.isArray(waivers)) continue;
    waivers.forEach((_, i) => out.push({ path: layer.display, line: positionOf(layer, ["waivers", i]).line }));
  }
  return out;
}

type Issue = z.core.$ZodIssue;

function issueToError(issues: readonly Issue[], layers: Layer[], schema: z.ZodType): ConfigurationError {
  const issue = issues[0];
  if (!issue) return new ConfigurationError("invalid policy");
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  let keyPath = path;
  if (issue.code === "unrecognized_keys" && issue.keys[0] !== undefined) keyPath = [...path, issue.keys[0]];
  // Report against the layer that wrote the value: the most specific (child-most) that has it.
  const ranked = layers
    .map((layer) => ({ layer, pos: positionOf(layer, keyPath) }))
    .sort((a, b) => Number(b.pos.exact) - Number(a.pos.exact));
  const best = ranked[0] ?? { layer: layers[0], pos: { line: 1, col: 1 } };
  const where = path.length ? path.join(".") : "policy";
  const { message, fix } = describeIssue(issue, path, schema);
  return new ConfigurationError(`${where}: ${message}`, { file: best.layer?.display ?? "policy", line: best.pos.line, column: best.pos.col }, fix);
}

function describeIssue(issue: Issue, path: (string | number)[], schema: z.ZodType): { message: string; fix: string } {
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = keysAt(schema, path);
      const key = issue.keys[0] ?? "";
      const guess = closest(key, known);
      return {
        message: `unknown key "${issue.keys.join('", "')}"`,
        fix: guess ? `did you mean "${guess}"?` : known.length ? `use one of: ${known.join(", ")}` : "remove it",
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

/** Keys an object schema accepts at a path (through optional/default wrappers). */
function keysAt(schema: z.ZodType, path: (string | number)[]): string[] {
  let current: unknown = schema;
  const unwrap = (s: unknown): unknown => {
    let x = s as { def?: { type?: string; innerType?: unknown; element?: unknown } };
    while (x?.def && (x.def.type === "optional" || x.def.type === "default" || x.def.type === "nullable" || x.def.type === "prefault")) {
      x = x.def.innerType as typeof x;
    }
    return x;
  };
  for (const key of path) {
    const s = unwrap(current) as { def?: { type?: string; element?: unknown }; shape?: Record<string, unknown> };
    if (s?.def?.type === "array" && typeof key === "number") current = s.def.element;
    else if (s?.shape && typeof key === "string") current = s.shape[key];
    else return [];
  }
  const s = unwrap(current) as { shape?: Record<string, unknown> };
  return s?.shape ? Object.keys(s.shape) : [];
}

function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
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

function levenshtein(a: string, b: string): number {
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
