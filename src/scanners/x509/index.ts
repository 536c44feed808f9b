// Placeholder until the X.509 certificate inspector lands.
import type { Scanner } from "../../core/types.js";

export const scanner: Scanner = {
  id: "x509",
  description: "X.509 certificate inspector (not built yet)",
  scan: async () => {
    throw new Error("the x509 scanner is not built yet");
  },
};
