// Built-in SAST on @ast-grep/napi: tree-sitter ASTs and ast-grep's rule language, with a native
// binary shipped inside the npm package, so it runs on every machine with no install step.
import { createRequire } from "node:module";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { Lang, parse, registerDynamicLanguage } from "@ast-grep/napi";
import { makeFinding } from "../../core/finding.js";
import { errorMessage } from "../../core/errors.js";
import type { Finding, ScanResult, Scanner, ScannerContext } from "../../core/types.js";
import { normalizeLineText } from "../sarif-import/line-key.js";
import { javascriptRules } from "./rules/javascript.js";
import { pythonRules } from "./rules/python.js";
import type { SastLanguage, SastRule } from "./types.js";

export type { SastRule, SastLanguage } from "./types.js";
export const RULES: SastRule[] = [...javascriptRules, ...pythonRules];

/** Files larger than this are minified bundles or generated code far more often than sources. */
const MAX_FILE_BYTES = 1024 * 1024;

const EXTENSIONS: Record<string, { lang: string; family: SastLanguage }> = {
  js: { lang: Lang.JavaScript, family: "js" },
  mjs: { lang: Lang.JavaScript, family: "js" },
  cjs: { lang: Lang.JavaScript, family: "js" },
  jsx: { lang: Lang.JavaScript, family: "js" },
  ts: { lang: Lang.TypeScript, family: "js" },
  mts: { lang: Lang.TypeScript, family: "js" },
  cts: { lang: Lang.TypeScript, family: "js" },
  tsx: { lang: Lang.Tsx, family: "js" },
  py: { lang: "python", family: "py" },
};

let python: { ok: true } | { ok: false; reason: string } | undefined;

/**
 * ast-grep's napi build has JS/TS/TSX built in; Python comes from @ast-grep/lang-python (a
 * prebuilt tree-sitter grammar). Loaded through require so bundlers leave its files in place.
 */
export function pythonSupport(): { ok: true } | { ok: false; reason: string } {
  if (!python) {
    try {
      const require = createRequire(import.meta.url);
      const grammar = require("@ast-grep/lang-python") as Parameters<typeof registerDynamicLanguage>[0][string];
      registerDynamicLanguage({ python: grammar });
      python = { ok: true };
    } catch (error) {
      python = { ok: false, reason: `Python rules are off: @ast-grep/lang-python could not be loaded (${errorMessage(error)})` };
    }
  }
  return python;
}

export function languageOf(path: string): { lang: string; family: SastLanguage } | undefined {
  const dot = path.lastIndexOf(".");
  return dot < 0 ? undefined : EXTENSIONS[path.slice(dot + 1).toLowerCase()];
}

export interface SastMatch {
  rule: SastRule;
  /** 1-based. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Normalized text of the matched node (for fingerprints only; never put in a report). */
  text: string;
}

/** Runs the rules that apply to `path`'s language on `text` (in memory: also used for base versions). */
export function scanText(path: string, text: string, rules: readonly SastRule[] = RULES): SastMatch[] {
  const language = languageOf(path);
  if (!language) return [];
  if (language.family === "py" && !pythonSupport().ok) return [];
  const applicable = rules.filter((r) => r.language === language.family && (!r.needs || r.needs.test(text)));
  if (applicable.length === 0) return [];
  const root = parse(language.lang, text).root();
  const out: SastMatch[] = [];
  for (const rule of applicable) {
    const seen = new Set<string>();
    let nodes;
    try {
      nodes = root.findAll({ ...rule.match });
    } catch (error) {
      // A grammar without the rule's node kinds (JSX rules on plain .ts files) cannot match.
      if (/Kind `[^`]+` is invalid/.test(errorMessage(error))) continue;
      throw new Error(`rule ${rule.id}: ${errorMessage(error)}`, { cause: error });
    }
    for (const node of nodes) {
      const range = node.range();
      const at = `${range.start.line}:${range.start.column}`;
      if (seen.has(at)) continue;
      seen.add(at);
      out.push({
        rule,
        line: range.start.line + 1,
        column: range.start.column + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.column + 1,
        text: normalizeLineText(node.text()).slice(0, 400),
      });
    }
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column || a.rule.id.localeCompare(b.rule.id));
}

/** Matches → findings; the key is the matched code + occurrence, so moving code keeps the fingerprint. */
export function matchesToFindings(path: string, matches: readonly SastMatch[], gate = "sast"): Finding[] {
  const seen = new Map<string, number>();
  return matches.map((m) => {
    const group = `${m.rule.id}\0${m.text}`;
    const n = seen.get(group) ?? 0;
    seen.set(group, n + 1);
    const cwe = m.rule.tags?.find((t) => t.startsWith("CWE-"));
    return makeFinding({
      ruleId: m.rule.id,
      gate,
      severity: m.rule.severity,
      message: m.rule.message,
      location: { path, startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
      key: `${m.text}#${n}`,
      ...(m.rule.helpUri ? { helpUri: m.rule.helpUri } : {}),
      properties: { engine: "ast-grep", language: m.rule.language, ...(cwe ? { cwe } : {}) },
    });
  });
}

export interface AstSastInput {
  /** Repository-relative files; those in no supported language are ignored. */
  files: string[];
  /** Rule ids to leave out. */
  disabled?: string[];
  gate?: string;
}

export async function scanFiles(input: AstSastInput, ctx: Pick<ScannerContext, "root" | "signal">): Promise<ScanResult> {
  const disabled = new Set(input.disabled ?? []);
  const rules = RULES.filter((r) => !disabled.has(r.id));
  const notes: string[] = [];
  const candidates = input.files.filter((f) => languageOf(f) !== undefined);
  if (candidates.some((f) => languageOf(f)?.family === "py")) {
    const py = pythonSupport();
    if (!py.ok) notes.push(py.reason);
  }
  const findings: Finding[] = [];
  let scanned = 0;
  let tooLarge = 0;
  for (const [i, path] of candidates.entries()) {
    if (ctx.signal.aborted) break;
    const full = join(ctx.root, path);
    try {
      if ((await stat(full)).size > MAX_FILE_BYTES) {
        tooLarge++;
        continue;
      }
      const text = await readFile(full, "utf8");
      findings.push(...matchesToFindings(path, scanText(path, text, rules), input.gate ?? "sast"));
      scanned++;
    } catch (error) {
      notes.push(`${path}: ${errorMessage(error)}`);
    }
    // Parsing is synchronous; let timers and aborts through on big trees.
    if (i % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
  }
  if (tooLarge > 0) notes.push(`${tooLarge} file(s) over 1 MiB skipped (minified or generated code)`);
  return { findings, metrics: { files: scanned, rules: rules.length }, notes };
}

export const scanner: Scanner<AstSastInput> = {
  id: "ast-sast",
  description: "built-in SAST rules for JavaScript, TypeScript and Python on ast-grep (no install needed)",
  scan: (input, ctx) => scanFiles(input, ctx),
};
