// Placeholder until the container registry inspector lands.
import type { Scanner } from "../../core/types.js";

export const scanner: Scanner = {
  id: "registry",
  description: "container registry inspector (not built yet)",
  scan: async () => {
    throw new Error("the registry scanner is not built yet");
  },
};
