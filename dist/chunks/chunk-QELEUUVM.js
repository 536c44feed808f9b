#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);

// src/core/version.ts
import { readFileSync } from "node:fs";
var INFORMATION_URI = "https://github.com/tollgate-dev/tollgate";
function toolVersion() {
  if (true) return "0.1.0";
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  return pkg.version;
}

export {
  INFORMATION_URI,
  toolVersion
};
