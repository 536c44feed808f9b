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
} from "./chunk-46YZHWZ3.js";
import {
  parse
} from "./chunk-MULG7BQL.js";
import {
  renderBaseline,
  run
} from "./chunk-UB3242UP.js";
import "./chunk-A2EGKKLT.js";
import "./chunk-2ZZJDVTN.js";
import {
  loadPolicy
} from "./chunk-JIUXMSQP.js";
import "./chunk-HUWCR7TS.js";
import "./chunk-WX2EQL3U.js";
import "./chunk-HK2RS3NN.js";
import "./chunk-VNBK2HR5.js";
import "./chunk-LEONRAGH.js";
import "./chunk-PNF2J3SG.js";
import "./chunk-B6R2WOMK.js";
import "./chunk-WWSJZQVY.js";
import "./chunk-O2QDVDTC.js";
import "./chunk-WX7YWCY6.js";
import "./chunk-QELEUUVM.js";
import "./chunk-MC6R5P2G.js";
import "./chunk-RSC3HFTQ.js";
import "./chunk-VBM2ULQV.js";
import "./chunk-YT3PBZAV.js";
import "./chunk-TGCGIDEH.js";
import "./chunk-NQDPYFAW.js";
import "./chunk-5XKQ73XO.js";

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
