#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  renderMarkdownSummary
} from "./chunk-45LHAMRQ.js";
import "./chunk-RSC3HFTQ.js";
import "./chunk-CXJQTCH4.js";
import "./chunk-2GVBCIT7.js";

// src/reporters/markdown/index.ts
var reporter = {
  id: "markdown",
  description: "Markdown summary: a table of gates with status, result and duration, then the top findings",
  defaultFile: "tollgate.md",
  render: (report) => renderMarkdownSummary(report, { maxFindings: 50 })
};
export {
  renderMarkdownSummary,
  reporter
};
