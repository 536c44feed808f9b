#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);

// src/core/errors.ts
var ConfigurationError = class extends Error {
  constructor(message, location, fix) {
    super(message);
    this.location = location;
    this.fix = fix;
  }
  location;
  fix;
  name = "ConfigurationError";
  /** "file:line:col: message\n  fix: ..." */
  format() {
    const where = this.location ? `${this.location.file}${this.location.line ? `:${this.location.line}` : ""}${this.location.column ? `:${this.location.column}` : ""}: ` : "";
    return `${where}${this.message}${this.fix ? `
  fix: ${this.fix}` : ""}`;
  }
};
var GateInputError = class extends Error {
  name = "GateInputError";
};
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}

export {
  ConfigurationError,
  GateInputError,
  errorMessage
};
