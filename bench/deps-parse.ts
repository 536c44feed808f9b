// Benchmark: parse a 5,000-package package-lock.json (v3), generated deterministically.
// Target: <= 150 ms. Run: node bench/run.mjs bench/deps-parse.ts
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseLockfile } from "../src/scanners/lockfiles/index.js";

const COUNT = 5000;
const LICENSES = ["MIT", "ISC", "Apache-2.0", "BSD-3-Clause", "(MIT OR Apache-2.0)"];

/** A small deterministic PRNG so every run parses the same file. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function generate(): string {
  const random = rng(42);
  const names = Array.from({ length: COUNT }, (_, i) => (i % 7 === 0 ? `@scope${i % 50}/pkg-${i}` : `pkg-${i}`));
  const packages: Record<string, unknown> = {
    "": { name: "bench-app", version: "1.0.0", dependencies: Object.fromEntries(names.slice(0, 60).map((n) => [n, "^1.0.0"])), devDependencies: Object.fromEntries(names.slice(60, 90).map((n) => [n, "^1.0.0"])) },
  };
  names.forEach((name, i) => {
    // About one package in ten is a nested copy under another one, as in real trees.
    const parent = i > 100 && i % 10 === 0 ? `node_modules/${names[Math.floor(random() * 100)] ?? "x"}/` : "";
    const version = `${Math.floor(random() * 20)}.${Math.floor(random() * 30)}.${Math.floor(random() * 50)}`;
    const deps = Object.fromEntries(Array.from({ length: Math.floor(random() * 5) }, () => [names[Math.floor(random() * COUNT)] ?? "x", `^${version}`]));
    packages[`${parent}node_modules/${name}`] = {
      version,
      resolved: `https://registry.npmjs.org/${name}/-/${name.split("/").pop() ?? name}-${version}.tgz`,
      integrity: `sha512-${Buffer.from(String(random())).toString("base64").padEnd(86, "A")}==`,
      ...(i >= 60 && i < 90 ? { dev: true } : {}),
      license: LICENSES[i % LICENSES.length],
      ...(Object.keys(deps).length > 0 ? { dependencies: deps } : {}),
      engines: { node: ">=14" },
    };
  });
  return `${JSON.stringify({ name: "bench-app", version: "1.0.0", lockfileVersion: 3, requires: true, packages }, null, 2)}\n`;
}

const dir = mkdtempSync(join(tmpdir(), "tollgate-bench-"));
try {
  const path = join(dir, "package-lock.json");
  writeFileSync(path, generate());
  const content = readFileSync(path, "utf8");
  const times: number[] = [];
  const cpu: number[] = [];
  let count = 0;
  for (let i = 0; i < 15; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const parsed = parseLockfile({ path: "package-lock.json", content });
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    count = parsed.packages.length;
  }
  const stats = (xs: number[]): string => {
    const s = [...xs].sort((a, b) => a - b);
    return `median ${(s[Math.floor(s.length / 2)] ?? 0).toFixed(1)} ms, min ${(s[0] ?? 0).toFixed(1)} ms, max ${(s[s.length - 1] ?? 0).toFixed(1)} ms`;
  };
  console.log(`package-lock.json v3: ${count} packages, ${(content.length / 1e6).toFixed(1)} MB, 15 runs, target <= 150 ms`);
  console.log(`parse wall time: ${stats(times)}`);
  // CPU time is the fairer figure on a shared machine, where wall time includes waiting for a core.
  console.log(`parse CPU time:  ${stats(cpu)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
