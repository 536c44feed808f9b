// Dockerfile rules (multi-stage aware: only the final stage decides what runs in production).
import type { IacRule, Resource } from "../types.js";
import { code } from "./factory.js";
import { badImageTag, instructionIssue, instructions, looksLikeSecretName, shellText, stageCount, type DockerInstruction } from "./helpers.js";

const BEST = "https://docs.docker.com/build/building/best-practices/";

/**
 * Instructions that shape the shipped image: the last stage's, preceded by those of the stages it
 * builds FROM (USER and HEALTHCHECK are inherited through `FROM <stage>`).
 */
function finalStage(r: Resource): DockerInstruction[] {
  const all = instructions(r);
  const names = new Map<string, number>();
  for (const i of all) {
    if (i.cmd !== "FROM") continue;
    const m = /\s+as\s+(\S+)\s*$/i.exec(i.value);
    if (m?.[1]) names.set(m[1].toLowerCase(), i.stage);
  }
  const chain: number[] = [];
  let stage = stageCount(r) - 1;
  while (stage >= 0 && !chain.includes(stage)) {
    chain.unshift(stage);
    const from = all.find((i) => i.stage === stage && i.cmd === "FROM");
    const parent = from ? names.get(fromImage(from).toLowerCase()) : undefined;
    if (parent === undefined || parent >= stage) break;
    stage = parent;
  }
  return chain.flatMap((s) => all.filter((i) => i.stage === s));
}

/** Names of earlier stages, which FROM may reference instead of an image. */
function stageNames(r: Resource): Set<string> {
  return new Set(instructions(r).filter((i) => i.cmd === "FROM").flatMap((i) => {
    const m = /\s+as\s+(\S+)\s*$/i.exec(i.value);
    return m?.[1] ? [m[1].toLowerCase()] : [];
  }));
}

function fromImage(ins: DockerInstruction): string {
  return ins.value.split(/\s+/).filter((p) => !p.startsWith("--"))[0] ?? "";
}

function runRule(input: {
  id: string;
  severity: IacRule["severity"];
  title: string;
  description: string;
  remediation: string;
  references: string[];
  tags?: string[];
  test: (shell: string) => boolean;
  valid: string[];
  invalid: { code: string; lines: number[] }[];
}): IacRule {
  return {
    id: input.id,
    severity: input.severity,
    title: input.title,
    description: input.description,
    remediation: input.remediation,
    references: input.references,
    tags: input.tags ?? ["security"],
    frameworks: ["dockerfile"],
    types: ["dockerfile"],
    check: (r) => instructions(r).filter((i) => i.cmd === "RUN" && input.test(shellText(i.value))).map((i) => instructionIssue(i)),
    examples: { valid: input.valid.map((c) => ({ code: c })), invalid: input.invalid },
  };
}

/** Splits a shell line into commands at ;, &&, || and |. */
function commands(shell: string): string[] {
  return shell.split(/&&|\|\||;|\n/).map((c) => c.trim()).filter(Boolean);
}

const PIPE_TO_SHELL = /\b(curl|wget)\b[^|;&]*\|\s*(sudo\s+)?(ba|z|da|k)?sh\b|\b(ba)?sh\s+(-c\s+)?["']?\$\((curl|wget)\b|\b(ba)?sh\s+<\(\s*(curl|wget)\b/;

export const dockerfileRules: IacRule[] = [
  {
    id: "iac/docker-no-user",
    severity: "medium",
    title: "Image runs as root (no USER instruction)",
    description: "Without a USER instruction in the final stage the container's process runs as root, so any code execution bug is root in the container.",
    remediation: "Create an unprivileged user and add USER <name> (or a UID) in the final stage.",
    references: ["CKV_DOCKER_3", "CWE-250", BEST],
    tags: ["security", "CWE-250"],
    frameworks: ["dockerfile"],
    types: ["dockerfile"],
    check: (r) => {
      const last = finalStage(r);
      if (last.length === 0 || last.some((i) => i.cmd === "USER")) return undefined;
      const from = last.filter((i) => i.cmd === "FROM").pop();
      if (from && /^scratch$/i.test(fromImage(from))) return undefined;
      return from ? instructionIssue(from) : { path: "" };
    },
    examples: {
      valid: [
        { code: code`
          FROM node:20 AS build
          RUN npm ci
          FROM node:20-slim
          USER node
          CMD ["node", "app.js"]
        ` },
        { code: code`
          FROM node:20-slim AS base
          USER node
          FROM base
          CMD ["node", "app.js"]
        ` },
      ],
      invalid: [{ code: code`
        FROM node:20 AS build
        USER node
        FROM node:20-slim
        CMD ["node", "app.js"]
      `, lines: [3] }],
    },
  },
  {
    id: "iac/docker-user-root",
    severity: "high",
    title: "Image switches to the root user last",
    description: "The last USER of the final stage is root (or UID 0), so the container runs as root.",
    remediation: "End the final stage with USER set to an unprivileged user.",
    references: ["CKV_DOCKER_8", "CWE-250", BEST],
    tags: ["security", "CWE-250"],
    frameworks: ["dockerfile"],
    types: ["dockerfile"],
    check: (r) => {
      const users = finalStage(r).filter((i) => i.cmd === "USER");
      const last = users[users.length - 1];
      return last && /^(root|0)(:|$)/.test(last.value.trim()) ? instructionIssue(last) : undefined;
    },
    examples: {
      valid: [{ code: "FROM alpine:3.20\nUSER root\nRUN apk add --no-cache curl=8.9.1-r0\nUSER app\n" }],
      invalid: [{ code: "FROM alpine:3.20\nUSER app\nRUN id\nUSER root\n", lines: [4] }],
    },
  },
  {
    id: "iac/docker-base-image-latest",
    severity: "medium",
    title: "Base image uses the latest tag or no tag",
    description: "FROM without a fixed tag or digest builds on whatever the registry serves today: builds are not reproducible and a poisoned image flows in silently.",
    remediation: "Pin FROM to a version tag, or better a digest (image@sha256:...).",
    references: ["CKV_DOCKER_7", "CWE-1357", BEST],
    tags: ["security", "CWE-1357"],
    frameworks: ["dockerfile"],
    types: ["dockerfile"],
    check: (r) => {
      const stages = stageNames(r);
      const args = new Set(instructions(r).filter((i) => i.cmd === "ARG").map((i) => i.value.split("=")[0]?.trim() ?? ""));
      return instructions(r)
        .filter((i) => i.cmd === "FROM")
        .flatMap((i) => {
          const image = fromImage(i);
          if (stages.has(image.toLowerCase()) || image.includes("$") || args.has(image)) return [];
          const bad = badImageTag(image);
          return bad ? [instructionIssue(i, `Base image ${image} is ${bad === "latest" ? "tagged latest" : "not tagged"}`)] : [];
        });
    },
    examples: {
      valid: [{ code: "FROM golang:1.22 AS build\nRUN go build\nFROM build\nFROM gcr.io/distroless/static@sha256:0123456789abcdef\n" }],
      invalid: [{ code: "FROM ubuntu\nRUN echo\n", lines: [1] }, { code: "FROM node:20 AS a\nFROM python:latest\n", lines: [2] }],
    },
  },
  {
    id: "iac/docker-add-remote-url",
    severity: "medium",
    title: "ADD downloads from a URL",
    description: "ADD <url> fetches a file without any integrity check, and its cache behaviour hides upstream changes.",
    remediation: "Download with curl/wget in a RUN and verify a checksum, or use ADD --checksum=sha256:...",
    references: ["CKV_DOCKER_4", "CWE-494", BEST],
    tags: ["security", "CWE-494"],
    frameworks: ["dockerfile"],
    types: ["dockerfile"],
    check: (r) => instructions(r).filter((i) => i.cmd === "ADD" && /(^|\s)(https?|ftp):\/\//i.test(i.value) && !/--checksum=/.test(i.value)).map((i) => instructionIssue(i)),
    examples: {
      valid: [{ code: "FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a.tgz /a.tgz\n" }],
      invalid: [{ code: "FROM alpine:3.20\nADD https://example.com/tool.tgz /opt/\n", lines: [2] }],
    },
  },
  {
    id: "iac/docker-add-instead-of-copy",
    severity: "low",
    title: "ADD used to copy local files",
    description: "ADD also extracts archives and fetches URLs; COPY does only what it says, so surprises cannot creep in.",
    remediation: "Use COPY for local files and directories.",
    references: ["CKV_DOCKER_4", "hadolint DL3020", BEST],
    tags: ["best-practice"],
    frameworks: ["dockerfile"],
    types: ["dockerfile"],
    check: (r) =>
      instructions(r)
        .filter((i) => i.cmd === "ADD" && !/(^|\s)(https?|ftp|git@[^\s]+):?\/?\/?/i.test(i.value) && !/\.(tar|tgz|tar\.gz|tar\.bz2|tar\.xz|txz|tbz2?)(\s|$)/i.test(i.value))
        .map((i) => instructionIssue(i)),
    examples: {
      valid: [{ code: "FROM alpine:3.20\nCOPY app /app\nADD rootfs.tar.gz /\n" }],
      invalid: [{ code: "FROM alpine:3.20\nADD app /app\n", lines: [2] }],
    },
  },
  runRule({
    id: "iac/docker-curl-pipe-shell",
    severity: "high",
    title: "RUN pipes a download into a shell",
    description: "curl ... | sh runs whatever the server (or anyone in the middle) sends, with no integrity check, at build time as root.",
    remediation: "Download the script, verify its checksum or signature, then run it; or install from a package manager.",
    references: ["CWE-494", "hadolint DL4006"],
    tags: ["security", "CWE-494"],
    test: (s) => PIPE_TO_SHELL.test(s),
    valid: ["FROM alpine:3.20\nRUN curl -fsSLo install.sh https://example.com/install.sh && sha256sum -c sums && sh install.sh\n"],
    invalid: [{ code: "FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0 \\\n  && curl -fsSL https://example.com/install.sh | sh\n", lines: [2] }],
  }),
  {
    id: "iac/docker-secret-in-env-arg",
    severity: "high",
    title: "Secret passed through ENV or ARG",
    description: "ENV values are baked into the image and ARG values are visible in the image history: secrets there leak to anyone who can pull the image.",
    remediation: "Use BuildKit secrets (RUN --mount=type=secret) at build time and runtime secrets (env from the orchestrator, mounted files) at run time.",
    references: ["CWE-798", "https://docs.docker.com/build/building/secrets/"],
    tags: ["security", "CWE-798"],
    frameworks: ["dockerfile"],
    types: ["dockerfile"],
    check: (r) =>
      instructions(r)
        .filter((i) => i.cmd === "ENV" || i.cmd === "ARG")
        .flatMap((i) => {
          const pairs: { name: string; value: string | undefined }[] = [];
          const v = i.value.trim();
          if (i.cmd === "ENV" && !v.includes("=")) {
            const [name, ...rest] = v.split(/\s+/);
            pairs.push({ name: name ?? "", value: rest.join(" ") });
          } else {
            for (const m of v.matchAll(/([A-Za-z_][\w.-]*)(?:=("[^"]*"|'[^']*'|\S*))?/g)) pairs.push({ name: m[1] ?? "", value: m[2]?.replace(/^["']|["']$/g, "") });
          }
          const bad = pairs.filter((p) => looksLikeSecretName(p.name) && (i.cmd === "ARG" || (p.value !== undefined && p.value !== "" && !p.value.startsWith("$"))));
          return bad.map((p) => instructionIssue(i, `${i.cmd} ${p.name} carries a secret`));
        }),
    examples: {
      valid: [{ code: "FROM alpine:3.20\nARG VERSION=1.0\nENV APP_HOME=/app\nENV PASSWORD_FILE=/run/secrets/db\n" }],
      invalid: [{ code: "FROM alpine:3.20\nENV DB_PASSWORD=hunter2\n", lines: [2] }, { code: "FROM alpine:3.20\nARG NPM_TOKEN\nRUN npm ci\n", lines: [2] }],
    },
  },
  runRule({
    id: "iac/docker-apt-unpinned",
    severity: "low",
    title: "apt-get install without version pins",
    description: "Unpinned packages make builds unreproducible: the same Dockerfile installs different software on different days.",
    remediation: "Pin versions (apt-get install -y pkg=1.2.3-1) or build from a pinned base image that already has them.",
    references: ["hadolint DL3008", BEST],
    tags: ["best-practice"],
    test: (s) =>
      commands(s).some((c) => {
        const m = /\bapt(-get)?\s+(?:-\S+\s+)*install\b(.*)$/.exec(c);
        if (!m) return false;
        const pkgs = (m[2] ?? "").split(/\s+/).filter((p) => p && !p.startsWith("-") && !p.includes("$"));
        return pkgs.some((p) => !p.includes("=") && !p.endsWith(".deb"));
      }),
    valid: ["FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*\n"],
    invalid: [{ code: "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n", lines: [2] }],
  }),
  runRule({
    id: "iac/docker-apt-no-cleanup",
    severity: "low",
    title: "apt lists are left in the image",
    description: "Leaving /var/lib/apt/lists in the layer bloats the image and ships stale package indexes.",
    remediation: "End the same RUN with rm -rf /var/lib/apt/lists/* (or use a cache mount).",
    references: ["hadolint DL3009", BEST],
    tags: ["best-practice"],
    test: (s) => /\bapt(-get)?\s+(?:-\S+\s+)*install\b/.test(s) && !/\/var\/lib\/apt\/lists/.test(s) && !/apt-get\s+clean/.test(s),
    valid: ["FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*\n"],
    invalid: [{ code: "FROM debian:12\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl=7.88.1-10\n", lines: [2] }],
  }),
  runRule({
    id: "iac/docker-apt-recommends",
    severity: "info",
    title: "apt-get install pulls recommended packages",
    description: "Recommended packages grow the image and its attack surface with software nobody asked for.",
    remediation: "Add --no-install-recommends to apt-get install.",
    references: ["hadolint DL3015", BEST],
    tags: ["best-practice"],
    test: (s) => commands(s).some((c) => /\bapt-get\s+(?:-\S+\s+)*install\b/.test(c) && !/--no-install-recommends|APT::Install-Recommends=false/.test(c)),
    valid: ["FROM debian:12\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10\n"],
    invalid: [{ code: "FROM debian:12\nRUN apt-get install -y curl=7.88.1-10\n", lines: [2] }],
  }),
  runRule({
    id: "iac/docker-apk-unpinned",
    severity: "low",
    title: "apk add without version pins",
    description: "Unpinned packages make builds unreproducible.",
    remediation: "Pin versions (apk add pkg=1.2.3-r0).",
    references: ["hadolint DL3018", BEST],
    tags: ["best-practice"],
    test: (s) =>
      commands(s).some((c) => {
        const m = /\bapk\s+(?:-\S+\s+)*add\b(.*)$/.exec(c);
        if (!m) return false;
        const pkgs = (m[1] ?? "").split(/\s+/).filter((p) => p && !p.startsWith("-") && !p.includes("$"));
        return pkgs.some((p) => !p.includes("=") && !p.includes("~"));
      }),
    valid: ["FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0\n"],
    invalid: [{ code: "FROM alpine:3.20\nRUN apk add --no-cache curl\n", lines: [2] }],
  }),
  runRule({
    id: "iac/docker-apk-no-cache",
    severity: "low",
    title: "apk add keeps its package cache",
    description: "Without --no-cache the package index stays in the layer, bloating the image.",
    remediation: "Use apk add --no-cache (or remove /var/cache/apk/* in the same RUN).",
    references: ["hadolint DL3019", BEST],
    tags: ["best-practice"],
    test: (s) => commands(s).some((c) => /\bapk\s+(?:-\S+\s+)*add\b/.test(c) && !/--no-cache/.test(c)) && !/\/var\/cache\/apk/.test(s),
    valid: ["FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0\n"],
    invalid: [{ code: "FROM alpine:3.20\nRUN apk update && apk add curl=8.9.1-r0\n", lines: [2] }],
  }),
  runRule({
    id: "iac/docker-sudo",
    severity: "medium",
    title: "RUN uses sudo",
    description: "sudo in a build means the image carries sudo and a user allowed to use it, an easy privilege escalation at run time.",
    remediation: "Run the step before switching USER (as root during the build), and do not install sudo.",
    references: ["hadolint DL3004", "CWE-250"],
    tags: ["security", "CWE-250"],
    test: (s) => /(^|[\s;&|(])sudo\s/.test(s),
    valid: ["FROM debian:12\nRUN chown app /app\n"],
    invalid: [{ code: "FROM debian:12\nUSER app\nRUN sudo chown app /app\n", lines: [3] }],
  }),
  {
    id: "iac/docker-no-healthcheck",
    severity: "low",
    title: "Image has no HEALTHCHECK",
    description: "Without a HEALTHCHECK, Docker and Compose cannot tell a hung container from a healthy one.",
    remediation: "Add HEALTHCHECK CMD <command> to the final stage (Kubernetes users: define probes in the manifest instead).",
    references: ["CKV_DOCKER_2", BEST],
    tags: ["reliability"],
    frameworks: ["dockerfile"],
    types: ["dockerfile"],
    check: (r) => {
      const last = finalStage(r);
      if (last.length === 0) return undefined;
      const checks = last.filter((i) => i.cmd === "HEALTHCHECK");
      const effective = checks[checks.length - 1];
      if (effective && !/^NONE\b/i.test(effective.value.trim())) return undefined;
      const from = last.filter((i) => i.cmd === "FROM").pop();
      if (from && /^scratch$/i.test(fromImage(from))) return undefined;
      return from ? instructionIssue(from) : undefined;
    },
    examples: {
      valid: [{ code: "FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n" }],
      invalid: [{ code: "FROM node:20 AS build\nHEALTHCHECK NONE\nFROM nginx:1.27\nCOPY --from=build /out /usr/share/nginx/html\n", lines: [3] }],
    },
  },
  runRule({
    id: "iac/docker-upgrade-packages",
    severity: "low",
    title: "RUN upgrades all packages",
    description: "apt-get upgrade / dist-upgrade / apk upgrade in a Dockerfile makes the build unreproducible; update the base image instead.",
    remediation: "Use a newer base image tag (or digest) rather than upgrading packages in place.",
    references: ["hadolint DL3005", "CWE-1357"],
    tags: ["best-practice"],
    test: (s) => /\b(apt(-get)?\s+(?:-\S+\s+)*(dist-)?upgrade|apk\s+(?:-\S+\s+)*upgrade|yum\s+(?:-\S+\s+)*update\s*$)/m.test(s),
    valid: ["FROM debian:12\nRUN apt-get update\n"],
    invalid: [{ code: "FROM debian:12\nRUN apt-get update && apt-get -y upgrade\n", lines: [2] }],
  }),
  {
    id: "iac/docker-expose-ssh",
    severity: "medium",
    title: "Image exposes SSH (port 22)",
    description: "Running sshd in a container adds a remote login service, keys to manage and an attack surface; use docker exec / kubectl exec instead.",
    remediation: "Remove EXPOSE 22 and the SSH daemon.",
    references: ["CKV_DOCKER_1", "CWE-284"],
    tags: ["security"],
    frameworks: ["dockerfile"],
    types: ["dockerfile"],
    check: (r) => instructions(r).filter((i) => i.cmd === "EXPOSE" && i.value.split(/\s+/).some((p) => /^22(\/tcp)?$/.test(p))).map((i) => instructionIssue(i)),
    examples: {
      valid: [{ code: "FROM nginx:1.27\nEXPOSE 80 443\n" }],
      invalid: [{ code: "FROM ubuntu:24.04\nEXPOSE 80 22\n", lines: [2] }],
    },
  },
  {
    id: "iac/docker-maintainer-deprecated",
    severity: "info",
    title: "MAINTAINER is deprecated",
    description: "MAINTAINER has been deprecated for years; labels carry the information in a standard way.",
    remediation: "Replace MAINTAINER with LABEL org.opencontainers.image.authors=\"...\".",
    references: ["hadolint DL4000", "https://docs.docker.com/reference/dockerfile/#maintainer-deprecated"],
    tags: ["best-practice"],
    frameworks: ["dockerfile"],
    types: ["dockerfile"],
    check: (r) => instructions(r).filter((i) => i.cmd === "MAINTAINER").map((i) => instructionIssue(i)),
    examples: {
      valid: [{ code: "FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"team@example.com\"\n" }],
      invalid: [{ code: "FROM alpine:3.20\nMAINTAINER team@example.com\n", lines: [2] }],
    },
  },
  {
    id: "iac/docker-workdir-relative",
    severity: "info",
    title: "WORKDIR uses a relative path",
    description: "A relative WORKDIR depends on every previous WORKDIR, which makes the Dockerfile fragile to edit.",
    remediation: "Use an absolute path in WORKDIR.",
    references: ["CKV_DOCKER_10", "hadolint DL3000"],
    tags: ["best-practice"],
    frameworks: ["dockerfile"],
    types: ["dockerfile"],
    check: (r) => instructions(r).filter((i) => i.cmd === "WORKDIR" && !/^["']?(\/|\$|[A-Za-z]:\\)/.test(i.value.trim())).map((i) => instructionIssue(i)),
    examples: {
      valid: [{ code: "FROM alpine:3.20\nWORKDIR /app\n" }],
      invalid: [{ code: "FROM alpine:3.20\nWORKDIR app\n", lines: [2] }],
    },
  },
  runRule({
    id: "iac/docker-tls-verification-disabled",
    severity: "high",
    title: "Download with TLS verification turned off",
    description: "curl -k, wget --no-check-certificate or pip --trusted-host accept any certificate, so anyone on the path can replace what the build downloads.",
    remediation: "Remove the option and fix the trust store (install ca-certificates or add the internal CA).",
    references: ["CWE-295"],
    tags: ["security", "CWE-295"],
    test: (s) => /\bcurl\b[^;&|]*\s(-k|--insecure|-[a-zA-Z]*k[a-zA-Z]*)(\s|$)|\bwget\b[^;&|]*--no-check-certificate|--trusted-host\b|\bgit\s+-c\s+http\.sslVerify=false|npm\s+config\s+set\s+strict-ssl\s+false/.test(s),
    valid: ["FROM alpine:3.20\nRUN curl -fsSLo /tmp/a https://example.com/a\n"],
    invalid: [{ code: "FROM alpine:3.20\nRUN curl -fsSLk -o /tmp/a https://example.com/a\n", lines: [2] }],
  }),
  runRule({
    id: "iac/docker-chmod-777",
    severity: "medium",
    title: "RUN makes files world-writable",
    description: "chmod 777 (or o+w) lets any user in the container change the files, including the application's code.",
    remediation: "Give ownership to the application user (chown / COPY --chown) and use 755/644 permissions.",
    references: ["CWE-732"],
    tags: ["security", "CWE-732"],
    test: (s) => /\bchmod\s+(-R\s+)?(0?777|a\+w|o\+w|ugo\+w)\b/.test(s),
    valid: ["FROM alpine:3.20\nRUN chmod 755 /app\n"],
    invalid: [{ code: "FROM alpine:3.20\nRUN chmod -R 777 /app\n", lines: [2] }],
  }),
  runRule({
    id: "iac/docker-pip-no-cache",
    severity: "info",
    title: "pip install keeps its cache",
    description: "pip's download cache stays in the layer and bloats the image.",
    remediation: "Use pip install --no-cache-dir (or a BuildKit cache mount).",
    references: ["hadolint DL3042"],
    tags: ["best-practice"],
    test: (s) => commands(s).some((c) => /\bpip3?\s+(?:-\S+\s+)*install\b/.test(c) && !/--no-cache-dir/.test(c) && !/PIP_NO_CACHE_DIR/.test(s)),
    valid: ["FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n"],
    invalid: [{ code: "FROM python:3.12\nRUN pip install -r requirements.txt\n", lines: [2] }],
  }),
  runRule({
    id: "iac/docker-cd-instead-of-workdir",
    severity: "info",
    title: "RUN changes directory with cd",
    description: "cd only lasts for one RUN; WORKDIR states the directory for every following instruction.",
    remediation: "Use WORKDIR to change directory.",
    references: ["hadolint DL3003"],
    tags: ["best-practice"],
    test: (s) => /^cd\s+\S+\s*(&&|;)/.test(s.trim()),
    valid: ["FROM alpine:3.20\nWORKDIR /src\nRUN make\n"],
    invalid: [{ code: "FROM alpine:3.20\nRUN cd /src && make\n", lines: [2] }],
  }),
  runRule({
    id: "iac/docker-update-alone",
    severity: "low",
    title: "Package index updated in a RUN of its own",
    description: "apt-get update (or apk update, yum makecache) alone in a RUN is cached as a layer, so later installs use a stale index and get old packages.",
    remediation: "Update and install in the same RUN: apt-get update && apt-get install -y ... && rm -rf /var/lib/apt/lists/*.",
    references: ["CKV_DOCKER_5", "hadolint DL3059", BEST],
    tags: ["best-practice"],
    test: (s) => {
      const cmds = commands(s);
      const updates = cmds.some((c) => /^(apt(-get)?\s+(-\S+\s+)*update|apk\s+update|yum\s+makecache|dnf\s+makecache)\b/.test(c));
      const installs = cmds.some((c) => /\b(install|add|upgrade)\b/.test(c));
      return updates && !installs;
    },
    valid: ["FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10\n"],
    invalid: [{ code: "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl=7.88.1-10\n", lines: [2] }],
  }),
  {
    id: "iac/docker-multiple-cmd",
    severity: "low",
    title: "Stage has more than one CMD or ENTRYPOINT",
    description: "Only the last CMD and ENTRYPOINT of a stage take effect; earlier ones are dead code that misleads readers.",
    remediation: "Keep a single CMD and a single ENTRYPOINT per stage.",
    references: ["hadolint DL4003", "hadolint DL4004"],
    tags: ["best-practice"],
    frameworks: ["dockerfile"],
    types: ["dockerfile"],
    check: (r) => {
      const seen = new Map<string, number>();
      const out = [];
      for (const i of instructions(r)) {
        if (i.cmd !== "CMD" && i.cmd !== "ENTRYPOINT") continue;
        const key = `${i.stage}:${i.cmd}`;
        const n = (seen.get(key) ?? 0) + 1;
        seen.set(key, n);
        if (n > 1) out.push(instructionIssue(i, `Stage has more than one ${i.cmd}`));
      }
      return out;
    },
    examples: {
      valid: [{ code: "FROM alpine:3.20 AS a\nCMD [\"a\"]\nFROM alpine:3.20\nCMD [\"b\"]\n" }],
      invalid: [{ code: "FROM alpine:3.20\nCMD [\"a\"]\nCMD [\"b\"]\n", lines: [3] }],
    },
  },
  runRule({
    id: "iac/docker-yum-no-clean",
    severity: "low",
    title: "yum/dnf cache is left in the image",
    description: "The package manager's cache stays in the layer and bloats the image.",
    remediation: "End the same RUN with yum clean all (dnf clean all), or use --setopt=keepcache=0.",
    references: ["hadolint DL3032", "hadolint DL3040"],
    tags: ["best-practice"],
    test: (s) => /\b(yum|dnf|microdnf)\s+(?:-\S+\s+)*install\b/.test(s) && !/\b(yum|dnf|microdnf)\s+clean\s+all\b|rm\s+-rf\s+\/var\/cache\/(yum|dnf)/.test(s),
    valid: ["FROM rockylinux:9\nRUN dnf install -y nginx-1.20.1 && dnf clean all\n"],
    invalid: [{ code: "FROM rockylinux:9\nRUN dnf install -y nginx-1.20.1\n", lines: [2] }],
  }),
  runRule({
    id: "iac/docker-pip-unpinned",
    severity: "low",
    title: "pip install without version pins",
    description: "Unpinned Python packages make builds unreproducible and open the door to a malicious new release.",
    remediation: "Pin versions (pip install pkg==1.2.3) or install from a locked requirements file.",
    references: ["hadolint DL3013"],
    tags: ["best-practice"],
    test: (s) =>
      commands(s).some((c) => {
        const m = /\bpip3?\s+(?:-\S+\s+)*install\b(.*)$/.exec(c);
        if (!m) return false;
        const args = (m[1] ?? "").split(/\s+/).filter(Boolean);
        if (args.some((a) => a === "-r" || a.startsWith("--requirement") || a === "-e" || a === "." || a.startsWith("-c"))) return false;
        return args.filter((a) => !a.startsWith("-") && !a.includes("$") && !a.includes("/") && !a.endsWith(".whl")).some((p) => !/[=<>~@]/.test(p));
      }),
    valid: ["FROM python:3.12\nRUN pip install --no-cache-dir requests==2.32.3\n"],
    invalid: [{ code: "FROM python:3.12\nRUN pip install --no-cache-dir requests\n", lines: [2] }],
  }),
  {
    id: "iac/docker-copy-secrets",
    severity: "high",
    title: "COPY brings private keys or credentials into the image",
    description: "Files such as .env, id_rsa, *.pem or .npmrc copied into a layer stay in the image history even if deleted later.",
    remediation: "Exclude them with .dockerignore and mount them at build time with RUN --mount=type=secret.",
    references: ["CWE-538", "https://docs.docker.com/build/building/secrets/"],
    tags: ["security", "CWE-538"],
    frameworks: ["dockerfile"],
    types: ["dockerfile"],
    check: (r) =>
      instructions(r)
        .filter((i) => (i.cmd === "COPY" || i.cmd === "ADD") && !/--from=/.test(i.value))
        .filter((i) => i.value.split(/\s+/).filter((a) => !a.startsWith("--")).slice(0, -1).some((a) => /(^|\/)(\.env(\.[\w-]+)?|id_rsa|id_ed25519|id_ecdsa|[\w.-]+\.pem|[\w.-]+\.key|\.npmrc|\.pypirc|\.netrc|credentials(\.json)?|\.aws\/credentials|\.docker\/config\.json)$/.test(a)))
        .map((i) => instructionIssue(i)),
    examples: {
      valid: [{ code: "FROM node:20\nCOPY package.json src/ /app/\n" }],
      invalid: [{ code: "FROM node:20\nCOPY .npmrc package.json /app/\n", lines: [2] }],
    },
  },
];
