// The masker sees every log line a gate's child process prints, so it must never crash, never
// take super-linear time, and be safe to apply twice.
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { check } from "recheck";
import { parsePrePushInput } from "../../../src/ci/hook/pre-push.js";
import { PATTERNS, PRIVATE_KEY, maskSecrets } from "../../../src/ci/mask.js";

describe("maskSecrets", () => {
  it("has no pattern with super-linear backtracking (recheck)", async () => {
    // recheck cannot decide some large bounded repeats; then, as in the secrets gate's ReDoS test,
    // the pattern with every bounded repeat widened to * or + is checked. Two patterns are linear
    // only because of their bounds (JWT segments, URL scheme and user): those are exempt here and
    // timed on hostile input below instead.
    const boundedByDesign = (source: string) => source.includes("eyJ") || source.includes(":\\/\\/");
    const widen = (source: string) => source.replace(/\{(\d+)(?:,(\d*))?\}/g, (_m, min: string) => (min === "0" ? "*" : "+"));
    const failures: string[] = [];
    const params = { checker: "automaton" as const, timeout: 20_000 };
    for (const re of [...PATTERNS, PRIVATE_KEY]) {
      if (boundedByDesign(re.source)) continue;
      // Widened first: it has no large bounds, so recheck decides it quickly; safe widened is safe bounded.
      if ((await check(widen(re.source), re.flags, params)).status === "safe") continue;
      const exact = await check(re.source, re.flags, { ...params, timeout: 5_000 });
      if (exact.status !== "safe") failures.push(`/${re.source}/: ${exact.status}`);
    }
    expect(failures).toEqual([]);
    expect([...PATTERNS].filter((re) => boundedByDesign(re.source))).toHaveLength(2);
  }, 120_000);

  it("never throws, never grows a line much, and masking twice changes nothing more", () => {
    const secretish = fc.constantFrom("ghp_", "AKIA", "token=", "password: ", "https://u:", "@h/", "eyJ", ".", "-----BEGIN RSA PRIVATE KEY-----", "…");
    const text = fc.array(fc.oneof(fc.string(), secretish, fc.stringMatching(/^[A-Za-z0-9_-]{8,48}$/)), { maxLength: 12 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, (t) => {
        const once = maskSecrets(t);
        expect(maskSecrets(once)).toBe(once);
        expect(once.length).toBeLessThanOrEqual(t.length * 2 + 64);
      }),
      { numRuns: 500 },
    );
  });

  it("runs in linear time on long hostile lines", () => {
    const hostile = [
      `${"a".repeat(200_000)} password=${"a".repeat(200_000)}`,
      "ghp_".repeat(50_000),
      "eyJ-".repeat(50_000),
      `${"eyJaaaaaaaaa.".repeat(200)}eyJ${"-".repeat(200_000)}`,
      "x:".repeat(100_000),
      `a://b:${"c:".repeat(100_000)}`,
      "ab-".repeat(70_000),
      "http://u:".repeat(20_000),
      "-----BEGIN RSA PRIVATE KEY-----".repeat(5000),
    ];
    // Linear masking takes tens of milliseconds here; the quadratic patterns this guards against
    // took minutes on the same lines. The bound leaves room for a loaded CI machine.
    const slow: string[] = [];
    for (const line of hostile) {
      const t0 = performance.now();
      maskSecrets(line);
      const ms = performance.now() - t0;
      if (ms > 5000) slow.push(`${line.slice(0, 24)}…: ${Math.round(ms)} ms`);
    }
    expect(slow).toEqual([]);
  });
});

describe("parsePrePushInput", () => {
  it("gives a list for any input, never a crash", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (s) => {
        const updates = parsePrePushInput(s);
        for (const u of updates) expect(u.localSha).toMatch(/^[0-9a-f]{40}([0-9a-f]{24})?$/i);
      }),
      { numRuns: 300 },
    );
  });
});
