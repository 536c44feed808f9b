// Parsers: positions, value resolution, and robustness (any input gives resources or an error).
import { describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import { stringify as yamlStringify } from "yaml";
import { parseDockerfileInstructions } from "../../../src/scanners/iac/parsers/dockerfile.js";
import { indexJsonLines, parseJsonFast, parseYamlFast } from "../../../src/scanners/iac/parsers/fast-yaml.js";
import { parseTerraform, resolveModule, terraformParser } from "../../../src/scanners/iac/parsers/terraform.js";
import { parseYamlDocuments } from "../../../src/scanners/iac/parsers/yaml-tree.js";
import { scanSources, stablePath } from "../../../src/scanners/iac/engine.js";
import { detectFramework } from "../../../src/scanners/iac/detect.js";
import { RULES } from "../../../src/scanners/iac/rules/index.js";
import { Unresolved } from "../../../src/scanners/iac/types.js";

describe("terraform", () => {
  test("values, blocks and positions", async () => {
    const parser = await terraformParser();
    const text = [
      'resource "aws_instance" "web" {', // 1
      '  ami   = "ami-${var.region}"', // 2
      "  count = -1", // 3
      "  tags = {", // 4
      '    "Name" = "web"', // 5
      "  }", // 6
      "  ebs_block_device {", // 7
      "    encrypted = true", // 8
      "  }", // 9
      "  ebs_block_device {", // 10
      "    encrypted = false", // 11
      "  }", // 12
      "  subnet = aws_subnet.a.id", // 13
      "  list   = [", // 14
      '    "a",', // 15
      "    local.b,", // 16
      "  ]", // 17
      "  user_data = <<-EOT", // 18
      "    echo hi", // 19
      "  EOT", // 20
      "}", // 21
      "",
    ].join("\n");
    const file = parseTerraform(parser, "main.tf", text);
    expect(file.error).toBeUndefined();
    const r = file.resources[0];
    expect(r).toMatchObject({ type: "aws_instance", address: "aws_instance.web", line: 1, endLine: 21 });
    expect(r?.body.ami).toBe("ami-${var.region}");
    expect(r?.body.count).toBe(-1);
    expect(r?.body.tags).toEqual({ Name: "web" });
    expect(r?.body.ebs_block_device).toEqual([{ encrypted: true }, { encrypted: false }]);
    expect(r?.body.subnet).toEqual(new Unresolved("aws_subnet.a.id"));
    expect(r?.body.user_data).toBe("echo hi");
    expect(Object.fromEntries(r?.lines ?? [])).toMatchObject({ ami: 2, tags: 4, "tags.Name": 5, "ebs_block_device.1": 10, "ebs_block_device.1.encrypted": 11, "list.1": 16 });
  });

  test("variable defaults and locals are substituted across the module's files", async () => {
    const parser = await terraformParser();
    const a = parseTerraform(parser, "m/vars.tf", 'variable "region" {\n  default = "eu"\n}\nvariable "open" {\n  default = true\n}\nlocals {\n  name = "app-${var.region}"\n  full = "${local.name}-x"\n}\n');
    const b = parseTerraform(parser, "m/main.tf", 'resource "x" "y" {\n  a = var.region\n  b = "${local.full}"\n  c = var.open\n  d = var.unknown\n}\n');
    const [r] = resolveModule([a, b]);
    expect(r?.body).toEqual({ a: "eu", b: "app-eu-x", c: true, d: new Unresolved("var.unknown") });
  });

  test("a syntax error names the line", async () => {
    const parser = await terraformParser();
    const file = parseTerraform(parser, "bad.tf", 'resource "a" "b" {\n  x = 1\n  y = = 2\n}\n');
    expect(file.error?.line).toBe(3);
  });

  test("never throws, whatever the input", async () => {
    const parser = await terraformParser();
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const file = parseTerraform(parser, "x.tf", text);
        expect(Array.isArray(file.resources)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe("yaml", () => {
  /** JSON-safe documents with keys and values that need no quoting surprises. */
  const key = fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/);
  const scalar = fc.oneof(fc.stringMatching(/^[a-z][a-z0-9 ._/-]{0,12}[a-z0-9]$/), fc.integer({ min: 0, max: 10000 }), fc.boolean());
  const { tree } = fc.letrec<{ tree: unknown; node: unknown }>((tie) => ({
    tree: fc.dictionary(key, tie("node"), { minKeys: 1, maxKeys: 4 }),
    node: fc.oneof({ depthSize: "small" }, scalar, fc.array(tie("node"), { minLength: 1, maxLength: 3 }), fc.dictionary(key, tie("node"), { minKeys: 1, maxKeys: 3 })),
  }));

  test("the fast path finds the same values and lines as the yaml package", () => {
    fc.assert(
      fc.property(tree, fc.boolean(), (doc, compactSeq) => {
        const text = yamlStringify(doc, { indentSeq: !compactSeq });
        const [fast] = parseYamlFast(text);
        const [exact] = parseYamlDocuments(text);
        expect(fast?.value).toEqual(exact?.value);
        expect(Object.fromEntries(fast?.lines ?? [])).toEqual(Object.fromEntries(exact?.lines ?? []));
      }),
      { numRuns: 300 },
    );
  });

  test("the fast path agrees with the yaml package on every YAML rule example and hand-written edge cases", () => {
    const texts = RULES.flatMap((r) => [...r.examples.valid, ...r.examples.invalid])
      .filter((e) => /\.ya?ml$/.test(e.file ?? "") || !(e.file ?? "").endsWith(".tf"))
      .map((e) => e.code)
      .filter((code) => !code.includes("!") && !code.startsWith("FROM") && !/^(resource|data|provider) /m.test(code));
    texts.push(
      "a: &x\n  b: 1\nc: *x\nd:\n  # comment\n  e: 'q: #'\n  \"f g\": [1,\n    2]\n  h: >-\n    folded\n    text\n  i: 2\n",
      "list:\n- a\n- - b\n  - c\n-\n  d: 1\nafter: true\n",
      "k: v\r\nm:\r\n  n: 1\r\n",
    );
    expect(texts.length).toBeGreaterThan(60);
    for (const text of texts) {
      const fast = parseYamlFast(text);
      const exact = parseYamlDocuments(text).filter((d) => d.value !== null);
      expect({ text, values: fast.map((d) => d.value) }).toEqual({ text, values: exact.map((d) => d.value) });
      // Every line the fast index knows is right; it does not descend into flow collections
      // ({ a: 1 }, [x, y]), whose entries then resolve to their key's line.
      fast.forEach((d, n) => {
        const truth = exact[n]?.lines ?? new Map<string, number>();
        for (const [path, line] of d.lines) expect({ text, path, line }).toEqual({ text, path, line: truth.get(path) });
        for (const [path, line] of truth) {
          if (d.lines.has(path)) continue;
          let parent = path;
          while (parent.includes(".") && !d.lines.has(parent)) parent = parent.slice(0, parent.lastIndexOf("."));
          expect({ text, path, inFlowOf: parent, line }).toEqual({ text, path, inFlowOf: parent, line: Math.max(d.lines.get(parent) ?? line, line) });
        }
      });
    }
  });

  test("multi-document streams keep each document's lines", () => {
    const text = "# c\napiVersion: v1\nkind: A\n---\n\n---\napiVersion: v1\nkind: B\nlist:\n- x: |\n    multi\n    line\n  y: 2\n";
    const docs = parseYamlFast(text);
    expect(docs.map((d) => [d.startLine, (d.value as { kind: string }).kind])).toEqual([
      [2, "A"],
      [7, "B"],
    ]);
    expect(docs[1]?.lines.get("list.0.y")).toBe(13);
  });

  test("syntax errors carry the line", () => {
    const [doc] = parseYamlFast("a: 1\nb: [1, 2\nc: 3\n");
    expect(doc?.error?.line).toBeGreaterThanOrEqual(2);
  });

  test("CloudFormation short forms become long forms", () => {
    const [doc] = parseYamlDocuments("A: !Ref X\nB: !GetAtt R.Arn\nC: !Sub\n  - x\n  - {}\nD: !If [c, 1, 2]\n", { intrinsics: true });
    expect(doc?.value).toEqual({ A: { Ref: "X" }, B: { "Fn::GetAtt": ["R", "Arn"] }, C: { "Fn::Sub": ["x", {}] }, D: { "Fn::If": ["c", 1, 2] } });
    expect(doc?.error).toBeUndefined();
  });

  test("parsers never throw on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(Array.isArray(parseYamlFast(text))).toBe(true);
        expect(Array.isArray(parseYamlDocuments(text, { intrinsics: true }))).toBe(true);
        expect(Array.isArray(parseJsonFast(text))).toBe(true);
        expect(Array.isArray(parseDockerfileInstructions(text).instructions)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("json", () => {
  test("lines of keys and items in pretty-printed JSON", () => {
    const text = JSON.stringify({ a: { b: [1, { c: "x" }], d: true } }, null, 2);
    expect(Object.fromEntries(indexJsonLines(text))).toEqual({ a: 2, "a.b": 3, "a.b.0": 4, "a.b.1": 5, "a.b.1.c": 6, "a.d": 9 });
  });
});

describe("dockerfile", () => {
  test("continuations, stages, escape directive", () => {
    const { instructions, stages } = parseDockerfileInstructions("# escape=`\nFROM a:1 AS build\nRUN echo `\n  hi\nFROM --platform=linux/amd64 b:2\nUSER app\n");
    expect(instructions.map((i) => [i.cmd, i.line, i.stage])).toEqual([
      ["FROM", 2, 0],
      ["RUN", 3, 0],
      ["FROM", 5, 1],
      ["USER", 6, 1],
    ]);
    expect(instructions[1]?.value).toBe("echo  hi");
    expect(stages).toEqual([
      { base: "a:1", name: "build", line: 2 },
      { base: "b:2", line: 5 },
    ]);
  });
});

describe("cloudformation", () => {
  test("SAM Globals apply to every function, the function's own values win", async () => {
    const text = [
      "Transform: AWS::Serverless-2016-10-31",
      "Globals:",
      "  Function:",
      "    Environment:",
      "      Variables:",
      "        API_TOKEN: abcd1234efgh5678",
      "Resources:",
      "  A:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      Handler: a.handler",
      "  B:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      Environment:",
      "        Variables:",
      "          API_TOKEN: !Ref TokenParam",
      "",
    ].join("\n");
    const { findings } = await scanSources([{ path: "template.yaml", text }], { rules: RULES.filter((r) => r.id === "iac/aws-lambda-env-secrets") });
    expect(findings.map((f) => f.properties?.resource)).toEqual(["A"]);
  });

  test("JSON templates use the same rules with JSON line numbers", async () => {
    const text = JSON.stringify({ Resources: { Db: { Type: "AWS::RDS::DBInstance", Properties: { PubliclyAccessible: true, StorageEncrypted: { Ref: "Enc" } } } } }, null, 2);
    const { findings } = await scanSources([{ path: "stack.json", text }], { rules: RULES });
    expect(findings.filter((f) => f.ruleId === "iac/aws-rds-public").map((f) => f.location?.startLine)).toEqual([6]);
    expect(findings.some((f) => f.ruleId === "iac/aws-rds-unencrypted")).toBe(false);
  });
});

describe("detection", () => {
  test("frameworks from paths and content", () => {
    const cases: [string, string, string | undefined][] = [
      ["infra/main.tf", "", "terraform"],
      ["plan.json", '{"format_version":"1.2","planned_values":{}}', "terraform-plan"],
      ["package.json", '{"name":"x","dependencies":{}}', undefined],
      ["pod.json", '{"apiVersion":"v1","kind":"Pod"}', "kubernetes"],
      ["deploy/app.yaml", "apiVersion: apps/v1\nkind: Deployment\n", "kubernetes"],
      ["config.yml", "a: 1\n", undefined],
      ["stack.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n", "cloudformation"],
      ["sam.yaml", "Transform: AWS::Serverless-2016-10-31\n", "cloudformation"],
      ["compose.yaml", "services:\n  a:\n    image: x\n", "compose"],
      ["docker-compose.prod.yml", "services:\n  a:\n    image: x\n", "compose"],
      [".github/workflows/ci.yml", "on: push\n", "github-actions"],
      [".gitlab-ci.yml", "test:\n  script: [make]\n", "gitlab-ci"],
      ["ci/build.gitlab-ci.yml", "test:\n  script: [make]\n", "gitlab-ci"],
      ["Dockerfile", "", "dockerfile"],
      ["images/api.Dockerfile", "", "dockerfile"],
      ["Dockerfile.dev", "", "dockerfile"],
      ["Containerfile", "", "dockerfile"],
      ["src/Dockerfile.ts", "", undefined],
    ];
    for (const [path, text, fw] of cases) expect([path, detectFramework(path, text)]).toEqual([path, fw]);
  });
});

describe("engine", () => {
  test("an ignore comment inside a block resource suppresses it; other rules stay active", async () => {
    const text = 'resource "aws_ebs_volume" "v" {\n  # tollgate-ignore iac/aws-ebs-unencrypted: test data only\n  size = 1\n}\n';
    const { findings } = await scanSources([{ path: "main.tf", text }], { rules: RULES });
    const ebs = findings.find((f) => f.ruleId === "iac/aws-ebs-unencrypted");
    expect(ebs?.suppression).toEqual({ kind: "inline", reason: "test data only" });
  });

  test("plan JSON: a bucket versioned by its own resource passes, a suspended one is reported", async () => {
    const plan = (status: string): string =>
      JSON.stringify(
        {
          format_version: "1.2",
          planned_values: {
            root_module: {
              resources: [
                { address: "aws_s3_bucket.b", mode: "managed", type: "aws_s3_bucket", name: "b", values: { bucket: "data", versioning: [{ enabled: false }] } },
                { address: "aws_s3_bucket_versioning.b", mode: "managed", type: "aws_s3_bucket_versioning", name: "b", values: { bucket: "data", versioning_configuration: [{ status }] } },
              ],
            },
          },
        },
        null,
        2,
      );
    const rule = RULES.filter((r) => r.id === "iac/aws-s3-versioning");
    expect((await scanSources([{ path: "plan.json", text: plan("Enabled") }], { rules: rule })).findings).toEqual([]);
    const suspended = await scanSources([{ path: "plan.json", text: plan("Suspended") }], { rules: rule });
    expect(suspended.findings.map((f) => [f.properties?.resource, f.location?.startLine])).toEqual([["aws_s3_bucket_versioning.b", 29]]);
  });

  test("ignores take a glob and need a reason, like the runner's", async () => {
    const scan = async (comment: string) =>
      (await scanSources([{ path: "main.tf", text: `${comment}\nresource "aws_ebs_volume" "v" {\n  size = 1\n}\n` }], { rules: RULES })).findings.find((f) => f.ruleId === "iac/aws-ebs-unencrypted")?.suppression;
    expect(await scan("# tollgate-ignore iac/aws-*: legacy volumes")).toEqual({ kind: "inline", reason: "legacy volumes" });
    expect(await scan("# tollgate-ignore iac/aws-ebs-unencrypted")).toBeUndefined();
    expect(await scan("# tollgate-ignore iac/k8s-*: other rules")).toBeUndefined();
  });

  test("fingerprint keys name list items instead of numbering them", () => {
    const body = { spec: { containers: [{ name: "web", image: "x" }, { image: "y" }] }, steps: [{ uses: "actions/checkout@v4" }, { id: "build", run: "make" }] };
    expect(stablePath(body, "spec.containers.0.image")).toBe("spec.containers.[web].image");
    expect(stablePath(body, "spec.containers.1.image")).toBe("spec.containers.1.image");
    expect(stablePath(body, "steps.1.run")).toBe("steps.[build].run");
    expect(stablePath(body, "steps.0.uses")).toBe("steps.[actions/checkout@v4].uses");
    expect(stablePath(body, "missing.3.x")).toBe("missing.3.x");
  });

  test("a Dockerfile's header comment suppresses a whole-file rule", async () => {
    const text = "# syntax=docker/dockerfile:1\n# tollgate-ignore iac/docker-no-healthcheck: probes live in the Kubernetes manifest\nFROM alpine:3.20\nUSER app\n";
    const { findings } = await scanSources([{ path: "Dockerfile", text }], { rules: RULES });
    expect(findings.map((f) => [f.ruleId, f.location?.startLine, f.suppression?.reason])).toEqual([["iac/docker-no-healthcheck", 3, "probes live in the Kubernetes manifest"]]);
  });

  test("one broken document makes a parse error, other files are still scanned", async () => {
    const result = await scanSources(
      [
        { path: "a.yaml", text: "apiVersion: v1\nkind: Pod\nmetadata: {name: a\n" },
        { path: "b.yaml", text: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: b\nspec:\n  hostPID: true\n  containers: []\n" },
      ],
      { rules: RULES },
    );
    expect(result.parseErrors.map((e) => e.path)).toEqual(["a.yaml"]);
    expect(result.findings.some((f) => f.ruleId === "iac/k8s-host-pid" && f.location?.startLine === 6)).toBe(true);
  });
});
