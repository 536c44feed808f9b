// Options of the lint gate (composed into the policy schema; keep this file free of heavy imports).
import { z } from "zod";

export const lintCommandSchema = z.object({
  name: z.string().min(1).describe("tool name used in rule ids: lint/<name>/<rule>"),
  run: z.string().min(1).describe("shell command that runs the linter from the repository root"),
  format: z.enum(["sarif", "eslint-json", "checkstyle", "parsable"]).describe("what the command writes: SARIF, ESLint JSON, Checkstyle XML or `path:line:col: [level] message (rule)` lines"),
  output: z.string().optional().describe("file the command writes its report to (default: its standard output)"),
  timeout: z.string().optional().describe("how long the command may run, e.g. 2m (default 10m)"),
});

export const schema = z.object({
  eslint: z
    .union([z.boolean(), z.object({ config: z.string().optional().describe("ESLint flat config file to use instead of the one ESLint finds") })])
    .default(true)
    .describe("run ESLint in-process with the project's flat config (or a built-in recommended set when it has none)"),
  sarif: z.array(z.string()).default([]).describe("globs of SARIF files written by other linters"),
  "eslint-json": z.array(z.string()).default([]).describe("globs of `eslint --format json` outputs"),
  checkstyle: z.array(z.string()).default([]).describe("globs of Checkstyle XML reports"),
  commands: z.array(lintCommandSchema).default([]).describe("linters to run, whose output is imported"),
  "new-only": z.boolean().default(false).describe("fail only on findings that were not present at the base commit"),
});

export type LintOptions = z.infer<typeof schema>;
export type LintCommand = z.infer<typeof lintCommandSchema>;
