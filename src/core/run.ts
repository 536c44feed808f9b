// One tollgate run as a library call: load the policy, run the gates, apply suppressions, decide.
// The CLI, the GitHub Action and the pre-push hook all go through run().
import type { Env } from "../ci/types.js";
import type { GateOutcome, RunReport } from "./types.js";

export interface RunOptions {
  /** Repository root (absolute). */
  cwd: string;
  /** --policy FILE; else .tollgate.yml in cwd; else built-in recommended. */
  policyPath?: string;
  only?: string[];
  skip?: string[];
  /** --changed: only files changed against base (default: merge-base with the default branch). */
  changed?: boolean;
  base?: string;
  concurrency?: number;
  env: Env;
  now?: Date;
  onEvent?: (event: RunEvent) => void;
}

export type RunEvent =
  | { type: "gate-start"; gate: string }
  | { type: "gate-end"; outcome: GateOutcome }
  | { type: "log"; gate: string; level: "info" | "warn" | "output"; message: string };

export async function run(_options: RunOptions): Promise<RunReport> {
  throw new Error("not built yet");
}
