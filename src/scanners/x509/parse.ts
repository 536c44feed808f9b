// Reads certificate and key files in every common container: PEM bundles, DER, PKCS#7 and PKCS#12.
// Certificates become crypto.X509Certificate (RSA and EC alike); node-forge only opens PKCS#12.
import { createPrivateKey, X509Certificate, type KeyObject } from "node:crypto";
import forge from "node-forge";
import { pkcs7Certificates } from "./der.js";

export interface ParsedCertificate {
  cert: X509Certificate;
  der: Uint8Array;
  /** 1-based line of the PEM block, when the file is PEM. */
  line?: number;
  /** Position in the file (0 = first), for bundles. */
  index: number;
}

export interface ParsedKey {
  key: KeyObject;
  line?: number;
  /** How it is stored: "pem", "pkcs12 (empty password)". */
  storage: string;
}

export interface ParsedFile {
  certificates: ParsedCertificate[];
  /** Private keys readable without a secret (unencrypted PEM, PKCS#12 with an empty password). */
  keys: ParsedKey[];
  /** Encrypted private keys seen (not an exposure). */
  encryptedKeys: number;
  /** Why the file (or part of it) could not be read. */
  errors: string[];
}

export interface ParseOptions {
  /** Extra PKCS#12 passwords to try after the empty one (from the environment variable the policy names). */
  passwords?: string[];
}

const CERT_LABELS = new Set(["CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE"]);
const PKCS7_LABELS = new Set(["PKCS7", "PKCS #7 SIGNED DATA", "CMS"]);
const KEY_LABELS = new Set(["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY"]);

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 #]+)-----\r?\n([\s\S]*?)-----END \1-----/g;

export function parseCertificateFile(bytes: Uint8Array, path: string, options: ParseOptions = {}): ParsedFile {
  const out: ParsedFile = { certificates: [], keys: [], encryptedKeys: 0, errors: [] };
  const lower = path.toLowerCase();
  if (lower.endsWith(".p12") || lower.endsWith(".pfx")) {
    readPkcs12(bytes, options, out);
    return out;
  }
  const text = Buffer.from(bytes).toString("latin1");
  if (text.includes("-----BEGIN ")) {
    readPem(text, out);
    return out;
  }
  if (bytes.length === 0) return out;
  // Binary: a DER certificate, or a DER PKCS#7 (.p7b/.p7c, sometimes named .cer).
  const der = bytes;
  if (lower.endsWith(".p7b") || lower.endsWith(".p7c")) {
    try {
      addPkcs7(der, undefined, out);
    } catch (error) {
      out.errors.push(`not a PKCS#7 bundle (${message(error)})`);
    }
    return out;
  }
  try {
    out.certificates.push(certificate(der, out.certificates.length));
  } catch (certError) {
    try {
      addPkcs7(der, undefined, out);
    } catch {
      if (looksLikeText(bytes)) return out; // a *.pem/*.crt that holds no PEM block: nothing to read
      out.errors.push(`not a DER certificate or PKCS#7 bundle (${message(certError)})`);
    }
  }
  return out;
}

function readPem(text: string, out: ParsedFile): void {
  // Lines are counted from the previous block on, so a 150-certificate bundle stays linear.
  let counted = 0;
  let line = 1;
  for (const match of text.matchAll(PEM_BLOCK)) {
    const label = match[1] ?? "";
    const body = match[2] ?? "";
    line += countNewlines(text, counted, match.index);
    counted = match.index;
    const headers = /^[A-Za-z-]+:/m.test(body);
    const der = Buffer.from(body.replace(/^[A-Za-z-]+:.*$/gm, "").replace(/[^A-Za-z0-9+/=]/g, ""), "base64");
    try {
      if (CERT_LABELS.has(label)) out.certificates.push({ ...certificate(der, out.certificates.length), line });
      else if (PKCS7_LABELS.has(label)) addPkcs7(der, line, out);
      else if (label === "ENCRYPTED PRIVATE KEY" || (KEY_LABELS.has(label) && headers && /ENCRYPTED/.test(body))) out.encryptedKeys++;
      else if (KEY_LABELS.has(label)) out.keys.push({ key: createPrivateKey(match[0]), line, storage: "unencrypted PEM" });
    } catch (error) {
      out.errors.push(`${label} block at line ${line}: ${message(error)}`);
    }
  }
}

function addPkcs7(der: Uint8Array, line: number | undefined, out: ParsedFile): void {
  for (const cert of pkcs7Certificates(der)) {
    const parsed = certificate(cert, out.certificates.length);
    out.certificates.push(line === undefined ? parsed : { ...parsed, line });
  }
}

function certificate(der: Uint8Array, index: number): ParsedCertificate {
  return { cert: new X509Certificate(der), der, index };
}

interface ForgeBag {
  cert?: forge.pki.Certificate | null;
  key?: forge.pki.PrivateKey | null;
  asn1?: forge.asn1.Asn1;
}

function readPkcs12(bytes: Uint8Array, options: ParseOptions, out: ParsedFile): void {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString("binary")));
  } catch (error) {
    out.errors.push(`not a PKCS#12 file (${message(error)})`);
    return;
  }
  const candidates: { password: string; secret: boolean }[] = [
    { password: "", secret: false },
    ...(options.passwords ?? []).filter((p) => p !== "").map((password) => ({ password, secret: true })),
  ];
  let lastError: unknown;
  for (const { password, secret } of candidates) {
    let p12: forge.pkcs12.Pkcs12Pfx;
    try {
      p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
    } catch (error) {
      lastError = error;
      continue;
    }
    const certBags = bagsOf(p12, CERT_BAG);
    for (const bag of certBags) {
      const certAsn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
      if (!certAsn1) continue;
      try {
        out.certificates.push(certificate(Buffer.from(forge.asn1.toDer(certAsn1).getBytes(), "binary"), out.certificates.length));
      } catch (error) {
        out.errors.push(`certificate in PKCS#12: ${message(error)}`);
      }
    }
    for (const oid of [KEY_BAG, SHROUDED_KEY_BAG]) {
      const bags = bagsOf(p12, oid);
      for (const bag of bags) {
        if (secret) {
          out.encryptedKeys++;
          continue;
        }
        try {
          const der = bag.key
            ? forge.asn1.toDer(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key as forge.pki.rsa.PrivateKey)))
            : bag.asn1
              ? forge.asn1.toDer(bag.asn1)
              : undefined;
          if (!der) continue;
          const key = createPrivateKey({ key: Buffer.from(der.getBytes(), "binary"), format: "der", type: "pkcs8" });
          out.keys.push({ key, storage: "PKCS#12 with an empty password" });
        } catch (error) {
          out.errors.push(`private key in PKCS#12: ${message(error)}`);
        }
      }
    }
    return;
  }
  const hint = candidates.length > 1 ? "neither the empty password nor the configured one opens it" : "the empty password does not open it; name an environment variable in pkcs12-password-env";
  out.errors.push(`cannot open PKCS#12: ${hint} (${message(lastError)})`);
}

// PKCS#12 bag types (RFC 7292 §4.2).
const KEY_BAG = "1.2.840.113549.1.12.10.1.1";
const SHROUDED_KEY_BAG = "1.2.840.113549.1.12.10.1.2";
const CERT_BAG = "1.2.840.113549.1.12.10.1.3";

function bagsOf(p12: forge.pkcs12.Pkcs12Pfx, oid: string): ForgeBag[] {
  return (p12.getBags({ bagType: oid })[oid] ?? []) as ForgeBag[];
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512);
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b < 9 || (b > 13 && b < 32)) return false;
  }
  return true;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
