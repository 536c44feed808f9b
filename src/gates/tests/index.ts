// The tests gate: optionally runs the suite, then judges it by its JUnit XML reports — failed and
// errored tests against max-failures, the test count against min-tests; flaky tests only warn.
import { parseDuration } from "../../core/duration.js";
import { runCommand } from "../../core/exec.js";
import { makeFinding } from "../../core/finding.js";
import { atLeast, isActive, plural } from "../../core/severity.js";
import type { Check, CommonGateOptions, Finding, Gate, GateContext, GateScan, Verdict } from "../../core/types.js";
import { scanJunitReports } from "../../scanners/junit/index.js";
import { findReports } from "./report-files.js";
import { RULES } from "./rules.js";
import { schema, type TestsOptions } from "./schema.js";

export const AUTO_REPORTS = ["junit*.xml", "**/TEST-*.xml", "reports/junit/**/*.xml", "test-results/**/*.xml"];

/** Reports older than the command's start (minus file-system clock slack) are from an earlier run. */
const STALE_SLACK_MS = 2000;

const TEST_RULES = new Set(["tests/test-failed", "tests/test-errored"]);

type Options = TestsOptions & CommonGateOptions;

function finding(rule: string, message: string, key: string, extra: { path?: string; properties?: Record<string, unknown> } = {}): Finding {
  const input: Parameters<typeof makeFinding>[0] = { ruleId: `tests/${rule}`, gate: "tests", severity: "high", message, key };
  if (extra.path !== undefined) input.location = { path: extra.path };
  if (extra.properties !== undefined) input.properties = extra.properties;
  return makeFinding(input);
}

interface CommandOutcome {
  ok: boolean;
  startedAt: number;
  description: string;
  /** Killed, timed out or not started: reports it left cannot be trusted to be complete. */
  broken: boolean;
}

async function runSuite(ctx: GateContext<TestsOptions>, command: string): Promise<CommandOutcome> {
  const timeout = ctx.options["command-timeout"];
  const timeoutMs = timeout === undefined ? undefined : parseDuration(timeout);
  ctx.log.info(`running ${command}`);
  const startedAt = Date.now();
  const result = await runCommand({
    command,
    shell: true,
    cwd: ctx.root,
    env: ctx.env,
    signal: ctx.signal,
    timeoutMs,
    onOutput: (chunk) => ctx.log.output(chunk),
    maxStdout: 1024 * 1024,
  });
  // The runner turns its own abort into a timeout/errored outcome; nothing to judge here.
  ctx.signal.throwIfAborted();
  if (result.spawnError !== undefined) return { ok: false, startedAt, broken: true, description: `could not be started (${result.spawnError})` };
  if (result.timedOut) return { ok: false, startedAt, broken: true, description: `timed out after ${timeout ?? "the time limit"}` };
  if (result.signal !== null) return { ok: false, startedAt, broken: true, description: `was killed by ${result.signal}` };
  if (result.exitCode !== 0) return { ok: false, startedAt, broken: false, description: `exited with code ${result.exitCode}` };
  return { ok: true, startedAt, broken: false, description: "exited with code 0" };
}

async function scan(ctx: GateContext<TestsOptions>): Promise<GateScan> {
  const options = ctx.options;
  const explicit = options.reports !== undefined && options.reports.length > 0;
  const expectsReports = explicit || options.command !== undefined;
  const findings: Finding[] = [];
  const notes: string[] = [];
  const data = { expectsReports };

  const command = options.command === undefined ? undefined : await runSuite(ctx, options.command);
  if (command && options.command !== undefined) {
    if (command.broken) {
      findings.push(finding("command-failed", `The test command \`${options.command}\` ${command.description}.`, "command", { properties: { command: options.command } }));
    } else if (!command.ok) {
      notes.push(`the test command ${command.description}; the verdict comes from its reports`);
    }
  }

  const patterns = explicit ? (options.reports ?? []) : AUTO_REPORTS;
  const found = await findReports(ctx.root, patterns, { exclude: options.exclude, signal: ctx.signal });
  let reports = found.reports;
  if (command) {
    const fresh = reports.filter((r) => r.mtimeMs >= command.startedAt - STALE_SLACK_MS);
    for (const r of reports) if (!fresh.includes(r)) notes.push(`${r.path} ignored: it is older than this run of the test command`);
    reports = fresh;
  }
  if (explicit) {
    for (const pattern of found.unmatched) {
      findings.push(
        finding("report-missing", `No JUnit report matches "${pattern}"; check tests.reports or make the test runner write it.`, `pattern:${pattern}`, {
          properties: { pattern },
        }),
      );
    }
  }

  if (reports.length === 0) {
    if (command && options.command !== undefined && !command.broken) {
      const rule = command.ok ? "report-missing" : "command-failed";
      const why = command.ok
        ? `The test command \`${options.command}\` wrote no JUnit report; configure the test runner to write JUnit XML${explicit ? " where tests.reports points" : ""}.`
        : `The test command \`${options.command}\` ${command.description} and wrote no JUnit report.`;
      findings.push(finding(rule, why, "command", { properties: { command: options.command } }));
    }
    if (findings.length === 0) {
      return {
        findings: [],
        metrics: {},
        notes,
        skipped: `no JUnit XML report found (looked for ${AUTO_REPORTS.join(", ")}); set tests.reports or make the test runner write JUnit XML`,
      };
    }
    const result: GateScan = { findings, metrics: { tests: 0, failures: 0, errors: 0, skipped: 0, flaky: 0, reports: 0 }, notes, data };
    result.checks = evaluate(result, options).checks ?? [];
    return result;
  }

  const junit = await scanJunitReports({ reports, lenient: !explicit }, ctx);
  findings.push(...junit.findings);
  notes.push(...junit.notes);
  if (junit.readable.length === 0 && !explicit && findings.length === 0) {
    if (options.command === undefined) {
      return { findings: [], metrics: {}, notes, skipped: "no JUnit XML report found: the XML files in the usual places are not JUnit reports" };
    }
    findings.push(
      finding("report-missing", `The test command \`${options.command}\` wrote no JUnit report; configure the test runner to write JUnit XML.`, "command", {
        properties: { command: options.command },
      }),
    );
  }
  const result: GateScan = { findings, metrics: junit.metrics, notes, data };
  result.checks = evaluate(result, options).checks ?? [];
  return result;
}

/** Pure: the thresholds decide, not the severity of each failed test; waived failures do not count. */
export function evaluate(scan: GateScan, options: Options): Verdict {
  const active = scan.findings.filter(isActive);
  const failing = active.filter((f) => TEST_RULES.has(f.ruleId)).length;
  const flaky = active.filter((f) => f.ruleId === "tests/flaky-test").length;
  const problems = active.filter((f) => !TEST_RULES.has(f.ruleId) && f.ruleId !== "tests/flaky-test");
  const blocking = problems.filter((f) => atLeast(f.severity, options["fail-on"]));
  const tests = scan.metrics.tests ?? 0;
  const ran = tests - (scan.metrics.skipped ?? 0);
  const expectsReports = scan.data?.expectsReports === true;
  const minTests = options["min-tests"] ?? (expectsReports ? 1 : 0);
  const maxFailures = options["max-failures"];
  const suppressed = scan.findings.length - active.length;

  const checks: Check[] = [
    {
      name: "max-failures",
      passed: failing <= maxFailures,
      message: `${plural(failing, "failed or errored test")} (max ${maxFailures})`,
    },
    // Skipped tests do not count: a suite whose every test is skipped tests nothing.
    { name: "min-tests", passed: ran >= minTests, message: `${plural(ran, "test")} run (min ${minTests})` },
    {
      name: "reports-readable",
      passed: blocking.length === 0,
      message: blocking.length === 0 ? "every report was found and read" : blocking.map((f) => f.message).join(" "),
    },
  ];

  const m = scan.metrics;
  const parts = [
    `${m.failures ?? 0} failed`,
    `${m.errors ?? 0} errored`,
    `${m.skipped ?? 0} skipped`,
    `${m.flaky ?? 0} flaky`,
  ];
  let summary = `${plural(tests, "test")}: ${parts.join(", ")} (max failures ${maxFailures}${minTests > 0 ? `, min tests ${minTests}` : ""})`;
  if (suppressed > 0) summary += `, ${suppressed} suppressed`;
  if (blocking.length > 0) summary += `; ${plural(blocking.length, "report problem")}`;

  const failed = checks.some((c) => !c.passed);
  if (failed) return { status: "failed", summary, checks };
  if (failing > 0 || flaky > 0 || problems.length > 0) return { status: "warned", summary, checks };
  return { status: "passed", summary, checks };
}

export const gate: Gate<TestsOptions> = {
  id: "tests",
  title: "Tests",
  description: "Runs the test suite (optional) and judges its JUnit XML reports: failed and errored tests, test count, flaky tests.",
  schema,
  rules: () => [...RULES],
  scan,
  evaluate,
};
