import { describe, expect, it } from "@jest/globals";
import { reporter } from "../../../../src/reporters/markdown/index.js";
import { cell, prioritized, renderMarkdownSummary } from "../../../../src/reporters/markdown/summary.js";
import { passingReport, sampleReport } from "../../ci/sample-report.js";

describe("markdown reporter", () => {
  it("renders a table row per gate with status, result, findings and duration", () => {
    const md = reporter.render(sampleReport());
    expect(typeof md).toBe("string");
    const text = String(md);
    expect(text).toContain("## ❌ tollgate failed: secrets, dependencies, sast");
    expect(text).toContain("| coverage | ✅ passed | 84.2% lines covered (min 80%) | 0 | 120ms |");
    expect(text).toContain("| secrets | ❌ failed | 1 finding at or above low, 1 suppressed | 1 (1 critical), 1 suppressed | 310ms |");
    // skipped and errored gates show the reason a user can act on, not the bare status word
    expect(text).toContain("| tls | ⏭️ skipped | no endpoints or certificates configured; add gates.tls.endpoints |");
    expect(text).toContain("| sast | 💥 errored | semgrep was not found on PATH");
    expect(text).toContain("1 finding is suppressed (1 waiver).");
    expect(text).toContain("> ⚠️ waiver for secrets/generic-api-key expires in 10 days");
  });

  it("lists top findings most severe first, escaping pipes and HTML", () => {
    const text = renderMarkdownSummary(sampleReport());
    const rows = text.split("\n").filter((l) => /^\| (critical|high|medium|low|info)/.test(l));
    expect(rows.map((r) => r.split("|")[1]?.trim())).toEqual(["critical", "high", "medium", "low", "info"]);
    expect(text).toContain("runs privileged \\| remove");
    expect(text).toContain("&lt;script&gt;");
    expect(text).not.toContain("<script>");
    // the waived finding is not among the top findings
    expect(text).not.toContain("tests/fixtures/keys.txt");
  });

  it("puts findings inside the diff first and marks them", () => {
    const changed = new Map([["src/util.ts", new Set([5])]]);
    const order = prioritized(sampleReport(), changed).map((f) => f.ruleId);
    expect(order[0]).toBe("lint/no-unused-vars");
    const text = renderMarkdownSummary(sampleReport(), { changedLines: changed, maxFindings: 2 });
    expect(text).toContain("| info 🆕 | `lint/no-unused-vars`");
    expect(text).toContain("…and 3 more findings.");
  });

  it("links locations and says how many findings were not annotated", () => {
    const text = renderMarkdownSummary(sampleReport(), { linkBase: "https://github.com/acme/app/blob/abc/", notAnnotated: 4 });
    expect(text).toContain("[`src/config.ts:12`](https://github.com/acme/app/blob/abc/src/config.ts#L12)");
    expect(text).toContain("4 findings were not annotated inline");
  });

  it("is short for a clean run", () => {
    const text = String(reporter.render(passingReport()));
    expect(text).toContain("## ✅ tollgate passed");
    expect(text).not.toContain("Top findings");
  });

  it("escapes table cells", () => {
    expect(cell("a|b\nc<d>")).toBe("a\\|b c&lt;d&gt;");
  });
});
