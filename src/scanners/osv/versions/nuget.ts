// NuGet ordering: up to four numeric parts (missing = 0), then a release after its pre-releases,
// whose dot-separated labels compare numerically or case-insensitively; build metadata ignored.
import { compareDigits } from "./generic.js";

function split(version: string): { nums: string[]; pre: string[] } {
  const core = version.trim().replace(/^v/i, "").split("+")[0] ?? "";
  const dash = core.indexOf("-");
  const release = dash === -1 ? core : core.slice(0, dash);
  const pre = dash === -1 ? [] : core.slice(dash + 1).split(".");
  return { nums: release.split("."), pre };
}

export function compareNuget(a: string, b: string): number {
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < Math.max(4, x.nums.length, y.nums.length); i++) {
    const c = compareDigits(numeric(x.nums[i]), numeric(y.nums[i]));
    if (c !== 0) return c;
  }
  if (x.pre.length === 0 || y.pre.length === 0) return x.pre.length === y.pre.length ? 0 : x.pre.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const l = x.pre[i];
    const r = y.pre[i];
    if (l === undefined) return -1;
    if (r === undefined) return 1;
    const ln = /^\d+$/.test(l);
    const rn = /^\d+$/.test(r);
    if (ln && rn) {
      const c = compareDigits(l, r);
      if (c !== 0) return c;
    } else if (ln !== rn) {
      return ln ? -1 : 1;
    } else {
      const c = l.toLowerCase().localeCompare(r.toLowerCase(), "en");
      if (c !== 0) return Math.sign(c);
    }
  }
  return 0;
}

function numeric(part: string | undefined): string {
  return part !== undefined && /^\d+$/.test(part) ? part : "0";
}
