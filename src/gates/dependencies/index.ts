// Placeholder until the dependencies gate lands: reports itself as skipped, never as passed.
import type { Gate } from "../../core/types.js";
import { evaluateBySeverity } from "../../core/severity.js";
import { schema } from "./schema.js";

export const gate: Gate = {
  id: "dependencies",
  title: "dependencies",
  description: "Not built yet.",
  schema,
  rules: () => [],
  scan: async () => ({ findings: [], metrics: {}, skipped: "the dependencies gate is not built yet" }),
  evaluate: evaluateBySeverity,
};
