#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  allRules
} from "./chunk-QWR5WVPM.js";
import {
  parse
} from "./chunk-MULG7BQL.js";
import {
  GATE_IDS
} from "./chunk-WUIFYC35.js";
import "./chunk-5D6CRESQ.js";
import "./chunk-TCHTITOI.js";
import "./chunk-CDS42KM3.js";
import "./chunk-CLCDPWWL.js";
import "./chunk-T4NY6OQT.js";
import "./chunk-26G4KK3K.js";
import "./chunk-JM7JKIB5.js";
import "./chunk-AIZLQAGR.js";
import "./chunk-RSC3HFTQ.js";
import "./chunk-2K3QYZUY.js";
import "./chunk-C5CGFLPB.js";
import {
  ConfigurationError
} from "./chunk-5XKQ73XO.js";
import "./chunk-2GVBCIT7.js";

// src/cli/commands/explain.ts
var HELP = `Usage: tollgate explain RULE

Shows what RULE (for example secrets/aws-access-key-id) checks, why it matters, how to fix it,
and how to waive it in the policy or inline.
`;
async function explainCommand(args, io) {
  const { values, positionals } = parse(args, {}, HELP, true);
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  const id = positionals[0];
  if (!id) throw new ConfigurationError("explain needs a rule id", void 0, "for example: tollgate explain secrets/aws-access-key-id (tollgate rules lists them)");
  const gate = id.split("/")[0] ?? "";
  const rules = await allRules(GATE_IDS.includes(gate) ? [gate] : GATE_IDS);
  const rule = rules.find((r) => r.id === id);
  if (!rule) {
    const near = rules.filter((r) => r.id.includes(id.split("/").pop() ?? id)).slice(0, 5).map((r) => r.id);
    throw new ConfigurationError(`no rule "${id}"`, void 0, near.length ? `did you mean: ${near.join(", ")}?` : "run `tollgate rules` to list the rules");
  }
  const today = /* @__PURE__ */ new Date();
  const expires = new Date(today.getTime() + 90 * 864e5).toISOString().slice(0, 10);
  io.stdout(
    [
      `${rule.id} \u2014 ${rule.title}`,
      `severity: ${rule.severity}${rule.tags?.length ? `   tags: ${rule.tags.join(", ")}` : ""}`,
      "",
      rule.description,
      "",
      `How to fix: ${rule.remediation ?? "see the description above."}`,
      ...rule.helpUri ? [`More: ${rule.helpUri}`] : [],
      "",
      "How to waive it (in .tollgate.yml; a waiver must expire):",
      "  waivers:",
      `    - rule: ${rule.id}`,
      '      paths: ["path/to/**"]',
      "      reason: why this is acceptable",
      `      expires: ${expires}`,
      "",
      "Or on the line (or the line above):",
      `  // tollgate-ignore ${rule.id}: why this is acceptable`,
      ""
    ].join("\n")
  );
  return 0;
}
export {
  explainCommand
};
