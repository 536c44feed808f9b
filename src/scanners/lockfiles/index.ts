// Placeholder until the lockfile parsers lands.
import type { Scanner } from "../../core/types.js";

export const scanner: Scanner = {
  id: "lockfiles",
  description: "lockfile parsers (not built yet)",
  scan: async () => {
    throw new Error("the lockfiles scanner is not built yet");
  },
};
