import { describe, expect, it } from "@jest/globals";
import { compareFindings, fingerprint, makeFinding } from "../../../src/core/finding.js";

describe("fingerprint", () => {
  it("does not depend on the line, only on rule, path and key", () => {
    const a = makeFinding({ ruleId: "secrets/x", gate: "secrets", severity: "high", message: "m", key: "k", location: { path: "a.ts", startLine: 1 } });
    const b = makeFinding({ ruleId: "secrets/x", gate: "secrets", severity: "high", message: "m", key: "k", location: { path: "a.ts", startLine: 40 } });
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(fingerprint("secrets/x", "a.ts", "other")).not.toBe(a.fingerprint);
  });

  it("normalizes Windows separators and ./ prefixes", () => {
    const f = makeFinding({ ruleId: "r", gate: "g", severity: "low", message: "m", key: "k", location: { path: ".\\src\\a.ts" } });
    expect(f.location?.path).toBe("./src/a.ts".replace("./", ""));
  });

  it("sorts by gate, path, line, then rule", () => {
    const mk = (gate: string, path: string, line: number, ruleId: string) =>
      makeFinding({ ruleId, gate, severity: "low", message: "m", key: "k", location: { path, startLine: line } });
    const list = [mk("b", "a", 1, "r"), mk("a", "b", 1, "r"), mk("a", "a", 2, "r"), mk("a", "a", 1, "z"), mk("a", "a", 1, "y")];
    expect(list.sort(compareFindings).map((f) => `${f.gate}${f.location?.path}${f.location?.startLine}${f.ruleId}`)).toEqual([
      "aa1y", "aa1z", "aa2r", "ab1r", "ba1r",
    ]);
  });
});
