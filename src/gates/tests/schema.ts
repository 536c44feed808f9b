// Options of the tests gate (composed into the policy schema; keep this file free of heavy imports).
import { z } from "zod";
import { parseDuration } from "../../core/duration.js";

export const schema = z.object({
  reports: z
    .array(z.string())
    .optional()
    .describe(
      "globs of JUnit XML reports, relative to the repository root; when absent, common locations are searched (junit*.xml, **/TEST-*.xml, reports/junit/**/*.xml, test-results/**/*.xml) and finding none skips the gate",
    ),
  command: z
    .string()
    .optional()
    .describe("shell command that runs the test suite first, e.g. `npm test`; its exit code alone does not decide, the reports it writes do"),
  "command-timeout": z
    .string()
    .refine((v) => parseDuration(v) !== undefined, { message: "use a duration such as 90s, 10m or 1h30m" })
    .optional()
    .describe("stop the command after this long (e.g. 10m); the gate timeout applies in any case"),
  "max-failures": z.number().int().min(0).default(0).describe("failed plus errored tests allowed before the gate fails"),
  "min-tests": z
    .number()
    .int()
    .min(0)
    .optional()
    .describe("fewest tests that must have run, skipped ones not counted (default 1 when reports or command are given, else 0)"),
});

export type TestsOptions = z.infer<typeof schema>;
