// Cold-start figures of the built CLI: `tollgate --version` (target <= 150 ms) and a `run` with
// every gate skipped (target <= 300 ms wall). Run: npm run build && node bench/run.mjs bench/startup.ts
// Same with hyperfine: hyperfine -w 3 'node dist/cli.js --version' 'node dist/cli.js run --skip <all gates>'
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { GATE_IDS } from "../src/gates/index.js";

const cli = resolve("dist/cli.js");
const empty = mkdtempSync(join(tmpdir(), "tollgate-bench-"));
const runs = Number(process.argv[2] ?? 20);

function measure(name: string, args: string[], target: number): void {
  const times: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [cli, ...args], { cwd: empty, encoding: "utf8" });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`${name} exited ${r.status}: ${r.stderr}`);
    if (i >= 3) times.push(ms); // first three warm the page cache
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const p90 = times[Math.floor(times.length * 0.9)] ?? 0;
  console.log(`${name.padEnd(28)} median ${median.toFixed(0)} ms  p90 ${p90.toFixed(0)} ms  (target <= ${target} ms) ${median <= target ? "OK" : "SLOW"}`);
}

measure("tollgate --version", ["--version"], 150);
measure("tollgate run (all skipped)", ["run", "--skip", GATE_IDS.join(",")], 300);
