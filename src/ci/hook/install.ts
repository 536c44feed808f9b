// Installs and removes tollgate's git pre-push hook. Respects core.hooksPath and husky, and chains
// a pre-push hook that was already there instead of overwriting it.
import { chmod, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { gitCommand } from "../../core/git.js";
import { ConfigurationError } from "../../core/errors.js";

export const HOOK_MARKER = "# tollgate pre-push hook";
export const CHAINED_SUFFIX = ".tollgate-chained";
const BLOCK_START = "# >>> tollgate pre-push >>>";
const BLOCK_END = "# <<< tollgate pre-push <<<";

async function git(cwd: string, args: string[]): Promise<{ ok: boolean; out: string; err: string }> {
  const r = await gitCommand(cwd, args);
  return { ok: r.exitCode === 0, out: r.stdout.trim(), err: r.stderr.trim() };
}

export interface HookTarget {
  /** The file git (or husky) runs on pre-push. */
  file: string;
  /** "husky": tollgate adds a block to husky's script; "hooks": tollgate owns the file and chains the old one. */
  kind: "hooks" | "husky";
  root: string;
}

/** Where the pre-push hook lives for this repository. */
export async function hookTarget(cwd: string): Promise<HookTarget> {
  const top = await git(cwd, ["rev-parse", "--show-toplevel"]);
  if (!top.ok) throw new ConfigurationError("tollgate hook needs a git repository", undefined, "run it inside a git work tree (git init)");
  const root = top.out;
  const hooksPath = (await git(root, ["config", "--get", "core.hooksPath"])).out;
  // husky 9 sets core.hooksPath to .husky/_ and runs .husky/<hook>; husky 5–8 use .husky directly.
  const husky = /(^|[\\/])\.husky([\\/]_)?[\\/]?$/.exec(hooksPath);
  if (husky) {
    const huskyDir = resolve(root, hooksPath.replace(/[\\/]_[\\/]?$/, ""));
    return { file: join(huskyDir, "pre-push"), kind: "husky", root };
  }
  const dir = (await git(root, ["rev-parse", "--git-path", "hooks"])).out;
  return { file: join(isAbsolute(dir) ? dir : resolve(root, dir), "pre-push"), kind: "hooks", root };
}

function shellQuote(s: string): string {
  return `'${s.replaceAll("'", `'\\''`)}'`;
}

/** `node` from PATH (survives Node upgrades), else the Node that ran the install. */
function pickNode(nodePath: string): string {
  return `if command -v node >/dev/null 2>&1; then tollgate_node=node; else tollgate_node=${shellQuote(nodePath)}; fi`;
}

function runLine(cliPath: string): string {
  return `"$tollgate_node" ${shellQuote(cliPath)} hook run pre-push "$@"`;
}

export function hookScript(cliPath: string, nodePath: string): string {
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
printf '%s\\n' "$tollgate_input" | ${runLine(cliPath)}
`;
}

export function huskyBlock(cliPath: string, nodePath: string): string {
  return `${BLOCK_START}\n${pickNode(nodePath)}\n${runLine(cliPath)} || exit $?\n${BLOCK_END}\n`;
}

export interface InstallResult {
  file: string;
  kind: HookTarget["kind"];
  action: "installed" | "updated";
  chained?: string;
}

export async function installHook(cwd: string, cliPath: string, nodePath: string): Promise<InstallResult> {
  const target = await hookTarget(cwd);
  await mkdir(dirname(target.file), { recursive: true });
  const existing = existsSync(target.file) ? await readFile(target.file, "utf8") : undefined;
  if (target.kind === "husky") {
    const block = huskyBlock(cliPath, nodePath);
    if (existing?.includes(BLOCK_START)) {
      const updated = existing.replace(new RegExp(`${escape(BLOCK_START)}[\\s\\S]*?${escape(BLOCK_END)}\\n?`), block);
      await writeFile(target.file, updated);
      return { file: target.file, kind: "husky", action: "updated" };
    }
    const base = existing === undefined ? "#!/bin/sh\n" : existing.endsWith("\n") || existing === "" ? existing : `${existing}\n`;
    await writeFile(target.file, `${base}${block}`);
    await chmod(target.file, 0o755);
    return { file: target.file, kind: "husky", action: "installed" };
  }
  const script = hookScript(cliPath, nodePath);
  if (existing?.includes(HOOK_MARKER)) {
    await writeFile(target.file, script);
    await chmod(target.file, 0o755);
    return { file: target.file, kind: "hooks", action: "updated" };
  }
  const result: InstallResult = { file: target.file, kind: "hooks", action: "installed" };
  if (existing !== undefined) {
    const chained = `${target.file}${CHAINED_SUFFIX}`;
    if (existsSync(chained)) {
      throw new ConfigurationError(
        `${target.file} is not tollgate's hook, and ${chained} already exists`,
        undefined,
        `merge or remove one of them, then run \`tollgate hook install\` again`,
      );
    }
    await rename(target.file, chained);
    await chmod(chained, 0o755);
    result.chained = chained;
  }
  await writeFile(target.file, script);
  await chmod(target.file, 0o755);
  return result;
}

export interface UninstallResult {
  file: string;
  action: "removed" | "not-installed";
  restored?: string;
}

export async function uninstallHook(cwd: string): Promise<UninstallResult> {
  const target = await hookTarget(cwd);
  const existing = existsSync(target.file) ? await readFile(target.file, "utf8") : undefined;
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

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
