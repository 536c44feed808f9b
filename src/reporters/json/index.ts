// Placeholder until the json reporter lands.
import type { Reporter } from "../../core/types.js";

export const reporter: Reporter = {
  id: "json",
  description: "json report (not built yet)",
  defaultFile: "tollgate.json",
  render: () => {
    throw new Error("the json reporter is not built yet");
  },
};
