// Options of the iac gate (composed into the policy schema; keep this file free of heavy imports).
import { z } from "zod";
import { severitySchema } from "../../policy/common-options.js";

/** The frameworks the engine knows; kept here (not imported from the engine) so the policy schema stays cheap. */
export const IAC_FRAMEWORKS = ["terraform", "terraform-plan", "kubernetes", "dockerfile", "cloudformation", "compose", "github-actions", "gitlab-ci"] as const;

export const CUSTOM_OPERATORS = ["equals", "not-equals", "exists", "absent", "matches", "in", "less-than"] as const;

const scalar = z.union([z.string(), z.number(), z.boolean()]);

export const customRuleSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, "use lower-case letters, digits and dashes")
      .describe("short id; the rule is reported as iac/custom-<id>"),
    framework: z
      .enum(["terraform", "kubernetes", "dockerfile", "cloudformation", "compose", "github-actions", "gitlab-ci"])
      .describe("framework whose resources the rule checks (terraform also covers plan JSON)"),
    resource: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
      .describe("resource type(s): aws_s3_bucket, Deployment, AWS::S3::Bucket, service... or * for every resource"),
    attribute: z.string().min(1).describe("dotted path inside the resource, e.g. tags.owner or spec.template.spec.containers.*.image; * matches any key or list item"),
    operator: z.enum(CUSTOM_OPERATORS).describe("what a compliant resource satisfies: equals, not-equals, exists, absent, matches (regex), in (list), less-than (number)"),
    value: z.union([scalar, z.array(scalar)]).optional().describe("the value the operator compares with (not used by exists/absent)"),
    severity: severitySchema.default("medium").describe("severity of a finding"),
    message: z.string().min(1).describe("what is wrong, shown in the finding"),
    remediation: z.string().optional().describe("how to fix it"),
  })
  .superRefine((rule, ctx) => {
    const needsValue = rule.operator !== "exists" && rule.operator !== "absent";
    if (needsValue && rule.value === undefined) ctx.addIssue({ code: "custom", path: ["value"], message: `operator ${rule.operator} needs a value` });
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

export type CustomRuleInput = z.infer<typeof customRuleSchema>;

const frameworkSwitches = z
  .object(Object.fromEntries(IAC_FRAMEWORKS.map((f) => [f, z.boolean().default(true).describe(`scan ${f} files`)])) as Record<(typeof IAC_FRAMEWORKS)[number], z.ZodDefault<z.ZodBoolean>>)
  .default(Object.fromEntries(IAC_FRAMEWORKS.map((f) => [f, true])) as Record<(typeof IAC_FRAMEWORKS)[number], boolean>)
  .describe("frameworks to scan, all auto-detected; set one to false to switch it off");

export const schema = z.object({
  frameworks: frameworkSwitches,
  "skip-rules": z.array(z.string()).default([]).describe("rule ids (or prefixes ending in *, e.g. iac/k8s-*) not to run"),
  "custom-rules": z.array(customRuleSchema).default([]).describe("rules written in the policy: framework, resource, attribute, operator, value, severity, message"),
});

export type IacOptions = z.infer<typeof schema>;
