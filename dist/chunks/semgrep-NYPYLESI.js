#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  issuesToFindings
} from "./chunk-UHEVFYNL.js";
import "./chunk-CXJQTCH4.js";
import "./chunk-N2N7XB5A.js";
import {
  onPath,
  runCommand
} from "./chunk-TGCGIDEH.js";
import {
  parseSarif
} from "./chunk-T5PJZVCR.js";
import "./chunk-C5CGFLPB.js";
import "./chunk-NQDPYFAW.js";
import "./chunk-5XKQ73XO.js";
import "./chunk-2GVBCIT7.js";

// src/scanners/semgrep/index.ts
import { existsSync } from "node:fs";
import { isAbsolute, join } from "node:path";
var INSTALL_HINT = "install it with `pipx install semgrep` (or `brew install semgrep`, or `python3 -m pip install semgrep`)";
async function semgrepInstalled(env) {
  return onPath("semgrep", env);
}
function resolveConfigs(root, configs) {
  return configs.map((c) => !isAbsolute(c) && !/^(p|r|s)\//.test(c) && c !== "auto" && existsSync(join(root, c)) ? join(root, c) : c);
}
function semgrepArgs(input) {
  const args = ["scan", "--sarif", "--metrics=off", "--disable-version-check", "--quiet", "--max-memory", String(input.maxMemoryMb)];
  for (const c of input.configs) args.push("--config", c);
  for (const g of input.include ?? []) args.push("--include", g);
  for (const g of input.exclude ?? []) args.push("--exclude", g);
  args.push("--", ...input.targets && input.targets.length > 0 ? input.targets : ["."]);
  return args;
}
async function runSemgrep(input, ctx) {
  const cwd = input.cwd ?? ctx.root;
  const result = await runCommand({
    command: "semgrep",
    args: semgrepArgs(input),
    cwd,
    env: { ...input.env, SEMGREP_SEND_METRICS: "off" },
    ...ctx.signal ? { signal: ctx.signal } : {},
    timeoutMs: input.timeoutMs
  });
  const stderr = result.stderr.trim().split("\n").filter(Boolean).slice(-3).join(" ").slice(0, 400);
  if (result.spawnError) return { ok: false, error: `semgrep could not be started: ${result.spawnError}` };
  if (result.timedOut) return { ok: false, error: `semgrep timed out after ${Math.round(input.timeoutMs / 1e3)}s (raise gates.sast.semgrep.timeout)` };
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
var scanner = {
  id: "semgrep",
  description: "semgrep (when installed) with the policy's config, imported from its SARIF",
  async scan(input, ctx) {
    if (!await semgrepInstalled(input.env)) return { findings: [], metrics: {}, notes: [`semgrep is not on PATH: ${INSTALL_HINT}`] };
    const outcome = await runSemgrep(input, ctx);
    if (!outcome.ok) throw new Error(outcome.error);
    const { findings } = await issuesToFindings({ root: ctx.root, gate: input.gate ?? "sast", issues: outcome.issues });
    return { findings, metrics: { semgrepFindings: findings.length }, notes: outcome.problems };
  }
};
export {
  INSTALL_HINT,
  resolveConfigs,
  runSemgrep,
  scanner,
  semgrepArgs,
  semgrepInstalled
};
