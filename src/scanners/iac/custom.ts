// Custom rules from the policy: each states what a compliant resource looks like (attribute,
// operator, value); resources of the named type that do not comply get a finding.
import type { Severity } from "../../core/types.js";
import { looseEquals, unknownValue } from "./rules/factory.js";
import { each, num } from "./rules/helpers.js";
import type { Framework, IacRule, Issue, Resource, Value } from "./types.js";

export interface CustomRuleSpec {
  id: string;
  framework: Exclude<Framework, "terraform-plan">;
  resource: string | string[];
  attribute: string;
  operator: "equals" | "not-equals" | "exists" | "absent" | "matches" | "in" | "less-than";
  value?: string | number | boolean | (string | number | boolean)[];
  severity: Severity;
  message: string;
  remediation?: string;
}

function complies(spec: CustomRuleSpec, v: Value): boolean {
  switch (spec.operator) {
    case "equals":
      return !Array.isArray(spec.value) && spec.value !== undefined && looseEquals(v, spec.value);
    case "not-equals":
      return Array.isArray(spec.value) || spec.value === undefined || !looseEquals(v, spec.value);
    case "matches":
      return typeof spec.value === "string" && (typeof v === "string" || typeof v === "number" || typeof v === "boolean") && new RegExp(spec.value).test(String(v));
    case "in":
      return Array.isArray(spec.value) && spec.value.some((x) => looseEquals(v, x));
    case "less-than": {
      const n = num(v);
      return typeof spec.value === "number" && n !== undefined && n < spec.value;
    }
    default:
      return true;
  }
}

export function customRule(spec: CustomRuleSpec): IacRule {
  const types = Array.isArray(spec.resource) ? spec.resource : [spec.resource];
  const any = types.includes("*");
  const check = (r: Resource): Issue[] => {
    const matches = each(r.body, spec.attribute).filter((m) => m.value !== null);
    if (spec.operator === "exists") return matches.length > 0 ? [] : [{ path: spec.attribute.replace(/\.\*.*$/, ""), missing: true }];
    if (spec.operator === "absent") return matches.map((m) => ({ path: m.path }));
    if (matches.length === 0) {
      // Missing: "must be" operators fail, "must not be" passes.
      return spec.operator === "not-equals" ? [] : [{ path: spec.attribute.replace(/\.\*.*$/, ""), missing: true }];
    }
    return matches.filter((m) => !unknownValue(m.value) && !complies(spec, m.value)).map((m) => ({ path: m.path }));
  };
  const rule: IacRule = {
    id: `iac/custom-${spec.id}`,
    severity: spec.severity,
    title: spec.message,
    description: `Custom policy rule: ${types.join(", ")} must satisfy ${spec.attribute} ${spec.operator}${spec.value !== undefined ? ` ${JSON.stringify(spec.value)}` : ""}.`,
    remediation: spec.remediation ?? `Make ${spec.attribute} satisfy "${spec.operator}${spec.value !== undefined ? ` ${JSON.stringify(spec.value)}` : ""}".`,
    references: ["policy: gates.iac.custom-rules"],
    tags: ["custom"],
    frameworks: [spec.framework],
    check: (r) => check(r).map((i) => ({ ...i, message: spec.message })),
    examples: { valid: [], invalid: [] },
  };
  if (!any) rule.types = types;
  return rule;
}
