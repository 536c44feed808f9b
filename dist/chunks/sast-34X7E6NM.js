#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  schema
} from "./chunk-T4NY6OQT.js";
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
  listFiles
} from "./chunk-ZRGI7UBK.js";
import "./chunk-CY7KP3J2.js";
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
import "./chunk-5XKQ73XO.js";
import "./chunk-2GVBCIT7.js";

// src/gates/sast/index.ts
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
var INPUT_RULES = [
  {
    id: "sast/semgrep-missing",
    severity: "high",
    title: "semgrep is required but not installed",
    description: "The policy marks semgrep as required (gates.sast.semgrep.required: true), and no semgrep is on PATH.",
    remediation: "Install semgrep in the CI image: `pipx install semgrep` (or `brew install semgrep`)."
  },
  {
    id: "sast/semgrep-failed",
    severity: "high",
    title: "semgrep failed",
    description: "semgrep exited with an error, timed out or wrote no readable SARIF, so its rules did not run.",
    remediation: "Run the semgrep command shown in the message by hand; fix the config or raise gates.sast.semgrep.timeout / max-memory."
  }
];
var INPUT_RULE_IDS = new Set(INPUT_RULES.map((r) => r.id));
var GENERATED = ["**/dist/**", "**/*.min.js", "**/*.bundle.js", "**/vendor/**", "**/coverage/**"];
function semgrepSettings(root, option) {
  if (option === false) return void 0;
  const o = option === true ? { required: false, timeout: "10m", "max-memory": 4096 } : option;
  let configs;
  if (o.config !== void 0) configs = Array.isArray(o.config) ? o.config : [o.config];
  else configs = [".semgrep.yml", ".semgrep.yaml", ".semgrep"].filter((c) => existsSync(join(root, c))).slice(0, 1);
  if (configs.length === 0) configs = ["p/default"];
  return { configs, required: o.required, timeoutMs: parseDuration(o.timeout) ?? 10 * 6e4, maxMemoryMb: o["max-memory"] };
}
async function allRules() {
  const { RULES } = await import("./ast-sast-OKAGPO5I.js");
  const builtin = RULES.map((r) => {
    const meta = { id: r.id, severity: r.severity, title: r.title, description: r.description };
    if (r.remediation) meta.remediation = r.remediation;
    if (r.helpUri) meta.helpUri = r.helpUri;
    if (r.tags) meta.tags = r.tags;
    return meta;
  });
  return [...builtin, ...INPUT_RULES];
}
async function scan(ctx) {
  const o = ctx.options;
  const findings = [];
  const notes = [];
  const metrics = {};
  const rules = /* @__PURE__ */ new Map();
  const files = await listFiles(ctx.root, { include: o.include, exclude: [...GENERATED, ...o.exclude], ...ctx.changedFiles ? { changedFiles: ctx.changedFiles } : {}, signal: ctx.signal });
  let looked = false;
  const astSast = o.builtin ? await import("./ast-sast-OKAGPO5I.js") : void 0;
  if (astSast) {
    const result = await astSast.scanFiles({ files, disabled: o.disable }, ctx);
    findings.push(...result.findings);
    notes.push(...result.notes ?? []);
    metrics.files = result.metrics.files ?? 0;
    if ((result.metrics.files ?? 0) > 0) looked = true;
  }
  const settings = semgrepSettings(ctx.root, o.semgrep);
  let semgrepRan = false;
  let semgrepSkip;
  const semgrepMod = settings ? await import("./semgrep-NYPYLESI.js") : void 0;
  if (settings && semgrepMod) {
    if (!await semgrepMod.semgrepInstalled(ctx.env)) {
      semgrepSkip = `semgrep is not installed: ${semgrepMod.INSTALL_HINT}`;
      if (settings.required) {
        looked = true;
        findings.push(makeFinding({ ruleId: "sast/semgrep-missing", gate: "sast", severity: "high", message: `The policy requires semgrep, but ${semgrepSkip}.`, key: "semgrep-missing" }));
      } else notes.push(`${semgrepSkip}; only the built-in rules ran`);
    } else {
      const targets = ctx.changedFiles ? files : void 0;
      if (targets && targets.length === 0) semgrepSkip = "no changed files for semgrep";
      else {
        looked = true;
        const outcome = await semgrepMod.runSemgrep(
          {
            configs: semgrepMod.resolveConfigs(ctx.root, settings.configs),
            ...targets ? { targets } : { include: o.include, exclude: o.exclude },
            timeoutMs: settings.timeoutMs,
            maxMemoryMb: settings.maxMemoryMb,
            env: ctx.env
          },
          { root: ctx.root, signal: ctx.signal }
        );
        if (!outcome.ok) {
          findings.push(makeFinding({ ruleId: "sast/semgrep-failed", gate: "sast", severity: "high", message: `${outcome.error}.`, key: "semgrep-failed" }));
        } else {
          semgrepRan = true;
          const { issuesToFindings } = await import("./sarif-import-C4XFV6DT.js");
          const converted = await issuesToFindings({ root: ctx.root, gate: "sast", issues: outcome.issues });
          findings.push(...converted.findings);
          converted.rules.forEach((r) => rules.set(r.id, { ...r, tags: [.../* @__PURE__ */ new Set(["security", ...r.tags ?? []])] }));
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
      ...ctx.base ? { base: ctx.base } : {},
      findings,
      signal: ctx.signal,
      exact: (f) => !INPUT_RULE_IDS.has(f.ruleId) && (f.ruleId.startsWith("sast/semgrep/") ? semgrepRan : astSast !== void 0),
      baseFindings: async (base, paths) => {
        const old = [];
        const texts = /* @__PURE__ */ new Map();
        for (const path of paths) {
          const text = await fileAtCommit(ctx.root, base, path);
          if (text !== void 0) texts.set(path, text);
        }
        if (astSast) {
          const disabled = new Set(o.disable);
          const active = astSast.RULES.filter((r) => !disabled.has(r.id));
          for (const [path, text] of texts) old.push(...astSast.matchesToFindings(path, astSast.scanText(path, text, active)));
        }
        if (semgrepRan && settings && semgrepMod && texts.size > 0) old.push(...await semgrepAtBase(ctx, settings, texts));
        return old;
      }
    });
    notes.push(...result.notes);
    metrics.new = result.newCount;
    metrics.unchanged = result.unchangedCount;
  }
  Object.assign(metrics, severityMetrics(findings));
  return { findings, metrics, rules: [...rules.values()], notes };
}
async function semgrepAtBase(ctx, settings, texts) {
  const semgrep = await import("./semgrep-NYPYLESI.js");
  const { issuesToFindings } = await import("./sarif-import-C4XFV6DT.js");
  const dir = await mkdtemp(join(tmpdir(), "tollgate-sast-base-"));
  try {
    for (const [path, text] of texts) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    const outcome = await semgrep.runSemgrep(
      { configs: semgrep.resolveConfigs(ctx.root, settings.configs), targets: [...texts.keys()], timeoutMs: settings.timeoutMs, maxMemoryMb: settings.maxMemoryMb, env: ctx.env, cwd: dir },
      { root: dir, signal: ctx.signal }
    );
    if (!outcome.ok) return [];
    return (await issuesToFindings({ root: dir, gate: "sast", issues: outcome.issues })).findings;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
function evaluate(scanResult, options) {
  const broken = scanResult.findings.filter((f) => isActive(f) && INPUT_RULE_IDS.has(f.ruleId));
  const verdict = evaluateBySeverity(scanResult, options, "SAST finding");
  if (broken.length > 0 && verdict.status !== "failed") return { status: "failed", summary: `semgrep could not run as required; ${verdict.summary}` };
  return verdict;
}
var gate = {
  id: "sast",
  title: "SAST",
  description: "Built-in AST security rules for JavaScript, TypeScript and Python, plus semgrep when it is installed.",
  schema,
  rules: allRules,
  scan,
  evaluate
};
export {
  GENERATED,
  INPUT_RULES,
  evaluate,
  gate,
  semgrepSettings
};
