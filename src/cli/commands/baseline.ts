// `tollgate baseline`: run the gates and record today's findings, so that `run` fails only on new ones.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { renderBaseline } from "../../core/baseline.js";
import { run } from "../../core/run.js";
import { loadPolicy } from "../../policy/load-policy.js";
import { parse } from "../args.js";
import type { CliIO } from "../main.js";
import { runFlags, runOptionsFrom } from "./run.js";

const HELP = `Usage: tollgate baseline [run options]

Runs the gates as \`tollgate run\` does and writes every finding's fingerprint to the policy's
\`baseline\` file (default .tollgate/baseline.json). Later runs mark those findings "unchanged"
and they no longer fail a gate. Commit the file. Takes the same options as \`tollgate run\`.
`;

export async function baselineCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parse(args, runFlags, HELP);
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  const options = await runOptionsFrom(values, io);
  const { policy } = loadPolicy({ cwd: options.cwd, ...(options.policyPath ? { policyPath: options.policyPath } : {}) });
  const report = await run(options);
  const file = join(options.cwd, policy.baseline);
  await mkdir(dirname(file), { recursive: true });
  const content = renderBaseline(report);
  await writeFile(file, content);
  const count = (JSON.parse(content) as { findings: unknown[] }).findings.length;
  io.stdout(`recorded ${count} finding${count === 1 ? "" : "s"} in ${policy.baseline}\n`);
  return 0;
}
