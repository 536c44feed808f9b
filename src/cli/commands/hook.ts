// `tollgate hook install|uninstall|run`: the local pre-push check. The installed hook calls
// `tollgate hook run pre-push <remote> <url>`, which scans only the commits being pushed.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { installHook, uninstallHook } from "../../ci/hook/install.js";
import { parsePrePushInput, pushRanges, updatesFromPreCommitEnv, type PushRange } from "../../ci/hook/pre-push.js";
import { formatDuration } from "../../core/duration.js";
import { ConfigurationError } from "../../core/errors.js";
import { gitCommand, gitTopLevel } from "../../core/git.js";
import { severityRank } from "../../core/severity.js";
import type { RunReport } from "../../core/types.js";

export interface HookIO {
  cwd: string;
  env: Record<string, string | undefined>;
  stdin: NodeJS.ReadableStream;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export const HOOK_HELP = `Usage: tollgate hook <install|uninstall|run>

  install     install the git pre-push hook (respects core.hooksPath and husky;
              an existing pre-push hook is kept and still runs first)
  uninstall   remove it (and put back the hook it chained)
  run pre-push <remote> <url>
              what the hook runs: reads the refs being pushed from stdin and runs
              the policy's settings.hook.gates (default: secrets) on the pushed commits

Skip the check once with \`git push --no-verify\`.
`;

/** The CLI bundle that installs the hook is the one the hook runs (dist/cli.js beside this chunk). */
export function cliPath(): string {
  const candidates = ["../cli.js", "./cli.js", "../../../dist/cli.js"].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`cannot find tollgate's cli.js next to ${fileURLToPath(import.meta.url)}; build it with npm run build`);
  return found;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  if ((stream as { isTTY?: boolean }).isTTY) return "";
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

async function git(cwd: string, args: string[]): Promise<string> {
  const r = await gitCommand(cwd, args);
  if (r.exitCode !== 0) throw new Error(`git ${args.join(" ")} failed: ${r.stderr.trim()}`);
  return r.stdout.trim();
}

function verdict(report: RunReport, range: PushRange, gates: string[]): string {
  const scope = range.base
    ? `${report.changed?.files ?? 0} file${report.changed?.files === 1 ? "" : "s"} changed since ${range.base.slice(0, 7)}`
    : "whole tree, first push";
  const timing = `${scope}, ${formatDuration(report.durationMs)}`;
  const bad = report.gates.filter((g) => g.status === "failed" || g.status === "errored");
  if (bad.length === 0) {
    const ran = report.gates.filter((g) => gates.includes(g.gate)).map((g) => `${g.gate} ${g.status}`);
    return `tollgate pre-push: ✔ ${ran.join(", ") || "nothing to check"} (${timing})\n`;
  }
  const lines = [`tollgate pre-push: ✖ push blocked — ${bad.map((g) => `${g.gate} ${g.status}: ${g.reason ?? g.summary}`).join("; ")} (${timing})`];
  const findings = bad
    .flatMap((g) => g.findings.filter((f) => !f.suppression))
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  for (const f of findings.slice(0, 10)) {
    const where = f.location ? `${f.location.path}${f.location.startLine ? `:${f.location.startLine}` : ""}` : "";
    lines.push(`  ${f.severity.padEnd(8)} ${where}  ${f.ruleId}\n           ${f.message}`);
  }
  if (findings.length > 10) lines.push(`  …and ${findings.length - 10} more (run \`tollgate run --changed\` for all)`);
  lines.push("Fix or waive these findings (tollgate explain <rule>), or skip this check once with `git push --no-verify`.");
  return `${lines.join("\n")}\n`;
}

async function scanRange(root: string, range: PushRange, head: string, io: HookIO): Promise<boolean> {
  const { run, exitCodeFor } = await import("../../core/run.js");
  const { loadPolicy } = await import("../../policy/load-policy.js");
  // The pushed commit is usually HEAD with a clean work tree: scan in place (fast). Otherwise
  // check the pushed commit out on the side, so unpushed edits and untracked files never count.
  let where = root;
  let worktree: string | undefined;
  const clean = range.head === head && (await git(root, ["status", "--porcelain", "--untracked-files=normal"])) === "";
  if (!clean) {
    worktree = await mkdtemp(join(tmpdir(), "tollgate-push-"));
    await git(root, ["worktree", "add", "--detach", "--quiet", worktree, range.head]);
    where = worktree;
  }
  try {
    const gates = loadPolicy({ cwd: where }).policy.settings.hook.gates;
    const report = await run({ cwd: where, env: io.env, only: gates, ...(range.base ? { changed: true, base: range.base } : {}) });
    io.stderr(verdict(report, range, gates));
    return exitCodeFor(report) === 0;
  } finally {
    if (worktree) {
      await gitCommand(root, ["worktree", "remove", "--force", worktree]);
      await rm(worktree, { recursive: true, force: true });
    }
  }
}

async function runHook(args: string[], io: HookIO): Promise<number> {
  const [name, remote = "origin"] = args;
  if (name !== "pre-push") throw new ConfigurationError(`unknown hook "${name ?? ""}"`, undefined, "tollgate hook run pre-push <remote> <url>");
  const root = await gitTopLevel(io.cwd);
  if (!root) throw new ConfigurationError("tollgate hook run needs a git repository", undefined, "run it from the hook git starts");
  const head = await git(root, ["rev-parse", "HEAD"]).catch(() => "");
  let updates = parsePrePushInput(await readAll(io.stdin));
  if (updates.length === 0) updates = updatesFromPreCommitEnv(io.env, head || undefined);
  const ranges = await pushRanges(root, io.env.PRE_COMMIT_REMOTE_NAME ?? remote, updates);
  if (ranges.length === 0) return 0;
  let ok = true;
  for (const range of ranges) ok = (await scanRange(root, range, head, io)) && ok;
  return ok ? 0 : 1;
}

export async function hookCommand(args: string[], io: HookIO): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === "--help" || sub === "-h" || sub === "help") {
    io.stdout(HOOK_HELP);
    return sub === undefined ? 2 : 0;
  }
  if (sub === "install") {
    const result = await installHook(io.cwd, cliPath(), process.execPath);
    const where = relative(io.cwd, result.file) || result.file;
    const chained = result.chained ? `; the pre-push hook that was there now runs first from ${relative(io.cwd, result.chained)}` : "";
    const husky = result.kind === "husky" ? " (added to husky's pre-push script)" : "";
    io.stdout(`tollgate: pre-push hook ${result.action} at ${where}${husky}${chained}\n`);
    return 0;
  }
  if (sub === "uninstall") {
    const result = await uninstallHook(io.cwd);
    const where = relative(io.cwd, result.file) || result.file;
    if (result.action === "not-installed") io.stdout(`tollgate: no tollgate pre-push hook at ${where}\n`);
    else io.stdout(`tollgate: pre-push hook removed from ${where}${result.restored ? " (the previous hook is back)" : ""}\n`);
    return 0;
  }
  if (sub === "run") return runHook(rest, io);
  throw new ConfigurationError(`unknown hook command "${sub}"`, undefined, "use tollgate hook install, uninstall or run");
}
