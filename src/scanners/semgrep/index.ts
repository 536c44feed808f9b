// Placeholder until the semgrep adapter lands.
import type { Scanner } from "../../core/types.js";

export const scanner: Scanner = {
  id: "semgrep",
  description: "semgrep adapter (not built yet)",
  scan: async () => {
    throw new Error("the semgrep scanner is not built yet");
  },
};
