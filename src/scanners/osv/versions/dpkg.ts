// Debian version ordering (dpkg's verrevcmp): [epoch:]upstream[-revision], where "~" sorts before
// everything, even the end of the string, and letters sort before other symbols.
// https://www.debian.org/doc/debian-policy/ch-controlfields.html#version
import { compareDigits } from "./generic.js";

function order(ch: string): number {
  if (ch === "") return 0;
  if (ch >= "0" && ch <= "9") return 0;
  if (/[A-Za-z]/.test(ch)) return ch.charCodeAt(0);
  if (ch === "~") return -1;
  return ch.charCodeAt(0) + 256;
}

function isDigit(ch: string): boolean {
  return ch !== "" && ch >= "0" && ch <= "9";
}

export function verrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while ((i < a.length && !isDigit(a.charAt(i))) || (j < b.length && !isDigit(b.charAt(j)))) {
      const ac = order(a.charAt(i));
      const bc = order(b.charAt(j));
      if (ac !== bc) return Math.sign(ac - bc);
      i++;
      j++;
    }
    let si = i;
    let sj = j;
    while (a.charAt(si) === "0") si++;
    while (b.charAt(sj) === "0") sj++;
    let ei = si;
    let ej = sj;
    while (isDigit(a.charAt(ei))) ei++;
    while (isDigit(b.charAt(ej))) ej++;
    const c = compareDigits(a.slice(si, ei) || "0", b.slice(sj, ej) || "0");
    if (c !== 0) return c;
    i = ei;
    j = ej;
  }
  return 0;
}

export function parseDebian(version: string): { epoch: string; upstream: string; revision: string } {
  const v = version.trim();
  const colon = v.indexOf(":");
  const hasEpoch = colon > 0 && /^\d+$/.test(v.slice(0, colon));
  const epoch = hasEpoch ? v.slice(0, colon) : "0";
  const rest = hasEpoch ? v.slice(colon + 1) : v;
  const dash = rest.lastIndexOf("-");
  return dash === -1 ? { epoch, upstream: rest, revision: "" } : { epoch, upstream: rest.slice(0, dash), revision: rest.slice(dash + 1) };
}

export function compareDebian(a: string, b: string): number {
  const x = parseDebian(a);
  const y = parseDebian(b);
  return compareDigits(x.epoch, y.epoch) || verrevcmp(x.upstream, y.upstream) || verrevcmp(x.revision, y.revision);
}
