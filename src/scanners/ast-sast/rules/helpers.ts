// Small builders for ast-grep rule objects, so each rule reads as what it looks for.
import type { Rule } from "@ast-grep/napi";

/** Any of these code patterns. */
export function calls(...patterns: string[]): Rule {
  return { any: patterns.map((pattern) => ({ pattern })) };
}

/** An object property `key: <value>` (key quoted or not) whose value satisfies `value`. */
export function pair(key: string, value: Rule): Rule {
  return {
    kind: "pair",
    all: [{ has: { field: "key", regex: `^["'\`]?(${key})["'\`]?$` } }, { has: { field: "value", ...value } }],
  };
}

/**
 * JS/TS: a call whose function is `name(...)` or `anything.name(...)`. (An ast-grep `any` of
 * "$F()" and "$O.$F()" would bind $F on the first branch and never try the second.)
 */
export function callee(nameRe: string): Rule {
  return {
    kind: "call_expression",
    has: { field: "function", any: [{ kind: "identifier", regex: nameRe }, { kind: "member_expression", has: { field: "property", regex: nameRe } }] },
  };
}

/** The call's arguments contain (at any depth) a node satisfying `rule`. */
export function argsContain(rule: Rule): Rule {
  return { has: { field: "arguments", has: { stopBy: "end", ...rule } } };
}

/** JS/TS: a value computed at run time (not a plain literal). */
export const NON_CONSTANT: Rule = {
  any: [
    { kind: "identifier" },
    { kind: "member_expression" },
    { kind: "subscript_expression" },
    { kind: "call_expression" },
    { kind: "binary_expression" },
    { kind: "await_expression" },
    { kind: "ternary_expression" },
    { kind: "parenthesized_expression" },
    { kind: "template_string", has: { kind: "template_substitution" } },
  ],
};

/** JS/TS: a string built from pieces (concatenation or a template with ${}). */
export const INTERPOLATED: Rule = {
  any: [{ kind: "binary_expression", regex: "\\+" }, { kind: "template_string", has: { kind: "template_substitution" } }],
};

/** JS/TS: expressions that carry request or URL input. */
export const USER_INPUT_RE =
  "\\b(req|request)\\.(query|body|params|headers|cookies|param\\()|\\bctx\\.(query|params|request\\.(body|query))|location\\.(search|hash)|searchParams\\.get|document\\.referrer|\\bevent\\.(body|queryStringParameters|pathParameters)";

/** SQL statements, so string building for other purposes is left alone. */
export const SQL_RE = "(?i)\\b(select\\s.+\\sfrom|insert\\s+into|update\\s+\\S+\\s+set|delete\\s+from|drop\\s+table|create\\s+table|where\\s)";

/** Names of things that must be unpredictable or secret. */
export const SECRET_NAME_RE = "(?i)(token|secret|passw(or)?d|pwd|nonce|salt|otp|session_?id|sessionid|api_?key|reset_?code|csrf|auth_?code|verification)";

/** Python: a value computed at run time (f-string, concatenation, %, .format, a name...). */
export const PY_NON_CONSTANT: Rule = {
  any: [
    { kind: "identifier" },
    { kind: "attribute" },
    { kind: "subscript" },
    { kind: "call" },
    { kind: "binary_operator" },
    { kind: "string", has: { kind: "interpolation" } },
    { kind: "concatenated_string", has: { stopBy: "end", kind: "interpolation" } },
  ],
};

/** Python: a string built from input (f-string, %, +, .format). */
export const PY_BUILT_STRING: Rule = {
  any: [
    { kind: "string", has: { kind: "interpolation" } },
    { kind: "binary_operator", regex: "(%|\\+)" },
    { kind: "call", regex: "\\.format\\(" },
  ],
};

/** Python: a keyword argument such as shell=True. */
export function kwarg(name: string, valueRe: string): Rule {
  return { has: { field: "arguments", has: { kind: "keyword_argument", regex: `^${name}\\s*=\\s*(${valueRe})$` } } };
}
