// semgrep as a child process: `semgrep scan --sarif --metrics=off`, with a wall-clock timeout and
// a memory cap, its SARIF imported as findings `<gate>/semgrep/<rule>`.
import { existsSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { onPath, runCommand } from "../../core/exec.js";
import type { ScanResult, Scanner, ScannerContext } from "../../core/types.js";
import { issuesToFindings } from "../sarif-import/index.js";
import { parseSarif, type RawIssue } from "../sarif-import/parse.js";

export const INSTALL_HINT = "install it with `pipx install semgrep` (or `brew install semgrep`, or `python3 -m pip install semgrep`)";

export interface SemgrepInput {
  /** Values for --config: registry names (p/default), files or folders. */
  configs: string[];
  /** Paths to scan, relative to cwd (default "."). */
  targets?: string[];
  include?: string[];
  exclude?: string[];
  timeoutMs: number;
  /** --max-memory, in MiB. */
  maxMemoryMb: number;
  /** Directory semgrep runs in (default: the repository root). */
  cwd?: string;
  env: Record<string, string | undefined>;
}

export type SemgrepOutcome =
  | { ok: true; issues: RawIssue[]; problems: string[]; exitCode: number | null }
  | { ok: false; error: string };

export async function semgrepInstalled(env: Record<string, string | undefined>): Promise<boolean> {
  return onPath("semgrep", env);
}

/** Config values that name files in the repository become absolute, so a run from elsewhere sees them. */
export function resolveConfigs(root: string, configs: string[]): string[] {
  return configs.map((c) => (!isAbsolute(c) && !/^(p|r|s)\//.test(c) && c !== "auto" && existsSync(join(root, c)) ? join(root, c) : c));
}

export function semgrepArgs(input: SemgrepInput): string[] {
  const args = ["scan", "--sarif", "--metrics=off", "--disable-version-check", "--quiet", "--max-memory", String(input.maxMemoryMb)];
  for (const c of input.configs) args.push("--config", c);
  for (const g of input.include ?? []) args.push("--include", g);
  for (const g of input.exclude ?? []) args.push("--exclude", g);
  args.push("--", ...(input.targets && input.targets.length > 0 ? input.targets : ["."]));
  return args;
}

/**
 * Exit codes (semgrep docs, "CLI reference"): 0 = ran (findings or not), 1 = findings with
 * --error; 2 and above = semgrep failed (bad config 7, invalid pattern 4, ...).
 */
export async function runSemgrep(input: SemgrepInput, ctx: { root: string; signal?: AbortSignal }): Promise<SemgrepOutcome> {
  const cwd = input.cwd ?? ctx.root;
  const result = await runCommand({
    command: "semgrep",
    args: semgrepArgs(input),
    cwd,
    env: { ...input.env, SEMGREP_SEND_METRICS: "off" },
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    timeoutMs: input.timeoutMs,
  });
  const stderr = result.stderr.trim().split("\n").filter(Boolean).slice(-3).join(" ").slice(0, 400);
  if (result.spawnError) return { ok: false, error: `semgrep could not be started: ${result.spawnError}` };
  if (result.timedOut) return { ok: false, error: `semgrep timed out after ${Math.round(input.timeoutMs / 1000)}s (raise gates.sast.semgrep.timeout)` };
  if (result.aborted) return { ok: false, error: "semgrep was stopped" };
  if (result.exitCode !== 0 && result.exitCode !== 1) {
    return { ok: false, error: `semgrep failed with exit ${result.exitCode ?? result.signal}${stderr ? `: ${stderr}` : ""}` };
  }
  const parsed = parseSarif(result.stdout, { root: cwd, tool: "semgrep" });
  if (parsed.issues.length === 0 && parsed.problems.length > 0) {
    return { ok: false, error: `semgrep wrote no readable SARIF (${parsed.problems[0] ?? ""})${stderr ? `; stderr: ${stderr}` : ""}` };
  }
  return { ok: true, issues: parsed.issues, problems: parsed.problems, exitCode: result.exitCode };
}

export const scanner: Scanner<SemgrepInput & { gate?: string }> = {
  id: "semgrep",
  description: "semgrep (when installed) with the policy's config, imported from its SARIF",
  async scan(input, ctx: ScannerContext): Promise<ScanResult> {
    if (!(await semgrepInstalled(input.env))) return { findings: [], metrics: {}, notes: [`semgrep is not on PATH: ${INSTALL_HINT}`] };
    const outcome = await runSemgrep(input, ctx);
    if (!outcome.ok) throw new Error(outcome.error);
    const { findings } = await issuesToFindings({ root: ctx.root, gate: input.gate ?? "sast", issues: outcome.issues });
    return { findings, metrics: { semgrepFindings: findings.length }, notes: outcome.problems };
  },
};
