// Packagist ordering: Composer's normalisation (four numeric parts, "v" dropped, stability
// suffixes) followed by PHP's version_compare, which Composer itself uses.
import { compareDigits } from "./generic.js";

const SPECIAL: [string, number][] = [["dev", 0], ["alpha", 1], ["a", 1], ["beta", 2], ["b", 2], ["RC", 3], ["rc", 3], ["#", 4], ["pl", 5], ["p", 5]];

function normalize(version: string): string {
  let v = version.trim().replace(/^v(?=\d)/i, "");
  // A branch alias (2.x-dev, 1.2.x-dev) is the newest of its line, as Composer normalises it.
  const branch = /^(\d+(?:\.\d+)*)(?:\.[x*])+[-.]dev$/i.exec(v);
  if (branch?.[1]) {
    const nums = branch[1].split(".");
    while (nums.length < 4) nums.push("9999999");
    return `${nums.join(".")}-dev`;
  }
  const m = /^(\d+(?:\.\d+)*)(.*)$/.exec(v);
  if (!m?.[1]) return v;
  const nums = m[1].split(".");
  while (nums.length < 4) nums.push("0");
  let suffix = (m[2] ?? "").replace(/^[-._+]/, "").toLowerCase();
  suffix = suffix.replace(/^(stable|ga|final|release)$/, "").replace(/^patch/, "pl").replace(/^(rc|beta|alpha|pl|p|a|b|dev)[-._]?/, "$1");
  v = nums.join(".") + (suffix ? `-${suffix}` : "");
  return v;
}

/** PHP's canonicalisation: separators to ".", and a "." between digit and non-digit runs. */
function canonical(version: string): string[] {
  const out: string[] = [];
  let cur = "";
  let prevKind = "";
  for (const ch of version) {
    const kind = /[0-9]/.test(ch) ? "d" : /[-_+.]/.test(ch) ? "sep" : "a";
    if (kind === "sep") {
      if (cur) out.push(cur);
      cur = "";
      prevKind = "";
      continue;
    }
    if (prevKind && kind !== prevKind && cur) {
      out.push(cur);
      cur = "";
    }
    cur += ch;
    prevKind = kind;
  }
  if (cur) out.push(cur);
  return out;
}

function special(form: string): number {
  for (const [name, order] of SPECIAL) if (form.startsWith(name)) return order;
  return -6;
}

function phpVersionCompare(a: string, b: string): number {
  const x = canonical(a);
  const y = canonical(b);
  const isNum = (s: string): boolean => /^\d/.test(s);
  let i = 0;
  for (; i < x.length && i < y.length; i++) {
    const p = x[i] ?? "";
    const q = y[i] ?? "";
    let c: number;
    if (isNum(p) && isNum(q)) c = compareDigits(p, q);
    else if (!isNum(p) && !isNum(q)) c = Math.sign(special(p) - special(q));
    else c = isNum(p) ? Math.sign(special("#") - special(q)) : Math.sign(special(p) - special("#"));
    if (c !== 0) return c;
  }
  if (i < x.length) return isNum(x[i] ?? "") ? 1 : phpVersionCompare(x.slice(i).join("."), "#");
  if (i < y.length) return isNum(y[i] ?? "") ? -1 : phpVersionCompare("#", y.slice(i).join("."));
  return 0;
}

export function comparePackagist(a: string, b: string): number {
  return phpVersionCompare(normalize(a), normalize(b));
}
