// The sast gate: built-in AST rules that need no install, plus semgrep when it is on PATH, with
// fail-on and optional "new findings only" against the base commit.
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseDuration } from "../../core/duration.js";
import { makeFinding } from "../../core/finding.js";
import { listFiles } from "../../core/files.js";
import { fileAtCommit } from "../../core/git.js";
import { evaluateBySeverity, isActive, severityMetrics } from "../../core/severity.js";
import type { Finding, Gate, GateContext, GateScan, RuleMeta, Severity, Verdict } from "../../core/types.js";
import { markNewOnly } from "../lint/new-only.js";
import { schema, type SastOptions } from "./schema.js";

export const INPUT_RULES: RuleMeta[] = [
  {
    id: "sast/semgrep-missing",
    severity: "high",
    title: "semgrep is required but not installed",
    description: "The policy marks semgrep as required (gates.sast.semgrep.required: true), and no semgrep is on PATH.",
    remediation: "Install semgrep in the CI image: `pipx install semgrep` (or `brew install semgrep`).",
  },
  {
    id: "sast/semgrep-failed",
    severity: "high",
    title: "semgrep failed",
    description: "semgrep exited with an error, timed out or wrote no readable SARIF, so its rules did not run.",
    remediation: "Run the semgrep command shown in the message by hand; fix the config or raise gates.sast.semgrep.timeout / max-memory.",
  },
];
const INPUT_RULE_IDS = new Set(INPUT_RULES.map((r) => r.id));

/** Bundles and vendored copies: their findings belong to the sources they were built from. */
export const GENERATED = ["**/dist/**", "**/*.min.js", "**/*.bundle.js", "**/vendor/**", "**/coverage/**"];

interface SemgrepSettings {
  configs: string[];
  required: boolean;
  timeoutMs: number;
  maxMemoryMb: number;
}

/** semgrep: true means "when installed, with the repository's own rules or p/default". */
export function semgrepSettings(root: string, option: SastOptions["semgrep"]): SemgrepSettings | undefined {
  if (option === false) return undefined;
  const o = option === true ? { required: false, timeout: "10m", "max-memory": 4096 } : option;
  let configs: string[];
  if (o.config !== undefined) configs = Array.isArray(o.config) ? o.config : [o.config];
  else configs = [".semgrep.yml", ".semgrep.yaml", ".semgrep"].filter((c) => existsSync(join(root, c))).slice(0, 1);
  if (configs.length === 0) configs = ["p/default"];
  return { configs, required: o.required, timeoutMs: parseDuration(o.timeout) ?? 10 * 60_000, maxMemoryMb: o["max-memory"] };
}

async function allRules(): Promise<RuleMeta[]> {
  const { RULES } = await import("../../scanners/ast-sast/index.js");
  const builtin = RULES.map((r): RuleMeta => {
    const meta: RuleMeta = { id: r.id, severity: r.severity, title: r.title, description: r.description };
    if (r.remediation) meta.remediation = r.remediation;
    if (r.helpUri) meta.helpUri = r.helpUri;
    if (r.tags) meta.tags = r.tags;
    return meta;
  });
  return [...builtin, ...INPUT_RULES];
}

async function scan(ctx: GateContext<SastOptions>): Promise<GateScan> {
  const o = ctx.options;
  const findings: Finding[] = [];
  const notes: string[] = [];
  const metrics: Record<string, number> = {};
  const rules = new Map<string, RuleMeta>();
  const files = await listFiles(ctx.root, { include: o.include, exclude: [...GENERATED, ...o.exclude], ...(ctx.changedFiles ? { changedFiles: ctx.changedFiles } : {}), signal: ctx.signal });
  let looked = false;

  const astSast = o.builtin ? await import("../../scanners/ast-sast/index.js") : undefined;
  if (astSast) {
    const result = await astSast.scanFiles({ files, disabled: o.disable }, ctx);
    findings.push(...result.findings);
    notes.push(...(result.notes ?? []));
    metrics.files = result.metrics.files ?? 0;
    if ((result.metrics.files ?? 0) > 0) looked = true;
  }

  const settings = semgrepSettings(ctx.root, o.semgrep);
  let semgrepRan = false;
  let semgrepSkip: string | undefined;
  const semgrepMod = settings ? await import("../../scanners/semgrep/index.js") : undefined;
  if (settings && semgrepMod) {
    if (!(await semgrepMod.semgrepInstalled(ctx.env))) {
      semgrepSkip = `semgrep is not installed: ${semgrepMod.INSTALL_HINT}`;
      if (settings.required) {
        looked = true;
        findings.push(makeFinding({ ruleId: "sast/semgrep-missing", gate: "sast", severity: "high", message: `The policy requires semgrep, but ${semgrepSkip}.`, key: "semgrep-missing" }));
      } else notes.push(`${semgrepSkip}; only the built-in rules ran`);
    } else {
      const targets = ctx.changedFiles ? files : undefined;
      if (targets && targets.length === 0) semgrepSkip = "no changed files for semgrep";
      else {
        looked = true;
        const outcome = await semgrepMod.runSemgrep(
          {
            configs: semgrepMod.resolveConfigs(ctx.root, settings.configs),
            ...(targets ? { targets } : { include: o.include, exclude: o.exclude }),
            timeoutMs: settings.timeoutMs,
            maxMemoryMb: settings.maxMemoryMb,
            env: ctx.env,
          },
          { root: ctx.root, signal: ctx.signal },
        );
        if (!outcome.ok) {
          findings.push(makeFinding({ ruleId: "sast/semgrep-failed", gate: "sast", severity: "high", message: `${outcome.error}.`, key: "semgrep-failed" }));
        } else {
          semgrepRan = true;
          const { issuesToFindings } = await import("../../scanners/sarif-import/index.js");
          const converted = await issuesToFindings({ root: ctx.root, gate: "sast", issues: outcome.issues });
          findings.push(...converted.findings);
          converted.rules.forEach((r) => rules.set(r.id, { ...r, tags: [...new Set(["security", ...(r.tags ?? [])])] }));
          notes.push(...outcome.problems.map((p) => `semgrep: ${p}`));
          metrics.semgrepFindings = converted.findings.length;
        }
      }
    }
    metrics.semgrep = semgrepRan ? 1 : 0;
  }

  if (!looked) {
    const parts = [ctx.changedFiles ? "no changed JavaScript, TypeScript or Python files for the built-in rules" : "no JavaScript, TypeScript or Python files for the built-in rules"];
    if (!o.builtin) parts[0] = "the built-in rules are turned off (builtin: false)";
    if (semgrepSkip) parts.push(semgrepSkip);
    else if (!settings) parts.push("semgrep is turned off");
    return { findings: [], metrics: {}, skipped: parts.join(", and "), notes };
  }

  if (o["new-only"]) {
    const result = await markNewOnly({
      root: ctx.root,
      ...(ctx.base ? { base: ctx.base } : {}),
      findings,
      signal: ctx.signal,
      exact: (f) => !INPUT_RULE_IDS.has(f.ruleId) && (f.ruleId.startsWith("sast/semgrep/") ? semgrepRan : astSast !== undefined),
      baseFindings: async (base, paths) => {
        const old: Finding[] = [];
        const texts = new Map<string, string>();
        for (const path of paths) {
          const text = await fileAtCommit(ctx.root, base, path);
          if (text !== undefined) texts.set(path, text);
        }
        if (astSast) {
          const disabled = new Set(o.disable);
          const active = astSast.RULES.filter((r) => !disabled.has(r.id));
          for (const [path, text] of texts) old.push(...astSast.matchesToFindings(path, astSast.scanText(path, text, active)));
        }
        if (semgrepRan && settings && semgrepMod && texts.size > 0) old.push(...(await semgrepAtBase(ctx, settings, texts)));
        return old;
      },
    });
    notes.push(...result.notes);
    metrics.new = result.newCount;
    metrics.unchanged = result.unchangedCount;
  }

  Object.assign(metrics, severityMetrics(findings));
  return { findings, metrics, rules: [...rules.values()], notes };
}

/** Runs semgrep on the base versions of the changed files, laid out under a temporary folder. */
async function semgrepAtBase(ctx: GateContext<SastOptions>, settings: SemgrepSettings, texts: Map<string, string>): Promise<Finding[]> {
  const semgrep = await import("../../scanners/semgrep/index.js");
  const { issuesToFindings } = await import("../../scanners/sarif-import/index.js");
  const dir = await mkdtemp(join(tmpdir(), "tollgate-sast-base-"));
  try {
    for (const [path, text] of texts) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    const outcome = await semgrep.runSemgrep(
      { configs: semgrep.resolveConfigs(ctx.root, settings.configs), targets: [...texts.keys()], timeoutMs: settings.timeoutMs, maxMemoryMb: settings.maxMemoryMb, env: ctx.env, cwd: dir },
      { root: dir, signal: ctx.signal },
    );
    if (!outcome.ok) return [];
    return (await issuesToFindings({ root: dir, gate: "sast", issues: outcome.issues })).findings;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** fail-on as everywhere, except that required-but-missing or failed semgrep always fails. */
export function evaluate(scanResult: GateScan, options: SastOptions & { "fail-on": Severity }): Verdict {
  const broken = scanResult.findings.filter((f) => isActive(f) && INPUT_RULE_IDS.has(f.ruleId));
  const verdict = evaluateBySeverity(scanResult, options, "SAST finding");
  if (broken.length > 0 && verdict.status !== "failed") return { status: "failed", summary: `semgrep could not run as required; ${verdict.summary}` };
  return verdict;
}

export const gate: Gate<SastOptions> = {
  id: "sast",
  title: "SAST",
  description: "Built-in AST security rules for JavaScript, TypeScript and Python, plus semgrep when it is installed.",
  schema,
  rules: allRules,
  scan,
  evaluate,
};
