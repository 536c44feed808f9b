// Builders that turn a compact declaration into a SecretRule: a token with a fixed prefix, or a
// value assigned to a provider-named variable. Patterns are built from bounded, non-nested
// quantifiers only, so every one stays linear (the ReDoS test checks the result).
import type { Severity } from "../../../core/types.js";
import type { MatchContext, RuleSpan, SecretRule } from "../types.js";

interface Common {
  /** Without the "secrets/" prefix. */
  id: string;
  provider: string;
  /** What the credential is, e.g. "personal access token"; the title is provider + kind. */
  kind: string;
  severity?: Severity;
  description: string;
  remediation: string;
  entropy?: number;
  span?: RuleSpan;
  validate?: (secret: string, context: MatchContext) => boolean;
  auxPatterns?: RegExp[];
  helpUri?: string;
  positive: string[];
  negative: string[];
}

export interface TokenDeclaration extends Common {
  /** Literal prefix(es) that start the token; they are also the prefilter keywords. */
  prefix: string | string[];
  /** Regex source of what follows the prefix. */
  body: string;
  /** Extra keywords (when the prefix alone is too short to be a useful literal). */
  keywords?: string[];
  /** Characters that may not directly precede or follow the token (regex class body). */
  boundary?: string;
  /** Characters that may not directly precede the token, when they differ from `boundary`. */
  before?: string;
  /** False when the prefix is a field name (AccountKey=, _authToken=) rather than part of the secret. */
  prefixIsSecret?: boolean;
}

export interface ContextDeclaration extends Common {
  /** Lower-case literals, one of which appears in every matching variable name. */
  keywords: string[];
  /** Regex source of the variable name's distinctive part (matched case-insensitively). */
  name: string;
  /** Regex source of the value. */
  value: string;
  boundary?: string;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

export function rotate(where: string): string {
  return `Revoke the credential ${where}, issue a new one, keep it in a secret manager or CI secret store, and remove the old value from the code and the git history.`;
}

function base(d: Common, keywords: string[], pattern: RegExp, prefixLength?: number): SecretRule {
  const rule: SecretRule = {
    id: `secrets/${d.id}`,
    provider: d.provider,
    severity: d.severity ?? "high",
    title: `${d.provider} ${d.kind}`,
    description: d.description,
    remediation: d.remediation,
    keywords,
    pattern,
    examples: { positive: d.positive, negative: d.negative },
  };
  if (d.entropy !== undefined) rule.entropy = d.entropy;
  if (prefixLength !== undefined && prefixLength > 0) rule.prefixLength = prefixLength;
  if (d.span) rule.span = d.span;
  if (d.validate) rule.validate = d.validate;
  if (d.auxPatterns) rule.auxPatterns = d.auxPatterns;
  if (d.helpUri) rule.helpUri = d.helpUri;
  return rule;
}

/** A token recognisable on its own by a fixed prefix: ghp_…, xoxb-…, AKIA…. */
export function token(d: TokenDeclaration): SecretRule {
  const prefixes = Array.isArray(d.prefix) ? d.prefix : [d.prefix];
  const boundary = d.boundary ?? (d.body.includes("-") || prefixes.some((p) => p.endsWith("-")) ? "A-Za-z0-9_-" : "A-Za-z0-9_");
  const alt = prefixes.length === 1 ? escape(prefixes[0] ?? "") : `(?:${prefixes.map(escape).join("|")})`;
  // "=", "/" and "+" end assignments and URL paths, so they may precede a token even when they
  // may not follow it.
  const before = d.before ?? boundary.replace(/[=+/]/g, "");
  const inSecret = d.prefixIsSecret ?? true;
  const pattern = inSecret
    ? new RegExp(`(?<![${before}])(?<secret>${alt}${d.body})(?![${boundary}])`)
    : new RegExp(`(?<![${before}])${alt}(?<secret>${d.body})(?![${boundary}])`);
  const lengths = new Set(prefixes.map((p) => p.length));
  const prefixLength = !inSecret ? 0 : lengths.size === 1 ? prefixes[0]?.length : Math.min(...lengths);
  // A prefix with upper-case letters is an exact keyword, else a case-insensitive one.
  return base(d, d.keywords ?? prefixes, pattern, prefixLength);
}

/**
 * The assignment shapes a value takes in code and config: `NAME = "v"`, `name: v`,
 * `"name": "v"`, `name := "v"`, `name => 'v'`, `<name>v`.
 */
export const ASSIGN = `[\\w.-]{0,32}["'\`]?[ \\t]{0,4}(?:=|:=|::|:|=>|>|\\?=|\\|\\|=)[ \\t]{0,4}(?:["'\`]|\\$?["']|b["']|r["'])?[ \\t]{0,2}`;

/** A value with no fixed prefix, recognised by the provider named in its variable. */
export function context(d: ContextDeclaration): SecretRule {
  const boundary = d.boundary ?? (d.value.includes("-") ? "A-Za-z0-9_-" : "A-Za-z0-9_");
  const pattern = new RegExp(`(?:${d.name})${ASSIGN}(?<secret>${d.value})(?![${boundary}])`, "i");
  return base({ ...d, entropy: d.entropy ?? 3 }, d.keywords, pattern);
}

export const HEX32 = "[a-f0-9]{32}";
export const HEX40 = "[a-f0-9]{40}";
export const HEX64 = "[a-f0-9]{64}";
export const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
