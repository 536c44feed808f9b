// The probes against one endpoint: one full handshake (chain, host name, certificate) with Node's
// TLS client, and raw ClientHellos for protocol versions and cipher suites.
import { X509Certificate } from "node:crypto";
import type { Socket } from "node:net";
import { checkServerIdentity, connect as tlsConnect, type DetailedPeerCertificate, type SecureContext } from "node:tls";
import { buildClientHello, ServerHelloReader, alertName, type HelloOptions } from "./client-hello.js";
import { describeNetError, openStream, ProbeError, type Endpoint } from "./connect.js";

export type HelloOutcome =
  | { accepted: true; version: number; suite: number; helloRetry: boolean; dhBits?: number; secureRenegotiation: boolean }
  | { accepted: false; reason: string; failure?: "connect" | "timeout" | "not-tls" };

/** Sends one ClientHello and reads the server's first answer. */
export async function helloProbe(endpoint: Endpoint, hello: HelloOptions, signal: AbortSignal, keyExchange = false): Promise<HelloOutcome> {
  let socket: Socket;
  try {
    socket = await openStream(endpoint, signal);
  } catch (error) {
    return { accepted: false, reason: error instanceof Error ? error.message : String(error), failure: "connect" };
  }
  return new Promise((resolve) => {
    const reader = new ServerHelloReader(keyExchange);
    let done = false;
    const finish = (outcome: HelloOutcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(
      () => finish({ accepted: false, reason: `no answer within ${endpoint.handshakeTimeoutMs} ms`, failure: "timeout" }),
      endpoint.handshakeTimeoutMs,
    );
    const onAbort = () => finish({ accepted: false, reason: "aborted", failure: "connect" });
    signal.addEventListener("abort", onAbort, { once: true });
    socket.on("data", (chunk: Buffer) => {
      const answer = reader.push(chunk);
      if (!answer) return;
      if (answer.kind === "hello") {
        const { version, suite, helloRetry, secureRenegotiation } = answer;
        finish({ accepted: true, version, suite, helloRetry, secureRenegotiation, ...(answer.dhBits !== undefined ? { dhBits: answer.dhBits } : {}) });
      }
      else if (answer.kind === "alert") finish({ accepted: false, reason: `alert ${alertName(answer.description)}` });
      else finish({ accepted: false, reason: `the server sent ${answer.detail}`, failure: "not-tls" });
    });
    const early = (reason: string) => {
      const hello = reader.partial;
      if (hello?.kind === "hello") finish({ accepted: true, version: hello.version, suite: hello.suite, helloRetry: hello.helloRetry, secureRenegotiation: hello.secureRenegotiation });
      else finish({ accepted: false, reason });
    };
    socket.on("error", (error) => early(describeNetError(error)));
    socket.on("close", () => early("connection closed"));
    socket.write(buildClientHello(hello));
  });
}

export interface PeerCertificate {
  cert: X509Certificate;
  der: Uint8Array;
}

export type HandshakeOutcome =
  | {
      ok: true;
      protocol: string;
      cipher: string;
      /** Leaf first, then the issuers OpenSSL found (sent by the server or from the trust store). */
      chain: PeerCertificate[];
      authorized: boolean;
      authorizationError?: string;
      hostnameError?: string;
      ephemeral?: { type: string; size?: number };
    }
  | { ok: false; stage: ProbeError["stage"]; reason: string };

/** A full handshake as a permissive client: it verifies but never refuses, so every defect is seen. */
export async function fullHandshake(endpoint: Endpoint, secureContext: SecureContext, signal: AbortSignal): Promise<HandshakeOutcome> {
  let socket: Socket;
  try {
    socket = await openStream(endpoint, signal);
  } catch (error) {
    return error instanceof ProbeError ? { ok: false, stage: error.stage, reason: error.message } : { ok: false, stage: "connect", reason: String(error) };
  }
  const name = endpoint.servername ?? endpoint.host;
  return new Promise((resolve) => {
    let done = false;
    const tls = tlsConnect({
      socket,
      secureContext,
      // tollgate-ignore sast/js-tls-reject-unauthorized: the prober reports chain errors instead of refusing the handshake
      rejectUnauthorized: false,
      // tollgate-ignore sast/js-tls-no-hostname-check: the host name is checked apart below, so authorizationError speaks of the chain alone
      checkServerIdentity: () => undefined,
      ...(isIpAddress(name) ? {} : { servername: name }),
    });
    const finish = (outcome: HandshakeOutcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      tls.destroy();
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(
      () => finish({ ok: false, stage: "handshake", reason: `TLS handshake not completed within ${endpoint.handshakeTimeoutMs} ms` }),
      endpoint.handshakeTimeoutMs,
    );
    const onAbort = () => finish({ ok: false, stage: "aborted", reason: "aborted" });
    signal.addEventListener("abort", onAbort, { once: true });
    tls.on("error", (error) => finish({ ok: false, stage: "handshake", reason: tlsErrorText(error) }));
    tls.on("close", () => finish({ ok: false, stage: "handshake", reason: "connection closed during the TLS handshake" }));
    tls.once("secureConnect", () => {
      const peer = tls.getPeerCertificate(true);
      const chain = peerChain(peer);
      const leaf = chain[0];
      const identity = leaf && peer.raw ? checkServerIdentity(name, peer) : undefined;
      const cipher = tls.getCipher();
      const ephemeral = tls.getEphemeralKeyInfo();
      const error = tls.authorizationError as unknown;
      const outcome: HandshakeOutcome = {
        ok: true,
        protocol: tls.getProtocol() ?? "unknown",
        cipher: cipher.standardName || cipher.name,
        chain,
        authorized: tls.authorized,
      };
      if (!tls.authorized && error !== undefined && error !== null) {
        outcome.authorizationError = typeof error === "string" ? error : ((error as { code?: string }).code ?? String(error));
      }
      if (identity) outcome.hostnameError = identity.message;
      if (ephemeral && typeof ephemeral === "object" && "type" in ephemeral && typeof ephemeral.type === "string") {
        outcome.ephemeral = { type: ephemeral.type, ...(typeof ephemeral.size === "number" ? { size: ephemeral.size } : {}) };
      }
      finish(outcome);
    });
  });
}

function peerChain(peer: DetailedPeerCertificate): PeerCertificate[] {
  const chain: PeerCertificate[] = [];
  const seen = new Set<string>();
  let current: DetailedPeerCertificate | undefined = peer;
  while (current?.raw && !seen.has(current.fingerprint256)) {
    seen.add(current.fingerprint256);
    try {
      chain.push({ cert: new X509Certificate(current.raw), der: current.raw });
    } catch {
      break;
    }
    current = current.issuerCertificate;
  }
  return chain;
}

function tlsErrorText(error: unknown): string {
  const e = error as { code?: string; message?: string; reason?: string };
  if (e.code === "ECONNRESET") return "connection reset by the server during the TLS handshake";
  return e.reason ?? e.message ?? String(error);
}

function isIpAddress(name: string): boolean {
  return /^[\d.]+$/.test(name) || name.includes(":");
}
