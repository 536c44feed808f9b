// Options every gate takes besides its own (DESIGN.md "Policy file").
import { z } from "zod";
import { parseDuration } from "../core/duration.js";

export const severitySchema = z.enum(["critical", "high", "medium", "low", "info"]);

export const commonGateOptions = z.object({
  mode: z.enum(["enforce", "warn", "off"]).default("enforce").describe("enforce fails the run, warn only reports, off skips the gate"),
  "fail-on": severitySchema.default("high").describe("the lowest severity that fails the gate"),
  timeout: z
    .string()
    .refine((v) => parseDuration(v) !== undefined, { message: "not a duration; write it like 90s, 10m or 1h" })
    .optional().describe("per-gate timeout such as 2m, overriding settings.timeout"),
  include: z.array(z.string()).default([]).describe("globs of files the gate looks at (default: all)"),
  exclude: z.array(z.string()).default([]).describe("globs of files the gate ignores"),
});
