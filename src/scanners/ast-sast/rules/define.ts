// Fills in what every built-in SAST rule shares (id prefix, tags, CWE help link).
import type { Severity } from "../../../core/types.js";
import type { SastRule } from "../types.js";

export interface RuleInput extends Omit<SastRule, "id" | "tags" | "helpUri" | "severity" | "description"> {
  id: string;
  severity: Severity;
  cwe: number;
  description: string;
  helpUri?: string;
}

export function defineRule(input: RuleInput): SastRule {
  const { cwe, id, ...rest } = input;
  return {
    ...rest,
    id: `sast/${id}`,
    tags: ["security", `CWE-${cwe}`, input.language === "py" ? "python" : "javascript"],
    helpUri: input.helpUri ?? `https://cwe.mitre.org/data/definitions/${cwe}.html`,
  };
}
