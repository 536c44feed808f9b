#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  ConfigurationError,
  GateInputError,
  errorMessage
} from "./chunk-5XKQ73XO.js";
import "./chunk-2GVBCIT7.js";
export {
  ConfigurationError,
  GateInputError,
  errorMessage
};
