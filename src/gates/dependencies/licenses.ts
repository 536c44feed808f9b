// Licence policy on SPDX expressions: an expression passes when at least one of its alternatives
// (OR branches, after expanding AND) uses only allowed and no denied licences. So
// "MIT OR GPL-3.0-only" passes `deny: [GPL-3.0-only]`, while "MIT AND GPL-3.0-only" does not.
import parse, { type SpdxNode } from "spdx-expression-parse";
import correct from "spdx-correct";

export interface LicensePolicy {
  allow?: string[];
  deny?: string[];
}

export type LicenseVerdict =
  | { status: "ok"; expression: string }
  | { status: "denied"; expression: string; licenses: string[] }
  | { status: "not-allowed"; expression: string; licenses: string[] }
  | { status: "unknown"; reason: string };

interface Term {
  id: string;
  plus: boolean;
  exception?: string;
}

/** Expands an expression into alternatives, each a list of licences that all apply. */
function alternatives(node: SpdxNode): Term[][] {
  if ("license" in node) {
    const term: Term = { id: node.license, plus: node.plus === true };
    if (node.exception) term.exception = node.exception;
    return [[term]];
  }
  const left = alternatives(node.left);
  const right = alternatives(node.right);
  if (node.conjunction === "or") return [...left, ...right].slice(0, 256);
  const out: Term[][] = [];
  for (const l of left) for (const r of right) if (out.length < 256) out.push([...l, ...r]);
  return out;
}

/** "GPL-2.0+", "GPL-2.0-or-later" -> { base: "gpl-2.0", later: true }; "GPL-2.0-only", "GPL-2.0" -> later false. */
function family(id: string, plus = false): { base: string; later: boolean } {
  let base = id.toLowerCase();
  let later = plus;
  if (base.endsWith("+")) {
    base = base.slice(0, -1);
    later = true;
  }
  if (base.endsWith("-or-later")) {
    base = base.slice(0, -"-or-later".length);
    later = true;
  } else if (base.endsWith("-only")) base = base.slice(0, -"-only".length);
  return { base, later };
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`, "i");
}

function termText(t: Term): string {
  return `${t.id}${t.plus ? "+" : ""}${t.exception ? ` WITH ${t.exception}` : ""}`;
}

/** Deny is cautious: denying GPL-2.0-only also denies GPL-2.0-or-later (the same family). */
function denied(term: Term, patterns: string[]): boolean {
  const f = family(term.id, term.plus);
  return patterns.some((p) => {
    if (p.includes("*")) return globToRegExp(p).test(term.id) || globToRegExp(p).test(termText(term));
    if (p.toLowerCase() === termText(term).toLowerCase()) return true;
    return family(p).base === f.base;
  });
}

/** Allow is exact: allowing GPL-2.0-or-later does not allow GPL-2.0-only, nor the reverse. */
function allowed(term: Term, patterns: string[]): boolean {
  const f = family(term.id, term.plus);
  return patterns.some((p) => {
    if (p.includes("*")) return globToRegExp(p).test(term.id) || globToRegExp(p).test(termText(term));
    if (p.toLowerCase() === termText(term).toLowerCase()) return true;
    if (term.exception) return false;
    const g = family(p);
    return g.base === f.base && g.later === f.later;
  });
}

/** Parses a licence as written by a lockfile or manifest, correcting common non-SPDX spellings. */
export function parseLicense(raw: string | undefined): { node: SpdxNode; expression: string } | { reason: string } {
  const text = raw?.trim() ?? "";
  if (text === "") return { reason: "no licence is recorded" };
  if (/^UNLICEN[SC]ED$/i.test(text)) return { reason: '"UNLICENSED" (not licensed for use by others)' };
  if (/^SEE LICEN[SC]E IN /i.test(text)) return { reason: `the licence is only given in a file (${text})` };
  try {
    return { node: parse(text), expression: text };
  } catch {
    // Free-text names ("Apache 2.0", "MIT License") map to an SPDX id when unambiguous.
    const corrected = correct(text.replace(/^\((.*)\)$/, "$1"), { upgrade: true });
    if (corrected) {
      try {
        return { node: parse(corrected), expression: corrected };
      } catch {
        // fall through
      }
    }
    return { reason: `"${text}" is not an SPDX licence expression` };
  }
}

export function checkLicense(raw: string | undefined, policy: LicensePolicy): LicenseVerdict {
  const parsed = parseLicense(raw);
  if ("reason" in parsed) return { status: "unknown", reason: parsed.reason };
  const alts = alternatives(parsed.node);
  const deny = policy.deny ?? [];
  const allow = policy.allow;
  const ok = (alt: Term[]): boolean => alt.every((t) => !denied(t, deny) && (allow === undefined || allowed(t, allow)));
  if (alts.some(ok)) return { status: "ok", expression: parsed.expression };
  const deniedTerms = [...new Set(alts.flat().filter((t) => denied(t, deny)).map(termText))];
  if (deniedTerms.length > 0) return { status: "denied", expression: parsed.expression, licenses: deniedTerms };
  const outside = [...new Set(alts.flat().filter((t) => allow !== undefined && !allowed(t, allow)).map(termText))];
  return { status: "not-allowed", expression: parsed.expression, licenses: outside };
}
