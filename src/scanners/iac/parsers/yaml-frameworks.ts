// Turns parsed YAML/JSON documents into resources for Kubernetes, CloudFormation/SAM, Compose,
// GitHub Actions, GitLab CI and Terraform plan JSON.
import { Unresolved, type Obj, type Resource, type Value } from "../types.js";
import type { YamlDoc } from "./yaml-tree.js";

export function isObj(v: Value | undefined): v is Obj {
  return v !== null && v !== undefined && typeof v === "object" && !Array.isArray(v) && !(v instanceof Unresolved);
}

/** The sub-map of `lines` under `prefix`, re-based so paths start inside it. */
export function rebase(lines: Map<string, number>, prefix: string): Map<string, number> {
  const out = new Map<string, number>();
  const p = `${prefix}.`;
  for (const [k, v] of lines) if (k.startsWith(p)) out.set(k.slice(p.length), v);
  return out;
}

function lastLine(lines: Map<string, number>, fallback: number): number {
  let max = fallback;
  for (const v of lines.values()) if (v > max) max = v;
  return max;
}

const LIST_KIND = /List$/;

export function kubernetesResources(path: string, docs: YamlDoc[]): Resource[] {
  const out: Resource[] = [];
  const add = (obj: Obj, lines: Map<string, number>, line: number, endLine: number): void => {
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

export function cloudformationResources(path: string, doc: YamlDoc): Resource[] {
  const root = doc.value;
  if (!isObj(root) || !isObj(root.Resources)) return [];
  const params = new Map<string, Value>();
  if (isObj(root.Parameters)) {
    for (const [k, v] of Object.entries(root.Parameters)) {
      if (isObj(v) && v.Default !== undefined && (typeof v.Default === "string" || typeof v.Default === "number" || typeof v.Default === "boolean")) params.set(k, v.Default);
    }
  }
  const globals = isObj(root.Globals) && isObj(root.Globals.Function) ? root.Globals.Function : undefined;
  const out: Resource[] = [];
  for (const [id, res] of Object.entries(root.Resources)) {
    if (!isObj(res) || typeof res.Type !== "string") continue;
    let props: Obj = isObj(res.Properties) ? (resolveRefs(res.Properties, params, 0) as Obj) : {};
    if (globals && res.Type === "AWS::Serverless::Function") props = { ...(resolveRefs(globals, params, 0) as Obj), ...props };
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
      lines: rebase(doc.lines, `Resources.${id}.Properties`),
    });
  }
  return out;
}

/** `Ref` to a parameter with a literal default becomes that default (as Checkov does). */
function resolveRefs(value: Value, params: Map<string, Value>, depth: number): Value {
  if (depth > 60) return value;
  if (Array.isArray(value)) return value.map((v) => resolveRefs(v, params, depth + 1));
  if (isObj(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === "Ref" && typeof value.Ref === "string" && params.has(value.Ref)) return params.get(value.Ref) ?? null;
    const out: Obj = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolveRefs(v, params, depth + 1);
    return out;
  }
  return value;
}

export function composeResources(path: string, doc: YamlDoc): Resource[] {
  const root = doc.value;
  if (!isObj(root) || !isObj(root.services)) return [];
  const out: Resource[] = [];
  for (const [name, svc] of Object.entries(root.services)) {
    if (!isObj(svc)) continue;
    const start = doc.lines.get(`services.${name}`) ?? doc.startLine;
    const lines = rebase(doc.lines, `services.${name}`);
    out.push({ framework: "compose", type: "service", address: `services.${name}`, path, line: start, endLine: lastLine(lines, start), body: svc, lines });
  }
  return out;
}

export function wholeFileResource(framework: "github-actions" | "gitlab-ci", type: string, path: string, doc: YamlDoc): Resource[] {
  if (!isObj(doc.value)) return [];
  return [{ framework, type, address: type, path, line: doc.startLine, endLine: doc.endLine, body: doc.value, lines: doc.lines, wholeFile: true }];
}

export function planResources(path: string, doc: YamlDoc): Resource[] {
  const root = doc.value;
  if (!isObj(root) || !isObj(root.planned_values)) return [];
  const out: Resource[] = [];
  const visit = (mod: Value | undefined, prefix: string): void => {
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
          lines: rebase(doc.lines, `${base}.values`),
        });
      });
    }
    if (Array.isArray(mod.child_modules)) mod.child_modules.forEach((c, n) => visit(c, `${prefix}.child_modules.${n}`));
  };
  visit(root.planned_values.root_module, "planned_values.root_module");
  return out;
}
