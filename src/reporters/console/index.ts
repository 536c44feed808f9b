// Placeholder until the console reporter lands.
import type { Reporter } from "../../core/types.js";

export const reporter: Reporter = {
  id: "console",
  description: "console report (not built yet)",
  defaultFile: "tollgate.console",
  render: () => {
    throw new Error("the console reporter is not built yet");
  },
};
