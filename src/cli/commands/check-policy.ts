// `tollgate check-policy`: validate a policy and print the effective one, defaults filled in.
import { resolve } from "node:path";
import { stringify } from "yaml";
import { loadPolicy } from "../../policy/load-policy.js";
import { parse } from "../args.js";
import type { CliIO } from "../main.js";

const HELP = `Usage: tollgate check-policy [--policy FILE] [-C DIR]

Validates the policy (following \`extends\`) and prints the effective policy with every default
filled in. Exit 0 when valid, 2 with file:line:column and the fix when not.
`;

export async function checkPolicyCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parse(args, { policy: { type: "string" }, cwd: { type: "string", short: "C" } }, HELP);
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  const cwd = resolve(io.cwd, values.cwd ?? ".");
  const loaded = loadPolicy({ cwd, ...(values.policy ? { policyPath: values.policy } : {}) });
  io.stderr(`policy ${loaded.source} is valid\n`);
  io.stdout(stringify(loaded.policy, { lineWidth: 0 }));
  return 0;
}
