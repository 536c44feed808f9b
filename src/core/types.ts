// The data model every gate, scanner and reporter shares (see DESIGN.md "Data model").
import type { z } from "zod";

export type Severity = "critical" | "high" | "medium" | "low" | "info";

/** Highest first: index 0 is the most severe. */
export const SEVERITIES: readonly Severity[] = ["critical", "high", "medium", "low", "info"];

export type GateId = string;

export interface Location {
  /** Relative to the repository root, with `/` separators. */
  path: string;
  startLine?: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}

export interface Suppression {
  kind: "waiver" | "baseline" | "inline";
  reason: string;
  expires?: string;
}

export interface Finding {
  /** "<gate>/<rule>", e.g. "secrets/aws-access-key-id". */
  ruleId: string;
  gate: GateId;
  severity: Severity;
  /** One sentence a developer can act on; never contains a secret value. */
  message: string;
  location?: Location;
  /** Stable across line moves: hash of ruleId + path + a gate-specific key (see makeFinding). */
  fingerprint: string;
  helpUri?: string;
  properties?: Record<string, unknown>;
  suppression?: Suppression;
}

export type GateStatus = "passed" | "warned" | "failed" | "skipped" | "errored";

/** Declarative description of a rule: `tollgate rules` and `tollgate explain` read only this. */
export interface RuleMeta {
  id: string;
  severity: Severity;
  title: string;
  description: string;
  remediation?: string;
  helpUri?: string;
  /** e.g. ["security", "CWE-798"]; "security" makes SARIF carry security-severity. */
  tags?: string[];
}

export interface GateOutcome {
  gate: GateId;
  status: GateStatus;
  /** e.g. "84.2% lines covered (min 80%)". */
  summary: string;
  findings: Finding[];
  metrics: Record<string, number>;
  durationMs: number;
  /** Why skipped/errored, in words a user can act on. */
  reason?: string;
  /** Metadata of every rule that has a finding in this outcome. */
  rules: RuleMeta[];
  /** Free-form notes shown in the console and summaries (e.g. "12 files skipped: binary"). */
  notes?: string[];
  /** For the tests gate: one entry per checked test/threshold, used by the JUnit reporter. */
  checks?: Check[];
}

/** One thing a gate checked (a rule or a threshold); becomes a JUnit <testcase>. */
export interface Check {
  name: string;
  passed: boolean;
  message?: string;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  /** Raw output of a child process (streamed when verbose). */
  output(chunk: string): void;
}

/** What a gate's scan produced. The runner adds fingerprints' suppressions and calls evaluate(). */
export interface GateScan {
  findings: Finding[];
  metrics: Record<string, number>;
  /** Set when the gate had nothing to look at; the outcome becomes "skipped" with this reason. */
  skipped?: string;
  /** Rule metadata for findings whose rules are not in Gate.rules() (e.g. imported SARIF). */
  rules?: RuleMeta[];
  notes?: string[];
  checks?: Check[];
  /** Anything the gate's evaluate() needs beyond findings and metrics. */
  data?: Record<string, unknown>;
}

export interface Verdict {
  status: Exclude<GateStatus, "skipped" | "errored">;
  summary: string;
  checks?: Check[];
}

export interface GateContext<O> {
  /** Absolute path of the repository root. */
  root: string;
  /** The gate's options, validated and with defaults (common options included). */
  options: O & CommonGateOptions;
  signal: AbortSignal;
  log: Logger;
  /** Injected environment (never read process.env directly inside a gate). */
  env: Record<string, string | undefined>;
  /** Set with --changed: repository-relative paths of files changed against `base`. */
  changedFiles?: string[];
  /** Base commit for --changed and changed-lines coverage, when known. */
  base?: string;
  /** Directory of the policy file (relative option paths resolve against the root, not this). */
  policyDir: string;
  /** The clock, injected so tests can fix it. */
  now: Date;
  /** Files tollgate may read as a cache (OSV responses...). */
  cacheDir: string;
}

export interface CommonGateOptions {
  mode: "enforce" | "warn" | "off";
  "fail-on": Severity;
  /** Per-gate timeout override, e.g. "2m". */
  timeout?: string;
  include: string[];
  exclude: string[];
}

export interface Gate<O = Record<string, unknown>> {
  id: GateId;
  title: string;
  description: string;
  /** The gate's own options (without the common ones); composed into the policy schema. */
  schema: z.ZodObject;
  /** Every rule the gate can report (static catalogue). */
  rules(): RuleMeta[] | Promise<RuleMeta[]>;
  /** Does the I/O: calls scanners, returns findings and metrics. */
  scan(ctx: GateContext<O>): Promise<GateScan>;
  /**
   * Pure: decides the status from the scan (findings already carry suppressions).
   * Most gates use evaluateBySeverity().
   */
  evaluate(scan: GateScan, options: O & CommonGateOptions): Verdict;
}

export interface ScanResult {
  findings: Finding[];
  metrics: Record<string, number>;
  notes?: string[];
}

export interface ScannerContext {
  root: string;
  signal: AbortSignal;
  log: Logger;
}

/** Scanners find things; they never decide pass or fail. */
export interface Scanner<I = unknown> {
  id: string;
  description: string;
  scan(input: I, ctx: ScannerContext): Promise<ScanResult>;
}

export interface RunReport {
  tool: { name: "tollgate"; version: string; informationUri: string };
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  status: "passed" | "failed";
  /** Where the policy came from: a repository-relative path or "built-in:recommended". */
  policy: string;
  changed?: { base: string; files: number };
  ci?: { provider: string; repository?: string; commit?: string; branch?: string; pullRequest?: string; url?: string };
  gates: GateOutcome[];
  /** Warnings about the policy itself (waivers expiring soon...). */
  warnings: string[];
}

export type ReporterOutput = string | { files: Record<string, string> };

/** Reporters are pure functions of the run report. */
export interface Reporter {
  id: string;
  description: string;
  /** Default file name when the user gives a directory. */
  defaultFile: string;
  render(report: RunReport): ReporterOutput;
}
