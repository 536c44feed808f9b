#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  parseDuration
} from "./chunk-RSC3HFTQ.js";
import {
  external_exports
} from "./chunk-C5CGFLPB.js";

// src/policy/common-options.ts
var severitySchema = external_exports.enum(["critical", "high", "medium", "low", "info"]);
var commonGateOptions = external_exports.object({
  mode: external_exports.enum(["enforce", "warn", "off"]).default("enforce").describe("enforce fails the run, warn only reports, off skips the gate"),
  "fail-on": severitySchema.default("high").describe("the lowest severity that fails the gate"),
  timeout: external_exports.string().refine((v) => parseDuration(v) !== void 0, { message: "not a duration; write it like 90s, 10m or 1h" }).optional().describe("per-gate timeout such as 2m, overriding settings.timeout"),
  include: external_exports.array(external_exports.string()).default([]).describe("globs of files the gate looks at (default: all)"),
  exclude: external_exports.array(external_exports.string()).default([]).describe("globs of files the gate ignores")
});

// src/gates/iac/schema.ts
var IAC_FRAMEWORKS = ["terraform", "terraform-plan", "kubernetes", "dockerfile", "cloudformation", "compose", "github-actions", "gitlab-ci"];
var CUSTOM_OPERATORS = ["equals", "not-equals", "exists", "absent", "matches", "in", "less-than"];
var scalar = external_exports.union([external_exports.string(), external_exports.number(), external_exports.boolean()]);
var customRuleSchema = external_exports.object({
  id: external_exports.string().regex(/^[a-z0-9][a-z0-9-]*$/, "use lower-case letters, digits and dashes").describe("short id; the rule is reported as iac/custom-<id>"),
  framework: external_exports.enum(["terraform", "kubernetes", "dockerfile", "cloudformation", "compose", "github-actions", "gitlab-ci"]).describe("framework whose resources the rule checks (terraform also covers plan JSON)"),
  resource: external_exports.union([external_exports.string().min(1), external_exports.array(external_exports.string().min(1)).min(1)]).describe("resource type(s): aws_s3_bucket, Deployment, AWS::S3::Bucket, service... or * for every resource"),
  attribute: external_exports.string().min(1).describe("dotted path inside the resource, e.g. tags.owner or spec.template.spec.containers.*.image; * matches any key or list item"),
  operator: external_exports.enum(CUSTOM_OPERATORS).describe("what a compliant resource satisfies: equals, not-equals, exists, absent, matches (regex), in (list), less-than (number)"),
  value: external_exports.union([scalar, external_exports.array(scalar)]).optional().describe("the value the operator compares with (not used by exists/absent)"),
  severity: severitySchema.default("medium").describe("severity of a finding"),
  message: external_exports.string().min(1).describe("what is wrong, shown in the finding"),
  remediation: external_exports.string().optional().describe("how to fix it")
}).superRefine((rule, ctx) => {
  const needsValue = rule.operator !== "exists" && rule.operator !== "absent";
  if (needsValue && rule.value === void 0) ctx.addIssue({ code: "custom", path: ["value"], message: `operator ${rule.operator} needs a value` });
  if (rule.operator === "in" && !Array.isArray(rule.value)) ctx.addIssue({ code: "custom", path: ["value"], message: "operator in needs a list value" });
  if (rule.operator === "less-than" && typeof rule.value !== "number") ctx.addIssue({ code: "custom", path: ["value"], message: "operator less-than needs a number" });
  if (rule.operator === "matches") {
    if (typeof rule.value !== "string") ctx.addIssue({ code: "custom", path: ["value"], message: "operator matches needs a regular expression string" });
    else {
      try {
        new RegExp(rule.value);
      } catch {
        ctx.addIssue({ code: "custom", path: ["value"], message: `invalid regular expression: ${rule.value}` });
      }
    }
  }
});
var frameworkSwitches = external_exports.object(Object.fromEntries(IAC_FRAMEWORKS.map((f) => [f, external_exports.boolean().default(true).describe(`scan ${f} files`)]))).default(Object.fromEntries(IAC_FRAMEWORKS.map((f) => [f, true]))).describe("frameworks to scan, all auto-detected; set one to false to switch it off");
var schema = external_exports.object({
  frameworks: frameworkSwitches,
  "skip-rules": external_exports.array(external_exports.string()).default([]).describe("rule ids (or prefixes ending in *, e.g. iac/k8s-*) not to run"),
  "custom-rules": external_exports.array(customRuleSchema).default([]).describe("rules written in the policy: framework, resource, attribute, operator, value, severity, message")
});

export {
  commonGateOptions,
  IAC_FRAMEWORKS,
  schema
};
