// The IaC engine: detect each file's framework, parse it into resources, run the rules that apply
// to each resource, and turn issues into findings on the offending line.
import { dirname } from "node:path";
import { makeFinding } from "../../core/finding.js";
import type { Finding } from "../../core/types.js";
import { detectFramework } from "./detect.js";
import { parseDockerfile } from "./parsers/dockerfile.js";
import { resolveModule, type TerraformFile } from "./parsers/terraform.js";
import { parseTerraformFiles } from "./parsers/terraform-pool.js";
import {
  cloudformationResources,
  composeResources,
  kubernetesResources,
  planResources,
  wholeFileResource,
} from "./parsers/yaml-frameworks.js";
import { parseYamlDocuments } from "./parsers/yaml-tree.js";
import { parseJsonFast, parseYamlFast } from "./parsers/fast-yaml.js";
import { FRAMEWORKS, type CheckResult, type Framework, type IacRule, type Issue, type Resource } from "./types.js";

export interface SourceFile {
  /** Repository-relative, `/`-separated. */
  path: string;
  text: string;
}

export interface EngineOptions {
  rules: readonly IacRule[];
  /** Frameworks to scan (default: all). */
  frameworks?: ReadonlySet<Framework>;
  signal?: AbortSignal;
  /** Worker script for Terraform parsing (tests and benchmarks); default: found next to the module. */
  terraformWorker?: URL;
}

export interface ParseFailure {
  path: string;
  framework: Framework;
  line: number;
  message: string;
}

export interface EngineResult {
  findings: Finding[];
  parseErrors: ParseFailure[];
  /** Files scanned per framework. */
  files: Partial<Record<Framework, number>>;
  resources: number;
  /** Files that looked like templates (Helm) and were skipped. */
  skippedTemplates: string[];
  /** Worker threads that parsed Terraform (0: the calling thread). */
  terraformThreads: number;
}

export const PARSE_ERROR_RULE = "iac/parse-error";

interface Parsed {
  resources: Resource[];
  texts: Map<string, string>;
}

export async function scanSources(files: readonly SourceFile[], options: EngineOptions): Promise<EngineResult> {
  const enabled = options.frameworks ?? new Set<Framework>(FRAMEWORKS);
  // Terraform parsing starts first so worker threads run while this thread parses the YAML.
  const tfCandidates = enabled.has("terraform") ? files.filter((f) => detectFramework(f.path, f.text) === "terraform") : [];
  const tfPromise = parseTerraformFiles(tfCandidates, { ...(options.signal ? { signal: options.signal } : {}), ...(options.terraformWorker ? { workerUrl: options.terraformWorker } : {}) });
  // Keep a rejection from going unhandled while the other files are parsed.
  tfPromise.catch(() => undefined);
  const result: EngineResult = { findings: [], parseErrors: [], files: {}, resources: 0, skippedTemplates: [], terraformThreads: 0 };
  const parsed: Parsed = { resources: [], texts: new Map() };
  let tick = 0;
  for (const file of files) {
    if ((++tick & 63) === 0) {
      options.signal?.throwIfAborted();
      // Let timers and abort signals through on long scans.
      await new Promise<void>((r) => setImmediate(r));
    }
    const framework = detectFramework(file.path, file.text);
    if (!framework || !enabled.has(framework)) continue;
    result.files[framework] = (result.files[framework] ?? 0) + 1;
    parsed.texts.set(file.path, file.text);
    const fail = (line: number, message: string): void => {
      result.parseErrors.push({ path: file.path, framework, line, message });
    };
    try {
      if (framework === "terraform") {
        // Already being parsed (tfPromise).
        continue;
      }
      if (framework === "dockerfile") {
        parsed.resources.push(parseDockerfile(file.path, file.text));
        continue;
      }
      const json = file.path.endsWith(".json");
      const docs =
        framework === "cloudformation" && !json
          ? parseYamlDocuments(file.text, { intrinsics: true })
          : json
            ? parseJsonFast(file.text)
            : parseYamlFast(file.text);
      const bad = docs.find((d) => d.error);
      if (bad?.error) {
        if (/\{\{/.test(file.text)) result.skippedTemplates.push(file.path);
        else fail(bad.error.line, bad.error.message);
        continue;
      }
      for (const doc of docs) {
        if (framework === "kubernetes") parsed.resources.push(...kubernetesResources(file.path, [doc]));
        else if (framework === "cloudformation") parsed.resources.push(...cloudformationResources(file.path, doc));
        else if (framework === "compose") parsed.resources.push(...composeResources(file.path, doc));
        else if (framework === "github-actions") parsed.resources.push(...wholeFileResource("github-actions", "workflow", file.path, doc));
        else if (framework === "gitlab-ci") parsed.resources.push(...wholeFileResource("gitlab-ci", "pipeline", file.path, doc));
        else if (framework === "terraform-plan") parsed.resources.push(...planResources(file.path, doc));
      }
    } catch (error: unknown) {
      if (options.signal?.aborted) throw error;
      fail(1, error instanceof Error ? error.message : String(error));
    }
  }
  const tfByDir = new Map<string, TerraformFile[]>();
  let tfParsed: Awaited<typeof tfPromise>;
  try {
    tfParsed = await tfPromise;
  } catch (error: unknown) {
    if (options.signal?.aborted) throw error;
    // The HCL parser itself failed to load (a broken install): say so per file, scan the rest.
    const reason = `the HCL parser could not run: ${error instanceof Error ? error.message : String(error)}`;
    tfParsed = { threads: 0, files: tfCandidates.map((f) => ({ path: f.path, resources: [], variables: new Map(), locals: new Map(), error: { line: 1, message: reason } })) };
  }
  result.terraformThreads = tfParsed.threads;
  for (const tf of tfParsed.files) {
    if (tf.error) {
      result.parseErrors.push({ path: tf.path, framework: "terraform", line: tf.error.line, message: tf.error.message });
      continue;
    }
    const dir = dirname(tf.path);
    const list = tfByDir.get(dir) ?? [];
    list.push(tf);
    tfByDir.set(dir, list);
  }
  for (const list of tfByDir.values()) parsed.resources.push(...resolveModule(list));
  result.resources = parsed.resources.length;
  result.findings = runRules(parsed, options.rules, options.signal);
  for (const e of result.parseErrors) result.findings.push(parseErrorFinding(e));
  return result;
}

export function parseErrorFinding(e: ParseFailure): Finding {
  return makeFinding({
    ruleId: PARSE_ERROR_RULE,
    gate: "iac",
    severity: "medium",
    message: `${e.path} could not be parsed as ${e.framework} (${e.message}); fix the syntax so its resources are checked.`,
    location: { path: e.path, startLine: e.line },
    key: `parse-error:${e.framework}`,
    properties: { framework: e.framework, reason: e.message },
  });
}

/** Rules indexed by framework and resource type, so each resource meets only the rules that can apply. */
function indexRules(rules: readonly IacRule[]): Map<string, IacRule[]> {
  const index = new Map<string, IacRule[]>();
  const add = (key: string, rule: IacRule): void => {
    const list = index.get(key) ?? [];
    list.push(rule);
    index.set(key, list);
  };
  for (const rule of rules) {
    for (const fw of rule.frameworks) {
      if (rule.types) for (const t of rule.types) add(`${fw}\0${t}`, rule);
      else add(`${fw}\0*`, rule);
    }
  }
  return index;
}

function runRules(parsed: Parsed, rules: readonly IacRule[], signal?: AbortSignal): Finding[] {
  const index = indexRules(rules);
  const findings: Finding[] = [];
  // Neighbours: a Terraform module is its directory; anything else is its file.
  const groups = new Map<string, Resource[]>();
  for (const r of parsed.resources) {
    const key = r.framework === "terraform" && r.source !== "terraform-plan" ? `tf:${dirname(r.path)}` : `file:${r.path}`;
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  const ignores = new Map<string, Map<number, Map<string, string>>>();
  const applicableCache = new Map<string, IacRule[]>();
  let n = 0;
  for (const group of groups.values()) {
    for (const r of group) {
      if ((++n & 255) === 0) signal?.throwIfAborted();
      const key = `${r.framework}\0${r.type}`;
      let applicable = applicableCache.get(key);
      if (!applicable) {
        applicable = [...(index.get(key) ?? []), ...(index.get(`${r.framework}\0*`) ?? [])];
        applicableCache.set(key, applicable);
      }
      for (const rule of applicable) {
        let out: CheckResult;
        try {
          out = rule.check(r, { neighbours: group });
        } catch {
          // A rule meeting a shape it did not expect must not take the scan down.
          continue;
        }
        if (!out) continue;
        const issues = Array.isArray(out) ? out : [out];
        const seen = issues.length > 1 ? new Set<string>() : undefined;
        for (const issue of issues) {
          if (seen) {
            const id = `${issue.path}\0${issue.message ?? ""}`;
            if (seen.has(id)) continue;
            seen.add(id);
          }
          const finding = toFinding(rule, r, issue);
          let fileIgnores = ignores.get(r.path);
          if (!fileIgnores) {
            fileIgnores = collectIgnores(parsed.texts.get(r.path) ?? "");
            ignores.set(r.path, fileIgnores);
          }
          const reason = resourceSuppression(fileIgnores, r, rule.id);
          if (reason !== undefined) finding.suppression = { kind: "inline", reason };
          findings.push(finding);
        }
      }
    }
  }
  return findings;
}

/** Line of the issue: its attribute, else the nearest existing ancestor, else the resource's first line. */
export function issueLine(r: Resource, issue: Issue): number {
  if (issue.line !== undefined) return issue.line;
  let path = issue.path;
  while (path !== "") {
    const line = r.lines.get(path);
    if (line !== undefined) return line;
    const dot = path.lastIndexOf(".");
    path = dot < 0 ? "" : path.slice(0, dot);
  }
  return r.line;
}

function toFinding(rule: IacRule, r: Resource, issue: Issue): Finding {
  const line = issueLine(r, issue);
  const what = issue.message ?? rule.title;
  const helpUri = rule.helpUri ?? rule.references.find((x) => x.startsWith("https://"));
  const finding = makeFinding({
    ruleId: rule.id,
    gate: "iac",
    severity: rule.severity,
    message: `${what} (${r.address}): ${rule.remediation}`,
    location: { path: r.path, startLine: line },
    key: `${r.address}#${issue.key ?? stablePath(r.body, issue.path)}${issue.message ? `#${issue.message}` : ""}`,
    ...(helpUri ? { helpUri } : {}),
    properties: { framework: r.source ?? r.framework, resourceType: r.type, resource: r.address, attribute: issue.path, ...(issue.missing ? { missing: true } : {}) },
  });
  return finding;
}

// Same form the runner reads on a finding's own line: one rule id or glob, a colon, a reason.
/**
 * The issue path with list indexes replaced by the item's own name where it has one
 * (containers[web], steps[checkout]), so inserting an item above keeps fingerprints.
 */
export function stablePath(body: unknown, path: string): string {
  if (path === "") return path;
  let cur: unknown = body;
  const out: string[] = [];
  for (const seg of path.split(".")) {
    if (Array.isArray(cur) && /^\d+$/.test(seg)) {
      const item: unknown = cur[Number(seg)];
      const named = item !== null && typeof item === "object" && !Array.isArray(item) ? (item as Record<string, unknown>) : undefined;
      const name = named ? [named.id, named.name, named.uses].find((v): v is string => typeof v === "string") : undefined;
      out.push(name !== undefined ? `[${name}]` : seg);
      cur = item;
    } else {
      out.push(seg);
      cur = cur !== null && typeof cur === "object" && !Array.isArray(cur) ? (cur as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out.join(".");
}

const IGNORE = /tollgate-ignore\s+([A-Za-z0-9_.\-/*@]+)\s*:\s*(.*?)\s*(?:\*\/|-->|#\}|%\})?\s*$/;

/** line → rule id (or glob) → reason, for every `tollgate-ignore` comment in the file. */
export function collectIgnores(text: string): Map<number, Map<string, string>> {
  const out = new Map<number, Map<string, string>>();
  if (!text.includes("tollgate-ignore")) return out;
  const lines = text.split("\n");
  lines.forEach((l, i) => {
    if (!l.includes("tollgate-ignore")) return;
    const m = IGNORE.exec(l);
    if (!m?.[1] || !m[2]) return;
    out.set(i + 1, new Map([[m[1], m[2]]]));
  });
  return out;
}

/** `*` matches any characters, `/` included, as in waivers. */
function ruleMatches(pattern: string, id: string): boolean {
  if (!pattern.includes("*")) return pattern === id;
  return new RegExp(`^${pattern.split("*").map((x) => x.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`).test(id);
}

/** An ignore comment on the line above the resource, its first line, or (for blocks) anywhere inside it; for a whole file, in its header. */
export function resourceSuppression(ignores: Map<number, Map<string, string>>, r: Resource, ruleId: string): string | undefined {
  if (ignores.size === 0) return undefined;
  // A whole-file resource (Dockerfile, workflow) takes ignores from its header comments.
  const first = r.wholeFile ? 1 : r.line - 1;
  const last = r.wholeFile ? r.line : r.endLine;
  for (let line = first; line <= last; line++) {
    const ids = ignores.get(line);
    if (!ids) continue;
    for (const [pattern, reason] of ids) if (ruleMatches(pattern, ruleId)) return reason;
  }
  return undefined;
}
