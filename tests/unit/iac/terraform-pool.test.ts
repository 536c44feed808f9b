// The Terraform worker pool: the worker is bundled the way a release lays it out, and must give
// exactly what parsing on the calling thread gives.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { build } from "esbuild";
import { mkdirSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseTerraformFiles } from "../../../src/scanners/iac/parsers/terraform-pool.js";
import { scanSources } from "../../../src/scanners/iac/engine.js";
import { RULES } from "../../../src/scanners/iac/rules/index.js";
import { removeDir } from "../../helpers/tmp.js";

let dir = "";
let workerUrl: URL;

beforeAll(async () => {
  // Inside the project (node_modules/.cache) so the worker resolves web-tree-sitter as a bundle in dist/ does.
  mkdirSync(join(process.cwd(), "node_modules/.cache"), { recursive: true });
  dir = mkdtempSync(join(process.cwd(), "node_modules/.cache/tollgate-iac-worker-"));
  const outfile = join(dir, "iac-terraform-worker.mjs");
  await build({ entryPoints: ["src/scanners/iac/parsers/terraform-worker.ts"], outfile, bundle: true, platform: "node", format: "esm", packages: "external", target: "node20", logLevel: "error" });
  workerUrl = pathToFileURL(outfile);
});
afterAll(() => removeDir(dir));

function files(n: number): { path: string; text: string }[] {
  return Array.from({ length: n }, (_, i) => ({
    path: `mod${i % 3}/f${i}.tf`,
    text: i === 7 ? "resource {\n" : `variable "v" {\n  default = "x${i}"\n}\nresource "aws_ebs_volume" "v${i}" {\n  encrypted = ${i % 2 === 0}\n  tags = { n = var.v, r = aws_kms_key.k.arn }\n}\n`,
  }));
}

describe("terraform worker pool", () => {
  test("workers parse like the calling thread, Unresolved values included", async () => {
    const input = files(60);
    const pooled = await parseTerraformFiles(input, { workerUrl, minFiles: 1, threads: 2 });
    const local = await parseTerraformFiles(input, { minFiles: Number.MAX_SAFE_INTEGER });
    expect(pooled.threads).toBe(2);
    expect(local.threads).toBe(0);
    expect(pooled.files).toEqual(local.files);
    expect(pooled.files[7]?.error?.message).toMatch(/./);
  });

  test("the engine gives the same findings with and without workers", async () => {
    const input = files(200);
    const a = await scanSources(input, { rules: RULES, terraformWorker: workerUrl });
    const b = await scanSources(input, { rules: RULES, terraformWorker: new URL("file:///nonexistent/worker.mjs") });
    expect(a.terraformThreads).toBeGreaterThan(0);
    expect(b.terraformThreads).toBe(0);
    expect(a.findings).toEqual(b.findings);
    // Odd files have encrypted = false; file 7 is the broken one.
    expect(a.findings.filter((f) => f.ruleId === "iac/aws-ebs-unencrypted")).toHaveLength(99);
    expect(a.findings.filter((f) => f.ruleId === "iac/parse-error").map((f) => f.location?.path)).toEqual(["mod1/f7.tf"]);
  });

  test("an abort stops the workers", async () => {
    const controller = new AbortController();
    const pending = parseTerraformFiles(files(400), { workerUrl, minFiles: 1, threads: 2, signal: controller.signal });
    controller.abort(new Error("timeout"));
    await expect(pending).rejects.toThrow("timeout");
  });
});
