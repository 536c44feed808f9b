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
} from "./chunk-6GNZPPRU.js";
import "./chunk-WUIFYC35.js";
import "./chunk-5D6CRESQ.js";
import "./chunk-TCHTITOI.js";
import "./chunk-CDS42KM3.js";
import "./chunk-CLCDPWWL.js";
import "./chunk-T4NY6OQT.js";
import "./chunk-26G4KK3K.js";
import "./chunk-JM7JKIB5.js";
import "./chunk-NB2XQJWY.js";
import "./chunk-AIZLQAGR.js";
import "./chunk-RSC3HFTQ.js";
import "./chunk-2K3QYZUY.js";
import "./chunk-C5CGFLPB.js";
import "./chunk-NQDPYFAW.js";
import "./chunk-5XKQ73XO.js";
import "./chunk-2GVBCIT7.js";
export {
  BUILT_IN_POLICIES,
  builtInPolicyDir,
  findPolicyFile,
  loadPolicy,
  mergePolicy
};
