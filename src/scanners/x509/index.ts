// The X.509 inspector: reads certificate files of the repository and reports certificate defects,
// plus unencrypted private keys that match one of the certificates found.
import { createHash, createPublicKey } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { globMatcher } from "../../core/files.js";
import { makeFinding } from "../../core/finding.js";
import type { Finding, Scanner, ScannerContext, ScanResult } from "../../core/types.js";
import { certFacts, describe, inspectCertificate, type CertFacts } from "./inspect.js";
import { parseCertificateFile, type ParsedCertificate, type ParsedKey } from "./parse.js";
import { CERT_RULES } from "./rules.js";

export { certFacts, inspectCertificate, describe, isSelfSigned, type CertFacts, type CertIssue } from "./inspect.js";
export { parseCertificateFile } from "./parse.js";
export { CERT_RULES } from "./rules.js";

export interface X509Input {
  /** Repository-relative paths of the files to read. */
  files: string[];
  now: Date;
  minDaysLeft: number;
  /** Globs of paths where self-signed leaf certificates are fine. */
  allowSelfSigned: string[];
  /** PKCS#12 passwords to try after the empty one. */
  passwords: string[];
  gate?: string;
}

interface Located<T> {
  path: string;
  item: T;
}

const READ_CONCURRENCY = 16;

export async function inspectFiles(input: X509Input, ctx: ScannerContext): Promise<ScanResult> {
  const gate = input.gate ?? "tls";
  const findings: Finding[] = [];
  const certs: Located<ParsedCertificate & { facts: CertFacts }>[] = [];
  const keys: Located<ParsedKey>[] = [];
  let encryptedKeys = 0;
  let queue = 0;
  const files = [...input.files];
  async function worker(): Promise<void> {
    while (queue < files.length) {
      if (ctx.signal.aborted) return;
      const path = files[queue++];
      if (path === undefined) return;
      let bytes: Buffer;
      try {
        bytes = await readFile(join(ctx.root, path));
      } catch (error) {
        findings.push(parseError(gate, path, `cannot read the file (${error instanceof Error ? error.message : String(error)})`));
        continue;
      }
      const parsed = parseCertificateFile(bytes, path, { passwords: input.passwords });
      for (const c of parsed.certificates) certs.push({ path, item: { ...c, facts: certFacts(c.cert, c.der, input.now) } });
      for (const k of parsed.keys) keys.push({ path, item: k });
      encryptedKeys += parsed.encryptedKeys;
      for (const e of parsed.errors) findings.push(parseError(gate, path, e));
    }
  }
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));

  // A CA:true certificate counts as a leaf only when it issued nothing here and names a host.
  const issuers = new Set(certs.filter((c) => !c.item.facts.selfSigned).map((c) => c.item.cert.issuer));
  const allowSelfSigned = globMatcher(input.allowSelfSigned);
  for (const { path, item } of certs) {
    const { facts } = item;
    const leaf = !facts.ca || (!issuers.has(item.cert.subject) && facts.subjectAltName !== undefined);
    const issues = inspectCertificate(facts, { now: input.now, minDaysLeft: input.minDaysLeft, leaf, allowSelfSigned: allowSelfSigned(path) });
    for (const issue of issues) {
      findings.push(
        makeFinding({
          ruleId: issue.rule.id,
          gate,
          severity: issue.rule.severity,
          message: issue.message,
          location: item.line !== undefined ? { path, startLine: item.line } : { path },
          key: facts.fingerprint256,
          ...(issue.rule.helpUri ? { helpUri: issue.rule.helpUri } : {}),
          properties: { ...issue.properties, index: item.index },
        }),
      );
    }
  }

  const bySpki = new Map<string, Located<ParsedCertificate & { facts: CertFacts }>>();
  for (const c of certs) bySpki.set(spkiHash(c.item.cert.publicKey), c);
  for (const { path, item } of keys) {
    let hash: string;
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
        gate,
        severity: CERT_RULES.privateKeyExposed.severity,
        message: `The ${item.storage} private key here matches certificate ${describe(match.item.facts)} in ${match.path}: remove it from the repository, revoke the certificate and reissue it with a new key.`,
        location: item.line !== undefined ? { path, startLine: item.line } : { path },
        key: hash,
        ...(CERT_RULES.privateKeyExposed.helpUri ? { helpUri: CERT_RULES.privateKeyExposed.helpUri } : {}),
        properties: { certificate: match.path, subject: match.item.facts.subject, sha256: match.item.facts.fingerprint256, storage: item.storage },
      }),
    );
  }
  return {
    findings,
    metrics: { certificateFiles: input.files.length, certificates: certs.length, privateKeys: keys.length, encryptedPrivateKeys: encryptedKeys },
  };
}

function spkiHash(key: ReturnType<typeof createPublicKey>): string {
  return createHash("sha256").update(key.export({ type: "spki", format: "der" })).digest("hex");
}

function parseError(gate: string, path: string, reason: string): Finding {
  return makeFinding({
    ruleId: CERT_RULES.parseError.id,
    gate,
    severity: CERT_RULES.parseError.severity,
    message: `Could not read ${path} as a certificate: ${reason}.`,
    location: { path },
    key: reason.replace(/\d+/g, "#"),
    ...(CERT_RULES.parseError.helpUri ? { helpUri: CERT_RULES.parseError.helpUri } : {}),
  });
}

export const scanner: Scanner<X509Input> = {
  id: "x509",
  description: "X.509 inspector: PEM, DER, PKCS#7 and PKCS#12 certificate files, RSA and EC",
  scan: inspectFiles,
};
