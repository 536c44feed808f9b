// Mozilla's server-side TLS recommendations (https://wiki.mozilla.org/Security/Server_Side_TLS,
// guidelines 5.7): the protocols and cipher suites each profile allows.
import { CIPHER_SUITES } from "./cipher-suites.js";
import type { ProtocolName } from "./client-hello.js";

export type ProfileName = "modern" | "intermediate" | "old";

export interface Profile {
  name: ProfileName;
  minProtocol: ProtocolName;
  /** Suite ids allowed for TLS 1.0-1.2 (OpenSSL names in Mozilla's lists). */
  legacySuites: ReadonlySet<number>;
  tls13Suites: ReadonlySet<number>;
}

const TLS13 = ["TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"];

const INTERMEDIATE = [
  "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
  "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305", "DHE-RSA-AES128-GCM-SHA256", "DHE-RSA-AES256-GCM-SHA384", "DHE-RSA-CHACHA20-POLY1305",
];

const OLD = [
  ...INTERMEDIATE,
  "ECDHE-ECDSA-AES128-SHA256", "ECDHE-RSA-AES128-SHA256", "ECDHE-ECDSA-AES128-SHA", "ECDHE-RSA-AES128-SHA", "ECDHE-ECDSA-AES256-SHA384",
  "ECDHE-RSA-AES256-SHA384", "ECDHE-ECDSA-AES256-SHA", "ECDHE-RSA-AES256-SHA", "DHE-RSA-AES128-SHA256", "DHE-RSA-AES256-SHA256",
  "AES128-GCM-SHA256", "AES256-GCM-SHA384", "AES128-SHA256", "AES256-SHA256", "AES128-SHA", "AES256-SHA", "DES-CBC3-SHA",
];

function ids(names: readonly string[]): Set<number> {
  const wanted = new Set(names);
  return new Set(CIPHER_SUITES.filter((s) => (s.openssl !== undefined && wanted.has(s.openssl)) || wanted.has(s.name)).map((s) => s.id));
}

export const PROFILES: Record<ProfileName, Profile> = {
  modern: { name: "modern", minProtocol: "TLSv1.3", legacySuites: new Set(), tls13Suites: ids(TLS13) },
  intermediate: { name: "intermediate", minProtocol: "TLSv1.2", legacySuites: ids(INTERMEDIATE), tls13Suites: ids(TLS13) },
  old: { name: "old", minProtocol: "TLSv1", legacySuites: ids(OLD), tls13Suites: ids(TLS13) },
};
