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

const WORDS = ["const", "return", "function", "import", "export", "await", "if", "else", "for", "=>", "{", "}", "(", ")", ";", "=", "+", "."];

/** Deterministic source-like text of about `bytes` bytes; identifiers and literals vary, so it compresses about as well as real code. */
function sourceText(seed: number, bytes: number): string {
  let x = (seed * 2654435761 + 1) >>> 0;
  const next = (): number => (x = (x * 1103515245 + 12345) >>> 0);
  const lines: string[] = [];
  let size = 0;
  while (size < bytes) {
    let line = " ".repeat(2 * (next() % 4));
    const n = 3 + (next() % 7);
    for (let i = 0; i < n; i++) {
      const r = next() % 10;
      if (r < 4) line += `${WORDS[next() % WORDS.length]} `;
      else if (r < 8) line += `${["user", "item", "request", "config", "result", "value", "count", "handler"][next() % 8]}${(next() % 5000).toString(36)} `;
      else if (r < 9) line += `${next() % 100000} `;
      else line += `"${(next() >>> 4).toString(36)}${(next() >>> 4).toString(36)}" `;
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

  // 2. Layer streaming, on an image shaped like a real one: a distribution base (libraries,
  // binaries, docs, a dpkg database), a runtime layer (one big binary, a package manager's
  // JavaScript), and an application layer (its code, its node_modules, assets).
  const text = (prefix: string, count: number, size: number, seed: number): Record<string, string> =>
    Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}/f${i}.js`, sourceText(seed + i, size)]));
  const binaries = (prefix: string, count: number, size: number, seed: number): Record<string, Uint8Array> =>
    Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}/bin${i}`, randomish(seed + i, size)]));
  const base = {
    ...binaries("usr/lib/x86_64-linux-gnu", 24, 1_000_000, 1000),
    ...binaries("usr/bin", 12, 800_000, 2000),
    ...text("usr/share/doc", 400, 4096, 3000),
    ...text("etc/conf", 60, 2048, 4000),
    "etc/os-release": DEBIAN_OS_RELEASE,
    "var/lib/dpkg/status": dpkgStatus("3.0.13-1~deb12u1"),
  };
  const runtime = { ...binaries("usr/local/bin", 1, 40_000_000, 5000) };
  const runtimeJs = text("usr/local/lib/node_modules/npm/lib", 1500, 4096, 6000);
  const app = {
    ...text("app/dist", 400, 8192, 7000),
    ...text("app/node_modules/dep", 3000, 4096, 8000),
    ...binaries("app/public", 20, 200_000, 9000),
  };
  await pushImage(registry, {
    repo: "bench/layers",
    tag: "1",
    format: "oci",
    config: CLEAN_CONFIG,
    history: CLEAN_HISTORY,
    layers: [
      { files: base, compression: "gzip" },
      // zstd frames here are stored (no encoder library); the layer is incompressible binaries, so that is faithful.
      { files: runtime, compression: "zstd" },
      { files: runtimeJs, compression: "gzip" },
      { files: app, compression: "gzip" },
    ],
  });
  // Baseline: the registry's own serving rate (fetch and discard), which bounds any scanner here.
  const manifest = (await (await fetch(`http://${registry.host}/v2/bench/layers/manifests/1`, { headers: { accept: "application/vnd.oci.image.manifest.v1+json" } })).json()) as { layers: Array<{ digest: string }> };
  const rawTimes: number[] = [];
  let rawBytes = 0;
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    rawBytes = 0;
    await Promise.all(
      manifest.layers.map(async (l) => {
        const response = await fetch(`http://${registry.host}/v2/bench/layers/blobs/${l.digest}`);
        for await (const chunk of response.body ?? []) rawBytes += (chunk as Uint8Array).length;
      }),
    );
    rawTimes.push(performance.now() - started);
  }
  console.log(`registry baseline (download only): ${(rawBytes / 1048576 / (median(rawTimes) / 1000)).toFixed(0)} MB/s median, ${(rawBytes / 1048576 / (Math.min(...rawTimes) / 1000)).toFixed(0)} MB/s best`);
  const osv = join(scratch, "osv");
  mkdirSync(osv, { recursive: true });
  for (const [label, extra] of [
    ["default excludes (package trees skipped)", {}],
    ["worst case: every text file searched", { "layer-exclude": [] }],
  ] as const) {
    const layerTimes: number[] = [];
    const cpuTimes: number[] = [];
    let bytes = 0;
    let files = 0;
    for (let round = 0; round < 3; round++) {
      const ctx = gateContext(gate, {
        root: scratch,
        options: { images: [`${registry.host}/bench/layers:1`], layers: true, "osv-database": osv, ...extra },
        env: { HOME: scratch },
      });
      const started = performance.now();
      const cpu = process.cpuUsage();
      const scan = await gate.scan(ctx);
      layerTimes.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      cpuTimes.push((used.user + used.system) / 1000);
      bytes = scan.metrics.layerBytesRead ?? 0;
      files = scan.metrics.layerFiles ?? 0;
    }
    const mb = bytes / (1024 * 1024);
    const med = median(layerTimes);
    const best = Math.min(...layerTimes);
    console.log(
      `layer scan, ${label}: ${mb.toFixed(1)} MB compressed, ${files} files, median ${med.toFixed(0)} ms = ${(mb / (med / 1000)).toFixed(0)} MB/s, best ${(mb / (best / 1000)).toFixed(0)} MB/s; CPU ${median(cpuTimes).toFixed(0)} ms = ${(mb / (median(cpuTimes) / 1000)).toFixed(0)} MB per CPU-second (target >= 50 MB/s; wall figures include waiting for the registry process)`,
    );
  }
} finally {
  await registry.stop();
  rmSync(scratch, { recursive: true, force: true });
}
