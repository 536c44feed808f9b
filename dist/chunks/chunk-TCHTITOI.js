#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  parseDuration
} from "./chunk-RSC3HFTQ.js";
import {
  external_exports
} from "./chunk-C5CGFLPB.js";

// src/gates/tls/schema.ts
var duration = external_exports.string().refine((v) => parseDuration(v) !== void 0, { message: "expected a duration such as 500ms, 3s or 1m" });
var hostPort = external_exports.string().regex(/^(\[[0-9A-Fa-f:.]+\]|[^\s:[\]]+):\d{1,5}$/, { message: 'expected "host:port", e.g. "api.example.com:443"' });
var protocol = external_exports.enum(["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"]);
var endpointObject = external_exports.object({
  endpoint: hostPort.describe("host:port ([v6::addr]:port for IPv6)"),
  servername: external_exports.string().optional().describe("SNI name and the name the certificate must match (default: the host)"),
  starttls: external_exports.enum(["smtp"]).optional().describe("protocol to upgrade with STARTTLS before the TLS handshake"),
  ca: external_exports.string().optional().describe("repository-relative PEM bundle of extra trusted CAs for this endpoint"),
  "connect-timeout": duration.optional().describe("TCP connect timeout for this endpoint"),
  "handshake-timeout": duration.optional().describe("TLS handshake (and STARTTLS) timeout for this endpoint"),
  "endpoint-timeout": duration.optional().describe("budget for all the checks of this endpoint")
});
var schema = external_exports.object({
  certificates: external_exports.array(external_exports.string()).default([]).describe("globs of certificate files to inspect; empty discovers *.pem, *.crt, *.cer, *.der, *.p7b, *.p7c, *.p12, *.pfx"),
  endpoints: external_exports.array(external_exports.union([hostPort, endpointObject])).default([]).describe("live endpoints to probe: host:port strings or objects"),
  "min-days-left": external_exports.number().int().min(0).default(30).describe("a certificate expiring within this many days is reported"),
  "min-protocol": protocol.optional().describe("lowest protocol version an endpoint may accept (default: the profile's, TLSv1.2 for intermediate)"),
  profile: external_exports.enum(["modern", "intermediate", "old"]).default("intermediate").describe("Mozilla server-side TLS profile the endpoints' cipher suites are held to"),
  "allow-self-signed": external_exports.array(external_exports.string()).default([]).describe("globs of certificate paths where self-signed leaf certificates are fine"),
  "pkcs12-password-env": external_exports.string().optional().describe("environment variable holding the password of PKCS#12 files (the empty password is always tried)"),
  "connect-timeout": duration.default("3s").describe("TCP connect timeout per probe"),
  "handshake-timeout": duration.default("5s").describe("TLS handshake (and STARTTLS) timeout per probe"),
  "endpoint-timeout": duration.default("30s").describe("budget for all the checks of one endpoint; unfinished checks are reported"),
  concurrency: external_exports.number().int().min(1).max(256).default(32).describe("endpoints probed at once")
});

export {
  schema
};
