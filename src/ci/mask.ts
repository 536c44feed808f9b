// Masks secret-looking values in text that leaves the machine (CI logs, annotations, comments).
// Findings never carry raw secrets; this guards what gates' child processes print.
import { redact } from "../core/redact.js";

/** Each pattern's last capture group (or the whole match) is the value to hide. */
const PATTERNS: RegExp[] = [
  /\b((?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16})\b/g,
  /\b(gh[pousr]_[A-Za-z0-9]{36,255})\b/g,
  /\b(github_pat_[A-Za-z0-9_]{22,255})\b/g,
  /\b(glpat-[A-Za-z0-9_-]{20,})\b/g,
  /\b(xox[abposr]-[A-Za-z0-9-]{10,})\b/g,
  /\b(sk_live_[A-Za-z0-9]{16,})\b/g,
  /\b(AIza[0-9A-Za-z_-]{35})\b/g,
  /\b(npm_[A-Za-z0-9]{36})\b/g,
  /\b(eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})\b/g,
  // scheme://user:password@host
  /[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:([^\s@/]{3,})@/gi,
  // key = value pairs whose name says secret
  /(?:secret|token|passw(?:or)?d|pwd|api[_-]?key|access[_-]?key|private[_-]?key|client[_-]?secret)["']?\s*[:=]\s*["']?([^\s"',;]{8,})/gi,
];

const PRIVATE_KEY = /-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g;

export function maskSecrets(text: string): string {
  let out = text.replace(PRIVATE_KEY, (_m, kind: string) => `-----BEGIN ${kind}PRIVATE KEY----- (masked) -----END ${kind}PRIVATE KEY-----`);
  for (const pattern of PATTERNS) {
    out = out.replace(pattern, (match: string, ...groups: unknown[]) => {
      const value = groups.slice(0, -2).filter((g): g is string => typeof g === "string").pop() ?? match;
      // Already redacted ("AKIA…(20 chars)") or too short to matter: leave as is.
      if (value.includes("…")) return match;
      return match.replace(value, redact(value));
    });
  }
  return out;
}
