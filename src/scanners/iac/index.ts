// Placeholder until the IaC rule engine lands.
import type { Scanner } from "../../core/types.js";

export const scanner: Scanner = {
  id: "iac",
  description: "IaC rule engine (not built yet)",
  scan: async () => {
    throw new Error("the iac scanner is not built yet");
  },
};
