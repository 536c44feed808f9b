// Test images with one planted defect each, pushed to a real registry by the tests themselves.
import { randomBytes } from "node:crypto";
import { pushImage, pushIndex, type RunningRegistry } from "./registry-server.js";

// Planted secrets, built at run time so that no scanner flags this file itself.
export const AWS_KEY_ID = ["AKIA", "Q7ZK3M5N8P2R4T6W"].join("");
export const GITHUB_TOKEN = ["ghp_", "x7Kq2Lm9Np4Rs8Tv1Wy5Za3Bc6De0Fg2Hj7K"].join("");

export const CLEAN_CONFIG = {
  User: "10001:10001",
  Env: ["PATH=/usr/local/bin:/usr/bin:/bin", "NODE_ENV=production"],
  Labels: { "org.opencontainers.image.source": "https://example.com/team/app", "org.opencontainers.image.revision": "0123456789abcdef" },
  ExposedPorts: { "8080/tcp": {} },
  Healthcheck: { Test: ["CMD", "/app/health"], Interval: 30_000_000_000 },
};

export const CLEAN_HISTORY = [{ created_by: "/bin/sh -c #(nop) ADD file:abc in / " }, { created_by: "USER 10001:10001" }];

export interface PlantedImage {
  repo: string;
  /** Rule ids the gate must report for this image, and nothing else. */
  expected: string[];
}

/** Policy options that make every config check active. */
export const STRICT_OPTIONS = {
  "max-age-days": 90,
  "required-labels": ["source", "revision"],
  "max-size-mb": 1,
  healthcheck: true,
};

/** One image per config check, plus a clean one; `format` alternates Docker v2 and OCI manifests. */
export async function pushConfigImages(registry: RunningRegistry): Promise<PlantedImage[]> {
  const small = { files: { "app/main.js": "console.log('hello');\n" } };
  const defs: Array<{ repo: string; expected: string[]; format: "docker" | "oci"; config?: Record<string, unknown>; created?: string; history?: Array<{ created_by: string }>; big?: boolean }> = [
    { repo: "app/clean", expected: [], format: "oci" },
    { repo: "app/clean-docker", expected: [], format: "docker" },
    { repo: "app/root", expected: ["container/runs-as-root"], format: "docker", config: { User: "" } },
    { repo: "app/root-uid", expected: ["container/runs-as-root"], format: "oci", config: { User: "0:0" } },
    { repo: "app/old", expected: ["container/image-too-old"], format: "oci", created: "2020-01-01T00:00:00Z" },
    { repo: "app/unlabelled", expected: ["container/missing-label", "container/missing-label"], format: "docker", config: { Labels: {} } },
    { repo: "app/env-secret", expected: ["container/secret-in-config"], format: "oci", config: { Env: ["PATH=/usr/bin", `AWS_ACCESS_KEY_ID=${AWS_KEY_ID}`] } },
    {
      repo: "app/label-secret",
      expected: ["container/secret-in-config"],
      format: "oci",
      config: { Labels: { ...CLEAN_CONFIG.Labels, "com.example.deploy-token": GITHUB_TOKEN } },
    },
    {
      repo: "app/history-secret",
      expected: ["container/secret-in-config"],
      format: "docker",
      history: [...CLEAN_HISTORY, { created_by: `/bin/sh -c echo ${GITHUB_TOKEN} > /dev/null` }],
    },
    { repo: "app/ports", expected: ["container/sensitive-port", "container/sensitive-port"], format: "oci", config: { ExposedPorts: { "22/tcp": {}, "2375/tcp": {}, "8080/tcp": {} } } },
    { repo: "app/big", expected: ["container/image-too-large"], format: "docker", big: true },
    { repo: "app/no-healthcheck", expected: ["container/no-healthcheck"], format: "oci", config: { Healthcheck: undefined } },
    { repo: "app/healthcheck-none", expected: ["container/no-healthcheck"], format: "docker", config: { Healthcheck: { Test: ["NONE"] } } },
  ];
  for (const def of defs) {
    await pushImage(registry, {
      repo: def.repo,
      tag: "1.0",
      format: def.format,
      config: { ...CLEAN_CONFIG, ...(def.config ?? {}) },
      ...(def.created ? { created: def.created } : {}),
      history: def.history ?? CLEAN_HISTORY,
      // Random bytes do not compress: the big image really is over 1 MB compressed.
      layers: def.big ? [small, { files: { "app/blob.bin": randomBytes(1_300_000) } }] : [small],
    });
  }
  return defs.map(({ repo, expected }) => ({ repo, expected }));
}

/** app/multi:1.0 — an OCI index whose amd64 image is clean and whose arm64 image runs as root. */
export async function pushMultiPlatform(registry: RunningRegistry, format: "oci" | "docker" = "oci"): Promise<string> {
  const repo = format === "oci" ? "app/multi" : "app/multi-docker";
  const amd64 = await pushImage(registry, { repo, tag: "amd64", format, config: CLEAN_CONFIG, history: CLEAN_HISTORY });
  const arm64 = await pushImage(registry, { repo, tag: "arm64", format, architecture: "arm64", config: { ...CLEAN_CONFIG, User: "root" }, history: CLEAN_HISTORY });
  await pushIndex(registry, repo, "1.0", [
    { image: amd64, os: "linux", architecture: "amd64" },
    { image: arm64, os: "linux", architecture: "arm64", variant: "v8" },
  ], format);
  return repo;
}

export const DEBIAN_OS_RELEASE = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nID=debian\n';

export function dpkgStatus(opensslVersion: string): string {
  return [
    "Package: libssl3",
    "Status: install ok installed",
    "Architecture: amd64",
    `Source: openssl (${opensslVersion})`,
    `Version: ${opensslVersion}`,
    "Description: Secure Sockets Layer toolkit - shared libraries",
    " This package is part of the OpenSSL project.",
    "",
    "Package: base-files",
    "Status: install ok installed",
    "Version: 12.4+deb12u5",
    "",
    "Package: removed-thing",
    "Status: deinstall ok config-files",
    "Version: 1.0",
    "",
  ].join("\n");
}

/** The advisory the offline OSV database carries: openssl in Debian 12 before 3.0.13-1~deb12u1. */
export const OSV_RECORD = {
  schema_version: "1.6.0",
  id: "DEBIAN-CVE-2099-0001",
  modified: "2026-01-01T00:00:00Z",
  published: "2026-01-01T00:00:00Z",
  aliases: ["CVE-2099-0001"],
  summary: "openssl: test advisory planted by tollgate's container tests",
  details: "A planted advisory for the container gate's tests.",
  affected: [
    {
      package: { ecosystem: "Debian:12", name: "openssl", purl: "pkg:deb/debian/openssl?arch=source" },
      ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed: "3.0.13-1~deb12u1" }] }],
    },
  ],
  database_specific: { severity: "HIGH" },
};
