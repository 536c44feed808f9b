#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  runCommand
} from "./chunk-TGCGIDEH.js";
import {
  parseReport
} from "./chunk-T5PJZVCR.js";
import "./chunk-C5CGFLPB.js";
import "./chunk-NQDPYFAW.js";
import {
  errorMessage
} from "./chunk-5XKQ73XO.js";
import "./chunk-2GVBCIT7.js";

// src/scanners/sarif-import/command.ts
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
async function runLinterCommand(command, ctx) {
  const outputPath = command.output ? join(ctx.root, command.output) : void 0;
  const before = outputPath ? await mtime(outputPath) : void 0;
  const result = await runCommand({
    command: command.run,
    shell: true,
    cwd: ctx.root,
    env: ctx.env,
    ...ctx.signal ? { signal: ctx.signal } : {},
    timeoutMs: command.timeoutMs,
    ...ctx.onOutput && outputPath ? { onOutput: ctx.onOutput } : {}
  });
  const stderr = result.stderr.trim().split("\n").slice(-3).join(" ").slice(0, 300);
  if (result.spawnError) return { ok: false, error: `\`${command.run}\` could not be started: ${result.spawnError}` };
  if (result.timedOut) return { ok: false, error: `\`${command.run}\` timed out after ${Math.round(command.timeoutMs / 1e3)}s` };
  if (result.aborted) return { ok: false, error: `\`${command.run}\` was stopped` };
  let text;
  if (outputPath) {
    const after = await mtime(outputPath);
    if (after === void 0 || before !== void 0 && after === before) {
      return { ok: false, error: `\`${command.run}\` did not write ${command.output} (exit ${result.exitCode ?? result.signal}${stderr ? `: ${stderr}` : ""})` };
    }
    try {
      text = await readFile(outputPath, "utf8");
    } catch (error) {
      return { ok: false, error: `${command.output} cannot be read: ${errorMessage(error)}` };
    }
  } else {
    if (result.truncated) return { ok: false, error: `\`${command.run}\` wrote more output than tollgate keeps; write the report to a file with \`output:\`` };
    text = result.stdout;
  }
  if (text.trim() === "") {
    if (command.format === "parsable" && result.exitCode === 0) return { ok: true, report: { issues: [], problems: [] }, exitCode: 0 };
    return { ok: false, error: `\`${command.run}\` produced no ${command.format} output (exit ${result.exitCode ?? result.signal}${stderr ? `: ${stderr}` : ""})` };
  }
  const report = parseReport(command.format, text, { root: ctx.root, tool: command.name });
  if (report.issues.length === 0 && report.problems.length > 0 && result.exitCode !== 0) {
    return { ok: false, error: `\`${command.run}\` failed (exit ${result.exitCode ?? result.signal}): ${report.problems[0] ?? ""}${stderr ? `; stderr: ${stderr}` : ""}` };
  }
  return { ok: true, report, exitCode: result.exitCode };
}
async function mtime(path) {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return void 0;
  }
}
export {
  runLinterCommand
};
