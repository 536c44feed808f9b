#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  schema as schema4
} from "./chunk-5D6CRESQ.js";
import {
  schema as schema9
} from "./chunk-TCHTITOI.js";
import {
  schema as schema2
} from "./chunk-CDS42KM3.js";
import {
  schema as schema5
} from "./chunk-CLCDPWWL.js";
import {
  schema as schema6
} from "./chunk-T4NY6OQT.js";
import {
  schema as schema7
} from "./chunk-26G4KK3K.js";
import {
  schema as schema3
} from "./chunk-JM7JKIB5.js";
import {
  schema as schema8
} from "./chunk-AIZLQAGR.js";
import {
  schema
} from "./chunk-2K3QYZUY.js";

// src/gates/index.ts
var gateRegistry = {
  tests: { schema: schema8, load: async () => (await import("./tests-2VQEAVUN.js")).gate },
  coverage: { schema, load: async () => (await import("./coverage-MIV3JIVR.js")).gate },
  lint: { schema: schema5, load: async () => (await import("./lint-QOIIBQJC.js")).gate },
  sast: { schema: schema6, load: async () => (await import("./sast-34X7E6NM.js")).gate },
  secrets: { schema: schema7, load: async () => (await import("./secrets-3MAZZEAJ.js")).gate },
  dependencies: { schema: schema3, load: async () => (await import("./dependencies-KHVA3RR5.js")).gate },
  iac: { schema: schema4, load: async () => (await import("./iac-GA2VR7EJ.js")).gate },
  tls: { schema: schema9, load: async () => (await import("./tls-DUDTX4UU.js")).gate },
  container: { schema: schema2, load: async () => (await import("./container-MBFDCW4O.js")).gate }
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
