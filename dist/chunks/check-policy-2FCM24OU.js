#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  parse
} from "./chunk-MULG7BQL.js";
import {
  loadPolicy
} from "./chunk-6GNZPPRU.js";
import "./chunk-WUIFYC35.js";
import "./chunk-5D6CRESQ.js";
import "./chunk-TCHTITOI.js";
import "./chunk-CDS42KM3.js";
import "./chunk-CLCDPWWL.js";
import "./chunk-T4NY6OQT.js";
import "./chunk-26G4KK3K.js";
import "./chunk-JM7JKIB5.js";
import {
  require_dist
} from "./chunk-NB2XQJWY.js";
import "./chunk-AIZLQAGR.js";
import "./chunk-RSC3HFTQ.js";
import "./chunk-2K3QYZUY.js";
import "./chunk-C5CGFLPB.js";
import "./chunk-NQDPYFAW.js";
import "./chunk-5XKQ73XO.js";
import {
  __toESM
} from "./chunk-2GVBCIT7.js";

// src/cli/commands/check-policy.ts
var import_yaml = __toESM(require_dist(), 1);
import { resolve } from "node:path";
var HELP = `Usage: tollgate check-policy [--policy FILE] [-C DIR]

Validates the policy (following \`extends\`) and prints the effective policy with every default
filled in. Exit 0 when valid, 2 with file:line:column and the fix when not.
`;
async function checkPolicyCommand(args, io) {
  const { values } = parse(args, { policy: { type: "string" }, cwd: { type: "string", short: "C" } }, HELP);
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  const cwd = resolve(io.cwd, values.cwd ?? ".");
  const loaded = loadPolicy({ cwd, ...values.policy ? { policyPath: values.policy } : {} });
  io.stderr(`policy ${loaded.source} is valid
`);
  io.stdout((0, import_yaml.stringify)(loaded.policy, { lineWidth: 0 }));
  return 0;
}
export {
  checkPolicyCommand
};
