// `tollgate explain RULE`: what a rule checks, why it matters, how to fix it or waive it.
import { allRules } from "../../core/catalogue.js";
import { ConfigurationError } from "../../core/errors.js";
import { GATE_IDS } from "../../gates/index.js";
import { parse } from "../args.js";
import type { CliIO } from "../main.js";

const HELP = `Usage: tollgate explain RULE

Shows what RULE (for example secrets/aws-access-key-id) checks, why it matters, how to fix it,
and how to waive it in the policy or inline.
`;

export async function explainCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, {}, HELP, true);
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  const id = positionals[0];
  if (!id) throw new ConfigurationError("explain needs a rule id", undefined, "for example: tollgate explain secrets/aws-access-key-id (tollgate rules lists them)");
  const gate = id.split("/")[0] ?? "";
  const rules = await allRules((GATE_IDS as string[]).includes(gate) ? [gate] : GATE_IDS);
  const rule = rules.find((r) => r.id === id);
  if (!rule) {
    const near = rules.filter((r) => r.id.includes(id.split("/").pop() ?? id)).slice(0, 5).map((r) => r.id);
    throw new ConfigurationError(`no rule "${id}"`, undefined, near.length ? `did you mean: ${near.join(", ")}?` : "run `tollgate rules` to list the rules");
  }
  const today = new Date();
  const expires = new Date(today.getTime() + 90 * 86_400_000).toISOString().slice(0, 10);
  io.stdout(
    [
      `${rule.id} — ${rule.title}`,
      `severity: ${rule.severity}${rule.tags?.length ? `   tags: ${rule.tags.join(", ")}` : ""}`,
      "",
      rule.description,
      "",
      `How to fix: ${rule.remediation ?? "see the description above."}`,
      ...(rule.helpUri ? [`More: ${rule.helpUri}`] : []),
      "",
      "How to waive it (in .tollgate.yml; a waiver must expire):",
      "  waivers:",
      `    - rule: ${rule.id}`,
      '      paths: ["path/to/**"]',
      "      reason: why this is acceptable",
      `      expires: ${expires}`,
      "",
      "Or on the line (or the line above):",
      `  // tollgate-ignore ${rule.id}: why this is acceptable`,
      "",
    ].join("\n"),
  );
  return 0;
}
