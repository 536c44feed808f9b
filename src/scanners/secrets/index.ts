// The built-in secret engine: rules as data, a keyword prefilter, noise filters, redaction.
// findSecretsInText is the synchronous entry other gates use on small texts (env vars, labels,
// files from image layers); scanFiles and scanHistory feed the secrets gate.
import { createHash } from "node:crypto";
import { redact } from "../../core/redact.js";
import type { RuleMeta, Scanner, Severity } from "../../core/types.js";
import { SecretEngine, type RawMatch } from "./engine.js";
import { RULES } from "./rules/index.js";
import type { SecretRule } from "./types.js";

export type { SecretRule } from "./types.js";
export { RULES } from "./rules/index.js";

export interface SecretHit {
  ruleId: string;
  severity: Severity;
  title: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** first 4 chars + length */
  redacted: string;
  /** sha256 hex of the raw secret */
  hash: string;
}

let shared: SecretEngine | undefined;

/** The engine over the built-in rules, built once per thread. */
export function defaultEngine(): SecretEngine {
  shared ??= new SecretEngine(RULES);
  return shared;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Turns engine matches into hits with 1-based lines and columns; the raw values stay here. */
export function toHits(text: string, matches: readonly RawMatch[]): SecretHit[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start);
  const hits: SecretHit[] = [];
  let line = 1;
  let lineStart = 0;
  let pos = 0;
  const advance = (to: number): void => {
    for (let nl = text.indexOf("\n", pos); nl !== -1 && nl < to; nl = text.indexOf("\n", nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    pos = Math.max(pos, to);
  };
  for (const m of sorted) {
    advance(m.start);
    const startLine = line;
    const startColumn = m.start - lineStart + 1;
    // The end position may lie on a later line (PEM blocks); count without moving the cursor.
    let endLine = startLine;
    let endLineStart = lineStart;
    for (let nl = text.indexOf("\n", m.start); nl !== -1 && nl < m.end; nl = text.indexOf("\n", nl + 1)) {
      endLine++;
      endLineStart = nl + 1;
    }
    hits.push({
      ruleId: m.rule.id,
      severity: m.rule.severity,
      title: m.rule.title,
      line: startLine,
      column: startColumn,
      endLine,
      endColumn: m.end - endLineStart + 1,
      redacted: redact(m.secret),
      hash: hashSecret(m.secret),
    });
  }
  return hits;
}

/** Every secret in a text, each hit carrying only its redacted form and hash. */
export function findSecretsInText(text: string, path?: string): SecretHit[] {
  const result = defaultEngine().scan(text, path === undefined ? {} : { path });
  return toHits(text, result.matches);
}

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
    const findings = [];
    let total = 0;
    const { makeFinding } = await import("../../core/finding.js");
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
