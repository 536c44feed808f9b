#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);

// src/ci/types.ts
function isNullSha(sha) {
  return sha === void 0 || /^0+$/.test(sha);
}
function compact(context) {
  const out = {};
  for (const [key, value] of Object.entries(context)) if (typeof value === "string" && value !== "") out[key] = value;
  return out;
}

export {
  isNullSha,
  compact
};
