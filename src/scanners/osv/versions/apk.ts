// Alpine apk version ordering (apk-tools version.c): dotted numbers, an optional letter, suffixes
// (_alpha < _beta < _pre < _rc < none < _cvs < _svn < _git < _hg < _p), "~hash", then -rN.
import { compareDigits, compareGeneric } from "./generic.js";

const SUFFIXES = ["alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p"];
const NO_SUFFIX = SUFFIXES.indexOf("");

interface ApkVersion {
  numbers: string[];
  letter: string;
  suffixes: { rank: number; n: string }[];
  hash: string;
  revision: string;
}

const PATTERN = /^(\d+(?:\.\d+)*)([a-z]?)((?:_(?:alpha|beta|pre|rc|cvs|svn|git|hg|p)\d*)*)(?:~([0-9a-f]+))?(?:-r(\d+))?$/;

function parse(version: string): ApkVersion | undefined {
  const m = PATTERN.exec(version.trim());
  if (!m?.[1]) return undefined;
  const suffixes = [...(m[3] ?? "").matchAll(/_([a-z]+)(\d*)/g)].map((s) => ({ rank: SUFFIXES.indexOf(s[1] ?? ""), n: s[2] || "0" }));
  return { numbers: m[1].split("."), letter: m[2] ?? "", suffixes, hash: m[4] ?? "", revision: m[5] ?? "0" };
}

export function compareApk(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return compareGeneric(a, b);
  const n = Math.max(x.numbers.length, y.numbers.length);
  for (let i = 0; i < n; i++) {
    const l = x.numbers[i];
    const r = y.numbers[i];
    if (l === undefined || r === undefined) return l === undefined ? -1 : 1;
    // After the first part, a leading zero makes apk compare the parts as decimal fractions.
    const c = i > 0 && (l.startsWith("0") || r.startsWith("0")) ? fraction(l, r) : compareDigits(l, r);
    if (c !== 0) return c;
  }
  if (x.letter !== y.letter) return x.letter < y.letter ? -1 : 1;
  const s = Math.max(x.suffixes.length, y.suffixes.length);
  for (let i = 0; i < s; i++) {
    const l = x.suffixes[i] ?? { rank: NO_SUFFIX, n: "0" };
    const r = y.suffixes[i] ?? { rank: NO_SUFFIX, n: "0" };
    if (l.rank !== r.rank) return l.rank < r.rank ? -1 : 1;
    const c = compareDigits(l.n, r.n);
    if (c !== 0) return c;
  }
  if (x.hash !== y.hash) return x.hash < y.hash ? -1 : 1;
  return compareDigits(x.revision, y.revision);
}

function fraction(a: string, b: string): number {
  const x = a.replace(/0+$/, "");
  const y = b.replace(/0+$/, "");
  return x < y ? -1 : x > y ? 1 : 0;
}
