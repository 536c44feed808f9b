// Placeholder until the OSV advisory matcher lands.
import type { Scanner } from "../../core/types.js";

export const scanner: Scanner = {
  id: "osv",
  description: "OSV advisory matcher (not built yet)",
  scan: async () => {
    throw new Error("the osv scanner is not built yet");
  },
};
