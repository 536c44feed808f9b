// Parses a generated 50 MB JUnit XML file (jest/Surefire-like: suites, failures with stack traces,
// system-out, properties) and prints the time and peak RSS. Target: <= 2 s, <= 400 MB.
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseJunitFile } from "../src/scanners/junit/parse.js";

const TARGET_BYTES = 50 * 1024 * 1024;

/** Deterministic: the same bytes on every run. */
function generate(): string {
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="bench" tests="0">\n'];
  let size = parts[0]?.length ?? 0;
  for (let s = 0; size < TARGET_BYTES; s++) {
    const lines = [
      `<testsuite name="com.example.suite${s}.ServiceTest" tests="20" failures="1" errors="0" skipped="1" time="1.5" timestamp="2026-01-05T10:00:00" hostname="ci">`,
      `<properties><property name="java.version" value="17.0.9"/><property name="suite.index" value="${s}"/></properties>`,
    ];
    for (let t = 0; t < 20; t++) {
      let body = "";
      if (t === 3) {
        body = `<failure message="expected: &lt;${s}&gt; but was: &lt;${s + 1}&gt;" type="org.opentest4j.AssertionFailedError"><![CDATA[org.opentest4j.AssertionFailedError: expected: <${s}> but was: <${s + 1}>\n\tat com.example.suite${s}.ServiceTest.case${t}(ServiceTest.java:${40 + t})\n\tat java.base/java.lang.reflect.Method.invoke(Method.java:568)\n]]></failure>`;
      } else if (t === 7) {
        body = '<skipped message="disabled"/>';
      }
      body += `<system-out><![CDATA[log line one for case ${t}\nlog line two with some padding to look like real output ${"x".repeat(40)}\n]]></system-out>`;
      lines.push(`<testcase name="case${t} handles input number ${t}" classname="com.example.suite${s}.ServiceTest" time="0.0${t}" file="src/test/java/com/example/suite${s}/ServiceTest.java">${body}</testcase>`);
    }
    lines.push("</testsuite>\n");
    const chunk = lines.join("\n");
    parts.push(chunk);
    size += chunk.length;
  }
  parts.push("</testsuites>\n");
  return parts.join("");
}

const dir = mkdtempSync(join(tmpdir(), "tollgate-bench-junit-"));
try {
  const file = join(dir, "big-junit.xml");
  writeFileSync(file, generate());
  const bytes = statSync(file).size;
  // Measure the parse only: generation above holds its own memory, so record RSS growth too.
  if (global.gc) global.gc();
  const rssBefore = process.memoryUsage().rss;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const report = await parseJunitFile(file);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  // CPU time beside wall time: on a shared, busy machine wall time says more about the neighbours.
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const peak = process.resourceUsage().maxRSS * 1024;
  const failed = report.cases.filter((c) => c.outcome === "failed").length;
  console.log(`junit-parse: ${(bytes / 1024 / 1024).toFixed(1)} MB, ${report.cases.length} test cases (${failed} failed) in ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU`);
  console.log(`junit-parse: peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB (process, generation included), RSS before parse ${(rssBefore / 1024 / 1024).toFixed(0)} MB`);
  console.log(`junit-parse: targets <= 2000 ms and <= 400 MB: ${ms <= 2000 && peak <= 400 * 1024 * 1024 ? "met" : "MISSED"}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
