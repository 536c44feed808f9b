// Runs planned gates in parallel up to a concurrency limit. Each gate gets an AbortSignal that
// fires at its timeout; a gate that throws or times out becomes "errored" while the others finish.
import { setMaxListeners } from "node:events";
import { formatDuration } from "./duration.js";
import { errorMessage } from "./errors.js";
import { sortFindings } from "./finding.js";
import type { CommonGateOptions, Finding, Gate, GateContext, GateOutcome, GateScan, Logger, RuleMeta } from "./types.js";

export interface PlannedGate {
  id: string;
  /** Validated options, common ones included. */
  options: Record<string, unknown> & CommonGateOptions;
  timeoutMs: number;
  /** Set when the gate is not to run (mode off, --skip, --only): becomes a skipped outcome. */
  skip?: string;
}

export interface RunGatesOptions {
  gates: PlannedGate[];
  concurrency: number;
  load(id: string): Promise<Gate<never>>;
  context(gate: PlannedGate, signal: AbortSignal, log: Logger): Omit<GateContext<Record<string, unknown>>, "options" | "signal" | "log">;
  /** Applied to each gate's findings before evaluate(): suppressions. */
  postProcess(gate: PlannedGate, findings: Finding[]): Promise<void>;
  onStart?(id: string): void;
  onEnd?(outcome: GateOutcome): void;
  onLog?(id: string, level: "info" | "warn" | "output", message: string): void;
  /** Stops every gate (Ctrl-C). */
  signal?: AbortSignal;
}

export async function runGates(options: RunGatesOptions): Promise<GateOutcome[]> {
  // Each running gate listens on the outer signal; there may be more than Node's default of 10.
  if (options.signal) setMaxListeners(4 * options.gates.length + 10, options.signal);
  const outcomes = new Array<GateOutcome>(options.gates.length);
  let next = 0;
  const worker = async () => {
    while (next < options.gates.length) {
      const index = next++;
      const planned = options.gates[index];
      if (!planned) continue;
      const outcome = await runOne(planned, options);
      outcomes[index] = outcome;
      options.onEnd?.(outcome);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(options.concurrency, options.gates.length)) }, worker);
  await Promise.all(workers);
  return outcomes;
}

function outcome(id: string, partial: Partial<GateOutcome> & Pick<GateOutcome, "status" | "summary">, started: number): GateOutcome {
  return { gate: id, findings: [], metrics: {}, rules: [], ...partial, durationMs: Math.round(performance.now() - started) };
}

async function runOne(planned: PlannedGate, options: RunGatesOptions): Promise<GateOutcome> {
  const started = performance.now();
  if (planned.skip) return outcome(planned.id, { status: "skipped", summary: "skipped", reason: planned.skip }, started);
  options.onStart?.(planned.id);

  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(new Error("run interrupted"));
  options.signal?.addEventListener("abort", onOuterAbort, { once: true });
  const log: Logger = {
    info: (m) => options.onLog?.(planned.id, "info", m),
    warn: (m) => options.onLog?.(planned.id, "warn", m),
    output: (m) => options.onLog?.(planned.id, "output", m),
  };
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error(`timed out after ${formatDuration(planned.timeoutMs)}`));
      resolve("timeout");
    }, planned.timeoutMs);
  });
  const interrupted = new Promise<"interrupted">((resolve) => {
    options.signal?.addEventListener("abort", () => resolve("interrupted"), { once: true });
  });

  try {
    const gate = await options.load(planned.id);
    const ctx: GateContext<never> = {
      ...options.context(planned, controller.signal, log),
      options: planned.options as never,
      signal: controller.signal,
      log,
    };
    const result = await Promise.race([gate.scan(ctx), timedOut, interrupted]);
    if (result === "timeout") {
      return outcome(planned.id, {
        status: "errored",
        summary: `timed out after ${formatDuration(planned.timeoutMs)}`,
        reason: `the gate did not finish within its timeout of ${formatDuration(planned.timeoutMs)} and was stopped; raise \`timeout\` in the policy or make its inputs smaller`,
      }, started);
    }
    if (result === "interrupted") return outcome(planned.id, { status: "errored", summary: "interrupted", reason: "the run was interrupted" }, started);
    return await finish(planned, gate, result, options, started);
  } catch (error) {
    return outcome(planned.id, { status: "errored", summary: "errored", reason: errorMessage(error) }, started);
  } finally {
    if (timer) clearTimeout(timer);
    options.signal?.removeEventListener("abort", onOuterAbort);
    controller.abort(new Error("gate finished"));
  }
}

async function finish(planned: PlannedGate, gate: Gate<never>, scan: GateScan, options: RunGatesOptions, started: number): Promise<GateOutcome> {
  const extra: Partial<GateOutcome> = {};
  if (scan.notes?.length) extra.notes = scan.notes;
  if (scan.skipped) {
    return outcome(planned.id, { status: "skipped", summary: "skipped", reason: scan.skipped, metrics: scan.metrics, ...extra }, started);
  }
  for (const f of scan.findings) f.gate = planned.id;
  await options.postProcess(planned, scan.findings);
  sortFindings(scan.findings);
  const verdict = gate.evaluate(scan, planned.options as never);
  let status = verdict.status;
  let summary = verdict.summary;
  if (status === "failed" && planned.options.mode === "warn") {
    status = "warned";
    summary = `${summary} (mode: warn)`;
  }
  const checks = verdict.checks ?? scan.checks;
  if (checks) extra.checks = checks;
  return outcome(planned.id, { status, summary, findings: scan.findings, metrics: scan.metrics, rules: await rulesFor(gate, scan), ...extra }, started);
}

/** Metadata for each rule that has a finding, from the gate's catalogue or the scan's extras. */
async function rulesFor(gate: Gate<never>, scan: GateScan): Promise<RuleMeta[]> {
  const used = new Set(scan.findings.map((f) => f.ruleId));
  if (used.size === 0) return [];
  const known = new Map<string, RuleMeta>();
  for (const r of [...(await gate.rules()), ...(scan.rules ?? [])]) if (used.has(r.id)) known.set(r.id, r);
  for (const f of scan.findings) {
    if (!known.has(f.ruleId)) {
      known.set(f.ruleId, { id: f.ruleId, severity: f.severity, title: f.ruleId, description: f.message });
    }
  }
  return [...known.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
