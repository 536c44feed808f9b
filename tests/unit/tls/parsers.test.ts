// The hand-written wire and file parsers: round trips on known input, and no crash or hang on any input.
import { describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import { CIPHER_SUITES, forwardSecret, suiteById, weakCategory } from "../../../src/scanners/tls-probe/cipher-suites.js";
import { buildClientHello, PROTOCOLS, ServerHelloReader, VERSION_CODES } from "../../../src/scanners/tls-probe/client-hello.js";
import { PROFILES } from "../../../src/scanners/tls-probe/profiles.js";
import { pkcs7Certificates, readTlv, signatureAlgorithm } from "../../../src/scanners/x509/der.js";
import { parseCertificateFile } from "../../../src/scanners/x509/parse.js";

/** Reads back what the server needs from a ClientHello. */
function readHello(record: Buffer) {
  expect(record[0]).toBe(0x16);
  expect(record.readUInt16BE(3)).toBe(record.length - 5);
  const hs = record.subarray(5);
  expect(hs[0]).toBe(1);
  const body = hs.subarray(4);
  expect(((hs[1] ?? 0) << 16) | ((hs[2] ?? 0) << 8) | (hs[3] ?? 0)).toBe(body.length);
  const version = body.readUInt16BE(0);
  let p = 35 + (body[34] ?? 0);
  const suitesLength = body.readUInt16BE(p);
  const suites: number[] = [];
  for (let i = 0; i < suitesLength; i += 2) suites.push(body.readUInt16BE(p + 2 + i));
  p += 2 + suitesLength;
  p += 1 + (body[p] ?? 0);
  const extensions = new Map<number, Buffer>();
  if (p < body.length) {
    const end = p + 2 + body.readUInt16BE(p);
    expect(end).toBe(body.length);
    p += 2;
    while (p < end) {
      const type = body.readUInt16BE(p);
      const len = body.readUInt16BE(p + 2);
      extensions.set(type, body.subarray(p + 4, p + 4 + len));
      p += 4 + len;
    }
    expect(p).toBe(end);
  }
  return { version, suites, extensions, length: hs.length };
}

function serverHello(version: number, suite: number, extensions = Buffer.alloc(0)): Buffer {
  const ext = extensions.length > 0 ? Buffer.concat([Buffer.from([extensions.length >> 8, extensions.length & 0xff]), extensions]) : Buffer.alloc(0);
  const body = Buffer.concat([Buffer.from([version >> 8, version & 0xff]), Buffer.alloc(32, 1), Buffer.from([0, suite >> 8, suite & 0xff, 0]), ext]);
  const hs = Buffer.concat([Buffer.from([2, 0, body.length >> 8, body.length & 0xff]), body]);
  return Buffer.concat([Buffer.from([0x16, 3, 3, hs.length >> 8, hs.length & 0xff]), hs]);
}

describe("ClientHello", () => {
  test.each(PROTOCOLS)("%s hello is well formed and offers what it was asked", (version) => {
    const suites = [0xc02f, 0x000a, 0x0005];
    const hello = readHello(buildClientHello({ version, suites, servername: "example.test" }));
    expect(hello.suites.slice(0, 3)).toEqual(suites);
    if (version === "TLSv1.3") {
      expect(hello.version).toBe(VERSION_CODES["TLSv1.2"]);
      expect([...(hello.extensions.get(0x002b) ?? [])]).toEqual([2, 3, 4]);
      expect(hello.extensions.has(0x0033)).toBe(true);
    } else {
      expect(hello.version).toBe(VERSION_CODES[version]);
      expect(hello.extensions.has(0x002b)).toBe(false);
    }
    if (version === "SSLv3") {
      expect(hello.extensions.size).toBe(0);
      expect(hello.suites).toContain(0x00ff);
    } else {
      expect(hello.extensions.get(0x0000)?.toString("latin1")).toContain("example.test");
    }
    expect(hello.extensions.has(0x000d)).toBe(version === "TLSv1.2" || version === "TLSv1.3");
  });

  test("no SNI for an IP address, and no hello between 256 and 511 bytes", () => {
    expect(readHello(buildClientHello({ version: "TLSv1.2", suites: [0xc02f], servername: "127.0.0.1" })).extensions.has(0)).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.constantFrom(...PROTOCOLS), (n, version) => {
        const { length } = readHello(buildClientHello({ version, suites: CIPHER_SUITES.slice(0, n).map((s) => s.id) }));
        return version === "SSLv3" || length < 256 || length >= 512;
      }),
    );
  });
});

describe("ServerHelloReader", () => {
  test("reads version and suite, also byte by byte; TLS 1.3 from supported_versions", () => {
    const reader = new ServerHelloReader();
    const bytes = serverHello(0x0303, 0xc02f);
    let answer;
    for (const b of bytes) answer = reader.push(Buffer.from([b])) ?? answer;
    expect(answer).toEqual({ kind: "hello", version: 0x0303, suite: 0xc02f, helloRetry: false, secureRenegotiation: false });
    const tls13 = new ServerHelloReader().push(serverHello(0x0303, 0x1301, Buffer.from([0x00, 0x2b, 0x00, 0x02, 0x03, 0x04])));
    expect(tls13).toMatchObject({ kind: "hello", version: 0x0304, suite: 0x1301 });
  });

  test("with keyExchange, reads on to the DHE ServerKeyExchange across records for the prime size", () => {
    const hello = serverHello(0x0303, 0x009e, Buffer.from([0xff, 0x01, 0x00, 0x01, 0x00])).subarray(5);
    const certificate = Buffer.from([11, 0, 0, 3, 0, 0, 0]);
    const prime = Buffer.concat([Buffer.from([0x7f]), Buffer.alloc(127, 0xff)]); // 1023 bits
    const params = Buffer.concat([Buffer.from([0, prime.length]), prime, Buffer.from([0, 1, 2, 0, 1, 5])]);
    const ske = Buffer.concat([Buffer.from([12, 0, params.length >> 8, params.length & 0xff]), params]);
    const flight = Buffer.concat([hello, certificate, ske]);
    // Split the flight over two records, then feed the bytes in odd chunks.
    const record = (b: Buffer) => Buffer.concat([Buffer.from([0x16, 3, 3, b.length >> 8, b.length & 0xff]), b]);
    const wire = Buffer.concat([record(flight.subarray(0, 50)), record(flight.subarray(50))]);
    const reader = new ServerHelloReader(true);
    let answer;
    for (let i = 0; i < wire.length && !answer; i += 7) answer = reader.push(wire.subarray(i, i + 7));
    expect(answer).toMatchObject({ kind: "hello", suite: 0x009e, dhBits: 1023, secureRenegotiation: true });
  });

  test("alerts and non-TLS answers", () => {
    expect(new ServerHelloReader().push(Buffer.from([0x15, 3, 1, 0, 2, 2, 70]))).toEqual({ kind: "alert", level: 2, description: 70 });
    expect(new ServerHelloReader().push(Buffer.from("HTTP/1.1 400 Bad Request\r\n"))).toMatchObject({ kind: "not-tls" });
  });

  test("any bytes give an answer or a request for more, never an exception", () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 8 }), (chunks) => {
        const reader = new ServerHelloReader();
        for (const c of chunks) {
          const answer = reader.push(Buffer.from(c));
          if (answer) return ["hello", "alert", "not-tls"].includes(answer.kind);
        }
        return true;
      }),
      { numRuns: 2000 },
    );
  });
});

describe("cipher suite table and profiles", () => {
  test("categories of well-known suites", () => {
    const cat = (id: number) => {
      const s = suiteById(id);
      return s ? weakCategory(s) : "missing";
    };
    expect(cat(0x0005)).toBe("RC4");
    expect(cat(0x000a)).toBe("3DES");
    expect(cat(0x0003)).toBe("EXPORT");
    expect(cat(0x0002)).toBe("NULL");
    expect(cat(0x0034)).toBe("anonymous");
    expect(cat(0x0009)).toBe("DES");
    expect(cat(0xc02f)).toBeUndefined();
    expect(cat(0x1301)).toBeUndefined();
    const fs = (id: number) => {
      const s = suiteById(id);
      return s ? forwardSecret(s) : "missing";
    };
    expect([fs(0xc02f), fs(0x009e), fs(0x009c), fs(0x1302), fs(0x0034)]).toEqual([true, true, false, true, false]);
  });

  test("every suite named in the Mozilla profiles resolves to a code point", () => {
    expect(PROFILES.intermediate.legacySuites.size).toBe(9);
    expect(PROFILES.old.legacySuites.size).toBe(9 + 17);
    expect(PROFILES.modern.tls13Suites.size).toBe(3);
  });
});

describe("DER and certificate files on any input", () => {
  test("the DER reader throws Errors, never anything else, and terminates", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        for (const f of [() => readTlv(bytes, 0), () => signatureAlgorithm(bytes), () => pkcs7Certificates(bytes)]) {
          try {
            f();
          } catch (error) {
            if (!(error instanceof Error)) return false;
          }
        }
        return true;
      }),
      { numRuns: 2000 },
    );
  });

  test("parseCertificateFile returns a result (maybe with errors) for any bytes and any extension", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom("a.pem", "a.der", "a.crt", "a.p7b", "a.p12", "a.pfx"), (bytes, name) => {
        const result = parseCertificateFile(bytes, name);
        return Array.isArray(result.certificates) && Array.isArray(result.errors);
      }),
      { numRuns: 500 },
    );
    const pem = parseCertificateFile(Buffer.from("-----BEGIN CERTIFICATE-----\nnot base64 at all!!\n-----END CERTIFICATE-----\n"), "x.pem");
    expect(pem.errors.length).toBe(1);
    expect(pem.errors[0]).toMatch(/line 1/);
  });
});
