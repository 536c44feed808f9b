#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  schema
} from "./chunk-CLCDPWWL.js";
import {
  markNewOnly
} from "./chunk-O2MZHCDI.js";
import {
  parseDuration
} from "./chunk-RSC3HFTQ.js";
import {
  fileAtCommit
} from "./chunk-VMIEK4YL.js";
import {
  globMatcher
} from "./chunk-ZRGI7UBK.js";
import {
  require_picomatch
} from "./chunk-CY7KP3J2.js";
import {
  evaluateBySeverity,
  isActive,
  severityMetrics
} from "./chunk-CXJQTCH4.js";
import "./chunk-TGCGIDEH.js";
import "./chunk-C5CGFLPB.js";
import {
  makeFinding
} from "./chunk-NQDPYFAW.js";
import {
  errorMessage
} from "./chunk-5XKQ73XO.js";
import {
  __toESM
} from "./chunk-2GVBCIT7.js";

// src/gates/lint/report-files.ts
var import_picomatch = __toESM(require_picomatch(), 1);
import { readdir } from "node:fs/promises";
import { join } from "node:path";
var NEVER = /* @__PURE__ */ new Set([".git", "node_modules"]);
async function matchReportGlob(root, glob) {
  const pattern = glob.replace(/^\.\//, "");
  const scan2 = import_picomatch.default.scan(pattern);
  const isMatch = (0, import_picomatch.default)(pattern, { dot: true });
  const out = [];
  if (!scan2.isGlob) {
    try {
      const { stat } = await import("node:fs/promises");
      if ((await stat(join(root, pattern))).isFile()) out.push(pattern);
    } catch {
    }
    return out;
  }
  async function visit(rel) {
    let entries;
    try {
      entries = await readdir(join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (NEVER.has(entry.name)) continue;
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await visit(path);
      else if (entry.isFile() && isMatch(path)) out.push(path);
    }
  }
  await visit(scan2.base);
  return out.sort();
}

// src/gates/lint/index.ts
var INPUT_RULES = [
  {
    id: "lint/missing-report",
    severity: "high",
    title: "A report named by the policy is missing",
    description: "A glob under sarif, eslint-json or checkstyle matched no file, so that linter's findings would pass unseen.",
    remediation: "Run the linter before tollgate so that it writes the report, or fix the glob in the policy."
  },
  {
    id: "lint/report-error",
    severity: "high",
    title: "A linter report could not be read",
    description: "The report file is not valid in the format the policy gives for it; its findings are unknown.",
    remediation: "Check that the linter writes the format named in the policy (sarif, eslint-json, checkstyle, parsable)."
  },
  {
    id: "lint/command-failed",
    severity: "high",
    title: "A linter command failed",
    description: "A command under lint.commands could not start, timed out, or wrote no readable report.",
    remediation: "Run the command by hand from the repository root and fix it, or raise its timeout."
  },
  {
    id: "lint/eslint/config-error",
    severity: "high",
    title: "ESLint could not load its configuration",
    description: "ESLint failed before linting (a broken eslint.config.js, a plugin missing from node_modules...), so no file was linted.",
    remediation: "Run `npx eslint .` in the repository to see the error, then install the missing plugin or fix the config."
  }
];
var STATIC_RULES = [
  ...INPUT_RULES,
  {
    id: "lint/eslint/parse-error",
    severity: "high",
    title: "ESLint could not parse a file",
    description: "A syntax error (or a parser the config does not set up) stopped ESLint from checking the file.",
    remediation: "Fix the syntax error, or configure the right parser for the file type in eslint.config.js."
  }
];
var INPUT_RULE_IDS = new Set(INPUT_RULES.map((r) => r.id));
var DEFAULT_COMMAND_TIMEOUT_MS = 10 * 6e4;
function inputFinding(ruleId, message, path, key = message) {
  const meta = INPUT_RULES.find((r) => r.id === ruleId);
  return makeFinding({ ruleId, gate: "lint", severity: meta?.severity ?? "high", message, ...path ? { location: { path } } : {}, key });
}
async function scan(ctx) {
  const o = ctx.options;
  const findings = [];
  const rules = /* @__PURE__ */ new Map();
  const notes = [];
  const metrics = {};
  const addRules = (list) => list.forEach((r) => rules.set(r.id, r));
  const explicitInputs = o.sarif.length + o["eslint-json"].length + o.checkstyle.length + o.commands.length;
  let looked = explicitInputs > 0;
  let eslintSession;
  if (o.eslint !== false) {
    const eslintMod = await import("./eslint-CQYMNWIR.js");
    const configFile = typeof o.eslint === "object" ? o.eslint.config : void 0;
    let files;
    if (ctx.changedFiles) {
      const include = o.include.length > 0 ? globMatcher(o.include) : () => true;
      const exclude = globMatcher(o.exclude);
      files = ctx.changedFiles.filter((f) => include(f) && !exclude(f));
    }
    try {
      const { results, session } = await eslintMod.lintProject(ctx.root, {
        ...files ? { files } : {},
        ...o.include.length > 0 ? { patterns: o.include } : {},
        ignorePatterns: o.exclude,
        ...configFile ? { configFile } : {}
      });
      eslintSession = session;
      metrics.eslintFiles = results.length;
      notes.push(`ESLint config: ${session.configSource}`, ...session.notes);
      if (results.length > 0) looked = true;
      const rulesMeta = session.eslint.getRulesMetaForResults(results);
      const converted = await eslintMod.resultsToFindings({ root: ctx.root, results, ...rulesMeta ? { rulesMeta } : {} });
      findings.push(...converted.findings);
      addRules(converted.rules);
    } catch (error) {
      looked = true;
      findings.push(inputFinding("lint/eslint/config-error", `ESLint could not run: ${firstLine(errorMessage(error))}`));
    }
  }
  const importer = explicitInputs > 0 ? await import("./sarif-import-C4XFV6DT.js") : void 0;
  const formats = [
    ["sarif", o.sarif],
    ["eslint-json", o["eslint-json"]],
    ["checkstyle", o.checkstyle]
  ];
  let reports = 0;
  for (const [format, globs] of formats) {
    if (!importer) break;
    for (const glob of globs) {
      const files = await matchReportGlob(ctx.root, glob);
      if (files.length === 0) {
        findings.push(inputFinding("lint/missing-report", `No ${format} report matches \`${glob}\`: run the linter before tollgate or fix the glob.`, void 0, glob));
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
  if (importer && o.commands.length > 0) {
    const { runLinterCommand } = await import("./command-HCUDPM34.js");
    for (const command of o.commands) {
      if (ctx.signal.aborted) break;
      const timeoutMs = (command.timeout ? parseDuration(command.timeout) : void 0) ?? DEFAULT_COMMAND_TIMEOUT_MS;
      const outcome = await runLinterCommand(
        { name: command.name, run: command.run, format: command.format, timeoutMs, ...command.output ? { output: command.output } : {} },
        { root: ctx.root, env: ctx.env, signal: ctx.signal, onOutput: (c) => ctx.log.output(c) }
      );
      if (!outcome.ok) {
        findings.push(inputFinding("lint/command-failed", `Linter ${command.name}: ${outcome.error}.`, void 0, command.name));
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
    const reason = ctx.changedFiles ? `none of the ${ctx.changedFiles.length} changed files is linted by ESLint, and the policy names no linter reports or commands` : "no JavaScript or TypeScript files for ESLint, and the policy names no linter reports (add sarif, checkstyle, eslint-json or commands under gates.lint)";
    return { findings: [], metrics: {}, skipped: reason, notes };
  }
  if (o["new-only"]) {
    const session = eslintSession;
    const eslintMod = session ? await import("./eslint-CQYMNWIR.js") : void 0;
    const result = await markNewOnly({
      root: ctx.root,
      ...ctx.base ? { base: ctx.base } : {},
      findings,
      signal: ctx.signal,
      exact: (f) => session !== void 0 && f.ruleId.startsWith("lint/eslint/") && !INPUT_RULE_IDS.has(f.ruleId),
      baseFindings: async (base, paths) => {
        const out = [];
        if (!session || !eslintMod) return out;
        for (const path of paths) {
          if (ctx.signal.aborted) break;
          const text = await fileAtCommit(ctx.root, base, path);
          if (text === void 0) continue;
          const results = await eslintMod.lintTextAs(session, ctx.root, path, text);
          out.push(...(await eslintMod.resultsToFindings({ root: ctx.root, results, sources: /* @__PURE__ */ new Map([[path, text]]) })).findings);
        }
        return out;
      }
    });
    notes.push(...result.notes);
    metrics.new = result.newCount;
    metrics.unchanged = result.unchangedCount;
  }
  Object.assign(metrics, severityMetrics(findings));
  return { findings, metrics, rules: [...rules.values()], notes };
}
function evaluate(scan2, options) {
  const broken = scan2.findings.filter((f) => isActive(f) && INPUT_RULE_IDS.has(f.ruleId));
  const verdict = evaluateBySeverity(scan2, options, "lint finding");
  if (broken.length > 0 && verdict.status !== "failed") {
    return { status: "failed", summary: `${broken.length} linter input(s) could not be used; ${verdict.summary}` };
  }
  return verdict;
}
function firstLine(text) {
  return text.split("\n").find((l) => l.trim() !== "")?.trim() ?? text;
}
var gate = {
  id: "lint",
  title: "Lint",
  description: "ESLint in-process with the project's flat config, plus any linter's SARIF, ESLint JSON or Checkstyle output.",
  schema,
  rules: () => STATIC_RULES,
  scan,
  evaluate
};
export {
  INPUT_RULES,
  STATIC_RULES,
  evaluate,
  gate
};
