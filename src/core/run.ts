// One tollgate run as a library call: load the policy, plan and run the gates, apply
// suppressions, decide. The CLI, the GitHub Action and the pre-push hook all go through run().
import { availableParallelism, homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { detectCi } from "../ci/providers/index.js";
import type { Env } from "../ci/types.js";
import { GATE_IDS, gateRegistry, isGateId, type KnownGateId } from "../gates/index.js";
import { loadPolicy, type LoadedPolicy } from "../policy/load-policy.js";
import { gateSectionSchema } from "../policy/schema.js";
import { readBaseline } from "./baseline.js";
import { parseDuration } from "./duration.js";
import { ConfigurationError } from "./errors.js";
import { changedFiles as gitChangedFiles, defaultBase, isGitRepo, resolveRef } from "./git.js";
import { runGates, type PlannedGate } from "./runner.js";
import { applyBaseline, applyInline, applyWaivers, checkWaivers } from "./suppress.js";
import type { CommonGateOptions, GateOutcome, RunReport } from "./types.js";
import { INFORMATION_URI, toolVersion } from "./version.js";

export interface RunOptions {
  /** Repository root (absolute). */
  cwd: string;
  /** --policy FILE; else .tollgate.yml in cwd; else built-in recommended. */
  policyPath?: string;
  only?: string[];
  skip?: string[];
  /** --changed: only files changed against base (default: merge-base with the default branch). */
  changed?: boolean;
  base?: string;
  concurrency?: number;
  env: Env;
  now?: Date;
  onEvent?: (event: RunEvent) => void;
  /** Options that override the policy for one gate (e.g. --sbom sets dependencies.sbom). */
  overrides?: Record<string, Record<string, unknown>>;
  signal?: AbortSignal;
}

export type RunEvent =
  | { type: "gate-start"; gate: string }
  | { type: "gate-end"; outcome: GateOutcome }
  | { type: "log"; gate: string; level: "info" | "warn" | "output"; message: string };

export function cacheDir(env: Env): string {
  if (env.TOLLGATE_CACHE_DIR) return env.TOLLGATE_CACHE_DIR;
  const base = env.XDG_CACHE_HOME ?? (env.HOME ? join(env.HOME, ".cache") : undefined) ?? join(homedir() || tmpdir(), ".cache");
  return join(base, "tollgate");
}

function checkGateNames(flag: string, ids: readonly string[] | undefined): void {
  for (const id of ids ?? []) {
    if (!isGateId(id)) {
      throw new ConfigurationError(`unknown gate "${id}" in ${flag}`, undefined, `use one of: ${GATE_IDS.join(", ")}`);
    }
  }
}

export function planGates(loaded: LoadedPolicy, options: Pick<RunOptions, "only" | "skip" | "overrides">): PlannedGate[] {
  const { policy } = loaded;
  checkGateNames("--only", options.only);
  checkGateNames("--skip", options.skip);
  const planned: PlannedGate[] = [];
  for (const id of GATE_IDS) {
    const configured = (policy.gates as Record<string, unknown>)[id] as (Record<string, unknown> & CommonGateOptions) | undefined;
    const wanted = options.only?.includes(id) ?? false;
    if (!configured && !wanted) continue;
    const section = configured ?? (gateSectionSchema(id).parse({}) as Record<string, unknown> & CommonGateOptions);
    const opts = {
      ...section,
      ...options.overrides?.[id],
      exclude: [...policy.settings.exclude, ...section.exclude],
    } as Record<string, unknown> & CommonGateOptions;
    const timeoutMs = parseDuration(section.timeout ?? policy.settings.timeout) ?? 600_000;
    const gate: PlannedGate = { id, options: opts, timeoutMs };
    if (options.only && !wanted) gate.skip = "not selected by --only";
    else if (options.skip?.includes(id)) gate.skip = "skipped by --skip";
    else if (section.mode === "off") gate.skip = "mode: off in the policy";
    planned.push(gate);
  }
  return planned;
}

export async function run(options: RunOptions): Promise<RunReport> {
  const started = new Date();
  const t0 = performance.now();
  const now = options.now ?? started;
  const { cwd, env } = options;
  const loaded = loadPolicy({ cwd, ...(options.policyPath ? { policyPath: options.policyPath } : {}) });
  const { policy } = loaded;
  const ci = detectCi(env);
  const gates = planGates(loaded, options);

  let base: string | undefined;
  let changed: string[] | undefined;
  if (options.changed || options.base) {
    if (!(await isGitRepo(cwd))) throw new ConfigurationError("--changed and --base need a git repository", undefined, "run tollgate inside a git work tree, or drop --changed");
    const ref = options.base ?? ci.base ?? (await defaultBase(cwd));
    if (!ref) throw new ConfigurationError("no base commit to compare with", undefined, "pass --base REF (for example --base origin/main)");
    try {
      base = await resolveRef(cwd, ref);
    } catch {
      throw new ConfigurationError(`base "${ref}" is not a commit in this repository`, undefined, "fetch it first (git fetch origin main) or pass another --base");
    }
    if (options.changed) changed = await gitChangedFiles(cwd, base);
  } else if (ci.base && (await isGitRepo(cwd))) {
    // A CI system that knows the base lets changed-lines coverage and new-only work without --changed.
    base = await resolveRef(cwd, ci.base).catch(() => undefined);
  }

  const baseline = readBaseline(cwd, policy.baseline);
  const waiverCheck = checkWaivers(policy.waivers, loaded.waiverLocations, now);
  const cache = cacheDir(env);

  const outcomes = await runGates({
    gates,
    concurrency: options.concurrency ?? policy.settings.concurrency ?? availableParallelism(),
    load: (id) => gateRegistry[id as KnownGateId].load(),
    context: () => ({
      root: cwd,
      env,
      policyDir: loaded.file ? join(loaded.file, "..") : cwd,
      now,
      cacheDir: cache,
      ...(changed ? { changedFiles: changed } : {}),
      ...(base ? { base } : {}),
    }),
    postProcess: async (gate, findings) => {
      findings.push(...waiverCheck.expired.filter((f) => f.gate === gate.id));
      await applyInline(cwd, findings);
      applyWaivers(findings, policy.waivers, now);
      applyBaseline(findings, baseline, policy.baseline);
    },
    onStart: (gate) => options.onEvent?.({ type: "gate-start", gate }),
    onEnd: (outcome) => options.onEvent?.({ type: "gate-end", outcome }),
    onLog: (gate, level, message) => options.onEvent?.({ type: "log", gate, level, message }),
    ...(options.signal ? { signal: options.signal } : {}),
  });

  const failed = outcomes.some((o) => o.status === "failed" || o.status === "errored");
  const finished = new Date();
  const report: RunReport = {
    tool: { name: "tollgate", version: toolVersion(), informationUri: INFORMATION_URI },
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: Math.round(performance.now() - t0),
    status: failed ? "failed" : "passed",
    policy: loaded.source,
    gates: outcomes,
    warnings: waiverCheck.warnings,
  };
  if (changed && base) report.changed = { base, files: changed.length };
  if (ci.provider !== "local") {
    const { provider, repository, commit, branch, pullRequest, url } = ci;
    report.ci = { provider, ...(repository ? { repository } : {}), ...(commit ? { commit } : {}), ...(branch ? { branch } : {}), ...(pullRequest ? { pullRequest } : {}), ...(url ? { url } : {}) };
  }
  return report;
}

/** 0 when every gate passed, warned or was skipped; 1 otherwise. */
export function exitCodeFor(report: RunReport): 0 | 1 {
  return report.status === "passed" ? 0 : 1;
}
