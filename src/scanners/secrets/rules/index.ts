// The rule catalogue, in priority order: when two specific rules match the very same text the
// earlier one is reported, so provider rules come before the structural ones (JWT, URLs) and the
// generic rules come last.
import type { SecretRule } from "../types.js";
import { aiDataRules } from "./ai-data.js";
import { cloudRules } from "./cloud.js";
import { codeHostingRules } from "./code-hosting.js";
import { genericRules } from "./generic.js";
import { keyRules } from "./keys.js";
import { messagingRules } from "./messaging.js";
import { moreSaasRules } from "./more-saas.js";
import { packageRules } from "./packages.js";
import { paymentRules } from "./payments.js";
import { saasRules } from "./saas.js";

export const RULES: readonly SecretRule[] = [
  ...cloudRules,
  ...codeHostingRules,
  ...packageRules,
  ...messagingRules,
  ...paymentRules,
  ...saasRules,
  ...moreSaasRules,
  ...aiDataRules,
  ...keyRules,
  ...genericRules,
];
