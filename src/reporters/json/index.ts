// The run report as JSON: the complete data every other format is rendered from.
import type { Reporter } from "../../core/types.js";

export const reporter: Reporter = {
  id: "json",
  description: "the whole run report as JSON",
  defaultFile: "tollgate.json",
  render: (report) => `${JSON.stringify(report, null, 2)}\n`,
};
