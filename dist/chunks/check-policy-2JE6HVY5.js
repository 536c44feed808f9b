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
} from "./chunk-JIUXMSQP.js";
import "./chunk-HUWCR7TS.js";
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
import "./chunk-NQDPYFAW.js";
import "./chunk-5XKQ73XO.js";

// src/cli/commands/check-policy.ts
import { resolve } from "node:path";
import { stringify } from "yaml";
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
  io.stdout(stringify(loaded.policy, { lineWidth: 0 }));
  return 0;
}
export {
  checkPolicyCommand
};
