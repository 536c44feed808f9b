// The tls gate on certificate files: every defect found in its own file, clean files pass.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gate } from "../../../src/gates/tls/index.js";
import { parseCertificateFile } from "../../../src/scanners/x509/parse.js";
import { signatureAlgorithm } from "../../../src/scanners/x509/der.js";
import type { Finding } from "../../../src/core/types.js";
import { runGateDirect } from "../../helpers/gate-context.js";
import { gitRepo, removeDir } from "../../helpers/tmp.js";
import { derOf, ecCert, makeCert, openssl, rsaKey, type Issued } from "./pki.js";

const host = { dns: ["app.example.test"] };
let root: Issued;
let repo: string;
let findings: Finding[];
let status: string | undefined;

function at(path: string): string[] {
  return findings.filter((f) => f.location?.path === path).map((f) => f.ruleId).sort();
}

beforeAll(async () => {
  root = makeCert({ cn: "Test Root CA", ca: true, to: 3650 });
  const valid = makeCert({ cn: "app.example.test", ...host, issuer: root });
  const exposed = makeCert({ cn: "exposed.example.test", dns: ["exposed.example.test"], issuer: root, freshKey: true });
  const p12Leaf = makeCert({ cn: "p12.example.test", dns: ["p12.example.test"], issuer: root, freshKey: true });
  const p12Expired = makeCert({ cn: "expired-p12.example.test", dns: ["expired-p12.example.test"], issuer: root, from: -100, to: -2 });
  const ec = ecCert({ cn: "ec.example.test", dns: ["ec.example.test"], issuer: root });
  const ecWeak = ecCert({ cn: "ec192.example.test", dns: ["ec192.example.test"], curve: "prime192v1", issuer: root });
  const selfSigned = makeCert({ cn: "self.example.test", dns: ["self.example.test"], ca: false });

  // PKCS#7 and PKCS#12 come from openssl so the test reads what real tools write.
  const work = mkdtempSync(join(tmpdir(), "tollgate-p12-"));
  writeFileSync(join(work, "ec.pem"), ec.certPem);
  writeFileSync(join(work, "valid.pem"), valid.certPem);
  openssl(["crl2pkcs7", "-nocrl", "-certfile", "valid.pem", "-certfile", "ec.pem", "-outform", "DER", "-out", "bundle.p7b"], work);
  writeFileSync(join(work, "p12.pem"), p12Leaf.certPem + p12Leaf.keyPem);
  openssl(["pkcs12", "-export", "-in", "p12.pem", "-passout", "pass:", "-out", "empty.p12"], work);
  writeFileSync(join(work, "p12x.pem"), p12Expired.certPem + p12Expired.keyPem);
  openssl(["pkcs12", "-export", "-in", "p12x.pem", "-passout", "pass:s3cret-pw", "-out", "secret.pfx"], work);
  const encryptedKey = openssl(["pkey", "-aes256", "-passout", "pass:x"], work, exposed.keyPem);

  repo = gitRepo({
    "certs/valid.pem": valid.certPem,
    "certs/root-ca.pem": root.certPem,
    "certs/fullchain.pem": valid.certPem + root.certPem,
    "certs/expired.pem": makeCert({ cn: "expired.example.test", ...host, issuer: root, from: -100, to: -1 }).certPem,
    "certs/expiring.crt": makeCert({ cn: "soon.example.test", ...host, issuer: root, from: -60, to: 5 }).certPem,
    "certs/future.pem": makeCert({ cn: "future.example.test", ...host, issuer: root, from: 10, to: 100 }).certPem,
    "certs/rsa1024.pem": makeCert({ cn: "small.example.test", ...host, issuer: root, bits: 1024 }).certPem,
    "certs/sha1.pem": makeCert({ cn: "sha1.example.test", ...host, issuer: root, hash: "sha1" }).certPem,
    "certs/md5.cer": derOf(makeCert({ cn: "md5.example.test", ...host, issuer: root, hash: "md5" })),
    "certs/self-signed.pem": selfSigned.certPem,
    "certs/dev-self-signed-ca.pem": makeCert({ cn: "dev.example.test", dns: ["dev.example.test"], ca: true }).certPem,
    "test/fixtures/self-signed.pem": selfSigned.certPem,
    "certs/no-san.pem": makeCert({ cn: "nosan.example.test", issuer: root }).certPem,
    "certs/leaf-ca.pem": makeCert({ cn: "leafca.example.test", ...host, issuer: root, ca: true }).certPem,
    "certs/long.pem": makeCert({ cn: "long.example.test", ...host, issuer: root, to: 500 }).certPem,
    "certs/ec.pem": ec.certPem,
    "certs/ec192.pem": ecWeak.certPem,
    "certs/valid.der": derOf(valid),
    "certs/bundle.p7b": readFileSync(join(work, "bundle.p7b")),
    "certs/empty.p12": readFileSync(join(work, "empty.p12")),
    "certs/secret.pfx": readFileSync(join(work, "secret.pfx")),
    "certs/exposed.crt": exposed.certPem,
    "keys/exposed.key": exposed.keyPem,
    "keys/exposed-encrypted.key": encryptedKey,
    "keys/unrelated.key": rsaKey(2048, true).keyPem,
    "certs/garbage.der": Buffer.from([0x30, 0x82, 0x01, 0x00, 0xff, 0x00, 0x01]),
    "certs/dhparam.pem": "-----BEGIN DH PARAMETERS-----\nMAYCAQACAQI=\n-----END DH PARAMETERS-----\n",
  });
  const run = await runGateDirect(gate, {
    root: repo,
    options: { "allow-self-signed": ["test/fixtures/**"], "pkcs12-password-env": "P12_PASSWORD" },
    // tollgate-ignore secrets/generic-password: the password of a PKCS#12 file this test generates
    env: { P12_PASSWORD: "s3cret-pw" },
  });
  findings = run.scan.findings;
  status = run.verdict?.status;
});

afterAll(() => removeDir(repo));

describe("tls gate on certificate files", () => {
  test("a valid CA-issued leaf, its root CA and a full chain bundle pass", () => {
    expect(at("certs/valid.pem")).toEqual([]);
    expect(at("certs/root-ca.pem")).toEqual([]);
    expect(at("certs/fullchain.pem")).toEqual([]);
  });

  test("expired, expiring within 30 days and not yet valid", () => {
    expect(at("certs/expired.pem")).toEqual(["tls/cert-expired"]);
    expect(at("certs/expiring.crt")).toEqual(["tls/cert-expiring"]);
    const soon = findings.find((f) => f.location?.path === "certs/expiring.crt");
    expect(soon?.properties?.daysLeft).toBe(4);
    expect(at("certs/future.pem")).toEqual(["tls/cert-not-yet-valid"]);
  });

  test("RSA 1024 and EC P-192 keys are weak; EC P-256 is fine", () => {
    expect(at("certs/rsa1024.pem")).toEqual(["tls/weak-key"]);
    expect(at("certs/ec192.pem")).toEqual(["tls/weak-key"]);
    expect(at("certs/ec.pem")).toEqual([]);
  });

  test("SHA-1 and MD5 signatures (PEM and DER)", () => {
    expect(at("certs/sha1.pem")).toEqual(["tls/weak-signature"]);
    expect(at("certs/md5.cer")).toEqual(["tls/weak-signature"]);
    expect(findings.find((f) => f.location?.path === "certs/md5.cer")?.properties?.signature).toBe("md5WithRSAEncryption");
  });

  test("self-signed leaf reported outside allow-self-signed paths only", () => {
    expect(at("certs/self-signed.pem")).toEqual(["tls/self-signed"]);
    expect(at("test/fixtures/self-signed.pem")).toEqual([]);
    // What `openssl req -x509` makes by default: CA:true, a SAN, issuing nothing: still a leaf.
    expect(at("certs/dev-self-signed-ca.pem")).toEqual(["tls/leaf-is-ca", "tls/self-signed"]);
  });

  test("missing SAN, CA:true leaf, validity over 398 days", () => {
    expect(at("certs/no-san.pem")).toEqual(["tls/missing-san"]);
    expect(at("certs/leaf-ca.pem")).toEqual(["tls/leaf-is-ca"]);
    expect(at("certs/long.pem")).toEqual(["tls/validity-too-long"]);
  });

  test("DER and PKCS#7 (with an EC certificate inside) are read", () => {
    expect(at("certs/valid.der")).toEqual([]);
    expect(at("certs/bundle.p7b")).toEqual([]);
    const parsed = parseCertificateFile(readFileSync(join(repo, "certs/bundle.p7b")), "certs/bundle.p7b");
    expect(parsed.certificates.map((c) => c.cert.publicKey.asymmetricKeyType).sort()).toEqual(["ec", "rsa"]);
  });

  test("PKCS#12 with an empty password exposes its key; one opened with the env password is inspected", () => {
    expect(at("certs/empty.p12")).toEqual(["tls/private-key-exposed"]);
    expect(at("certs/secret.pfx")).toEqual(["tls/cert-expired"]);
  });

  test("PKCS#12 with an unknown password is a parse error, not a crash", async () => {
    const run = await runGateDirect(gate, { root: repo, options: { certificates: ["certs/secret.pfx"] } });
    expect(run.scan.findings.map((f) => f.ruleId)).toEqual(["tls/parse-error"]);
    expect(run.scan.findings[0]?.message).toMatch(/pkcs12-password-env/);
  });

  test("an unencrypted private key matching a repository certificate is exposed; encrypted or unrelated keys are not", () => {
    expect(at("keys/exposed.key")).toEqual(["tls/private-key-exposed"]);
    const finding = findings.find((f) => f.location?.path === "keys/exposed.key");
    expect(finding?.severity).toBe("critical");
    expect(finding?.properties?.certificate).toBe("certs/exposed.crt");
    expect(finding?.message).not.toMatch(/BEGIN/);
    expect(at("keys/exposed-encrypted.key")).toEqual([]);
    expect(at("keys/unrelated.key")).toEqual([]);
  });

  test("a malformed file is reported and the others are still checked", () => {
    expect(at("certs/garbage.der")).toEqual(["tls/parse-error"]);
    expect(at("certs/dhparam.pem")).toEqual([]);
  });

  test("the gate fails on high findings", () => {
    expect(status).toBe("failed");
  });

  test("fingerprints do not depend on the line of the certificate", async () => {
    const leaf = makeCert({ cn: "moved.example.test", ...host, issuer: root, from: -100, to: -1 });
    const a = gitRepo({ "c.pem": leaf.certPem });
    const b = gitRepo({ "c.pem": `\n\n\n${leaf.certPem}` });
    try {
      const [ra, rb] = await Promise.all([runGateDirect(gate, { root: a }), runGateDirect(gate, { root: b })]);
      expect(ra.scan.findings[0]?.location?.startLine).toBe(1);
      expect(rb.scan.findings[0]?.location?.startLine).toBe(4);
      expect(ra.scan.findings[0]?.fingerprint).toBe(rb.scan.findings[0]?.fingerprint);
    } finally {
      removeDir(a);
      removeDir(b);
    }
  });

  test("named certificates that do not exist fail the gate; nothing at all skips it", async () => {
    const empty = gitRepo({ "README.md": "hi", "keys/some.key": rsaKey(1024).keyPem });
    try {
      const named = await runGateDirect(gate, { root: empty, options: { certificates: ["deploy/**/*.pem"] } });
      expect(named.scan.findings.map((f) => f.ruleId)).toEqual(["tls/missing-input"]);
      expect(named.verdict?.status).toBe("failed");
      const nothing = await runGateDirect(gate, { root: empty });
      expect(nothing.scan.skipped).toMatch(/no certificate files/);
    } finally {
      removeDir(empty);
    }
  });

  test("--changed reads only the changed certificate files and leaves endpoints to full runs", async () => {
    const run = await runGateDirect(gate, {
      root: repo,
      changedFiles: ["certs/expired.pem", "README.md"],
      options: { endpoints: ["127.0.0.1:9"] },
    });
    expect(run.scan.findings.map((f) => `${f.location?.path} ${f.ruleId}`)).toEqual(["certs/expired.pem tls/cert-expired"]);
    expect(run.scan.notes?.join(" ")).toMatch(/not probed with --changed/);
    const none = await runGateDirect(gate, { root: repo, changedFiles: ["README.md"] });
    expect(none.scan.skipped).toMatch(/no certificate file changed/);
  });

  test("signature algorithm read from DER", () => {
    const sha1 = makeCert({ cn: "x", hash: "sha1" });
    expect(signatureAlgorithm(derOf(sha1)).hash).toBe("SHA-1");
  });
});
