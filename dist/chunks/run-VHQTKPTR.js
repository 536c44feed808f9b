#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  RUN_HELP,
  runCommand,
  runFlags,
  runOptionsFrom
} from "./chunk-46YZHWZ3.js";
import "./chunk-MULG7BQL.js";
import "./chunk-UB3242UP.js";
import "./chunk-A2EGKKLT.js";
import "./chunk-2ZZJDVTN.js";
import "./chunk-JIUXMSQP.js";
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
export {
  RUN_HELP,
  runCommand,
  runFlags,
  runOptionsFrom
};
