// One package per name@version. Lockfiles list the same release more than once (npm nests a copy
// where hoisting cannot share it, yarn keeps an alias block beside the registry one, pnpm one
// entry per peer-dependency variant and per document): a user counts it once.
import type { LockPackage } from "./types.js";

/** The first copy keys the line; it is direct if any copy is, dev only if every copy is. */
export function oneEntryPerRelease(packages: Iterable<LockPackage>): LockPackage[] {
  const byId = new Map<string, LockPackage>();
  for (const pkg of packages) {
    const id = `${pkg.name}@${pkg.version}`;
    const first = byId.get(id);
    if (!first) byId.set(id, pkg);
    else {
      first.direct ||= pkg.direct;
      first.dev &&= pkg.dev;
    }
  }
  return [...byId.values()];
}
