// ESLint through its Node API, in-process: the target's own flat config and plugins (resolved from
// the target's node_modules by ESLint itself), or tollgate's built-in recommended set when it has none.
import { existsSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { ESLint, type Linter } from "eslint";
import { makeFinding, toPosix } from "../../core/finding.js";
import { errorMessage } from "../../core/errors.js";
import type { Finding, RuleMeta, ScanResult, Scanner, ScannerContext, Severity } from "../../core/types.js";
import { lineKeys, SourceLines } from "../sarif-import/line-key.js";
import { builtinConfig } from "./builtin-config.js";

export interface EslintInput {
  /** Repository-relative files to lint (--changed); undefined lints the project like `eslint .`. */
  files?: string[];
  /** Globs to lint instead of "." (the policy's include). */
  patterns?: string[];
  /** Globs ESLint must not lint (the policy's exclude). */
  ignorePatterns?: string[];
  /** A config file to use instead of the one ESLint would find (relative to root). */
  configFile?: string;
  /** Gate id findings belong to (default "lint"). */
  gate?: string;
}

export interface EslintSession {
  eslint: ESLint;
  /** "eslint.config.js", "built-in recommended", ... */
  configSource: string;
  /** Absolute path of the root flat config, when the project has one. */
  configFile?: string;
  notes: string[];
}

const FLAT_CONFIG_FILES = ["eslint.config.js", "eslint.config.mjs", "eslint.config.cjs", "eslint.config.ts", "eslint.config.mts", "eslint.config.cts"];
const TS_EXTENSIONS = /\.(ts|tsx|mts|cts)$/;
const LEGACY_CONFIG_FILES = [".eslintrc", ".eslintrc.js", ".eslintrc.cjs", ".eslintrc.json", ".eslintrc.yml", ".eslintrc.yaml"];

/**
 * Builds the ESLint instance the way `npx eslint` would in `root`, falling back to the built-in
 * set when no flat config exists. ESLint 10 has no eslintrc mode, so ESLINT_USE_FLAT_CONFIG and
 * a stray .eslintrc cannot change what runs; a lone .eslintrc only earns a note.
 */
export async function createEslintSession(root: string, input: Pick<EslintInput, "configFile" | "ignorePatterns" | "files"> = {}): Promise<EslintSession> {
  const notes: string[] = [];
  const common = {
    cwd: root,
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
    ignorePatterns: input.ignorePatterns ?? [],
  };
  if (input.configFile) {
    const eslint = new ESLint({ ...common, overrideConfigFile: join(root, input.configFile) });
    return { eslint, configSource: input.configFile, configFile: join(root, input.configFile), notes };
  }
  const probe = new ESLint(common);
  const found = await probe.findConfigFile();
  if (found) return { eslint: probe, configSource: toPosix(relative(root, found)) || found, configFile: found, notes };
  const legacy = LEGACY_CONFIG_FILES.find((f) => existsSync(join(root, f)));
  if (legacy) {
    notes.push(`${legacy} is ignored by ESLint 10; the built-in recommended rules ran instead (migrate with \`npx @eslint/migrate-config ${legacy}\`)`);
  }
  // With --changed and no TypeScript among the files, skip loading the TypeScript compiler.
  const typescript = input.files === undefined || input.files.some((f) => TS_EXTENSIONS.test(f));
  const eslint = new ESLint({ ...common, overrideConfigFile: true, overrideConfig: await builtinConfig({ typescript }) });
  return { eslint, configSource: "built-in recommended", notes };
}

export function hasFlatConfig(root: string): boolean {
  return FLAT_CONFIG_FILES.some((f) => existsSync(join(root, f)));
}

export interface EslintRun {
  results: ESLint.LintResult[];
  session: EslintSession;
}

/** Lints the project (or the given files) and returns ESLint's own results. */
export async function lintProject(root: string, input: EslintInput = {}): Promise<EslintRun> {
  const session = await createEslintSession(root, input);
  let targets: string[];
  if (input.files) targets = input.files.filter((f) => existsSync(join(root, f)));
  else if (input.patterns && input.patterns.length > 0) targets = input.patterns;
  else targets = ["."];
  if (input.files && targets.length > 0) targets = await dropIgnoredByRoot(root, session, targets);
  const results = targets.length === 0 ? [] : await session.eslint.lintFiles(targets);
  return { results, session };
}

/**
 * ESLint 10 lints an explicitly named file with its nearest config, so a changed file under a
 * folder the root config ignores (a fixture project with its own eslint.config.js) would be
 * linted by --changed but not by a full run. Keep --changed a subset of the full run.
 */
async function dropIgnoredByRoot(root: string, session: EslintSession, files: string[]): Promise<string[]> {
  const rootConfig = session.configFile;
  if (!rootConfig) return files;
  const nested: string[] = [];
  for (const f of files) {
    const nearest = await session.eslint.findConfigFile(join(root, f));
    if (nearest && nearest !== rootConfig) nested.push(f);
  }
  if (nested.length === 0) return files;
  const rootOnly = new ESLint({ cwd: root, overrideConfigFile: rootConfig });
  const drop = new Set<string>();
  for (const f of nested) if (await rootOnly.isPathIgnored(join(root, f))) drop.add(f);
  return files.filter((f) => !drop.has(f));
}

export function eslintSeverity(severity: number, fatal?: boolean): Severity {
  if (fatal) return "high";
  return severity >= 2 ? "high" : "medium";
}

export interface ToFindingsOptions {
  root: string;
  results: readonly ESLint.LintResult[];
  rulesMeta?: Record<string, { docs?: { description?: string; url?: string } } | undefined>;
  gate?: string;
  /** Tool segment of the rule id (ESLint JSON imported under another name keeps "eslint"). */
  tool?: string;
  /** Text of the files when it is not on disk (base versions linted in memory). */
  sources?: Map<string, string>;
}

/** Rule id as tollgate reports it: lint/eslint/no-unused-vars, lint/eslint/parse-error. */
export function eslintRuleId(message: Linter.LintMessage, gate = "lint", tool = "eslint"): string {
  const rule = message.ruleId ?? (message.fatal ? "parse-error" : "unknown");
  return `${gate}/${tool}/${rule}`;
}

/** ESLint results → findings; eslint-disable'd messages are kept, marked as inline suppressions. */
export async function resultsToFindings(options: ToFindingsOptions): Promise<{ findings: Finding[]; rules: RuleMeta[] }> {
  const gate = options.gate ?? "lint";
  const tool = options.tool ?? "eslint";
  const lines = new SourceLines(options.root);
  const rows: { path: string; message: Linter.LintMessage; suppressed?: Linter.SuppressedLintMessage }[] = [];
  for (const result of options.results) {
    const path = repoPath(options.root, result.filePath);
    const inMemory = options.sources?.get(path) ?? result.source;
    if (inMemory !== undefined) lines.set(path, inMemory);
    for (const message of result.messages) rows.push({ path, message });
    for (const message of result.suppressedMessages ?? []) rows.push({ path, message, suppressed: message });
  }
  await lines.load(rows.map((r) => r.path));

  const findings: Finding[] = [];
  const rules = new Map<string, RuleMeta>();
  const byPath = new Map<string, typeof rows>();
  for (const row of rows) {
    const list = byPath.get(row.path);
    if (list) list.push(row);
    else byPath.set(row.path, [row]);
  }
  for (const [path, group] of byPath) {
    const keys = lineKeys(
      group.map((r) => ({ ruleId: eslintRuleId(r.message, gate, tool), path, line: r.message.line, column: r.message.column, message: r.message.message })),
      (p, l) => lines.line(p, l),
    );
    group.forEach((row, i) => {
      const m = row.message;
      const ruleId = eslintRuleId(m, gate, tool);
      const severity = eslintSeverity(m.severity, m.fatal);
      const meta = m.ruleId ? options.rulesMeta?.[m.ruleId] : undefined;
      const helpUri = meta?.docs?.url ?? (m.ruleId && !m.ruleId.includes("/") ? `https://eslint.org/docs/latest/rules/${m.ruleId}` : undefined);
      const location: Finding["location"] = { path };
      if (m.line > 0) {
        location.startLine = m.line;
        location.startColumn = m.column;
        if (m.endLine !== undefined) location.endLine = m.endLine;
        if (m.endColumn !== undefined) location.endColumn = m.endColumn;
      }
      const finding = makeFinding({
        ruleId,
        gate,
        severity,
        message: m.message,
        location,
        key: keys[i] ?? "",
        ...(helpUri ? { helpUri } : {}),
        properties: { tool, rule: m.ruleId ?? "parse-error", toolSeverity: m.severity === 2 ? "error" : "warning", ...(m.fix ? { fixable: true } : {}) },
      });
      if (row.suppressed) {
        const justification = row.suppressed.suppressions.map((s) => s.justification).filter(Boolean).join("; ");
        finding.suppression = { kind: "inline", reason: justification || "eslint-disable comment" };
      }
      findings.push(finding);
      const known = rules.get(ruleId);
      if (!known || severityRankOf(severity) > severityRankOf(known.severity)) {
        rules.set(ruleId, {
          id: ruleId,
          severity,
          title: m.ruleId ? `ESLint ${m.ruleId}` : "File could not be parsed",
          description: meta?.docs?.description ?? (m.ruleId ? `ESLint rule ${m.ruleId}.` : "ESLint could not parse the file, so none of its rules ran on it."),
          ...(helpUri ? { helpUri } : {}),
        });
      }
    });
  }
  return { findings, rules: [...rules.values()] };
}

function severityRankOf(s: Severity): number {
  return ["info", "low", "medium", "high", "critical"].indexOf(s);
}

export function repoPath(root: string, filePath: string): string {
  if (!isAbsolute(filePath)) return toPosix(filePath).replace(/^\.\//, "");
  const rel = relative(root, filePath);
  return toPosix(rel.startsWith("..") ? filePath : rel);
}

/** Lints in memory, as ESLint would lint `path` with this content (the base version for new-only). */
export async function lintTextAs(session: EslintSession, root: string, path: string, text: string): Promise<ESLint.LintResult[]> {
  return session.eslint.lintText(text, { filePath: join(root, path), warnIgnored: false });
}

export const scanner: Scanner<EslintInput> = {
  id: "eslint",
  description: "ESLint through its Node API with the project's flat config (or a built-in recommended set for JS/TS)",
  async scan(input: EslintInput, ctx: ScannerContext): Promise<ScanResult> {
    try {
      const { results, session } = await lintProject(ctx.root, input);
      const rulesMeta = session.eslint.getRulesMetaForResults(results) as ToFindingsOptions["rulesMeta"];
      const { findings } = await resultsToFindings({ root: ctx.root, results, gate: input.gate ?? "lint", ...(rulesMeta ? { rulesMeta } : {}) });
      return { findings, metrics: { files: results.length }, notes: [`ESLint config: ${session.configSource}`, ...session.notes] };
    } catch (error) {
      throw new Error(`ESLint failed: ${errorMessage(error)}`, { cause: error });
    }
  },
};
