// The lint gate: ESLint in-process plus any other linter through its report (SARIF, ESLint JSON,
// Checkstyle, parsable lines), with fail-on and optional "new findings only" against the base commit.
import { parseDuration } from "../../core/duration.js";
import { errorMessage } from "../../core/errors.js";
import { makeFinding } from "../../core/finding.js";
import { globMatcher } from "../../core/files.js";
import { fileAtCommit } from "../../core/git.js";
import { evaluateBySeverity, isActive, severityMetrics } from "../../core/severity.js";
import type { Finding, Gate, GateContext, GateScan, RuleMeta, Severity, Verdict } from "../../core/types.js";
import type { EslintSession, ToFindingsOptions } from "../../scanners/eslint/index.js";
import type { LintOptions } from "./schema.js";
import { schema } from "./schema.js";
import { markNewOnly } from "./new-only.js";
import { matchReportGlob } from "./report-files.js";

/** Rules that mean "an input the policy named could not be used": they fail the gate whatever fail-on says. */
export const INPUT_RULES: RuleMeta[] = [
  {
    id: "lint/missing-report",
    severity: "high",
    title: "A report named by the policy is missing",
    description: "A glob under sarif, eslint-json or checkstyle matched no file, so that linter's findings would pass unseen.",
    remediation: "Run the linter before tollgate so that it writes the report, or fix the glob in the policy.",
  },
  {
    id: "lint/report-error",
    severity: "high",
    title: "A linter report could not be read",
    description: "The report file is not valid in the format the policy gives for it; its findings are unknown.",
    remediation: "Check that the linter writes the format named in the policy (sarif, eslint-json, checkstyle, parsable).",
  },
  {
    id: "lint/command-failed",
    severity: "high",
    title: "A linter command failed",
    description: "A command under lint.commands could not start, timed out, or wrote no readable report.",
    remediation: "Run the command by hand from the repository root and fix it, or raise its timeout.",
  },
  {
    id: "lint/eslint/config-error",
    severity: "high",
    title: "ESLint could not load its configuration",
    description: "ESLint failed before linting (a broken eslint.config.js, a plugin missing from node_modules...), so no file was linted.",
    remediation: "Run `npx eslint .` in the repository to see the error, then install the missing plugin or fix the config.",
  },
];

export const STATIC_RULES: RuleMeta[] = [
  ...INPUT_RULES,
  {
    id: "lint/eslint/parse-error",
    severity: "high",
    title: "ESLint could not parse a file",
    description: "A syntax error (or a parser the config does not set up) stopped ESLint from checking the file.",
    remediation: "Fix the syntax error, or configure the right parser for the file type in eslint.config.js.",
  },
];

const INPUT_RULE_IDS = new Set(INPUT_RULES.map((r) => r.id));
const DEFAULT_COMMAND_TIMEOUT_MS = 10 * 60_000;

function inputFinding(ruleId: string, message: string, path?: string, key = message): Finding {
  const meta = INPUT_RULES.find((r) => r.id === ruleId);
  return makeFinding({ ruleId, gate: "lint", severity: meta?.severity ?? "high", message, ...(path ? { location: { path } } : {}), key });
}

async function scan(ctx: GateContext<LintOptions>): Promise<GateScan> {
  const o = ctx.options;
  const findings: Finding[] = [];
  const rules = new Map<string, RuleMeta>();
  const notes: string[] = [];
  const metrics: Record<string, number> = {};
  const addRules = (list: RuleMeta[]) => list.forEach((r) => rules.set(r.id, r));
  const explicitInputs = o.sarif.length + o["eslint-json"].length + o.checkstyle.length + o.commands.length;
  let looked = explicitInputs > 0;

  // ESLint, loaded lazily so a policy with eslint: false never pays for it.
  let eslintSession: EslintSession | undefined;
  if (o.eslint !== false) {
    const eslintMod = await import("../../scanners/eslint/index.js");
    const configFile = typeof o.eslint === "object" ? o.eslint.config : undefined;
    let files: string[] | undefined;
    if (ctx.changedFiles) {
      const include = o.include.length > 0 ? globMatcher(o.include) : () => true;
      const exclude = globMatcher(o.exclude);
      files = ctx.changedFiles.filter((f) => include(f) && !exclude(f));
    }
    try {
      const { results, session } = await eslintMod.lintProject(ctx.root, {
        ...(files ? { files } : {}),
        ...(o.include.length > 0 ? { patterns: o.include } : {}),
        ignorePatterns: o.exclude,
        ...(configFile ? { configFile } : {}),
      });
      eslintSession = session;
      metrics.eslintFiles = results.length;
      notes.push(`ESLint config: ${session.configSource}`, ...session.notes);
      if (results.length > 0) looked = true;
      const rulesMeta = session.eslint.getRulesMetaForResults(results) as ToFindingsOptions["rulesMeta"];
      const converted = await eslintMod.resultsToFindings({ root: ctx.root, results, ...(rulesMeta ? { rulesMeta } : {}) });
      findings.push(...converted.findings);
      addRules(converted.rules);
    } catch (error) {
      looked = true;
      findings.push(inputFinding("lint/eslint/config-error", `ESLint could not run: ${firstLine(errorMessage(error))}`));
    }
  }

  // Reports other linters already wrote.
  const importer = explicitInputs > 0 ? await import("../../scanners/sarif-import/index.js") : undefined;
  const formats = [
    ["sarif", o.sarif],
    ["eslint-json", o["eslint-json"]],
    ["checkstyle", o.checkstyle],
  ] as const;
  let reports = 0;
  for (const [format, globs] of formats) {
    if (!importer) break;
    for (const glob of globs) {
      const files = await matchReportGlob(ctx.root, glob);
      if (files.length === 0) {
        findings.push(inputFinding("lint/missing-report", `No ${format} report matches \`${glob}\`: run the linter before tollgate or fix the glob.`, undefined, glob));
        continue;
      }
      reports += files.length;
      const imported = await importer.importReports({ format, files, gate: "lint" }, ctx.root);
      findings.push(...imported.findings);
      addRules(imported.rules);
      for (const p of imported.problems) findings.push(inputFinding("lint/report-error", `${p.file} ${p.problem}.`, p.file, p.problem));
    }
  }
  if (reports > 0) metrics.reports = reports;

  // Linters the policy asks us to run.
  if (importer && o.commands.length > 0) {
    const { runLinterCommand } = await import("../../scanners/sarif-import/command.js");
    for (const command of o.commands) {
      if (ctx.signal.aborted) break;
      const timeoutMs = (command.timeout ? parseDuration(command.timeout) : undefined) ?? DEFAULT_COMMAND_TIMEOUT_MS;
      const outcome = await runLinterCommand(
        { name: command.name, run: command.run, format: command.format, timeoutMs, ...(command.output ? { output: command.output } : {}) },
        { root: ctx.root, env: ctx.env, signal: ctx.signal, onOutput: (c) => ctx.log.output(c) },
      );
      if (!outcome.ok) {
        findings.push(inputFinding("lint/command-failed", `Linter ${command.name}: ${outcome.error}.`, undefined, command.name));
        continue;
      }
      const converted = await importer.issuesToFindings({ root: ctx.root, gate: "lint", issues: outcome.report.issues });
      findings.push(...converted.findings);
      addRules(converted.rules);
      for (const p of outcome.report.problems) findings.push(inputFinding("lint/report-error", `Output of ${command.name}: ${p}.`, command.output, `${command.name}:${p}`));
    }
    metrics.commands = o.commands.length;
  }

  if (!looked) {
    const reason = ctx.changedFiles
      ? `none of the ${ctx.changedFiles.length} changed files is linted by ESLint, and the policy names no linter reports or commands`
      : "no JavaScript or TypeScript files for ESLint, and the policy names no linter reports (add sarif, checkstyle, eslint-json or commands under gates.lint)";
    return { findings: [], metrics: {}, skipped: reason, notes };
  }

  if (o["new-only"]) {
    const session = eslintSession;
    const eslintMod = session ? await import("../../scanners/eslint/index.js") : undefined;
    const result = await markNewOnly({
      root: ctx.root,
      ...(ctx.base ? { base: ctx.base } : {}),
      findings,
      signal: ctx.signal,
      exact: (f) => session !== undefined && f.ruleId.startsWith("lint/eslint/") && !INPUT_RULE_IDS.has(f.ruleId),
      baseFindings: async (base, paths) => {
        const out: Finding[] = [];
        if (!session || !eslintMod) return out;
        for (const path of paths) {
          if (ctx.signal.aborted) break;
          const text = await fileAtCommit(ctx.root, base, path);
          if (text === undefined) continue;
          const results = await eslintMod.lintTextAs(session, ctx.root, path, text);
          out.push(...(await eslintMod.resultsToFindings({ root: ctx.root, results, sources: new Map([[path, text]]) })).findings);
        }
        return out;
      },
    });
    notes.push(...result.notes);
    metrics.new = result.newCount;
    metrics.unchanged = result.unchangedCount;
  }

  Object.assign(metrics, severityMetrics(findings));
  return { findings, metrics, rules: [...rules.values()], notes };
}

/** fail-on as everywhere, except that a named input that could not be used always fails. */
export function evaluate(scan: GateScan, options: LintOptions & { "fail-on": Severity }): Verdict {
  const broken = scan.findings.filter((f) => isActive(f) && INPUT_RULE_IDS.has(f.ruleId));
  const verdict = evaluateBySeverity(scan, options, "lint finding");
  if (broken.length > 0 && verdict.status !== "failed") {
    return { status: "failed", summary: `${broken.length} linter input(s) could not be used; ${verdict.summary}` };
  }
  return verdict;
}

function firstLine(text: string): string {
  return text.split("\n").find((l) => l.trim() !== "")?.trim() ?? text;
}

export const gate: Gate<LintOptions> = {
  id: "lint",
  title: "Lint",
  description: "ESLint in-process with the project's flat config, plus any linter's SARIF, ESLint JSON or Checkstyle output.",
  schema,
  rules: () => STATIC_RULES,
  scan,
  evaluate,
};
