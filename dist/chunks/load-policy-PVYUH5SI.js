#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  BUILT_IN_POLICIES,
  builtInPolicyDir,
  findPolicyFile,
  loadPolicy,
  mergePolicy
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
export {
  BUILT_IN_POLICIES,
  builtInPolicyDir,
  findPolicyFile,
  loadPolicy,
  mergePolicy
};
