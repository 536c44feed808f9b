// The IaC rule catalogue: every built-in rule, as data plus a check. Importing this module loads no
// parser, so `tollgate rules` / `explain` stay cheap.
import type { RuleMeta } from "../../../core/types.js";
import type { IacRule } from "../types.js";
import { awsRules } from "./aws.js";
import { kubernetesRules } from "./kubernetes.js";
import { dockerfileRules } from "./dockerfile.js";
import { composeRules } from "./compose.js";
import { ciRules } from "./ci.js";
import { azureGcpRules } from "./azure-gcp.js";

export const RULES: readonly IacRule[] = [...awsRules, ...kubernetesRules, ...dockerfileRules, ...composeRules, ...ciRules, ...azureGcpRules];

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
