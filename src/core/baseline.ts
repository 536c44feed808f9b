// The baseline file: fingerprints of accepted findings, written by `tollgate baseline`.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ConfigurationError } from "./errors.js";
import type { BaselineFile } from "./suppress.js";
import type { RunReport } from "./types.js";

export function readBaseline(root: string, path: string): BaselineFile | undefined {
  const full = join(root, path);
  if (!existsSync(full)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(full, "utf8"));
  } catch (error) {
    throw new ConfigurationError(`baseline is not valid JSON: ${(error as Error).message}`, { file: path }, "regenerate it with `tollgate baseline`");
  }
  const findings = (data as { findings?: unknown }).findings;
  if (typeof data !== "object" || data === null || !Array.isArray(findings) || !findings.every((f) => typeof (f as { fingerprint?: unknown })?.fingerprint === "string")) {
    throw new ConfigurationError("baseline has no `findings` list of fingerprints", { file: path }, "regenerate it with `tollgate baseline`");
  }
  return data as BaselineFile;
}

/** Every finding not already waived or inline-ignored, sorted, without times: diff-friendly. */
export function renderBaseline(report: RunReport): string {
  const findings = report.gates
    .flatMap((g) => g.findings)
    .filter((f) => f.suppression === undefined || f.suppression.kind === "baseline")
    .map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, ...(f.location ? { path: f.location.path } : {}) }));
  const unique = [...new Map(findings.map((f) => [f.fingerprint, f])).values()].sort((a, b) =>
    a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0,
  );
  const file: BaselineFile = { version: 1, findings: unique };
  return `${JSON.stringify(file, null, 2)}\n`;
}
