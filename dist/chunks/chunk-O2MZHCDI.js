#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  changedFiles,
  changedLines,
  defaultBase,
  resolveRef
} from "./chunk-VMIEK4YL.js";
import {
  errorMessage
} from "./chunk-5XKQ73XO.js";

// src/gates/lint/new-only.ts
async function markNewOnly(options) {
  const notes = [];
  let base;
  try {
    base = options.base ? await resolveRef(options.root, options.base) : await defaultBase(options.root);
  } catch (error) {
    notes.push(`new-only: base ${options.base ?? ""} cannot be resolved (${errorMessage(error)}); every finding counts as new`);
  }
  if (!base) {
    if (notes.length === 0) notes.push("new-only: no base commit found (not a git repository, or no history); every finding counts as new");
    for (const f of options.findings) f.properties = { ...f.properties, baselineState: "new" };
    return { newCount: options.findings.length, unchangedCount: 0, notes };
  }
  const changed = new Set(await changedFiles(options.root, base));
  const exactPaths = [...new Set(options.findings.filter((f) => options.exact(f) && f.location && changed.has(f.location.path)).map((f) => f.location?.path ?? ""))];
  const matcher = new BaseMatcher(exactPaths.length > 0 ? await options.baseFindings(base, exactPaths) : []);
  const exactNow = options.findings.filter((f) => options.exact(f) && f.location && changed.has(f.location.path));
  const matched = new Set(exactNow.filter((f) => matcher.takeFingerprint(f)));
  for (const f of exactNow) if (!matched.has(f) && matcher.takeMessage(f)) matched.add(f);
  const needLines = options.findings.some((f) => !options.exact(f) && f.location && changed.has(f.location.path));
  const lines = needLines ? await changedLines(options.root, base) : /* @__PURE__ */ new Map();
  const short = base.slice(0, 12);
  let newCount = 0;
  let unchangedCount = 0;
  for (const finding of options.findings) {
    if (options.signal?.aborted) break;
    const path = finding.location?.path;
    let existed;
    if (path === void 0 || !changed.has(path)) existed = true;
    else if (options.exact(finding)) existed = matched.has(finding);
    else {
      const touched = lines.get(path);
      const line = finding.location?.startLine;
      existed = touched !== void 0 && line !== void 0 && !touched.has(line);
    }
    finding.properties = { ...finding.properties, baselineState: existed ? "unchanged" : "new" };
    if (existed) {
      unchangedCount++;
      finding.suppression ??= { kind: "baseline", reason: `present at base ${short}` };
    } else newCount++;
  }
  notes.push(`new-only: ${newCount} new, ${unchangedCount} already present at base ${short}`);
  return { base, newCount, unchangedCount, notes };
}
var messageKey = (f) => `${f.ruleId}\0${f.location?.path ?? ""}\0${f.message}`;
var BaseMatcher = class {
  byFingerprint = /* @__PURE__ */ new Map();
  byMessage = /* @__PURE__ */ new Map();
  constructor(findings) {
    for (const f of findings) {
      this.byFingerprint.set(f.fingerprint, [...this.byFingerprint.get(f.fingerprint) ?? [], f]);
      this.byMessage.set(messageKey(f), (this.byMessage.get(messageKey(f)) ?? 0) + 1);
    }
  }
  takeFingerprint(f) {
    const list = this.byFingerprint.get(f.fingerprint);
    const old = list?.pop();
    if (!old) return false;
    this.byMessage.set(messageKey(old), (this.byMessage.get(messageKey(old)) ?? 1) - 1);
    return true;
  }
  takeMessage(f) {
    const n = this.byMessage.get(messageKey(f)) ?? 0;
    if (n <= 0) return false;
    this.byMessage.set(messageKey(f), n - 1);
    return true;
  }
};

export {
  markNewOnly
};
