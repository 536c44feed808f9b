#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import "./chunk-2GVBCIT7.js";

// src/reporters/json/index.ts
var reporter = {
  id: "json",
  description: "the whole run report as JSON",
  defaultFile: "tollgate.json",
  render: (report) => `${JSON.stringify(report, null, 2)}
`
};
export {
  reporter
};
