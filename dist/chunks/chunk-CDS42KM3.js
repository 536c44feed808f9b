#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  external_exports
} from "./chunk-C5CGFLPB.js";

// src/gates/container/schema.ts
var registryAuth = external_exports.object({
  "username-env": external_exports.string().min(1).describe("environment variable holding the user name"),
  "password-env": external_exports.string().min(1).describe("environment variable holding the password or token")
}).describe("basic credentials read from environment variables (never written in the policy)");
var LAYER_EXCLUDE_DEFAULT = [
  "usr/share/**",
  "usr/include/**",
  "usr/lib/**",
  "usr/lib64/**",
  "lib/**",
  "lib64/**",
  "usr/local/lib/**",
  "usr/local/go/**",
  "usr/local/include/**",
  "etc/ssl/certs/**",
  "var/lib/dpkg/**",
  "var/lib/apt/**",
  "var/cache/**",
  "**/node_modules/**",
  "**/site-packages/**",
  "**/dist-packages/**",
  "**/vendor/**",
  "**/*.md"
];
var schema = external_exports.object({
  images: external_exports.array(external_exports.string().min(1)).default([]).describe("image references to inspect, by tag or digest, e.g. registry.example.com/team/app:1.4.2"),
  discover: external_exports.boolean().default(false).describe("also inspect the images named in Dockerfile FROM lines, Kubernetes manifests and Compose files"),
  platform: external_exports.string().regex(/^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/, "os/architecture[/variant], e.g. linux/amd64").default("linux/amd64").describe("platform picked from multi-platform images (manifest lists, OCI indexes)"),
  "insecure-registries": external_exports.array(external_exports.string().min(1)).default(["loopback"]).describe('registries reached over plain HTTP, as host or host:port; "loopback" means localhost, 127.0.0.0/8 and ::1'),
  registries: external_exports.record(external_exports.string(), external_exports.object({ auth: registryAuth.optional() })).default({}).describe("per-registry settings keyed by host or host:port; otherwise credentials come from ~/.docker/config.json auths"),
  "max-age-days": external_exports.number().int().positive().default(365).describe("an image built longer ago than this is reported"),
  "require-digest": external_exports.boolean().default(false).describe("report references that are not pinned by digest (@sha256:...)"),
  "required-labels": external_exports.array(external_exports.string().min(1)).default([]).describe('labels every image must carry; a bare name means an OCI label, e.g. "source" = org.opencontainers.image.source'),
  "max-size-mb": external_exports.number().positive().optional().describe("report images whose compressed size is above this many MB"),
  "sensitive-ports": external_exports.array(external_exports.number().int().min(1).max(65535)).default([22, 23, 2375, 3389]).describe("exposed ports that are reported (SSH, telnet, the Docker daemon's plain port, RDP)"),
  healthcheck: external_exports.boolean().default(true).describe("report images without a HEALTHCHECK"),
  layers: external_exports.boolean().default(false).describe("stream every layer: secrets in files, and OS packages matched against OSV advisories"),
  "osv-database": external_exports.string().optional().describe("offline OSV database (directory or zip) for the OS package match; default: online"),
  "layer-limits": external_exports.object({
    "max-total-mb": external_exports.number().positive().default(4096).describe("uncompressed bytes read per image"),
    "max-files": external_exports.number().int().positive().default(5e5).describe("tar entries read per image"),
    "max-ratio": external_exports.number().positive().default(100).describe("uncompressed/compressed ratio treated as a decompression bomb"),
    "max-file-kb": external_exports.number().positive().default(1024).describe("larger files are not searched for secrets")
  }).prefault({}).describe("bounds on layer streaming; hitting one is reported and the rest of the image is skipped"),
  "layer-exclude": external_exports.array(external_exports.string()).default(LAYER_EXCLUDE_DEFAULT).describe("globs of image paths (no leading /) not searched for secrets; the default skips distribution and third-party package trees"),
  "request-timeout": external_exports.number().int().positive().default(2e4).describe("milliseconds to wait for each registry request"),
  retries: external_exports.number().int().min(0).max(5).default(2).describe("retries of transient registry failures (timeouts, resets, 5xx)"),
  concurrency: external_exports.number().int().min(1).max(32).default(8).describe("images inspected at once")
});

export {
  schema
};
