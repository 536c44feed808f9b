// The IaC rule catalogue: every built-in rule, as data plus a check. Importing this module loads no
// parser, so `tollgate rules` / `explain` stay cheap.
import type { RuleMeta } from "../../../core/types.js";
import type { IacRule } from "../types.js";
import { awsRules } from "./aws.js";

export const RULES: readonly IacRule[] = [...awsRules];

/** Metadata only (what the gate's rules() returns). */
export function ruleMeta(rule: IacRule): RuleMeta {
  const meta: RuleMeta = {
    id: rule.id,
    severity: rule.severity,
    title: rule.title,
    description: rule.description,
    remediation: rule.remediation,
    tags: [...new Set([...(rule.tags ?? ["security"]), ...rule.frameworks.map((f) => `framework:${f}`), ...rule.references.filter((r) => /^(CWE-\d+|CKV2?_\w+)$/.test(r))])],
  };
  const help = rule.helpUri ?? rule.references.find((r) => r.startsWith("https://"));
  if (help) meta.helpUri = help;
  return meta;
}
