#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  IAC_FRAMEWORKS,
  schema
} from "./chunk-5D6CRESQ.js";
import "./chunk-RSC3HFTQ.js";
import {
  listFiles
} from "./chunk-ZRGI7UBK.js";
import "./chunk-CY7KP3J2.js";
import {
  evaluateBySeverity,
  severityMetrics
} from "./chunk-CXJQTCH4.js";
import "./chunk-TGCGIDEH.js";
import "./chunk-C5CGFLPB.js";
import {
  makeFinding
} from "./chunk-NQDPYFAW.js";
import "./chunk-2GVBCIT7.js";

// src/gates/iac/index.ts
var PARSE_ERROR_META = {
  id: "iac/parse-error",
  severity: "medium",
  title: "IaC file cannot be parsed",
  description: "A file that looks like infrastructure as code has a syntax error, so none of its resources were checked.",
  remediation: "Fix the syntax at the reported line (terraform validate, kubectl apply --dry-run=client, yamllint help).",
  tags: ["correctness"]
};
var NO_INPUT_META = {
  id: "iac/no-input",
  severity: "high",
  title: "No IaC file matched the policy's include globs",
  description: "The policy names the files to scan (include), but none of them exists or is recognised as IaC, so nothing was checked.",
  remediation: "Fix the include globs in the iac section of the policy, or remove them to auto-detect IaC files.",
  tags: ["correctness"]
};
var gate = {
  id: "iac",
  title: "Infrastructure as code",
  description: "Checks Terraform, Kubernetes, Dockerfiles, CloudFormation/SAM, Compose, GitHub Actions and GitLab CI files against 160+ security rules, on the offending line.",
  schema,
  async rules() {
    const { RULES, ruleMeta } = await import("./rules-B32JRS72.js");
    return [...RULES.map(ruleMeta), PARSE_ERROR_META, NO_INPUT_META];
  },
  async scan(ctx) {
    const { scanRepository, customRule } = await import("./iac-WBEWO42Z.js");
    const { ruleMeta } = await import("./rules-B32JRS72.js");
    const options = ctx.options;
    const paths = await listFiles(ctx.root, {
      include: options.include,
      exclude: options.exclude,
      ...ctx.changedFiles ? { changedFiles: ctx.changedFiles } : {},
      signal: ctx.signal
    });
    const frameworks = IAC_FRAMEWORKS.filter((f) => options.frameworks[f]);
    const result = await scanRepository(ctx.root, { paths, frameworks, skipRules: options["skip-rules"], customRules: options["custom-rules"] }, ctx.signal);
    const scanned = Object.values(result.files).reduce((a, b) => a + (b ?? 0), 0);
    const metrics = { files: scanned, resources: result.resources, "parse-errors": result.parseErrors.length, "terraform-threads": result.terraformThreads };
    for (const [fw, n] of Object.entries(result.files)) metrics[`files.${fw}`] = n ?? 0;
    const notes = [];
    if (result.skippedTemplates.length > 0) notes.push(`${result.skippedTemplates.length} templated YAML file(s) skipped (Helm/Jinja syntax): render them to scan their manifests`);
    if (result.unreadable.length > 0) notes.push(`${result.unreadable.length} file(s) could not be read`);
    const rules = options["custom-rules"].map((r) => ruleMeta(customRule(r)));
    if (scanned === 0) {
      if (options.include.length > 0 && !ctx.changedFiles) {
        const finding = makeFinding({
          ruleId: NO_INPUT_META.id,
          gate: "iac",
          severity: "high",
          message: `No IaC file matched include ${options.include.join(", ")}; fix the globs or remove them to auto-detect.`,
          key: options.include.join("\0"),
          properties: { include: options.include }
        });
        return { findings: [finding], metrics: { ...metrics, ...severityMetrics([finding]) }, notes, rules };
      }
      const off = IAC_FRAMEWORKS.filter((f) => !options.frameworks[f]);
      return {
        findings: [],
        metrics: {},
        skipped: ctx.changedFiles ? "no IaC file among the changed files" : `no IaC files found (looked for *.tf, plan JSON, Kubernetes/CloudFormation/Compose YAML, Dockerfiles, .github/workflows, .gitlab-ci.yml${off.length > 0 ? `; switched off: ${off.join(", ")}` : ""})`
      };
    }
    return { findings: result.findings, metrics: { ...metrics, ...severityMetrics(result.findings) }, notes, rules };
  },
  evaluate: (scan, options) => evaluateBySeverity(scan, options)
};
export {
  NO_INPUT_META,
  PARSE_ERROR_META,
  gate
};
