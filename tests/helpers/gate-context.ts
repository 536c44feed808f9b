// Builds the context a gate gets from the runner, for tests that call a gate directly.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { z } from "zod";
import { commonGateOptions } from "../../src/policy/common-options.js";
import type { CommonGateOptions, Gate, GateContext, Logger } from "../../src/core/types.js";

export interface TestLogger extends Logger {
  lines: string[];
}

export function testLogger(): TestLogger {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info: ${m}`),
    warn: (m) => lines.push(`warn: ${m}`),
    output: (m) => lines.push(m),
  };
}

export interface GateContextInput {
  root: string;
  /** Raw options as a policy would give them; parsed with the gate's schema plus the common options. */
  options?: Record<string, unknown>;
  env?: Record<string, string | undefined>;
  changedFiles?: string[];
  base?: string;
  now?: Date;
  signal?: AbortSignal;
}

export function parseGateOptions<O>(gate: Gate<O>, raw: Record<string, unknown> = {}): O & CommonGateOptions {
  const schema = commonGateOptions.extend(gate.schema.shape) as z.ZodObject;
  return schema.parse(raw) as O & CommonGateOptions;
}

export function gateContext<O>(gate: Gate<O>, input: GateContextInput): GateContext<O> & { log: TestLogger } {
  const ctx: GateContext<O> & { log: TestLogger } = {
    root: input.root,
    options: parseGateOptions(gate, input.options),
    signal: input.signal ?? new AbortController().signal,
    log: testLogger(),
    env: input.env ?? { PATH: process.env.PATH, HOME: process.env.HOME },
    policyDir: input.root,
    now: input.now ?? new Date(),
    cacheDir: mkdtempSync(join(tmpdir(), "tollgate-cache-")),
  };
  if (input.changedFiles) ctx.changedFiles = input.changedFiles;
  if (input.base) ctx.base = input.base;
  return ctx;
}

/** scan + evaluate, as the runner does minus suppressions. */
export async function runGateDirect<O>(gate: Gate<O>, input: GateContextInput) {
  const ctx = gateContext(gate, input);
  const scan = await gate.scan(ctx);
  const verdict = scan.skipped ? undefined : gate.evaluate(scan, ctx.options);
  return { scan, verdict, log: ctx.log };
}
