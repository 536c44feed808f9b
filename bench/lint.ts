// Lint gate vs `npx eslint .` on a generated 2,000-file JS/TS project with the same flat config
// (ESLint recommended + typescript-eslint recommended), run side by side; then `--changed` with
// 5 files in a fresh process. Usage: node bench/run.mjs bench/lint.ts [files=2000] [runs=3]
// (runs=0 measures only --changed).
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gate as lintGate } from "../src/gates/lint/index.js";
import { commonGateOptions } from "../src/policy/common-options.js";
import type { Gate, GateContext } from "../src/core/types.js";

const repoRoot = resolve(process.cwd());

const CONFIG = `import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";
const TS = ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"];
export default [
  { ...js.configs.recommended, files: ["**/*.js", "**/*.mjs", "**/*.cjs", ...TS] },
  { files: ["**/*.js", ...TS], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: c.files ?? TS })),
];
`;

/** Deterministic module i: a mix of clean code and the usual recommended-rule problems. */
function moduleSource(i: number, ts: boolean): string {
  const t = (type: string) => (ts ? `: ${type}` : "");
  const lines = [
    `// generated module ${i}`,
    `import { helper${(i + 1) % 50} } from "./helper-${(i + 1) % 50}.js";`,
    "",
    `export function compute${i}(items${t("number[]")}, factor${t("number")})${t("number")} {`,
    "  let total = 0;",
    "  for (const item of items) {",
    "    if (item > factor) total += item * factor;",
    "    else total -= item;",
    "  }",
    `  return total + helper${(i + 1) % 50}(factor);`,
    "}",
    "",
    `export class Store${i} {`,
    `  private_items${ts ? ": Map<string, number>" : ""} = new Map();`,
    `  add(key${t("string")}, value${t("number")}) {`,
    "    this.private_items.set(key, value);",
    "    return this;",
    "  }",
    `  get(key${t("string")}) {`,
    "    return this.private_items.get(key) ?? 0;",
    "  }",
    "}",
  ];
  if (i % 3 === 0) lines.push(`const unused${i} = ${i};`);
  if (i % 7 === 0) lines.push(`export function check${i}(x${t("unknown")}) { if (x == null) { return; } }`, `export const empty${i} = () => {};`);
  if (i % 11 === 0) lines.push(ts ? `export function loose${i}(v: any) { return v; }` : `export function shadow${i}() { try { return 1; } catch (e) {} }`);
  if (i % 13 === 0) lines.push(`export function dup${i}(a${t("number")}) { switch (a) { case 1: return 1; case 1: return 2; } return 0; }`);
  for (let k = 0; k < 20; k++) lines.push(`export const value${i}_${k} = compute${i}([${k}, ${k + 1}, ${k + 2}], ${k % 5});`);
  return `${lines.join("\n")}\n`;
}

function generate(count: number): string {
  const root = mkdtempSync(join(tmpdir(), "tollgate-bench-lint-"));
  symlinkSync(join(repoRoot, "node_modules"), join(root, "node_modules"), "dir");
  writeFileSync(join(root, "eslint.config.js"), CONFIG);
  writeFileSync(join(root, "package.json"), JSON.stringify({ name: "bench-project", type: "module", private: true }));
  for (let i = 0; i < count; i++) {
    const dir = join(root, "src", `pkg${Math.floor(i / 100)}`);
    mkdirSync(dir, { recursive: true });
    const ts = i % 2 === 1;
    writeFileSync(join(dir, `module-${i}.${ts ? "ts" : "js"}`), moduleSource(i, ts));
  }
  for (let h = 0; h < 50; h++) writeFileSync(join(root, "src", `pkg0`, `helper-${h}.js`), `export function helper${h}(x) { return x + ${h}; }\n`);
  return root;
}

function context<O>(gate: Gate<O>, root: string, raw: Record<string, unknown>, changedFiles?: string[]): GateContext<O> {
  const schema = commonGateOptions.extend(gate.schema.shape);
  const ctx: GateContext<O> = {
    root,
    options: schema.parse(raw) as GateContext<O>["options"],
    signal: new AbortController().signal,
    log: { info: () => undefined, warn: () => undefined, output: () => undefined },
    env: { PATH: process.env.PATH },
    policyDir: root,
    now: new Date(),
    cacheDir: root,
  };
  if (changedFiles) ctx.changedFiles = changedFiles;
  return ctx;
}

function eslintCli(root: string): Promise<{ ms: number; problems: number }> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn("npx", ["--no-install", "eslint", "--format", "json", "."], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.on("error", fail);
    child.on("close", () => {
      const ms = performance.now() - started;
      const results = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { messages: unknown[] }[];
      done({ ms, problems: results.reduce((n, r) => n + r.messages.length, 0) });
    });
  });
}


/** Runs the gate in a fresh Node process (ESLint and the config load cold, as for the CLI); wall time measured from here. */
function timedChild(mode: string, root: string, files: string[]): { ms: number; cpuMs: number; wall: number; problems: number } {
  const started = performance.now();
  const out = spawnSync(process.execPath, [fileURLToPath(import.meta.url), mode, root, ...files], { encoding: "utf8" });
  const wall = performance.now() - started;
  if (out.status !== 0) throw new Error(`${mode} failed: ${out.stderr}`);
  const parsed = JSON.parse(out.stdout.trim().split("\n").pop() ?? "{}") as { ms: number; cpuMs: number; problems: number };
  return { ...parsed, wall };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 2000);
  const runs = Number(process.argv[3] ?? 3);
  const root = generate(count);
  console.log(`project: ${count} files (half .js, half .ts) + 50 helpers in ${root}`);
  try {
    // One warm-up each so that the file system cache is equally hot for both.
    if (runs > 0) await eslintCli(root);
    const cli: number[] = [];
    const gate: number[] = [];
    let cliProblems = 0;
    let gateProblems = 0;
    for (let r = 0; r < runs; r++) {
      const a = await eslintCli(root);
      cli.push(a.ms);
      cliProblems = a.problems;
      const out = timedChild("--gate-child", root, []);
      gate.push(out.wall);
      gateProblems = out.problems;
    }
    const ratio = median(gate) / median(cli);
    if (runs > 0) console.log(`npx eslint .        : median ${Math.round(median(cli))} ms over ${runs} runs (${cli.map((x) => Math.round(x)).join(", ")}), ${cliProblems} problems`);
    if (runs > 0) console.log(`lint gate (process) : median ${Math.round(median(gate))} ms over ${runs} runs (${gate.map((x) => Math.round(x)).join(", ")}), ${gateProblems} findings`);
    if (runs > 0) console.log(`ratio gate/eslint   : ${ratio.toFixed(2)}x (target <= 1.20x) ${ratio <= 1.2 ? "OK" : "OVER"}`);
    if (runs > 0 && cliProblems !== gateProblems) console.log(`WARNING: problem counts differ (${cliProblems} vs ${gateProblems})`);

    const changed = [0, 1, 2, 3, 4].map((k) => {
      const i = k * 397 + 11;
      return `src/pkg${Math.floor(i / 100)}/module-${i}.${i % 2 === 1 ? "ts" : "js"}`;
    });
    for (const [label, files] of [
      ["5 changed .js/.ts", changed],
      ["5 changed .js", changed.map((f) => f.replace(/\.ts$/, ".js").replace(/module-(\d+)\.js$/, (_m, n: string) => `module-${Number(n) % 2 === 1 ? Number(n) - 1 : n}.js`))],
    ] as const) {
      const changedRuns = Array.from({ length: Math.max(3, runs) }, () => timedChild("--changed-child", root, [...files]));
      const chWall = median(changedRuns.map((x) => x.wall));
      const chCpu = median(changedRuns.map((x) => x.cpuMs));
      const floor = Array.from({ length: Math.max(3, runs) }, () => timedChild("--eslint-api-child", root, [...files]));
      console.log(
        `  ESLint API alone on the same files, fresh process: median wall ${Math.round(median(floor.map((x) => x.wall)))} ms, CPU ${Math.round(median(floor.map((x) => x.cpuMs)))} ms, ${floor[0]?.problems ?? 0} problems`,
      );
      console.log(
        `--changed (${label}): median wall ${Math.round(chWall)} ms for the whole fresh process (runs ${changedRuns.map((x) => Math.round(x.wall)).join(", ")}), CPU ${Math.round(chCpu)} ms, gate scan ${Math.round(median(changedRuns.map((x) => x.ms)))} ms, ${changedRuns[0]?.problems ?? 0} findings (target <= 1500 ms) ${chWall <= 1500 ? "OK" : "OVER"}`,
      );
    }

    const { gate: sastGate } = await import("../src/gates/sast/index.js");
    const s0 = performance.now();
    const sast = await sastGate.scan(context(sastGate, root, { semgrep: false }));
    console.log(`sast built-in rules : ${Math.round(performance.now() - s0)} ms for ${sast.metrics.files ?? 0} files, ${sast.findings.length} findings`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function child(mode: "--gate-child" | "--changed-child" | "--eslint-api-child"): Promise<void> {
  const root = process.argv[3] ?? "";
  const files = process.argv.slice(4);
  const started = performance.now();
  if (mode === "--eslint-api-child") {
    // The floor: ESLint's own API on the same files, nothing of tollgate around it.
    const { ESLint } = await import("eslint");
    const results = await new ESLint({ cwd: root }).lintFiles(files);
    const cpu = process.cpuUsage();
    console.log(JSON.stringify({ ms: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000, problems: results.reduce((n, r) => n + r.messages.length, 0) }));
    return;
  }
  const scan = await lintGate.scan(context(lintGate, root, {}, mode === "--changed-child" ? files : undefined));
  const ms = performance.now() - started;
  // CPU time of the whole process (start-up included): what the wall time is on an idle machine.
  const cpu = process.cpuUsage();
  console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, problems: scan.findings.filter((f) => !f.suppression).length }));
}

const mode = process.argv[2];
if (mode === "--gate-child" || mode === "--changed-child" || mode === "--eslint-api-child") await child(mode);
else await main();
