// The iac gate end to end on a real git repository holding one sample per framework.
import { afterAll, describe, expect, test } from "@jest/globals";
import { gate } from "../../../src/gates/iac/index.js";
import { parseGateOptions, runGateDirect } from "../../helpers/gate-context.js";
import { gitRepo, removeDir } from "../../helpers/tmp.js";
import { FIXTURES, readTree } from "./fixture-helpers.js";
import type { Finding } from "../../../src/core/types.js";

const roots: string[] = [];
function repo(files: Record<string, string>): string {
  const root = gitRepo(files);
  roots.push(root);
  return root;
}
afterAll(() => roots.forEach(removeDir));

function where(findings: Finding[]): string[] {
  return findings.map((f) => `${f.location?.path ?? ""}:${f.location?.startLine ?? 0} ${f.ruleId}`);
}

describe("iac gate on the fixture repository", () => {
  const files = readTree(`${FIXTURES}repo`);

  test("reports each framework's findings on the offending line", async () => {
    const { scan, verdict } = await runGateDirect(gate, { root: repo(files) });
    const got = where(scan.findings);
    for (const expected of [
      "infra/main.tf:12 iac/aws-s3-public-acl", // var.acl default resolved
      "infra/main.tf:23 iac/aws-sg-open-ssh", // local.open / local.port inside a dynamic block
      "infra/main.tf:33 iac/aws-ebs-unencrypted",
      "infra/plan.json:14 iac/aws-rds-public",
      "infra/plan.json:28 iac/aws-kms-rotation", // child module
      "k8s/all.yaml:14 iac/k8s-privileged-container",
      "k8s/all.yaml:27 iac/k8s-host-pid", // CronJob pod spec
      "k8s/all.yaml:41 iac/k8s-host-network", // item of a List
      "cfn/stack.yaml:10 iac/aws-s3-public-acl", // !Ref to a parameter default
      "cfn/stack.yaml:20 iac/aws-ebs-unencrypted",
      "cfn/stack.json:7 iac/aws-efs-unencrypted",
      "docker/Dockerfile:5 iac/docker-base-image-latest", // final stage only has the untagged base
      "docker/Dockerfile:7 iac/docker-curl-pipe-shell",
      "docker-compose.yml:4 iac/compose-privileged",
      "docker-compose.yml:6 iac/compose-docker-socket",
      ".github/workflows/triage.yml:9 iac/gha-unpinned-action",
      ".github/workflows/triage.yml:10 iac/gha-script-injection",
      ".gitlab-ci.yml:1 iac/gitlab-image-latest",
      ".gitlab-ci.yml:4 iac/gitlab-curl-pipe-shell",
    ]) {
      expect(got).toContain(expected);
    }
    // An unresolvable !If is never judged.
    expect(got.filter((g) => g.startsWith("cfn/stack.yaml") && g.includes("kms-rotation"))).toEqual([]);
    expect(verdict?.status).toBe("failed");
    expect(scan.metrics["files.terraform"]).toBe(2);
    expect(scan.metrics["files.kubernetes"]).toBe(2);
  });

  test("reports an unparseable file with its line and still scans the rest", async () => {
    const { scan } = await runGateDirect(gate, { root: repo(files) });
    const errors = scan.findings.filter((f) => f.ruleId === "iac/parse-error");
    expect(errors).toHaveLength(1);
    expect(errors[0]?.location).toEqual({ path: "infra/modules/net/broken.tf", startLine: 5 });
    expect(errors[0]?.message).toMatch(/could not be parsed as terraform/);
    expect(scan.findings.some((f) => f.location?.path === "infra/main.tf")).toBe(true);
    expect(scan.notes?.join(" ")).toMatch(/1 templated YAML file/);
    expect(scan.findings.some((f) => f.location?.path.startsWith("charts/"))).toBe(false);
  });

  test("an ignore comment above the resource suppresses with its reason", async () => {
    const { scan } = await runGateDirect(gate, { root: repo(files) });
    const ebs = scan.findings.filter((f) => f.ruleId === "iac/aws-ebs-unencrypted" && f.location?.path === "infra/main.tf");
    expect(ebs.map((f) => [f.location?.startLine, f.suppression])).toEqual([
      [29, { kind: "inline", reason: "scratch volume, no data" }],
      [33, undefined],
    ]);
  });

  test("frameworks can be switched off", async () => {
    const { scan } = await runGateDirect(gate, { root: repo(files), options: { frameworks: { kubernetes: false, terraform: false } } });
    expect(scan.findings.some((f) => f.location?.path.startsWith("k8s/"))).toBe(false);
    expect(scan.findings.some((f) => f.location?.path.endsWith(".tf"))).toBe(false);
    expect(scan.findings.some((f) => f.location?.path === "infra/plan.json")).toBe(true);
    expect(scan.metrics["files.kubernetes"]).toBeUndefined();
  });

  test("skip-rules drops rules by id or prefix", async () => {
    const { scan } = await runGateDirect(gate, { root: repo(files), options: { "skip-rules": ["iac/k8s-*", "iac/aws-s3-public-acl"] } });
    expect(scan.findings.some((f) => f.ruleId.startsWith("iac/k8s-"))).toBe(false);
    expect(scan.findings.some((f) => f.ruleId === "iac/aws-s3-public-acl")).toBe(false);
    expect(scan.findings.some((f) => f.ruleId === "iac/aws-ebs-unencrypted")).toBe(true);
  });

  test("include/exclude narrow the files", async () => {
    const { scan } = await runGateDirect(gate, { root: repo(files), options: { include: ["k8s/**"] } });
    expect(new Set(scan.findings.map((f) => f.location?.path))).toEqual(new Set(["k8s/all.yaml"]));
  });
});

describe("iac gate inputs", () => {
  test("is skipped with a reason when the repository has no IaC", async () => {
    const { scan, verdict } = await runGateDirect(gate, { root: repo({ "src/index.ts": "export {};\n", "config.yml": "a: 1\n" }) });
    expect(scan.skipped).toMatch(/no IaC files found/);
    expect(verdict).toBeUndefined();
  });

  test("fails when the policy names inputs that match nothing", async () => {
    const { scan, verdict } = await runGateDirect(gate, { root: repo({ "src/index.ts": "export {};\n" }), options: { include: ["deploy/**/*.tf"] } });
    expect(scan.skipped).toBeUndefined();
    expect(scan.findings.map((f) => f.ruleId)).toEqual(["iac/no-input"]);
    expect(verdict?.status).toBe("failed");
  });

  test("passes a clean repository", async () => {
    const { scan, verdict } = await runGateDirect(gate, {
      root: repo({ "main.tf": 'resource "aws_ebs_volume" "v" {\n  encrypted = true\n}\n' }),
    });
    expect(scan.findings).toEqual([]);
    expect(verdict?.status).toBe("passed");
  });

  test("hardened samples of every framework raise nothing", async () => {
    const { scan, verdict } = await runGateDirect(gate, { root: repo(readTree(`${FIXTURES}clean`)) });
    expect(where(scan.findings)).toEqual([]);
    expect(scan.metrics.files).toBe(7);
    expect(verdict?.status).toBe("passed");
  });

  test("fingerprints survive line moves", async () => {
    const body = 'resource "aws_ebs_volume" "v" {\n  encrypted = false\n}\n';
    const a = await runGateDirect(gate, { root: repo({ "main.tf": body }) });
    const b = await runGateDirect(gate, { root: repo({ "main.tf": `# moved\n\n${body}` }) });
    const fa = a.scan.findings.find((f) => f.ruleId === "iac/aws-ebs-unencrypted");
    const fb = b.scan.findings.find((f) => f.ruleId === "iac/aws-ebs-unencrypted");
    expect(fa?.location?.startLine).toBe(2);
    expect(fb?.location?.startLine).toBe(4);
    expect(fa?.fingerprint).toBe(fb?.fingerprint);
  });

  test("Dockerfile fingerprints follow the instruction, not its position", async () => {
    const body = "FROM alpine:3.20\nRUN curl -fsSL https://x.example/i.sh | sh\n";
    const a = await runGateDirect(gate, { root: repo({ Dockerfile: body }) });
    const b = await runGateDirect(gate, { root: repo({ Dockerfile: body.replace("\n", "\nWORKDIR /app\nENV A=1\n") }) });
    const fa = a.scan.findings.find((f) => f.ruleId === "iac/docker-curl-pipe-shell");
    const fb = b.scan.findings.find((f) => f.ruleId === "iac/docker-curl-pipe-shell");
    expect([fa?.location?.startLine, fb?.location?.startLine]).toEqual([2, 4]);
    expect(fa?.fingerprint).toBe(fb?.fingerprint);
  });

  test("only changed files are scanned with --changed", async () => {
    const root = repo({ "a.tf": 'resource "aws_ebs_volume" "a" {\n  size = 1\n}\n', "b.tf": 'resource "aws_ebs_volume" "b" {\n  size = 1\n}\n' });
    const { scan } = await runGateDirect(gate, { root, changedFiles: ["b.tf"] });
    expect(new Set(scan.findings.map((f) => f.location?.path))).toEqual(new Set(["b.tf"]));
  });

  test("rules() lists the whole catalogue with metadata", async () => {
    const rules = await gate.rules();
    expect(rules.length).toBeGreaterThanOrEqual(150);
    expect(rules.find((r) => r.id === "iac/k8s-privileged-container")).toMatchObject({ severity: "high", title: "Container runs privileged" });
    expect(rules.find((r) => r.id === "iac/parse-error")).toBeDefined();
  });
});

describe("custom rules", () => {
  const tf = [
    'resource "aws_s3_bucket" "tagged" {',
    "  tags = {",
    '    owner = "team-a"',
    "  }",
    "}",
    'resource "aws_s3_bucket" "untagged" {',
    '  bucket = "b"',
    "}",
    'resource "aws_instance" "big" {',
    '  instance_type = "m5.24xlarge"',
    "  root_block_device {",
    "    volume_size = 500",
    "  }",
    "}",
    "",
  ].join("\n");
  const k8s = ["apiVersion: v1", "kind: Pod", "metadata:", "  name: p", "spec:", "  containers:", "    - name: a", "      image: registry.example.com/a:1", "    - name: b", "      image: docker.io/b:1", ""].join("\n");

  async function run(rule: Record<string, unknown>): Promise<string[]> {
    const { scan } = await runGateDirect(gate, { root: repo({ "main.tf": tf, "pod.yaml": k8s }), options: { "custom-rules": [rule] } });
    return scan.findings.filter((f) => f.ruleId.startsWith("iac/custom-")).map((f) => `${f.ruleId} ${f.location?.path ?? ""}:${f.location?.startLine ?? 0} ${f.severity}`);
  }

  test("exists: a missing attribute is reported on the resource line", async () => {
    expect(await run({ id: "owner-tag", framework: "terraform", resource: "aws_s3_bucket", attribute: "tags.owner", operator: "exists", severity: "low", message: "Bucket has no owner tag" })).toEqual([
      "iac/custom-owner-tag main.tf:6 low",
    ]);
  });

  test("in / matches / less-than / equals / not-equals / absent", async () => {
    expect(await run({ id: "types", framework: "terraform", resource: "aws_instance", attribute: "instance_type", operator: "in", value: ["t3.micro", "t3.small"], message: "Instance type not allowed" })).toEqual([
      "iac/custom-types main.tf:10 medium",
    ]);
    expect(await run({ id: "registry", framework: "kubernetes", resource: "Pod", attribute: "spec.containers.*.image", operator: "matches", value: "^registry\\.example\\.com/", message: "Image from an unapproved registry" })).toEqual([
      "iac/custom-registry pod.yaml:10 medium",
    ]);
    expect(await run({ id: "disk", framework: "terraform", resource: "aws_instance", attribute: "root_block_device.volume_size", operator: "less-than", value: 200, message: "Root disk too large" })).toEqual([
      "iac/custom-disk main.tf:12 medium",
    ]);
    expect(await run({ id: "owner", framework: "terraform", resource: "aws_s3_bucket", attribute: "tags.owner", operator: "equals", value: "team-b", message: "Wrong owner" })).toEqual([
      "iac/custom-owner main.tf:3 medium",
      "iac/custom-owner main.tf:6 medium",
    ]);
    expect(await run({ id: "not-a", framework: "terraform", resource: "*", attribute: "tags.owner", operator: "not-equals", value: "team-a", message: "team-a may not own resources" })).toEqual([
      "iac/custom-not-a main.tf:3 medium",
    ]);
    expect(await run({ id: "no-bucket-name", framework: "terraform", resource: ["aws_s3_bucket"], attribute: "bucket", operator: "absent", severity: "info", message: "Let Terraform name buckets" })).toEqual([
      "iac/custom-no-bucket-name main.tf:7 info",
    ]);
  });

  test("the policy schema rejects incomplete or invalid custom rules", () => {
    const bad = [
      { id: "x", framework: "terraform", resource: "a", attribute: "b", operator: "equals", message: "m" },
      { id: "x", framework: "terraform", resource: "a", attribute: "b", operator: "in", value: "one", message: "m" },
      { id: "x", framework: "terraform", resource: "a", attribute: "b", operator: "less-than", value: "10", message: "m" },
      { id: "x", framework: "terraform", resource: "a", attribute: "b", operator: "matches", value: "([", message: "m" },
      { id: "Bad Id", framework: "terraform", resource: "a", attribute: "b", operator: "exists", message: "m" },
      { id: "x", framework: "pulumi", resource: "a", attribute: "b", operator: "exists", message: "m" },
    ];
    for (const rule of bad) expect(() => parseGateOptions(gate, { "custom-rules": [rule] })).toThrow();
    const ok = parseGateOptions(gate, { "custom-rules": [{ id: "x", framework: "terraform", resource: "a", attribute: "b", operator: "exists", message: "m" }] });
    expect(ok["custom-rules"][0]?.severity).toBe("medium");
    expect(ok.frameworks.dockerfile).toBe(true);
  });

  test("custom rule metadata is returned with the scan", async () => {
    const { scan } = await runGateDirect(gate, {
      root: repo({ "main.tf": tf }),
      options: { "custom-rules": [{ id: "owner-tag", framework: "terraform", resource: "aws_s3_bucket", attribute: "tags.owner", operator: "exists", message: "Bucket has no owner tag" }] },
    });
    expect(scan.rules?.map((r) => r.id)).toEqual(["iac/custom-owner-tag"]);
  });
});
