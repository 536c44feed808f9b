// TLS prober benchmark: one endpoint fully checked, 50 endpoints at once, and sslscan on the same
// loopback server for comparison. Servers are openssl s_server processes (outside this event loop).
// Run: node bench/run.mjs bench/tls.ts
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCommand } from "../src/core/exec.js";
import { probeEndpoints, type Endpoint, type EndpointReport } from "../src/scanners/tls-probe/index.js";

const INTERMEDIATE = [
  "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
  "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305", "DHE-RSA-AES128-GCM-SHA256", "DHE-RSA-AES256-GCM-SHA384",
].join(":");

const dir = mkdtempSync(join(tmpdir(), "tollgate-bench-tls-"));
const children: ChildProcess[] = [];

async function sh(command: string, args: string[]): Promise<string> {
  const r = await runCommand({ command, args, cwd: dir });
  if (r.exitCode !== 0) throw new Error(`${command} failed: ${r.stderr}`);
  return r.stdout;
}

function startServer(args: string[]): Promise<number> {
  const child = spawn("openssl", ["s_server", "-accept", "127.0.0.1:0", "-cert", "cert.pem", "-key", "key.pem", "-www", ...args], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /ACCEPT\s+127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        out = "";
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`s_server exited ${code}`)));
  });
}

function endpoint(port: number): Endpoint {
  return { host: "127.0.0.1", port, label: `127.0.0.1:${port}`, connectTimeoutMs: 3000, handshakeTimeoutMs: 5000 };
}

const ctx = { root: dir, signal: new AbortController().signal, log: { info() {}, warn() {}, output() {} } };

async function probe(ports: number[], concurrency = 32): Promise<{ ms: number; reports: EndpointReport[]; findings: number; weak: string[] }> {
  const t = performance.now();
  const r = await probeEndpoints(
    { endpoints: ports.map(endpoint), profile: "intermediate", minProtocol: "TLSv1.2", minDaysLeft: 30, now: new Date(), systemCaFiles: ["/etc/ssl/certs/ca-certificates.crt"], concurrency },
    ctx,
  );
  const weak = [...new Set(r.findings.filter((f) => f.ruleId === "tls/weak-cipher").map((f) => String(f.properties?.category)))].sort();
  return { ms: performance.now() - t, reports: r.endpoints, findings: r.findings.length, weak };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function sslscan(port: number): Promise<{ ms: number; protocols: Record<string, boolean>; weak: string[] }> {
  const t = performance.now();
  const r = await runCommand({ command: "sslscan", args: ["--no-colour", `127.0.0.1:${port}`], cwd: dir });
  const ms = performance.now() - t;
  const protocols: Record<string, boolean> = {};
  for (const m of r.stdout.matchAll(/^(SSLv3|TLSv1\.[0-3])\s+(enabled|disabled)/gm)) protocols[m[1] === "TLSv1.0" ? "TLSv1" : (m[1] ?? "")] = m[2] === "enabled";
  // The same weak categories, from sslscan's accepted OpenSSL suite names.
  const weak = new Set<string>();
  for (const m of r.stdout.matchAll(/^(?:Accepted|Preferred)\s+\S+\s+\d+ bits\s+(\S+)/gm)) {
    const name = m[1] ?? "";
    if (/NULL/.test(name)) weak.add("NULL");
    else if (/^(ADH|AECDH)/.test(name)) weak.add("anonymous");
    else if (/^EXP/.test(name)) weak.add("EXPORT");
    else if (/RC4/.test(name)) weak.add("RC4");
    else if (/DES-CBC3/.test(name)) weak.add("3DES");
  }
  return { ms, protocols, weak: [...weak].sort() };
}

try {
  await sh("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-days", "90", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"]);
  const configs: [string, string[]][] = [
    ["OpenSSL defaults (TLS 1.2+1.3, 30 suites)", []],
    ["Mozilla intermediate", ["-no_tls1", "-no_tls1_1", "-cipher", INTERMEDIATE]],
    ["TLS 1.0-1.2, weak suites", ["-no_tls1_3", "-cipher", "ALL:aNULL:eNULL:@SECLEVEL=0"]],
  ];
  console.log("TLS prober benchmark (loopback, openssl s_server)\n");
  const cold = await probe([await startServer([])]);
  console.log(`first endpoint, cold (includes building the trust store): ${cold.ms.toFixed(0)} ms`);
  for (const [name, args] of configs) {
    const port = await startServer(args);
    const runs: number[] = [];
    let last: Awaited<ReturnType<typeof probe>> | undefined;
    for (let i = 0; i < 5; i++) {
      last = await probe([port]);
      runs.push(last.ms);
    }
    const scans = [];
    for (let i = 0; i < 3; i++) scans.push(await sslscan(port));
    const ours = median(runs);
    const theirs = median(scans.map((s) => s.ms));
    const report = last?.reports[0];
    const agree = Object.entries(scans[0]?.protocols ?? {}).every(([p, on]) => (report?.protocols as Record<string, boolean | undefined>)[p] === on);
    console.log(`\n${name}`);
    console.log(`  tollgate: ${ours.toFixed(0)} ms median of 5 (${report?.probes ?? 0} connections, ${last?.findings ?? 0} findings)`);
    console.log(`  sslscan:  ${theirs.toFixed(0)} ms median of 3`);
    const weakAgree = JSON.stringify(scans[0]?.weak ?? []) === JSON.stringify(last?.weak ?? []);
    console.log(`  ratio:    sslscan / tollgate = ${(theirs / ours).toFixed(1)}x; protocol verdicts agree with sslscan: ${agree ? "yes" : "NO"}`);
    console.log(`  weak suite categories: tollgate [${last?.weak.join(", ") ?? ""}], sslscan [${scans[0]?.weak.join(", ") ?? ""}]: ${weakAgree ? "agree" : "DIFFER"}`);
  }
  const ports = await Promise.all(Array.from({ length: 50 }, (_, i) => startServer(i % 2 === 0 ? [] : ["-no_tls1", "-no_tls1_1", "-cipher", INTERMEDIATE])));
  for (const concurrency of [32, 50]) {
    const cpu0 = process.cpuUsage();
    const many = await probe(ports, concurrency);
    const cpu = process.cpuUsage(cpu0);
    console.log(`  prober CPU ${(cpu.user / 1000).toFixed(0)} ms user, ${(cpu.system / 1000).toFixed(0)} ms system`);
    const reachable = many.reports.filter((r) => r.reachable && r.negotiated).length;
    console.log(`\n50 endpoints (half OpenSSL defaults, half intermediate), concurrency ${concurrency}: ${many.ms.toFixed(0)} ms, ${reachable}/50 fully checked, ${many.reports.reduce((n, r) => n + r.probes, 0)} connections`);
  }
} finally {
  for (const c of children) c.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
}
