// Runs the built CLI (dist/cli.js) the way a user does, and copies fixture repositories into
// temp dirs as real git repositories.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync } from "node:fs";
import { join } from "node:path";
import { commitAll, git, tempDir } from "./tmp.js";

export const REPO_ROOT = join(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..", "..");
export const CLI = join(REPO_ROOT, "dist", "cli.js");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function tollgate(cwd: string, args: string[], env: Record<string, string | undefined> = {}): CliResult {
  if (!existsSync(CLI)) throw new Error("dist/cli.js is missing: run `npm run build` first");
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: "utf8",
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TOLLGATE_CACHE_DIR: join(cwd, "..", ".tollgate-cache"), ...env },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of tests/fixtures/repos/<name> as a fresh git repository with one commit. */
export function fixtureRepo(name: string): string {
  const root = join(tempDir(), name);
  cpSync(join(REPO_ROOT, "tests", "fixtures", "repos", name), root, { recursive: true });
  git(root, "init", "-q", "-b", "main");
  git(root, "config", "commit.gpgsign", "false");
  commitAll(root, "fixture");
  return root;
}
