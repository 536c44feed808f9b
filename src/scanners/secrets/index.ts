// The built-in secret engine: rules as data, a keyword prefilter, noise filters, redaction.
// findSecretsInText is the synchronous entry other gates use on small texts (env vars, labels,
// files from image layers); scanFiles and scanHistory feed the secrets gate.
import { makeFinding } from "../../core/finding.js";
import type { Finding, RuleMeta, Scanner } from "../../core/types.js";
import { findSecretsInText } from "./hits.js";
import type { SecretRule } from "./types.js";

export type { SecretRule } from "./types.js";
export { RULES } from "./rules/index.js";
export { defaultEngine, findSecretsInText, hashSecret, toHits, type SecretHit } from "./hits.js";
export { scanFiles, type ScanFilesOptions, type ScanFilesResult } from "./pool.js";
export { scanHistory, type HistoryHit, type ScanHistoryOptions, type ScanHistoryResult } from "./history.js";

export function ruleMeta(rule: SecretRule): RuleMeta {
  const meta: RuleMeta = {
    id: rule.id,
    severity: rule.severity,
    title: rule.title,
    description: rule.description,
    remediation: rule.remediation,
    tags: ["security", "CWE-798", "secrets", rule.provider],
  };
  if (rule.helpUri) meta.helpUri = rule.helpUri;
  return meta;
}

export interface SecretsScanInput {
  /** Texts to scan, keyed by a display path. */
  texts: Record<string, string>;
}

export const scanner: Scanner<SecretsScanInput> = {
  id: "secrets",
  description: "built-in secret engine: provider token formats, private keys, credentials in URLs and generic assignments",
  scan: async (input) => {
    const findings: Finding[] = [];
    let total = 0;
    for (const [path, text] of Object.entries(input.texts)) {
      for (const hit of findSecretsInText(text, path)) {
        total++;
        findings.push(
          makeFinding({
            ruleId: hit.ruleId,
            gate: "secrets",
            severity: hit.severity,
            message: `${hit.title} ${hit.redacted} found; revoke and rotate it, then remove it from the code.`,
            location: { path, startLine: hit.line, startColumn: hit.column, endLine: hit.endLine, endColumn: hit.endColumn },
            key: hit.hash,
            properties: { redacted: hit.redacted },
          }),
        );
      }
    }
    return { findings, metrics: { secrets: total } };
  },
};
