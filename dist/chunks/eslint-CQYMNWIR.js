#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  SourceLines,
  lineKeys
} from "./chunk-N2N7XB5A.js";
import {
  makeFinding,
  toPosix
} from "./chunk-NQDPYFAW.js";
import {
  errorMessage
} from "./chunk-5XKQ73XO.js";
import "./chunk-2GVBCIT7.js";

// src/scanners/eslint/index.ts
import { existsSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { ESLint } from "eslint";

// src/scanners/eslint/builtin-config.ts
import js from "@eslint/js";
import globals from "globals";
var TS_FILES = ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"];
var JS_FILES = ["**/*.js", "**/*.mjs", "**/*.cjs", "**/*.jsx"];
async function builtinConfig(options = { typescript: true }) {
  const ts = options.typescript ? (await import("typescript-eslint")).default.configs.recommended : [];
  const scopeToTs = (config) => ({ ...config, files: config.files ?? TS_FILES });
  return [
    { name: "tollgate/ignores", ignores: ["**/dist/**", "**/build/**", "**/coverage/**", "**/*.min.js", "**/vendor/**"] },
    { ...js.configs.recommended, name: "tollgate/js-recommended", files: [...JS_FILES, ...TS_FILES] },
    {
      name: "tollgate/globals",
      files: [...JS_FILES, ...TS_FILES],
      languageOptions: {
        globals: { ...globals.node, ...globals.browser },
        parserOptions: { ecmaFeatures: { jsx: true } }
      }
    },
    ...ts.map(scopeToTs)
  ];
}

// src/scanners/eslint/index.ts
var FLAT_CONFIG_FILES = ["eslint.config.js", "eslint.config.mjs", "eslint.config.cjs", "eslint.config.ts", "eslint.config.mts", "eslint.config.cts"];
var TS_EXTENSIONS = /\.(ts|tsx|mts|cts)$/;
var LEGACY_CONFIG_FILES = [".eslintrc", ".eslintrc.js", ".eslintrc.cjs", ".eslintrc.json", ".eslintrc.yml", ".eslintrc.yaml"];
async function createEslintSession(root, input = {}) {
  const notes = [];
  const common = {
    cwd: root,
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
    ignorePatterns: input.ignorePatterns ?? []
  };
  if (input.configFile) {
    const eslint2 = new ESLint({ ...common, overrideConfigFile: join(root, input.configFile) });
    return { eslint: eslint2, configSource: input.configFile, configFile: join(root, input.configFile), notes };
  }
  const probe = new ESLint(common);
  const found = await probe.findConfigFile();
  if (found) return { eslint: probe, configSource: toPosix(relative(root, found)) || found, configFile: found, notes };
  const legacy = LEGACY_CONFIG_FILES.find((f) => existsSync(join(root, f)));
  if (legacy) {
    notes.push(`${legacy} is ignored by ESLint 10; the built-in recommended rules ran instead (migrate with \`npx @eslint/migrate-config ${legacy}\`)`);
  }
  const typescript = input.files === void 0 || input.files.some((f) => TS_EXTENSIONS.test(f));
  const eslint = new ESLint({ ...common, overrideConfigFile: true, overrideConfig: await builtinConfig({ typescript }) });
  return { eslint, configSource: "built-in recommended", notes };
}
function hasFlatConfig(root) {
  return FLAT_CONFIG_FILES.some((f) => existsSync(join(root, f)));
}
async function lintProject(root, input = {}) {
  const session = await createEslintSession(root, input);
  let targets;
  if (input.files) targets = input.files.filter((f) => existsSync(join(root, f)));
  else if (input.patterns && input.patterns.length > 0) targets = input.patterns;
  else targets = ["."];
  if (input.files && targets.length > 0) targets = await dropIgnoredByRoot(root, session, targets);
  const results = targets.length === 0 ? [] : await session.eslint.lintFiles(targets);
  return { results, session };
}
async function dropIgnoredByRoot(root, session, files) {
  const rootConfig = session.configFile;
  if (!rootConfig) return files;
  const nested = [];
  for (const f of files) {
    const nearest = await session.eslint.findConfigFile(join(root, f));
    if (nearest && nearest !== rootConfig) nested.push(f);
  }
  if (nested.length === 0) return files;
  const rootOnly = new ESLint({ cwd: root, overrideConfigFile: rootConfig });
  const drop = /* @__PURE__ */ new Set();
  for (const f of nested) if (await rootOnly.isPathIgnored(join(root, f))) drop.add(f);
  return files.filter((f) => !drop.has(f));
}
function eslintSeverity(severity, fatal) {
  if (fatal) return "high";
  return severity >= 2 ? "high" : "medium";
}
function eslintRuleId(message, gate = "lint", tool = "eslint") {
  const rule = message.ruleId ?? (message.fatal ? "parse-error" : "unknown");
  return `${gate}/${tool}/${rule}`;
}
async function resultsToFindings(options) {
  const gate = options.gate ?? "lint";
  const tool = options.tool ?? "eslint";
  const lines = new SourceLines(options.root);
  const rows = [];
  for (const result of options.results) {
    const path = repoPath(options.root, result.filePath);
    const inMemory = options.sources?.get(path) ?? result.source;
    if (inMemory !== void 0) lines.set(path, inMemory);
    for (const message of result.messages) rows.push({ path, message });
    for (const message of result.suppressedMessages ?? []) rows.push({ path, message, suppressed: message });
  }
  await lines.load(rows.map((r) => r.path));
  const findings = [];
  const rules = /* @__PURE__ */ new Map();
  const byPath = /* @__PURE__ */ new Map();
  for (const row of rows) {
    const list = byPath.get(row.path);
    if (list) list.push(row);
    else byPath.set(row.path, [row]);
  }
  for (const [path, group] of byPath) {
    const keys = lineKeys(
      group.map((r) => ({ ruleId: eslintRuleId(r.message, gate, tool), path, line: r.message.line, column: r.message.column, message: r.message.message })),
      (p, l) => lines.line(p, l)
    );
    group.forEach((row, i) => {
      const m = row.message;
      const ruleId = eslintRuleId(m, gate, tool);
      const severity = eslintSeverity(m.severity, m.fatal);
      const meta = m.ruleId ? options.rulesMeta?.[m.ruleId] : void 0;
      const helpUri = meta?.docs?.url ?? (m.ruleId && !m.ruleId.includes("/") ? `https://eslint.org/docs/latest/rules/${m.ruleId}` : void 0);
      const location = { path };
      if (m.line > 0) {
        location.startLine = m.line;
        location.startColumn = m.column;
        if (m.endLine !== void 0) location.endLine = m.endLine;
        if (m.endColumn !== void 0) location.endColumn = m.endColumn;
      }
      const finding = makeFinding({
        ruleId,
        gate,
        severity,
        message: m.message,
        location,
        key: keys[i] ?? "",
        ...helpUri ? { helpUri } : {},
        properties: { tool, rule: m.ruleId ?? "parse-error", toolSeverity: m.severity === 2 ? "error" : "warning", ...m.fix ? { fixable: true } : {} }
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
          ...helpUri ? { helpUri } : {}
        });
      }
    });
  }
  return { findings, rules: [...rules.values()] };
}
function severityRankOf(s) {
  return ["info", "low", "medium", "high", "critical"].indexOf(s);
}
function repoPath(root, filePath) {
  if (!isAbsolute(filePath)) return toPosix(filePath).replace(/^\.\//, "");
  const rel = relative(root, filePath);
  return toPosix(rel.startsWith("..") ? filePath : rel);
}
async function lintTextAs(session, root, path, text) {
  return session.eslint.lintText(text, { filePath: join(root, path), warnIgnored: false });
}
var scanner = {
  id: "eslint",
  description: "ESLint through its Node API with the project's flat config (or a built-in recommended set for JS/TS)",
  async scan(input, ctx) {
    try {
      const { results, session } = await lintProject(ctx.root, input);
      const rulesMeta = session.eslint.getRulesMetaForResults(results);
      const { findings } = await resultsToFindings({ root: ctx.root, results, gate: input.gate ?? "lint", ...rulesMeta ? { rulesMeta } : {} });
      return { findings, metrics: { files: results.length }, notes: [`ESLint config: ${session.configSource}`, ...session.notes] };
    } catch (error) {
      throw new Error(`ESLint failed: ${errorMessage(error)}`, { cause: error });
    }
  }
};
export {
  createEslintSession,
  eslintRuleId,
  eslintSeverity,
  hasFlatConfig,
  lintProject,
  lintTextAs,
  repoPath,
  resultsToFindings,
  scanner
};
