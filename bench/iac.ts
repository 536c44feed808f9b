// IaC gate benchmark: 1,000 Terraform files + 1,000 Kubernetes manifests + 200 Dockerfiles,
// generated deterministically into a temp dir, scanned end to end (file listing included).
// Run: node bench/run.mjs bench/iac.ts
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { gate } from "../src/gates/iac/index.js";
import { schema } from "../src/gates/iac/schema.js";
import { commonGateOptions } from "../src/policy/common-options.js";
import type { GateContext } from "../src/core/types.js";
import type { IacOptions } from "../src/gates/iac/schema.js";

const TF = 1000;
const K8S = 1000;
const DOCKER = 200;

/** Small deterministic PRNG (mulberry32) so every run scans the same bytes. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function terraform(i: number, r: () => number): string {
  const open = r() < 0.3 ? "0.0.0.0/0" : "10.0.0.0/8";
  return `variable "env" {
  default = "prod-${i}"
}

locals {
  name = "svc-\${var.env}"
}

resource "aws_s3_bucket" "data_${i}" {
  bucket = "data-${i}"
  acl    = "${r() < 0.2 ? "public-read" : "private"}"
  tags = {
    Name = local.name
    Team = "team-${i % 17}"
  }
}

resource "aws_s3_bucket_versioning" "data_${i}" {
  bucket = aws_s3_bucket.data_${i}.id
  versioning_configuration {
    status = "${r() < 0.5 ? "Enabled" : "Suspended"}"
  }
}

resource "aws_security_group" "web_${i}" {
  name = "web-${i}"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["${open}"]
  }
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_db_instance" "db_${i}" {
  identifier          = "db-${i}"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  storage_encrypted   = ${r() < 0.5}
  publicly_accessible = ${r() < 0.1}
  backup_retention_period = ${Math.floor(r() * 10)}
}

resource "aws_iam_policy" "p_${i}" {
  name   = "p-${i}"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["${r() < 0.2 ? "*" : "s3:GetObject"}"]
      Resource = "*"
    }]
  })
}
`;
}

function kubernetes(i: number, r: () => number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: ${r() < 0.3 ? "default" : `team-${i % 13}`}
  labels:
    app: app-${i}
spec:
  replicas: ${1 + Math.floor(r() * 5)}
  selector:
    matchLabels:
      app: app-${i}
  template:
    metadata:
      labels:
        app: app-${i}
    spec:
      hostNetwork: ${r() < 0.1}
      containers:
        - name: app
          image: registry.example.com/app-${i}:${r() < 0.3 ? "latest" : `1.${i}.0`}
          ports:
            - containerPort: 8080
          env:
            - name: LOG_LEVEL
              value: info
            - name: DB_PASSWORD
              ${r() < 0.2 ? "value: hunter2hunter2" : "valueFrom:\n                secretKeyRef: { name: db, key: password }"}
          securityContext:
            privileged: ${r() < 0.1}
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
          resources:
            limits:
              cpu: 500m
              memory: 256Mi
          livenessProbe:
            httpGet: { path: /healthz, port: 8080 }
---
apiVersion: v1
kind: Service
metadata:
  name: app-${i}
  namespace: team-${i % 13}
spec:
  selector:
    app: app-${i}
  ports:
    - port: 80
      targetPort: 8080
`;
}

function dockerfile(i: number, r: () => number): string {
  return `# syntax=docker/dockerfile:1
FROM node:20 AS build
WORKDIR /src
COPY package*.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM ${r() < 0.3 ? "node:latest" : "node:20-slim"}
WORKDIR /app
RUN apt-get update && apt-get install -y curl ${r() < 0.5 ? "" : "&& rm -rf /var/lib/apt/lists/*"}
ENV APP_NAME=app-${i}
COPY --from=build /src/dist /app
${r() < 0.5 ? "USER node" : ""}
EXPOSE 8080
CMD ["node", "server.js"]
`;
}

function generate(root: string): number {
  const r = rng(42);
  let bytes = 0;
  const write = (path: string, text: string): void => {
    const full = join(root, path);
    mkdirSync(join(full, ".."), { recursive: true });
    writeFileSync(full, text);
    bytes += text.length;
  };
  for (let i = 0; i < TF; i++) write(`terraform/mod-${Math.floor(i / 10)}/main-${i}.tf`, terraform(i, r));
  for (let i = 0; i < K8S; i++) write(`k8s/app-${i}.yaml`, kubernetes(i, r));
  for (let i = 0; i < DOCKER; i++) write(`docker/svc-${i}/Dockerfile`, dockerfile(i, r));
  return bytes;
}

const root = mkdtempSync(join(tmpdir(), "tollgate-bench-iac-"));
// The Terraform worker ships beside the bundle (iac-terraform-worker.mjs), as a release build lays it
// out; this benchmark runs from a bundle in bench/, so it builds the worker there first.
const workerFile = fileURLToPath(new URL("./iac-terraform-worker.mjs", import.meta.url));
await build({ entryPoints: ["src/scanners/iac/parsers/terraform-worker.ts"], outfile: workerFile, bundle: true, platform: "node", format: "esm", packages: "external", target: "node20", logLevel: "error" });
try {
  const bytes = generate(root);
  const options = commonGateOptions.extend(schema.shape).parse({}) as GateContext<IacOptions>["options"];
  const ctx: GateContext<IacOptions> = {
    root,
    options,
    signal: new AbortController().signal,
    log: { info: () => undefined, warn: () => undefined, output: () => undefined },
    env: {},
    policyDir: root,
    now: new Date(),
    cacheDir: root,
  };
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const scan = await gate.scan(ctx);
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  const verdict = gate.evaluate(scan, options);
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(`iac bench: ${TF} Terraform + ${K8S} Kubernetes + ${DOCKER} Dockerfiles (${(bytes / 1024 / 1024).toFixed(1)} MB)`);
  console.log(`  files scanned      ${scan.metrics.files}`);
  console.log(`  resources          ${scan.metrics.resources}`);
  console.log(`  findings           ${scan.findings.length} (${verdict.summary})`);
  console.log(`  parse errors       ${scan.metrics["parse-errors"]}`);
  console.log(`  terraform threads  ${scan.metrics["terraform-threads"]}`);
  console.log(`  wall               ${(wall / 1000).toFixed(2)} s (target <= 3 s)`);
  console.log(`  CPU (user+sys)     ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s, all threads (load average ${loadavg()[0]?.toFixed(1) ?? "?"}: a wall far above CPU/cores means other work holds the cores)`);
  console.log(`  peak RSS           ${rssMb.toFixed(0)} MB (target <= 500 MB)`);
  if (wall > 3000 || rssMb > 500) process.exitCode = 1;
} finally {
  rmSync(root, { recursive: true, force: true });
  rmSync(workerFile, { force: true });
}
