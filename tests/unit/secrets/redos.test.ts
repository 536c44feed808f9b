// No rule pattern may take super-linear time. recheck's automaton checker decides each pattern;
// when it cannot (very large bounded repeats), the pattern with every bounded repeat widened to
// * or + is checked instead: if the unbounded form is safe, the bounded one is too.
import { describe, expect, it } from "@jest/globals";
import { check } from "recheck";
import { RULES } from "../../../src/scanners/secrets/index.js";

const widen = (source: string): string => source.replace(/\{(\d+)(?:,(\d*))?\}/g, (_m, min: string) => (min === "0" ? "*" : "+"));

async function verdict(source: string, flags: string): Promise<{ status: string; how: string; detail: string }> {
  const params = { checker: "automaton" as const, timeout: 10_000 };
  const exact = await check(source, flags, params);
  if (exact.status === "safe") return { status: "safe", how: "exact", detail: "" };
  if (exact.status === "vulnerable") return { status: "vulnerable", how: "exact", detail: exact.complexity.summary };
  const widened = await check(widen(source), flags, params);
  const detail = widened.status === "vulnerable" ? widened.complexity.summary : widened.status === "unknown" ? widened.error.kind : "";
  return { status: widened.status, how: "widened", detail };
}

describe("ReDoS safety of every secret pattern", () => {
  it("the checker itself tells a vulnerable pattern from a safe one", async () => {
    expect((await verdict("^(a+)+$", "")).status).toBe("vulnerable");
    expect((await verdict("^[ \\t]*[a-z ]+=$", "")).status).toBe("vulnerable");
    expect((await verdict("\\bghp_[A-Za-z0-9]{36}\\b", "")).status).toBe("safe");
  }, 60_000);

  it("every rule pattern and every pattern its checks use is linear", async () => {
    const patterns = new Map<string, { re: RegExp; rules: string[] }>();
    for (const rule of RULES) {
      for (const re of [rule.pattern, ...(rule.auxPatterns ?? [])]) {
        const key = `/${re.source}/${re.flags}`;
        const entry = patterns.get(key) ?? { re, rules: [] };
        entry.rules.push(rule.id);
        patterns.set(key, entry);
      }
    }
    expect(patterns.size).toBeGreaterThan(RULES.length);
    const failures: string[] = [];
    // Sequentially: recheck's native agent answers one request at a time.
    for (const [key, { re, rules }] of patterns) {
      const v = await verdict(re.source, re.flags.replace(/[gdy]/g, ""));
      if (v.status !== "safe") failures.push(`${rules.join(",")} ${key}: ${v.status} (${v.how}) ${v.detail}`);
    }
    expect(failures).toEqual([]);
  }, 180_000);
});
