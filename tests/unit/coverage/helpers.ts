// Re-exports for the coverage tests (one import line per test file).
export { lineCounter, readCoverageReport, type CoverageReport } from "../../../src/scanners/coverage/index.js";
export { ReportFileError as ReportFileErrorForTests } from "../../../src/scanners/junit/xml-stream.js";
