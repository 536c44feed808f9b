// Placeholder until the junit reporter lands.
import type { Reporter } from "../../core/types.js";

export const reporter: Reporter = {
  id: "junit",
  description: "junit report (not built yet)",
  defaultFile: "tollgate.junit",
  render: () => {
    throw new Error("the junit reporter is not built yet");
  },
};
