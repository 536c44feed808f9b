import { describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { z } from "zod";
import { runCommand } from "../../../src/core/exec.js";
import { makeFinding } from "../../../src/core/finding.js";
import { runGates, type PlannedGate } from "../../../src/core/runner.js";
import { evaluateBySeverity } from "../../../src/core/severity.js";
import type { Gate, GateScan } from "../../../src/core/types.js";
import { tempDir } from "../../helpers/tmp.js";

const common = { mode: "enforce" as const, "fail-on": "high" as const, include: [], exclude: [] };

function gate(id: string, scan: Gate["scan"]): Gate {
  return { id, title: id, description: id, schema: z.object({}), rules: () => [], scan, evaluate: evaluateBySeverity };
}

async function runWith(gates: Record<string, Gate>, planned: PlannedGate[], concurrency = 4) {
  const events: string[] = [];
  const outcomes = await runGates({
    gates: planned,
    concurrency,
    load: async (id) => gates[id] as Gate<never>,
    context: () => ({ root: tempDir(), env: {}, policyDir: ".", now: new Date(), cacheDir: tempDir() }),
    postProcess: async () => {},
    onStart: (id) => events.push(`start ${id}`),
    onEnd: (o) => events.push(`end ${o.gate}`),
  });
  return { outcomes, events };
}

const plan = (id: string, extra: Partial<PlannedGate> = {}): PlannedGate => ({ id, options: { ...common }, timeoutMs: 5000, ...extra });

describe("runGates", () => {
  it("runs gates in parallel up to the concurrency limit", async () => {
    let running = 0;
    let peak = 0;
    const slow = gate("slow", async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 50));
      running--;
      return { findings: [], metrics: {} };
    });
    const gates = { a: slow, b: slow, c: slow, d: slow, e: slow };
    const started = Date.now();
    const { outcomes } = await runWith(gates, ["a", "b", "c", "d", "e"].map((id) => plan(id)), 2);
    expect(peak).toBe(2);
    expect(outcomes.map((o) => `${o.gate}:${o.status}`)).toEqual(["a:passed", "b:passed", "c:passed", "d:passed", "e:passed"]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("turns a gate that throws into errored with its message while the others finish", async () => {
    const gates = {
      boom: gate("boom", async () => {
        throw new Error("report.xml: unexpected end of file");
      }),
      fine: gate("fine", async (): Promise<GateScan> => ({
        findings: [makeFinding({ ruleId: "fine/x", gate: "fine", severity: "critical", message: "m", key: "k" })],
        metrics: {},
      })),
    };
    const { outcomes } = await runWith(gates, [plan("boom"), plan("fine")]);
    expect(outcomes[0]).toMatchObject({ status: "errored", reason: "report.xml: unexpected end of file" });
    expect(outcomes[1]).toMatchObject({ status: "failed", summary: "1 finding at or above high" });
    expect(outcomes[1]?.rules).toEqual([{ id: "fine/x", severity: "critical", title: "fine/x", description: "m" }]);
  });

  it("stops a gate at its timeout and kills its child process group", async () => {
    const dir = tempDir();
    const marker = `sleep 30.${process.pid % 1000}${Date.now() % 1000}`;
    const gates = {
      hang: gate("hang", async (ctx) => {
        // A shell that starts a grandchild: both must die with the group.
        await runCommand({ command: `${marker} & ${marker}`, shell: true, cwd: dir, signal: ctx.signal });
        return { findings: [], metrics: {} };
      }),
      quick: gate("quick", async () => ({ findings: [], metrics: {} })),
    };
    const t0 = Date.now();
    const running = runWith(gates, [plan("hang", { timeoutMs: 400 }), plan("quick")]);
    await new Promise((r) => setTimeout(r, 250));
    expect(execFileSync("ps", ["-eo", "args"], { encoding: "utf8" }).split(marker).length - 1).toBeGreaterThanOrEqual(2);
    const { outcomes } = await running;
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(outcomes[0]).toMatchObject({ status: "errored", summary: "timed out after 400ms" });
    expect(outcomes[1]?.status).toBe("passed");
    await new Promise((r) => setTimeout(r, 200));
    const ps = execFileSync("ps", ["-eo", "args"], { encoding: "utf8" });
    expect(ps).not.toContain(marker);
  });

  it("reports a planned skip and a scan's own skip with their reasons", async () => {
    const gates = { a: gate("a", async () => ({ findings: [], metrics: {}, skipped: "no coverage report found" })), b: gate("b", async () => ({ findings: [], metrics: {} })) };
    const { outcomes, events } = await runWith(gates, [plan("a"), plan("b", { skip: "skipped by --skip" })]);
    expect(outcomes.map((o) => [o.status, o.reason])).toEqual([
      ["skipped", "no coverage report found"],
      ["skipped", "skipped by --skip"],
    ]);
    expect(events).not.toContain("start b");
  });

  it("downgrades failed to warned in mode: warn", async () => {
    const gates = { a: gate("a", async () => ({ findings: [makeFinding({ ruleId: "a/x", gate: "a", severity: "high", message: "m", key: "k" })], metrics: {} })) };
    const { outcomes } = await runWith(gates, [plan("a", { options: { ...common, mode: "warn" } })]);
    expect(outcomes[0]?.status).toBe("warned");
  });
});
