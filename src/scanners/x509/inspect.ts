// Pure checks on one certificate: dates, key strength, signature hash, and the leaf-only rules.
import type { X509Certificate } from "node:crypto";
import type { RuleMeta } from "../../core/types.js";
import { signatureAlgorithm } from "./der.js";
import { CERT_RULES } from "./rules.js";

const DAY = 86_400_000;

export interface CertFacts {
  subject: string;
  issuer: string;
  commonName?: string;
  serial: string;
  fingerprint256: string;
  notBefore: string;
  notAfter: string;
  daysLeft: number;
  keyType: string;
  keyBits?: number;
  curve?: string;
  signature: string;
  signatureHash: string;
  ca: boolean;
  selfSigned: boolean;
  subjectAltName?: string;
}

export interface CertIssue {
  rule: RuleMeta;
  message: string;
  properties: Record<string, unknown>;
}

const CURVE_BITS: Record<string, number> = {
  prime192v1: 192, secp192r1: 192, secp224r1: 224, prime256v1: 256, secp256r1: 256, secp256k1: 256,
  secp384r1: 384, secp521r1: 521, brainpoolP256r1: 256, brainpoolP384r1: 384, brainpoolP512r1: 512,
};

export function certFacts(cert: X509Certificate, der: Uint8Array, now: Date): CertFacts {
  const key = cert.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  const sig = safeSignature(der);
  const notAfter = new Date(cert.validTo);
  const facts: CertFacts = {
    subject: oneLine(cert.subject),
    issuer: oneLine(cert.issuer),
    serial: cert.serialNumber,
    fingerprint256: cert.fingerprint256,
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: notAfter.toISOString(),
    daysLeft: Math.floor((notAfter.getTime() - now.getTime()) / DAY),
    keyType: key.asymmetricKeyType ?? "unknown",
    signature: sig.name,
    signatureHash: sig.hash,
    ca: cert.ca,
    selfSigned: isSelfSigned(cert),
  };
  const cn = /(?:^|\n)CN=([^\n]*)/.exec(cert.subject)?.[1];
  if (cn !== undefined) facts.commonName = cn;
  if (details.modulusLength !== undefined) facts.keyBits = details.modulusLength;
  if (details.namedCurve !== undefined) {
    facts.curve = details.namedCurve;
    const bits = CURVE_BITS[details.namedCurve];
    if (bits !== undefined) facts.keyBits = bits;
  }
  if (facts.keyType === "ed25519") facts.keyBits = 256;
  if (facts.keyType === "ed448") facts.keyBits = 456;
  if (cert.subjectAltName) facts.subjectAltName = cert.subjectAltName;
  return facts;
}

function safeSignature(der: Uint8Array): { name: string; hash: string } {
  try {
    return signatureAlgorithm(der);
  } catch {
    return { name: "unknown", hash: "unknown" };
  }
}

export function isSelfSigned(cert: X509Certificate): boolean {
  if (cert.subject !== cert.issuer) return false;
  try {
    return cert.verify(cert.publicKey);
  } catch {
    return false;
  }
}

/** "CN=example.com" (or the whole subject) for messages. */
export function describe(facts: CertFacts): string {
  return facts.commonName !== undefined ? `CN=${facts.commonName}` : facts.subject || `serial ${facts.serial}`;
}

export interface InspectOptions {
  now: Date;
  minDaysLeft: number;
  /** The certificate is an end-entity (server) certificate: leaf-only rules apply. */
  leaf: boolean;
  /** Self-signed leaf certificates are allowed here (test fixtures...). */
  allowSelfSigned: boolean;
  /** A live endpoint judges trust by chain verification, not by the self-signed rule. */
  skipSelfSigned?: boolean;
}

export function inspectCertificate(facts: CertFacts, options: InspectOptions): CertIssue[] {
  const issues: CertIssue[] = [];
  const who = describe(facts);
  const props = { subject: facts.subject, serial: facts.serial, sha256: facts.fingerprint256, notAfter: facts.notAfter };
  const now = options.now.getTime();
  const notAfter = Date.parse(facts.notAfter);
  const notBefore = Date.parse(facts.notBefore);
  if (notAfter <= now) {
    issues.push({ rule: CERT_RULES.expired, message: `Certificate ${who} expired on ${facts.notAfter.slice(0, 10)}: renew it.`, properties: { ...props, daysLeft: facts.daysLeft } });
  } else if (facts.daysLeft < options.minDaysLeft) {
    issues.push({
      rule: CERT_RULES.expiring,
      message: `Certificate ${who} expires on ${facts.notAfter.slice(0, 10)}, in ${facts.daysLeft} days (min-days-left ${options.minDaysLeft}): renew it.`,
      properties: { ...props, daysLeft: facts.daysLeft, minDaysLeft: options.minDaysLeft },
    });
  }
  if (notBefore > now) {
    issues.push({ rule: CERT_RULES.notYetValid, message: `Certificate ${who} is not valid before ${facts.notBefore.slice(0, 10)}.`, properties: { ...props, notBefore: facts.notBefore } });
  }
  const weakKey = weakKeyReason(facts);
  if (weakKey) issues.push({ rule: CERT_RULES.weakKey, message: `Certificate ${who} has a ${weakKey}: reissue it with RSA 2048+ or EC P-256+.`, properties: { ...props, keyType: facts.keyType, keyBits: facts.keyBits, curve: facts.curve } });
  // A self-signed CA's own signature is never checked by clients, so its hash does not matter.
  const rootCa = facts.selfSigned && !options.leaf;
  if (!rootCa && (facts.signatureHash === "MD5" || facts.signatureHash === "SHA-1" || facts.signatureHash === "MD2")) {
    issues.push({ rule: CERT_RULES.weakSignature, message: `Certificate ${who} is signed with ${facts.signature}: reissue it signed with SHA-256 or stronger.`, properties: { ...props, signature: facts.signature } });
  }
  if (options.leaf) {
    if (facts.selfSigned && !options.allowSelfSigned && !options.skipSelfSigned) {
      issues.push({ rule: CERT_RULES.selfSigned, message: `Certificate ${who} is self-signed: use a CA-issued certificate or list the path in allow-self-signed.`, properties: props });
    }
    if (!facts.subjectAltName) {
      issues.push({ rule: CERT_RULES.missingSan, message: `Certificate ${who} has no subjectAltName, so clients cannot match a host name: reissue it with the host names as SANs.`, properties: props });
    }
    if (facts.ca) {
      issues.push({ rule: CERT_RULES.leafIsCa, message: `Leaf certificate ${who} has basicConstraints CA:true: reissue it with CA:false.`, properties: props });
    }
    const days = Math.round((notAfter - notBefore) / DAY);
    if (days > 398) {
      issues.push({ rule: CERT_RULES.validityTooLong, message: `Certificate ${who} is valid for ${days} days, more than the 398 browsers accept: reissue it for at most 398 days.`, properties: { ...props, validityDays: days } });
    }
  }
  return issues;
}

function weakKeyReason(facts: CertFacts): string | undefined {
  const bits = facts.keyBits;
  if (bits === undefined) return undefined;
  if ((facts.keyType === "rsa" || facts.keyType === "rsa-pss" || facts.keyType === "dsa") && bits < 2048) return `${bits}-bit ${facts.keyType.toUpperCase()} key`;
  if (facts.keyType === "ec" && bits < 256) return `${bits}-bit EC key (${facts.curve ?? "unknown curve"})`;
  return undefined;
}

function oneLine(name: string): string {
  return name.split("\n").filter(Boolean).join(", ");
}
