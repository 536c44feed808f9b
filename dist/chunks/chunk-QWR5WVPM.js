#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  GATE_IDS,
  gateRegistry
} from "./chunk-WUIFYC35.js";

// src/core/catalogue.ts
var POLICY_RULES = [
  {
    id: "policy/waiver-expired",
    severity: "medium",
    title: "Waiver has expired",
    description: "A waiver in the policy is past its `expires` date. It no longer suppresses anything, so the findings it covered count again.",
    remediation: "Fix the findings the waiver covered, or renew the waiver with a new `expires` date and a reason that still holds."
  }
];
async function allRules(gates = GATE_IDS) {
  const lists = await Promise.all(
    gates.map(async (id) => {
      const entry = gateRegistry[id];
      return entry ? [...await (await entry.load()).rules()] : [];
    })
  );
  return [...lists.flat(), ...POLICY_RULES].sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export {
  allRules
};
