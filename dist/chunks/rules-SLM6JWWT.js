#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  allRules
} from "./chunk-2DZB72KZ.js";
import {
  list,
  parse
} from "./chunk-MULG7BQL.js";
import {
  GATE_IDS
} from "./chunk-HUWCR7TS.js";
import "./chunk-WX2EQL3U.js";
import "./chunk-HK2RS3NN.js";
import "./chunk-VNBK2HR5.js";
import "./chunk-B6R2WOMK.js";
import "./chunk-WWSJZQVY.js";
import "./chunk-O2QDVDTC.js";
import "./chunk-WX7YWCY6.js";
import "./chunk-MC6R5P2G.js";
import "./chunk-RSC3HFTQ.js";
import "./chunk-VBM2ULQV.js";
import {
  ConfigurationError
} from "./chunk-5XKQ73XO.js";

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
