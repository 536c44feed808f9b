// Config checks as pure functions of an inspected image: edge cases that need no registry.
import { describe, expect, it } from "@jest/globals";
import { configFindings, expandLabel } from "../../../src/gates/container/checks.js";
import { expandVariables } from "../../../src/gates/container/index.js";
import { schema } from "../../../src/gates/container/schema.js";
import type { ImageConfigBody, ImageInspection } from "../../../src/scanners/registry/index.js";
import { parseReference } from "../../../src/scanners/registry/reference.js";

const NOW = new Date("2026-06-01T00:00:00Z");

function inspection(config: ImageConfigBody, reference = "registry.example.com/team/app:1.0"): ImageInspection {
  return {
    reference,
    ref: parseReference(reference),
    metadata: {
      ref: parseReference(reference),
      protocol: "https:",
      manifestDigest: `sha256:${"b".repeat(64)}`,
      mediaType: "application/vnd.oci.image.manifest.v1+json",
      layers: [],
      configDigest: `sha256:${"c".repeat(64)}`,
      config,
      compressedSize: 1000,
    },
    durationMs: 1,
  };
}

const HEALTHY = { User: "app", Healthcheck: { Test: ["CMD", "true"] } };

function rules(config: ImageConfigBody, options: Record<string, unknown> = {}) {
  const target = { reference: "registry.example.com/team/app:1.0", locations: [], listed: true };
  return configFindings(target, inspection(config), { options: schema.parse(options), now: NOW }).map((f) => f.ruleId);
}

describe("config checks", () => {
  it.each([
    [undefined, true],
    ["", true],
    ["root", true],
    ["0", true],
    ["root:root", true],
    ["0:1000", true],
    ["app", false],
    ["1000:0", false],
    ["nobody", false],
  ])("User %j runs as root: %s", (user, root) => {
    const config: ImageConfigBody = { created: NOW.toISOString(), config: { ...HEALTHY, ...(user === undefined ? { User: undefined } : { User: user }) } };
    expect(rules(config).includes("container/runs-as-root")).toBe(root);
  });

  it("ignores the epoch timestamp of reproducible builds but reports a real old date", () => {
    expect(rules({ created: "1970-01-01T00:00:00Z", config: HEALTHY })).toEqual([]);
    expect(rules({ config: HEALTHY })).toEqual([]);
    expect(rules({ created: "2025-01-01T00:00:00Z", config: HEALTHY })).toEqual(["container/image-too-old"]);
    expect(rules({ created: "2025-01-01T00:00:00Z", config: HEALTHY }, { "max-age-days": 1000 })).toEqual([]);
  });

  it("accepts null fields that real configs carry", () => {
    expect(rules({ created: NOW.toISOString(), config: { ...HEALTHY, Env: null, Labels: null, ExposedPorts: null }, history: null })).toEqual([]);
    expect(rules({ created: NOW.toISOString(), config: null }).sort()).toEqual(["container/no-healthcheck", "container/runs-as-root"]);
  });

  it("checks custom sensitive ports and can turn the healthcheck rule off", () => {
    const config: ImageConfigBody = { created: NOW.toISOString(), config: { User: "app", ExposedPorts: { "5432/tcp": {}, "22/tcp": {} } } };
    expect(rules(config, { "sensitive-ports": [5432], healthcheck: false })).toEqual(["container/sensitive-port"]);
  });

  it("expands bare label names to OCI annotations", () => {
    expect(expandLabel("source")).toBe("org.opencontainers.image.source");
    expect(expandLabel("com.example.team")).toBe("com.example.team");
  });

  it("expands environment variables in references", () => {
    expect(expandVariables("$REG/app:${TAG}", { REG: "ghcr.io/org", TAG: "abc" })).toBe("ghcr.io/org/app:abc");
    expect(expandVariables("$REG/app", {})).toBe("$REG/app");
  });
});
