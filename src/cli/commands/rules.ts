// `tollgate rules`: every rule with id, severity and title, read from the rule declarations.
import { allRules } from "../../core/catalogue.js";
import { ConfigurationError } from "../../core/errors.js";
import { GATE_IDS } from "../../gates/index.js";
import { list, parse } from "../args.js";
import type { CliIO } from "../main.js";

const HELP = `Usage: tollgate rules [--gate g1,g2] [--json]

Lists every rule tollgate can report: id, severity and title.
  --gate g1,g2   only these gates' rules
  --json         as JSON, with descriptions and remediation
`;

export async function rulesCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parse(args, { gate: { type: "string" }, json: { type: "boolean" } }, HELP);
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  const gates = list(values.gate) ?? [...GATE_IDS];
  for (const g of gates) {
    if (!(GATE_IDS as string[]).includes(g)) throw new ConfigurationError(`unknown gate "${g}"`, undefined, `use one of: ${GATE_IDS.join(", ")}`);
  }
  const rules = (await allRules(gates)).filter((r) => values.gate === undefined || gates.some((g) => r.id.startsWith(`${g}/`)));
  if (values.json) {
    io.stdout(`${JSON.stringify(rules, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...rules.map((r) => r.id.length), 10);
  for (const r of rules) io.stdout(`${r.id.padEnd(width)}  ${r.severity.padEnd(8)}  ${r.title}\n`);
  io.stdout(`\n${rules.length} rules\n`);
  return 0;
}
