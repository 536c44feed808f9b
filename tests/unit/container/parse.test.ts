// Pure parsers of the container gate: image references, Dockerfile/Kubernetes/Compose discovery,
// OS package databases and os-release.
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { discoverImages, dockerfileImages, yamlImages } from "../../../src/gates/container/discover.js";
import { osvEcosystem, parseApkInstalled, parseDpkgStatus, parseOsRelease } from "../../../src/scanners/registry/packages.js";
import { isLoopback, parseReference } from "../../../src/scanners/registry/reference.js";
import { allowsPlainHttp } from "../../../src/scanners/registry/client.js";
import { normalizeRegistryKey } from "../../../src/scanners/registry/auth.js";
import { gitRepo, removeDir } from "../../helpers/tmp.js";
import { dpkgStatus } from "./images.js";

const DIGEST = `sha256:${"a".repeat(64)}`;

describe("parseReference", () => {
  it.each([
    ["debian", { registry: "registry-1.docker.io", repository: "library/debian", tag: "latest" }],
    ["debian:12-slim", { registry: "registry-1.docker.io", repository: "library/debian", tag: "12-slim" }],
    ["bitnami/redis:7", { registry: "registry-1.docker.io", repository: "bitnami/redis", tag: "7" }],
    ["docker.io/library/node:20", { registry: "registry-1.docker.io", repository: "library/node", tag: "20" }],
    ["ghcr.io/org/team/app:1.4.2", { registry: "ghcr.io", repository: "org/team/app", tag: "1.4.2" }],
    ["127.0.0.1:5000/app", { registry: "127.0.0.1:5000", repository: "app", tag: "latest" }],
    ["localhost/app:dev", { registry: "localhost", repository: "app", tag: "dev" }],
    [`quay.io/app@${DIGEST}`, { registry: "quay.io", repository: "app", digest: DIGEST }],
    [`quay.io/app:1@${DIGEST}`, { registry: "quay.io", repository: "app", tag: "1", digest: DIGEST }],
  ])("parses %s", (raw, expected) => {
    expect(parseReference(raw)).toEqual({ raw, ...expected });
  });

  it.each(["", "UPPER/case", "app@sha256:xyz", "https://ghcr.io/app", "app:bad tag", "a//b"])("rejects %j", (raw) => {
    expect(() => parseReference(raw)).toThrow();
  });

  it("never crashes on arbitrary input", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        try {
          parseReference(s);
        } catch (err) {
          expect(err).toBeInstanceOf(Error);
        }
      }),
    );
  });

  it("knows loopback and insecure hosts", () => {
    expect(isLoopback("127.0.0.1:5000")).toBe(true);
    expect(isLoopback("localhost")).toBe(true);
    expect(isLoopback("[::1]:5000")).toBe(true);
    expect(isLoopback("registry.example.com")).toBe(false);
    expect(allowsPlainHttp("127.0.0.1:5000", ["loopback"])).toBe(true);
    expect(allowsPlainHttp("registry.local:5000", ["loopback"])).toBe(false);
    expect(allowsPlainHttp("registry.local:5000", ["registry.local"])).toBe(true);
    expect(allowsPlainHttp("registry.local:5000", ["registry.local:5001"])).toBe(false);
    expect(normalizeRegistryKey("https://index.docker.io/v1/")).toBe("registry-1.docker.io");
    expect(normalizeRegistryKey("http://127.0.0.1:5000")).toBe("127.0.0.1:5000");
  });
});

describe("Dockerfile discovery", () => {
  it("reads FROM lines, skipping stage aliases, scratch and unresolvable args", () => {
    const text = [
      "# syntax=docker/dockerfile:1",
      "ARG BASE=debian:12-slim",
      "ARG NODE_VERSION",
      "FROM --platform=$BUILDPLATFORM node:20-alpine AS build",
      "RUN npm ci",
      "FROM ${BASE} AS runtime",
      "COPY --from=build /app /app",
      "FROM build AS test",
      "FROM scratch",
      "from \\",
      "  gcr.io/distroless/static:nonroot",
      "FROM node:${NODE_VERSION}",
      "FROM node:${NODE_VERSION:-22}-slim",
    ].join("\n");
    const { images, unresolved } = dockerfileImages(text, "Dockerfile");
    expect(images).toEqual([
      { reference: "node:20-alpine", path: "Dockerfile", line: 4 },
      { reference: "debian:12-slim", path: "Dockerfile", line: 6 },
      { reference: "gcr.io/distroless/static:nonroot", path: "Dockerfile", line: 10 },
      { reference: "node:22-slim", path: "Dockerfile", line: 13 },
    ]);
    expect(unresolved).toEqual([{ reference: "node:${NODE_VERSION}", path: "Dockerfile", line: 12 }]);
  });

  it("reads Kubernetes containers, init containers and CronJob templates with their lines", () => {
    const text = [
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata: { name: web }",
      "spec:",
      "  template:",
      "    spec:",
      "      initContainers:",
      "        - name: migrate",
      "          image: ghcr.io/org/migrate:2",
      "      containers:",
      "        - name: web",
      "          image: ghcr.io/org/web:1.0",
      "          env: [{ name: image, value: not-an-image }]",
      "---",
      "apiVersion: batch/v1",
      "kind: CronJob",
      "spec:",
      "  jobTemplate:",
      "    spec:",
      "      template:",
      "        spec:",
      "          containers:",
      "            - { name: job, image: 'busybox:1.36' }",
    ].join("\n");
    expect(yamlImages(text, "k8s/web.yaml", false).images).toEqual([
      { reference: "ghcr.io/org/migrate:2", path: "k8s/web.yaml", line: 9 },
      { reference: "ghcr.io/org/web:1.0", path: "k8s/web.yaml", line: 12 },
      { reference: "busybox:1.36", path: "k8s/web.yaml", line: 23 },
    ]);
  });

  it("reads Compose services and reports a broken Compose file", async () => {
    const root = gitRepo({
      "compose.yaml": "services:\n  db:\n    image: postgres:16\n  app:\n    build: .\n  cache:\n    image: ${CACHE_IMAGE}\n",
      "deploy/docker-compose.prod.yml": "services:\n  web: [unclosed\n",
      "Dockerfile": "FROM python:3.12-slim\n",
      "docs/notes.yaml": "title: not kubernetes\nimage: nope:1\n",
      "chart/templates/deploy.yaml": "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - image: {{ .Values.image }}\n",
    });
    try {
      const discovery = await discoverImages(root, ["Dockerfile", "chart/templates/deploy.yaml", "compose.yaml", "deploy/docker-compose.prod.yml", "docs/notes.yaml"]);
      expect(discovery.images).toEqual([
        { reference: "python:3.12-slim", path: "Dockerfile", line: 1 },
        { reference: "postgres:16", path: "compose.yaml", line: 3 },
      ]);
      expect(discovery.unresolved.map((u) => u.reference)).toEqual(["${CACHE_IMAGE}"]);
      expect(discovery.problems).toHaveLength(1);
      expect(discovery.problems[0]?.path).toBe("deploy/docker-compose.prod.yml");
    } finally {
      removeDir(root);
    }
  });
});

describe("OS package databases", () => {
  it("reads installed dpkg packages with their source package", () => {
    expect(parseDpkgStatus(dpkgStatus("3.0.11-1~deb12u2"))).toEqual([
      { name: "libssl3", version: "3.0.11-1~deb12u2", source: "openssl", sourceVersion: "3.0.11-1~deb12u2", manager: "dpkg" },
      { name: "base-files", version: "12.4+deb12u5", source: "base-files", sourceVersion: "12.4+deb12u5", manager: "dpkg" },
    ]);
  });

  it("reads apk installed records with their origin", () => {
    const text = "C:Q1abc=\nP:libcrypto3\nV:3.1.4-r5\nA:x86_64\no:openssl\n\nP:musl\nV:1.2.4_git20230717-r4\no:musl\n\n";
    expect(parseApkInstalled(text).map((p) => [p.name, p.source, p.version])).toEqual([
      ["libcrypto3", "openssl", "3.1.4-r5"],
      ["musl", "musl", "1.2.4_git20230717-r4"],
    ]);
  });

  it("maps os-release to OSV ecosystems", () => {
    expect(osvEcosystem(parseOsRelease('ID=debian\nVERSION_ID="12"\n'))).toBe("Debian:12");
    expect(osvEcosystem(parseOsRelease("ID=alpine\nVERSION_ID=3.19.1\n"))).toBe("Alpine:v3.19");
    expect(osvEcosystem(parseOsRelease("ID=debian\n"))).toBeUndefined();
    expect(osvEcosystem(parseOsRelease('ID="fedora"\nVERSION_ID=40\n'))).toBeUndefined();
    expect(parseOsRelease("garbage")).toBeUndefined();
  });
});

describe("parsers on arbitrary input", () => {
  it("never crash or hang", () => {
    const text = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.array(fc.constantFrom("FROM ", "ARG ", "AS ", "${", "}", "\\\n", "\n", "#", "image: ", "containers:\n  - ", "P:", "V:", "Package: ", "Version: ", "Source: x (", ":", " ", "a", "-"), { maxLength: 60 }).map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(text, (input) => {
        dockerfileImages(input, "Dockerfile");
        yamlImages(input, "x.yaml", false);
        yamlImages(input, "compose.yaml", true);
        parseDpkgStatus(input);
        parseApkInstalled(input);
        osvEcosystem(parseOsRelease(input));
      }),
      { numRuns: 300 },
    );
  });
});
