// Placeholder until the ESLint through its Node API lands.
import type { Scanner } from "../../core/types.js";

export const scanner: Scanner = {
  id: "eslint",
  description: "ESLint through its Node API (not built yet)",
  scan: async () => {
    throw new Error("the eslint scanner is not built yet");
  },
};
