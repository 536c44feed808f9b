// Shape of a built-in SAST rule: metadata as data (read by `tollgate rules` / `explain`), an
// ast-grep rule object as the check, and examples that the tests run.
import type { NapiConfig } from "@ast-grep/napi";
import type { RuleMeta } from "../../core/types.js";

/** "js" covers JavaScript, JSX, TypeScript and TSX (each parsed with its own grammar). */
export type SastLanguage = "js" | "py";

export interface SastExample {
  code: string;
  /** File extension the example is parsed as (default: .js for js rules, .py for py rules). */
  ext?: "js" | "jsx" | "ts" | "tsx" | "py";
}

export interface InvalidExample extends SastExample {
  /** 1-based lines the rule must report, in order. */
  lines: number[];
}

export interface SastRule extends RuleMeta {
  language: SastLanguage;
  /** The sentence shown on each finding. */
  message: string;
  /** ast-grep rule (https://ast-grep.github.io/reference/rule.html) with optional constraints/utils. */
  match: Omit<NapiConfig, "language">;
  /** Cheap pre-check on the file text: the rule cannot match when this does not. */
  needs?: RegExp;
  examples: { invalid: InvalidExample[]; valid: SastExample[] };
}
