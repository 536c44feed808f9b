// Hand-built ClientHello messages and a ServerHello reader (RFC 5246 §7.4.1, RFC 8446 §4.1).
// Only the server's first answer matters: which version and suite it picks, or that it refuses.
// This lets the prober offer suites the local OpenSSL no longer implements (RC4, EXPORT...) and
// skips the key exchange, so each probe costs one round trip.
import { isIP } from "node:net";
import { randomBytes } from "node:crypto";

export const VERSION_CODES = { SSLv3: 0x0300, TLSv1: 0x0301, "TLSv1.1": 0x0302, "TLSv1.2": 0x0303, "TLSv1.3": 0x0304 } as const;
export type ProtocolName = keyof typeof VERSION_CODES;
export const PROTOCOLS = Object.keys(VERSION_CODES) as ProtocolName[];

export function protocolName(code: number): string {
  for (const [name, value] of Object.entries(VERSION_CODES)) if (value === code) return name;
  return `0x${code.toString(16)}`;
}

export interface HelloOptions {
  version: ProtocolName;
  suites: readonly number[];
  /** DNS name for SNI (IP addresses are not sent, RFC 6066 §3). */
  servername?: string;
  /** Signal a fallback retry (TLS_FALLBACK_SCSV, RFC 7507). */
  fallback?: boolean;
}

const GROUPS_LEGACY = [0x001d, 0x0017, 0x0018, 0x0019, 0x001e, 0x0016, 0x0015, 0x0013, 0x0012, 0x0011, 0x0010, 0x000f, 0x000e, 0x000d, 0x000c, 0x000b, 0x000a, 0x0009, 0x001a, 0x001b, 0x001c];
const GROUPS_13 = [0x001d, 0x0017, 0x0018, 0x0019, 0x001e, 0x0100, 0x0101, 0x0102];
const SIGNATURE_ALGORITHMS = [
  0x0403, 0x0503, 0x0603, 0x0807, 0x0808, 0x0804, 0x0805, 0x0806, 0x0809, 0x080a, 0x080b, 0x0401, 0x0501, 0x0601, 0x0303, 0x0301, 0x0302, 0x0402, 0x0502, 0x0602, 0x0203, 0x0201, 0x0202,
];

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}

function u24(n: number): Buffer {
  return Buffer.from([(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);
}

function vector16(body: Buffer): Buffer {
  return Buffer.concat([u16(body.length), body]);
}

function ext(type: number, body: Buffer): Buffer {
  return Buffer.concat([u16(type), vector16(body)]);
}

function list16(values: readonly number[]): Buffer {
  return vector16(Buffer.concat(values.map(u16)));
}

export function buildClientHello(options: HelloOptions): Buffer {
  const version = VERSION_CODES[options.version];
  const tls13 = version === VERSION_CODES["TLSv1.3"];
  const legacyVersion = tls13 ? VERSION_CODES["TLSv1.2"] : version;
  const suites = [...options.suites, ...(version === VERSION_CODES.SSLv3 ? [0x00ff] : []), ...(options.fallback ? [0x5600] : [])];
  const extensions: Buffer[] = [];
  if (version >= VERSION_CODES.TLSv1) {
    if (options.servername && isIP(options.servername) === 0) {
      const name = Buffer.from(options.servername, "ascii");
      extensions.push(ext(0x0000, vector16(Buffer.concat([Buffer.from([0]), vector16(name)]))));
    }
    extensions.push(ext(0x000a, list16(tls13 ? GROUPS_13 : GROUPS_LEGACY)));
    extensions.push(ext(0x000b, Buffer.from([1, 0])));
    if (version >= VERSION_CODES["TLSv1.2"]) extensions.push(ext(0x000d, list16(SIGNATURE_ALGORITHMS)));
    extensions.push(ext(0xff01, Buffer.from([0])));
    extensions.push(ext(0x0017, Buffer.alloc(0)));
    if (tls13) {
      extensions.push(ext(0x002b, Buffer.from([2, 0x03, 0x04])));
      // Any 32 bytes are a valid X25519 public value; the probe never derives the secret.
      extensions.push(ext(0x0033, vector16(Buffer.concat([u16(0x001d), vector16(randomBytes(32))]))));
      extensions.push(ext(0x002d, Buffer.from([1, 1])));
    }
  }
  const sessionId = tls13 ? randomBytes(32) : Buffer.alloc(0);
  const head = Buffer.concat([u16(legacyVersion), randomBytes(32), Buffer.from([sessionId.length]), sessionId, list16(suites), Buffer.from([1, 0])]);
  let extBytes = Buffer.concat(extensions);
  // Some load balancers hang on ClientHellos of 256-511 bytes: pad past them (RFC 7685).
  const length = 4 + head.length + (extensions.length > 0 ? 2 + extBytes.length : 0);
  if (extensions.length > 0 && length >= 256 && length < 512) {
    extBytes = Buffer.concat([extBytes, ext(0x0015, Buffer.alloc(Math.max(1, 512 - length - 4)))]);
  }
  const body = extensions.length > 0 ? Buffer.concat([head, vector16(extBytes)]) : head;
  const handshake = Buffer.concat([Buffer.from([1]), u24(body.length), body]);
  const recordVersion = version === VERSION_CODES.SSLv3 ? VERSION_CODES.SSLv3 : VERSION_CODES.TLSv1;
  return Buffer.concat([Buffer.from([0x16]), u16(recordVersion), u16(handshake.length), handshake]);
}

export type ServerAnswer =
  | { kind: "hello"; version: number; suite: number; helloRetry: boolean; dhBits?: number; secureRenegotiation: boolean }
  | { kind: "alert"; level: number; description: number }
  | { kind: "not-tls"; detail: string };

const HRR_RANDOM = Buffer.from("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c", "hex");

/**
 * Feeds server bytes; returns the answer once the first ServerHello or alert is complete,
 * undefined while more bytes are needed. With `keyExchange`, a TLS 1.0-1.2 answer waits for the
 * ServerKeyExchange too and reports the size of a finite-field DH prime (RFC 5246 §7.4.3).
 */
export class ServerHelloReader {
  private records = Buffer.alloc(0);
  private handshake = Buffer.alloc(0);
  private hello: Extract<ServerAnswer, { kind: "hello" }> | undefined;

  constructor(private readonly keyExchange = false) {}

  /** A ServerHello already read while waiting for the key exchange. */
  get partial(): ServerAnswer | undefined {
    return this.hello;
  }

  push(chunk: Buffer): ServerAnswer | undefined {
    this.records = Buffer.concat([this.records, chunk]);
    while (this.records.length >= 5) {
      const type = this.records[0] ?? 0;
      const major = this.records[1] ?? 0;
      if ((type !== 0x15 && type !== 0x16) || major !== 3) {
        return this.hello ?? { kind: "not-tls", detail: (type & 0x80) !== 0 ? "an SSLv2 answer" : "an answer that is not TLS" };
      }
      const length = this.records.readUInt16BE(3);
      if (this.records.length < 5 + length) return undefined;
      const fragment = this.records.subarray(5, 5 + length);
      this.records = this.records.subarray(5 + length);
      if (type === 0x15) return this.hello ?? { kind: "alert", level: fragment[0] ?? 0, description: fragment[1] ?? 0 };
      this.handshake = Buffer.concat([this.handshake, fragment]);
      for (;;) {
        if (this.handshake.length < 4) break;
        const msgType = this.handshake[0] ?? 0;
        const msgLength = ((this.handshake[1] ?? 0) << 16) | ((this.handshake[2] ?? 0) << 8) | (this.handshake[3] ?? 0);
        if (this.handshake.length < 4 + msgLength) break;
        const body = this.handshake.subarray(4, 4 + msgLength);
        this.handshake = this.handshake.subarray(4 + msgLength);
        if (!this.hello) {
          if (msgType !== 2) return { kind: "not-tls", detail: `handshake message ${msgType} instead of ServerHello` };
          const answer = parseServerHello(body);
          if (answer.kind !== "hello" || !this.keyExchange || answer.version >= 0x0304 || answer.helloRetry) return answer;
          this.hello = answer;
          continue;
        }
        if (msgType === 12) {
          const bits = dhPrimeBits(body);
          return bits === undefined ? this.hello : { ...this.hello, dhBits: bits };
        }
        if (msgType === 14) return this.hello;
      }
    }
    return undefined;
  }
}

/** Bits of dh_p in a DHE ServerKeyExchange (ServerDHParams: dh_p<1..2^16-1>, dh_g, dh_Ys). */
function dhPrimeBits(body: Buffer): number | undefined {
  if (body.length < 3) return undefined;
  const length = body.readUInt16BE(0);
  if (length === 0 || body.length < 2 + length) return undefined;
  let i = 2;
  while (i < 2 + length && body[i] === 0) i++;
  if (i === 2 + length) return 0;
  const top = body[i] ?? 0;
  return (2 + length - i - 1) * 8 + (32 - Math.clz32(top));
}

function parseServerHello(body: Buffer): ServerAnswer {
  if (body.length < 38) return { kind: "not-tls", detail: "a truncated ServerHello" };
  let version = body.readUInt16BE(0);
  const helloRetry = body.subarray(2, 34).equals(HRR_RANDOM);
  const sidLength = body[34] ?? 0;
  let p = 35 + sidLength;
  if (p + 3 > body.length) return { kind: "not-tls", detail: "a truncated ServerHello" };
  const suite = body.readUInt16BE(p);
  p += 3;
  let secureRenegotiation = false;
  if (p + 2 <= body.length) {
    const end = Math.min(body.length, p + 2 + body.readUInt16BE(p));
    p += 2;
    while (p + 4 <= end) {
      const type = body.readUInt16BE(p);
      const length = body.readUInt16BE(p + 2);
      if (type === 0x002b && length === 2 && p + 6 <= end) version = body.readUInt16BE(p + 4);
      if (type === 0xff01) secureRenegotiation = true;
      p += 4 + length;
    }
  }
  return { kind: "hello", version, suite, helloRetry, secureRenegotiation };
}

const ALERTS: Record<number, string> = {
  0: "close_notify", 10: "unexpected_message", 20: "bad_record_mac", 40: "handshake_failure", 42: "bad_certificate", 47: "illegal_parameter",
  48: "unknown_ca", 50: "decode_error", 51: "decrypt_error", 70: "protocol_version", 71: "insufficient_security", 80: "internal_error",
  86: "inappropriate_fallback", 90: "user_canceled", 109: "missing_extension", 110: "unsupported_extension", 112: "unrecognized_name", 120: "no_application_protocol",
};

export function alertName(description: number): string {
  return ALERTS[description] ?? `alert ${description}`;
}
