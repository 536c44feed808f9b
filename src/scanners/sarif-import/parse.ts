// Parsers for the report formats other linters write: SARIF 2.1.0, ESLint JSON, Checkstyle XML and
// the one-line "parsable" format (yamllint -f parsable). Each turns a report into neutral raw
// issues; index.ts turns those into findings. A parser never throws on bad input: it returns problems.
import { fileURLToPath } from "node:url";
import { isAbsolute, posix, relative, resolve } from "node:path";
import { SaxesParser } from "saxes";
import { z } from "zod";
import type { Severity } from "../../core/types.js";
import { toPosix } from "../../core/finding.js";

export type ReportFormat = "sarif" | "eslint-json" | "checkstyle" | "parsable";
export const REPORT_FORMATS: readonly ReportFormat[] = ["sarif", "eslint-json", "checkstyle", "parsable"];

export interface RawIssue {
  tool: string;
  rule: string;
  severity: Severity;
  /** The tool's own level word (error, warning, note...). */
  toolSeverity: string;
  message: string;
  path?: string;
  startLine?: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
  helpUri?: string;
  ruleTitle?: string;
  ruleDescription?: string;
  tags?: string[];
  /** Suppressed by the tool itself (SARIF suppressions, eslint-disable). */
  suppressedBy?: string;
}

export interface ParsedReport {
  issues: RawIssue[];
  /** What could not be read, in words a user can act on. */
  problems: string[];
}

export interface ParseOptions {
  /** Absolute repository root: report paths become relative to it. */
  root: string;
  /** Overrides the tool name found in the report (a policy command's `name`). */
  tool?: string;
}

/** error → high, warning → medium, note/info → low, none → info; see the lint gate README. */
export function levelSeverity(level: string | undefined): Severity {
  switch ((level ?? "warning").toLowerCase()) {
    case "error":
    case "fatal":
      return "high";
    case "warning":
    case "warn":
      return "medium";
    case "note":
    case "info":
    case "style":
      return "low";
    default:
      return "info";
  }
}

/** GitHub's bands for SARIF `security-severity` (a CVSS-like 0–10 score). */
export function securitySeverity(score: number): Severity {
  if (score >= 9) return "critical";
  if (score >= 7) return "high";
  if (score >= 4) return "medium";
  if (score > 0) return "low";
  return "info";
}

export function toolSlug(name: string): string {
  return name.trim().toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "unknown";
}

/** Repository-relative path for what a report calls a file (absolute, file: URI or relative). */
export function reportPath(root: string, file: string, baseDir?: string): string {
  let path = file;
  if (/^file:/i.test(path)) {
    try {
      path = fileURLToPath(path);
    } catch {
      path = decodeURIComponent(path.replace(/^file:(\/\/)?/i, ""));
    }
  } else if (/^[a-z][a-z0-9+.-]+:/i.test(path) && !/^[a-z]:[\\/]/i.test(path)) {
    return path; // another scheme: keep as given
  } else {
    try {
      path = decodeURIComponent(path);
    } catch {
      // not percent-encoded
    }
  }
  const abs = isAbsolute(path) ? path : resolve(baseDir ?? root, path);
  const rel = relative(root, abs);
  if (rel.startsWith("..") || isAbsolute(rel)) return toPosix(path);
  return posix.normalize(toPosix(rel));
}

const positiveInt = z.number().int().positive().optional().catch(undefined);

const sarifMessage = z.looseObject({ text: z.string().optional(), markdown: z.string().optional(), id: z.string().optional() });
const sarifRule = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  shortDescription: sarifMessage.optional(),
  fullDescription: sarifMessage.optional(),
  helpUri: z.string().optional(),
  defaultConfiguration: z.looseObject({ level: z.string().optional() }).optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
  messageStrings: z.record(z.string(), sarifMessage).optional(),
});
const artifactLocation = z.looseObject({ uri: z.string().optional(), uriBaseId: z.string().optional(), index: z.number().optional() });
const sarifResult = z.looseObject({
  ruleId: z.string().optional(),
  ruleIndex: z.number().optional(),
  rule: z.looseObject({ id: z.string().optional(), index: z.number().optional() }).optional(),
  level: z.string().optional(),
  kind: z.string().optional(),
  message: sarifMessage.optional(),
  locations: z
    .array(
      z.looseObject({
        physicalLocation: z
          .looseObject({
            artifactLocation: artifactLocation.optional(),
            region: z
              .looseObject({ startLine: positiveInt, startColumn: positiveInt, endLine: positiveInt, endColumn: positiveInt })
              .optional(),
          })
          .optional(),
      }),
    )
    .optional(),
  suppressions: z.array(z.looseObject({ kind: z.string().optional(), status: z.string().optional(), justification: z.string().optional() })).optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
});
const sarifLog = z.looseObject({
  version: z.string().optional(),
  runs: z.array(
    z.looseObject({
      tool: z.looseObject({ driver: z.looseObject({ name: z.string(), rules: z.array(sarifRule).optional() }) }),
      results: z.array(z.unknown()).optional(),
      artifacts: z.array(z.looseObject({ location: artifactLocation.optional() })).optional(),
      originalUriBaseIds: z.record(z.string(), z.looseObject({ uri: z.string().optional() })).optional(),
    }),
  ),
});

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "not a valid report";
}

/** SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html §3.27). */
export function parseSarif(text: string, options: ParseOptions): ParsedReport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { issues: [], problems: [`not JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const log = sarifLog.safeParse(json);
  if (!log.success) return { issues: [], problems: [`not a SARIF log (${firstIssue(log.error)})`] };
  const issues: RawIssue[] = [];
  const problems: string[] = [];
  for (const run of log.data.runs) {
    const tool = toolSlug(options.tool ?? run.tool.driver.name);
    const rules = run.tool.driver.rules ?? [];
    const byId = new Map(rules.map((r) => [r.id, r]));
    let skipped = 0;
    for (const raw of run.results ?? []) {
      const parsed = sarifResult.safeParse(raw);
      if (!parsed.success) {
        skipped++;
        continue;
      }
      const result = parsed.data;
      if (result.kind && result.kind !== "fail" && result.kind !== "review" && result.kind !== "open") continue;
      const index = result.ruleIndex ?? result.rule?.index;
      const rule = (index !== undefined ? rules[index] : undefined) ?? byId.get(result.ruleId ?? result.rule?.id ?? "");
      const ruleId = result.ruleId ?? result.rule?.id ?? rule?.id ?? "unknown";
      const level = result.level ?? rule?.defaultConfiguration?.level ?? "warning";
      const score = Number(result.properties?.["security-severity"] ?? rule?.properties?.["security-severity"]);
      const severity = Number.isFinite(score) && score > 0 ? securitySeverity(score) : levelSeverity(level);
      const messageText =
        result.message?.text ?? (result.message?.id ? rule?.messageStrings?.[result.message.id]?.text : undefined) ?? rule?.shortDescription?.text ?? ruleId;
      const issue: RawIssue = { tool, rule: ruleId, severity, toolSeverity: level, message: oneLine(messageText) };
      const physical = result.locations?.[0]?.physicalLocation;
      let art = physical?.artifactLocation;
      if (art && art.uri === undefined && art.index !== undefined) art = run.artifacts?.[art.index]?.location ?? art;
      if (art?.uri !== undefined) {
        let base: string | undefined;
        const baseUri = art.uriBaseId ? run.originalUriBaseIds?.[art.uriBaseId]?.uri : undefined;
        if (baseUri && /^file:/i.test(baseUri)) {
          try {
            base = fileURLToPath(baseUri);
          } catch {
            base = undefined;
          }
        } else if (baseUri && !/^[a-z][a-z0-9+.-]+:/i.test(baseUri)) {
          base = resolve(options.root, safeDecode(baseUri)); // relative base ids are relative to the root
        }
        issue.path = reportPath(options.root, art.uri, base);
        const region = physical?.region;
        if (region?.startLine !== undefined) {
          issue.startLine = region.startLine;
          if (region.startColumn !== undefined) issue.startColumn = region.startColumn;
          issue.endLine = region.endLine ?? region.startLine;
          if (region.endColumn !== undefined) issue.endColumn = region.endColumn;
        }
      }
      if (rule?.helpUri) issue.helpUri = rule.helpUri;
      const title = rule?.shortDescription?.text ?? rule?.name;
      if (title) issue.ruleTitle = oneLine(title);
      const description = rule?.fullDescription?.text ?? rule?.shortDescription?.text;
      if (description) issue.ruleDescription = description;
      const tags = rule?.properties?.tags;
      if (Array.isArray(tags)) issue.tags = tags.filter((t): t is string => typeof t === "string");
      const accepted = result.suppressions?.find((s) => s.status === undefined || s.status === "accepted");
      if (accepted) issue.suppressedBy = accepted.justification || `${accepted.kind ?? "tool"} suppression`;
      issues.push(issue);
    }
    if (skipped > 0) problems.push(`${skipped} result(s) of ${run.tool.driver.name} were malformed and skipped`);
  }
  return { issues, problems };
}

const eslintMessage = z.looseObject({
  ruleId: z.string().nullable().optional(),
  severity: z.number(),
  message: z.string(),
  line: z.number().optional(),
  column: z.number().optional(),
  endLine: z.number().optional(),
  endColumn: z.number().optional(),
  fatal: z.boolean().optional(),
});
const eslintResult = z.looseObject({
  filePath: z.string(),
  messages: z.array(eslintMessage),
  suppressedMessages: z.array(eslintMessage.extend({ suppressions: z.array(z.looseObject({ justification: z.string().optional() })).optional() })).optional(),
});
const eslintJson = z.union([z.array(eslintResult), z.looseObject({ results: z.array(eslintResult), metadata: z.unknown().optional() })]);

/** `eslint --format json` (an array of results) or `json-with-metadata` ({ results, metadata }). */
export function parseEslintJson(text: string, options: ParseOptions): ParsedReport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { issues: [], problems: [`not JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = eslintJson.safeParse(json);
  if (!parsed.success) return { issues: [], problems: [`not ESLint JSON output (${firstIssue(parsed.error)})`] };
  const results = Array.isArray(parsed.data) ? parsed.data : parsed.data.results;
  const tool = toolSlug(options.tool ?? "eslint");
  const issues: RawIssue[] = [];
  for (const result of results) {
    const path = reportPath(options.root, result.filePath);
    const all = [
      ...result.messages.map((m) => ({ m, suppressedBy: undefined as string | undefined })),
      ...(result.suppressedMessages ?? []).map((m) => ({
        m,
        suppressedBy: m.suppressions?.map((s) => s.justification).filter(Boolean).join("; ") || "eslint-disable comment",
      })),
    ];
    for (const { m, suppressedBy } of all) {
      const rule = m.ruleId ?? (m.fatal ? "parse-error" : "unknown");
      const issue: RawIssue = {
        tool,
        rule,
        severity: m.fatal ? "high" : m.severity >= 2 ? "high" : "medium",
        toolSeverity: m.severity >= 2 ? "error" : "warning",
        message: oneLine(m.message),
        path,
      };
      if (m.line !== undefined && m.line > 0) {
        issue.startLine = m.line;
        if (m.column !== undefined) issue.startColumn = m.column;
        if (m.endLine !== undefined) issue.endLine = m.endLine;
        if (m.endColumn !== undefined) issue.endColumn = m.endColumn;
      }
      if (m.ruleId && !m.ruleId.includes("/")) issue.helpUri = `https://eslint.org/docs/latest/rules/${m.ruleId}`;
      if (suppressedBy) issue.suppressedBy = suppressedBy;
      issues.push(issue);
    }
  }
  return { issues, problems: [] };
}

/** Tool and rule from a Checkstyle `source` ("ShellCheck.SC2086", "com.puppycrawl...WhitespaceAroundCheck"). */
export function splitCheckstyleSource(source: string | undefined, toolOverride?: string): { tool: string; rule: string } {
  const s = (source ?? "").trim();
  if (s.startsWith("com.puppycrawl.tools.checkstyle.")) {
    const last = s.split(".").pop() ?? s;
    return { tool: toolSlug(toolOverride ?? "checkstyle"), rule: last.replace(/Check$/, "") };
  }
  const dot = s.indexOf(".");
  if (dot > 0) {
    return { tool: toolSlug(toolOverride ?? s.slice(0, dot)), rule: s.slice(dot + 1).replace(/^rules\./, "") };
  }
  return { tool: toolSlug(toolOverride ?? "checkstyle"), rule: s || "unknown" };
}

/**
 * Checkstyle XML (<checkstyle><file name><error line column severity message source/>), read
 * with saxes, which never expands external entities nor fetches a DTD.
 */
export function parseCheckstyle(text: string, options: ParseOptions): ParsedReport {
  const issues: RawIssue[] = [];
  const problems: string[] = [];
  const parser = new SaxesParser({ xmlns: false, position: true });
  let file: string | undefined;
  let sawRoot = false;
  let failed = false;
  parser.on("error", (error) => {
    if (!failed) problems.push(`not well-formed XML: ${error.message}`);
    failed = true;
  });
  parser.on("doctype", () => {
    // A DOCTYPE could declare entities; we refuse to interpret any of it.
    if (!failed) problems.push("DOCTYPE declarations are not accepted in Checkstyle reports");
    failed = true;
  });
  parser.on("opentag", (tag) => {
    if (failed) return;
    const attr = (name: string): string | undefined => {
      const value = tag.attributes[name];
      return typeof value === "string" ? value : undefined;
    };
    if (tag.name === "checkstyle") sawRoot = true;
    else if (tag.name === "file") file = attr("name");
    else if (tag.name === "error" && file !== undefined) {
      const { tool, rule } = splitCheckstyleSource(attr("source"), options.tool);
      const level = attr("severity") ?? "error";
      const issue: RawIssue = { tool, rule, severity: levelSeverity(level === "ignore" ? "none" : level), toolSeverity: level, message: oneLine(attr("message") ?? rule), path: reportPath(options.root, file) };
      const line = Number(attr("line"));
      if (Number.isInteger(line) && line > 0) {
        issue.startLine = line;
        issue.endLine = line;
        const column = Number(attr("column"));
        if (Number.isInteger(column) && column > 0) issue.startColumn = column;
      }
      issues.push(issue);
    }
  });
  parser.on("closetag", (tag) => {
    if (tag.name === "file") file = undefined;
  });
  try {
    parser.write(text).close();
  } catch (error) {
    if (!failed) problems.push(`not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
    failed = true;
  }
  if (failed) return { issues: [], problems };
  if (!sawRoot) problems.push("no <checkstyle> root element");
  return { issues, problems };
}

const PARSABLE_LINE = /^(.+?):(\d+):(\d+): \[(\w+)\] (.*?)(?: \(([^()\s]+)\))?$/;

/** `path:line:column: [level] message (rule)`, as `yamllint -f parsable` writes. */
export function parseParsable(text: string, options: ParseOptions): ParsedReport {
  const issues: RawIssue[] = [];
  let unreadable = 0;
  const tool = toolSlug(options.tool ?? "parsable");
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const m = PARSABLE_LINE.exec(line);
    if (!m) {
      unreadable++;
      continue;
    }
    const [, file = "", ln = "0", col = "0", level = "error", message = "", rule] = m;
    issues.push({
      tool,
      rule: rule ?? "unknown",
      severity: levelSeverity(level),
      toolSeverity: level,
      message: oneLine(message),
      path: reportPath(options.root, file),
      startLine: Number(ln),
      startColumn: Number(col),
      endLine: Number(ln),
    });
  }
  return { issues, problems: unreadable > 0 ? [`${unreadable} line(s) were not in "path:line:col: [level] message (rule)" form`] : [] };
}

export function parseReport(format: ReportFormat, text: string, options: ParseOptions): ParsedReport {
  switch (format) {
    case "sarif":
      return parseSarif(text, options);
    case "eslint-json":
      return parseEslintJson(text, options);
    case "checkstyle":
      return parseCheckstyle(text, options);
    case "parsable":
      return parseParsable(text, options);
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

