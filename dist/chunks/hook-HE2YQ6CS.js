#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  isNullSha
} from "./chunk-2ZZJDVTN.js";
import {
  formatDuration
} from "./chunk-RSC3HFTQ.js";
import {
  gitCommand,
  gitTopLevel
} from "./chunk-VMIEK4YL.js";
import {
  severityRank
} from "./chunk-CXJQTCH4.js";
import "./chunk-TGCGIDEH.js";
import {
  ConfigurationError
} from "./chunk-5XKQ73XO.js";
import "./chunk-2GVBCIT7.js";

// src/cli/commands/hook.ts
import { existsSync as existsSync2 } from "node:fs";
import { mkdtemp, rm as rm2 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join2, relative } from "node:path";
import { fileURLToPath } from "node:url";

// src/ci/hook/install.ts
import { chmod, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
var HOOK_MARKER = "# tollgate pre-push hook";
var CHAINED_SUFFIX = ".tollgate-chained";
var BLOCK_START = "# >>> tollgate pre-push >>>";
var BLOCK_END = "# <<< tollgate pre-push <<<";
async function git(cwd, args) {
  const r = await gitCommand(cwd, args);
  return { ok: r.exitCode === 0, out: r.stdout.trim(), err: r.stderr.trim() };
}
async function hookTarget(cwd) {
  const top = await git(cwd, ["rev-parse", "--show-toplevel"]);
  if (!top.ok) throw new ConfigurationError("tollgate hook needs a git repository", void 0, "run it inside a git work tree (git init)");
  const root = top.out;
  const hooksPath = (await git(root, ["config", "--get", "core.hooksPath"])).out;
  const husky = /(^|[\\/])\.husky([\\/]_)?[\\/]?$/.exec(hooksPath);
  if (husky) {
    const huskyDir = resolve(root, hooksPath.replace(/[\\/]_[\\/]?$/, ""));
    return { file: join(huskyDir, "pre-push"), kind: "husky", root };
  }
  const dir = (await git(root, ["rev-parse", "--git-path", "hooks"])).out;
  return { file: join(isAbsolute(dir) ? dir : resolve(root, dir), "pre-push"), kind: "hooks", root };
}
function shellQuote(s) {
  return `'${s.replaceAll("'", `'\\''`)}'`;
}
function pickNode(nodePath) {
  return `if command -v node >/dev/null 2>&1; then tollgate_node=node; else tollgate_node=${shellQuote(nodePath)}; fi`;
}
function runLine(cliPath2) {
  return `"$tollgate_node" ${shellQuote(cliPath2)} hook run pre-push "$@"`;
}
function hookScript(cliPath2, nodePath) {
  return `#!/bin/sh
${HOOK_MARKER}: installed by \`tollgate hook install\`, removed by \`tollgate hook uninstall\`.
# Scans only what is being pushed; skip it once with \`git push --no-verify\`.
hook_dir=$(dirname "$0")
# git gives the refs being pushed on stdin (githooks(5)); keep them for a chained hook too.
tollgate_input=$(cat)
if [ -x "$hook_dir/pre-push${CHAINED_SUFFIX}" ]; then
  printf '%s\\n' "$tollgate_input" | "$hook_dir/pre-push${CHAINED_SUFFIX}" "$@" || exit $?
fi
${pickNode(nodePath)}
printf '%s\\n' "$tollgate_input" | ${runLine(cliPath2)}
`;
}
function huskyBlock(cliPath2, nodePath) {
  return `${BLOCK_START}
${pickNode(nodePath)}
${runLine(cliPath2)} || exit $?
${BLOCK_END}
`;
}
async function installHook(cwd, cliPath2, nodePath) {
  const target = await hookTarget(cwd);
  await mkdir(dirname(target.file), { recursive: true });
  const existing = existsSync(target.file) ? await readFile(target.file, "utf8") : void 0;
  if (target.kind === "husky") {
    const block = huskyBlock(cliPath2, nodePath);
    if (existing?.includes(BLOCK_START)) {
      const updated = existing.replace(new RegExp(`${escape(BLOCK_START)}[\\s\\S]*?${escape(BLOCK_END)}\\n?`), block);
      await writeFile(target.file, updated);
      return { file: target.file, kind: "husky", action: "updated" };
    }
    const base = existing === void 0 ? "#!/bin/sh\n" : existing.endsWith("\n") || existing === "" ? existing : `${existing}
`;
    await writeFile(target.file, `${base}${block}`);
    await chmod(target.file, 493);
    return { file: target.file, kind: "husky", action: "installed" };
  }
  const script = hookScript(cliPath2, nodePath);
  if (existing?.includes(HOOK_MARKER)) {
    await writeFile(target.file, script);
    await chmod(target.file, 493);
    return { file: target.file, kind: "hooks", action: "updated" };
  }
  const result = { file: target.file, kind: "hooks", action: "installed" };
  if (existing !== void 0) {
    const chained = `${target.file}${CHAINED_SUFFIX}`;
    if (existsSync(chained)) {
      throw new ConfigurationError(
        `${target.file} is not tollgate's hook, and ${chained} already exists`,
        void 0,
        `merge or remove one of them, then run \`tollgate hook install\` again`
      );
    }
    await rename(target.file, chained);
    await chmod(chained, 493);
    result.chained = chained;
  }
  await writeFile(target.file, script);
  await chmod(target.file, 493);
  return result;
}
async function uninstallHook(cwd) {
  const target = await hookTarget(cwd);
  const existing = existsSync(target.file) ? await readFile(target.file, "utf8") : void 0;
  if (target.kind === "husky") {
    if (!existing?.includes(BLOCK_START)) return { file: target.file, action: "not-installed" };
    const rest = existing.replace(new RegExp(`${escape(BLOCK_START)}[\\s\\S]*?${escape(BLOCK_END)}\\n?`), "");
    if (rest.replace(/^#!.*\n?/, "").trim() === "") await rm(target.file);
    else await writeFile(target.file, rest);
    return { file: target.file, action: "removed" };
  }
  if (!existing?.includes(HOOK_MARKER)) return { file: target.file, action: "not-installed" };
  await rm(target.file);
  const chained = `${target.file}${CHAINED_SUFFIX}`;
  if (existsSync(chained)) {
    await rename(chained, target.file);
    return { file: target.file, action: "removed", restored: target.file };
  }
  return { file: target.file, action: "removed" };
}
function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// src/ci/hook/pre-push.ts
function parsePrePushInput(text) {
  const updates = [];
  for (const line of text.split(/\r?\n/)) {
    const parts = line.trim().split(/\s+/);
    if (parts.length !== 4) continue;
    const [localRef = "", localSha = "", remoteRef = "", remoteSha = ""] = parts;
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(localSha) || !/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(remoteSha)) continue;
    updates.push({ localRef, localSha, remoteRef, remoteSha });
  }
  return updates;
}
function updatesFromPreCommitEnv(env, head) {
  const to = env.PRE_COMMIT_TO_REF ?? (env.PRE_COMMIT_REMOTE_NAME ? head : void 0);
  if (!to) return [];
  return [
    {
      localRef: env.PRE_COMMIT_LOCAL_BRANCH ?? "HEAD",
      localSha: to,
      remoteRef: env.PRE_COMMIT_REMOTE_BRANCH ?? "",
      remoteSha: env.PRE_COMMIT_FROM_REF ?? "0".repeat(40)
    }
  ];
}
async function git2(cwd, args) {
  const r = await gitCommand(cwd, args);
  return r.exitCode === 0 ? r.stdout.trim() : void 0;
}
async function isCommit(cwd, sha) {
  return await git2(cwd, ["cat-file", "-e", `${sha}^{commit}`]) !== void 0;
}
async function remoteDefaultBranch(cwd, remote) {
  const head = await git2(cwd, ["symbolic-ref", "--quiet", `refs/remotes/${remote}/HEAD`]);
  if (head) return head;
  for (const name of ["main", "master", "trunk", "develop"]) {
    if (await git2(cwd, ["rev-parse", "--verify", "--quiet", `refs/remotes/${remote}/${name}`])) return `refs/remotes/${remote}/${name}`;
  }
  return void 0;
}
async function pushRanges(cwd, remote, updates) {
  const ranges = [];
  for (const u of updates) {
    if (isNullSha(u.localSha)) continue;
    if (u.localSha === u.remoteSha) continue;
    if (!isNullSha(u.remoteSha) && await isCommit(cwd, u.remoteSha)) {
      ranges.push({ head: u.localSha, base: u.remoteSha, ref: u.localRef });
      continue;
    }
    const defaultBranch = await remoteDefaultBranch(cwd, remote);
    const mergeBase = defaultBranch ? await git2(cwd, ["merge-base", u.localSha, defaultBranch]) : void 0;
    if (mergeBase) {
      if (mergeBase !== u.localSha) ranges.push({ head: u.localSha, base: mergeBase, ref: u.localRef });
      continue;
    }
    const unknown = (await git2(cwd, ["rev-list", "--reverse", "--topo-order", u.localSha, "--not", `--remotes=${remote}`]))?.split("\n").filter(Boolean) ?? [];
    const first = unknown[0];
    const parent = first ? await git2(cwd, ["rev-parse", "--verify", "--quiet", `${first}^`]) : void 0;
    ranges.push(parent ? { head: u.localSha, base: parent, ref: u.localRef } : { head: u.localSha, ref: u.localRef });
  }
  const seen = /* @__PURE__ */ new Set();
  return ranges.filter((r) => {
    const key = `${r.head}..${r.base ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// src/cli/commands/hook.ts
var HOOK_HELP = `Usage: tollgate hook <install|uninstall|run>

  install     install the git pre-push hook (respects core.hooksPath and husky;
              an existing pre-push hook is kept and still runs first)
  uninstall   remove it (and put back the hook it chained)
  run pre-push <remote> <url>
              what the hook runs: reads the refs being pushed from stdin and runs
              the policy's settings.hook.gates (default: secrets) on the pushed commits

Skip the check once with \`git push --no-verify\`.
`;
function cliPath() {
  const candidates = ["../cli.js", "./cli.js", "../../../dist/cli.js"].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  const found = candidates.find((p) => existsSync2(p));
  if (!found) throw new Error(`cannot find tollgate's cli.js next to ${fileURLToPath(import.meta.url)}; build it with npm run build`);
  return found;
}
async function readAll(stream) {
  if (stream.isTTY) return "";
  const chunks = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}
async function git3(cwd, args) {
  const r = await gitCommand(cwd, args);
  if (r.exitCode !== 0) throw new Error(`git ${args.join(" ")} failed: ${r.stderr.trim()}`);
  return r.stdout.trim();
}
function verdict(report, range, gates) {
  const scope = range.base ? `${report.changed?.files ?? 0} file${report.changed?.files === 1 ? "" : "s"} changed since ${range.base.slice(0, 7)}` : "whole tree, first push";
  const timing = `${scope}, ${formatDuration(report.durationMs)}`;
  const bad = report.gates.filter((g) => g.status === "failed" || g.status === "errored");
  if (bad.length === 0) {
    const ran = report.gates.filter((g) => gates.includes(g.gate)).map((g) => `${g.gate} ${g.status}`);
    return `tollgate pre-push: \u2714 ${ran.join(", ") || "nothing to check"} (${timing})
`;
  }
  const lines = [`tollgate pre-push: \u2716 push blocked \u2014 ${bad.map((g) => `${g.gate} ${g.status}: ${g.reason ?? g.summary}`).join("; ")} (${timing})`];
  const findings = bad.flatMap((g) => g.findings.filter((f) => !f.suppression)).sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  for (const f of findings.slice(0, 10)) {
    const where = f.location ? `${f.location.path}${f.location.startLine ? `:${f.location.startLine}` : ""}` : "";
    lines.push(`  ${f.severity.padEnd(8)} ${where}  ${f.ruleId}
           ${f.message}`);
  }
  if (findings.length > 10) lines.push(`  \u2026and ${findings.length - 10} more (run \`tollgate run --changed\` for all)`);
  lines.push("Fix or waive these findings (tollgate explain <rule>), or skip this check once with `git push --no-verify`.");
  return `${lines.join("\n")}
`;
}
async function scanRange(root, range, head, io) {
  const { run, exitCodeFor } = await import("./run-L7RNUIC5.js");
  const { loadPolicy } = await import("./load-policy-XCNOGMNQ.js");
  let where = root;
  let worktree;
  const clean = range.head === head && await git3(root, ["status", "--porcelain", "--untracked-files=normal"]) === "";
  if (!clean) {
    worktree = await mkdtemp(join2(tmpdir(), "tollgate-push-"));
    await git3(root, ["worktree", "add", "--detach", "--quiet", worktree, range.head]);
    where = worktree;
  }
  try {
    const gates = loadPolicy({ cwd: where }).policy.settings.hook.gates;
    const report = await run({ cwd: where, env: io.env, only: gates, ...range.base ? { changed: true, base: range.base } : {} });
    io.stderr(verdict(report, range, gates));
    return exitCodeFor(report) === 0;
  } finally {
    if (worktree) {
      await gitCommand(root, ["worktree", "remove", "--force", worktree]);
      await rm2(worktree, { recursive: true, force: true });
    }
  }
}
async function runHook(args, io) {
  const [name, remote = "origin"] = args;
  if (name !== "pre-push") throw new ConfigurationError(`unknown hook "${name ?? ""}"`, void 0, "tollgate hook run pre-push <remote> <url>");
  const root = await gitTopLevel(io.cwd);
  if (!root) throw new ConfigurationError("tollgate hook run needs a git repository", void 0, "run it from the hook git starts");
  const head = await git3(root, ["rev-parse", "HEAD"]).catch(() => "");
  let updates = parsePrePushInput(await readAll(io.stdin));
  if (updates.length === 0) updates = updatesFromPreCommitEnv(io.env, head || void 0);
  const ranges = await pushRanges(root, io.env.PRE_COMMIT_REMOTE_NAME ?? remote, updates);
  if (ranges.length === 0) return 0;
  let ok = true;
  for (const range of ranges) ok = await scanRange(root, range, head, io) && ok;
  return ok ? 0 : 1;
}
async function hookCommand(args, io) {
  const [sub, ...rest] = args;
  if (sub === void 0 || sub === "--help" || sub === "-h" || sub === "help") {
    io.stdout(HOOK_HELP);
    return sub === void 0 ? 2 : 0;
  }
  if (sub === "install") {
    const result = await installHook(io.cwd, cliPath(), process.execPath);
    const where = relative(io.cwd, result.file) || result.file;
    const chained = result.chained ? `; the pre-push hook that was there now runs first from ${relative(io.cwd, result.chained)}` : "";
    const husky = result.kind === "husky" ? " (added to husky's pre-push script)" : "";
    io.stdout(`tollgate: pre-push hook ${result.action} at ${where}${husky}${chained}
`);
    return 0;
  }
  if (sub === "uninstall") {
    const result = await uninstallHook(io.cwd);
    const where = relative(io.cwd, result.file) || result.file;
    if (result.action === "not-installed") io.stdout(`tollgate: no tollgate pre-push hook at ${where}
`);
    else io.stdout(`tollgate: pre-push hook removed from ${where}${result.restored ? " (the previous hook is back)" : ""}
`);
    return 0;
  }
  if (sub === "run") return runHook(rest, io);
  throw new ConfigurationError(`unknown hook command "${sub}"`, void 0, "use tollgate hook install, uninstall or run");
}
export {
  HOOK_HELP,
  cliPath,
  hookCommand
};
