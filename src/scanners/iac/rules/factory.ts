// Builders for the many rules that are "this attribute must have that value": the check and the
// valid/invalid examples (with their expected lines) come from one declaration.
import type { Severity } from "../../../core/types.js";
import { Unresolved, type Framework, type IacRule, type InvalidExample, type Issue, type Obj, type Resource, type RuleExample, type Value } from "../types.js";
import { each, isObj } from "./helpers.js";

/** Strips the first newline and the common indentation, so examples read naturally in source. */
export function code(strings: TemplateStringsArray, ...values: unknown[]): string {
  let text = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ""), "");
  text = text.replace(/^\n/, "").replace(/\n[ \t]*$/, "\n");
  const indents = text.split("\n").filter((l) => l.trim() !== "").map((l) => l.length - l.trimStart().length);
  const min = indents.length > 0 ? Math.min(...indents) : 0;
  return text.split("\n").map((l) => l.slice(min)).join("\n");
}

/** Loose equality: Terraform and YAML write booleans and numbers as strings too. */
export function looseEquals(a: Value | undefined, b: Value): boolean {
  if (a === b) return true;
  if (typeof a === "string" && (typeof b === "boolean" || typeof b === "number")) return a.toLowerCase() === String(b);
  if (typeof b === "string" && typeof a === "string") return a.toLowerCase() === b.toLowerCase();
  return false;
}

/** A value the scanner cannot judge: a reference, an intrinsic function, a template. */
export function unknownValue(v: Value | undefined): boolean {
  if (v instanceof Unresolved) return true;
  if (typeof v === "string" && v.includes("${")) return true;
  if (isObj(v)) return Object.keys(v).some((k) => k === "Ref" || k.startsWith("Fn::"));
  return false;
}

export interface AttrSpec {
  types: string[];
  /** Dotted path (Terraform blocks are walked into). */
  attr: string;
  /** A compliant value, used in the valid example and as the default pass test. */
  ok: Value;
  /** A non-compliant value for the invalid example. */
  bad: Value;
  /** Does a missing attribute fail (the provider default is unsafe)? */
  missing: "fail" | "pass";
  /** Pass test (default: loosely equals ok). */
  pass?: (v: Value) => boolean;
  /** Extra attribute lines placed first in every example (HCL or YAML, as the framework needs). */
  extra?: string[];
  /** Limit the check to resources for which this holds. */
  when?: (body: Obj) => boolean;
}

export interface AttrRuleInput {
  id: string;
  severity: Severity;
  title: string;
  description: string;
  remediation: string;
  references: string[];
  terraform?: AttrSpec;
  cloudformation?: AttrSpec;
  tags?: string[];
}

function checkAttr(spec: AttrSpec, r: Resource): Issue[] {
  if (spec.when && !spec.when(r.body)) return [];
  const pass = spec.pass ?? ((v: Value) => looseEquals(v, spec.ok));
  const matches = each(r.body, spec.attr);
  if (matches.length === 0) return spec.missing === "fail" ? [{ path: spec.attr, missing: true }] : [];
  const out: Issue[] = [];
  for (const m of matches) {
    if (m.value === null) {
      if (spec.missing === "fail") out.push({ path: m.path });
      continue;
    }
    if (unknownValue(m.value)) continue;
    if (!pass(m.value)) out.push({ path: m.path });
  }
  return out;
}

export function renderValue(framework: "terraform" | "cloudformation", v: Value): string {
  if (framework === "terraform" && isObj(v)) return `{ ${Object.entries(v).map(([k, x]) => `${k} = ${renderValue(framework, x)}`).join(", ")} }`;
  return JSON.stringify(v);
}

/** Renders a resource with one attribute set (or absent); returns the code and the attribute's line. */
export function renderResource(framework: "terraform" | "cloudformation", type: string, spec: AttrSpec, value: Value | undefined): { code: string; line: number } {
  const segments = spec.attr.split(".");
  const last = segments.pop() ?? spec.attr;
  const lines: string[] = [];
  if (framework === "terraform") {
    lines.push(`resource "${type}" "example" {`);
    for (const e of spec.extra ?? []) lines.push(`  ${e}`);
    let line = 1;
    if (value !== undefined) {
      let indent = "  ";
      for (const s of segments) {
        lines.push(`${indent}${s} {`);
        indent += "  ";
      }
      lines.push(`${indent}${last} = ${renderValue(framework, value)}`);
      line = lines.length;
      for (let i = segments.length; i > 0; i--) lines.push(`${"  ".repeat(i)}}`);
    }
    lines.push("}");
    return { code: `${lines.join("\n")}\n`, line };
  }
  lines.push("Resources:", "  Example:", `    Type: ${type}`);
  let line = 2;
  const extra = spec.extra ?? [];
  if (value !== undefined || extra.length > 0) {
    lines.push("    Properties:");
    for (const e of extra) lines.push(`      ${e}`);
    if (value !== undefined) {
      let indent = "      ";
      for (const s of segments) {
        lines.push(`${indent}${s}:`);
        indent += "  ";
      }
      lines.push(`${indent}${last}: ${renderValue(framework, value)}`);
      line = lines.length;
    }
  }
  return { code: `${lines.join("\n")}\n`, line };
}

function examplesFor(framework: "terraform" | "cloudformation", spec: AttrSpec): { valid: RuleExample[]; invalid: InvalidExample[] } {
  const file = framework === "terraform" ? "main.tf" : "template.yaml";
  const type = spec.types[0] ?? "";
  const valid: RuleExample[] = [{ file, code: renderResource(framework, type, spec, spec.ok).code }];
  const bad = renderResource(framework, type, spec, spec.bad);
  const invalid: InvalidExample[] = [{ file, code: bad.code, lines: [bad.line] }];
  const absent = renderResource(framework, type, spec, undefined);
  if (spec.missing === "fail") invalid.push({ file, code: absent.code, lines: [absent.line] });
  else valid.push({ file, code: absent.code });
  return { valid, invalid };
}

/** One rule for an attribute that must hold a value, in Terraform and/or CloudFormation. */
export function attrRule(input: AttrRuleInput): IacRule {
  const frameworks: Framework[] = [];
  const types: string[] = [];
  const valid: RuleExample[] = [];
  const invalid: InvalidExample[] = [];
  if (input.terraform) {
    frameworks.push("terraform");
    types.push(...input.terraform.types);
    const ex = examplesFor("terraform", input.terraform);
    valid.push(...ex.valid);
    invalid.push(...ex.invalid);
  }
  if (input.cloudformation) {
    frameworks.push("cloudformation");
    types.push(...input.cloudformation.types);
    const ex = examplesFor("cloudformation", input.cloudformation);
    valid.push(...ex.valid);
    invalid.push(...ex.invalid);
  }
  const { terraform, cloudformation } = input;
  return {
    id: input.id,
    severity: input.severity,
    title: input.title,
    description: input.description,
    remediation: input.remediation,
    references: input.references,
    tags: input.tags ?? ["security"],
    frameworks,
    types,
    check: (r) => {
      if (r.framework === "terraform" && terraform && terraform.types.includes(r.type)) return checkAttr(terraform, r);
      if (r.framework === "cloudformation" && cloudformation && cloudformation.types.includes(r.type)) return checkAttr(cloudformation, r);
      return undefined;
    },
    examples: { valid, invalid },
  };
}
