// Pre-push hook latency: a repository of a few hundred files, a real bare remote, the hook
// installed by the built CLI, then `git push` of commits touching a few files. Prints the
// median and worst wall time of the push (hook included) and of the hook's own scan.
// Run: npm run build && node bench/run.mjs bench/hook.ts [pushes=7] [files=400]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

const pushes = Number(process.argv[2] ?? 7);
const fileCount = Number(process.argv[3] ?? 400);
const CLI = resolve("dist/cli.js");
if (!existsSync(CLI)) {
  console.error("dist/cli.js is missing: run `npm run build` first");
  process.exit(2);
}

const env = {
  ...process.env,
  GIT_AUTHOR_NAME: "Bench",
  GIT_AUTHOR_EMAIL: "bench@example.com",
  GIT_COMMITTER_NAME: "Bench",
  GIT_COMMITTER_EMAIL: "bench@example.com",
  GIT_CONFIG_NOSYSTEM: "1",
};
const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, env, encoding: "utf8" });

// Deterministic content: a small LCG instead of Math.random.
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const word = () => Math.floor(rand() * 1e9).toString(36);
const source = (i: number) =>
  Array.from({ length: 40 + Math.floor(rand() * 80) }, (_, l) => `export const v${i}_${l} = "${word()}-${word()}"; // ${word()}`).join("\n") + "\n";

const work = mkdtempSync(join(tmpdir(), "tollgate-bench-hook-"));
const root = join(work, "repo");
const bare = join(work, "remote.git");
try {
  mkdirSync(root);
  git(work, "init", "-q", "--bare", "-b", "main", bare);
  git(root, "init", "-q", "-b", "main");
  for (let i = 0; i < fileCount; i++) {
    const path = join(root, `src/module-${Math.floor(i / 40)}/file-${i}.ts`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, source(i));
  }
  writeFileSync(join(root, "CHANGELOG.md"), "# changes\n");
  git(root, "add", "-A");
  git(root, "commit", "-q", "-m", "initial");
  git(root, "remote", "add", "origin", bare);
  git(root, "push", "-q", "origin", "main");
  git(root, "fetch", "-q", "origin");
  execFileSync(process.execPath, [CLI, "hook", "install"], { cwd: root, env });

  const pushMs: number[] = [];
  const scanMs: number[] = [];
  const bareMs: number[] = [];
  for (let n = 0; n < pushes; n++) {
    // The same kind of push without the hook, for comparison.
    writeFileSync(join(root, "CHANGELOG.md"), `${word()}\n`);
    git(root, "commit", "-q", "-am", `plain ${n}`);
    const b0 = performance.now();
    const plain = spawnSync("git", ["push", "--no-verify", "origin", "main"], { cwd: root, env, encoding: "utf8" });
    bareMs.push(performance.now() - b0);
    if (plain.status !== 0) throw new Error(`plain push ${n} failed:\n${plain.stderr}`);

    for (let k = 0; k < 3; k++) writeFileSync(join(root, `src/module-${k}/file-${k * 40 + n}.ts`), source(n * 10 + k));
    git(root, "commit", "-q", "-am", `change ${n}`);
    const t0 = performance.now();
    const r = spawnSync("git", ["push", "origin", "main"], { cwd: root, env, encoding: "utf8" });
    const elapsed = performance.now() - t0;
    if (r.status !== 0) throw new Error(`push ${n} failed:\n${r.stderr}`);
    const m = /changed since [0-9a-f]+, ([\d.]+)(ms|s)\)/.exec(r.stderr);
    if (m?.[1]) scanMs.push(Number(m[1]) * (m[2] === "s" ? 1000 : 1));
    pushMs.push(elapsed);
  }
  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return { median: s[Math.floor(s.length / 2)] ?? NaN, max: s[s.length - 1] ?? NaN };
  };
  const p = stats(pushMs);
  const s = stats(scanMs);
  const b = stats(bareMs);
  console.log(`pre-push hook: ${fileCount} files in the repository, 3 files changed per push, ${pushes} pushes`);
  console.log(`  git push (hook included): median ${p.median.toFixed(0)} ms, worst ${p.max.toFixed(0)} ms`);
  console.log(`  git push --no-verify (no hook):  median ${b.median.toFixed(0)} ms, worst ${b.max.toFixed(0)} ms`);
  console.log(`  tollgate scan inside the hook: median ${s.median.toFixed(0)} ms, worst ${s.max.toFixed(0)} ms`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
