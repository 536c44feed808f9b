#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  importReports,
  issueRuleId,
  issuesToFindings,
  scanner
} from "./chunk-UHEVFYNL.js";
import "./chunk-CXJQTCH4.js";
import {
  SourceLines,
  lineKeys,
  normalizeLineText
} from "./chunk-N2N7XB5A.js";
import {
  REPORT_FORMATS,
  levelSeverity,
  parseCheckstyle,
  parseEslintJson,
  parseParsable,
  parseReport,
  parseSarif,
  securitySeverity
} from "./chunk-T5PJZVCR.js";
import "./chunk-C5CGFLPB.js";
import "./chunk-NQDPYFAW.js";
import "./chunk-5XKQ73XO.js";
import "./chunk-2GVBCIT7.js";
export {
  REPORT_FORMATS,
  SourceLines,
  importReports,
  issueRuleId,
  issuesToFindings,
  levelSeverity,
  lineKeys,
  normalizeLineText,
  parseCheckstyle,
  parseEslintJson,
  parseParsable,
  parseReport,
  parseSarif,
  scanner,
  securitySeverity
};
