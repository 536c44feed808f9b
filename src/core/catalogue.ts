// Every rule tollgate can report, read from the gates' declarations (plus the policy's own).
import { GATE_IDS, gateRegistry } from "../gates/index.js";
import type { RuleMeta } from "./types.js";

export const POLICY_RULES: RuleMeta[] = [
  {
    id: "policy/waiver-expired",
    severity: "medium",
    title: "Waiver has expired",
    description: "A waiver in the policy is past its `expires` date. It no longer suppresses anything, so the findings it covered count again.",
    remediation: "Fix the findings the waiver covered, or renew the waiver with a new `expires` date and a reason that still holds.",
  },
];

export async function allRules(gates: readonly string[] = GATE_IDS): Promise<RuleMeta[]> {
  const lists = await Promise.all(
    gates.map(async (id) => {
      const entry = gateRegistry[id as keyof typeof gateRegistry];
      return entry ? [...(await (await entry.load()).rules())] : [];
    }),
  );
  return [...lists.flat(), ...POLICY_RULES].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
