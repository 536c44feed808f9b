// Kubernetes rules over workloads (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job,
// CronJob...) and RBAC objects, following the Pod Security Standards and Checkov's CKV_K8S checks.
import type { IacRule, Issue, Resource } from "../types.js";
import { code } from "./factory.js";
import { WORKLOAD_KINDS, badImageTag, containers, each, get, isObj, isTrue, looksLikeLiteralSecret, looksLikeSecretName, num, podSpec, str, strings, type ContainerRef } from "./helpers.js";

const PSS = "https://kubernetes.io/docs/concepts/security/pod-security-standards/";

/** A Pod with the given container lines (indented under the first container) and pod spec lines. */
function pod(container: string[] = [], spec: string[] = [], meta: string[] = ["namespace: prod"]): string {
  return [
    "apiVersion: v1",
    "kind: Pod",
    "metadata:",
    "  name: app",
    ...meta.map((l) => `  ${l}`),
    "spec:",
    ...spec.map((l) => `  ${l}`),
    "  containers:",
    "    - name: app",
    "      image: nginx:1.25",
    ...container.map((l) => `      ${l}`),
    "",
  ].join("\n");
}

/** Line of the n-th container line (1-based) in pod(container, spec, meta). */
function cline(n: number, spec: string[] = [], meta: number = 1): number {
  return 4 + meta + 1 + spec.length + 3 + n;
}

function sline(n: number, meta = 1): number {
  return 4 + meta + 1 + n;
}

const CONTAINER_LINE = (spec: string[] = []): number => cline(-1, spec);

/** Effective security context value: the container's, else the pod's. */
function effective(r: Resource, c: ContainerRef, key: string): { value: unknown; path: string } | undefined {
  const own = get(c.value, `securityContext.${key}`);
  if (own !== undefined) return { value: own, path: `${c.path}.securityContext.${key}` };
  const spec = podSpec(r);
  const podValue = spec ? get(spec.value, `securityContext.${key}`) : undefined;
  if (podValue !== undefined && spec) return { value: podValue, path: `${spec.path}.securityContext.${key}` };
  return undefined;
}

interface ContainerRuleInput {
  id: string;
  severity: IacRule["severity"];
  title: string;
  description: string;
  remediation: string;
  references: string[];
  tags?: string[];
  /** Skip init containers. */
  appOnly?: boolean;
  /** Skip Jobs and CronJobs (probes make no sense there). */
  skipJobs?: boolean;
  check: (c: ContainerRef, r: Resource) => Issue | Issue[] | undefined;
  examples: IacRule["examples"];
}

function containerRule(input: ContainerRuleInput): IacRule {
  return {
    id: input.id,
    severity: input.severity,
    title: input.title,
    description: input.description,
    remediation: input.remediation,
    references: input.references,
    tags: input.tags ?? ["security"],
    frameworks: ["kubernetes"],
    types: WORKLOAD_KINDS,
    check: (r) => {
      if (input.skipJobs && (r.type === "Job" || r.type === "CronJob")) return [];
      return containers(r, { init: !input.appOnly })
        .filter((c) => !(input.appOnly && c.init))
        .flatMap((c) => {
          const out = input.check(c, r);
          return out === undefined ? [] : Array.isArray(out) ? out : [out];
        });
    },
    examples: input.examples,
  };
}

interface PodRuleInput extends Omit<ContainerRuleInput, "check" | "appOnly" | "skipJobs"> {
  check: (spec: { value: Record<string, unknown>; path: string }, r: Resource) => Issue | Issue[] | undefined;
}

function podRule(input: PodRuleInput): IacRule {
  return {
    id: input.id,
    severity: input.severity,
    title: input.title,
    description: input.description,
    remediation: input.remediation,
    references: input.references,
    tags: input.tags ?? ["security"],
    frameworks: ["kubernetes"],
    types: WORKLOAD_KINDS,
    check: (r) => {
      const spec = podSpec(r);
      return spec ? input.check(spec, r) : undefined;
    },
    examples: input.examples,
  };
}

const DANGEROUS_CAPS = new Set(["ALL", "SYS_ADMIN", "NET_ADMIN", "NET_RAW", "SYS_PTRACE", "SYS_MODULE", "DAC_READ_SEARCH", "SYS_RAWIO", "BPF", "PERFMON", "SYS_BOOT"]);
const SAFE_SYSCTLS = new Set(["kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes"]);
const NAMESPACED = [...WORKLOAD_KINDS, "Service", "ConfigMap", "Secret", "ServiceAccount", "Role", "RoleBinding", "Ingress", "NetworkPolicy", "PersistentVolumeClaim", "HorizontalPodAutoscaler", "PodDisruptionBudget"];

function resourceRule(kind: "limits" | "requests", res: "cpu" | "memory", severity: IacRule["severity"], ckv: string): IacRule {
  return containerRule({
    id: `iac/k8s-${res}-${kind === "limits" ? "limit" : "request"}-missing`,
    severity,
    title: `Container has no ${res.toUpperCase() === "CPU" ? "CPU" : "memory"} ${kind === "limits" ? "limit" : "request"}`,
    description:
      kind === "limits"
        ? `Without resources.limits.${res} one container can starve every other workload on the node (noisy neighbour or denial of service).`
        : `Without resources.requests.${res} the scheduler cannot place the pod sensibly and it is the first to be evicted under pressure.`,
    remediation: `Set resources.${kind}.${res} on every container.`,
    references: [ckv, "https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"],
    tags: ["reliability"],
    check: (c) => (!c.ephemeral && get(c.value, `resources.${kind}.${res}`) === undefined ? { path: `${c.path}.resources.${kind}.${res}`, missing: true } : undefined),
    examples: {
      valid: [{ code: pod(["resources:", `  ${kind}:`, `    ${res}: ${res === "cpu" ? "500m" : "256Mi"}`]) }],
      invalid: [
        { code: pod(), lines: [CONTAINER_LINE()] },
        { code: pod(["resources:", `  ${kind === "limits" ? "requests" : "limits"}:`, `    ${res}: ${res === "cpu" ? "500m" : "256Mi"}`]), lines: [cline(1)] },
      ],
    },
  });
}

export const kubernetesRules: IacRule[] = [
  containerRule({
    id: "iac/k8s-privileged-container",
    severity: "high",
    title: "Container runs privileged",
    description: "A privileged container has every capability and access to the host's devices: escaping to the node is trivial.",
    remediation: "Remove securityContext.privileged or set it to false.",
    references: ["CKV_K8S_16", "CWE-250", PSS],
    check: (c) => (isTrue(get(c.value, "securityContext.privileged")) ? { path: `${c.path}.securityContext.privileged` } : undefined),
    examples: {
      valid: [{ code: pod(["securityContext:", "  privileged: false"]) }],
      invalid: [{ code: pod(["securityContext:", "  privileged: true"]), lines: [cline(2)] }],
    },
  }),
  containerRule({
    id: "iac/k8s-allow-privilege-escalation",
    severity: "medium",
    title: "Container allows privilege escalation",
    description: "Unless allowPrivilegeEscalation is false, a process can gain more privileges than its parent (setuid binaries), which helps an attacker who got in.",
    remediation: "Set securityContext.allowPrivilegeEscalation: false on every container.",
    references: ["CKV_K8S_20", "CWE-269", PSS],
    check: (c) => {
      const v = get(c.value, "securityContext.allowPrivilegeEscalation");
      if (v === undefined) return { path: `${c.path}.securityContext.allowPrivilegeEscalation`, missing: true };
      return v === false || v === "false" ? undefined : { path: `${c.path}.securityContext.allowPrivilegeEscalation` };
    },
    examples: {
      valid: [{ code: pod(["securityContext:", "  allowPrivilegeEscalation: false"]) }],
      invalid: [
        { code: pod(["securityContext:", "  allowPrivilegeEscalation: true"]), lines: [cline(2)] },
        { code: pod(), lines: [CONTAINER_LINE()] },
      ],
    },
  }),
  containerRule({
    id: "iac/k8s-run-as-root",
    severity: "medium",
    title: "Container may run as root",
    description: "Without runAsNonRoot: true (or a non-zero runAsUser) the container runs as whatever user the image says, usually root.",
    remediation: "Set securityContext.runAsNonRoot: true (pod or container level) and a non-zero runAsUser.",
    references: ["CKV_K8S_23", "CWE-250", PSS],
    check: (c, r) => {
      const nonRoot = effective(r, c, "runAsNonRoot");
      const user = effective(r, c, "runAsUser");
      if (user && num(user.value as never) === 0) return undefined; // reported by k8s-run-as-user-0
      if (nonRoot && isTrue(nonRoot.value as never)) return undefined;
      if (user && (num(user.value as never) ?? 0) > 0) return undefined;
      if (nonRoot && !isTrue(nonRoot.value as never)) return { path: nonRoot.path };
      return { path: `${c.path}.securityContext.runAsNonRoot`, missing: true };
    },
    examples: {
      valid: [{ code: pod([], ["securityContext:", "  runAsNonRoot: true"]) }, { code: pod(["securityContext:", "  runAsUser: 10001"]) }],
      invalid: [
        { code: pod(), lines: [CONTAINER_LINE()] },
        { code: pod(["securityContext:", "  runAsNonRoot: false"]), lines: [cline(2)] },
      ],
    },
  }),
  containerRule({
    id: "iac/k8s-run-as-user-0",
    severity: "high",
    title: "Container runs as UID 0",
    description: "runAsUser: 0 explicitly runs the container as root.",
    remediation: "Set runAsUser to a non-zero UID and runAsNonRoot: true.",
    references: ["CWE-250", PSS],
    check: (c, r) => {
      const user = effective(r, c, "runAsUser");
      return user && num(user.value as never) === 0 ? { path: user.path } : undefined;
    },
    examples: {
      valid: [{ code: pod(["securityContext:", "  runAsUser: 10001"]) }],
      invalid: [{ code: pod(["securityContext:", "  runAsUser: 0"]), lines: [cline(2)] }, { code: pod([], ["securityContext:", "  runAsUser: 0"]), lines: [sline(2)] }],
    },
  }),
  ...(["hostNetwork", "hostPID", "hostIPC"] as const).map((key, i) =>
    podRule({
      id: `iac/k8s-${key.replace("host", "host-").toLowerCase()}`,
      severity: "high",
      title: `Pod shares the host's ${key === "hostNetwork" ? "network" : key === "hostPID" ? "process" : "IPC"} namespace`,
      description:
        key === "hostNetwork"
          ? "hostNetwork gives the pod the node's network stack: it can sniff traffic and reach services bound to localhost."
          : key === "hostPID"
            ? "hostPID lets the pod see and signal every process on the node, and read their environment."
            : "hostIPC lets the pod read and write shared memory of every process on the node.",
      remediation: `Remove ${key} or set it to false.`,
      references: [["CKV_K8S_19", "CKV_K8S_17", "CKV_K8S_18"][i] ?? "", "CWE-250", PSS],
      check: (spec) => (isTrue(spec.value[key] as never) ? { path: `${spec.path}.${key}` } : undefined),
      examples: {
        valid: [{ code: pod([], [`${key}: false`]) }],
        invalid: [{ code: pod([], [`${key}: true`]), lines: [sline(1)] }],
      },
    }),
  ),
  podRule({
    id: "iac/k8s-host-path",
    severity: "medium",
    title: "Pod mounts a host path",
    description: "hostPath volumes expose the node's file system to the pod; a writable mount of the wrong directory is a path to the node.",
    remediation: "Use persistent volumes, configMaps, secrets or emptyDir instead of hostPath.",
    references: ["CKV_K8S_27", "CWE-284", PSS],
    check: (spec) => each(spec.value as never, "volumes.*").filter((m) => isObj(m.value) && m.value.hostPath !== undefined).map((m) => ({ path: `${spec.path}.${m.path}.hostPath` })),
    examples: {
      valid: [{ code: pod([], ["volumes:", "  - name: data", "    emptyDir: {}"]) }],
      invalid: [{ code: pod([], ["volumes:", "  - name: data", "    hostPath:", "      path: /etc"]), lines: [sline(3)] }],
    },
  }),
  podRule({
    id: "iac/k8s-docker-socket",
    severity: "critical",
    title: "Pod mounts the container runtime socket",
    description: "Access to docker.sock or containerd.sock is root on the node: the pod can start privileged containers at will.",
    remediation: "Do not mount the runtime socket; use a rootless builder (BuildKit, kaniko) or the Kubernetes API.",
    references: ["CKV_K8S_27", "CWE-250"],
    check: (spec) =>
      each(spec.value as never, "volumes.*.hostPath.path")
        .filter((m) => typeof m.value === "string" && /(docker|containerd|crio|cri-dockerd)\.sock$|^\/var\/run\/?$|^\/run\/containerd\/?$/.test(m.value))
        .map((m) => ({ path: `${spec.path}.${m.path}` })),
    examples: {
      valid: [{ code: pod([], ["volumes:", "  - name: data", "    hostPath:", "      path: /data"]) }],
      invalid: [{ code: pod([], ["volumes:", "  - name: sock", "    hostPath:", "      path: /var/run/docker.sock"]), lines: [sline(4)] }],
    },
  }),
  containerRule({
    id: "iac/k8s-dangerous-capabilities",
    severity: "high",
    title: "Container adds a dangerous capability",
    description: "Capabilities such as SYS_ADMIN, NET_ADMIN, NET_RAW or ALL give root-like powers over the node or its network.",
    remediation: "Remove the capability from securityContext.capabilities.add; drop ALL and add back only what the process needs.",
    references: ["CKV_K8S_39", "CKV_K8S_25", "CWE-250", PSS],
    check: (c) =>
      each(c.value, "securityContext.capabilities.add.*")
        .filter((m) => typeof m.value === "string" && DANGEROUS_CAPS.has(m.value.toUpperCase().replace(/^CAP_/, "")))
        .map((m) => ({ path: `${c.path}.${m.path}`, message: `Container adds capability ${String(m.value)}` })),
    examples: {
      valid: [{ code: pod(["securityContext:", "  capabilities:", "    add: [NET_BIND_SERVICE]"]) }],
      invalid: [{ code: pod(["securityContext:", "  capabilities:", "    add:", "      - SYS_ADMIN"]), lines: [cline(4)] }],
    },
  }),
  containerRule({
    id: "iac/k8s-net-raw-not-dropped",
    severity: "low",
    title: "Container keeps the NET_RAW capability",
    description: "NET_RAW (granted by default) allows crafting packets for ARP and DNS spoofing inside the cluster network.",
    remediation: "Add securityContext.capabilities.drop: [ALL] (or at least NET_RAW).",
    references: ["CKV_K8S_28", "CKV_K8S_37", PSS],
    check: (c) => {
      const drop = strings(get(c.value, "securityContext.capabilities.drop")).map((x) => x.toUpperCase());
      if (drop.includes("ALL") || drop.includes("NET_RAW") || drop.includes("CAP_NET_RAW")) return undefined;
      return { path: `${c.path}.securityContext.capabilities.drop`, missing: get(c.value, "securityContext.capabilities.drop") === undefined };
    },
    examples: {
      valid: [{ code: pod(["securityContext:", "  capabilities:", "    drop: [ALL]"]) }],
      invalid: [{ code: pod(), lines: [CONTAINER_LINE()] }, { code: pod(["securityContext:", "  capabilities:", "    drop: [MKNOD]"]), lines: [cline(3)] }],
    },
  }),
  containerRule({
    id: "iac/k8s-writable-root-fs",
    severity: "low",
    title: "Container root file system is writable",
    description: "A writable root file system lets an attacker drop tools and persist changes inside the container.",
    remediation: "Set securityContext.readOnlyRootFilesystem: true and mount emptyDir volumes where the app must write.",
    references: ["CKV_K8S_22", "CWE-732"],
    check: (c) => {
      const v = get(c.value, "securityContext.readOnlyRootFilesystem");
      if (v === undefined) return { path: `${c.path}.securityContext.readOnlyRootFilesystem`, missing: true };
      return isTrue(v) ? undefined : { path: `${c.path}.securityContext.readOnlyRootFilesystem` };
    },
    examples: {
      valid: [{ code: pod(["securityContext:", "  readOnlyRootFilesystem: true"]) }],
      invalid: [{ code: pod(["securityContext:", "  readOnlyRootFilesystem: false"]), lines: [cline(2)] }, { code: pod(), lines: [CONTAINER_LINE()] }],
    },
  }),
  resourceRule("limits", "cpu", "low", "CKV_K8S_11"),
  resourceRule("limits", "memory", "medium", "CKV_K8S_13"),
  resourceRule("requests", "cpu", "low", "CKV_K8S_10"),
  resourceRule("requests", "memory", "low", "CKV_K8S_12"),
  containerRule({
    id: "iac/k8s-image-latest",
    severity: "medium",
    title: "Container image uses the latest tag or no tag",
    description: "An image without a fixed tag or digest changes under you: deployments are not reproducible and a poisoned push rolls out silently.",
    remediation: "Pin the image to a version tag, or better a digest (image@sha256:...).",
    references: ["CKV_K8S_14", "CWE-1357"],
    check: (c) => {
      const image = str(c.value.image as never);
      const bad = image === undefined ? undefined : badImageTag(image);
      return bad ? { path: `${c.path}.image`, message: `Image ${image ?? ""} is ${bad === "latest" ? "tagged latest" : "not tagged"}` } : undefined;
    },
    examples: {
      valid: [{ code: pod() }],
      invalid: [{ code: pod().replace("nginx:1.25", "nginx:latest"), lines: [CONTAINER_LINE() + 1] }, { code: pod().replace("nginx:1.25", "registry.example.com:5000/nginx"), lines: [CONTAINER_LINE() + 1] }],
    },
  }),
  {
    id: "iac/k8s-default-namespace",
    severity: "low",
    title: "Object is placed in the default namespace",
    description: "Workloads in the default namespace share it with everything else nobody thought about, so RBAC and network policies cannot separate them.",
    remediation: "Set metadata.namespace to a dedicated namespace.",
    references: ["CKV_K8S_21", "https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/"],
    tags: ["security"],
    frameworks: ["kubernetes"],
    types: NAMESPACED,
    check: (r) => {
      const ns = get(r.body, "metadata.namespace");
      if (ns === undefined) return { path: "metadata.namespace", missing: true, line: r.line };
      return ns === "default" ? { path: "metadata.namespace" } : undefined;
    },
    examples: {
      valid: [{ code: pod() }],
      invalid: [{ code: pod([], [], []), lines: [1] }, { code: pod([], [], ["namespace: default"]), lines: [5] }],
    },
  },
  containerRule({
    id: "iac/k8s-secret-in-env",
    severity: "high",
    title: "Secret written as a literal environment value",
    description: "A password or token in env[].value is stored in the manifest, in version control and in every copy of the object.",
    remediation: "Put the value in a Secret and reference it with env[].valueFrom.secretKeyRef (or mount it as a file).",
    references: ["CKV_K8S_35", "CWE-798"],
    tags: ["security", "CWE-798"],
    check: (c) =>
      each(c.value, "env.*")
        .filter((m) => isObj(m.value) && typeof m.value.name === "string" && looksLikeSecretName(m.value.name) && looksLikeLiteralSecret(m.value.value))
        .map((m) => ({ path: `${c.path}.${m.path}.value`, message: `Environment variable ${String(isObj(m.value) ? m.value.name : "")} holds a literal secret` })),
    examples: {
      valid: [{ code: pod(["env:", "  - name: DB_PASSWORD", "    valueFrom:", "      secretKeyRef: { name: db, key: password }"]) }],
      invalid: [{ code: pod(["env:", "  - name: DB_PASSWORD", "    value: s3cr3t-passw0rd"]), lines: [cline(3)] }],
    },
  }),
  podRule({
    id: "iac/k8s-automount-service-account-token",
    severity: "low",
    title: "Service account token is mounted automatically",
    description: "Every process in the pod can read the mounted API token; most applications never call the Kubernetes API and should not hold one.",
    remediation: "Set automountServiceAccountToken: false in the pod spec (or on the service account) unless the pod talks to the API.",
    references: ["CKV_K8S_38", "https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/"],
    check: (spec) => {
      const v = spec.value.automountServiceAccountToken;
      if (v === undefined) return { path: `${spec.path}.automountServiceAccountToken`, missing: true };
      return v === false || v === "false" ? undefined : { path: `${spec.path}.automountServiceAccountToken` };
    },
    examples: {
      valid: [{ code: pod([], ["automountServiceAccountToken: false"]) }],
      invalid: [{ code: pod([], ["automountServiceAccountToken: true"]), lines: [sline(1)] }, { code: pod(), lines: [6] }],
    },
  }),
  containerRule({
    id: "iac/k8s-liveness-probe-missing",
    severity: "low",
    title: "Container has no liveness probe",
    description: "Without a liveness probe a hung process keeps receiving traffic until someone notices.",
    remediation: "Add a livenessProbe (httpGet, tcpSocket, grpc or exec).",
    references: ["CKV_K8S_8", "https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/"],
    tags: ["reliability"],
    appOnly: true,
    skipJobs: true,
    check: (c) => (c.value.livenessProbe === undefined ? { path: `${c.path}.livenessProbe`, missing: true } : undefined),
    examples: {
      valid: [{ code: pod(["livenessProbe:", "  httpGet: { path: /healthz, port: 8080 }"]) }],
      invalid: [{ code: pod(), lines: [CONTAINER_LINE()] }],
    },
  }),
  containerRule({
    id: "iac/k8s-readiness-probe-missing",
    severity: "low",
    title: "Container has no readiness probe",
    description: "Without a readiness probe, traffic reaches the pod before it can serve and during restarts.",
    remediation: "Add a readinessProbe (httpGet, tcpSocket, grpc or exec).",
    references: ["CKV_K8S_9", "https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/"],
    tags: ["reliability"],
    appOnly: true,
    skipJobs: true,
    check: (c) => (c.value.readinessProbe === undefined ? { path: `${c.path}.readinessProbe`, missing: true } : undefined),
    examples: {
      valid: [{ code: pod(["readinessProbe:", "  tcpSocket: { port: 8080 }"]) }],
      invalid: [{ code: pod(), lines: [CONTAINER_LINE()] }],
    },
  }),
  containerRule({
    id: "iac/k8s-seccomp-unconfined",
    severity: "low",
    title: "Container runs without a seccomp profile",
    description: "Without seccomp (RuntimeDefault or a local profile) the container can call every system call, widening the kernel attack surface.",
    remediation: "Set securityContext.seccompProfile.type: RuntimeDefault at pod or container level.",
    references: ["CKV_K8S_31", PSS],
    check: (c, r) => {
      const t = effective(r, c, "seccompProfile");
      const type = t && isObj(t.value as never) ? str((t.value as Record<string, never>).type) : undefined;
      if (type === "RuntimeDefault" || type === "Localhost") return undefined;
      const annotations = get(r.body, "metadata.annotations");
      if (isObj(annotations) && Object.entries(annotations).some(([k, v]) => k.startsWith("seccomp.security.alpha.kubernetes.io") && v !== "unconfined")) return undefined;
      return t ? { path: `${t.path}.type` } : { path: `${c.path}.securityContext.seccompProfile`, missing: true };
    },
    examples: {
      valid: [{ code: pod([], ["securityContext:", "  seccompProfile:", "    type: RuntimeDefault"]) }],
      invalid: [{ code: pod(), lines: [CONTAINER_LINE()] }, { code: pod(["securityContext:", "  seccompProfile:", "    type: Unconfined"]), lines: [cline(3)] }],
    },
  }),
  containerRule({
    id: "iac/k8s-host-port",
    severity: "medium",
    title: "Container binds a host port",
    description: "hostPort ties the pod to a node port, bypasses network policies on some CNIs and exposes the service on the node's address.",
    remediation: "Remove hostPort and expose the port through a Service.",
    references: ["CKV_K8S_26", PSS],
    check: (c) => each(c.value, "ports.*.hostPort").filter((m) => num(m.value) !== undefined && num(m.value) !== 0).map((m) => ({ path: `${c.path}.${m.path}` })),
    examples: {
      valid: [{ code: pod(["ports:", "  - containerPort: 8080"]) }],
      invalid: [{ code: pod(["ports:", "  - containerPort: 8080", "    hostPort: 8080"]), lines: [cline(3)] }],
    },
  }),
  containerRule({
    id: "iac/k8s-unmasked-proc-mount",
    severity: "high",
    title: "Container uses an unmasked /proc",
    description: "procMount: Unmasked exposes kernel interfaces under /proc that the runtime normally hides.",
    remediation: "Remove securityContext.procMount or set it to Default.",
    references: ["CWE-250", PSS],
    check: (c) => (str(get(c.value, "securityContext.procMount")) === "Unmasked" ? { path: `${c.path}.securityContext.procMount` } : undefined),
    examples: {
      valid: [{ code: pod(["securityContext:", "  procMount: Default"]) }],
      invalid: [{ code: pod(["securityContext:", "  procMount: Unmasked"]), lines: [cline(2)] }],
    },
  }),
  podRule({
    id: "iac/k8s-unsafe-sysctls",
    severity: "high",
    title: "Pod sets an unsafe sysctl",
    description: "Sysctls outside the safe set change kernel behaviour for the whole node.",
    remediation: "Remove the sysctl from securityContext.sysctls or set it on the node instead.",
    references: ["CWE-250", PSS],
    check: (spec) =>
      each(spec.value as never, "securityContext.sysctls.*")
        .filter((m) => isObj(m.value) && typeof m.value.name === "string" && !SAFE_SYSCTLS.has(m.value.name))
        .map((m) => ({ path: `${spec.path}.${m.path}`, message: `Pod sets unsafe sysctl ${String(isObj(m.value) ? m.value.name : "")}` })),
    examples: {
      valid: [{ code: pod([], ["securityContext:", "  sysctls:", "    - name: net.ipv4.tcp_syncookies", "      value: \"1\""]) }],
      invalid: [{ code: pod([], ["securityContext:", "  sysctls:", "    - name: kernel.msgmax", "      value: \"65536\""]), lines: [sline(3)] }],
    },
  }),
  podRule({
    id: "iac/k8s-share-process-namespace",
    severity: "low",
    title: "Containers share one process namespace",
    description: "With shareProcessNamespace every container sees the others' processes and can read their environment and files through /proc.",
    remediation: "Remove shareProcessNamespace unless a sidecar really needs it.",
    references: ["CWE-668"],
    check: (spec) => (isTrue(spec.value.shareProcessNamespace as never) ? { path: `${spec.path}.shareProcessNamespace` } : undefined),
    examples: { valid: [{ code: pod() }], invalid: [{ code: pod([], ["shareProcessNamespace: true"]), lines: [sline(1)] }] },
  }),
  {
    id: "iac/k8s-rbac-wildcard",
    severity: "high",
    title: "RBAC role uses a wildcard",
    description: "\"*\" in verbs, resources or apiGroups grants everything present and future, including secrets and escalation paths.",
    remediation: "List the exact apiGroups, resources and verbs the subject needs.",
    references: ["CKV_K8S_49", "CWE-269", "https://kubernetes.io/docs/concepts/security/rbac-good-practices/"],
    tags: ["security", "CWE-269"],
    frameworks: ["kubernetes"],
    types: ["Role", "ClusterRole"],
    check: (r) =>
      each(r.body, "rules.*").flatMap((m) => {
        if (!isObj(m.value)) return [];
        const rule = m.value;
        return (["verbs", "resources", "apiGroups"] as const)
          .filter((k) => k !== "apiGroups" && strings(rule[k]).includes("*"))
          .map((k) => ({ path: `${m.path}.${k}` }));
      }),
    examples: {
      valid: [{ code: code`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: reader
          namespace: prod
        rules:
          - apiGroups: [""]
            resources: ["pods"]
            verbs: ["get", "list"]
      ` }],
      invalid: [{ code: code`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: everything
        rules:
          - apiGroups: ["*"]
            resources: ["*"]
            verbs: ["get"]
      `, lines: [7] }],
    },
  },
  {
    id: "iac/k8s-cluster-admin-binding",
    severity: "high",
    title: "Subject is bound to cluster-admin",
    description: "cluster-admin is full control of the cluster; binding it to an application or group makes any compromise total.",
    remediation: "Bind a narrower ClusterRole or namespaced Role.",
    references: ["CWE-269", "https://kubernetes.io/docs/concepts/security/rbac-good-practices/"],
    tags: ["security", "CWE-269"],
    frameworks: ["kubernetes"],
    types: ["ClusterRoleBinding", "RoleBinding"],
    check: (r) => (get(r.body, "roleRef.name") === "cluster-admin" ? { path: "roleRef.name" } : undefined),
    examples: {
      valid: [{ code: code`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: read
          namespace: prod
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: Role
          name: reader
        subjects:
          - kind: ServiceAccount
            name: app
      ` }],
      invalid: [{ code: code`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: admin
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: cluster-admin
        subjects:
          - kind: ServiceAccount
            name: app
            namespace: prod
      `, lines: [8] }],
    },
  },
  {
    id: "iac/k8s-secret-in-configmap",
    severity: "medium",
    title: "ConfigMap holds a secret-looking value",
    description: "ConfigMaps are not treated as secret: they are readable by more roles, logged and not encrypted at rest.",
    remediation: "Move the value into a Secret (or an external secret store) and reference it.",
    references: ["CWE-312", "https://kubernetes.io/docs/concepts/configuration/configmap/"],
    tags: ["security", "CWE-312"],
    frameworks: ["kubernetes"],
    types: ["ConfigMap"],
    check: (r) => {
      const data = r.body.data;
      if (!isObj(data)) return undefined;
      return Object.entries(data)
        .filter(([k, v]) => looksLikeSecretName(k) && looksLikeLiteralSecret(v))
        .map(([k]) => ({ path: `data.${k}`, message: `ConfigMap key ${k} holds a secret-looking value` }));
    },
    examples: {
      valid: [{ code: code`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: cfg
          namespace: prod
        data:
          LOG_LEVEL: info
      ` }],
      invalid: [{ code: code`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: cfg
          namespace: prod
        data:
          LOG_LEVEL: info
          API_TOKEN: 9f8e7d6c5b4a
      `, lines: [8] }],
    },
  },
];
