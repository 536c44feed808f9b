// Rule catalogue for certificate defects, shared by certificate files and live endpoints.
import type { RuleMeta } from "../../core/types.js";
import { INFORMATION_URI } from "../../core/version.js";

const HELP = `${INFORMATION_URI}/blob/main/src/gates/tls/README.md`;

function rule(id: string, severity: RuleMeta["severity"], title: string, description: string, remediation: string): RuleMeta {
  return { id: `tls/${id}`, severity, title, description, remediation, helpUri: `${HELP}#${id}`, tags: ["security", "tls"] };
}

export const CERT_RULES = {
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
  missingInput: rule("missing-input", "high", "Named certificates not found", "The policy names certificate files that do not exist, so nothing was checked.", "Fix the certificates globs in the policy."),
} satisfies Record<string, RuleMeta>;
