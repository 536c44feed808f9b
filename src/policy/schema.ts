// The policy schema, composed from each gate's own options plus the common ones.
// policies/policy.schema.json is generated from this (npm run schema), never written by hand.
import { z } from "zod";
import { parseDuration } from "../core/duration.js";
import { gateRegistry } from "../gates/index.js";
import { commonGateOptions } from "./common-options.js";

const duration = z.string().refine((v) => parseDuration(v) !== undefined, { message: "not a duration; write it like 90s, 10m or 1h" });

export const waiverSchema = z
  .object({
    rule: z.string().min(1).describe("rule id or glob such as secrets/*"),
    paths: z.array(z.string()).optional().describe("globs of paths the waiver covers (default: everywhere)"),
    reason: z.string().min(1).describe("why the finding is accepted"),
    expires: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "expires must be a date written YYYY-MM-DD" })
      .describe("YYYY-MM-DD; after this date the waiver stops waiving and is itself reported"),
  })
  .strict();

export const settingsSchema = z
  .object({
    concurrency: z.number().int().min(1).max(64).optional().describe("gates at once (default: CPU count)"),
    timeout: duration.default("10m").describe("per-gate timeout"),
    exclude: z.array(z.string()).default([]).describe("globs every gate ignores"),
    hook: z
      .object({ gates: z.array(z.string()).default(["secrets"]).describe("gates the pre-push hook runs") })
      .strict()
      .default({ gates: ["secrets"] }),
  })
  .strict();

/** Each gate section: the common options and the gate's own, unknown keys rejected. */
export function gateSectionSchema(gate: keyof typeof gateRegistry): z.ZodObject {
  return commonGateOptions.extend(gateRegistry[gate].schema.shape).strict();
}

export function buildPolicySchema() {
  const gates: Record<string, z.ZodOptional<z.ZodObject>> = {};
  for (const id of Object.keys(gateRegistry) as (keyof typeof gateRegistry)[]) {
    gates[id] = gateSectionSchema(id).optional();
  }
  return z
    .object({
      version: z.literal(1).default(1).describe("policy format version"),
      extends: z
        .union([z.string(), z.array(z.string())])
        .optional()
        .describe("built-in policy (recommended, strict, none) or a relative path"),
      settings: settingsSchema.default({ timeout: "10m", exclude: [], hook: { gates: ["secrets"] } }),
      gates: z.object(gates).strict().default({}),
      waivers: z.array(waiverSchema).default([]),
      baseline: z.string().default(".tollgate/baseline.json").describe("findings recorded here do not fail gates"),
    })
    .strict();
}

export type Policy = z.output<ReturnType<typeof buildPolicySchema>>;
export type Waiver = z.output<typeof waiverSchema>;
