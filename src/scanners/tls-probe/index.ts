// Placeholder until the TLS endpoint prober lands.
import type { Scanner } from "../../core/types.js";

export const scanner: Scanner = {
  id: "tls-probe",
  description: "TLS endpoint prober (not built yet)",
  scan: async () => {
    throw new Error("the tls-probe scanner is not built yet");
  },
};
