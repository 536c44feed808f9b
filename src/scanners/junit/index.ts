// Placeholder until the JUnit XML reader lands.
import type { Scanner } from "../../core/types.js";

export const scanner: Scanner = {
  id: "junit",
  description: "JUnit XML reader (not built yet)",
  scan: async () => {
    throw new Error("the junit scanner is not built yet");
  },
};
