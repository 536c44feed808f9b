// Masks secret-looking values in text that leaves the machine (CI logs, annotations, comments).
// Findings never carry raw secrets; this guards what gates' child processes print.
import { redact } from "../core/redact.js";

/**
 * Each pattern's last capture group (or the whole match) is the value to hide. Values are
 * unbounded (a long secret is hidden whole); every repeat before them is bounded or anchored on
 * a literal prefix, so a hostile log line costs linear time (checked in mask.test.ts).
 */
export const PATTERNS: RegExp[] = [
  /\b((?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16})\b/g,
  /\b(gh[pousr]_[A-Za-z0-9]{36,})\b/g,
  /\b(github_pat_[A-Za-z0-9_]{22,})\b/g,
  /\b(glpat-[A-Za-z0-9_-]{20,})/g,
  /\b(xox[abposr]-[A-Za-z0-9-]{10,})/g,
  /\b(sk_live_[A-Za-z0-9]{16,})\b/g,
  /\b(AIza[0-9A-Za-z_-]{35})/g,
  /\b(npm_[A-Za-z0-9]{36})\b/g,
  // JWT: header and payload bounded, else "eyJ-eyJ-…" would cost quadratic time
  /\b(eyJ[A-Za-z0-9_-]{8,512}\.eyJ[A-Za-z0-9_-]{8,8192}\.[A-Za-z0-9_-]{8,})/g,
  // scheme://user:password@host
  /\b[a-z][a-z0-9+.-]{0,15}:\/\/[^\s:/@]{1,256}:([^\s@/]{3,})@/gi,
  // key = value pairs whose name says secret
  /(?:secret|token|passw(?:or)?d|pwd|api[_-]?key|access[_-]?key|private[_-]?key|client[_-]?secret)["']?[ \t]{0,8}[:=][ \t]{0,8}["']?([^\s"',;]{8,})/gi,
];

export const PRIVATE_KEY = /-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]{0,40}PRIVATE KEY-----|$)/g;

export function maskSecrets(text: string): string {
  let out = text.replace(PRIVATE_KEY, (match: string) => {
    const kind = /^-----BEGIN ([A-Z ]{0,40}?)PRIVATE KEY-----/.exec(match)?.[1] ?? "";
    return `-----BEGIN ${kind}PRIVATE KEY----- (masked) -----END ${kind}PRIVATE KEY-----`;
  });
  for (const pattern of PATTERNS) {
    out = out.replace(pattern, (match: string, ...groups: unknown[]) => {
      const value = groups.slice(0, -2).filter((g): g is string => typeof g === "string").pop() ?? match;
      // Already redacted ("AKIA…(20 chars)") or too short to matter: leave as is.
      if (value.includes("…")) return match;
      // The value ends the match (or precedes "@"): replace that occurrence, not an earlier one.
      const at = match.lastIndexOf(value);
      return `${match.slice(0, at)}${redact(value)}${match.slice(at + value.length)}`;
    });
  }
  return out;
}
