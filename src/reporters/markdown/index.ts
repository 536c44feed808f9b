// Placeholder until the markdown reporter lands.
import type { Reporter } from "../../core/types.js";

export const reporter: Reporter = {
  id: "markdown",
  description: "markdown report (not built yet)",
  defaultFile: "tollgate.markdown",
  render: () => {
    throw new Error("the markdown reporter is not built yet");
  },
};
