// Runs a linter the policy names and reads its report from stdout or from the file it writes.
// Linters exit non-zero when they find something, so the exit code alone decides nothing.
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { runCommand } from "../../core/exec.js";
import { errorMessage } from "../../core/errors.js";
import { parseReport, type ParsedReport, type ReportFormat } from "./parse.js";

export interface LinterCommand {
  name: string;
  run: string;
  format: ReportFormat;
  output?: string;
  timeoutMs: number;
}

export type CommandOutcome = { ok: true; report: ParsedReport; exitCode: number | null } | { ok: false; error: string };

export async function runLinterCommand(
  command: LinterCommand,
  ctx: { root: string; env: Record<string, string | undefined>; signal?: AbortSignal; onOutput?: (chunk: string) => void },
): Promise<CommandOutcome> {
  const outputPath = command.output ? join(ctx.root, command.output) : undefined;
  const before = outputPath ? await mtime(outputPath) : undefined;
  const result = await runCommand({
    command: command.run,
    shell: true,
    cwd: ctx.root,
    env: ctx.env,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    timeoutMs: command.timeoutMs,
    ...(ctx.onOutput && outputPath ? { onOutput: ctx.onOutput } : {}),
  });
  const stderr = result.stderr.trim().split("\n").slice(-3).join(" ").slice(0, 300);
  if (result.spawnError) return { ok: false, error: `\`${command.run}\` could not be started: ${result.spawnError}` };
  if (result.timedOut) return { ok: false, error: `\`${command.run}\` timed out after ${Math.round(command.timeoutMs / 1000)}s` };
  if (result.aborted) return { ok: false, error: `\`${command.run}\` was stopped` };
  let text: string;
  if (outputPath) {
    const after = await mtime(outputPath);
    if (after === undefined || (before !== undefined && after === before)) {
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
    // An empty line-format report means "no problems"; the structured formats always say something.
    if (command.format === "parsable" && result.exitCode === 0) return { ok: true, report: { issues: [], problems: [] }, exitCode: 0 };
    return { ok: false, error: `\`${command.run}\` produced no ${command.format} output (exit ${result.exitCode ?? result.signal}${stderr ? `: ${stderr}` : ""})` };
  }
  const report = parseReport(command.format, text, { root: ctx.root, tool: command.name });
  if (report.issues.length === 0 && report.problems.length > 0 && result.exitCode !== 0) {
    return { ok: false, error: `\`${command.run}\` failed (exit ${result.exitCode ?? result.signal}): ${report.problems[0] ?? ""}${stderr ? `; stderr: ${stderr}` : ""}` };
  }
  return { ok: true, report, exitCode: result.exitCode };
}

async function mtime(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return undefined;
  }
}
