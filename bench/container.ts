// Container gate benchmark: config-level checks of 20 images, and layer streaming throughput
// (MB/s of compressed layer data), against a real docker-registry on 127.0.0.1.
// Run: node bench/run.mjs bench/container.ts
import { createCipheriv } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gate } from "../src/gates/container/index.js";
import { gateContext } from "../tests/helpers/gate-context.js";
import { CLEAN_CONFIG, CLEAN_HISTORY, DEBIAN_OS_RELEASE, dpkgStatus } from "../tests/unit/container/images.js";
import { pushImage, startRegistry } from "../tests/unit/container/registry-server.js";

/** Deterministic pseudo-random bytes (AES-CTR keystream): incompressible like real binaries. */
function randomish(seed: number, length: number): Buffer {
  const key = Buffer.alloc(16, seed & 0xff);
  const cipher = createCipheriv("aes-128-ctr", key, Buffer.alloc(16, (seed >> 8) & 0xff));
  return cipher.update(Buffer.alloc(length));
}

const WORDS = ["const", "value", "return", "function", "import", "export", "config", "request", "handler", "items", "length", "await", "result", "error", "user", "token_count", "if", "else", "for", "=>", "{", "}", "(", ")", ";"];

/** Deterministic source-like text of about `bytes` bytes. */
function sourceText(seed: number, bytes: number): string {
  let x = seed * 2654435761 + 1;
  const lines: string[] = [];
  let size = 0;
  while (size < bytes) {
    let line = "  ";
    const n = 4 + (x % 9);
    for (let i = 0; i < n; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      line += `${WORDS[x % WORDS.length]} `;
    }
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join("\n");
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const registry = await startRegistry();
const scratch = mkdtempSync(join(tmpdir(), "tollgate-bench-container-"));
try {
  // 1. Config-level checks for 20 images.
  const images: string[] = [];
  for (let i = 0; i < 20; i++) {
    const repo = `bench/app${i}`;
    await pushImage(registry, {
      repo,
      tag: "1.0",
      format: i % 2 === 0 ? "oci" : "docker",
      config: { ...CLEAN_CONFIG, User: i % 3 === 0 ? "" : "10001", Env: [...CLEAN_CONFIG.Env, `BUILD=${i}`] },
      history: CLEAN_HISTORY,
      layers: [{ files: { "app/index.js": sourceText(i, 2000) } }],
    });
    images.push(`${registry.host}/${repo}:1.0`);
  }
  const configTimes: number[] = [];
  let configFindings = 0;
  for (let round = 0; round < 7; round++) {
    const ctx = gateContext(gate, { root: scratch, options: { images, "required-labels": ["source", "revision"], "max-size-mb": 100 }, env: { HOME: scratch } });
    const started = performance.now();
    const scan = await gate.scan(ctx);
    configTimes.push(performance.now() - started);
    configFindings = scan.findings.length;
    if ((scan.metrics.unavailable ?? 0) > 0) throw new Error("some bench images were unavailable");
  }
  console.log(`config checks, 20 images: median ${median(configTimes).toFixed(0)} ms, best ${Math.min(...configTimes).toFixed(0)} ms over ${configTimes.length} runs (${configFindings} findings; target <= 2000 ms)`);

  // 2. Layer streaming: 4 layers of incompressible binaries plus source text, and a dpkg database.
  const layers = [];
  for (let l = 0; l < 4; l++) {
    const files: Record<string, string | Uint8Array> = {};
    for (let b = 0; b < 16; b++) files[`usr/lib/bench${l}/lib${b}.so`] = randomish(l * 100 + b, 1_500_000);
    for (let t = 0; t < 1500; t++) files[`app/src${l}/module${t}.js`] = sourceText(l * 10_000 + t, 4096);
    if (l === 0) Object.assign(files, { "etc/os-release": DEBIAN_OS_RELEASE, "var/lib/dpkg/status": dpkgStatus("3.0.13-1~deb12u1") });
    layers.push({ files, compression: l % 2 === 0 ? ("gzip" as const) : ("zstd" as const) });
  }
  // zstd layers here are stored frames (no encoder library): realistic for throughput of the walk.
  await pushImage(registry, { repo: "bench/layers", tag: "1", format: "oci", config: CLEAN_CONFIG, history: CLEAN_HISTORY, layers });
  const osv = join(scratch, "osv");
  mkdirSync(osv, { recursive: true });
  const layerTimes: number[] = [];
  let bytes = 0;
  let files = 0;
  for (let round = 0; round < 3; round++) {
    const ctx = gateContext(gate, { root: scratch, options: { images: [`${registry.host}/bench/layers:1`], layers: true, "osv-database": osv }, env: { HOME: scratch } });
    const started = performance.now();
    const scan = await gate.scan(ctx);
    layerTimes.push(performance.now() - started);
    bytes = scan.metrics.layerBytesRead ?? 0;
    files = scan.metrics.layerFiles ?? 0;
  }
  const best = Math.min(...layerTimes);
  const mb = bytes / (1024 * 1024);
  console.log(
    `layer scan: ${mb.toFixed(1)} MB compressed, ${files} files in ${median(layerTimes).toFixed(0)} ms median (${(mb / (median(layerTimes) / 1000)).toFixed(0)} MB/s), best ${best.toFixed(0)} ms (${(mb / (best / 1000)).toFixed(0)} MB/s; target >= 50 MB/s)`,
  );
} finally {
  await registry.stop();
  rmSync(scratch, { recursive: true, force: true });
}
