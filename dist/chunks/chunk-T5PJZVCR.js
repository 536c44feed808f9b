#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  external_exports
} from "./chunk-C5CGFLPB.js";
import {
  toPosix
} from "./chunk-NQDPYFAW.js";

// src/scanners/sarif-import/parse.ts
import { fileURLToPath } from "node:url";
import { isAbsolute, posix, relative, resolve } from "node:path";
import { SaxesParser } from "saxes";
var REPORT_FORMATS = ["sarif", "eslint-json", "checkstyle", "parsable"];
function levelSeverity(level) {
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
function securitySeverity(score) {
  if (score >= 9) return "critical";
  if (score >= 7) return "high";
  if (score >= 4) return "medium";
  if (score > 0) return "low";
  return "info";
}
function toolSlug(name) {
  return name.trim().toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "unknown";
}
function reportPath(root, file, baseDir) {
  let path = file;
  if (/^file:/i.test(path)) {
    try {
      path = fileURLToPath(path);
    } catch {
      path = decodeURIComponent(path.replace(/^file:(\/\/)?/i, ""));
    }
  } else if (/^[a-z][a-z0-9+.-]+:/i.test(path) && !/^[a-z]:[\\/]/i.test(path)) {
    return path;
  } else {
    try {
      path = decodeURIComponent(path);
    } catch {
    }
  }
  const abs = isAbsolute(path) ? path : resolve(baseDir ?? root, path);
  const rel = relative(root, abs);
  if (rel.startsWith("..") || isAbsolute(rel)) return toPosix(path);
  return posix.normalize(toPosix(rel));
}
var positiveInt = external_exports.number().int().positive().optional().catch(void 0);
var sarifMessage = external_exports.looseObject({ text: external_exports.string().optional(), markdown: external_exports.string().optional(), id: external_exports.string().optional() });
var sarifRule = external_exports.looseObject({
  id: external_exports.string(),
  name: external_exports.string().optional(),
  shortDescription: sarifMessage.optional(),
  fullDescription: sarifMessage.optional(),
  helpUri: external_exports.string().optional(),
  defaultConfiguration: external_exports.looseObject({ level: external_exports.string().optional() }).optional(),
  properties: external_exports.record(external_exports.string(), external_exports.unknown()).optional(),
  messageStrings: external_exports.record(external_exports.string(), sarifMessage).optional()
});
var artifactLocation = external_exports.looseObject({ uri: external_exports.string().optional(), uriBaseId: external_exports.string().optional(), index: external_exports.number().optional() });
var sarifResult = external_exports.looseObject({
  ruleId: external_exports.string().optional(),
  ruleIndex: external_exports.number().optional(),
  rule: external_exports.looseObject({ id: external_exports.string().optional(), index: external_exports.number().optional() }).optional(),
  level: external_exports.string().optional(),
  kind: external_exports.string().optional(),
  message: sarifMessage.optional(),
  locations: external_exports.array(
    external_exports.looseObject({
      physicalLocation: external_exports.looseObject({
        artifactLocation: artifactLocation.optional(),
        region: external_exports.looseObject({ startLine: positiveInt, startColumn: positiveInt, endLine: positiveInt, endColumn: positiveInt }).optional()
      }).optional()
    })
  ).optional(),
  suppressions: external_exports.array(external_exports.looseObject({ kind: external_exports.string().optional(), status: external_exports.string().optional(), justification: external_exports.string().optional() })).optional(),
  properties: external_exports.record(external_exports.string(), external_exports.unknown()).optional()
});
var sarifLog = external_exports.looseObject({
  version: external_exports.string().optional(),
  runs: external_exports.array(
    external_exports.looseObject({
      tool: external_exports.looseObject({ driver: external_exports.looseObject({ name: external_exports.string(), rules: external_exports.array(sarifRule).optional() }) }),
      results: external_exports.array(external_exports.unknown()).optional(),
      artifacts: external_exports.array(external_exports.looseObject({ location: artifactLocation.optional() })).optional(),
      originalUriBaseIds: external_exports.record(external_exports.string(), external_exports.looseObject({ uri: external_exports.string().optional() })).optional()
    })
  )
});
function firstIssue(error) {
  const issue = error.issues[0];
  return issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "not a valid report";
}
function parseSarif(text, options) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { issues: [], problems: [`not JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const log = sarifLog.safeParse(json);
  if (!log.success) return { issues: [], problems: [`not a SARIF log (${firstIssue(log.error)})`] };
  const issues = [];
  const problems = [];
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
      const rule = (index !== void 0 ? rules[index] : void 0) ?? byId.get(result.ruleId ?? result.rule?.id ?? "");
      const ruleId = result.ruleId ?? result.rule?.id ?? rule?.id ?? "unknown";
      const level = result.level ?? rule?.defaultConfiguration?.level ?? "warning";
      const score = Number(result.properties?.["security-severity"] ?? rule?.properties?.["security-severity"]);
      const severity = Number.isFinite(score) && score > 0 ? securitySeverity(score) : levelSeverity(level);
      const messageText = result.message?.text ?? (result.message?.id ? rule?.messageStrings?.[result.message.id]?.text : void 0) ?? rule?.shortDescription?.text ?? ruleId;
      const issue = { tool, rule: ruleId, severity, toolSeverity: level, message: oneLine(messageText) };
      const physical = result.locations?.[0]?.physicalLocation;
      let art = physical?.artifactLocation;
      if (art && art.uri === void 0 && art.index !== void 0) art = run.artifacts?.[art.index]?.location ?? art;
      if (art?.uri !== void 0) {
        let base;
        const baseUri = art.uriBaseId ? run.originalUriBaseIds?.[art.uriBaseId]?.uri : void 0;
        if (baseUri && /^file:/i.test(baseUri)) {
          try {
            base = fileURLToPath(baseUri);
          } catch {
            base = void 0;
          }
        } else if (baseUri && !/^[a-z][a-z0-9+.-]+:/i.test(baseUri)) {
          base = resolve(options.root, safeDecode(baseUri));
        }
        issue.path = reportPath(options.root, art.uri, base);
        const region = physical?.region;
        if (region?.startLine !== void 0) {
          issue.startLine = region.startLine;
          if (region.startColumn !== void 0) issue.startColumn = region.startColumn;
          issue.endLine = region.endLine ?? region.startLine;
          if (region.endColumn !== void 0) issue.endColumn = region.endColumn;
        }
      }
      if (rule?.helpUri) issue.helpUri = rule.helpUri;
      const title = rule?.shortDescription?.text ?? rule?.name;
      if (title) issue.ruleTitle = oneLine(title);
      const description = rule?.fullDescription?.text ?? rule?.shortDescription?.text;
      if (description) issue.ruleDescription = description;
      const tags = rule?.properties?.tags;
      if (Array.isArray(tags)) issue.tags = tags.filter((t) => typeof t === "string");
      const accepted = result.suppressions?.find((s) => s.status === void 0 || s.status === "accepted");
      if (accepted) issue.suppressedBy = accepted.justification || `${accepted.kind ?? "tool"} suppression`;
      issues.push(issue);
    }
    if (skipped > 0) problems.push(`${skipped} result(s) of ${run.tool.driver.name} were malformed and skipped`);
  }
  return { issues, problems };
}
var eslintMessage = external_exports.looseObject({
  ruleId: external_exports.string().nullable().optional(),
  severity: external_exports.number(),
  message: external_exports.string(),
  line: external_exports.number().optional(),
  column: external_exports.number().optional(),
  endLine: external_exports.number().optional(),
  endColumn: external_exports.number().optional(),
  fatal: external_exports.boolean().optional()
});
var eslintResult = external_exports.looseObject({
  filePath: external_exports.string(),
  messages: external_exports.array(eslintMessage),
  suppressedMessages: external_exports.array(eslintMessage.extend({ suppressions: external_exports.array(external_exports.looseObject({ justification: external_exports.string().optional() })).optional() })).optional()
});
var eslintJson = external_exports.union([external_exports.array(eslintResult), external_exports.looseObject({ results: external_exports.array(eslintResult), metadata: external_exports.unknown().optional() })]);
function parseEslintJson(text, options) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { issues: [], problems: [`not JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = eslintJson.safeParse(json);
  if (!parsed.success) return { issues: [], problems: [`not ESLint JSON output (${firstIssue(parsed.error)})`] };
  const results = Array.isArray(parsed.data) ? parsed.data : parsed.data.results;
  const tool = toolSlug(options.tool ?? "eslint");
  const issues = [];
  for (const result of results) {
    const path = reportPath(options.root, result.filePath);
    const all = [
      ...result.messages.map((m) => ({ m, suppressedBy: void 0 })),
      ...(result.suppressedMessages ?? []).map((m) => ({
        m,
        suppressedBy: m.suppressions?.map((s) => s.justification).filter(Boolean).join("; ") || "eslint-disable comment"
      }))
    ];
    for (const { m, suppressedBy } of all) {
      const rule = m.ruleId ?? (m.fatal ? "parse-error" : "unknown");
      const issue = {
        tool,
        rule,
        severity: m.fatal ? "high" : m.severity >= 2 ? "high" : "medium",
        toolSeverity: m.severity >= 2 ? "error" : "warning",
        message: oneLine(m.message),
        path
      };
      if (m.line !== void 0 && m.line > 0) {
        issue.startLine = m.line;
        if (m.column !== void 0) issue.startColumn = m.column;
        if (m.endLine !== void 0) issue.endLine = m.endLine;
        if (m.endColumn !== void 0) issue.endColumn = m.endColumn;
      }
      if (m.ruleId && !m.ruleId.includes("/")) issue.helpUri = `https://eslint.org/docs/latest/rules/${m.ruleId}`;
      if (suppressedBy) issue.suppressedBy = suppressedBy;
      issues.push(issue);
    }
  }
  return { issues, problems: [] };
}
function splitCheckstyleSource(source, toolOverride) {
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
function parseCheckstyle(text, options) {
  const issues = [];
  const problems = [];
  const parser = new SaxesParser({ xmlns: false, position: true });
  let file;
  let sawRoot = false;
  let failed = false;
  parser.on("error", (error) => {
    if (!failed) problems.push(`not well-formed XML: ${error.message}`);
    failed = true;
  });
  parser.on("doctype", () => {
    if (!failed) problems.push("DOCTYPE declarations are not accepted in Checkstyle reports");
    failed = true;
  });
  parser.on("opentag", (tag) => {
    if (failed) return;
    const attr = (name) => {
      const value = tag.attributes[name];
      return typeof value === "string" ? value : void 0;
    };
    if (tag.name === "checkstyle") sawRoot = true;
    else if (tag.name === "file") file = attr("name");
    else if (tag.name === "error" && file !== void 0) {
      const { tool, rule } = splitCheckstyleSource(attr("source"), options.tool);
      const level = attr("severity") ?? "error";
      const issue = { tool, rule, severity: levelSeverity(level === "ignore" ? "none" : level), toolSeverity: level, message: oneLine(attr("message") ?? rule), path: reportPath(options.root, file) };
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
    if (tag.name === "file") file = void 0;
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
var PARSABLE_LINE = /^(.+?):(\d+):(\d+): \[(\w+)\] (.*?)(?: \(([^()\s]+)\))?$/;
function parseParsable(text, options) {
  const issues = [];
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
      endLine: Number(ln)
    });
  }
  return { issues, problems: unreadable > 0 ? [`${unreadable} line(s) were not in "path:line:col: [level] message (rule)" form`] : [] };
}
function parseReport(format, text, options) {
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
function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
function oneLine(text) {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

export {
  REPORT_FORMATS,
  levelSeverity,
  securitySeverity,
  parseSarif,
  parseEslintJson,
  parseCheckstyle,
  parseParsable,
  parseReport
};
