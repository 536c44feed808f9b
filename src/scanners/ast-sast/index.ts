// Placeholder until the built-in AST SAST rules lands.
import type { Scanner } from "../../core/types.js";

export const scanner: Scanner = {
  id: "ast-sast",
  description: "built-in AST SAST rules (not built yet)",
  scan: async () => {
    throw new Error("the ast-sast scanner is not built yet");
  },
};
