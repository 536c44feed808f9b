#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  ConfigurationError
} from "./chunk-5XKQ73XO.js";

// src/cli/args.ts
import { parseArgs } from "node:util";
function parse(args, options, help, allowPositionals = false) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals, strict: true });
  } catch (error) {
    throw new ConfigurationError(error.message.split("\n")[0] ?? "bad arguments", void 0, `see:
${help}`);
  }
}
function list(value) {
  if (value === void 0) return void 0;
  return value.split(",").map((s) => s.trim()).filter(Boolean);
}
function useColor(env, isTTY, noColorFlag) {
  if (noColorFlag || env.NO_COLOR !== void 0 && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== void 0 && env.FORCE_COLOR !== "0") return true;
  return isTTY && env.TERM !== "dumb";
}

export {
  parse,
  list,
  useColor
};
