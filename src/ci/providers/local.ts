// Outside any CI system: a developer's machine or the pre-push hook.
import type { CiProvider } from "../types.js";

export const local: CiProvider = {
  id: "local",
  detect: () => true,
  context: () => ({ provider: "local" }),
};
