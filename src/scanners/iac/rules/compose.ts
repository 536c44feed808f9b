// Docker Compose service rules.
import type { IacRule, Resource } from "../types.js";
import { badImageTag, each, isObj, isTrue, looksLikeLiteralSecret, looksLikeSecretName, str } from "./helpers.js";

const SPEC = "https://docs.docker.com/reference/compose-file/services/";
const DANGEROUS_CAPS = new Set(["ALL", "SYS_ADMIN", "NET_ADMIN", "NET_RAW", "SYS_PTRACE", "SYS_MODULE", "DAC_READ_SEARCH", "SYS_RAWIO", "BPF", "SYS_BOOT"]);

function svc(lines: string[]): string {
  return ["services:", "  app:", "    image: nginx:1.27", ...lines.map((l) => `    ${l}`), ""].join("\n");
}

function rule(input: Omit<IacRule, "frameworks" | "types" | "tags"> & { tags?: string[] }): IacRule {
  return { ...input, tags: input.tags ?? ["security"], frameworks: ["compose"], types: ["service"] };
}

function envEntries(r: Resource): { name: string; value: unknown; path: string }[] {
  const env = r.body.environment;
  if (Array.isArray(env)) {
    return env.flatMap((e, i) => {
      if (typeof e !== "string" || !e.includes("=")) return [];
      const at = e.indexOf("=");
      return [{ name: e.slice(0, at), value: e.slice(at + 1), path: `environment.${i}` }];
    });
  }
  if (isObj(env)) return Object.entries(env).map(([name, value]) => ({ name, value, path: `environment.${name}` }));
  return [];
}

export const composeRules: IacRule[] = [
  rule({
    id: "iac/compose-privileged",
    severity: "high",
    title: "Compose service runs privileged",
    description: "privileged: true gives the container every capability and the host's devices: it is root on the host.",
    remediation: "Remove privileged: true; add only the capabilities the service needs with cap_add.",
    references: ["CWE-250", SPEC],
    check: (r) => (isTrue(r.body.privileged) ? { path: "privileged" } : undefined),
    examples: { valid: [{ code: svc(["privileged: false"]) }], invalid: [{ code: svc(["privileged: true"]), lines: [4] }] },
  }),
  rule({
    id: "iac/compose-host-network",
    severity: "high",
    title: "Compose service uses the host network",
    description: "network_mode: host removes network isolation: the container sees every host interface and localhost-only service.",
    remediation: "Use a bridge network and publish only the ports needed.",
    references: ["CWE-668", SPEC],
    check: (r) => (str(r.body.network_mode) === "host" ? { path: "network_mode" } : undefined),
    examples: { valid: [{ code: svc(["networks: [front]"]) }], invalid: [{ code: svc(["network_mode: host"]), lines: [4] }] },
  }),
  rule({
    id: "iac/compose-docker-socket",
    severity: "critical",
    title: "Compose service mounts the Docker socket",
    description: "Whoever controls a container with docker.sock can start privileged containers: it is root on the host.",
    remediation: "Do not mount /var/run/docker.sock; use a socket proxy that allows only the needed API calls, or rootless tooling.",
    references: ["CWE-250", "https://docs.docker.com/engine/security/#docker-daemon-attack-surface"],
    check: (r) =>
      each(r.body, "volumes.*")
        .filter((m) => {
          const source = typeof m.value === "string" ? m.value.split(":")[0] : isObj(m.value) ? str(m.value.source) : undefined;
          return source !== undefined && /(docker|containerd)\.sock$/.test(source);
        })
        .map((m) => ({ path: m.path })),
    examples: {
      valid: [{ code: svc(["volumes:", "  - ./data:/data"]) }],
      invalid: [{ code: svc(["volumes:", "  - /var/run/docker.sock:/var/run/docker.sock"]), lines: [5] }],
    },
  }),
  rule({
    id: "iac/compose-secret-in-env",
    severity: "high",
    title: "Compose service has a secret in its environment",
    description: "A literal password or token in environment: is committed with the file and shown by docker inspect.",
    remediation: "Use Compose secrets, an env_file kept out of version control, or ${VARIABLE} substitution from the shell.",
    references: ["CWE-798", "https://docs.docker.com/compose/how-tos/use-secrets/"],
    tags: ["security", "CWE-798"],
    check: (r) => envEntries(r).filter((e) => looksLikeSecretName(e.name) && looksLikeLiteralSecret(e.value as never)).map((e) => ({ path: e.path, message: `Environment variable ${e.name} holds a literal secret` })),
    examples: {
      valid: [{ code: svc(["environment:", "  POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}", "  LOG_LEVEL: info"]) }],
      invalid: [{ code: svc(["environment:", "  - LOG_LEVEL=info", "  - POSTGRES_PASSWORD=supersecret1"]), lines: [6] }],
    },
  }),
  rule({
    id: "iac/compose-host-pid",
    severity: "high",
    title: "Compose service shares the host PID namespace",
    description: "pid: host lets the container see and signal every process on the host.",
    remediation: "Remove pid: host.",
    references: ["CWE-668", SPEC],
    check: (r) => (str(r.body.pid) === "host" ? { path: "pid" } : undefined),
    examples: { valid: [{ code: svc([]) }], invalid: [{ code: svc(["pid: host"]), lines: [4] }] },
  }),
  rule({
    id: "iac/compose-host-ipc",
    severity: "medium",
    title: "Compose service shares the host IPC namespace",
    description: "ipc: host exposes the host's shared memory to the container.",
    remediation: "Remove ipc: host (use ipc: shareable between services if needed).",
    references: ["CWE-668", SPEC],
    check: (r) => (str(r.body.ipc) === "host" ? { path: "ipc" } : undefined),
    examples: { valid: [{ code: svc(["ipc: private"]) }], invalid: [{ code: svc(["ipc: host"]), lines: [4] }] },
  }),
  rule({
    id: "iac/compose-dangerous-capabilities",
    severity: "high",
    title: "Compose service adds a dangerous capability",
    description: "Capabilities such as SYS_ADMIN, NET_ADMIN or ALL give root-like powers over the host or its network.",
    remediation: "Remove the capability from cap_add; drop ALL and add back only what the process needs.",
    references: ["CWE-250", SPEC],
    check: (r) =>
      each(r.body, "cap_add.*")
        .filter((m) => typeof m.value === "string" && DANGEROUS_CAPS.has(m.value.toUpperCase().replace(/^CAP_/, "")))
        .map((m) => ({ path: m.path, message: `Service adds capability ${String(m.value)}` })),
    examples: { valid: [{ code: svc(["cap_add: [NET_BIND_SERVICE]"]) }], invalid: [{ code: svc(["cap_add:", "  - SYS_ADMIN"]), lines: [5] }] },
  }),
  rule({
    id: "iac/compose-image-latest",
    severity: "medium",
    title: "Compose service image uses latest or no tag",
    description: "An unpinned image changes under you; the next pull may bring anything.",
    remediation: "Pin the image to a version tag or digest.",
    references: ["CWE-1357", SPEC],
    check: (r) => {
      if (r.body.build !== undefined) return undefined;
      const image = str(r.body.image);
      const bad = image === undefined ? undefined : badImageTag(image);
      return bad ? { path: "image", message: `Image ${image ?? ""} is ${bad === "latest" ? "tagged latest" : "not tagged"}` } : undefined;
    },
    examples: {
      valid: [{ code: svc([]) }, { code: "services:\n  app:\n    build: .\n    image: myapp\n" }],
      invalid: [{ code: "services:\n  db:\n    image: postgres\n", lines: [3] }],
    },
  }),
  rule({
    id: "iac/compose-unconfined-profile",
    severity: "high",
    title: "Compose service disables seccomp or AppArmor",
    description: "seccomp:unconfined or apparmor:unconfined removes the kernel filters that contain a compromised container.",
    remediation: "Remove the security_opt entry (or point it at a custom profile).",
    references: ["CWE-250", "https://docs.docker.com/engine/security/seccomp/"],
    check: (r) =>
      each(r.body, "security_opt.*").filter((m) => typeof m.value === "string" && /^(seccomp|apparmor)[:=]unconfined$/.test(m.value)).map((m) => ({ path: m.path })),
    examples: {
      valid: [{ code: svc(["security_opt:", "  - no-new-privileges:true"]) }],
      invalid: [{ code: svc(["security_opt:", "  - seccomp:unconfined"]), lines: [5] }],
    },
  }),
  rule({
    id: "iac/compose-root-user",
    severity: "low",
    title: "Compose service runs as root explicitly",
    description: "user: root (or 0) overrides a safer USER in the image.",
    remediation: "Run as an unprivileged user (user: \"1000:1000\").",
    references: ["CWE-250", SPEC],
    check: (r) => (/^(root|0)(:|$)/.test(str(r.body.user) ?? "") ? { path: "user" } : undefined),
    examples: { valid: [{ code: svc(["user: \"1000:1000\""]) }], invalid: [{ code: svc(["user: root"]), lines: [4] }] },
  }),
];
