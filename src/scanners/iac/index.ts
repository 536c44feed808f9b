// The IaC scanner: reads candidate files from the repository and runs the rule engine on them.
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { looksBinary } from "../../core/files.js";
import type { Scanner, ScannerContext, ScanResult } from "../../core/types.js";
import { customRule, type CustomRuleSpec } from "./custom.js";
import { candidateByPath } from "./detect.js";
import { scanSources, type EngineResult, type SourceFile } from "./engine.js";
import { RULES } from "./rules/index.js";
import { FRAMEWORKS, type Framework, type IacRule } from "./types.js";

export { scanSources, type EngineResult, type SourceFile } from "./engine.js";
export { RULES, ruleMeta } from "./rules/index.js";
export { candidateByPath, detectFramework } from "./detect.js";
export { customRule, type CustomRuleSpec } from "./custom.js";
export type { Framework, IacRule } from "./types.js";

/** Files larger than this are not IaC anyone writes by hand (plan JSON of huge estates aside). */
const MAX_BYTES = 32 * 1024 * 1024;

export interface IacScanInput {
  /** Repository-relative paths to consider (already filtered by include/exclude/--changed). */
  paths: string[];
  /** Frameworks to scan (default: all). */
  frameworks?: Framework[];
  /** Rule ids or prefixes ending in * to skip. */
  skipRules?: string[];
  customRules?: CustomRuleSpec[];
}

export function selectRules(input: Pick<IacScanInput, "skipRules" | "customRules">): IacRule[] {
  const skip = input.skipRules ?? [];
  const skipped = (id: string): boolean => skip.some((p) => p === id || (p.endsWith("*") && id.startsWith(p.slice(0, -1))));
  return [...RULES, ...(input.customRules ?? []).map(customRule)].filter((r) => !skipped(r.id));
}

/** Reads the candidate files (IaC by name) and scans them. */
export async function scanRepository(root: string, input: IacScanInput, signal?: AbortSignal): Promise<EngineResult & { unreadable: string[] }> {
  const sources: SourceFile[] = [];
  const unreadable: string[] = [];
  const candidates = input.paths.filter((p) => candidateByPath(p) !== undefined);
  // Read in modest parallel batches: fast on SSDs without opening thousands of descriptors at once.
  const BATCH = 64;
  for (let i = 0; i < candidates.length; i += BATCH) {
    signal?.throwIfAborted();
    const batch = candidates.slice(i, i + BATCH);
    const texts = await Promise.all(
      batch.map(async (path) => {
        try {
          const full = join(root, path);
          if ((await stat(full)).size > MAX_BYTES) return undefined;
          const buffer = await readFile(full);
          if (looksBinary(buffer)) return undefined;
          return buffer.toString("utf8");
        } catch {
          unreadable.push(path);
          return undefined;
        }
      }),
    );
    batch.forEach((path, n) => {
      const text = texts[n];
      if (text !== undefined) sources.push({ path, text });
    });
  }
  const result = await scanSources(sources, {
    rules: selectRules(input),
    frameworks: new Set(input.frameworks ?? FRAMEWORKS),
    ...(signal ? { signal } : {}),
  });
  return { ...result, unreadable };
}

export const scanner: Scanner<IacScanInput> = {
  id: "iac",
  description: "IaC rule engine: Terraform (HCL and plan JSON), Kubernetes, Dockerfile, CloudFormation/SAM, Compose, GitHub Actions and GitLab CI",
  async scan(input: IacScanInput, ctx: ScannerContext): Promise<ScanResult> {
    const result = await scanRepository(ctx.root, input, ctx.signal);
    const metrics: Record<string, number> = { resources: result.resources, "parse-errors": result.parseErrors.length };
    for (const [fw, n] of Object.entries(result.files)) metrics[`files.${fw}`] = n;
    const notes: string[] = [];
    if (result.skippedTemplates.length > 0) notes.push(`${result.skippedTemplates.length} templated YAML file(s) skipped (Helm/Jinja syntax): render them to scan their manifests`);
    return { findings: result.findings, metrics, notes };
  },
};
