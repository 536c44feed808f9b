// The tests gate's rule catalogue: data read by `tollgate rules` and `tollgate explain`.
import type { RuleMeta } from "../../core/types.js";

export const RULES: readonly RuleMeta[] = [
  {
    id: "tests/test-failed",
    severity: "high",
    title: "Test failed",
    description: "A test's assertion failed in the JUnit report. The gate fails when failed plus errored tests exceed max-failures.",
    remediation: "Fix the code or the test; run the test locally with the command from the report's classname and name.",
  },
  {
    id: "tests/test-errored",
    severity: "high",
    title: "Test errored",
    description: "A test stopped with an unexpected error (the report's <error>, not an assertion <failure>): a crash, a timeout, a broken fixture.",
    remediation: "Read the error and stack trace in the report; fix the setup or the code that threw.",
  },
  {
    id: "tests/flaky-test",
    severity: "low",
    title: "Flaky test",
    description: "A test failed and then passed when re-run (Surefire flakyFailure, pytest-rerunfailures, runner retries). It warns and does not fail the gate.",
    remediation: "Make the test deterministic (time, order, network, shared state) or quarantine it; retries hide real failures.",
  },
  {
    id: "tests/parse-error",
    severity: "high",
    title: "Test report cannot be read",
    description: "A JUnit XML report is empty, truncated, not well-formed, not UTF-8, or hostile (declares XML entities). The file is skipped and reported; other reports are still read.",
    remediation: "Make the test runner write a complete UTF-8 JUnit XML report; check that the run was not cut short.",
  },
  {
    id: "tests/report-missing",
    severity: "high",
    title: "Test report missing",
    description: "The policy names JUnit reports (or a command) but no report file was found, so the tests cannot be judged.",
    remediation: "Fix the path in tests.reports, or configure the test runner to write JUnit XML there (jest-junit, vitest --reporter=junit, pytest --junitxml, go-junit-report, Surefire).",
  },
  {
    id: "tests/command-failed",
    severity: "high",
    title: "Test command failed",
    description: "The tests.command could not run, timed out, or failed without writing a report.",
    remediation: "Run the command locally; make sure it writes its JUnit report even when tests fail.",
  },
];

export function ruleMeta(id: string): RuleMeta | undefined {
  return RULES.find((r) => r.id === id);
}
