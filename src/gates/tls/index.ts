// The tls gate: certificate files in the repository (X.509 inspector) and live endpoints (TLS prober).
import { globMatcher, listFiles } from "../../core/files.js";
import { ConfigurationError } from "../../core/errors.js";
import { makeFinding } from "../../core/finding.js";
import { parseDuration } from "../../core/duration.js";
import { evaluateBySeverity } from "../../core/severity.js";
import type { Finding, Gate, GateContext, GateScan, RuleMeta } from "../../core/types.js";
import { ENDPOINT_RULES, PROFILES, probeEndpoints, type Endpoint, type ProtocolName } from "../../scanners/tls-probe/index.js";
import { CERT_RULES, inspectFiles } from "../../scanners/x509/index.js";
import { schema, type EndpointOption, type TlsOptions } from "./schema.js";

/** What discovery reads when the policy names no certificates. */
export const DISCOVERY_GLOBS = ["**/*.pem", "**/*.crt", "**/*.cer", "**/*.der", "**/*.p7b", "**/*.p7c", "**/*.p12", "**/*.pfx"];
/** Always searched for private keys that match a certificate. */
const KEY_GLOBS = ["**/*.key"];

const SYSTEM_CA_FILES = ["/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/cert.pem", "/etc/ssl/ca-bundle.pem"];

export function rules(): RuleMeta[] {
  return [...Object.values(CERT_RULES), ...Object.values(ENDPOINT_RULES)];
}

/** "host:port", "[v6]:port" or an object with `endpoint`; defaults come from the gate options. */
export function parseEndpoint(raw: string | EndpointOption, options: TlsOptions): Endpoint {
  const spec = typeof raw === "string" ? { endpoint: raw } : raw;
  const text = spec.endpoint.trim();
  const match = /^\[([^\]]+)\]:(\d+)$/.exec(text) ?? /^([^:\s]+):(\d+)$/.exec(text);
  const port = Number(match?.[2]);
  if (!match?.[1] || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigurationError(`tls endpoint "${text}" is not host:port`, undefined, 'write endpoints as "host:port", e.g. "api.example.com:443"');
  }
  const endpoint: Endpoint = {
    host: match[1],
    port,
    label: text,
    connectTimeoutMs: parseDuration(spec["connect-timeout"] ?? options["connect-timeout"]) ?? 3000,
    handshakeTimeoutMs: parseDuration(spec["handshake-timeout"] ?? options["handshake-timeout"]) ?? 5000,
    totalTimeoutMs: parseDuration(spec["endpoint-timeout"] ?? options["endpoint-timeout"]) ?? 30_000,
  };
  if (spec.servername) endpoint.servername = spec.servername;
  if (spec.starttls) endpoint.starttls = spec.starttls;
  if (spec.ca) endpoint.ca = spec.ca.replace(/^\.\//, "");
  return endpoint;
}

async function scan(ctx: GateContext<TlsOptions>): Promise<GateScan> {
  const options = ctx.options;
  const findings: Finding[] = [];
  const metrics: Record<string, number> = {};
  const notes: string[] = [];
  const scanner = { root: ctx.root, signal: ctx.signal, log: ctx.log };

  // Certificate files: the policy's globs, or discovery by extension.
  const named = options.certificates.length > 0;
  const include = options.include.length > 0 ? globMatcher(options.include) : () => true;
  const listed = await listFiles(ctx.root, {
    include: named ? options.certificates : [...DISCOVERY_GLOBS, ...KEY_GLOBS],
    exclude: options.exclude,
    ...(ctx.changedFiles ? { changedFiles: ctx.changedFiles } : {}),
    signal: ctx.signal,
  });
  const files = listed.filter(include);
  const certFiles = named ? [...files] : files.filter(globMatcher(DISCOVERY_GLOBS));
  if (named) {
    const keyFiles = await listFiles(ctx.root, {
      include: KEY_GLOBS,
      exclude: options.exclude,
      ...(ctx.changedFiles ? { changedFiles: ctx.changedFiles } : {}),
      signal: ctx.signal,
    });
    const seen = new Set(files);
    for (const k of keyFiles.filter(include)) if (!seen.has(k)) files.push(k);
  }
  if (named && certFiles.length === 0 && !ctx.changedFiles) {
    findings.push(
      makeFinding({
        ruleId: CERT_RULES.missingInput.id,
        gate: "tls",
        severity: CERT_RULES.missingInput.severity,
        message: `The certificates globs (${options.certificates.join(", ")}) match no file: fix them in the policy.`,
        key: options.certificates.join("\0"),
      }),
    );
  }
  if (files.length > 0) {
    const passwordVar = options["pkcs12-password-env"];
    const password = passwordVar ? ctx.env[passwordVar] : undefined;
    if (passwordVar && password === undefined) notes.push(`pkcs12-password-env names ${passwordVar}, which is not set`);
    const result = await inspectFiles(
      { files, now: ctx.now, minDaysLeft: options["min-days-left"], allowSelfSigned: options["allow-self-signed"], passwords: password ? [password] : [], gate: "tls" },
      scanner,
    );
    findings.push(...result.findings);
    Object.assign(metrics, result.metrics);
  }

  // Live endpoints.
  const endpoints = options.endpoints.map((e) => parseEndpoint(e, options));
  // --changed checks what a change touched; live endpoints are not part of a change (and the pre-push
  // hook must stay fast), so they are left to full runs.
  if (endpoints.length > 0 && ctx.changedFiles) {
    notes.push(`${endpoints.length} endpoint(s) not probed with --changed: they are checked on full runs`);
  } else if (endpoints.length > 0) {
    const minProtocol: ProtocolName = options["min-protocol"] ?? PROFILES[options.profile].minProtocol;
    const systemCaFiles = ctx.env.SSL_CERT_FILE ? [ctx.env.SSL_CERT_FILE] : SYSTEM_CA_FILES;
    const result = await probeEndpoints(
      { endpoints, profile: options.profile, minProtocol, minDaysLeft: options["min-days-left"], now: ctx.now, systemCaFiles, concurrency: options.concurrency, gate: "tls" },
      scanner,
    );
    findings.push(...result.findings);
    notes.push(...(result.notes ?? []));
    Object.assign(metrics, result.metrics);
  }

  const probed = endpoints.length > 0 && !ctx.changedFiles;
  if (certFiles.length === 0 && !probed && !named) {
    return {
      findings: [],
      metrics: {},
      skipped: ctx.changedFiles
        ? "no certificate file changed (endpoints are probed on full runs only)"
        : "no certificate files (*.pem, *.crt, *.cer, *.der, *.p7b, *.p12, *.pfx) and no endpoints in the policy: add tls.endpoints or tls.certificates",
    };
  }
  return { findings, metrics, ...(notes.length > 0 ? { notes } : {}) };
}

export const gate: Gate<TlsOptions> = {
  id: "tls",
  title: "TLS and certificates",
  description: "Certificate files in the repository (expiry, key and signature strength, self-signed, SAN, exposed keys) and live endpoints (chain, host name, protocols, cipher suites, Mozilla profile).",
  schema,
  rules,
  scan,
  evaluate: (result, options) => evaluateBySeverity(result, options),
};
