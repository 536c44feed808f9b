// The TLS endpoint prober: per endpoint, a full verified handshake plus raw ClientHello probes for
// protocol versions, weak suites, forward secrecy and the Mozilla profile; endpoints run concurrently.
import { setMaxListeners } from "node:events";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createSecureContext, rootCertificates, type SecureContext } from "node:tls";
import { makeFinding } from "../../core/finding.js";
import type { Finding, RuleMeta, Scanner, ScannerContext, ScanResult, Severity } from "../../core/types.js";
import { certFacts, inspectCertificate, type CertFacts } from "../x509/inspect.js";
import { CERT_RULES } from "../x509/rules.js";
import { CIPHER_SUITES, forwardSecret, suiteById, suiteName, weakCategory, type WeakCategory } from "./cipher-suites.js";
import { PROTOCOLS, VERSION_CODES, type ProtocolName } from "./client-hello.js";
import { ProbeError, resolveEndpoint, type Endpoint } from "./connect.js";
import { fullHandshake, helloProbe, type HandshakeOutcome, type HelloOutcome } from "./probe.js";
import { PROFILES, type ProfileName } from "./profiles.js";
import { ENDPOINT_RULES } from "./rules.js";

export { ENDPOINT_RULES } from "./rules.js";
export { PROFILES, type ProfileName } from "./profiles.js";
export { PROTOCOLS, type ProtocolName } from "./client-hello.js";
export type { Endpoint } from "./connect.js";

export interface TlsProbeInput {
  endpoints: Endpoint[];
  profile: ProfileName;
  minProtocol: ProtocolName;
  minDaysLeft: number;
  now: Date;
  /** Absolute paths of system CA bundles to trust besides Node's bundled roots (missing files are skipped). */
  systemCaFiles: string[];
  /** Endpoints probed at once. */
  concurrency: number;
  gate?: string;
}

export interface EndpointReport {
  label: string;
  reachable: boolean;
  /** Why the endpoint could not be checked, when it could not. */
  error?: string;
  /** Whether the server accepts each protocol version. */
  protocols: Partial<Record<ProtocolName, boolean>>;
  negotiated?: { protocol: string; cipher: string };
  /** Suites the probes saw accepted, per version (weak and out-of-profile suites are enumerated in full). */
  suites: Partial<Record<ProtocolName, string[]>>;
  /** Per TLS 1.0-1.2 version the server accepts: does it offer an ephemeral key exchange? */
  forwardSecrecy: Partial<Record<ProtocolName, boolean>>;
  certificates: CertFacts[];
  authorized?: boolean;
  authorizationError?: string;
  hostnameError?: string;
  probes: number;
  durationMs: number;
  /** Versions whose probe got no answer in time (counted as not accepted). */
  unanswered?: ProtocolName[];
  /** Size of the finite-field DH group the server uses for DHE suites, when it has any. */
  dhBits?: number;
  /** The endpoint's time budget ran out before every probe finished. */
  incomplete?: boolean;
}

const LEGACY_SUITES = CIPHER_SUITES.filter((s) => !s.tls13).map((s) => s.id);
const TLS13_SUITES = CIPHER_SUITES.filter((s) => s.tls13).map((s) => s.id);
/**
 * What real servers pick from: some middleboxes refuse very long suite lists, so the version probes
 * offer these first and the rare rest only when the server turned the first offer down.
 */
const COMMON_LEGACY = CIPHER_SUITES.filter(
  (s) => !s.tls13 && ["ECDHE", "DHE", "RSA"].includes(s.kx) && ["RSA", "ECDSA", "DSS"].includes(s.auth) && !s.export && /^(AES|CHACHA20|3DES|RC4_128|CAMELLIA)/.test(s.cipher),
).map((s) => s.id);
const RARE_LEGACY = LEGACY_SUITES.filter((id) => !COMMON_LEGACY.includes(id));
/** Alerts that say "not this version" rather than "none of these suites". */
const VERSION_REFUSALS = new Set(["alert protocol_version", "alert inappropriate_fallback"]);
const DHE_SUITES = CIPHER_SUITES.filter((s) => !s.tls13 && s.kx === "DHE" && s.auth !== "anon" && !s.export).map((s) => s.id);
const FS_SUITES = CIPHER_SUITES.filter((s) => !s.tls13 && forwardSecret(s)).map((s) => s.id);

const WEAK_SEVERITY: Record<WeakCategory, Severity> = {
  NULL: "critical", anonymous: "critical", EXPORT: "critical", RC4: "high", DES: "high", RC2: "high", "3DES": "high", IDEA: "high",
};

const ENUMERATION_GROUPS = 4;
const DEFAULT_TOTAL_TIMEOUT_MS = 30_000;

function rank(version: ProtocolName): number {
  return VERSION_CODES[version];
}

/** Verifies against Node's bundled roots, the system bundle and the endpoint's own CA bundle. */
class TrustStore {
  private contexts = new Map<string, Promise<SecureContext>>();
  /** System certificates Node does not bundle (locally added CAs...): parsing all 140 roots again costs ~100 ms. */
  private systemExtras: Promise<string[]>;

  constructor(systemCaFiles: string[]) {
    const bundled = new Set(rootCertificates.map(normalizePem));
    this.systemExtras = Promise.all(systemCaFiles.map((f) => readFile(f, "utf8").catch(() => ""))).then((texts) =>
      texts.flatMap((t) => t.match(PEM_CERT) ?? []).filter((pem) => !bundled.has(normalizePem(pem))),
    );
  }

  context(extraPem: string | undefined): Promise<SecureContext> {
    const key = extraPem ?? "";
    let ctx = this.contexts.get(key);
    if (!ctx) {
      ctx = this.systemExtras.then((extras) => {
        const additions = extraPem ? [...extras, ...(extraPem.match(PEM_CERT) ?? [])] : extras;
        // tollgate-ignore sast/js-tls-old-protocol: a prober must see old protocols and weak certificates to report them
        const base = { ciphers: "ALL:@SECLEVEL=0", minVersion: "TLSv1", maxVersion: "TLSv1.3" } as const;
        const context = createSecureContext(base);
        // Node keeps its bundled roots when `ca` is absent; adding to that store is much cheaper than `ca: [...]`.
        const native = (context as unknown as { context?: { addCACert?: (pem: string) => void } }).context;
        if (typeof native?.addCACert === "function") {
          for (const pem of additions) native.addCACert(pem);
          return context;
        }
        return createSecureContext({ ...base, ca: [...rootCertificates, ...additions] });
      });
      this.contexts.set(key, ctx);
    }
    return ctx;
  }
}

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

function normalizePem(pem: string): string {
  return pem.replace(/\s+/g, "");
}

interface ProbeOptions {
  profile: ProfileName;
  minProtocol: ProtocolName;
  minDaysLeft: number;
  now: Date;
  /** Awaited by the full handshake only, so raw probes start while the trust store loads. */
  secureContext: Promise<SecureContext>;
  signal: AbortSignal;
  gate: string;
}

export async function probeEndpoint(target: Endpoint, options: ProbeOptions): Promise<{ report: EndpointReport; findings: Finding[] }> {
  const started = performance.now();
  const resolved = await resolveEndpoint(target, options.signal);
  if (resolved instanceof ProbeError) {
    const report: EndpointReport = { label: target.label, reachable: false, error: resolved.message, protocols: {}, suites: {}, forwardSecrecy: {}, certificates: [], probes: 0, durationMs: Math.round(performance.now() - started) };
    const findings =
      resolved.stage === "aborted"
        ? []
        : [
            makeFinding({
              ruleId: ENDPOINT_RULES.unreachable.id,
              gate: options.gate,
              severity: ENDPOINT_RULES.unreachable.severity,
              message: `Could not reach ${target.label}: ${resolved.message}.`,
              key: `${target.label}\0unreachable`,
              ...(ENDPOINT_RULES.unreachable.helpUri ? { helpUri: ENDPOINT_RULES.unreachable.helpUri } : {}),
              properties: { endpoint: target.label, reason: resolved.message },
            }),
          ];
    return { report, findings };
  }
  const endpoint = resolved;
  const controller = new AbortController();
  const onParentAbort = () => controller.abort();
  options.signal.addEventListener("abort", onParentAbort, { once: true });
  if (options.signal.aborted) controller.abort();
  // Dozens of probes per endpoint listen to this signal at once; that is by design, not a leak.
  setMaxListeners(0, controller.signal);
  const signal = controller.signal;
  const profile = PROFILES[options.profile];
  const servername = endpoint.servername ?? endpoint.host;
  let probes = 0;
  const hello = (version: ProtocolName, suites: readonly number[], keyExchange = false, fallback = false): Promise<HelloOutcome> => {
    probes++;
    return helloProbe(endpoint, { version, suites, servername, ...(fallback ? { fallback } : {}) }, signal, keyExchange);
  };

  /** Offers `candidates` again and again, dropping each suite the server picks, until it refuses. */
  const enumerateChain = async (version: ProtocolName, candidates: readonly number[]): Promise<number[]> => {
    const remaining = new Set(candidates);
    const accepted: number[] = [];
    while (remaining.size > 0 && !signal.aborted) {
      const answer = await hello(version, [...remaining]);
      if (!answer.accepted || answer.version !== VERSION_CODES[version] || !remaining.has(answer.suite)) break;
      accepted.push(answer.suite);
      remaining.delete(answer.suite);
    }
    return accepted;
  };
  // One offer first (a well-configured server refuses it: one connection); after an acceptance the
  // rest is split into interleaved groups enumerated side by side: same connections, a fraction of the wait.
  const enumerate = async (version: ProtocolName, candidates: readonly number[]): Promise<number[]> => {
    if (candidates.length === 0) return [];
    const answer = await hello(version, candidates);
    if (!answer.accepted || answer.version !== VERSION_CODES[version] || !candidates.includes(answer.suite)) return [];
    const rest = candidates.filter((id) => id !== answer.suite);
    const groups = Math.max(1, Math.min(ENUMERATION_GROUPS, Math.ceil(rest.length / 8)));
    const parts = Array.from({ length: groups }, (_, g) => rest.filter((_, i) => i % groups === g));
    return [answer.suite, ...(await Promise.all(parts.map((part) => enumerateChain(version, part)))).flat()];
  };

  interface VersionResult {
    version: ProtocolName;
    accepted: boolean;
    answer: HelloOutcome;
    suites: number[];
    forwardSecret?: boolean;
  }

  const probeVersion = async (version: ProtocolName): Promise<VersionResult> => {
    let answer = await hello(version, version === "TLSv1.3" ? [...TLS13_SUITES, ...COMMON_LEGACY] : COMMON_LEGACY);
    if (version !== "TLSv1.3" && !answer.accepted && !answer.failure && !VERSION_REFUSALS.has(answer.reason)) answer = await hello(version, RARE_LEGACY);
    if (!answer.accepted || answer.version !== VERSION_CODES[version]) return { version, accepted: false, answer, suites: [] };
    const accepted = true;
    const chosen = answer.suite;
    const first = [chosen];
    if (version === "TLSv1.3") {
      const outside = CIPHER_SUITES.filter((s) => s.tls13 && !profile.tls13Suites.has(s.id)).map((s) => s.id);
      return { version, accepted, answer, suites: unique([...first, ...(await enumerate(version, outside))]) };
    }
    // Weak suites are enumerated even where the profile allows them (3DES in "old").
    const suspicious = LEGACY_SUITES.filter((id) => {
      const suite = suiteById(id);
      return suite !== undefined && (weakCategory(suite) !== undefined || !profile.legacySuites.has(id));
    });
    // The first answer already proves forward secrecy when the server picked an (EC)DHE suite.
    const firstSuite = suiteById(chosen);
    const fsProbe = firstSuite && forwardSecret(firstSuite) ? Promise.resolve<HelloOutcome>(answer) : hello(version, FS_SUITES);
    const [fs, found] = await Promise.all([fsProbe, enumerate(version, suspicious)]);
    const forwardSecretOk = fs.accepted && fs.version === VERSION_CODES[version];
    return { version, accepted, answer, suites: unique([...first, ...found]), forwardSecret: forwardSecretOk };
  };

  const handshake: Promise<HandshakeOutcome> = options.secureContext.then((context) => fullHandshake(endpoint, context, signal)).then((outcome) => {
    // Without a TCP connection every other probe is bound to fail too: stop them now.
    if (!outcome.ok && outcome.stage === "connect") controller.abort();
    return outcome;
  });
  probes++;
  // A server answering every probe just before its timeout must not hold the gate for minutes.
  let overBudget = false;
  const budget = setTimeout(() => {
    overBudget = true;
    controller.abort();
  }, endpoint.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS);
  const [main, ...versions] = await Promise.all([handshake, ...PROTOCOLS.map(probeVersion)]);
  // The DH group size (Logjam) shows only in a DHE ServerKeyExchange: one offer at the best TLS 1.0-1.2 version.
  const accepted = versions.filter((v) => v.accepted);
  const legacy = accepted.filter((v) => v.version !== "TLSv1.3").at(-1);
  // A retry below the best version, flagged TLS_FALLBACK_SCSV, must be refused (RFC 7507).
  const below = accepted.length >= 2 ? accepted.at(-2) : undefined;
  const [dh, fallback] = await Promise.all([
    legacy && !signal.aborted ? hello(legacy.version, DHE_SUITES, true) : undefined,
    below && below.version !== "SSLv3" && !signal.aborted ? hello(below.version, COMMON_LEGACY, false, true) : undefined,
  ]);
  clearTimeout(budget);
  options.signal.removeEventListener("abort", onParentAbort);

  const report: EndpointReport = {
    label: endpoint.label,
    reachable: main.ok || main.stage !== "connect",
    protocols: {},
    suites: {},
    forwardSecrecy: {},
    certificates: [],
    probes,
    durationMs: 0,
  };
  const findings: Finding[] = [];
  const add = (rule: RuleMeta, message: string, key: string, properties: Record<string, unknown> = {}, severity: Severity = rule.severity) => {
    findings.push(
      makeFinding({
        ruleId: rule.id,
        gate: options.gate,
        severity,
        message,
        key: `${endpoint.label}\0${key}`,
        ...(rule.helpUri ? { helpUri: rule.helpUri } : {}),
        properties: { endpoint: endpoint.label, ...properties },
      }),
    );
  };

  if (overBudget) {
    report.incomplete = true;
    add(ENDPOINT_RULES.incomplete, `The checks of ${endpoint.label} did not finish within ${endpoint.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS} ms: the server answers slowly, so protocols or suites may be missing from this report.`, "incomplete");
  }
  if (!main.ok && (main.stage === "connect" || main.stage === "aborted")) {
    report.error = main.reason;
    report.durationMs = Math.round(performance.now() - started);
    if (main.stage === "connect") add(ENDPOINT_RULES.unreachable, `Could not reach ${endpoint.label}: ${main.reason}.`, "unreachable", { reason: main.reason });
    return { report, findings };
  }

  const unanswered = versions.filter((v) => !v.answer.accepted && v.answer.failure === "timeout").map((v) => v.version);
  if (unanswered.length > 0) report.unanswered = unanswered;
  for (const v of versions) {
    report.protocols[v.version] = v.accepted;
    if (v.accepted) report.suites[v.version] = v.suites.map(suiteName);
    if (v.forwardSecret !== undefined) report.forwardSecrecy[v.version] = v.forwardSecret;
  }
  const anyAccepted = versions.some((v) => v.accepted);

  if (!main.ok) {
    report.error = main.reason;
    const notTls = versions.find((v) => !v.answer.accepted && v.answer.failure === "not-tls");
    const reason = !anyAccepted && notTls && !notTls.answer.accepted ? `${notTls.answer.reason} (is this port TLS${endpoint.starttls ? "" : ", or does it need starttls"}?)` : main.reason;
    add(ENDPOINT_RULES.handshakeFailed, `No TLS handshake with ${endpoint.label} completed: ${reason}.`, "handshake", { reason, stage: main.stage });
  } else {
    report.negotiated = { protocol: main.protocol, cipher: main.cipher };
    report.authorized = main.authorized;
    if (main.authorizationError) report.authorizationError = main.authorizationError;
    if (main.hostnameError) report.hostnameError = main.hostnameError;
    certificateFindings(endpoint, main, options, report, findings);
    if (main.chain.length === 0) {
      add(ENDPOINT_RULES.untrusted, `${endpoint.label} presents no certificate (anonymous key exchange), so clients cannot tell it from an impostor: configure a certificate and remove anonymous suites.`, "chain", { code: "NO_CERTIFICATE" });
    } else if (!main.authorized && main.authorizationError && !["CERT_HAS_EXPIRED", "CERT_NOT_YET_VALID"].includes(main.authorizationError)) {
      const code = main.authorizationError;
      const leaf = report.certificates[0];
      const incomplete = code === "UNABLE_TO_VERIFY_LEAF_SIGNATURE" || code === "UNABLE_TO_GET_ISSUER_CERT";
      if (incomplete) {
        add(ENDPOINT_RULES.incompleteChain, `${endpoint.label} does not send the certificate of its issuer (${leaf?.issuer ?? "unknown"}), which is not trusted locally either: serve the full chain, or trust its root in the endpoint's ca bundle.`, "chain", { code });
      } else {
        const why = code === "DEPTH_ZERO_SELF_SIGNED_CERT" ? "its certificate is self-signed" : code === "SELF_SIGNED_CERT_IN_CHAIN" ? "its chain ends in a root that is not trusted" : code === "UNABLE_TO_GET_ISSUER_CERT_LOCALLY" ? "the issuer is not in the trust store" : `verification failed (${code})`;
        add(ENDPOINT_RULES.untrusted, `The certificate of ${endpoint.label} is not trusted: ${why}; use a CA-issued certificate or add the CA to the endpoint's ca bundle.`, "chain", { code });
      }
    }
    if (main.hostnameError) {
      add(ENDPOINT_RULES.hostnameMismatch, `The certificate of ${endpoint.label} does not match ${endpoint.servername ?? endpoint.host}: ${main.hostnameError.replace(/\.$/, "")}.`, "hostname", { servername: endpoint.servername ?? endpoint.host });
    }
  }

  const minimum = rank(options.minProtocol);
  for (const v of versions) {
    if (!v.accepted || rank(v.version) >= minimum) continue;
    add(ENDPOINT_RULES.oldProtocol, `${endpoint.label} accepts ${v.version}, below min-protocol ${options.minProtocol}: disable it.`, `protocol:${v.version}`, { protocol: v.version, minProtocol: options.minProtocol }, v.version === "SSLv3" ? "critical" : "high");
  }

  const weak = new Map<WeakCategory, { suites: Set<string>; versions: Set<ProtocolName> }>();
  const outside = new Map<ProtocolName, string[]>();
  for (const v of versions) {
    if (!v.accepted) continue;
    for (const id of v.suites) {
      const suite = suiteById(id);
      if (!suite) continue;
      const category = weakCategory(suite);
      if (category) {
        const entry = weak.get(category) ?? { suites: new Set<string>(), versions: new Set<ProtocolName>() };
        entry.suites.add(suite.name);
        entry.versions.add(v.version);
        weak.set(category, entry);
      } else if (rank(v.version) >= minimum && !(suite.tls13 ? profile.tls13Suites : profile.legacySuites).has(id)) {
        outside.set(v.version, [...(outside.get(v.version) ?? []), suite.name]);
      }
    }
  }
  for (const [category, entry] of weak) {
    const severity = category === "3DES" && options.profile === "old" ? "low" : WEAK_SEVERITY[category];
    const names = [...entry.suites].sort();
    add(ENDPOINT_RULES.weakCipher, `${endpoint.label} accepts ${category} cipher suites (${names.join(", ")}) on ${[...entry.versions].join(", ")}: remove them.`, `weak:${category}`, { category, suites: names, protocols: [...entry.versions] }, severity);
  }
  if (dh?.accepted && dh.dhBits !== undefined) {
    report.dhBits = dh.dhBits;
    const minimum = options.profile === "old" ? 1024 : 2048;
    if (dh.dhBits < minimum) {
      add(ENDPOINT_RULES.weakDh, `${endpoint.label} uses a ${dh.dhBits}-bit Diffie-Hellman group for DHE, below the ${minimum} bits of Mozilla's ${options.profile} profile: use a 2048-bit group (ffdhe2048) or drop DHE suites.`, "dh", { dhBits: dh.dhBits, minimum }, dh.dhBits < 1024 ? "high" : "medium");
    }
  }
  if (below && fallback?.accepted && fallback.version === VERSION_CODES[below.version]) {
    add(ENDPOINT_RULES.noFallbackScsv, `${endpoint.label} accepts a ${below.version} fallback retry marked TLS_FALLBACK_SCSV although it supports ${accepted.at(-1)?.version ?? "a higher version"}: enable RFC 7507 downgrade protection (or drop the old versions).`, "fallback-scsv", { protocol: below.version });
  }
  const noRenegotiationInfo = versions.filter((v) => v.accepted && v.version !== "SSLv3" && v.version !== "TLSv1.3" && v.answer.accepted && !v.answer.secureRenegotiation).map((v) => v.version);
  if (noRenegotiationInfo.length > 0) {
    add(ENDPOINT_RULES.insecureRenegotiation, `${endpoint.label} does not support secure renegotiation (RFC 5746) on ${noRenegotiationInfo.join(", ")}: upgrade the TLS library or disable renegotiation.`, "renegotiation", { protocols: noRenegotiationInfo });
  }
  const noFs = versions.filter((v) => v.accepted && v.forwardSecret === false).map((v) => v.version);
  if (noFs.length > 0) {
    add(ENDPOINT_RULES.noForwardSecrecy, `${endpoint.label} offers no forward-secret key exchange on ${noFs.join(", ")}: enable ECDHE cipher suites.`, "fs", { protocols: noFs }, options.profile === "old" ? "medium" : "high");
  }
  for (const [version, names] of outside) {
    add(ENDPOINT_RULES.outsideProfile, `${endpoint.label} accepts ${names.length} ${version} cipher suite${names.length === 1 ? "" : "s"} outside Mozilla's ${options.profile} profile (${names.join(", ")}): use the profile's cipher list.`, `profile:${version}`, { protocol: version, suites: names, profile: options.profile });
  }
  report.durationMs = Math.round(performance.now() - started);
  return { report, findings };
}

function certificateFindings(endpoint: Endpoint, main: Extract<HandshakeOutcome, { ok: true }>, options: ProbeOptions, report: EndpointReport, findings: Finding[]): void {
  main.chain.forEach(({ cert, der }, index) => {
    const facts = certFacts(cert, der, options.now);
    report.certificates.push(facts);
    const issues = inspectCertificate(facts, { now: options.now, minDaysLeft: options.minDaysLeft, leaf: index === 0, allowSelfSigned: false, skipSelfSigned: true });
    for (const issue of issues) {
      findings.push(
        makeFinding({
          ruleId: issue.rule.id,
          gate: options.gate,
          severity: issue.rule.severity,
          message: `${endpoint.label}: ${issue.message}`,
          key: `${endpoint.label}\0${facts.fingerprint256}`,
          ...(issue.rule.helpUri ? { helpUri: issue.rule.helpUri } : {}),
          properties: { endpoint: endpoint.label, chainIndex: index, ...issue.properties },
        }),
      );
    }
  });
}

function unique(ids: number[]): number[] {
  return [...new Set(ids)];
}

export interface TlsProbeResult extends ScanResult {
  endpoints: EndpointReport[];
}

export async function probeEndpoints(input: TlsProbeInput, ctx: ScannerContext): Promise<TlsProbeResult> {
  const gate = input.gate ?? "tls";
  const trust = new TrustStore(input.systemCaFiles);
  // One listener on the caller's signal; every endpoint listens to this one.
  const run = new AbortController();
  setMaxListeners(0, run.signal);
  const onAbort = () => run.abort();
  if (ctx.signal.aborted) run.abort();
  else ctx.signal.addEventListener("abort", onAbort, { once: true });
  const findings: Finding[] = [];
  const reports: EndpointReport[] = new Array<EndpointReport>(input.endpoints.length);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      const endpoint = input.endpoints[i];
      if (endpoint === undefined || run.signal.aborted) return;
      let extra: string | undefined;
      if (endpoint.ca) {
        try {
          extra = await readFile(join(ctx.root, endpoint.ca), "utf8");
        } catch (error) {
          findings.push(caError(gate, endpoint, `it cannot be read (${error instanceof Error ? error.message : String(error)})`));
        }
        if (extra !== undefined && !extra.includes("-----BEGIN CERTIFICATE-----")) {
          findings.push(caError(gate, endpoint, "it holds no PEM certificate"));
          extra = undefined;
        }
      }
      const secureContext = trust.context(extra).catch((error: unknown) => {
        findings.push(caError(gate, endpoint, `its certificates do not load (${error instanceof Error ? error.message : String(error)})`));
        return trust.context(undefined);
      });
      const { report, findings: found } = await probeEndpoint(endpoint, { ...input, secureContext, signal: run.signal, gate });
      reports[i] = report;
      findings.push(...found);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(input.concurrency, input.endpoints.length)) }, worker));
  ctx.signal.removeEventListener("abort", onAbort);
  const done = reports.filter((r): r is EndpointReport => r !== undefined);
  const notes = done
    .filter((r) => r.unanswered && r.reachable && r.negotiated)
    .map((r) => `${r.label}: no answer to the ${(r.unanswered ?? []).join(", ")} probe(s) in time; counted as not accepted`);
  return {
    findings,
    endpoints: done,
    ...(notes.length > 0 ? { notes } : {}),
    metrics: {
      endpoints: input.endpoints.length,
      endpointsReachable: done.filter((r) => r.reachable).length,
      probes: done.reduce((n, r) => n + r.probes, 0),
    },
  };
}

function caError(gate: string, endpoint: Endpoint, reason: string): Finding {
  return makeFinding({
    ruleId: CERT_RULES.parseError.id,
    gate,
    severity: CERT_RULES.parseError.severity,
    message: `The CA bundle ${endpoint.ca ?? ""} of ${endpoint.label} is not used: ${reason}; fix the ca path or file.`,
    ...(endpoint.ca ? { location: { path: endpoint.ca } } : {}),
    key: endpoint.label,
    ...(CERT_RULES.parseError.helpUri ? { helpUri: CERT_RULES.parseError.helpUri } : {}),
    properties: { endpoint: endpoint.label },
  });
}

export const scanner: Scanner<TlsProbeInput> = {
  id: "tls-probe",
  description: "TLS endpoint prober: handshake and chain, protocol versions, weak suites, forward secrecy, Mozilla profiles",
  scan: probeEndpoints,
};
