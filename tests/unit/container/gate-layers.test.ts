// Layer scanning against a real registry: secrets in layer files (gzip and zstd layers, and one
// "deleted" by a later whiteout), a vulnerable dpkg package matched against an offline OSV
// database, a decompression bomb stopped by its ratio, and discovery from repository files.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { gate } from "../../../src/gates/container/index.js";
import { runGateDirect } from "../../helpers/gate-context.js";
import { gitRepo, removeDir, tempDir } from "../../helpers/tmp.js";
import { AWS_KEY_ID, CLEAN_CONFIG, CLEAN_HISTORY, DEBIAN_OS_RELEASE, dpkgStatus, GITHUB_TOKEN, OSV_RECORD } from "./images.js";
import { MEDIA, pushImage, startRegistry, tarOf, type RunningRegistry } from "./registry-server.js";

let registry: RunningRegistry;
let scratch: string;
let osvDir: string;

const ALPINE_DB = "P:musl\nV:1.2.4_git20230717-r4\no:musl\n\nP:libcrypto3\nV:3.1.4-r5\no:openssl\n\n";

beforeAll(async () => {
  registry = await startRegistry();
  scratch = tempDir();
  osvDir = join(scratch, "osv");
  mkdirSync(osvDir, { recursive: true });
  writeFileSync(join(osvDir, `${OSV_RECORD.id}.json`), JSON.stringify(OSV_RECORD, null, 2));
  const base = { config: CLEAN_CONFIG, history: CLEAN_HISTORY, format: "oci" as const };
  const debian = { files: { "etc/os-release": DEBIAN_OS_RELEASE, "usr/bin/app": "#!/bin/sh\necho app\n" } };
  await pushImage(registry, { ...base, repo: "layers/clean", tag: "1", layers: [debian, { files: { "var/lib/dpkg/status": dpkgStatus("3.0.13-1~deb12u1") } }] });
  await pushImage(registry, {
    ...base,
    repo: "layers/secrets",
    tag: "1",
    layers: [
      { files: { "app/.env": `GITHUB_TOKEN=${GITHUB_TOKEN}\n`, "usr/share/doc/example/README": `token ${GITHUB_TOKEN}\n` } },
      { files: { "app/config/aws.ini": `[default]\naws_access_key_id = ${AWS_KEY_ID}\n` }, compression: "zstd" },
      // Deleting the file in a later layer does not remove it from the image.
      { files: { "app/.wh..env": "" } },
    ],
  });
  await pushImage(registry, { ...base, repo: "layers/vulnerable", tag: "1", layers: [debian, { files: { "var/lib/dpkg/status": dpkgStatus("3.0.11-1~deb12u2") } }] });
  await pushImage(registry, {
    ...base,
    repo: "layers/removed-db",
    tag: "1",
    layers: [debian, { files: { "var/lib/dpkg/status": dpkgStatus("3.0.11-1~deb12u2") } }, { files: { "var/lib/dpkg/.wh.status": "" } }],
  });
  await pushImage(registry, {
    ...base,
    repo: "layers/alpine",
    tag: "1",
    layers: [{ files: { "etc/os-release": "ID=alpine\nVERSION_ID=3.19.1\n", "lib/apk/db/installed": ALPINE_DB }, compression: "zstd" }],
  });
  await pushImage(registry, {
    ...base,
    repo: "layers/unknown-os",
    tag: "1",
    layers: [{ files: { "etc/os-release": 'ID=fedora\nVERSION_ID=40\n', "var/lib/dpkg/status": dpkgStatus("1.0") } }],
  });
  const bomb = gzipSync(await tarOf({ "zeros.bin": Buffer.alloc(24 * 1024 * 1024) }), { level: 9 });
  await pushImage(registry, { ...base, repo: "layers/bomb", tag: "1", layers: [{ raw: bomb, mediaType: MEDIA.ociLayerGzip }] });
});

afterAll(async () => {
  await registry?.stop();
  if (scratch) removeDir(scratch);
});

function run(images: string[], extra: Record<string, unknown> = {}) {
  return runGateDirect(gate, { root: scratch, options: { images, layers: true, "osv-database": osvDir, ...extra }, env: { HOME: scratch } });
}

describe("container gate with layers: true", () => {
  it("passes a clean image whose packages are fixed", async () => {
    const { scan, verdict } = await run([`${registry.host}/layers/clean:1`]);
    expect(scan.findings).toEqual([]);
    expect(scan.metrics.osPackages).toBe(2);
    expect(verdict?.status).toBe("passed");
  });

  it("finds secrets in gzip and zstd layers, including a file a later layer deleted, but not in excluded paths", async () => {
    const { scan, verdict } = await run([`${registry.host}/layers/secrets:1`]);
    const secrets = scan.findings.filter((f) => f.ruleId === "container/secret-in-layer");
    expect(secrets.map((f) => f.properties?.file).sort()).toEqual(["/app/.env", "/app/config/aws.ini"]);
    expect(scan.findings.map((f) => f.ruleId).sort()).toEqual(["container/secret-in-layer", "container/secret-in-layer"]);
    const text = JSON.stringify(scan);
    expect(text).not.toContain(GITHUB_TOKEN);
    expect(text).not.toContain(AWS_KEY_ID);
    expect(verdict?.status).toBe("failed");
  });

  it("matches a vulnerable dpkg package against the offline OSV database", async () => {
    const { scan, verdict, log } = await run([`${registry.host}/layers/vulnerable:1`, `${registry.host}/layers/vulnerable:1`]);
    expect(scan.findings.map((f) => f.ruleId)).toEqual(["container/vulnerable-os-package"]);
    expect(log.lines.join("\n")).toMatch(/inspected 1 image in \d+ ms, [\d.]+ MB of layers read/);
    const finding = scan.findings[0];
    expect(finding?.properties).toMatchObject({
      ecosystem: "Debian:12",
      operatingSystem: "Debian GNU/Linux 12 (bookworm)",
      package: "openssl",
      version: "3.0.11-1~deb12u2",
      binaryPackages: ["libssl3"],
      advisory: OSV_RECORD.id,
      fixedIn: ["3.0.13-1~deb12u1"],
    });
    expect(finding?.message).toMatch(/upgrade to 3\.0\.13-1~deb12u1/);
    expect(verdict?.status).toBe("failed");
  });

  it("honours a whiteout of the package database", async () => {
    const { scan } = await run([`${registry.host}/layers/removed-db:1`]);
    expect(scan.findings).toEqual([]);
    expect(scan.metrics.osPackages).toBe(0);
  });

  it("reads apk databases from zstd layers", async () => {
    const { scan } = await run([`${registry.host}/layers/alpine:1`]);
    expect(scan.metrics.osPackages).toBe(2);
    expect(scan.findings).toEqual([]);
  });

  it("says so when the distribution has no OSV ecosystem", async () => {
    const { scan } = await run([`${registry.host}/layers/unknown-os:1`]);
    expect(scan.findings.map((f) => [f.ruleId, f.severity])).toEqual([["container/os-packages-unmatched", "info"]]);
  });

  it("stops a decompression bomb and reports the incomplete scan", async () => {
    const { scan } = await run([`${registry.host}/layers/bomb:1`]);
    expect(scan.findings.map((f) => f.ruleId)).toEqual(["container/layer-scan-incomplete"]);
    expect(scan.findings[0]?.message).toMatch(/decompression ratio above 100:1/);
  });

  it("reports a failing OSV database instead of passing", async () => {
    const { scan, verdict } = await run([`${registry.host}/layers/vulnerable:1`], { "osv-database": join(scratch, "no-such-db.zip") });
    expect(scan.findings.map((f) => [f.ruleId, f.severity])).toEqual([["container/layer-scan-incomplete", "high"]]);
    expect(verdict?.status).toBe("failed");
  });

  it("ends a layer download that stalls and reports the incomplete scan", async () => {
    const stalled: Array<() => void> = [];
    // Serves manifests and configs from the registry, but layer blobs stop after a few bytes.
    const stalling = createServer((req, res) => {
      void (async () => {
        const upstream = await fetch(`http://${registry.host}${req.url ?? "/"}`, { headers: { accept: String(req.headers.accept ?? "*/*") } });
        const body = Buffer.from(await upstream.arrayBuffer());
        res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/octet-stream" });
        if (req.url?.includes("/blobs/") && req.headers.accept === "*/*") {
          res.write(body.subarray(0, 64));
          stalled.push(() => res.destroy());
          return;
        }
        res.end(body);
      })();
    });
    await new Promise<void>((resolve) => stalling.listen(0, "127.0.0.1", resolve));
    const address = stalling.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const started = Date.now();
      const { scan } = await run([`127.0.0.1:${port}/layers/clean:1`], { "request-timeout": 400 });
      expect(Date.now() - started).toBeLessThan(6000);
      expect(stalled.length).toBeGreaterThan(0);
      expect(scan.findings.map((f) => f.ruleId)).toEqual(["container/layer-scan-incomplete"]);
      expect(scan.findings[0]?.message).toMatch(/no layer data for 400 ms/);
    } finally {
      for (const end of stalled) end();
      stalling.close();
    }
  });

  it("refuses internal hosts named only by repository files", async () => {
    const repo = gitRepo({
      Dockerfile: "FROM 10.255.255.1:5000/base:1\nFROM registry:5000/base:1 AS second\nFROM metadata.cluster.local/x:1\n",
    });
    try {
      const started = Date.now();
      const { scan, verdict } = await runGateDirect(gate, { root: repo, options: { discover: true }, env: { HOME: repo } });
      expect(scan.findings.map((f) => [f.ruleId, f.properties?.reason, f.location?.startLine])).toEqual([
        ["container/image-unavailable", "refused", 1],
        ["container/image-unavailable", "refused", 2],
        ["container/image-unavailable", "refused", 3],
      ]);
      expect(scan.findings[0]?.message).toMatch(/list it under insecure-registries or registries/);
      expect(verdict?.status).toBe("failed");
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      removeDir(repo);
    }
  });

  it("discovers images from a Dockerfile, a Kubernetes manifest and a Compose file and points at their lines", async () => {
    const host = registry.host;
    const repo = gitRepo({
      Dockerfile: `FROM ${host}/layers/clean:1 AS base\nFROM base\nUSER 10001\n`,
      "deploy/app.yaml": `apiVersion: v1\nkind: Pod\nmetadata: { name: app }\nspec:\n  containers:\n    - name: app\n      image: ${host}/layers/vulnerable:1\n`,
      "compose.yml": `services:\n  web:\n    image: ${host}/layers/vulnerable:1\n  gone:\n    image: ${host}/layers/missing:1\n`,
    });
    try {
      const { scan, verdict } = await runGateDirect(gate, {
        root: repo,
        options: { discover: true, layers: true, "osv-database": osvDir },
        env: { HOME: repo },
      });
      const summary = scan.findings.map((f) => [f.ruleId, f.location?.path, f.location?.startLine]).sort();
      expect(summary).toEqual([
        ["container/image-unavailable", "compose.yml", 5],
        ["container/vulnerable-os-package", "compose.yml", 3],
      ]);
      const vulnerable = scan.findings.find((f) => f.ruleId === "container/vulnerable-os-package");
      expect(vulnerable?.properties?.locations).toEqual(["compose.yml:3", "deploy/app.yaml:7"]);
      expect(scan.metrics.images).toBe(3);
      expect(verdict?.status).toBe("failed");
    } finally {
      removeDir(repo);
    }
  });
});
