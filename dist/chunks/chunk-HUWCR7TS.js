#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  schema as schema4
} from "./chunk-WX2EQL3U.js";
import {
  schema as schema9
} from "./chunk-HK2RS3NN.js";
import {
  schema as schema2
} from "./chunk-VNBK2HR5.js";
import {
  schema as schema5
} from "./chunk-B6R2WOMK.js";
import {
  schema as schema6
} from "./chunk-WWSJZQVY.js";
import {
  schema as schema7
} from "./chunk-O2QDVDTC.js";
import {
  schema as schema3
} from "./chunk-WX7YWCY6.js";
import {
  schema as schema8
} from "./chunk-MC6R5P2G.js";
import {
  schema
} from "./chunk-VBM2ULQV.js";

// src/gates/index.ts
var gateRegistry = {
  tests: { schema: schema8, load: async () => (await import("./tests-FSAONA2M.js")).gate },
  coverage: { schema, load: async () => (await import("./coverage-OVHDFP2R.js")).gate },
  lint: { schema: schema5, load: async () => (await import("./lint-YDMW7TXC.js")).gate },
  sast: { schema: schema6, load: async () => (await import("./sast-5ZYIISK2.js")).gate },
  secrets: { schema: schema7, load: async () => (await import("./secrets-FP63T2G7.js")).gate },
  dependencies: { schema: schema3, load: async () => (await import("./dependencies-NTPPLGQM.js")).gate },
  iac: { schema: schema4, load: async () => (await import("./iac-T2MBOX6I.js")).gate },
  tls: { schema: schema9, load: async () => (await import("./tls-WNDKYRXC.js")).gate },
  container: { schema: schema2, load: async () => (await import("./container-T34MDM63.js")).gate }
};
var GATE_IDS = Object.keys(gateRegistry);
function isGateId(id) {
  return Object.hasOwn(gateRegistry, id);
}

export {
  gateRegistry,
  GATE_IDS,
  isGateId
};
