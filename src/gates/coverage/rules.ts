// The coverage gate's rule catalogue: data read by `tollgate rules` and `tollgate explain`.
import type { RuleMeta } from "../../core/types.js";

export const RULES: readonly RuleMeta[] = [
  {
    id: "coverage/lines-below-threshold",
    severity: "high",
    title: "Line coverage below the minimum",
    description: "The share of coverable lines that tests run is below coverage.min.lines (or a paths[].min.lines for the files matching a glob).",
    remediation: "Add tests for the files with the most uncovered lines (listed in the finding), or lower the minimum on purpose.",
  },
  {
    id: "coverage/branches-below-threshold",
    severity: "high",
    title: "Branch coverage below the minimum",
    description: "The share of branches (both sides of each if, switch case, ?:, &&) that tests take is below the minimum.",
    remediation: "Add tests for the untaken branches, especially error paths.",
  },
  {
    id: "coverage/functions-below-threshold",
    severity: "high",
    title: "Function coverage below the minimum",
    description: "The share of functions that tests call at least once is below the minimum.",
    remediation: "Add tests that call the uncovered functions, or remove dead code.",
  },
  {
    id: "coverage/changed-lines-below-threshold",
    severity: "high",
    title: "Changed lines not covered enough",
    description:
      "Of the coverable lines this change adds or edits (git diff against the base commit), too few are run by tests. With fewer than changed-lines.min-changed such lines it only warns.",
    remediation: "Add tests for the new or edited code; the coverage/changed-lines-uncovered findings list the lines.",
  },
  {
    id: "coverage/changed-lines-uncovered",
    severity: "low",
    title: "Changed lines without coverage",
    description: "Lines this change adds or edits in the file that no test runs; the finding points at the first one and lists all. Informational when the changed-lines minimum is met.",
    remediation: "Add a test that runs these lines.",
  },
  {
    id: "coverage/parse-error",
    severity: "high",
    title: "Coverage report cannot be read",
    description: "A coverage report is empty, truncated, malformed, not UTF-8, in no supported format, or hostile XML. It is skipped and reported; the other reports are still read.",
    remediation: "Make the coverage tool write a complete report in a supported format (lcov, Cobertura, JaCoCo, Clover, Istanbul JSON, Go cover profile).",
  },
  {
    id: "coverage/report-missing",
    severity: "high",
    title: "Coverage report missing",
    description: "The policy names coverage reports but no file matches, so coverage cannot be judged.",
    remediation: "Fix the path in coverage.reports, or run the tests with coverage before tollgate.",
  },
];
