// Parses a generated lcov tracefile of one million lines (SF/FN/FNDA/DA/BRDA records of 2,000
// files) and prints the time and peak RSS. Target: <= 1.5 s, <= 400 MB.
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseLcovFile } from "../src/scanners/coverage/lcov.js";
import { lineCounter } from "../src/scanners/coverage/model.js";

const TARGET_LINES = 1_000_000;

/** Deterministic: hit counts follow a fixed pattern, so every run writes the same bytes. */
function generate(): { text: string; lines: number } {
  const out: string[] = [];
  let f = 0;
  while (out.length < TARGET_LINES) {
    out.push("TN:", `SF:/home/runner/_work/app/app/src/module${f}/file${f}.ts`);
    for (let fn = 0; fn < 10; fn++) out.push(`FN:${fn * 40 + 1},function${fn}`);
    for (let fn = 0; fn < 10; fn++) out.push(`FNDA:${(f + fn) % 3},function${fn}`);
    out.push("FNF:10", `FNH:${10 - Math.floor(10 / 3)}`);
    for (let line = 1; line <= 400; line++) {
      out.push(`DA:${line},${(line * 7 + f) % 5 === 0 ? 0 : (line % 13) + 1}`);
      if (line % 10 === 0) out.push(`BRDA:${line},0,0,${line % 3 === 0 ? "-" : (line % 4).toString()}`, `BRDA:${line},0,1,${line % 2}`);
    }
    out.push("BRF:80", "BRH:40", "LF:400", "LH:320", "end_of_record");
    f++;
  }
  return { text: `${out.join("\n")}\n`, lines: out.length };
}

const dir = mkdtempSync(join(tmpdir(), "tollgate-bench-lcov-"));
try {
  const file = join(dir, "lcov.info");
  const { text, lines } = generate();
  writeFileSync(file, text);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const report = await parseLcovFile(file);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  // CPU time beside wall time: on a shared, busy machine wall time says more about the neighbours.
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const peak = process.resourceUsage().maxRSS * 1024;
  let total = 0;
  let covered = 0;
  for (const f of report.files) {
    const c = lineCounter(f);
    total += c?.total ?? 0;
    covered += c?.covered ?? 0;
  }
  console.log(`lcov-parse: ${lines} lines (${(statSync(file).size / 1024 / 1024).toFixed(1)} MB), ${report.files.length} files, ${covered}/${total} lines covered, in ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU`);
  console.log(`lcov-parse: peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB (process, generation included)`);
  console.log(`lcov-parse: targets <= 1500 ms and <= 400 MB: ${ms <= 1500 && peak <= 400 * 1024 * 1024 ? "met" : "MISSED"}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
