// The rule set used when a project has no ESLint flat config: @eslint/js recommended for
// JavaScript, plus typescript-eslint's parser and non-type-checked recommended rules for TypeScript.
import js from "@eslint/js";
import globals from "globals";
import type { Linter } from "eslint";

export const TS_FILES = ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"];
export const JS_FILES = ["**/*.js", "**/*.mjs", "**/*.cjs", "**/*.jsx"];

/**
 * No type information is needed, so any repository can be linted without a tsconfig.
 * Node and browser globals are both on: we cannot know the target, and `no-undef` on `process`
 * or `window` would only be noise. typescript-eslint (which loads the TypeScript compiler, the
 * slowest part of a cold start) is imported only when TypeScript files may be linted.
 */
export async function builtinConfig(options: { typescript: boolean } = { typescript: true }): Promise<Linter.Config[]> {
  const ts = options.typescript ? ((await import("typescript-eslint")).default.configs.recommended as Linter.Config[]) : [];
  const scopeToTs = (config: Linter.Config): Linter.Config => ({ ...config, files: config.files ?? TS_FILES });
  return [
    { name: "tollgate/ignores", ignores: ["**/dist/**", "**/build/**", "**/coverage/**", "**/*.min.js", "**/vendor/**"] },
    { ...js.configs.recommended, name: "tollgate/js-recommended", files: [...JS_FILES, ...TS_FILES] },
    {
      name: "tollgate/globals",
      files: [...JS_FILES, ...TS_FILES],
      languageOptions: {
        globals: { ...globals.node, ...globals.browser },
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
    },
    ...ts.map(scopeToTs),
  ];
}
