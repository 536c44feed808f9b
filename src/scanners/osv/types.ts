// OSV records as the matcher reads them (https://ossf.github.io/osv-schema/), and the contract
// other gates use. Records are validated loosely: unknown fields are ignored, bad ones skipped.
import type { Severity } from "../../core/types.js";

/** Ecosystem as OSV names it: "npm", "PyPI", "Debian:12", "Alpine:v3.19", ... */
export interface PackageRef {
  ecosystem: string;
  name: string;
  version: string;
}

export interface AdvisoryMatch {
  package: PackageRef;
  id: string;
  aliases: string[];
  summary: string;
  severity: Severity;
  fixed: string[];
}

export interface AdvisorySourceOptions {
  /** A directory or .zip of OSV JSON records; when set, no network is used. */
  offline?: string;
  online?: { url?: string; timeoutMs?: number; ttlMs?: number };
  cacheDir: string;
  signal?: AbortSignal;
}

/** What the gate gets beyond the shared contract: the score behind the severity and a link. */
export interface DetailedMatch extends AdvisoryMatch {
  cvss?: { version: string; score: number; vector: string };
  url: string;
  modified?: string;
}

export interface OsvEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}

export interface OsvRange {
  type: string;
  events: OsvEvent[];
}

export interface OsvSeverity {
  type: string;
  score: string;
}

export interface OsvAffected {
  package?: { ecosystem?: string; name?: string; purl?: string };
  ranges?: OsvRange[];
  versions?: string[];
  severity?: OsvSeverity[];
  ecosystem_specific?: Record<string, unknown>;
  database_specific?: Record<string, unknown>;
}

export interface OsvRecord {
  id: string;
  modified?: string;
  published?: string;
  withdrawn?: string;
  aliases?: string[];
  related?: string[];
  summary?: string;
  details?: string;
  severity?: OsvSeverity[];
  affected?: OsvAffected[];
  references?: { type?: string; url?: string }[];
  database_specific?: Record<string, unknown>;
}

/** Thrown when no advisory source answers (network down, API failing, database unreadable). */
export class AdvisoriesUnavailableError extends Error {
  override name = "AdvisoriesUnavailableError";
}
