// Building findings with stable fingerprints, and the canonical order reports use.
import { createHash } from "node:crypto";
import type { Finding, Location, Severity } from "./types.js";

export interface FindingInput {
  ruleId: string;
  gate: string;
  severity: Severity;
  message: string;
  location?: Location;
  /**
   * What identifies this finding apart from rule and path, independent of line numbers:
   * a hash of the secret, the resource address, the test name, the package@version…
   */
  key: string;
  helpUri?: string;
  properties?: Record<string, unknown>;
}

/** sha256 of ruleId, path and the gate-specific key: survives line moves and tool upgrades. */
export function fingerprint(ruleId: string, path: string, key: string): string {
  return createHash("sha256").update(`${ruleId}\0${path}\0${key}`).digest("hex").slice(0, 32);
}

export function makeFinding(input: FindingInput): Finding {
  const finding: Finding = {
    ruleId: input.ruleId,
    gate: input.gate,
    severity: input.severity,
    message: input.message,
    fingerprint: fingerprint(input.ruleId, input.location?.path ?? "", input.key),
  };
  if (input.location) finding.location = normalizeLocation(input.location);
  if (input.helpUri) finding.helpUri = input.helpUri;
  if (input.properties) finding.properties = input.properties;
  return finding;
}

export function normalizeLocation(location: Location): Location {
  return { ...location, path: toPosix(location.path).replace(/^\.\//, "") };
}

export function toPosix(path: string): string {
  return path.replaceAll("\\", "/");
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Findings sorted (gate, path, line, column, ruleId, fingerprint): same input, same bytes. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareStrings(a.gate, b.gate) ||
    compareStrings(a.location?.path ?? "", b.location?.path ?? "") ||
    (a.location?.startLine ?? 0) - (b.location?.startLine ?? 0) ||
    (a.location?.startColumn ?? 0) - (b.location?.startColumn ?? 0) ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.fingerprint, b.fingerprint)
  );
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(compareFindings);
}
