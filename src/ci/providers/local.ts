// Outside any CI system: a developer's machine or the pre-push hook. git itself supplies commit and base.
import type { CiProvider } from "../types.js";

export const local: CiProvider = {
  id: "local",
  detect: () => true,
  context: () => ({ provider: "local" }),
};
