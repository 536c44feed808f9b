// The shape of a secret rule: declarative data (id, texts, keywords, pattern, examples) plus an
// optional check function, so `tollgate rules` and the example tests read the same source.
import type { Severity } from "../../core/types.js";

/** Where a rule's pattern may match, relative to a keyword hit. */
export type RuleSpan =
  /** The keyword's line (bounded on very long lines). */
  | "line"
  /** From the keyword's line up to 24 KiB further: PEM blocks, long JSON lines. */
  | "block"
  /** 16 KiB either side of the keyword: YAML documents such as Kubernetes Secrets. */
  | "around";

export interface MatchContext {
  /** The whole text being scanned. */
  text: string;
  /** Offset of the secret in text. */
  start: number;
  /** Offset just after the secret. */
  end: number;
  /** Named groups of the pattern's match. */
  groups: Record<string, string | undefined>;
  path?: string;
}

export interface SecretRule {
  /** "secrets/<provider>-<kind>". */
  id: string;
  provider: string;
  severity: Severity;
  title: string;
  description: string;
  /** How to revoke and rotate. */
  remediation: string;
  /**
   * Literals one of which must occur near a match (the prefilter). All-lowercase keywords match
   * case-insensitively; a keyword with an upper-case letter must match exactly.
   */
  keywords: string[];
  /** The secret is the named group `secret`, else the whole match. Must be linear-time (tested). */
  pattern: RegExp;
  /** Literals one of which the window must contain before the pattern runs (a cheap second filter). */
  requires?: string[];
  /** Minimum Shannon entropy (bits per character) of the secret's variable part. */
  entropy?: number;
  /** Characters at the start of the secret fixed by the format (left out of noise checks). */
  prefixLength?: number;
  span?: RuleSpan;
  /**
   * Generic rules (no provider-specific format) get stricter noise filters, yield to specific
   * rules on the same text, and are not run on lockfiles.
   */
  generic?: boolean;
  /** Extra check on a match; false drops it. */
  validate?: (secret: string, context: MatchContext) => boolean;
  /** Other patterns the check uses (the ReDoS test covers them too). */
  auxPatterns?: RegExp[];
  helpUri?: string;
  examples: {
    /** Texts in which this rule must report a secret. */
    positive: string[];
    /** Texts in which no rule may report anything. */
    negative: string[];
  };
}
