// Placeholder until the gitlab reporter lands.
import type { Reporter } from "../../core/types.js";

export const reporter: Reporter = {
  id: "gitlab",
  description: "gitlab report (not built yet)",
  defaultFile: "tollgate.gitlab",
  render: () => {
    throw new Error("the gitlab reporter is not built yet");
  },
};
