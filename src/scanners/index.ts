// The scanner registry: folder name = id = registry key; implementations load lazily.
import type { Scanner } from "../core/types.js";

type AnyScanner = Scanner<never>;

export const scannerRegistry: Record<string, () => Promise<AnyScanner>> = {
  "junit": async () => (await import("./junit/index.js")).scanner,
  "coverage": async () => (await import("./coverage/index.js")).scanner,
  "secrets": async () => (await import("./secrets/index.js")).scanner,
  "lockfiles": async () => (await import("./lockfiles/index.js")).scanner,
  "osv": async () => (await import("./osv/index.js")).scanner,
  "iac": async () => (await import("./iac/index.js")).scanner,
  "x509": async () => (await import("./x509/index.js")).scanner,
  "tls-probe": async () => (await import("./tls-probe/index.js")).scanner,
  "eslint": async () => (await import("./eslint/index.js")).scanner,
  "sarif-import": async () => (await import("./sarif-import/index.js")).scanner,
  "semgrep": async () => (await import("./semgrep/index.js")).scanner,
  "ast-sast": async () => (await import("./ast-sast/index.js")).scanner,
  "registry": async () => (await import("./registry/index.js")).scanner,
};
