// Benchmark: the online OSV path against a loopback server that answers as the OSV API does
// (with 20 ms of latency per request), cold and then with a warm cache. Shows that a re-run
// within the cache TTL makes no network round trip at all.
// Run: node bench/run.mjs bench/deps-osv-cache.ts
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findAdvisories, type PackageRef } from "../src/scanners/osv/index.js";

const PACKAGES = 3000;
const LATENCY_MS = 20;

const packages: PackageRef[] = Array.from({ length: PACKAGES }, (_, i) => ({ ecosystem: i % 3 === 0 ? "PyPI" : "npm", name: `pkg-${i}`, version: `1.${i % 7}.0` }));
// Every tenth package has one advisory, fixed in 2.0.0.
const vulnerable = new Set(packages.filter((_, i) => i % 10 === 0).map((p) => `${p.ecosystem}/${p.name}`));

let requests = 0;
const server = createServer((req, res) => {
  requests++;
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    setTimeout(() => {
      res.setHeader("content-type", "application/json");
      if (req.method === "POST" && req.url === "/v1/querybatch") {
        const { queries } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { queries: { package: { ecosystem: string; name: string } }[] };
        const results = queries.map((q) => (vulnerable.has(`${q.package.ecosystem}/${q.package.name}`) ? { vulns: [{ id: `BENCH-${q.package.ecosystem}-${q.package.name}`, modified: "2024-01-01T00:00:00Z" }] } : {}));
        res.end(JSON.stringify({ results }));
        return;
      }
      const m = /^\/v1\/vulns\/BENCH-([^-]+)-(.+)$/.exec(decodeURIComponent(req.url ?? ""));
      if (req.method === "GET" && m?.[1] && m[2]) {
        res.end(JSON.stringify({
          schema_version: "1.6.0", id: `BENCH-${m[1]}-${m[2]}`, modified: "2024-01-01T00:00:00Z", summary: "benchmark advisory",
          affected: [{ package: { ecosystem: m[1], name: m[2] }, ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed: "2.0.0" }] }] }],
          database_specific: { severity: "HIGH" },
        }));
        return;
      }
      res.statusCode = 404;
      res.end("{}");
    }, LATENCY_MS);
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const cacheDir = mkdtempSync(join(tmpdir(), "tollgate-bench-osv-cache-"));
try {
  for (const label of ["cold cache", "warm cache", "warm cache"]) {
    const before = requests;
    const start = performance.now();
    const result = await findAdvisories(packages, { online: { url }, cacheDir });
    const ms = performance.now() - start;
    console.log(`${label}: ${PACKAGES} packages -> ${result.matches.length} advisories in ${ms.toFixed(0)} ms; HTTP requests served: ${requests - before} (client counted ${result.stats.requests}, cache hits ${result.stats.cacheHits})`);
  }
} finally {
  server.close();
  rmSync(cacheDir, { recursive: true, force: true });
}
