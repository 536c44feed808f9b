// `--markdown FILE`: the run summary (gates table, top findings) as a Markdown file.
import type { Reporter } from "../../core/types.js";
import { renderMarkdownSummary } from "./summary.js";

export const reporter: Reporter = {
  id: "markdown",
  description: "Markdown summary: a table of gates with status, result and duration, then the top findings",
  defaultFile: "tollgate.md",
  render: (report) => renderMarkdownSummary(report, { maxFindings: 50 }),
};

export { renderMarkdownSummary } from "./summary.js";
