// Placeholder until the SARIF, ESLint JSON and Checkstyle import lands.
import type { Scanner } from "../../core/types.js";

export const scanner: Scanner = {
  id: "sarif-import",
  description: "SARIF, ESLint JSON and Checkstyle import (not built yet)",
  scan: async () => {
    throw new Error("the sarif-import scanner is not built yet");
  },
};
