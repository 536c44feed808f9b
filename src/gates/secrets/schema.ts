// Options of the secrets gate (composed into the policy schema; keep this file free of heavy imports).
import { z } from "zod";

export const schema = z.object({
  history: z.boolean().default(false).describe("also scan the lines every commit added (git log -p), not only the current files"),
  "history-range": z
    .string()
    .min(1)
    .optional()
    .describe("git revision range for history, e.g. main..HEAD or v1.4.0.. (default: the whole current branch; base..HEAD with --changed)"),
  "max-file-size": z
    .union([z.string().regex(/^\d+(?:\.\d+)?\s*(?:b|kb|kib|mb|mib|gb|gib)?$/i, "a size such as 2MB, 512KB or a number of bytes"), z.number().int().positive()])
    .default("2MB")
    .describe("files larger than this are skipped and counted (2MB, 512KB or bytes)"),
  "file-timeout": z
    .union([z.string(), z.number().nonnegative()])
    .default("10s")
    .describe("time one file may take; a file over it is reported and the rest of it skipped"),
  threads: z.number().int().min(1).max(256).optional().describe("worker threads for large trees (default: the number of CPUs)"),
});

export type SecretsOptions = z.infer<typeof schema>;
