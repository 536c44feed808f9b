// Validates our reports against the official schemas in shared/schemas (beside the repository).
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Ajv04Module from "ajv-draft-04";
import { tempDir } from "./tmp.js";

export const SHARED_SCHEMAS = join(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..", "..", "..", "shared", "schemas");

// A CommonJS module under NodeNext: the class is the default export's `default`.
const Ajv04 = Ajv04Module.default;

let sarifValidator: ReturnType<InstanceType<typeof Ajv04>["compile"]> | undefined;

/** Errors from the SARIF 2.1.0 schema (JSON Schema draft-04), empty when valid. */
export function sarifErrors(log: unknown): string[] {
  if (!sarifValidator) {
    const ajv = new Ajv04({ allErrors: true, strict: false });
    sarifValidator = ajv.compile(JSON.parse(readFileSync(join(SHARED_SCHEMAS, "sarif-schema-2.1.0.json"), "utf8")));
  }
  return sarifValidator(log) ? [] : (sarifValidator.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** xmllint's verdict against the Ant JUnit schema: "" when valid, else its messages. */
export function junitErrors(xml: string): string {
  const file = join(tempDir(), "junit.xml");
  writeFileSync(file, xml);
  try {
    execFileSync("xmllint", ["--noout", "--schema", join(SHARED_SCHEMAS, "junit.xsd"), file], { stdio: "pipe" });
    return "";
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}
