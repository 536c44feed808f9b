#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  schema
} from "./chunk-TCHTITOI.js";
import {
  INFORMATION_URI
} from "./chunk-QELEUUVM.js";
import {
  parseDuration
} from "./chunk-RSC3HFTQ.js";
import {
  globMatcher,
  listFiles
} from "./chunk-ZRGI7UBK.js";
import "./chunk-CY7KP3J2.js";
import {
  evaluateBySeverity
} from "./chunk-CXJQTCH4.js";
import "./chunk-TGCGIDEH.js";
import "./chunk-C5CGFLPB.js";
import {
  makeFinding
} from "./chunk-NQDPYFAW.js";
import {
  ConfigurationError
} from "./chunk-5XKQ73XO.js";
import "./chunk-2GVBCIT7.js";

// src/scanners/tls-probe/index.ts
import { setMaxListeners } from "node:events";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createSecureContext, rootCertificates } from "node:tls";

// src/scanners/x509/der.ts
function readTlv(buf, offset, limit = buf.length) {
  if (offset + 2 > limit) throw new Error("truncated DER");
  const tag = buf[offset] ?? 0;
  if ((tag & 31) === 31) throw new Error("multi-byte DER tags are not supported");
  let lenByte = buf[offset + 1] ?? 0;
  let pos = offset + 2;
  let len = lenByte;
  if (lenByte & 128) {
    const n = lenByte & 127;
    if (n === 0 || n > 4) throw new Error("unsupported DER length");
    len = 0;
    for (let i = 0; i < n; i++) {
      lenByte = buf[pos++] ?? 0;
      len = len * 256 + lenByte;
    }
  }
  const end = pos + len;
  if (end > limit) throw new Error("truncated DER");
  return { tag, start: pos, end, offset };
}
function children(buf, parent) {
  const out = [];
  let pos = parent.start;
  while (pos < parent.end) {
    const tlv = readTlv(buf, pos, parent.end);
    out.push(tlv);
    pos = tlv.end;
  }
  return out;
}
function decodeOid(bytes) {
  const parts = [];
  let value = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    value = value * 128 + (b & 127);
    if ((b & 128) === 0) {
      if (parts.length === 0) {
        const first = value < 80 ? Math.floor(value / 40) : 2;
        parts.push(first, value - first * 40);
      } else parts.push(value);
      value = 0;
    }
  }
  return parts.join(".");
}
function signatureAlgorithmOid(der) {
  const cert = readTlv(der, 0);
  const [, sigAlg] = children(der, cert);
  if (!sigAlg) throw new Error("not an X.509 certificate");
  const [oid] = children(der, sigAlg);
  if (!oid || oid.tag !== 6) throw new Error("not an X.509 certificate");
  return decodeOid(der.subarray(oid.start, oid.end));
}
var SIGNATURE_ALGORITHMS = {
  "1.2.840.113549.1.1.2": { name: "md2WithRSAEncryption", hash: "MD2" },
  "1.2.840.113549.1.1.4": { name: "md5WithRSAEncryption", hash: "MD5" },
  "1.2.840.113549.1.1.5": { name: "sha1WithRSAEncryption", hash: "SHA-1" },
  "1.3.14.3.2.29": { name: "sha1WithRSASignature", hash: "SHA-1" },
  "1.2.840.10045.4.1": { name: "ecdsa-with-SHA1", hash: "SHA-1" },
  "1.2.840.10040.4.3": { name: "dsa-with-sha1", hash: "SHA-1" },
  "1.2.840.113549.1.1.14": { name: "sha224WithRSAEncryption", hash: "SHA-224" },
  "1.2.840.113549.1.1.11": { name: "sha256WithRSAEncryption", hash: "SHA-256" },
  "1.2.840.113549.1.1.12": { name: "sha384WithRSAEncryption", hash: "SHA-384" },
  "1.2.840.113549.1.1.13": { name: "sha512WithRSAEncryption", hash: "SHA-512" },
  "1.2.840.113549.1.1.10": { name: "rsassa-pss", hash: "PSS" },
  "1.2.840.10045.4.3.1": { name: "ecdsa-with-SHA224", hash: "SHA-224" },
  "1.2.840.10045.4.3.2": { name: "ecdsa-with-SHA256", hash: "SHA-256" },
  "1.2.840.10045.4.3.3": { name: "ecdsa-with-SHA384", hash: "SHA-384" },
  "1.2.840.10045.4.3.4": { name: "ecdsa-with-SHA512", hash: "SHA-512" },
  "2.16.840.1.101.3.4.3.2": { name: "dsa-with-sha256", hash: "SHA-256" },
  "1.3.101.112": { name: "Ed25519", hash: "none" },
  "1.3.101.113": { name: "Ed448", hash: "none" }
};
function signatureAlgorithm(der) {
  const oid = signatureAlgorithmOid(der);
  const known = SIGNATURE_ALGORITHMS[oid];
  return { oid, name: known?.name ?? oid, hash: known?.hash ?? "unknown" };
}
var SIGNED_DATA = "1.2.840.113549.1.7.2";
function pkcs7Certificates(der) {
  const info = readTlv(der, 0);
  const [type, explicit] = children(der, info);
  if (!type || type.tag !== 6 || decodeOid(der.subarray(type.start, type.end)) !== SIGNED_DATA || !explicit) {
    throw new Error("not a PKCS#7 SignedData");
  }
  const [signedData] = children(der, explicit);
  if (!signedData) throw new Error("empty PKCS#7 SignedData");
  const certSet = children(der, signedData).find((t) => t.tag === 160);
  if (!certSet) return [];
  return children(der, certSet).filter((t) => t.tag === 48).map((t) => der.slice(t.offset, t.end));
}

// src/scanners/x509/rules.ts
var HELP = `${INFORMATION_URI}/blob/main/src/gates/tls/README.md`;
function rule(id, severity, title, description, remediation) {
  return { id: `tls/${id}`, severity, title, description, remediation, helpUri: `${HELP}#${id}`, tags: ["security", "tls"] };
}
var CERT_RULES = {
  expired: rule("cert-expired", "high", "Certificate expired", "The certificate's notAfter date has passed; clients refuse it.", "Renew the certificate and deploy the new one."),
  expiring: rule("cert-expiring", "medium", "Certificate expires soon", "The certificate expires within min-days-left days.", "Renew the certificate before it expires, or automate renewal (ACME)."),
  notYetValid: rule("cert-not-yet-valid", "high", "Certificate not yet valid", "The certificate's notBefore date is in the future; clients refuse it until then.", "Check the issuing clock, or wait before deploying it."),
  weakKey: rule("weak-key", "high", "Weak certificate key", "An RSA or DSA key below 2048 bits or an EC key below 256 bits can be broken or is refused by clients.", "Reissue the certificate with an RSA 2048+ or EC P-256+ key."),
  weakSignature: rule("weak-signature", "high", "Weak certificate signature", "The certificate is signed with MD5 or SHA-1, whose collisions let an attacker forge certificates.", "Reissue the certificate signed with SHA-256 or stronger."),
  selfSigned: rule("self-signed", "high", "Self-signed certificate", "A self-signed leaf certificate is trusted by no client, so users learn to click through warnings.", "Use a certificate from a CA, or list the path in allow-self-signed if it is a test fixture."),
  missingSan: rule("missing-san", "medium", "No subjectAltName", "Clients match host names against subjectAltName only (RFC 6125); a certificate without it is refused.", "Reissue the certificate with the host names in subjectAltName."),
  leafIsCa: rule("leaf-is-ca", "medium", "Leaf certificate with CA:true", "A server certificate marked CA:true could sign certificates for any name if its key leaks.", "Reissue the leaf with basicConstraints CA:false."),
  validityTooLong: rule("validity-too-long", "medium", "Validity longer than 398 days", "Browsers refuse leaf certificates valid for more than 398 days (CA/Browser Forum baseline requirements).", "Reissue the certificate with a validity of at most 398 days."),
  privateKeyExposed: rule("private-key-exposed", "critical", "Unencrypted private key in the repository", "An unencrypted private key that matches a certificate in the repository lets anyone who reads the repository impersonate that certificate's host.", "Remove the key from the repository (and its history), revoke the certificate and reissue it with a new key kept in a secret store."),
  parseError: rule("parse-error", "medium", "Unreadable certificate file", "The file could not be read as a certificate, so it was not checked.", "Fix or remove the file, or set pkcs12-password-env for a password-protected PKCS#12."),
  missingInput: rule("missing-input", "high", "Named certificates not found", "The policy names certificate files that do not exist, so nothing was checked.", "Fix the certificates globs in the policy.")
};

// src/scanners/x509/inspect.ts
var DAY = 864e5;
var CURVE_BITS = {
  prime192v1: 192,
  secp192r1: 192,
  secp224r1: 224,
  prime256v1: 256,
  secp256r1: 256,
  secp256k1: 256,
  secp384r1: 384,
  secp521r1: 521,
  brainpoolP256r1: 256,
  brainpoolP384r1: 384,
  brainpoolP512r1: 512
};
function certFacts(cert, der, now) {
  const key = cert.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  const sig = safeSignature(der);
  const notAfter = new Date(cert.validTo);
  const facts = {
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
    selfSigned: isSelfSigned(cert)
  };
  const cn = /(?:^|\n)CN=([^\n]*)/.exec(cert.subject)?.[1];
  if (cn !== void 0) facts.commonName = cn;
  if (details.modulusLength !== void 0) facts.keyBits = details.modulusLength;
  if (details.namedCurve !== void 0) {
    facts.curve = details.namedCurve;
    const bits = CURVE_BITS[details.namedCurve];
    if (bits !== void 0) facts.keyBits = bits;
  }
  if (facts.keyType === "ed25519") facts.keyBits = 256;
  if (facts.keyType === "ed448") facts.keyBits = 456;
  if (cert.subjectAltName) facts.subjectAltName = cert.subjectAltName;
  return facts;
}
function safeSignature(der) {
  try {
    return signatureAlgorithm(der);
  } catch {
    return { name: "unknown", hash: "unknown" };
  }
}
function isSelfSigned(cert) {
  if (cert.subject !== cert.issuer) return false;
  try {
    return cert.verify(cert.publicKey);
  } catch {
    return false;
  }
}
function describe(facts) {
  return facts.commonName !== void 0 ? `CN=${facts.commonName}` : facts.subject || `serial ${facts.serial}`;
}
function inspectCertificate(facts, options) {
  const issues = [];
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
      properties: { ...props, daysLeft: facts.daysLeft, minDaysLeft: options.minDaysLeft }
    });
  }
  if (notBefore > now) {
    issues.push({ rule: CERT_RULES.notYetValid, message: `Certificate ${who} is not valid before ${facts.notBefore.slice(0, 10)}.`, properties: { ...props, notBefore: facts.notBefore } });
  }
  const weakKey = weakKeyReason(facts);
  if (weakKey) issues.push({ rule: CERT_RULES.weakKey, message: `Certificate ${who} has a ${weakKey}: reissue it with RSA 2048+ or EC P-256+.`, properties: { ...props, keyType: facts.keyType, keyBits: facts.keyBits, curve: facts.curve } });
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
function weakKeyReason(facts) {
  const bits = facts.keyBits;
  if (bits === void 0) return void 0;
  if ((facts.keyType === "rsa" || facts.keyType === "rsa-pss" || facts.keyType === "dsa") && bits < 2048) return `${bits}-bit ${facts.keyType.toUpperCase()} key`;
  if (facts.keyType === "ec" && bits < 256) return `${bits}-bit EC key (${facts.curve ?? "unknown curve"})`;
  return void 0;
}
function oneLine(name) {
  return name.split("\n").filter(Boolean).join(", ");
}

// src/scanners/tls-probe/cipher-suites.ts
var TABLE = `
0001 TLS_RSA_WITH_NULL_MD5 NULL-MD5
0002 TLS_RSA_WITH_NULL_SHA NULL-SHA
0003 TLS_RSA_EXPORT_WITH_RC4_40_MD5 EXP-RC4-MD5
0004 TLS_RSA_WITH_RC4_128_MD5 RC4-MD5
0005 TLS_RSA_WITH_RC4_128_SHA RC4-SHA
0006 TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5 EXP-RC2-CBC-MD5
0007 TLS_RSA_WITH_IDEA_CBC_SHA IDEA-CBC-SHA
0008 TLS_RSA_EXPORT_WITH_DES40_CBC_SHA EXP-DES-CBC-SHA
0009 TLS_RSA_WITH_DES_CBC_SHA DES-CBC-SHA
000A TLS_RSA_WITH_3DES_EDE_CBC_SHA DES-CBC3-SHA
000B TLS_DH_DSS_EXPORT_WITH_DES40_CBC_SHA EXP-DH-DSS-DES-CBC-SHA
000C TLS_DH_DSS_WITH_DES_CBC_SHA DH-DSS-DES-CBC-SHA
000D TLS_DH_DSS_WITH_3DES_EDE_CBC_SHA DH-DSS-DES-CBC3-SHA
000E TLS_DH_RSA_EXPORT_WITH_DES40_CBC_SHA EXP-DH-RSA-DES-CBC-SHA
000F TLS_DH_RSA_WITH_DES_CBC_SHA DH-RSA-DES-CBC-SHA
0010 TLS_DH_RSA_WITH_3DES_EDE_CBC_SHA DH-RSA-DES-CBC3-SHA
0011 TLS_DHE_DSS_EXPORT_WITH_DES40_CBC_SHA EXP-EDH-DSS-DES-CBC-SHA
0012 TLS_DHE_DSS_WITH_DES_CBC_SHA EDH-DSS-DES-CBC-SHA
0013 TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA EDH-DSS-DES-CBC3-SHA
0014 TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA EXP-EDH-RSA-DES-CBC-SHA
0015 TLS_DHE_RSA_WITH_DES_CBC_SHA EDH-RSA-DES-CBC-SHA
0016 TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA EDH-RSA-DES-CBC3-SHA
0017 TLS_DH_anon_EXPORT_WITH_RC4_40_MD5 EXP-ADH-RC4-MD5
0018 TLS_DH_anon_WITH_RC4_128_MD5 ADH-RC4-MD5
0019 TLS_DH_anon_EXPORT_WITH_DES40_CBC_SHA EXP-ADH-DES-CBC-SHA
001A TLS_DH_anon_WITH_DES_CBC_SHA ADH-DES-CBC-SHA
001B TLS_DH_anon_WITH_3DES_EDE_CBC_SHA ADH-DES-CBC3-SHA
002F TLS_RSA_WITH_AES_128_CBC_SHA AES128-SHA
0030 TLS_DH_DSS_WITH_AES_128_CBC_SHA DH-DSS-AES128-SHA
0031 TLS_DH_RSA_WITH_AES_128_CBC_SHA DH-RSA-AES128-SHA
0032 TLS_DHE_DSS_WITH_AES_128_CBC_SHA DHE-DSS-AES128-SHA
0033 TLS_DHE_RSA_WITH_AES_128_CBC_SHA DHE-RSA-AES128-SHA
0034 TLS_DH_anon_WITH_AES_128_CBC_SHA ADH-AES128-SHA
0035 TLS_RSA_WITH_AES_256_CBC_SHA AES256-SHA
0036 TLS_DH_DSS_WITH_AES_256_CBC_SHA DH-DSS-AES256-SHA
0037 TLS_DH_RSA_WITH_AES_256_CBC_SHA DH-RSA-AES256-SHA
0038 TLS_DHE_DSS_WITH_AES_256_CBC_SHA DHE-DSS-AES256-SHA
0039 TLS_DHE_RSA_WITH_AES_256_CBC_SHA DHE-RSA-AES256-SHA
003A TLS_DH_anon_WITH_AES_256_CBC_SHA ADH-AES256-SHA
003B TLS_RSA_WITH_NULL_SHA256 NULL-SHA256
003C TLS_RSA_WITH_AES_128_CBC_SHA256 AES128-SHA256
003D TLS_RSA_WITH_AES_256_CBC_SHA256 AES256-SHA256
003E TLS_DH_DSS_WITH_AES_128_CBC_SHA256 DH-DSS-AES128-SHA256
003F TLS_DH_RSA_WITH_AES_128_CBC_SHA256 DH-RSA-AES128-SHA256
0040 TLS_DHE_DSS_WITH_AES_128_CBC_SHA256 DHE-DSS-AES128-SHA256
0041 TLS_RSA_WITH_CAMELLIA_128_CBC_SHA CAMELLIA128-SHA
0042 TLS_DH_DSS_WITH_CAMELLIA_128_CBC_SHA DH-DSS-CAMELLIA128-SHA
0043 TLS_DH_RSA_WITH_CAMELLIA_128_CBC_SHA DH-RSA-CAMELLIA128-SHA
0044 TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA DHE-DSS-CAMELLIA128-SHA
0045 TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA DHE-RSA-CAMELLIA128-SHA
0046 TLS_DH_anon_WITH_CAMELLIA_128_CBC_SHA ADH-CAMELLIA128-SHA
0060 TLS_RSA_EXPORT1024_WITH_RC4_56_MD5 EXP1024-RC4-MD5
0061 TLS_RSA_EXPORT1024_WITH_RC2_56_MD5 EXP1024-RC2-CBC-MD5
0062 TLS_RSA_EXPORT1024_WITH_DES_CBC_SHA EXP1024-DES-CBC-SHA
0063 TLS_DHE_DSS_EXPORT1024_WITH_DES_CBC_SHA EXP1024-DHE-DSS-DES-CBC-SHA
0064 TLS_RSA_EXPORT1024_WITH_RC4_56_SHA EXP1024-RC4-SHA
0065 TLS_DHE_DSS_EXPORT1024_WITH_RC4_56_SHA EXP1024-DHE-DSS-RC4-SHA
0066 TLS_DHE_DSS_WITH_RC4_128_SHA DHE-DSS-RC4-SHA
0067 TLS_DHE_RSA_WITH_AES_128_CBC_SHA256 DHE-RSA-AES128-SHA256
0068 TLS_DH_DSS_WITH_AES_256_CBC_SHA256 DH-DSS-AES256-SHA256
0069 TLS_DH_RSA_WITH_AES_256_CBC_SHA256 DH-RSA-AES256-SHA256
006A TLS_DHE_DSS_WITH_AES_256_CBC_SHA256 DHE-DSS-AES256-SHA256
006B TLS_DHE_RSA_WITH_AES_256_CBC_SHA256 DHE-RSA-AES256-SHA256
006C TLS_DH_anon_WITH_AES_128_CBC_SHA256 ADH-AES128-SHA256
006D TLS_DH_anon_WITH_AES_256_CBC_SHA256 ADH-AES256-SHA256
0084 TLS_RSA_WITH_CAMELLIA_256_CBC_SHA CAMELLIA256-SHA
0085 TLS_DH_DSS_WITH_CAMELLIA_256_CBC_SHA DH-DSS-CAMELLIA256-SHA
0086 TLS_DH_RSA_WITH_CAMELLIA_256_CBC_SHA DH-RSA-CAMELLIA256-SHA
0087 TLS_DHE_DSS_WITH_CAMELLIA_256_CBC_SHA DHE-DSS-CAMELLIA256-SHA
0088 TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA DHE-RSA-CAMELLIA256-SHA
0089 TLS_DH_anon_WITH_CAMELLIA_256_CBC_SHA ADH-CAMELLIA256-SHA
0096 TLS_RSA_WITH_SEED_CBC_SHA SEED-SHA
0097 TLS_DH_DSS_WITH_SEED_CBC_SHA DH-DSS-SEED-SHA
0098 TLS_DH_RSA_WITH_SEED_CBC_SHA DH-RSA-SEED-SHA
0099 TLS_DHE_DSS_WITH_SEED_CBC_SHA DHE-DSS-SEED-SHA
009A TLS_DHE_RSA_WITH_SEED_CBC_SHA DHE-RSA-SEED-SHA
009B TLS_DH_anon_WITH_SEED_CBC_SHA ADH-SEED-SHA
009C TLS_RSA_WITH_AES_128_GCM_SHA256 AES128-GCM-SHA256
009D TLS_RSA_WITH_AES_256_GCM_SHA384 AES256-GCM-SHA384
009E TLS_DHE_RSA_WITH_AES_128_GCM_SHA256 DHE-RSA-AES128-GCM-SHA256
009F TLS_DHE_RSA_WITH_AES_256_GCM_SHA384 DHE-RSA-AES256-GCM-SHA384
00A0 TLS_DH_RSA_WITH_AES_128_GCM_SHA256 DH-RSA-AES128-GCM-SHA256
00A1 TLS_DH_RSA_WITH_AES_256_GCM_SHA384 DH-RSA-AES256-GCM-SHA384
00A2 TLS_DHE_DSS_WITH_AES_128_GCM_SHA256 DHE-DSS-AES128-GCM-SHA256
00A3 TLS_DHE_DSS_WITH_AES_256_GCM_SHA384 DHE-DSS-AES256-GCM-SHA384
00A4 TLS_DH_DSS_WITH_AES_128_GCM_SHA256 DH-DSS-AES128-GCM-SHA256
00A5 TLS_DH_DSS_WITH_AES_256_GCM_SHA384 DH-DSS-AES256-GCM-SHA384
00A6 TLS_DH_anon_WITH_AES_128_GCM_SHA256 ADH-AES128-GCM-SHA256
00A7 TLS_DH_anon_WITH_AES_256_GCM_SHA384 ADH-AES256-GCM-SHA384
00BA TLS_RSA_WITH_CAMELLIA_128_CBC_SHA256 CAMELLIA128-SHA256
00BB TLS_DH_DSS_WITH_CAMELLIA_128_CBC_SHA256 DH-DSS-CAMELLIA128-SHA256
00BC TLS_DH_RSA_WITH_CAMELLIA_128_CBC_SHA256 DH-RSA-CAMELLIA128-SHA256
00BD TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA256 DHE-DSS-CAMELLIA128-SHA256
00BE TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA256 DHE-RSA-CAMELLIA128-SHA256
00BF TLS_DH_anon_WITH_CAMELLIA_128_CBC_SHA256 ADH-CAMELLIA128-SHA256
00C0 TLS_RSA_WITH_CAMELLIA_256_CBC_SHA256 CAMELLIA256-SHA256
00C1 TLS_DH_DSS_WITH_CAMELLIA_256_CBC_SHA256 DH-DSS-CAMELLIA256-SHA256
00C2 TLS_DH_RSA_WITH_CAMELLIA_256_CBC_SHA256 DH-RSA-CAMELLIA256-SHA256
00C3 TLS_DHE_DSS_WITH_CAMELLIA_256_CBC_SHA256 DHE-DSS-CAMELLIA256-SHA256
00C4 TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA256 DHE-RSA-CAMELLIA256-SHA256
00C5 TLS_DH_anon_WITH_CAMELLIA_256_CBC_SHA256 ADH-CAMELLIA256-SHA256
1301 TLS_AES_128_GCM_SHA256 TLS_AES_128_GCM_SHA256
1302 TLS_AES_256_GCM_SHA384 TLS_AES_256_GCM_SHA384
1303 TLS_CHACHA20_POLY1305_SHA256 TLS_CHACHA20_POLY1305_SHA256
1304 TLS_AES_128_CCM_SHA256 TLS_AES_128_CCM_SHA256
1305 TLS_AES_128_CCM_8_SHA256 TLS_AES_128_CCM_8_SHA256
C001 TLS_ECDH_ECDSA_WITH_NULL_SHA ECDH-ECDSA-NULL-SHA
C002 TLS_ECDH_ECDSA_WITH_RC4_128_SHA ECDH-ECDSA-RC4-SHA
C003 TLS_ECDH_ECDSA_WITH_3DES_EDE_CBC_SHA ECDH-ECDSA-DES-CBC3-SHA
C004 TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA ECDH-ECDSA-AES128-SHA
C005 TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA ECDH-ECDSA-AES256-SHA
C006 TLS_ECDHE_ECDSA_WITH_NULL_SHA ECDHE-ECDSA-NULL-SHA
C007 TLS_ECDHE_ECDSA_WITH_RC4_128_SHA ECDHE-ECDSA-RC4-SHA
C008 TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA ECDHE-ECDSA-DES-CBC3-SHA
C009 TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA ECDHE-ECDSA-AES128-SHA
C00A TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA ECDHE-ECDSA-AES256-SHA
C00B TLS_ECDH_RSA_WITH_NULL_SHA ECDH-RSA-NULL-SHA
C00C TLS_ECDH_RSA_WITH_RC4_128_SHA ECDH-RSA-RC4-SHA
C00D TLS_ECDH_RSA_WITH_3DES_EDE_CBC_SHA ECDH-RSA-DES-CBC3-SHA
C00E TLS_ECDH_RSA_WITH_AES_128_CBC_SHA ECDH-RSA-AES128-SHA
C00F TLS_ECDH_RSA_WITH_AES_256_CBC_SHA ECDH-RSA-AES256-SHA
C010 TLS_ECDHE_RSA_WITH_NULL_SHA ECDHE-RSA-NULL-SHA
C011 TLS_ECDHE_RSA_WITH_RC4_128_SHA ECDHE-RSA-RC4-SHA
C012 TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA ECDHE-RSA-DES-CBC3-SHA
C013 TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA ECDHE-RSA-AES128-SHA
C014 TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA ECDHE-RSA-AES256-SHA
C015 TLS_ECDH_anon_WITH_NULL_SHA AECDH-NULL-SHA
C016 TLS_ECDH_anon_WITH_RC4_128_SHA AECDH-RC4-SHA
C017 TLS_ECDH_anon_WITH_3DES_EDE_CBC_SHA AECDH-DES-CBC3-SHA
C018 TLS_ECDH_anon_WITH_AES_128_CBC_SHA AECDH-AES128-SHA
C019 TLS_ECDH_anon_WITH_AES_256_CBC_SHA AECDH-AES256-SHA
C023 TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256 ECDHE-ECDSA-AES128-SHA256
C024 TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384 ECDHE-ECDSA-AES256-SHA384
C025 TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA256 ECDH-ECDSA-AES128-SHA256
C026 TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA384 ECDH-ECDSA-AES256-SHA384
C027 TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256 ECDHE-RSA-AES128-SHA256
C028 TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384 ECDHE-RSA-AES256-SHA384
C029 TLS_ECDH_RSA_WITH_AES_128_CBC_SHA256 ECDH-RSA-AES128-SHA256
C02A TLS_ECDH_RSA_WITH_AES_256_CBC_SHA384 ECDH-RSA-AES256-SHA384
C02B TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 ECDHE-ECDSA-AES128-GCM-SHA256
C02C TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 ECDHE-ECDSA-AES256-GCM-SHA384
C02D TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256 ECDH-ECDSA-AES128-GCM-SHA256
C02E TLS_ECDH_ECDSA_WITH_AES_256_GCM_SHA384 ECDH-ECDSA-AES256-GCM-SHA384
C02F TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 ECDHE-RSA-AES128-GCM-SHA256
C030 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 ECDHE-RSA-AES256-GCM-SHA384
C031 TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256 ECDH-RSA-AES128-GCM-SHA256
C032 TLS_ECDH_RSA_WITH_AES_256_GCM_SHA384 ECDH-RSA-AES256-GCM-SHA384
C03C TLS_RSA_WITH_ARIA_128_CBC_SHA256 ARIA128-CBC-SHA256
C03D TLS_RSA_WITH_ARIA_256_CBC_SHA384 ARIA256-CBC-SHA384
C03E TLS_DH_DSS_WITH_ARIA_128_CBC_SHA256 -
C03F TLS_DH_DSS_WITH_ARIA_256_CBC_SHA384 -
C040 TLS_DH_RSA_WITH_ARIA_128_CBC_SHA256 -
C041 TLS_DH_RSA_WITH_ARIA_256_CBC_SHA384 -
C042 TLS_DHE_DSS_WITH_ARIA_128_CBC_SHA256 DHE-DSS-ARIA128-CBC-SHA256
C043 TLS_DHE_DSS_WITH_ARIA_256_CBC_SHA384 DHE-DSS-ARIA256-CBC-SHA384
C044 TLS_DHE_RSA_WITH_ARIA_128_CBC_SHA256 DHE-RSA-ARIA128-CBC-SHA256
C045 TLS_DHE_RSA_WITH_ARIA_256_CBC_SHA384 DHE-RSA-ARIA256-CBC-SHA384
C046 TLS_DH_anon_WITH_ARIA_128_CBC_SHA256 DH-anon-ARIA128-CBC-SHA256
C047 TLS_DH_anon_WITH_ARIA_256_CBC_SHA384 DH-anon-ARIA256-CBC-SHA384
C048 TLS_ECDHE_ECDSA_WITH_ARIA_128_CBC_SHA256 ECDHE-ECDSA-ARIA128-CBC-SHA256
C049 TLS_ECDHE_ECDSA_WITH_ARIA_256_CBC_SHA384 ECDHE-ECDSA-ARIA256-CBC-SHA384
C04A TLS_ECDH_ECDSA_WITH_ARIA_128_CBC_SHA256 -
C04B TLS_ECDH_ECDSA_WITH_ARIA_256_CBC_SHA384 -
C04C TLS_ECDHE_RSA_WITH_ARIA_128_CBC_SHA256 ECDHE-RSA-ARIA128-CBC-SHA256
C04D TLS_ECDHE_RSA_WITH_ARIA_256_CBC_SHA384 ECDHE-RSA-ARIA256-CBC-SHA384
C04E TLS_ECDH_RSA_WITH_ARIA_128_CBC_SHA256 -
C04F TLS_ECDH_RSA_WITH_ARIA_256_CBC_SHA384 -
C050 TLS_RSA_WITH_ARIA_128_GCM_SHA256 ARIA128-GCM-SHA256
C051 TLS_RSA_WITH_ARIA_256_GCM_SHA384 ARIA256-GCM-SHA384
C052 TLS_DHE_RSA_WITH_ARIA_128_GCM_SHA256 DHE-RSA-ARIA128-GCM-SHA256
C053 TLS_DHE_RSA_WITH_ARIA_256_GCM_SHA384 DHE-RSA-ARIA256-GCM-SHA384
C054 TLS_DH_RSA_WITH_ARIA_128_GCM_SHA256 DH-RSA-ARIA128-GCM-SHA256
C055 TLS_DH_RSA_WITH_ARIA_256_GCM_SHA384 DH-RSA-ARIA256-GCM-SHA384
C056 TLS_DHE_DSS_WITH_ARIA_128_GCM_SHA256 DHE-DSS-ARIA128-GCM-SHA256
C057 TLS_DHE_DSS_WITH_ARIA_256_GCM_SHA384 DHE-DSS-ARIA256-GCM-SHA384
C058 TLS_DH_DSS_WITH_ARIA_128_GCM_SHA256 DH-DSS-ARIA128-GCM-SHA256
C059 TLS_DH_DSS_WITH_ARIA_256_GCM_SHA384 DH-DSS-ARIA256-GCM-SHA384
C05A TLS_DH_anon_WITH_ARIA_128_GCM_SHA256 ADH-ARIA128-GCM-SHA256
C05B TLS_DH_anon_WITH_ARIA_256_GCM_SHA384 ADH-ARIA256-GCM-SHA384
C05C TLS_ECDHE_ECDSA_WITH_ARIA_128_GCM_SHA256 ECDHE-ECDSA-ARIA128-GCM-SHA256
C05D TLS_ECDHE_ECDSA_WITH_ARIA_256_GCM_SHA384 ECDHE-ECDSA-ARIA256-GCM-SHA384
C05E TLS_ECDH_ECDSA_WITH_ARIA_128_GCM_SHA256 ECDH-ECDSA-ARIA128-GCM-SHA256
C05F TLS_ECDH_ECDSA_WITH_ARIA_256_GCM_SHA384 ECDH-ECDSA-ARIA256-GCM-SHA384
C060 TLS_ECDHE_RSA_WITH_ARIA_128_GCM_SHA256 ECDHE-ARIA128-GCM-SHA256
C061 TLS_ECDHE_RSA_WITH_ARIA_256_GCM_SHA384 ECDHE-ARIA256-GCM-SHA384
C062 TLS_ECDH_RSA_WITH_ARIA_128_GCM_SHA256 ECDH-ARIA128-GCM-SHA256
C063 TLS_ECDH_RSA_WITH_ARIA_256_GCM_SHA384 ECDH-ARIA256-GCM-SHA384
C072 TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_CBC_SHA256 ECDHE-ECDSA-CAMELLIA128-SHA256
C073 TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_CBC_SHA384 ECDHE-ECDSA-CAMELLIA256-SHA384
C074 TLS_ECDH_ECDSA_WITH_CAMELLIA_128_CBC_SHA256 ECDH-ECDSA-CAMELLIA128-SHA256
C075 TLS_ECDH_ECDSA_WITH_CAMELLIA_256_CBC_SHA384 ECDH-ECDSA-CAMELLIA256-SHA384
C076 TLS_ECDHE_RSA_WITH_CAMELLIA_128_CBC_SHA256 ECDHE-RSA-CAMELLIA128-SHA256
C077 TLS_ECDHE_RSA_WITH_CAMELLIA_256_CBC_SHA384 ECDHE-RSA-CAMELLIA256-SHA384
C078 TLS_ECDH_RSA_WITH_CAMELLIA_128_CBC_SHA256 ECDH-RSA-CAMELLIA128-SHA256
C079 TLS_ECDH_RSA_WITH_CAMELLIA_256_CBC_SHA384 ECDH-RSA-CAMELLIA256-SHA384
C07A TLS_RSA_WITH_CAMELLIA_128_GCM_SHA256 -
C07B TLS_RSA_WITH_CAMELLIA_256_GCM_SHA384 -
C07C TLS_DHE_RSA_WITH_CAMELLIA_128_GCM_SHA256 -
C07D TLS_DHE_RSA_WITH_CAMELLIA_256_GCM_SHA384 -
C07E TLS_DH_RSA_WITH_CAMELLIA_128_GCM_SHA256 -
C07F TLS_DH_RSA_WITH_CAMELLIA_256_GCM_SHA384 -
C080 TLS_DHE_DSS_WITH_CAMELLIA_128_GCM_SHA256 -
C081 TLS_DHE_DSS_WITH_CAMELLIA_256_GCM_SHA384 -
C082 TLS_DH_DSS_WITH_CAMELLIA_128_GCM_SHA256 -
C083 TLS_DH_DSS_WITH_CAMELLIA_256_GCM_SHA384 -
C084 TLS_DH_anon_WITH_CAMELLIA_128_GCM_SHA256 -
C085 TLS_DH_anon_WITH_CAMELLIA_256_GCM_SHA384 -
C086 TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_GCM_SHA256 -
C087 TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_GCM_SHA384 -
C088 TLS_ECDH_ECDSA_WITH_CAMELLIA_128_GCM_SHA256 -
C089 TLS_ECDH_ECDSA_WITH_CAMELLIA_256_GCM_SHA384 -
C08A TLS_ECDHE_RSA_WITH_CAMELLIA_128_GCM_SHA256 -
C08B TLS_ECDHE_RSA_WITH_CAMELLIA_256_GCM_SHA384 -
C08C TLS_ECDH_RSA_WITH_CAMELLIA_128_GCM_SHA256 -
C08D TLS_ECDH_RSA_WITH_CAMELLIA_256_GCM_SHA384 -
C09C TLS_RSA_WITH_AES_128_CCM AES128-CCM
C09D TLS_RSA_WITH_AES_256_CCM AES256-CCM
C09E TLS_DHE_RSA_WITH_AES_128_CCM DHE-RSA-AES128-CCM
C09F TLS_DHE_RSA_WITH_AES_256_CCM DHE-RSA-AES256-CCM
C0A0 TLS_RSA_WITH_AES_128_CCM_8 AES128-CCM8
C0A1 TLS_RSA_WITH_AES_256_CCM_8 AES256-CCM8
C0A2 TLS_DHE_RSA_WITH_AES_128_CCM_8 DHE-RSA-AES128-CCM8
C0A3 TLS_DHE_RSA_WITH_AES_256_CCM_8 DHE-RSA-AES256-CCM8
C0AC TLS_ECDHE_ECDSA_WITH_AES_128_CCM ECDHE-ECDSA-AES128-CCM
C0AD TLS_ECDHE_ECDSA_WITH_AES_256_CCM ECDHE-ECDSA-AES256-CCM
C0AE TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8 ECDHE-ECDSA-AES128-CCM8
C0AF TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8 ECDHE-ECDSA-AES256-CCM8
CC13 TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256_OLD ECDHE-RSA-CHACHA20-POLY1305-OLD
CC14 TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256_OLD ECDHE-ECDSA-CHACHA20-POLY1305-OLD
CC15 TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256_OLD DHE-RSA-CHACHA20-POLY1305-OLD
CCA8 TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 ECDHE-RSA-CHACHA20-POLY1305
CCA9 TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 ECDHE-ECDSA-CHACHA20-POLY1305
CCAA TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256 DHE-RSA-CHACHA20-POLY1305
`;
function describe2(id, name, openssl) {
  const bare = name.replace(/_OLD$/, "");
  const withAt = bare.indexOf("_WITH_");
  if (withAt < 0) {
    const m = /^TLS_(.+)_(SHA256|SHA384)$/.exec(bare);
    return { id, name, ...openssl ? { openssl } : {}, kx: "any", auth: "any", cipher: m?.[1] ?? bare, mac: "AEAD", export: false, tls13: true };
  }
  const head = bare.slice(4, withAt);
  const tail = bare.slice(withAt + 6);
  const isExport = /_EXPORT/.test(head);
  const parts = head.replace(/_EXPORT(1024)?/, "").split("_");
  let kx = parts[0] ?? "RSA";
  let auth = parts[1] ?? (kx === "RSA" ? "RSA" : "anon");
  if (kx === "RSA") auth = "RSA";
  if (auth === "anon") kx = kx.replace(/E$/, "") === "ECDH" ? "ECDH" : "DH";
  const macMatch = /_(MD5|SHA|SHA256|SHA384)$/.exec(tail);
  const mac = /GCM|CCM|CHACHA20/.test(tail) ? "AEAD" : macMatch?.[1] ?? "AEAD";
  const cipher = macMatch ? tail.slice(0, tail.length - macMatch[0].length) : tail;
  return { id, name, ...openssl ? { openssl } : {}, kx, auth, cipher, mac, export: isExport, tls13: false };
}
var CIPHER_SUITES = TABLE.trim().split("\n").map((line) => {
  const [hex = "", name = "", openssl = "-"] = line.trim().split(/\s+/);
  return describe2(Number.parseInt(hex, 16), name, openssl === "-" ? void 0 : openssl);
});
var BY_ID = new Map(CIPHER_SUITES.map((s) => [s.id, s]));
function suiteById(id) {
  return BY_ID.get(id);
}
function suiteName(id) {
  return BY_ID.get(id)?.name ?? `0x${id.toString(16).padStart(4, "0").toUpperCase()}`;
}
function weakCategory(suite) {
  if (suite.tls13) return void 0;
  if (suite.cipher === "NULL") return "NULL";
  if (suite.auth === "anon") return "anonymous";
  if (suite.export) return "EXPORT";
  if (suite.cipher.startsWith("RC4")) return "RC4";
  if (suite.cipher.startsWith("RC2")) return "RC2";
  if (suite.cipher.startsWith("3DES")) return "3DES";
  if (suite.cipher.startsWith("DES")) return "DES";
  if (suite.cipher.startsWith("IDEA")) return "IDEA";
  return void 0;
}
function forwardSecret(suite) {
  return suite.tls13 || (suite.kx === "ECDHE" || suite.kx === "DHE") && suite.auth !== "anon";
}

// src/scanners/tls-probe/client-hello.ts
import { isIP } from "node:net";
import { randomBytes } from "node:crypto";
var VERSION_CODES = { SSLv3: 768, TLSv1: 769, "TLSv1.1": 770, "TLSv1.2": 771, "TLSv1.3": 772 };
var PROTOCOLS = Object.keys(VERSION_CODES);
var GROUPS_LEGACY = [29, 23, 24, 25, 30, 22, 21, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 26, 27, 28];
var GROUPS_13 = [29, 23, 24, 25, 30, 256, 257, 258];
var SIGNATURE_ALGORITHMS2 = [
  1027,
  1283,
  1539,
  2055,
  2056,
  2052,
  2053,
  2054,
  2057,
  2058,
  2059,
  1025,
  1281,
  1537,
  771,
  769,
  770,
  1026,
  1282,
  1538,
  515,
  513,
  514
];
function u16(n) {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}
function u24(n) {
  return Buffer.from([n >> 16 & 255, n >> 8 & 255, n & 255]);
}
function vector16(body) {
  return Buffer.concat([u16(body.length), body]);
}
function ext(type, body) {
  return Buffer.concat([u16(type), vector16(body)]);
}
function list16(values) {
  return vector16(Buffer.concat(values.map(u16)));
}
function buildClientHello(options) {
  const version = VERSION_CODES[options.version];
  const tls13 = version === VERSION_CODES["TLSv1.3"];
  const legacyVersion = tls13 ? VERSION_CODES["TLSv1.2"] : version;
  const suites = [...options.suites, ...version === VERSION_CODES.SSLv3 ? [255] : [], ...options.fallback ? [22016] : []];
  const extensions = [];
  if (version >= VERSION_CODES.TLSv1) {
    if (options.servername && isIP(options.servername) === 0) {
      const name = Buffer.from(options.servername, "ascii");
      extensions.push(ext(0, vector16(Buffer.concat([Buffer.from([0]), vector16(name)]))));
    }
    extensions.push(ext(10, list16(tls13 ? GROUPS_13 : GROUPS_LEGACY)));
    extensions.push(ext(11, Buffer.from([1, 0])));
    if (version >= VERSION_CODES["TLSv1.2"]) extensions.push(ext(13, list16(SIGNATURE_ALGORITHMS2)));
    extensions.push(ext(65281, Buffer.from([0])));
    extensions.push(ext(23, Buffer.alloc(0)));
    if (tls13) {
      extensions.push(ext(43, Buffer.from([2, 3, 4])));
      extensions.push(ext(51, vector16(Buffer.concat([u16(29), vector16(randomBytes(32))]))));
      extensions.push(ext(45, Buffer.from([1, 1])));
    }
  }
  const sessionId = tls13 ? randomBytes(32) : Buffer.alloc(0);
  const head = Buffer.concat([u16(legacyVersion), randomBytes(32), Buffer.from([sessionId.length]), sessionId, list16(suites), Buffer.from([1, 0])]);
  let extBytes = Buffer.concat(extensions);
  const length = 4 + head.length + (extensions.length > 0 ? 2 + extBytes.length : 0);
  if (extensions.length > 0 && length >= 256 && length < 512) {
    extBytes = Buffer.concat([extBytes, ext(21, Buffer.alloc(Math.max(1, 512 - length - 4)))]);
  }
  const body = extensions.length > 0 ? Buffer.concat([head, vector16(extBytes)]) : head;
  const handshake = Buffer.concat([Buffer.from([1]), u24(body.length), body]);
  const recordVersion = version === VERSION_CODES.SSLv3 ? VERSION_CODES.SSLv3 : VERSION_CODES.TLSv1;
  return Buffer.concat([Buffer.from([22]), u16(recordVersion), u16(handshake.length), handshake]);
}
var HRR_RANDOM = Buffer.from("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c", "hex");
var ServerHelloReader = class {
  constructor(keyExchange = false) {
    this.keyExchange = keyExchange;
  }
  keyExchange;
  records = Buffer.alloc(0);
  handshake = Buffer.alloc(0);
  hello;
  /** A ServerHello already read while waiting for the key exchange. */
  get partial() {
    return this.hello;
  }
  push(chunk) {
    this.records = Buffer.concat([this.records, chunk]);
    while (this.records.length >= 5) {
      const type = this.records[0] ?? 0;
      const major = this.records[1] ?? 0;
      if (type !== 21 && type !== 22 || major !== 3) {
        return this.hello ?? { kind: "not-tls", detail: (type & 128) !== 0 ? "an SSLv2 answer" : "an answer that is not TLS" };
      }
      const length = this.records.readUInt16BE(3);
      if (this.records.length < 5 + length) return void 0;
      const fragment = this.records.subarray(5, 5 + length);
      this.records = this.records.subarray(5 + length);
      if (type === 21) return this.hello ?? { kind: "alert", level: fragment[0] ?? 0, description: fragment[1] ?? 0 };
      this.handshake = Buffer.concat([this.handshake, fragment]);
      for (; ; ) {
        if (this.handshake.length < 4) break;
        const msgType = this.handshake[0] ?? 0;
        const msgLength = (this.handshake[1] ?? 0) << 16 | (this.handshake[2] ?? 0) << 8 | (this.handshake[3] ?? 0);
        if (this.handshake.length < 4 + msgLength) break;
        const body = this.handshake.subarray(4, 4 + msgLength);
        this.handshake = this.handshake.subarray(4 + msgLength);
        if (!this.hello) {
          if (msgType !== 2) return { kind: "not-tls", detail: `handshake message ${msgType} instead of ServerHello` };
          const answer = parseServerHello(body);
          if (answer.kind !== "hello" || !this.keyExchange || answer.version >= 772 || answer.helloRetry) return answer;
          this.hello = answer;
          continue;
        }
        if (msgType === 12) {
          const bits = dhPrimeBits(body);
          return bits === void 0 ? this.hello : { ...this.hello, dhBits: bits };
        }
        if (msgType === 14) return this.hello;
      }
    }
    return void 0;
  }
};
function dhPrimeBits(body) {
  if (body.length < 3) return void 0;
  const length = body.readUInt16BE(0);
  if (length === 0 || body.length < 2 + length) return void 0;
  let i = 2;
  while (i < 2 + length && body[i] === 0) i++;
  if (i === 2 + length) return 0;
  const top = body[i] ?? 0;
  return (2 + length - i - 1) * 8 + (32 - Math.clz32(top));
}
function parseServerHello(body) {
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
      if (type === 43 && length === 2 && p + 6 <= end) version = body.readUInt16BE(p + 4);
      if (type === 65281) secureRenegotiation = true;
      p += 4 + length;
    }
  }
  return { kind: "hello", version, suite, helloRetry, secureRenegotiation };
}
var ALERTS = {
  0: "close_notify",
  10: "unexpected_message",
  20: "bad_record_mac",
  40: "handshake_failure",
  42: "bad_certificate",
  47: "illegal_parameter",
  48: "unknown_ca",
  50: "decode_error",
  51: "decrypt_error",
  70: "protocol_version",
  71: "insufficient_security",
  80: "internal_error",
  86: "inappropriate_fallback",
  90: "user_canceled",
  109: "missing_extension",
  110: "unsupported_extension",
  112: "unrecognized_name",
  120: "no_application_protocol"
};
function alertName(description) {
  return ALERTS[description] ?? `alert ${description}`;
}

// src/scanners/tls-probe/connect.ts
import { lookup } from "node:dns/promises";
import { connect, isIP as isIP2 } from "node:net";
var ProbeError = class extends Error {
  constructor(message2, stage) {
    super(message2);
    this.stage = stage;
  }
  stage;
  name = "ProbeError";
};
function describeNetError(error) {
  const code = error?.code;
  switch (code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "host name not found";
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return "host unreachable";
    case "ECONNRESET":
      return "connection reset by the server";
    case "EPIPE":
      return "connection closed by the server";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
async function resolveEndpoint(endpoint, signal) {
  if (isIP2(endpoint.host) !== 0) return endpoint;
  let timer;
  let onAbort;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve(new ProbeError(`host name not resolved within ${endpoint.connectTimeoutMs} ms`, "connect")), endpoint.connectTimeoutMs);
  });
  const aborted = new Promise((resolve) => {
    onAbort = () => resolve(new ProbeError("aborted", "aborted"));
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([
      lookup(endpoint.host, { all: true }).then(
        (addresses) => {
          const chosen = addresses.find((a) => a.family === 4) ?? addresses[0];
          return chosen ? { ...endpoint, address: chosen.address } : new ProbeError("host name has no address", "connect");
        },
        (error) => new ProbeError(describeNetError(error), "connect")
      ),
      timeout,
      aborted
    ]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal.removeEventListener("abort", onAbort);
  }
}
function openStream(endpoint, signal) {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new ProbeError("aborted", "aborted"));
      return;
    }
    const socket = connect({ host: endpoint.address ?? endpoint.host, port: endpoint.port });
    socket.setNoDelay(true);
    let settled = false;
    const finish = (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      socket.removeListener("error", onError);
      socket.removeListener("close", onClose);
      if (error) {
        socket.destroy();
        reject(error);
      } else resolve(socket);
    };
    const onAbort = () => finish(new ProbeError("aborted", "aborted"));
    const onError = (error) => finish(new ProbeError(describeNetError(error), connected ? "starttls" : "connect"));
    const onClose = () => finish(new ProbeError("connection closed during STARTTLS", "starttls"));
    let connected = false;
    let timer = setTimeout(() => finish(new ProbeError(`no TCP connection within ${endpoint.connectTimeoutMs} ms`, "connect")), endpoint.connectTimeoutMs);
    signal.addEventListener("abort", onAbort, { once: true });
    socket.on("error", onError);
    socket.on("close", onClose);
    socket.once("connect", () => {
      connected = true;
      clearTimeout(timer);
      if (endpoint.starttls !== "smtp") {
        finish();
        return;
      }
      timer = setTimeout(() => finish(new ProbeError(`SMTP STARTTLS not completed within ${endpoint.handshakeTimeoutMs} ms`, "starttls")), endpoint.handshakeTimeoutMs);
      smtpStartTls(socket).then(
        () => finish(),
        (error) => finish(error instanceof ProbeError ? error : new ProbeError(describeNetError(error), "starttls"))
      );
    });
  });
}
async function smtpStartTls(socket) {
  const replies = smtpReplies(socket);
  try {
    const greeting = await replies.next();
    if (greeting.code !== 220) throw new ProbeError(`SMTP greeting was ${greeting.code}, not 220`, "starttls");
    socket.write("EHLO tollgate.invalid\r\n");
    const ehlo = await replies.next();
    if (ehlo.code !== 250) throw new ProbeError(`SMTP EHLO answered ${ehlo.code}`, "starttls");
    if (!ehlo.lines.some((l) => /^STARTTLS\b/i.test(l.slice(4)))) throw new ProbeError("the SMTP server does not offer STARTTLS", "starttls");
    socket.write("STARTTLS\r\n");
    const ready = await replies.next();
    if (ready.code !== 220) throw new ProbeError(`SMTP STARTTLS answered ${ready.code}`, "starttls");
  } finally {
    replies.stop();
  }
}
function smtpReplies(socket) {
  let buffer = "";
  let lines = [];
  const ready = [];
  let waiting;
  const onData = (chunk) => {
    buffer += chunk.toString("latin1");
    let nl;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl).replace(/\r$/, "");
      buffer = buffer.slice(nl + 1);
      lines.push(line);
      if (/^\d{3}(?: |$)/.test(line)) {
        const reply = { code: Number(line.slice(0, 3)), lines };
        lines = [];
        if (waiting) {
          const w = waiting;
          waiting = void 0;
          w(reply);
        } else ready.push(reply);
      }
    }
  };
  socket.on("data", onData);
  return {
    next: () => {
      const r = ready.shift();
      return r ? Promise.resolve(r) : new Promise((resolve) => waiting = resolve);
    },
    stop: () => socket.removeListener("data", onData)
  };
}

// src/scanners/tls-probe/probe.ts
import { X509Certificate } from "node:crypto";
import { checkServerIdentity, connect as tlsConnect } from "node:tls";
async function helloProbe(endpoint, hello, signal, keyExchange = false) {
  let socket;
  try {
    socket = await openStream(endpoint, signal);
  } catch (error) {
    return { accepted: false, reason: error instanceof Error ? error.message : String(error), failure: "connect" };
  }
  return new Promise((resolve) => {
    const reader = new ServerHelloReader(keyExchange);
    let done = false;
    const finish = (outcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(
      () => finish({ accepted: false, reason: `no answer within ${endpoint.handshakeTimeoutMs} ms`, failure: "timeout" }),
      endpoint.handshakeTimeoutMs
    );
    const onAbort = () => finish({ accepted: false, reason: "aborted", failure: "connect" });
    signal.addEventListener("abort", onAbort, { once: true });
    socket.on("data", (chunk) => {
      const answer = reader.push(chunk);
      if (!answer) return;
      if (answer.kind === "hello") {
        const { version, suite, helloRetry, secureRenegotiation } = answer;
        finish({ accepted: true, version, suite, helloRetry, secureRenegotiation, ...answer.dhBits !== void 0 ? { dhBits: answer.dhBits } : {} });
      } else if (answer.kind === "alert") finish({ accepted: false, reason: `alert ${alertName(answer.description)}` });
      else finish({ accepted: false, reason: `the server sent ${answer.detail}`, failure: "not-tls" });
    });
    const early = (reason) => {
      const hello2 = reader.partial;
      if (hello2?.kind === "hello") finish({ accepted: true, version: hello2.version, suite: hello2.suite, helloRetry: hello2.helloRetry, secureRenegotiation: hello2.secureRenegotiation });
      else finish({ accepted: false, reason });
    };
    socket.on("error", (error) => early(describeNetError(error)));
    socket.on("close", () => early("connection closed"));
    socket.write(buildClientHello(hello));
  });
}
async function fullHandshake(endpoint, secureContext, signal) {
  let socket;
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
      checkServerIdentity: () => void 0,
      ...isIpAddress(name) ? {} : { servername: name }
    });
    const finish = (outcome) => {
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
      endpoint.handshakeTimeoutMs
    );
    const onAbort = () => finish({ ok: false, stage: "aborted", reason: "aborted" });
    signal.addEventListener("abort", onAbort, { once: true });
    tls.on("error", (error) => finish({ ok: false, stage: "handshake", reason: tlsErrorText(error) }));
    tls.on("close", () => finish({ ok: false, stage: "handshake", reason: "connection closed during the TLS handshake" }));
    tls.once("secureConnect", () => {
      const peer = tls.getPeerCertificate(true);
      const chain = peerChain(peer);
      const leaf = chain[0];
      const identity = leaf && peer.raw ? checkServerIdentity(name, peer) : void 0;
      const cipher = tls.getCipher();
      const ephemeral = tls.getEphemeralKeyInfo();
      const error = tls.authorizationError;
      const outcome = {
        ok: true,
        protocol: tls.getProtocol() ?? "unknown",
        cipher: cipher.standardName || cipher.name,
        chain,
        authorized: tls.authorized
      };
      if (!tls.authorized && error !== void 0 && error !== null) {
        outcome.authorizationError = typeof error === "string" ? error : error.code ?? String(error);
      }
      if (identity) outcome.hostnameError = identity.message;
      if (ephemeral && typeof ephemeral === "object" && "type" in ephemeral && typeof ephemeral.type === "string") {
        outcome.ephemeral = { type: ephemeral.type, ...typeof ephemeral.size === "number" ? { size: ephemeral.size } : {} };
      }
      finish(outcome);
    });
  });
}
function peerChain(peer) {
  const chain = [];
  const seen = /* @__PURE__ */ new Set();
  let current = peer;
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
function tlsErrorText(error) {
  const e = error;
  if (e.code === "ECONNRESET") return "connection reset by the server during the TLS handshake";
  return e.reason ?? e.message ?? String(error);
}
function isIpAddress(name) {
  return /^[\d.]+$/.test(name) || name.includes(":");
}

// src/scanners/tls-probe/profiles.ts
var TLS13 = ["TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"];
var INTERMEDIATE = [
  "ECDHE-ECDSA-AES128-GCM-SHA256",
  "ECDHE-RSA-AES128-GCM-SHA256",
  "ECDHE-ECDSA-AES256-GCM-SHA384",
  "ECDHE-RSA-AES256-GCM-SHA384",
  "ECDHE-ECDSA-CHACHA20-POLY1305",
  "ECDHE-RSA-CHACHA20-POLY1305",
  "DHE-RSA-AES128-GCM-SHA256",
  "DHE-RSA-AES256-GCM-SHA384",
  "DHE-RSA-CHACHA20-POLY1305"
];
var OLD = [
  ...INTERMEDIATE,
  "ECDHE-ECDSA-AES128-SHA256",
  "ECDHE-RSA-AES128-SHA256",
  "ECDHE-ECDSA-AES128-SHA",
  "ECDHE-RSA-AES128-SHA",
  "ECDHE-ECDSA-AES256-SHA384",
  "ECDHE-RSA-AES256-SHA384",
  "ECDHE-ECDSA-AES256-SHA",
  "ECDHE-RSA-AES256-SHA",
  "DHE-RSA-AES128-SHA256",
  "DHE-RSA-AES256-SHA256",
  "AES128-GCM-SHA256",
  "AES256-GCM-SHA384",
  "AES128-SHA256",
  "AES256-SHA256",
  "AES128-SHA",
  "AES256-SHA",
  "DES-CBC3-SHA"
];
function ids(names) {
  const wanted = new Set(names);
  return new Set(CIPHER_SUITES.filter((s) => s.openssl !== void 0 && wanted.has(s.openssl) || wanted.has(s.name)).map((s) => s.id));
}
var PROFILES = {
  modern: { name: "modern", minProtocol: "TLSv1.3", legacySuites: /* @__PURE__ */ new Set(), tls13Suites: ids(TLS13) },
  intermediate: { name: "intermediate", minProtocol: "TLSv1.2", legacySuites: ids(INTERMEDIATE), tls13Suites: ids(TLS13) },
  old: { name: "old", minProtocol: "TLSv1", legacySuites: ids(OLD), tls13Suites: ids(TLS13) }
};

// src/scanners/tls-probe/rules.ts
var HELP2 = `${INFORMATION_URI}/blob/main/src/gates/tls/README.md`;
function rule2(id, severity, title, description, remediation) {
  return { id: `tls/${id}`, severity, title, description, remediation, helpUri: `${HELP2}#${id}`, tags: ["security", "tls"] };
}
var ENDPOINT_RULES = {
  unreachable: rule2("unreachable", "high", "Endpoint unreachable", "The endpoint named in the policy could not be reached, so it was not checked.", "Fix the host and port in the policy, or make the endpoint reachable from CI."),
  incomplete: rule2("probe-incomplete", "medium", "Endpoint checks incomplete", "The endpoint answered so slowly that its checks did not finish within the endpoint timeout; some protocols or suites may be unreported.", "Make the endpoint answer faster, or raise endpoint-timeout."),
  handshakeFailed: rule2("handshake-failed", "high", "TLS handshake failed", "The endpoint accepted a connection but no TLS handshake completed.", "Check that the port serves TLS (or set starttls) and that it accepts a current client."),
  untrusted: rule2("untrusted-certificate", "high", "Certificate chain not trusted", "The certificate chain does not verify against the system trust store plus the configured CA bundle.", "Serve a certificate from a trusted CA, or add your private CA to the endpoint's ca bundle."),
  incompleteChain: rule2("incomplete-chain", "high", "Incomplete certificate chain", "The server does not send the intermediate certificates that link its certificate to a trusted root; many clients then fail.", "Serve the full chain (leaf followed by its intermediates)."),
  hostnameMismatch: rule2("hostname-mismatch", "high", "Certificate does not match the host name", "The certificate's subjectAltName does not cover the host name clients connect to.", "Reissue the certificate with the host name in subjectAltName, or set servername."),
  oldProtocol: rule2("protocol-below-minimum", "high", "Protocol version below the minimum", "The server accepts a protocol version below min-protocol; SSLv3, TLS 1.0 and 1.1 have known attacks and are deprecated (RFC 8996).", "Disable the old protocol versions in the server configuration."),
  weakCipher: rule2("weak-cipher", "high", "Weak cipher suite accepted", "The server accepts NULL, anonymous, EXPORT, RC4, DES, 3DES or similar cipher suites that an attacker can break or bypass.", "Remove the weak suites from the server's cipher list (see Mozilla's recommended configurations)."),
  noForwardSecrecy: rule2("no-forward-secrecy", "high", "No forward secrecy", "The server offers no ephemeral (EC)DHE key exchange for a protocol version, so a stolen key decrypts recorded traffic.", "Enable ECDHE cipher suites and prefer them."),
  weakDh: rule2("weak-dh", "medium", "Weak Diffie-Hellman group", "DHE key exchange with a group below 2048 bits (1024 for the old profile) can be broken by a well-funded attacker (Logjam); below 1024 bits it is high severity.", "Configure a 2048-bit DH group (RFC 7919 ffdhe2048) or remove the DHE suites."),
  noFallbackScsv: rule2("no-fallback-scsv", "low", "No downgrade protection", "The server accepts a fallback retry below its best version even when the client marks it with TLS_FALLBACK_SCSV (RFC 7507), so an attacker can force old protocols on clients that retry.", "Upgrade the TLS library, or disable the old protocol versions."),
  insecureRenegotiation: rule2("insecure-renegotiation", "medium", "No secure renegotiation", "The server does not answer the renegotiation_info extension (RFC 5746), leaving renegotiation open to prefix injection (CVE-2009-3555).", "Upgrade the TLS library, or disable renegotiation."),
  outsideProfile: rule2("cipher-outside-profile", "medium", "Cipher suite outside the Mozilla profile", "The server accepts cipher suites that the chosen Mozilla profile (modern, intermediate, old) does not recommend.", "Use the cipher list of the profile from ssl-config.mozilla.org.")
};

// src/scanners/tls-probe/index.ts
var LEGACY_SUITES = CIPHER_SUITES.filter((s) => !s.tls13).map((s) => s.id);
var TLS13_SUITES = CIPHER_SUITES.filter((s) => s.tls13).map((s) => s.id);
var COMMON_LEGACY = CIPHER_SUITES.filter(
  (s) => !s.tls13 && ["ECDHE", "DHE", "RSA"].includes(s.kx) && ["RSA", "ECDSA", "DSS"].includes(s.auth) && !s.export && /^(AES|CHACHA20|3DES|RC4_128|CAMELLIA)/.test(s.cipher)
).map((s) => s.id);
var RARE_LEGACY = LEGACY_SUITES.filter((id) => !COMMON_LEGACY.includes(id));
var VERSION_REFUSALS = /* @__PURE__ */ new Set(["alert protocol_version", "alert inappropriate_fallback"]);
var DHE_SUITES = CIPHER_SUITES.filter((s) => !s.tls13 && s.kx === "DHE" && s.auth !== "anon" && !s.export).map((s) => s.id);
var FS_SUITES = CIPHER_SUITES.filter((s) => !s.tls13 && forwardSecret(s)).map((s) => s.id);
var WEAK_SEVERITY = {
  NULL: "critical",
  anonymous: "critical",
  EXPORT: "critical",
  RC4: "high",
  DES: "high",
  RC2: "high",
  "3DES": "high",
  IDEA: "high"
};
var ENUMERATION_GROUPS = 4;
var DEFAULT_TOTAL_TIMEOUT_MS = 3e4;
function rank(version) {
  return VERSION_CODES[version];
}
var TrustStore = class {
  contexts = /* @__PURE__ */ new Map();
  /** System certificates Node does not bundle (locally added CAs...): parsing all 140 roots again costs ~100 ms. */
  systemExtras;
  constructor(systemCaFiles) {
    const bundled = new Set(rootCertificates.map(normalizePem));
    this.systemExtras = Promise.all(systemCaFiles.map((f) => readFile(f, "utf8").catch(() => ""))).then(
      (texts) => texts.flatMap((t) => t.match(PEM_CERT) ?? []).filter((pem) => !bundled.has(normalizePem(pem)))
    );
  }
  context(extraPem) {
    const key = extraPem ?? "";
    let ctx = this.contexts.get(key);
    if (!ctx) {
      ctx = this.systemExtras.then((extras) => {
        const additions = extraPem ? [...extras, ...extraPem.match(PEM_CERT) ?? []] : extras;
        const base = { ciphers: "ALL:@SECLEVEL=0", minVersion: "TLSv1", maxVersion: "TLSv1.3" };
        const context = createSecureContext(base);
        const native = context.context;
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
};
var PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
function normalizePem(pem) {
  return pem.replace(/\s+/g, "");
}
async function probeEndpoint(target, options) {
  const started = performance.now();
  const resolved = await resolveEndpoint(target, options.signal);
  if (resolved instanceof ProbeError) {
    const report2 = { label: target.label, reachable: false, error: resolved.message, protocols: {}, suites: {}, forwardSecrecy: {}, certificates: [], probes: 0, durationMs: Math.round(performance.now() - started) };
    const findings2 = resolved.stage === "aborted" ? [] : [
      makeFinding({
        ruleId: ENDPOINT_RULES.unreachable.id,
        gate: options.gate,
        severity: ENDPOINT_RULES.unreachable.severity,
        message: `Could not reach ${target.label}: ${resolved.message}.`,
        key: `${target.label}\0unreachable`,
        ...ENDPOINT_RULES.unreachable.helpUri ? { helpUri: ENDPOINT_RULES.unreachable.helpUri } : {},
        properties: { endpoint: target.label, reason: resolved.message }
      })
    ];
    return { report: report2, findings: findings2 };
  }
  const endpoint = resolved;
  const controller = new AbortController();
  const onParentAbort = () => controller.abort();
  options.signal.addEventListener("abort", onParentAbort, { once: true });
  if (options.signal.aborted) controller.abort();
  setMaxListeners(0, controller.signal);
  const signal = controller.signal;
  const profile = PROFILES[options.profile];
  const servername = endpoint.servername ?? endpoint.host;
  let probes = 0;
  const hello = (version, suites, keyExchange = false, fallback2 = false) => {
    probes++;
    return helloProbe(endpoint, { version, suites, servername, ...fallback2 ? { fallback: fallback2 } : {} }, signal, keyExchange);
  };
  const enumerateChain = async (version, candidates) => {
    const remaining = new Set(candidates);
    const accepted2 = [];
    while (remaining.size > 0 && !signal.aborted) {
      const answer = await hello(version, [...remaining]);
      if (!answer.accepted || answer.version !== VERSION_CODES[version] || !remaining.has(answer.suite)) break;
      accepted2.push(answer.suite);
      remaining.delete(answer.suite);
    }
    return accepted2;
  };
  const enumerate = async (version, candidates) => {
    if (candidates.length === 0) return [];
    const answer = await hello(version, candidates);
    if (!answer.accepted || answer.version !== VERSION_CODES[version] || !candidates.includes(answer.suite)) return [];
    const rest = candidates.filter((id) => id !== answer.suite);
    const groups = Math.max(1, Math.min(ENUMERATION_GROUPS, Math.ceil(rest.length / 8)));
    const parts = Array.from({ length: groups }, (_, g) => rest.filter((_2, i) => i % groups === g));
    return [answer.suite, ...(await Promise.all(parts.map((part) => enumerateChain(version, part)))).flat()];
  };
  const probeVersion = async (version) => {
    let answer = await hello(version, version === "TLSv1.3" ? [...TLS13_SUITES, ...COMMON_LEGACY] : COMMON_LEGACY);
    if (version !== "TLSv1.3" && !answer.accepted && !answer.failure && !VERSION_REFUSALS.has(answer.reason)) answer = await hello(version, RARE_LEGACY);
    if (!answer.accepted || answer.version !== VERSION_CODES[version]) return { version, accepted: false, answer, suites: [] };
    const accepted2 = true;
    const chosen = answer.suite;
    const first = [chosen];
    if (version === "TLSv1.3") {
      const outside2 = CIPHER_SUITES.filter((s) => s.tls13 && !profile.tls13Suites.has(s.id)).map((s) => s.id);
      return { version, accepted: accepted2, answer, suites: unique([...first, ...await enumerate(version, outside2)]) };
    }
    const suspicious = LEGACY_SUITES.filter((id) => {
      const suite = suiteById(id);
      return suite !== void 0 && (weakCategory(suite) !== void 0 || !profile.legacySuites.has(id));
    });
    const firstSuite = suiteById(chosen);
    const fsProbe = firstSuite && forwardSecret(firstSuite) ? Promise.resolve(answer) : hello(version, FS_SUITES);
    const [fs, found] = await Promise.all([fsProbe, enumerate(version, suspicious)]);
    const forwardSecretOk = fs.accepted && fs.version === VERSION_CODES[version];
    return { version, accepted: accepted2, answer, suites: unique([...first, ...found]), forwardSecret: forwardSecretOk };
  };
  const handshake = options.secureContext.then((context) => fullHandshake(endpoint, context, signal)).then((outcome) => {
    if (!outcome.ok && outcome.stage === "connect") controller.abort();
    return outcome;
  });
  probes++;
  let overBudget = false;
  const budget = setTimeout(() => {
    overBudget = true;
    controller.abort();
  }, endpoint.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS);
  const [main, ...versions] = await Promise.all([handshake, ...PROTOCOLS.map(probeVersion)]);
  const accepted = versions.filter((v) => v.accepted);
  const legacy = accepted.filter((v) => v.version !== "TLSv1.3").at(-1);
  const below = accepted.length >= 2 ? accepted.at(-2) : void 0;
  const [dh, fallback] = await Promise.all([
    legacy && !signal.aborted ? hello(legacy.version, DHE_SUITES, true) : void 0,
    below && below.version !== "SSLv3" && !signal.aborted ? hello(below.version, COMMON_LEGACY, false, true) : void 0
  ]);
  clearTimeout(budget);
  options.signal.removeEventListener("abort", onParentAbort);
  const report = {
    label: endpoint.label,
    reachable: main.ok || main.stage !== "connect",
    protocols: {},
    suites: {},
    forwardSecrecy: {},
    certificates: [],
    probes,
    durationMs: 0
  };
  const findings = [];
  const add = (rule3, message2, key, properties = {}, severity = rule3.severity) => {
    findings.push(
      makeFinding({
        ruleId: rule3.id,
        gate: options.gate,
        severity,
        message: message2,
        key: `${endpoint.label}\0${key}`,
        ...rule3.helpUri ? { helpUri: rule3.helpUri } : {},
        properties: { endpoint: endpoint.label, ...properties }
      })
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
    if (v.forwardSecret !== void 0) report.forwardSecrecy[v.version] = v.forwardSecret;
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
  const weak = /* @__PURE__ */ new Map();
  const outside = /* @__PURE__ */ new Map();
  for (const v of versions) {
    if (!v.accepted) continue;
    for (const id of v.suites) {
      const suite = suiteById(id);
      if (!suite) continue;
      const category = weakCategory(suite);
      if (category) {
        const entry = weak.get(category) ?? { suites: /* @__PURE__ */ new Set(), versions: /* @__PURE__ */ new Set() };
        entry.suites.add(suite.name);
        entry.versions.add(v.version);
        weak.set(category, entry);
      } else if (rank(v.version) >= minimum && !(suite.tls13 ? profile.tls13Suites : profile.legacySuites).has(id)) {
        outside.set(v.version, [...outside.get(v.version) ?? [], suite.name]);
      }
    }
  }
  for (const [category, entry] of weak) {
    const severity = category === "3DES" && options.profile === "old" ? "low" : WEAK_SEVERITY[category];
    const names = [...entry.suites].sort();
    add(ENDPOINT_RULES.weakCipher, `${endpoint.label} accepts ${category} cipher suites (${names.join(", ")}) on ${[...entry.versions].join(", ")}: remove them.`, `weak:${category}`, { category, suites: names, protocols: [...entry.versions] }, severity);
  }
  if (dh?.accepted && dh.dhBits !== void 0) {
    report.dhBits = dh.dhBits;
    const minimum2 = options.profile === "old" ? 1024 : 2048;
    if (dh.dhBits < minimum2) {
      add(ENDPOINT_RULES.weakDh, `${endpoint.label} uses a ${dh.dhBits}-bit Diffie-Hellman group for DHE, below the ${minimum2} bits of Mozilla's ${options.profile} profile: use a 2048-bit group (ffdhe2048) or drop DHE suites.`, "dh", { dhBits: dh.dhBits, minimum: minimum2 }, dh.dhBits < 1024 ? "high" : "medium");
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
function certificateFindings(endpoint, main, options, report, findings) {
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
          ...issue.rule.helpUri ? { helpUri: issue.rule.helpUri } : {},
          properties: { endpoint: endpoint.label, chainIndex: index, ...issue.properties }
        })
      );
    }
  });
}
function unique(ids2) {
  return [...new Set(ids2)];
}
async function probeEndpoints(input, ctx) {
  const gate2 = input.gate ?? "tls";
  const trust = new TrustStore(input.systemCaFiles);
  const run = new AbortController();
  setMaxListeners(0, run.signal);
  const onAbort = () => run.abort();
  if (ctx.signal.aborted) run.abort();
  else ctx.signal.addEventListener("abort", onAbort, { once: true });
  const findings = [];
  const reports = new Array(input.endpoints.length);
  let next = 0;
  const worker = async () => {
    for (; ; ) {
      const i = next++;
      const endpoint = input.endpoints[i];
      if (endpoint === void 0 || run.signal.aborted) return;
      let extra;
      if (endpoint.ca) {
        try {
          extra = await readFile(join(ctx.root, endpoint.ca), "utf8");
        } catch (error) {
          findings.push(caError(gate2, endpoint, `it cannot be read (${error instanceof Error ? error.message : String(error)})`));
        }
        if (extra !== void 0 && !extra.includes("-----BEGIN CERTIFICATE-----")) {
          findings.push(caError(gate2, endpoint, "it holds no PEM certificate"));
          extra = void 0;
        }
      }
      const secureContext = trust.context(extra).catch((error) => {
        findings.push(caError(gate2, endpoint, `its certificates do not load (${error instanceof Error ? error.message : String(error)})`));
        return trust.context(void 0);
      });
      const { report, findings: found } = await probeEndpoint(endpoint, { ...input, secureContext, signal: run.signal, gate: gate2 });
      reports[i] = report;
      findings.push(...found);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(input.concurrency, input.endpoints.length)) }, worker));
  ctx.signal.removeEventListener("abort", onAbort);
  const done = reports.filter((r) => r !== void 0);
  const notes = done.filter((r) => r.unanswered && r.reachable && r.negotiated).map((r) => `${r.label}: no answer to the ${(r.unanswered ?? []).join(", ")} probe(s) in time; counted as not accepted`);
  return {
    findings,
    endpoints: done,
    ...notes.length > 0 ? { notes } : {},
    metrics: {
      endpoints: input.endpoints.length,
      endpointsReachable: done.filter((r) => r.reachable).length,
      probes: done.reduce((n, r) => n + r.probes, 0)
    }
  };
}
function caError(gate2, endpoint, reason) {
  return makeFinding({
    ruleId: CERT_RULES.parseError.id,
    gate: gate2,
    severity: CERT_RULES.parseError.severity,
    message: `The CA bundle ${endpoint.ca ?? ""} of ${endpoint.label} is not used: ${reason}; fix the ca path or file.`,
    ...endpoint.ca ? { location: { path: endpoint.ca } } : {},
    key: endpoint.label,
    ...CERT_RULES.parseError.helpUri ? { helpUri: CERT_RULES.parseError.helpUri } : {},
    properties: { endpoint: endpoint.label }
  });
}

// src/scanners/x509/index.ts
import { createHash, createPublicKey } from "node:crypto";
import { readFile as readFile2 } from "node:fs/promises";
import { join as join2 } from "node:path";

// src/scanners/x509/parse.ts
import { createPrivateKey, X509Certificate as X509Certificate2 } from "node:crypto";
import forge from "node-forge";
var CERT_LABELS = /* @__PURE__ */ new Set(["CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE"]);
var PKCS7_LABELS = /* @__PURE__ */ new Set(["PKCS7", "PKCS #7 SIGNED DATA", "CMS"]);
var KEY_LABELS = /* @__PURE__ */ new Set(["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY"]);
var PEM_BLOCK = /-----BEGIN ([A-Z0-9 #]+)-----\r?\n([\s\S]*?)-----END \1-----/g;
function parseCertificateFile(bytes, path, options = {}) {
  const out = { certificates: [], keys: [], encryptedKeys: 0, errors: [] };
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
  const der = bytes;
  if (lower.endsWith(".p7b") || lower.endsWith(".p7c")) {
    try {
      addPkcs7(der, void 0, out);
    } catch (error) {
      out.errors.push(`not a PKCS#7 bundle (${message(error)})`);
    }
    return out;
  }
  try {
    out.certificates.push(certificate(der, out.certificates.length));
  } catch (certError) {
    try {
      addPkcs7(der, void 0, out);
    } catch {
      if (looksLikeText(bytes)) return out;
      out.errors.push(`not a DER certificate or PKCS#7 bundle (${message(certError)})`);
    }
  }
  return out;
}
function readPem(text, out) {
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
      else if (label === "ENCRYPTED PRIVATE KEY" || KEY_LABELS.has(label) && headers && /ENCRYPTED/.test(body)) out.encryptedKeys++;
      else if (KEY_LABELS.has(label)) out.keys.push({ key: createPrivateKey(match[0]), line, storage: "unencrypted PEM" });
    } catch (error) {
      out.errors.push(`${label} block at line ${line}: ${message(error)}`);
    }
  }
}
function addPkcs7(der, line, out) {
  for (const cert of pkcs7Certificates(der)) {
    const parsed = certificate(cert, out.certificates.length);
    out.certificates.push(line === void 0 ? parsed : { ...parsed, line });
  }
}
function certificate(der, index) {
  return { cert: new X509Certificate2(der), der, index };
}
function readPkcs12(bytes, options, out) {
  let asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString("binary")));
  } catch (error) {
    out.errors.push(`not a PKCS#12 file (${message(error)})`);
    return;
  }
  const candidates = [
    { password: "", secret: false },
    ...(options.passwords ?? []).filter((p) => p !== "").map((password) => ({ password, secret: true }))
  ];
  let lastError;
  for (const { password, secret } of candidates) {
    let p12;
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
          const der = bag.key ? forge.asn1.toDer(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key))) : bag.asn1 ? forge.asn1.toDer(bag.asn1) : void 0;
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
var KEY_BAG = "1.2.840.113549.1.12.10.1.1";
var SHROUDED_KEY_BAG = "1.2.840.113549.1.12.10.1.2";
var CERT_BAG = "1.2.840.113549.1.12.10.1.3";
function bagsOf(p12, oid) {
  return p12.getBags({ bagType: oid })[oid] ?? [];
}
function countNewlines(text, from, to) {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
function looksLikeText(bytes) {
  const n = Math.min(bytes.length, 512);
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b < 9 || b > 13 && b < 32) return false;
  }
  return true;
}
function message(error) {
  return error instanceof Error ? error.message : String(error);
}

// src/scanners/x509/index.ts
var READ_CONCURRENCY = 16;
async function inspectFiles(input, ctx) {
  const gate2 = input.gate ?? "tls";
  const findings = [];
  const certs = [];
  const keys = [];
  let encryptedKeys = 0;
  let queue = 0;
  const files = [...input.files];
  async function worker() {
    while (queue < files.length) {
      if (ctx.signal.aborted) return;
      const path = files[queue++];
      if (path === void 0) return;
      let bytes;
      try {
        bytes = await readFile2(join2(ctx.root, path));
      } catch (error) {
        findings.push(parseError(gate2, path, `cannot read the file (${error instanceof Error ? error.message : String(error)})`));
        continue;
      }
      const parsed = parseCertificateFile(bytes, path, { passwords: input.passwords });
      for (const c of parsed.certificates) certs.push({ path, item: { ...c, facts: certFacts(c.cert, c.der, input.now) } });
      for (const k of parsed.keys) keys.push({ path, item: k });
      encryptedKeys += parsed.encryptedKeys;
      for (const e of parsed.errors) findings.push(parseError(gate2, path, e));
    }
  }
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  const issuers = new Set(certs.filter((c) => !c.item.facts.selfSigned).map((c) => c.item.cert.issuer));
  const allowSelfSigned = globMatcher(input.allowSelfSigned);
  for (const { path, item } of certs) {
    const { facts } = item;
    const leaf = !facts.ca || !issuers.has(item.cert.subject) && facts.subjectAltName !== void 0;
    const issues = inspectCertificate(facts, { now: input.now, minDaysLeft: input.minDaysLeft, leaf, allowSelfSigned: allowSelfSigned(path) });
    for (const issue of issues) {
      findings.push(
        makeFinding({
          ruleId: issue.rule.id,
          gate: gate2,
          severity: issue.rule.severity,
          message: issue.message,
          location: item.line !== void 0 ? { path, startLine: item.line } : { path },
          key: facts.fingerprint256,
          ...issue.rule.helpUri ? { helpUri: issue.rule.helpUri } : {},
          properties: { ...issue.properties, index: item.index }
        })
      );
    }
  }
  const bySpki = /* @__PURE__ */ new Map();
  for (const c of certs) bySpki.set(spkiHash(c.item.cert.publicKey), c);
  for (const { path, item } of keys) {
    let hash;
    try {
      hash = spkiHash(createPublicKey(item.key));
    } catch {
      continue;
    }
    const match = bySpki.get(hash);
    if (!match) continue;
    findings.push(
      makeFinding({
        ruleId: CERT_RULES.privateKeyExposed.id,
        gate: gate2,
        severity: CERT_RULES.privateKeyExposed.severity,
        message: `The ${item.storage} private key here matches certificate ${describe(match.item.facts)} in ${match.path}: remove it from the repository, revoke the certificate and reissue it with a new key.`,
        location: item.line !== void 0 ? { path, startLine: item.line } : { path },
        key: hash,
        ...CERT_RULES.privateKeyExposed.helpUri ? { helpUri: CERT_RULES.privateKeyExposed.helpUri } : {},
        properties: { certificate: match.path, subject: match.item.facts.subject, sha256: match.item.facts.fingerprint256, storage: item.storage }
      })
    );
  }
  return {
    findings,
    metrics: { certificateFiles: input.files.length, certificates: certs.length, privateKeys: keys.length, encryptedPrivateKeys: encryptedKeys }
  };
}
function spkiHash(key) {
  return createHash("sha256").update(key.export({ type: "spki", format: "der" })).digest("hex");
}
function parseError(gate2, path, reason) {
  return makeFinding({
    ruleId: CERT_RULES.parseError.id,
    gate: gate2,
    severity: CERT_RULES.parseError.severity,
    message: `Could not read ${path} as a certificate: ${reason}.`,
    location: { path },
    key: reason.replace(/\d+/g, "#"),
    ...CERT_RULES.parseError.helpUri ? { helpUri: CERT_RULES.parseError.helpUri } : {}
  });
}

// src/gates/tls/index.ts
var DISCOVERY_GLOBS = ["**/*.pem", "**/*.crt", "**/*.cer", "**/*.der", "**/*.p7b", "**/*.p7c", "**/*.p12", "**/*.pfx"];
var KEY_GLOBS = ["**/*.key"];
var SYSTEM_CA_FILES = ["/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/cert.pem", "/etc/ssl/ca-bundle.pem"];
function rules() {
  return [...Object.values(CERT_RULES), ...Object.values(ENDPOINT_RULES)];
}
function parseEndpoint(raw, options) {
  const spec = typeof raw === "string" ? { endpoint: raw } : raw;
  const text = spec.endpoint.trim();
  const match = /^\[([^\]]+)\]:(\d+)$/.exec(text) ?? /^([^:\s]+):(\d+)$/.exec(text);
  const port = Number(match?.[2]);
  if (!match?.[1] || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigurationError(`tls endpoint "${text}" is not host:port`, void 0, 'write endpoints as "host:port", e.g. "api.example.com:443"');
  }
  const endpoint = {
    host: match[1],
    port,
    label: text,
    connectTimeoutMs: parseDuration(spec["connect-timeout"] ?? options["connect-timeout"]) ?? 3e3,
    handshakeTimeoutMs: parseDuration(spec["handshake-timeout"] ?? options["handshake-timeout"]) ?? 5e3,
    totalTimeoutMs: parseDuration(spec["endpoint-timeout"] ?? options["endpoint-timeout"]) ?? 3e4
  };
  if (spec.servername) endpoint.servername = spec.servername;
  if (spec.starttls) endpoint.starttls = spec.starttls;
  if (spec.ca) endpoint.ca = spec.ca.replace(/^\.\//, "");
  return endpoint;
}
async function scan(ctx) {
  const options = ctx.options;
  const findings = [];
  const metrics = {};
  const notes = [];
  const scanner = { root: ctx.root, signal: ctx.signal, log: ctx.log };
  const named = options.certificates.length > 0;
  const include = options.include.length > 0 ? globMatcher(options.include) : () => true;
  const listed = await listFiles(ctx.root, {
    include: named ? options.certificates : [...DISCOVERY_GLOBS, ...KEY_GLOBS],
    exclude: options.exclude,
    ...ctx.changedFiles ? { changedFiles: ctx.changedFiles } : {},
    signal: ctx.signal
  });
  const files = listed.filter(include);
  const certFiles = named ? [...files] : files.filter(globMatcher(DISCOVERY_GLOBS));
  if (named) {
    const keyFiles = await listFiles(ctx.root, {
      include: KEY_GLOBS,
      exclude: options.exclude,
      ...ctx.changedFiles ? { changedFiles: ctx.changedFiles } : {},
      signal: ctx.signal
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
        key: options.certificates.join("\0")
      })
    );
  }
  if (files.length > 0) {
    const passwordVar = options["pkcs12-password-env"];
    const password = passwordVar ? ctx.env[passwordVar] : void 0;
    if (passwordVar && password === void 0) notes.push(`pkcs12-password-env names ${passwordVar}, which is not set`);
    const result = await inspectFiles(
      { files, now: ctx.now, minDaysLeft: options["min-days-left"], allowSelfSigned: options["allow-self-signed"], passwords: password ? [password] : [], gate: "tls" },
      scanner
    );
    findings.push(...result.findings);
    Object.assign(metrics, result.metrics);
  }
  const endpoints = options.endpoints.map((e) => parseEndpoint(e, options));
  if (endpoints.length > 0 && ctx.changedFiles) {
    notes.push(`${endpoints.length} endpoint(s) not probed with --changed: they are checked on full runs`);
  } else if (endpoints.length > 0) {
    const minProtocol = options["min-protocol"] ?? PROFILES[options.profile].minProtocol;
    const systemCaFiles = ctx.env.SSL_CERT_FILE ? [ctx.env.SSL_CERT_FILE] : SYSTEM_CA_FILES;
    const result = await probeEndpoints(
      { endpoints, profile: options.profile, minProtocol, minDaysLeft: options["min-days-left"], now: ctx.now, systemCaFiles, concurrency: options.concurrency, gate: "tls" },
      scanner
    );
    findings.push(...result.findings);
    notes.push(...result.notes ?? []);
    Object.assign(metrics, result.metrics);
  }
  const probed = endpoints.length > 0 && !ctx.changedFiles;
  if (certFiles.length === 0 && !probed && !named) {
    return {
      findings: [],
      metrics: {},
      skipped: ctx.changedFiles ? "no certificate file changed (endpoints are probed on full runs only)" : "no certificate files (*.pem, *.crt, *.cer, *.der, *.p7b, *.p12, *.pfx) and no endpoints in the policy: add tls.endpoints or tls.certificates"
    };
  }
  return { findings, metrics, ...notes.length > 0 ? { notes } : {} };
}
var gate = {
  id: "tls",
  title: "TLS and certificates",
  description: "Certificate files in the repository (expiry, key and signature strength, self-signed, SAN, exposed keys) and live endpoints (chain, host name, protocols, cipher suites, Mozilla profile).",
  schema,
  rules,
  scan,
  evaluate: (result, options) => evaluateBySeverity(result, options)
};
export {
  DISCOVERY_GLOBS,
  gate,
  parseEndpoint,
  rules
};
