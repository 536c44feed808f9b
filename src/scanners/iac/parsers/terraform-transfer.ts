// Structured clone drops class identity: Unresolved values cross the worker boundary as markers.
import { Unresolved, type Obj, type Resource, type Value } from "../types.js";
import type { TerraformFile } from "./terraform.js";

export interface TerraformBatch {
  id: number;
  files: { path: string; text: string }[];
}

const MARK = "\u0000unresolved";

function encode(v: Value): Value {
  if (v instanceof Unresolved) return { [MARK]: v.text };
  if (Array.isArray(v)) return v.map(encode);
  if (v !== null && typeof v === "object") {
    const o: Obj = {};
    for (const [k, x] of Object.entries(v)) o[k] = encode(x);
    return o;
  }
  return v;
}

function decode(v: Value): Value {
  if (Array.isArray(v)) return v.map(decode);
  if (v !== null && typeof v === "object" && !(v instanceof Unresolved)) {
    const text = (v as Obj)[MARK];
    if (typeof text === "string") return new Unresolved(text);
    const o: Obj = {};
    for (const [k, x] of Object.entries(v)) o[k] = decode(x);
    return o;
  }
  return v;
}

function mapValues(m: Map<string, Value>, f: (v: Value) => Value): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const [k, v] of m) out.set(k, f(v));
  return out;
}

export function toTransfer(file: TerraformFile): TerraformFile {
  return {
    ...file,
    resources: file.resources.map((r: Resource) => ({ ...r, body: encode(r.body) as Obj })),
    variables: mapValues(file.variables, encode),
    locals: mapValues(file.locals, encode),
  };
}

export function fromTransfer(file: TerraformFile): TerraformFile {
  return {
    ...file,
    resources: file.resources.map((r: Resource) => ({ ...r, body: decode(r.body) as Obj })),
    variables: mapValues(file.variables, decode),
    locals: mapValues(file.locals, decode),
  };
}
