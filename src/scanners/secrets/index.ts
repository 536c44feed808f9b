// Placeholder until the built-in secret engine lands.
import type { Scanner } from "../../core/types.js";

export const scanner: Scanner = {
  id: "secrets",
  description: "built-in secret engine (not built yet)",
  scan: async () => {
    throw new Error("the secrets scanner is not built yet");
  },
};
