// Engine matches turned into what leaves the engine: rule, position, redacted value and a hash of
// the secret. The raw value never goes further than this module.
import { createHash } from "node:crypto";
import { redact } from "../../core/redact.js";
import type { Severity } from "../../core/types.js";
import { SecretEngine, type RawMatch } from "./engine.js";
import { RULES } from "./rules/index.js";

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

