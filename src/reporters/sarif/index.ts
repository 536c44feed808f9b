// Placeholder until the sarif reporter lands.
import type { Reporter } from "../../core/types.js";

export const reporter: Reporter = {
  id: "sarif",
  description: "sarif report (not built yet)",
  defaultFile: "tollgate.sarif",
  render: () => {
    throw new Error("the sarif reporter is not built yet");
  },
};
