// Placeholder until the html reporter lands.
import type { Reporter } from "../../core/types.js";

export const reporter: Reporter = {
  id: "html",
  description: "html report (not built yet)",
  defaultFile: "tollgate.html",
  render: () => {
    throw new Error("the html reporter is not built yet");
  },
};
