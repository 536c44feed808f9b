// Rule catalogue for live TLS endpoints (certificate rules live with the X.509 inspector).
import type { RuleMeta } from "../../core/types.js";
import { INFORMATION_URI } from "../../core/version.js";

const HELP = `${INFORMATION_URI}/blob/main/src/gates/tls/README.md`;

function rule(id: string, severity: RuleMeta["severity"], title: string, description: string, remediation: string): RuleMeta {
  return { id: `tls/${id}`, severity, title, description, remediation, helpUri: `${HELP}#${id}`, tags: ["security", "tls"] };
}

export const ENDPOINT_RULES = {
  unreachable: rule("unreachable", "high", "Endpoint unreachable", "The endpoint named in the policy could not be reached, so it was not checked.", "Fix the host and port in the policy, or make the endpoint reachable from CI."),
  incomplete: rule("probe-incomplete", "medium", "Endpoint checks incomplete", "The endpoint answered so slowly that its checks did not finish within the endpoint timeout; some protocols or suites may be unreported.", "Make the endpoint answer faster, or raise endpoint-timeout."),
  handshakeFailed: rule("handshake-failed", "high", "TLS handshake failed", "The endpoint accepted a connection but no TLS handshake completed.", "Check that the port serves TLS (or set starttls) and that it accepts a current client."),
  untrusted: rule("untrusted-certificate", "high", "Certificate chain not trusted", "The certificate chain does not verify against the system trust store plus the configured CA bundle.", "Serve a certificate from a trusted CA, or add your private CA to the endpoint's ca bundle."),
  incompleteChain: rule("incomplete-chain", "high", "Incomplete certificate chain", "The server does not send the intermediate certificates that link its certificate to a trusted root; many clients then fail.", "Serve the full chain (leaf followed by its intermediates)."),
  hostnameMismatch: rule("hostname-mismatch", "high", "Certificate does not match the host name", "The certificate's subjectAltName does not cover the host name clients connect to.", "Reissue the certificate with the host name in subjectAltName, or set servername."),
  oldProtocol: rule("protocol-below-minimum", "high", "Protocol version below the minimum", "The server accepts a protocol version below min-protocol; SSLv3, TLS 1.0 and 1.1 have known attacks and are deprecated (RFC 8996).", "Disable the old protocol versions in the server configuration."),
  weakCipher: rule("weak-cipher", "high", "Weak cipher suite accepted", "The server accepts NULL, anonymous, EXPORT, RC4, DES, 3DES or similar cipher suites that an attacker can break or bypass.", "Remove the weak suites from the server's cipher list (see Mozilla's recommended configurations)."),
  noForwardSecrecy: rule("no-forward-secrecy", "high", "No forward secrecy", "The server offers no ephemeral (EC)DHE key exchange for a protocol version, so a stolen key decrypts recorded traffic.", "Enable ECDHE cipher suites and prefer them."),
  weakDh: rule("weak-dh", "medium", "Weak Diffie-Hellman group", "DHE key exchange with a group below 2048 bits (1024 for the old profile) can be broken by a well-funded attacker (Logjam); below 1024 bits it is high severity.", "Configure a 2048-bit DH group (RFC 7919 ffdhe2048) or remove the DHE suites."),
  noFallbackScsv: rule("no-fallback-scsv", "low", "No downgrade protection", "The server accepts a fallback retry below its best version even when the client marks it with TLS_FALLBACK_SCSV (RFC 7507), so an attacker can force old protocols on clients that retry.", "Upgrade the TLS library, or disable the old protocol versions."),
  insecureRenegotiation: rule("insecure-renegotiation", "medium", "No secure renegotiation", "The server does not answer the renegotiation_info extension (RFC 5746), leaving renegotiation open to prefix injection (CVE-2009-3555).", "Upgrade the TLS library, or disable renegotiation."),
  outsideProfile: rule("cipher-outside-profile", "medium", "Cipher suite outside the Mozilla profile", "The server accepts cipher suites that the chosen Mozilla profile (modern, intermediate, old) does not recommend.", "Use the cipher list of the profile from ssl-config.mozilla.org."),
} satisfies Record<string, RuleMeta>;
