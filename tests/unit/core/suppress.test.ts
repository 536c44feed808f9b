import { describe, expect, it } from "@jest/globals";
import { makeFinding } from "../../../src/core/finding.js";
import { applyBaseline, applyInline, applyWaivers, checkWaivers, ruleMatcher } from "../../../src/core/suppress.js";
import type { Finding } from "../../../src/core/types.js";
import { tempDir, writeTree } from "../../helpers/tmp.js";

const finding = (ruleId: string, path: string, line?: number): Finding =>
  makeFinding({ ruleId, gate: ruleId.split("/")[0] ?? "x", severity: "high", message: "m", key: `${path}:${line}`, location: { path, ...(line ? { startLine: line } : {}) } });

describe("inline tollgate-ignore", () => {
  it("suppresses on the same line or the line above, for the named rule only, with the reason", async () => {
    const root = tempDir();
    writeTree(root, {
      "a.ts": [
        "// tollgate-ignore secrets/aws-access-key-id: documentation example",
        'const key = "AKIA...";',
        'const other = "x"; // tollgate-ignore secrets/*: test data',
        "",
        "// tollgate-ignore secrets/aws-access-key-id: too far away",
        "",
        'const far = "AKIA...";',
        "# tollgate-ignore secrets/aws-access-key-id",
        "key = 1",
      ].join("\n"),
    });
    const list = [finding("secrets/aws-access-key-id", "a.ts", 2), finding("lint/x", "a.ts", 2), finding("secrets/github-pat", "a.ts", 3), finding("secrets/aws-access-key-id", "a.ts", 7), finding("secrets/aws-access-key-id", "a.ts", 9)];
    await applyInline(root, list);
    expect(list.map((f) => f.suppression?.reason ?? null)).toEqual(["documentation example", null, "test data", null, null]);
    expect(list[0]?.suppression?.kind).toBe("inline");
  });

  it("reads block comment endings and ignores missing files", async () => {
    const root = tempDir();
    writeTree(root, { "a.css": "a { color: red } /* tollgate-ignore lint/css: legacy */\n" });
    const list = [finding("lint/css", "a.css", 1), finding("lint/css", "missing.css", 1)];
    await applyInline(root, list);
    expect(list[0]?.suppression?.reason).toBe("legacy");
    expect(list[1]?.suppression).toBeUndefined();
  });
});

describe("waivers", () => {
  const now = new Date("2026-11-25T12:00:00Z");

  it("matches rule globs across slashes and path globs", () => {
    expect(ruleMatcher("lint/*")("lint/eslint/no-eval")).toBe(true);
    expect(ruleMatcher("secrets/aws-*")("secrets/github-pat")).toBe(false);
    const list = [finding("secrets/a", "tests/fixtures/k.json", 1), finding("secrets/a", "src/k.ts", 1)];
    applyWaivers(list, [{ rule: "secrets/*", paths: ["tests/fixtures/**"], reason: "fake keys", expires: "2027-01-31" }], now);
    expect(list[0]?.suppression).toEqual({ kind: "waiver", reason: "fake keys", expires: "2027-01-31" });
    expect(list[1]?.suppression).toBeUndefined();
  });

  it("stops waiving on the day after expiry, and reports the expired waiver where it is written", () => {
    const waivers = [
      { rule: "secrets/*", reason: "old", expires: "2026-11-24" },
      { rule: "iac/*", reason: "today", expires: "2026-11-25" },
      { rule: "tls/*", reason: "soon", expires: "2026-12-05" },
      { rule: "lint/*", reason: "later", expires: "2027-06-01" },
    ];
    const list = [finding("secrets/a", "x", 1), finding("iac/b", "y", 1)];
    applyWaivers(list, waivers, now);
    expect(list[0]?.suppression).toBeUndefined();
    expect(list[1]?.suppression?.reason).toBe("today");
    const check = checkWaivers(waivers, waivers.map((_, i) => ({ path: ".tollgate.yml", line: 10 + i * 3 })), now);
    expect(check.expired).toHaveLength(1);
    expect(check.expired[0]).toMatchObject({ ruleId: "policy/waiver-expired", gate: "secrets", location: { path: ".tollgate.yml", startLine: 10 } });
    expect(check.warnings).toEqual([
      "waiver for iac/* expires on 2026-11-25 (.tollgate.yml:13): renew it or fix the findings",
      "waiver for tls/* expires on 2026-12-05 (.tollgate.yml:16): renew it or fix the findings",
    ]);
  });
});

describe("baseline", () => {
  it("marks findings whose fingerprint is recorded, leaving others and earlier suppressions alone", () => {
    const a = finding("secrets/a", "x", 1);
    const b = finding("secrets/a", "y", 1);
    const c = finding("secrets/a", "z", 1);
    c.suppression = { kind: "inline", reason: "r" };
    applyBaseline([a, b, c], { version: 1, findings: [{ fingerprint: a.fingerprint, ruleId: a.ruleId }, { fingerprint: c.fingerprint, ruleId: c.ruleId }] }, ".tollgate/baseline.json");
    expect(a.suppression?.kind).toBe("baseline");
    expect(b.suppression).toBeUndefined();
    expect(c.suppression?.kind).toBe("inline");
  });
});
