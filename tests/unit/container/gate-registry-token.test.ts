// The anonymous bearer-token flow against a real registry configured for token auth: the gate
// follows the WWW-Authenticate challenge to the token server, for manifests, configs and layers.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { gate } from "../../../src/gates/container/index.js";
import { runGateDirect } from "../../helpers/gate-context.js";
import { removeDir, tempDir } from "../../helpers/tmp.js";
import { CLEAN_CONFIG, CLEAN_HISTORY, DEBIAN_OS_RELEASE, dpkgStatus } from "./images.js";
import { pushImage, startRegistry, type RunningRegistry } from "./registry-server.js";
import { startTokenServer, type TokenServer } from "./token-server.js";

let tokens: TokenServer;
let registry: RunningRegistry;
let dir: string;

beforeAll(async () => {
  dir = tempDir();
  tokens = await startTokenServer(dir);
  registry = await startRegistry({ token: { realm: tokens.realm, service: tokens.service, issuer: tokens.issuer, rootCertBundle: tokens.certPath } });
  registry.pushAuthorization = (repo) => `Bearer ${tokens.mint(repo)}`;
  const layers = [{ files: { "etc/os-release": DEBIAN_OS_RELEASE, "var/lib/dpkg/status": dpkgStatus("3.0.13-1~deb12u1") } }];
  await pushImage(registry, { repo: "public/clean", tag: "1", format: "oci", config: CLEAN_CONFIG, history: CLEAN_HISTORY, layers });
  await pushImage(registry, { repo: "public/root", tag: "1", format: "docker", config: { ...CLEAN_CONFIG, User: "root" }, history: CLEAN_HISTORY, layers });
  await pushImage(registry, { repo: "private/app", tag: "1", format: "oci", config: CLEAN_CONFIG, history: CLEAN_HISTORY, layers });
});

afterAll(async () => {
  await registry?.stop();
  await tokens?.stop();
  if (dir) removeDir(dir);
});

function run(options: Record<string, unknown>) {
  return runGateDirect(gate, { root: dir, options, env: { HOME: dir } });
}

describe("container gate with the anonymous bearer-token flow", () => {
  it("gets anonymous tokens, finds the root image and passes the clean one", async () => {
    tokens.requests.length = 0;
    const { scan, verdict } = await run({ images: [`${registry.host}/public/clean:1`, `${registry.host}/public/root:1`] });
    expect(scan.findings.map((f) => [f.properties?.image, f.ruleId])).toEqual([[`${registry.host}/public/root:1`, "container/runs-as-root"]]);
    expect(verdict?.status).toBe("warned");
    expect(tokens.requests.length).toBeGreaterThan(0);
    expect(tokens.requests.every((r) => !r.authenticated)).toBe(true);
    expect(new Set(tokens.requests.map((r) => r.scope))).toEqual(new Set(["repository:public/clean:pull", "repository:public/root:pull"]));
  });

  it("streams layers with a bearer token", async () => {
    const { scan } = await run({ images: [`${registry.host}/public/clean:1`], layers: true, "osv-database": dir });
    expect(scan.metrics.osPackages).toBe(2);
    expect(scan.metrics.layerBytesRead).toBeGreaterThan(0);
  });

  it("reports a repository the token server refuses", async () => {
    const { scan, verdict } = await run({ images: [`${registry.host}/private/app:1`] });
    expect(scan.findings.map((f) => [f.ruleId, f.properties?.reason])).toEqual([["container/image-unavailable", "unauthorized"]]);
    expect(verdict?.status).toBe("failed");
  });
});
