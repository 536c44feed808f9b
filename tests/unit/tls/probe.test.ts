// The TLS prober against real servers on 127.0.0.1: each defect found on its own server, a clean
// server passes. All servers start at once and are probed in one concurrent run.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { gate } from "../../../src/gates/tls/index.js";
import { probeEndpoints, type Endpoint, type EndpointReport, type TlsProbeInput } from "../../../src/scanners/tls-probe/index.js";
import type { Finding } from "../../../src/core/types.js";
import { runGateDirect, testLogger } from "../../helpers/gate-context.js";
import { removeDir, tempDir, writeTree } from "../../helpers/tmp.js";
import { ecCert, makeCert, type Issued } from "./pki.js";
import {
  INTERMEDIATE_CIPHERS, closedPort, oakley1024Pem, nodeTlsServer, opensslServer, plainHttpServer, scriptedHelloServer, silentServer, smtpStartTlsServer, type Running,
} from "./servers.js";

const servers: Record<string, Running> = {};
let refusedPort = 0;
let repo: string;
let root: Issued;
let reports: Map<string, EndpointReport>;
let findings: Finding[];

const localhost = { cn: "localhost", dns: ["localhost"], ips: ["127.0.0.1"] };

function endpoint(name: string, extra: Partial<Endpoint> = {}): Endpoint {
  const port = name === "refused" ? refusedPort : (servers[name]?.port ?? 0);
  return { host: "127.0.0.1", port, label: `${name}@127.0.0.1:${port}`, ca: "ca/root.pem", connectTimeoutMs: 10_000, handshakeTimeoutMs: 10_000, ...extra };
}

function probeInput(endpoints: Endpoint[], extra: Partial<TlsProbeInput> = {}): TlsProbeInput {
  return { endpoints, profile: "intermediate", minProtocol: "TLSv1.2", minDaysLeft: 30, now: new Date(), systemCaFiles: [], concurrency: 32, ...extra };
}

const ctx = () => ({ root: repo, signal: new AbortController().signal, log: testLogger() });

function rulesOf(name: string): string[] {
  const label = endpoint(name).label;
  return findings.filter((f) => f.properties?.endpoint === label).map((f) => f.ruleId).sort();
}

function report(name: string): EndpointReport {
  const r = reports.get(endpoint(name).label);
  if (!r) throw new Error(`no report for ${name}`);
  return r;
}

beforeAll(async () => {
  root = makeCert({ cn: "Test Root CA", ca: true, to: 3650 });
  const intermediate = makeCert({ cn: "Test Intermediate CA", ca: true, issuer: root, to: 1825 });
  const leaf = makeCert({ ...localhost, issuer: root });
  const chained = makeCert({ ...localhost, issuer: intermediate });
  const ec = ecCert({ cn: "localhost", dns: ["localhost"], ips: ["127.0.0.1"], issuer: root });
  repo = tempDir();
  writeTree(repo, { "ca/root.pem": root.certPem });
  const weakLevel = { ciphers: `${INTERMEDIATE_CIPHERS}:@SECLEVEL=0` };
  const pairs: [string, Promise<Running>][] = [
    ["clean", nodeTlsServer({ cert: chained.certPem + intermediate.certPem, key: chained.keyPem })],
    ["expired", nodeTlsServer({ cert: makeCert({ ...localhost, issuer: root, from: -100, to: -1 }).certPem, key: leaf.keyPem })],
    ["expiring", nodeTlsServer({ cert: makeCert({ ...localhost, issuer: root, from: -60, to: 5 }).certPem, key: leaf.keyPem })],
    ["self-signed", nodeTlsServer({ cert: makeCert({ ...localhost }).certPem, key: leaf.keyPem })],
    ["wrong-host", nodeTlsServer({ cert: makeCert({ cn: "other.example.test", dns: ["other.example.test"], issuer: root }).certPem, key: leaf.keyPem })],
    ["rsa1024", (() => { const c = makeCert({ ...localhost, issuer: root, bits: 1024 }); return nodeTlsServer({ cert: c.certPem, key: c.keyPem, ...weakLevel }); })()],
    ["sha1", nodeTlsServer({ cert: makeCert({ ...localhost, issuer: root, hash: "sha1" }).certPem, key: leaf.keyPem, ...weakLevel })],
    ["ec-p256", nodeTlsServer({ cert: ec.certPem, key: ec.keyPem })],
    ["incomplete-chain", nodeTlsServer({ cert: chained.certPem, key: chained.keyPem })],
    ["tls10-only", opensslServer(leaf.certPem, leaf.keyPem, ["-tls1", "-cipher", "DEFAULT@SECLEVEL=0"])],
    ["tls12-plus", opensslServer(leaf.certPem, leaf.keyPem, ["-no_ssl3", "-no_tls1", "-no_tls1_1", "-cipher", INTERMEDIATE_CIPHERS])],
    ["null-anon", opensslServer(leaf.certPem, leaf.keyPem, ["-no_tls1_3", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256:aNULL:eNULL:@SECLEVEL=0"])],
    ["weak-dh", opensslServer(leaf.certPem, leaf.keyPem, ["-no_tls1", "-no_tls1_1", "-no_tls1_3", "-cipher", `${INTERMEDIATE_CIPHERS}:@SECLEVEL=0`, "-dhparam", "dh.pem"], { "dh.pem": oakley1024Pem() })],
    ["anon-only", opensslServer(leaf.certPem, leaf.keyPem, ["-no_tls1", "-no_tls1_1", "-no_tls1_3", "-cipher", "aNULL:@SECLEVEL=0"])],
    ["no-fs", opensslServer(leaf.certPem, leaf.keyPem, ["-no_tls1_3", "-cipher", "AES128-GCM-SHA256:AES256-GCM-SHA384"])],
    ["rc4-3des-export", scriptedHelloServer([0x0005, 0x000a, 0x0003])],
    ["slow", scriptedHelloServer([0xc02f, 0x009c, 0x002f, 0x0035], 1000)],
    ["smtp", smtpStartTlsServer({ cert: leaf.certPem, key: leaf.keyPem })],
    ["silent", silentServer()],
    ["http", plainHttpServer()],
  ];
  const started = await Promise.all(pairs.map(([, p]) => p));
  pairs.forEach(([name], i) => {
    const s = started[i];
    if (s) servers[name] = s;
  });
  refusedPort = await closedPort();
  const endpoints = [
    ...Object.keys(servers).filter((n) => !["smtp", "silent", "http", "slow"].includes(n)).map((n) => endpoint(n)),
    endpoint("smtp", { starttls: "smtp" }),
    endpoint("silent", { handshakeTimeoutMs: 300 }),
    endpoint("http"),
    endpoint("refused"),
  ];
  const result = await probeEndpoints(probeInput(endpoints), ctx());
  reports = new Map(result.endpoints.map((r) => [r.label, r]));
  findings = result.findings;
}, 60_000);

afterAll(async () => {
  await Promise.all(Object.values(servers).map((s) => s.close()));
  removeDir(repo);
});

describe("TLS prober on Node tls servers", () => {
  test("a clean server (full chain, TLS 1.2+, intermediate suites) has no findings", () => {
    expect(rulesOf("clean")).toEqual([]);
    const r = report("clean");
    expect(r.authorized).toBe(true);
    expect(r.protocols).toEqual({ SSLv3: false, TLSv1: false, "TLSv1.1": false, "TLSv1.2": true, "TLSv1.3": true });
    expect(r.forwardSecrecy["TLSv1.2"]).toBe(true);
    expect(r.certificates.length).toBeGreaterThanOrEqual(2);
  });

  test("expired and expiring-in-5-days certificates", () => {
    expect(rulesOf("expired")).toEqual(["tls/cert-expired"]);
    expect(rulesOf("expiring")).toEqual(["tls/cert-expiring"]);
  });

  test("self-signed certificate is untrusted", () => {
    expect(rulesOf("self-signed")).toEqual(["tls/untrusted-certificate"]);
    expect(report("self-signed").authorizationError).toBe("DEPTH_ZERO_SELF_SIGNED_CERT");
  });

  test("wrong host name", () => {
    expect(rulesOf("wrong-host")).toEqual(["tls/hostname-mismatch"]);
  });

  test("RSA 1024 key and SHA-1 signature", () => {
    expect(rulesOf("rsa1024")).toEqual(["tls/weak-key"]);
    expect(rulesOf("sha1")).toEqual(["tls/weak-signature"]);
  });

  test("EC P-256 certificate is read and passes", () => {
    expect(rulesOf("ec-p256")).toEqual([]);
    expect(report("ec-p256").certificates[0]).toMatchObject({ keyType: "ec", keyBits: 256, curve: "prime256v1" });
    expect(report("ec-p256").negotiated?.protocol).toBe("TLSv1.3");
  });

  test("incomplete chain (intermediate not sent)", () => {
    expect(rulesOf("incomplete-chain")).toEqual(["tls/incomplete-chain"]);
  });
});

describe("TLS prober on openssl s_server", () => {
  test("TLS 1.0-only server: only TLS 1.0 accepted, one finding below min-protocol", () => {
    expect(report("tls10-only").protocols).toEqual({ SSLv3: false, TLSv1: true, "TLSv1.1": false, "TLSv1.2": false, "TLSv1.3": false });
    expect(rulesOf("tls10-only")).toEqual(["tls/protocol-below-minimum"]);
    expect(report("tls10-only").negotiated?.protocol).toBe("TLSv1");
  });

  test("TLS 1.2+ server with the intermediate suites passes", () => {
    expect(report("tls12-plus").protocols).toEqual({ SSLv3: false, TLSv1: false, "TLSv1.1": false, "TLSv1.2": true, "TLSv1.3": true });
    expect(rulesOf("tls12-plus")).toEqual([]);
  });

  test("OpenSSL refuses a marked fallback and renegotiates securely: no finding for either", () => {
    expect(report("null-anon").protocols).toMatchObject({ TLSv1: true, "TLSv1.1": true, "TLSv1.2": true });
    for (const name of ["null-anon", "tls12-plus", "clean"]) {
      expect(rulesOf(name)).not.toContain("tls/no-fallback-scsv");
      expect(rulesOf(name)).not.toContain("tls/insecure-renegotiation");
    }
  });

  test("NULL and anonymous suites are found", () => {
    const weak = findings.filter((f) => f.properties?.endpoint === endpoint("null-anon").label && f.ruleId === "tls/weak-cipher");
    expect(weak.map((f) => f.properties?.category).sort()).toEqual(["NULL", "anonymous"]);
    expect(weak.every((f) => f.severity === "critical")).toBe(true);
    const suites = weak.flatMap((f) => f.properties?.suites as string[]);
    expect(suites).toContain("TLS_RSA_WITH_NULL_SHA256");
    expect(suites).toContain("TLS_DH_anon_WITH_AES_128_GCM_SHA256");
  });

  test("a server with anonymous suites only is found by the second, rare-suite offer", () => {
    expect(report("anon-only").protocols["TLSv1.2"]).toBe(true);
    expect(report("anon-only").certificates).toEqual([]);
    expect(rulesOf("anon-only")).toEqual(["tls/no-forward-secrecy", "tls/untrusted-certificate", "tls/weak-cipher", "tls/weak-cipher"]);
    expect(findings.find((f) => f.properties?.endpoint === endpoint("anon-only").label && f.ruleId === "tls/untrusted-certificate")?.message).toMatch(/no certificate/);
  });

  test("a 1024-bit DHE group is weak; OpenSSL's automatic 2048-bit group is not", () => {
    expect(report("weak-dh").dhBits).toBe(1024);
    expect(rulesOf("weak-dh")).toEqual(["tls/weak-dh"]);
    expect(findings.find((f) => f.ruleId === "tls/weak-dh")?.severity).toBe("medium");
    expect(report("tls12-plus").dhBits).toBe(2048);
  });

  test("static-RSA-only server has no forward secrecy and is outside the intermediate profile", () => {
    expect(rulesOf("no-fs")).toEqual(["tls/cipher-outside-profile", "tls/no-forward-secrecy"]);
    expect(report("no-fs").forwardSecrecy).toEqual({ "TLSv1.2": false });
  });
});

describe("TLS prober edge cases", () => {
  test("RC4, 3DES and EXPORT suites (scripted ServerHello: this OpenSSL cannot serve them)", () => {
    const weak = findings.filter((f) => f.properties?.endpoint === endpoint("rc4-3des-export").label && f.ruleId === "tls/weak-cipher");
    expect(weak.map((f) => f.properties?.category).sort()).toEqual(["3DES", "EXPORT", "RC4"]);
    expect(rulesOf("rc4-3des-export")).toContain("tls/handshake-failed");
    // A bare ServerHello has no renegotiation_info, and the responder ignores TLS_FALLBACK_SCSV.
    expect(rulesOf("rc4-3des-export")).toEqual(expect.arrayContaining(["tls/insecure-renegotiation", "tls/no-fallback-scsv"]));
    // It also answers an SSLv3 hello in kind: the one protocol finding that is critical.
    expect(report("rc4-3des-export").protocols.SSLv3).toBe(true);
    const sslv3 = findings.find((f) => f.properties?.endpoint === endpoint("rc4-3des-export").label && f.properties?.protocol === "SSLv3");
    expect(sslv3?.severity).toBe("critical");
  });

  test("SMTP STARTTLS endpoint", () => {
    expect(rulesOf("smtp")).toEqual([]);
    expect(report("smtp").negotiated?.protocol).toBe("TLSv1.3");
  });

  test("unreachable, silent and non-TLS endpoints are findings with the reason", () => {
    expect(rulesOf("refused")).toEqual(["tls/unreachable"]);
    expect(findings.find((f) => f.properties?.endpoint === endpoint("refused").label)?.message).toMatch(/connection refused/);
    expect(rulesOf("silent")).toEqual(["tls/handshake-failed"]);
    expect(findings.find((f) => f.properties?.endpoint === endpoint("silent").label)?.message).toMatch(/within 300 ms/);
    expect(rulesOf("http")).toEqual(["tls/handshake-failed"]);
    expect(findings.find((f) => f.properties?.endpoint === endpoint("http").label)?.message).toMatch(/not TLS/);
  });

  test("a host name is resolved once and checked against the certificate; an unknown one is unreachable", async () => {
    const port = servers.clean?.port ?? 0;
    const named = { ...endpoint("clean"), host: "localhost", label: `localhost:${port}` };
    const unknown = { ...endpoint("clean"), host: "no-such-host.invalid", label: "no-such-host.invalid:443", connectTimeoutMs: 2000 };
    const result = await probeEndpoints(probeInput([named, unknown]), ctx());
    const byLabel = (label: string) => result.findings.filter((f) => f.properties?.endpoint === label).map((f) => f.ruleId);
    expect(byLabel(named.label)).toEqual([]);
    expect(result.endpoints.find((r) => r.label === named.label)?.protocols["TLSv1.3"]).toBe(true);
    expect(byLabel(unknown.label)).toEqual(["tls/unreachable"]);
  });

  test("a silent endpoint never hangs: the handshake timeout bounds it", async () => {
    const t = performance.now();
    const result = await probeEndpoints(probeInput([endpoint("silent", { handshakeTimeoutMs: 200 })]), ctx());
    expect(performance.now() - t).toBeLessThan(3000);
    expect(result.findings.map((f) => f.ruleId)).toEqual(["tls/handshake-failed"]);
  });

  test("a server slow on every probe is cut off by the endpoint budget and reported", async () => {
    const t = performance.now();
    // Unbounded, these checks take 4 s or more (several rounds of 1 s answers).
    const result = await probeEndpoints(probeInput([endpoint("slow", { totalTimeoutMs: 500 })]), ctx());
    expect(performance.now() - t).toBeLessThan(2500);
    expect(result.findings.map((f) => f.ruleId)).toContain("tls/probe-incomplete");
    expect(result.endpoints[0]?.incomplete).toBe(true);
  });

  test("aborting the signal stops a probe at once", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const t = performance.now();
    await probeEndpoints(probeInput([endpoint("silent", { handshakeTimeoutMs: 30_000 })]), { ...ctx(), signal: controller.signal });
    expect(performance.now() - t).toBeLessThan(3000);
  });

  test("profiles: modern flags TLS 1.2, old accepts TLS 1.0", async () => {
    const [modern, old] = await Promise.all([
      probeEndpoints(probeInput([endpoint("tls12-plus")], { profile: "modern", minProtocol: "TLSv1.3" }), ctx()),
      probeEndpoints(probeInput([endpoint("tls10-only")], { profile: "old", minProtocol: "TLSv1" }), ctx()),
    ]);
    expect(modern.findings.map((f) => f.ruleId)).toEqual(["tls/protocol-below-minimum"]);
    // The old profile allows TLS 1.0; OpenSSL's DEFAULT still has DHE-RSA-*-SHA suites that "old" leaves out.
    expect(old.findings.map((f) => f.ruleId)).toEqual(["tls/cipher-outside-profile"]);
    expect(old.findings[0]?.properties?.suites).toContain("TLS_DHE_RSA_WITH_AES_128_CBC_SHA");
  });
});

describe("tls gate with endpoints", () => {
  test("a clean endpoint passes; a TLS 1.0 one and an unreachable one fail", async () => {
    const opt = (name: string) => ({ endpoint: `127.0.0.1:${name === "refused" ? refusedPort : servers[name]?.port}`, ca: "ca/root.pem", "connect-timeout": "10s", "handshake-timeout": "10s" });
    const [clean, old, down] = await Promise.all([
      runGateDirect(gate, { root: repo, options: { endpoints: [opt("clean")] } }),
      runGateDirect(gate, { root: repo, options: { endpoints: [opt("tls10-only")] } }),
      runGateDirect(gate, { root: repo, options: { endpoints: [opt("refused")] } }),
    ]);
    expect(clean.verdict?.status).toBe("passed");
    expect(clean.scan.metrics.endpointsReachable).toBe(1);
    expect(old.verdict?.status).toBe("failed");
    expect(down.verdict?.status).toBe("failed");
  });

  test("without the CA bundle the private root is untrusted", async () => {
    const result = await probeEndpoints(probeInput([endpoint("clean", { ca: undefined })]), ctx());
    expect(result.findings.map((f) => f.ruleId)).toEqual(["tls/untrusted-certificate"]);
  });

  test("a missing or empty CA bundle is reported, and the endpoint is still probed", async () => {
    writeTree(repo, { "ca/empty.pem": "nothing here\n" });
    const result = await probeEndpoints(probeInput([endpoint("clean", { ca: "ca/missing.pem" }), endpoint("tls12-plus", { ca: "ca/empty.pem" })]), ctx());
    const byEndpoint = (name: string) => result.findings.filter((f) => f.properties?.endpoint === endpoint(name).label).map((f) => f.ruleId).sort();
    expect(byEndpoint("clean")).toEqual(["tls/parse-error", "tls/untrusted-certificate"]);
    // That server sends its root-issued leaf alone: with the root unknown, the issuer is simply missing.
    expect(byEndpoint("tls12-plus")).toEqual(["tls/incomplete-chain", "tls/parse-error"]);
    expect(result.findings.find((f) => f.location?.path === "ca/empty.pem")?.message).toMatch(/no PEM certificate/);
  });

  test("endpoint strings are validated", async () => {
    await expect(runGateDirect(gate, { root: repo, options: { endpoints: ["no-port"] } })).rejects.toThrow(/host:port/);
  });
});
