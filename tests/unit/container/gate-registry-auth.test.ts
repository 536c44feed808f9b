// The container gate against a real registry behind htpasswd basic auth: credentials from the
// environment variables the policy names and from ~/.docker/config.json, refusals reported as
// findings, and credentials never showing up in findings or logs.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gate } from "../../../src/gates/container/index.js";
import { runGateDirect } from "../../helpers/gate-context.js";
import { removeDir, tempDir } from "../../helpers/tmp.js";
import {
  AWS_KEY_ID,
  CLEAN_CONFIG,
  DEBIAN_OS_RELEASE,
  dpkgStatus,
  OSV_RECORD,
  pushConfigImages,
  pushMultiPlatform,
  STRICT_OPTIONS,
  type PlantedImage,
} from "./images.js";
import { pushImage, startRegistry, type RunningRegistry } from "./registry-server.js";

const USER = "ci-robot";
// tollgate-ignore secrets/generic-password: the password of the throwaway registry this test starts
const PASSWORD = "s3cret-Registry-pass";

let registry: RunningRegistry;
let planted: PlantedImage[];
let root: string;

beforeAll(async () => {
  registry = await startRegistry({ auth: { username: USER, password: PASSWORD } });
  planted = await pushConfigImages(registry);
  await pushMultiPlatform(registry, "oci");
  await pushImage(registry, {
    repo: "app/debian",
    tag: "1.0",
    format: "oci",
    config: { User: "app", Healthcheck: { Test: ["CMD", "true"] } },
    layers: [{ files: { "etc/os-release": DEBIAN_OS_RELEASE, "var/lib/dpkg/status": dpkgStatus("3.0.13-1~deb12u1") } }],
  });
  await pushImage(registry, {
    repo: "app/debian-defects",
    tag: "1.0",
    format: "docker",
    config: CLEAN_CONFIG,
    layers: [
      { files: { "etc/os-release": DEBIAN_OS_RELEASE, "var/lib/dpkg/status": dpkgStatus("3.0.11-1~deb12u2") } },
      { files: { "srv/app/settings.ini": `aws_access_key_id = ${AWS_KEY_ID}\n` }, compression: "zstd" },
    ],
  });
  root = tempDir();
  mkdirSync(join(root, "osv"), { recursive: true });
  writeFileSync(join(root, "osv", `${OSV_RECORD.id}.json`), JSON.stringify(OSV_RECORD));
});

afterAll(async () => {
  await registry?.stop();
  if (root) removeDir(root);
});

const ENV_AUTH = () => ({ registries: { [registry.host]: { auth: { "username-env": "REG_USER", "password-env": "REG_PASS" } } } });

function run(options: Record<string, unknown>, env: Record<string, string | undefined> = {}) {
  return runGateDirect(gate, { root, options, env: { HOME: join(root, "no-home"), ...env } });
}

function rulesFor(findings: Array<{ ruleId: string; properties?: Record<string, unknown> }>, image: string): string[] {
  return findings.filter((f) => f.properties?.image === image).map((f) => f.ruleId).sort();
}

describe("container gate on a registry with basic auth", () => {
  it("finds each planted config defect with credentials from the policy's environment variables", async () => {
    const images = planted.map((p) => `${registry.host}/${p.repo}:1.0`);
    const { scan, log } = await run({ images, ...STRICT_OPTIONS, ...ENV_AUTH() }, { REG_USER: USER, REG_PASS: PASSWORD });
    expect(scan.metrics.unavailable).toBe(0);
    for (const p of planted) {
      expect({ image: p.repo, rules: rulesFor(scan.findings, `${registry.host}/${p.repo}:1.0`) }).toEqual({ image: p.repo, rules: [...p.expected].sort() });
    }
    const everything = JSON.stringify({ scan, log: log.lines });
    expect(everything).not.toContain(PASSWORD);
  });

  it("passes the clean images and resolves the index behind auth", async () => {
    const images = [`${registry.host}/app/clean:1.0`, `${registry.host}/app/clean-docker:1.0`, `${registry.host}/app/multi:1.0`];
    const { scan, verdict } = await run({ images, ...STRICT_OPTIONS, ...ENV_AUTH() }, { REG_USER: USER, REG_PASS: PASSWORD });
    expect(scan.findings).toEqual([]);
    expect(verdict?.status).toBe("passed");
  });

  it("reads credentials from ~/.docker/config.json auths", async () => {
    const home = join(root, "home");
    mkdirSync(join(home, ".docker"), { recursive: true });
    const auth = Buffer.from(`${USER}:${PASSWORD}`).toString("base64");
    writeFileSync(join(home, ".docker", "config.json"), JSON.stringify({ auths: { [`http://${registry.host}`]: { auth } } }));
    const { scan, verdict } = await runGateDirect(gate, {
      root,
      options: { images: [`${registry.host}/app/clean:1.0`, `${registry.host}/app/root:1.0`] },
      env: { HOME: home },
    });
    expect(scan.findings.map((f) => [f.properties?.image, f.ruleId])).toEqual([[`${registry.host}/app/root:1.0`, "container/runs-as-root"]]);
    expect(verdict?.status).toBe("warned");
  });

  it("asks the Docker credential helper named by credsStore", async () => {
    const home = join(root, "helper-home");
    const bin = join(root, "bin");
    mkdirSync(join(home, ".docker"), { recursive: true });
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(home, ".docker", "config.json"), JSON.stringify({ credsStore: "tollgatetest" }));
    const helper = join(bin, "docker-credential-tollgatetest");
    writeFileSync(
      helper,
      `#!/bin/sh\n[ "$1" = get ] || exit 2\nread server\nif [ "$server" = "${registry.host}" ]; then\n  printf '{"ServerURL":"%s","Username":"${USER}","Secret":"${PASSWORD}"}' "$server"\n  exit 0\nfi\necho "credentials not found"\nexit 1\n`,
    );
    chmodSync(helper, 0o755);
    const { scan, verdict } = await runGateDirect(gate, {
      root,
      options: { images: [`${registry.host}/app/root:1.0`] },
      env: { HOME: home, PATH: `${bin}:${process.env.PATH ?? "/usr/bin:/bin"}` },
    });
    expect(scan.findings.map((f) => f.ruleId)).toEqual(["container/runs-as-root"]);
    expect(verdict?.status).toBe("warned");
  });

  it("reports the refusal when no credentials are configured", async () => {
    const { scan, verdict } = await run({ images: [`${registry.host}/app/clean:1.0`] });
    expect(scan.findings.map((f) => [f.ruleId, f.properties?.reason])).toEqual([["container/image-unavailable", "unauthorized"]]);
    expect(scan.findings[0]?.message).toMatch(/no credentials were found/);
    expect(verdict?.status).toBe("failed");
  });

  it("reports refused credentials without revealing them", async () => {
    const wrong = "Wrong-Password-123";
    const { scan, verdict, log } = await run({ images: [`${registry.host}/app/clean:1.0`], ...ENV_AUTH() }, { REG_USER: USER, REG_PASS: wrong });
    expect(scan.findings.map((f) => [f.ruleId, f.properties?.reason])).toEqual([["container/image-unavailable", "unauthorized"]]);
    expect(scan.findings[0]?.message).toMatch(/credentials from env REG_USER were refused/);
    expect(JSON.stringify({ scan, log: log.lines })).not.toContain(wrong);
    expect(verdict?.status).toBe("failed");
  });

  it("fails when the environment variables the policy names are not set", async () => {
    const { scan, verdict } = await run({ images: [`${registry.host}/app/clean:1.0`], ...ENV_AUTH() }, { REG_USER: USER });
    expect(scan.findings.map((f) => [f.ruleId, f.properties?.reason])).toEqual([["container/image-unavailable", "credentials"]]);
    expect(scan.findings[0]?.message).toMatch(/REG_PASS/);
    expect(verdict?.status).toBe("failed");
  });

  it("finds a layer secret and a vulnerable package behind auth", async () => {
    const { scan, verdict } = await run(
      { images: [`${registry.host}/app/debian-defects:1.0`], layers: true, ...ENV_AUTH(), "osv-database": join(root, "osv") },
      { REG_USER: USER, REG_PASS: PASSWORD },
    );
    expect(scan.findings.map((f) => [f.ruleId, f.properties?.file ?? f.properties?.advisory]).sort()).toEqual([
      ["container/secret-in-layer", "/srv/app/settings.ini"],
      ["container/vulnerable-os-package", OSV_RECORD.id],
    ]);
    expect(verdict?.status).toBe("failed");
  });

  it("streams layers behind auth and reads the OS package database", async () => {
    mkdirSync(join(root, "empty-osv"), { recursive: true });
    const { scan } = await run(
      { images: [`${registry.host}/app/debian:1.0`], layers: true, healthcheck: false, ...ENV_AUTH(), "osv-database": join(root, "empty-osv") },
      { REG_USER: USER, REG_PASS: PASSWORD },
    );
    expect(scan.metrics.layerBytesRead).toBeGreaterThan(0);
    expect(scan.metrics.osPackages).toBe(2);
    // A fixed openssl, an empty advisory database: nothing to report.
    expect(scan.findings).toEqual([]);
  });
});
