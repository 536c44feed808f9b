import { describe, expect, it } from "@jest/globals";
import { escapeHtml, isPercentMetric, reporter } from "../../../../src/reporters/html/index.js";
import { sampleReport } from "../../ci/sample-report.js";

describe("html reporter", () => {
  const html = String(reporter.render(sampleReport()));

  it("is one self-contained file: no external scripts, styles, fonts or images", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html).not.toMatch(/url\(\s*['"]?https?:/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).toContain("default-src 'none'");
  });

  it("has a card per gate and bars for coverage percentages", () => {
    const cards = [...html.matchAll(/<article class="card status-(\w+)" data-gate="([^"]+)"/g)].map((m) => `${m[2]}:${m[1]}`);
    expect(cards).toEqual(["coverage:passed", "secrets:failed", "dependencies:failed", "iac:warned", "container:warned", "lint:warned", "tls:skipped", "sast:errored"]);
    expect(html).toContain('data-metric="lines_pct"><span class="bar-label">lines</span>');
    expect(html).toContain('style="width:84.2%"');
    expect(html).not.toContain('data-metric="files"');
    expect(html).not.toContain('data-metric="lines_total"');
  });

  it("escapes finding text", () => {
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html.match(/<script>/g)?.length).toBe(1);
  });

  it("decides which metrics are percentages", () => {
    expect(isPercentMetric("coverage", "branches", 70)).toBe(true);
    expect(isPercentMetric("coverage", "files", 12)).toBe(false);
    expect(isPercentMetric("tests", "passPct", 99)).toBe(true);
    expect(isPercentMetric("coverage", "lines", 140)).toBe(false);
    expect(escapeHtml(`"'<&>`)).toBe("&quot;&#39;&lt;&amp;&gt;");
  });
});
