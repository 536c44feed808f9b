#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  runFlags,
  runOptionsFrom
} from "./chunk-R3D75BUE.js";
import {
  parse
} from "./chunk-MULG7BQL.js";
import {
  renderBaseline,
  run
} from "./chunk-HLK4GWQZ.js";
import "./chunk-A2EGKKLT.js";
import "./chunk-2ZZJDVTN.js";
import {
  loadPolicy
} from "./chunk-6GNZPPRU.js";
import "./chunk-WUIFYC35.js";
import "./chunk-5D6CRESQ.js";
import "./chunk-TCHTITOI.js";
import "./chunk-CDS42KM3.js";
import "./chunk-LEONRAGH.js";
import "./chunk-PNF2J3SG.js";
import "./chunk-CLCDPWWL.js";
import "./chunk-T4NY6OQT.js";
import "./chunk-26G4KK3K.js";
import "./chunk-JM7JKIB5.js";
import "./chunk-NB2XQJWY.js";
import "./chunk-QELEUUVM.js";
import "./chunk-AIZLQAGR.js";
import "./chunk-RSC3HFTQ.js";
import "./chunk-2K3QYZUY.js";
import "./chunk-VMIEK4YL.js";
import "./chunk-CY7KP3J2.js";
import "./chunk-TGCGIDEH.js";
import "./chunk-C5CGFLPB.js";
import "./chunk-NQDPYFAW.js";
import "./chunk-5XKQ73XO.js";
import "./chunk-2GVBCIT7.js";

// src/cli/commands/baseline.ts
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
var HELP = `Usage: tollgate baseline [run options]

Runs the gates as \`tollgate run\` does and writes every finding's fingerprint to the policy's
\`baseline\` file (default .tollgate/baseline.json). Later runs mark those findings "unchanged"
and they no longer fail a gate. Commit the file. Takes the same options as \`tollgate run\`.
`;
async function baselineCommand(args, io) {
  const { values } = parse(args, runFlags, HELP);
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  const options = await runOptionsFrom(values, io);
  const { policy } = loadPolicy({ cwd: options.cwd, ...options.policyPath ? { policyPath: options.policyPath } : {} });
  const report = await run(options);
  const file = join(options.cwd, policy.baseline);
  await mkdir(dirname(file), { recursive: true });
  const content = renderBaseline(report);
  await writeFile(file, content);
  const count = JSON.parse(content).findings.length;
  io.stdout(`recorded ${count} finding${count === 1 ? "" : "s"} in ${policy.baseline}
`);
  return 0;
}
export {
  baselineCommand
};
