// Small readers the rule checks share: paths into plain values, Kubernetes pod specs and
// containers, Dockerfile instructions, IAM policy statements. No parser imports here: the rule
// catalogue must stay cheap to load.
import { Unresolved, type Issue, type Obj, type Resource, type Value } from "../types.js";

export function isObj(v: Value | undefined): v is Obj {
  return v !== null && v !== undefined && typeof v === "object" && !Array.isArray(v) && !(v instanceof Unresolved);
}

export function join(prefix: string, key: string | number): string {
  return prefix === "" ? String(key) : `${prefix}.${key}`;
}

/** Strict dotted path lookup; numeric segments index arrays. */
export function get(obj: Value | undefined, path: string): Value | undefined {
  if (path === "") return obj;
  let cur: Value | undefined = obj;
  for (const seg of path.split(".")) {
    if (Array.isArray(cur)) cur = /^\d+$/.test(seg) ? cur[Number(seg)] : undefined;
    else if (isObj(cur)) cur = Object.hasOwn(cur, seg) ? cur[seg] : undefined;
    else return undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

export interface Match {
  value: Value;
  path: string;
}

/**
 * Every value at a pattern: `*` matches each key or index; a name segment meeting an array walks
 * into each element (Terraform blocks are arrays), so "ingress.cidr_blocks" reads every ingress block.
 */
export function each(obj: Value | undefined, pattern: string, base = ""): Match[] {
  let current: Match[] = obj === undefined ? [] : [{ value: obj, path: base }];
  if (pattern === "") return current;
  for (const seg of pattern.split(".")) {
    const next: Match[] = [];
    for (const m of current) {
      const v = m.value;
      if (seg === "*") {
        if (Array.isArray(v)) v.forEach((x, i) => next.push({ value: x, path: join(m.path, i) }));
        else if (isObj(v)) for (const [k, x] of Object.entries(v)) next.push({ value: x, path: join(m.path, k) });
      } else if (Array.isArray(v) && !/^\d+$/.test(seg)) {
        v.forEach((x, i) => {
          if (isObj(x) && Object.hasOwn(x, seg)) next.push({ value: x[seg] as Value, path: join(join(m.path, i), seg) });
        });
      } else if (Array.isArray(v)) {
        const x = v[Number(seg)];
        if (x !== undefined) next.push({ value: x, path: join(m.path, seg) });
      } else if (isObj(v) && Object.hasOwn(v, seg)) {
        next.push({ value: v[seg] as Value, path: join(m.path, seg) });
      }
    }
    current = next;
  }
  return current;
}

/** Terraform nested blocks (always arrays) or a single object, as a list with paths. */
export function blocks(obj: Value | undefined, name: string, base = ""): { value: Obj; path: string }[] {
  if (!isObj(obj)) return [];
  const v = obj[name];
  const path = join(base, name);
  if (Array.isArray(v)) return v.flatMap((x, i) => (isObj(x) ? [{ value: x, path: join(path, i) }] : []));
  if (isObj(v)) return [{ value: v, path }];
  return [];
}

export function block(obj: Value | undefined, name: string, base = ""): { value: Obj; path: string } | undefined {
  return blocks(obj, name, base)[0];
}

export function isTrue(v: Value | undefined): boolean {
  return v === true || (typeof v === "string" && /^(true|yes|on)$/i.test(v));
}

export function isFalse(v: Value | undefined): boolean {
  return v === false || (typeof v === "string" && /^(false|no|off)$/i.test(v));
}

/** Present and not a literal "empty": unresolved references count as set. */
export function isSet(v: Value | undefined): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === "string") return v.trim() !== "";
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

export function str(v: Value | undefined): string | undefined {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;
}

export function strings(v: Value | undefined): string[] {
  if (Array.isArray(v)) return v.flatMap((x) => (typeof x === "string" ? [x] : typeof x === "number" ? [String(x)] : []));
  const s = str(v);
  return s === undefined ? [] : [s];
}

export function num(v: Value | undefined): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

export function at(path: string, message?: string): Issue {
  return message === undefined ? { path } : { path, message };
}

export function missing(path: string, message?: string): Issue {
  return message === undefined ? { path, missing: true } : { path, missing: true, message };
}

/** The value, with its path, or a missing-attribute issue; undefined when present. */
export function requireAttr(body: Obj, path: string, message?: string): Issue | undefined {
  return get(body, path) === undefined ? missing(path, message) : undefined;
}

// ---- Kubernetes -------------------------------------------------------------------------------

export const WORKLOAD_KINDS = ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob", "PodTemplate"];

/** The pod spec of a workload with its path inside the document. */
const podSpecCache = new WeakMap<Resource, { value: Obj; path: string } | null>();
const containerCache = new WeakMap<Resource, ContainerRef[]>();

export function podSpec(r: Resource): { value: Obj; path: string } | undefined {
  const cached = podSpecCache.get(r);
  if (cached !== undefined) return cached ?? undefined;
  const found = findPodSpec(r);
  podSpecCache.set(r, found ?? null);
  return found;
}

function findPodSpec(r: Resource): { value: Obj; path: string } | undefined {
  const candidates: Record<string, string> = {
    Pod: "spec",
    CronJob: "spec.jobTemplate.spec.template.spec",
    PodTemplate: "template.spec",
  };
  const path = candidates[r.type] ?? "spec.template.spec";
  const v = get(r.body, path);
  return isObj(v) ? { value: v, path } : undefined;
}

export interface ContainerRef {
  value: Obj;
  path: string;
  /** Init or ephemeral container (not a long-running app container). */
  init: boolean;
  /** Ephemeral debug container: no resources, probes or ports allowed by the API. */
  ephemeral: boolean;
}

/** Every container of a workload (init and ephemeral ones too unless `init: false`); cached per resource, as ~30 rules ask. */
export function containers(r: Resource, options: { init?: boolean } = {}): ContainerRef[] {
  let all = containerCache.get(r);
  if (!all) {
    all = findContainers(r);
    containerCache.set(r, all);
  }
  return options.init === false ? all.filter((c) => !c.init) : all;
}

function findContainers(r: Resource): ContainerRef[] {
  const spec = podSpec(r);
  if (!spec) return [];
  const out: ContainerRef[] = [];
  for (const key of ["initContainers", "containers", "ephemeralContainers"]) {
    const list = spec.value[key];
    if (!Array.isArray(list)) continue;
    list.forEach((c, i) => {
      if (isObj(c)) out.push({ value: c, path: `${spec.path}.${key}.${i}`, init: key !== "containers", ephemeral: key === "ephemeralContainers" });
    });
  }
  return out;
}

// ---- Images -----------------------------------------------------------------------------------

/** Tag of an image reference ("" when untagged, undefined when pinned by digest or not literal). */
export function imageTag(image: string): string | undefined {
  if (image.includes("${") || image.includes("$(") || /^\$/.test(image)) return undefined;
  if (image.includes("@sha256:") || image.includes("@")) return undefined;
  const lastSlash = image.lastIndexOf("/");
  const last = image.slice(lastSlash + 1);
  const colon = last.indexOf(":");
  return colon < 0 ? "" : last.slice(colon + 1);
}

export function badImageTag(image: string): "latest" | "untagged" | undefined {
  if (image === "scratch") return undefined;
  const tag = imageTag(image.trim());
  if (tag === undefined) return undefined;
  if (tag === "") return "untagged";
  if (tag.toLowerCase() === "latest") return "latest";
  return undefined;
}

// ---- Dockerfile -------------------------------------------------------------------------------

export interface DockerInstruction {
  cmd: string;
  value: string;
  line: number;
  stage: number;
  index: number;
}

const instructionCache = new WeakMap<Resource, DockerInstruction[]>();

/** The Dockerfile's instructions (cached per resource: every Dockerfile rule asks). */
export function instructions(r: Resource): DockerInstruction[] {
  let cached = instructionCache.get(r);
  if (!cached) {
    cached = readInstructions(r);
    instructionCache.set(r, cached);
  }
  return cached;
}

function readInstructions(r: Resource): DockerInstruction[] {
  const list = r.body.instructions;
  if (!Array.isArray(list)) return [];
  return list.flatMap((x, index) =>
    isObj(x) && typeof x.cmd === "string" && typeof x.value === "string" && typeof x.line === "number" && typeof x.stage === "number"
      ? [{ cmd: x.cmd, value: x.value, line: x.line, stage: x.stage, index }]
      : [],
  );
}

export function stageCount(r: Resource): number {
  return Array.isArray(r.body.stages) ? r.body.stages.length : 0;
}

export function instructionIssue(ins: DockerInstruction, message?: string): Issue {
  // Keyed by stage and text, not position, so inserting a line above keeps the fingerprint.
  const issue: Issue = { path: `instructions.${ins.index}`, line: ins.line, key: `stage${ins.stage}:${ins.cmd} ${ins.value}` };
  if (message !== undefined) issue.message = message;
  return issue;
}

/** RUN arguments as shell text, whether written in shell or JSON form. */
export function shellText(value: string): string {
  const v = value.trim();
  if (v.startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(v);
      if (Array.isArray(parsed)) return parsed.map(String).join(" ");
    } catch {
      // not JSON after all: shell form
    }
  }
  return v.replace(/^(--\S+\s+)+/, "");
}

// ---- Secrets in plain values ------------------------------------------------------------------

const SECRET_NAME = /(pass(word|wd)?|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential|auth)/i;
const NOT_SECRET_NAME = /(_file|_path|_url|_uri|_id|_name|_arn|_region|_length|_ttl|_enabled|_type|length|_host|_port|_user(name)?)$/i;

export function looksLikeSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !NOT_SECRET_NAME.test(name);
}

/** A literal that is a real value, not a reference, a placeholder or empty. */
export function looksLikeLiteralSecret(value: Value | undefined): boolean {
  if (typeof value !== "string") return false;
  const v = value.trim();
  if (v.length < 4) return false;
  if (/\$\{|\$\(|^\$|\{\{|^<.*>$|^(true|false|null|none|changeme)$/i.test(v)) return false;
  if (/^(arn:|\/|https?:\/\/|file:|vault:|ssm:|secretsmanager:)/i.test(v)) return false;
  return true;
}

// ---- IAM policies -----------------------------------------------------------------------------

export interface Statement {
  value: Obj;
  path: string;
}

/** Policy document from a JSON string or an object (jsonencode / CloudFormation). */
export function policyDocument(v: Value | undefined): Obj | undefined {
  if (isObj(v)) return v;
  if (typeof v === "string" && v.trim().startsWith("{")) {
    try {
      return toValue(JSON.parse(v) as unknown) as Obj;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function toValue(x: unknown): Value {
  if (x === null || typeof x === "string" || typeof x === "number" || typeof x === "boolean") return x;
  if (Array.isArray(x)) return x.map(toValue);
  if (typeof x === "object") {
    const o: Obj = {};
    for (const [k, v] of Object.entries(x as Record<string, unknown>)) o[k] = toValue(v);
    return o;
  }
  return null;
}

export function statements(doc: Obj | undefined, path: string): Statement[] {
  if (!doc) return [];
  const s = doc.Statement ?? doc.statement;
  const key = doc.Statement !== undefined ? "Statement" : "statement";
  if (Array.isArray(s)) return s.flatMap((x, i) => (isObj(x) ? [{ value: x, path: join(join(path, key), i) }] : []));
  if (isObj(s)) return [{ value: s, path: join(path, key) }];
  return [];
}

export function field(o: Obj, ...names: string[]): Value | undefined {
  for (const n of names) if (o[n] !== undefined) return o[n];
  return undefined;
}
