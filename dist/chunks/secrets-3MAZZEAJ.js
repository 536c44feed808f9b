#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  RULES,
  ruleMeta,
  scanFiles,
  scanHistory
} from "./chunk-GANY64C6.js";
import "./chunk-ZARXNJKQ.js";
import {
  schema
} from "./chunk-26G4KK3K.js";
import {
  parseDuration
} from "./chunk-RSC3HFTQ.js";
import {
  isGitRepo
} from "./chunk-VMIEK4YL.js";
import {
  listFiles
} from "./chunk-ZRGI7UBK.js";
import "./chunk-CY7KP3J2.js";
import {
  evaluateBySeverity,
  plural
} from "./chunk-CXJQTCH4.js";
import "./chunk-TGCGIDEH.js";
import "./chunk-C5CGFLPB.js";
import {
  makeFinding,
  sortFindings
} from "./chunk-NQDPYFAW.js";
import "./chunk-2GVBCIT7.js";

// src/gates/secrets/index.ts
var GATE = "secrets";
var SCAN_RULES = [
  {
    id: "secrets/scan-timeout",
    severity: "low",
    title: "File not fully scanned for secrets",
    description: "Scanning this file took longer than the per-file time budget (file-timeout), so the rest of it was skipped.",
    remediation: "Raise file-timeout for the secrets gate, or exclude the file if it is generated or vendored.",
    tags: ["secrets"]
  },
  {
    id: "secrets/no-input",
    severity: "high",
    title: "No files matched the secrets gate's include globs",
    description: "The policy lists include globs for the secrets gate but no file matches them, so nothing was scanned.",
    remediation: "Fix the include globs (they are relative to the repository root) or remove them to scan every file.",
    tags: ["secrets"]
  },
  {
    id: "secrets/history-unavailable",
    severity: "high",
    title: "Git history could not be scanned",
    description: "history: true was requested but the history could not be read (not a git repository, or an invalid history-range).",
    remediation: "Run in a git checkout with full history (fetch-depth: 0 in CI) and check history-range.",
    tags: ["secrets"]
  }
];
var RULE_BY_ID = new Map(RULES.map((r) => [r.id, r]));
function parseSize(value) {
  if (typeof value === "number") return value;
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim());
  const units = { "": 1, b: 1, kb: 1024, kib: 1024, mb: 1024 ** 2, mib: 1024 ** 2, gb: 1024 ** 3, gib: 1024 ** 3 };
  const unit = units[(m?.[2] ?? "").toLowerCase()];
  if (!m || unit === void 0) throw new Error(`invalid size "${value}"`);
  return Math.round(Number(m[1]) * unit);
}
function formatSize(bytes) {
  if (bytes >= 1024 ** 2 && bytes % 1024 ** 2 === 0) return `${bytes / 1024 ** 2} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}
function secretFinding(hit, path, commit) {
  const where = commit ? ` added in commit ${commit.slice(0, 12)}` : "";
  const properties = { redacted: hit.redacted, provider: RULE_BY_ID.get(hit.ruleId)?.provider };
  if (commit) properties.commit = commit;
  return makeFinding({
    ruleId: hit.ruleId,
    gate: GATE,
    severity: hit.severity,
    message: `${hit.title} ${hit.redacted}${where}: revoke and rotate it, then remove it from the code and the git history.`,
    location: { path, startLine: hit.line, startColumn: hit.column, endLine: hit.endLine, endColumn: hit.endColumn },
    // The fingerprint key is the secret's hash: one finding per secret per file, whatever its line.
    key: hit.hash,
    properties
  });
}
async function scan(ctx) {
  const o = ctx.options;
  const maxFileSize = parseSize(o["max-file-size"]);
  const fileTimeBudgetMs = parseDuration(o["file-timeout"]) ?? 1e4;
  const notes = [];
  const byFingerprint = /* @__PURE__ */ new Map();
  const add = (f) => {
    const prior = byFingerprint.get(f.fingerprint);
    if (!prior) {
      f.properties = { ...f.properties, occurrences: 1 };
      byFingerprint.set(f.fingerprint, f);
    } else {
      prior.properties = { ...prior.properties, occurrences: Number(prior.properties?.occurrences ?? 1) + 1 };
    }
  };
  const files = await listFiles(ctx.root, {
    include: o.include,
    exclude: o.exclude,
    ...ctx.changedFiles ? { changedFiles: ctx.changedFiles } : {},
    signal: ctx.signal
  });
  const metrics = {
    files: 0,
    bytes: 0,
    filesSkippedBinary: 0,
    filesSkippedOversize: 0,
    filesUnreadable: 0,
    filesTimedOut: 0,
    threads: 0
  };
  if (files.length === 0 && !o.history) {
    if (o.include.length > 0 && !ctx.changedFiles) {
      const finding = makeFinding({
        ruleId: "secrets/no-input",
        gate: GATE,
        severity: "high",
        message: `No file matches the include globs ${o.include.join(", ")}: fix them or remove them to scan every file.`,
        key: o.include.join("\0")
      });
      return { findings: [finding], metrics, notes };
    }
    return {
      findings: [],
      metrics,
      skipped: ctx.changedFiles ? "no changed files to scan for secrets" : "no files to scan for secrets (empty repository or everything excluded)"
    };
  }
  const tree = await scanFiles({
    root: ctx.root,
    files,
    maxFileSize,
    fileTimeBudgetMs,
    signal: ctx.signal,
    ...o.threads ? { threads: o.threads } : {}
  });
  metrics.threads = tree.threads;
  for (const r of tree.results) {
    if (r.skipped === "binary") metrics.filesSkippedBinary = (metrics.filesSkippedBinary ?? 0) + 1;
    else if (r.skipped === "oversize") metrics.filesSkippedOversize = (metrics.filesSkippedOversize ?? 0) + 1;
    else if (r.skipped === "unreadable") metrics.filesUnreadable = (metrics.filesUnreadable ?? 0) + 1;
    else {
      metrics.files = (metrics.files ?? 0) + 1;
      metrics.bytes = (metrics.bytes ?? 0) + r.bytes;
    }
    for (const hit of r.hits) add(secretFinding(hit, r.path));
    if (r.timedOut) {
      metrics.filesTimedOut = (metrics.filesTimedOut ?? 0) + 1;
      add(
        makeFinding({
          ruleId: "secrets/scan-timeout",
          gate: GATE,
          severity: "low",
          message: `Scanning stopped part-way through this file after ${fileTimeBudgetMs} ms (file-timeout); raise the budget or exclude the file.`,
          location: { path: r.path },
          key: "timeout"
        })
      );
    }
  }
  if (metrics.filesSkippedBinary) notes.push(`${plural(metrics.filesSkippedBinary, "file")} skipped: binary`);
  if (metrics.filesSkippedOversize) notes.push(`${plural(metrics.filesSkippedOversize, "file")} skipped: larger than ${formatSize(maxFileSize)} (max-file-size)`);
  if (metrics.filesUnreadable) notes.push(`${plural(metrics.filesUnreadable, "file")} skipped: unreadable`);
  if (metrics.filesTimedOut) notes.push(`${plural(metrics.filesTimedOut, "file")} not fully scanned: over the ${fileTimeBudgetMs} ms file-timeout`);
  if (o.history) await scanGitHistory(ctx, { maxFileSize, fileTimeBudgetMs }, metrics, notes, add, byFingerprint);
  const findings = sortFindings([...byFingerprint.values()]);
  metrics.secrets = findings.filter((f) => RULE_BY_ID.has(f.ruleId)).length;
  return { findings, metrics, notes };
}
async function scanGitHistory(ctx, settings, metrics, notes, add, byFingerprint) {
  const range = ctx.options["history-range"] ?? (ctx.changedFiles && ctx.base ? `${ctx.base}..HEAD` : void 0);
  const unavailable = (why) => add(
    makeFinding({
      ruleId: "secrets/history-unavailable",
      gate: GATE,
      severity: "high",
      message: `The git history could not be scanned (${why}); run in a full git checkout or fix history-range.`,
      key: range ?? "HEAD"
    })
  );
  if (!await isGitRepo(ctx.root)) {
    unavailable("not a git repository");
    return;
  }
  try {
    const history = await scanHistory({ root: ctx.root, ...range ? { range } : {}, signal: ctx.signal, ...settings });
    metrics.commits = history.commits;
    metrics.historyBytes = history.bytes;
    if (history.skippedOversize) notes.push(`${plural(history.skippedOversize, "file change")} in history skipped: larger than max-file-size`);
    if (history.timedOut.length) notes.push(`${plural(history.timedOut.length, "file change")} in history not fully scanned: over file-timeout`);
    for (const hit of history.hits) {
      const finding = secretFinding(hit, hit.path, hit.commit);
      const prior = byFingerprint.get(finding.fingerprint);
      if (!prior) {
        add(finding);
      } else if (prior.properties?.commit !== void 0) {
        prior.location = finding.location;
        prior.message = finding.message;
        prior.properties = { ...prior.properties, commit: hit.commit, occurrences: Number(prior.properties.occurrences ?? 1) + 1 };
      } else {
        prior.properties = { ...prior.properties, introducedIn: hit.commit };
      }
    }
    notes.push(`history: ${plural(history.commits, "commit")} scanned${range ? ` (${range})` : ""}`);
  } catch (error) {
    unavailable(error instanceof Error ? error.message.split("\n")[0] ?? "git failed" : String(error));
  }
}
var gate = {
  id: GATE,
  title: "Secrets",
  description: "Finds committed credentials (cloud keys, tokens, private keys, passwords in URLs) in the files and optionally the git history.",
  schema,
  rules: () => [...RULES.map(ruleMeta), ...SCAN_RULES],
  scan,
  evaluate: (scanResult, options) => evaluateBySeverity(scanResult, options, "secret")
};
export {
  gate,
  parseSize
};
