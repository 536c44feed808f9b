// Test certificates made on the fly: node-forge for RSA (any hash, any dates), openssl for EC.
import { execFileSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import forge from "node-forge";

export const DAY = 86_400_000;

export interface Issued {
  certPem: string;
  keyPem: string;
  cert: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
}

const keyCache = new Map<number, { keyPem: string; key: forge.pki.rsa.PrivateKey; pub: forge.pki.rsa.PublicKey }>();

/** Native key generation (forge's pure-JS RSA takes seconds); one key per size is reused. */
export function rsaKey(bits = 2048, fresh = false): { keyPem: string; key: forge.pki.rsa.PrivateKey; pub: forge.pki.rsa.PublicKey } {
  const cached = fresh ? undefined : keyCache.get(bits);
  if (cached) return cached;
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: bits });
  const keyPem = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  const key = forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey;
  const pub = forge.pki.setRsaPublicKey(key.n, key.e);
  const entry = { keyPem, key, pub };
  if (!fresh) keyCache.set(bits, entry);
  return entry;
}

export interface CertSpec {
  cn: string;
  dns?: string[];
  ips?: string[];
  /** Days from now (negative: in the past). */
  from?: number;
  to?: number;
  issuer?: Issued;
  ca?: boolean;
  bits?: number;
  hash?: "sha256" | "sha1" | "md5";
  freshKey?: boolean;
  /** Leave out basicConstraints entirely. */
  noBasicConstraints?: boolean;
}

let serial = 1;

export function makeCert(spec: CertSpec): Issued {
  const { keyPem, key, pub } = rsaKey(spec.bits ?? 2048, spec.freshKey);
  const cert = forge.pki.createCertificate();
  cert.publicKey = pub;
  cert.serialNumber = `01${(serial++).toString(16).padStart(8, "0")}`;
  const now = Date.now();
  cert.validity.notBefore = new Date(now + (spec.from ?? -1) * DAY);
  cert.validity.notAfter = new Date(now + (spec.to ?? 90) * DAY);
  const subject = [{ name: "commonName", value: spec.cn }];
  cert.setSubject(subject);
  cert.setIssuer(spec.issuer ? spec.issuer.cert.subject.attributes : subject);
  const extensions: object[] = [];
  if (!spec.noBasicConstraints) extensions.push({ name: "basicConstraints", cA: spec.ca ?? false, critical: true });
  if (spec.ca) extensions.push({ name: "keyUsage", keyCertSign: true, cRLSign: true, digitalSignature: true });
  else extensions.push({ name: "keyUsage", digitalSignature: true, keyEncipherment: true });
  const altNames = [...(spec.dns ?? []).map((value) => ({ type: 2, value })), ...(spec.ips ?? []).map((ip) => ({ type: 7, ip }))];
  if (altNames.length > 0) extensions.push({ name: "subjectAltName", altNames });
  extensions.push({ name: "subjectKeyIdentifier" });
  cert.setExtensions(extensions);
  const md = spec.hash === "sha1" ? forge.md.sha1.create() : spec.hash === "md5" ? forge.md.md5.create() : forge.md.sha256.create();
  cert.sign(spec.issuer ? spec.issuer.key : key, md);
  return { certPem: forge.pki.certificateToPem(cert), keyPem, cert, key };
}

export function derOf(issued: Issued): Buffer {
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(issued.cert)).getBytes(), "binary");
}

export function openssl(args: string[], cwd: string, input?: string): string {
  return execFileSync("openssl", args, { cwd, encoding: "utf8", stdio: ["pipe", "pipe", "pipe"], ...(input !== undefined ? { input } : {}) });
}

export interface EcIssued {
  certPem: string;
  keyPem: string;
}

/** An EC certificate from openssl (forge cannot write EC keys), signed by `issuer` or self-signed. */
export function ecCert(spec: { cn: string; dns?: string[]; ips?: string[]; curve?: string; days?: number; issuer?: Issued }): EcIssued {
  const dir = mkdtempSync(join(tmpdir(), "tollgate-ec-"));
  const curve = spec.curve ?? "prime256v1";
  openssl(["ecparam", "-name", curve, "-genkey", "-noout", "-out", "key.pem"], dir);
  const san = [...(spec.dns ?? []).map((d) => `DNS:${d}`), ...(spec.ips ?? []).map((ip) => `IP:${ip}`)].join(",");
  const ext = ["basicConstraints=critical,CA:FALSE", ...(san ? [`subjectAltName=${san}`] : [])];
  if (spec.issuer) {
    writeFileSync(join(dir, "ca.pem"), spec.issuer.certPem);
    writeFileSync(join(dir, "ca.key"), spec.issuer.keyPem);
    writeFileSync(join(dir, "ext.cnf"), ext.join("\n") + "\n");
    openssl(["req", "-new", "-key", "key.pem", "-subj", `/CN=${spec.cn}`, "-out", "req.csr"], dir);
    openssl(["x509", "-req", "-in", "req.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-set_serial", String(1000 + serial++), "-days", String(spec.days ?? 90), "-sha256", "-extfile", "ext.cnf", "-out", "cert.pem"], dir);
  } else {
    openssl(["req", "-x509", "-key", "key.pem", "-subj", `/CN=${spec.cn}`, "-days", String(spec.days ?? 90), "-sha256", ...ext.flatMap((e) => ["-addext", e]), "-out", "cert.pem"], dir);
  }
  return { certPem: readFileSync(join(dir, "cert.pem"), "utf8"), keyPem: readFileSync(join(dir, "key.pem"), "utf8") };
}
