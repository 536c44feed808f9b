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
  list,
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

// src/cli/commands/rules.ts
var HELP = `Usage: tollgate rules [--gate g1,g2] [--json]

Lists every rule tollgate can report: id, severity and title.
  --gate g1,g2   only these gates' rules
  --json         as JSON, with descriptions and remediation
`;
async function rulesCommand(args, io) {
  const { values } = parse(args, { gate: { type: "string" }, json: { type: "boolean" } }, HELP);
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  const gates = list(values.gate) ?? [...GATE_IDS];
  for (const g of gates) {
    if (!GATE_IDS.includes(g)) throw new ConfigurationError(`unknown gate "${g}"`, void 0, `use one of: ${GATE_IDS.join(", ")}`);
  }
  const rules = (await allRules(gates)).filter((r) => values.gate === void 0 || gates.some((g) => r.id.startsWith(`${g}/`)));
  if (values.json) {
    io.stdout(`${JSON.stringify(rules, null, 2)}
`);
    return 0;
  }
  const width = Math.max(...rules.map((r) => r.id.length), 10);
  for (const r of rules) io.stdout(`${r.id.padEnd(width)}  ${r.severity.padEnd(8)}  ${r.title}
`);
  io.stdout(`
${rules.length} rules
`);
  return 0;
}
export {
  rulesCommand
};
