// Maven's ComparableVersion ordering (maven-artifact 3.9): lists of numbers and qualifiers where
// "alpha" < "beta" < "milestone" < "rc" < "snapshot" < release < "sp", and trailing zeros vanish.
// https://maven.apache.org/pom.html#version-order-specification
import { compareDigits } from "./generic.js";

type Item = { kind: "int"; value: string } | { kind: "str"; value: string } | { kind: "list"; items: Item[] };

const QUALIFIERS = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"];
const ALIASES: Record<string, string> = { ga: "", final: "", release: "", cr: "rc" };
const RELEASE_INDEX = String(QUALIFIERS.indexOf(""));

function stringItem(value: string, followedByDigit: boolean): Item {
  let v = value;
  if (followedByDigit && v.length === 1) v = v === "a" ? "alpha" : v === "b" ? "beta" : v === "m" ? "milestone" : v;
  return { kind: "str", value: ALIASES[v] ?? v };
}

function qualifierKey(value: string): string {
  const i = QUALIFIERS.indexOf(value);
  return i === -1 ? `${QUALIFIERS.length}-${value}` : String(i);
}

function isNull(item: Item): boolean {
  if (item.kind === "int") return /^0+$/.test(item.value);
  if (item.kind === "str") return qualifierKey(item.value) === RELEASE_INDEX;
  return item.items.length === 0;
}

function normalize(list: Item[]): void {
  for (let i = list.length - 1; i >= 0; i--) {
    const item = list[i];
    if (item === undefined) break;
    if (isNull(item)) list.splice(i, 1);
    else if (item.kind !== "list") break;
  }
}

export function parseMaven(version: string): Item {
  const v = version.toLowerCase();
  const root: Item[] = [];
  let list = root;
  const stack: Item[][] = [root];
  let isDigit = false;
  let start = 0;
  const parseItem = (digit: boolean, text: string, followedByDigit: boolean): Item =>
    digit ? { kind: "int", value: text.replace(/^0+(?=\d)/, "") } : stringItem(text, followedByDigit);
  const sub = (): void => {
    const next: Item[] = [];
    list.push({ kind: "list", items: next });
    list = next;
    stack.push(next);
  };
  for (let i = 0; i < v.length; i++) {
    const c = v[i] ?? "";
    if (c === "." || c === "-") {
      if (i === start) list.push({ kind: "int", value: "0" });
      else list.push(parseItem(isDigit, v.slice(start, i), false));
      start = i + 1;
      if (c === "-") sub();
    } else if (c >= "0" && c <= "9") {
      if (!isDigit && i > start) {
        // "1.0.0.X1" sorts like "1.0.0-X1": a qualifier glued to a number opens a sub-list.
        if (list.length > 0) sub();
        list.push(stringItem(v.slice(start, i), true));
        start = i;
        sub();
      }
      isDigit = true;
    } else {
      if (isDigit && i > start) {
        list.push(parseItem(true, v.slice(start, i), false));
        start = i;
        sub();
      }
      isDigit = false;
    }
  }
  if (v.length > start) {
    if (!isDigit && list.length > 0) sub();
    list.push(parseItem(isDigit, v.slice(start), false));
  }
  for (let i = stack.length - 1; i >= 0; i--) normalize(stack[i] ?? []);
  return { kind: "list", items: root };
}

function compareItem(a: Item, b: Item | undefined): number {
  if (a.kind === "int") {
    if (b === undefined) return /^0+$/.test(a.value) ? 0 : 1;
    if (b.kind === "int") return compareDigits(a.value, b.value);
    return 1;
  }
  if (a.kind === "str") {
    if (b === undefined) return cmp(qualifierKey(a.value), RELEASE_INDEX);
    if (b.kind === "str") return cmp(qualifierKey(a.value), qualifierKey(b.value));
    return -1;
  }
  if (b === undefined) return a.items[0] === undefined ? 0 : compareItem(a.items[0], undefined);
  if (b.kind === "int") return -1;
  if (b.kind === "str") return 1;
  const n = Math.max(a.items.length, b.items.length);
  for (let i = 0; i < n; i++) {
    const l = a.items[i];
    const r = b.items[i];
    const result = l === undefined ? (r === undefined ? 0 : -compareItem(r, undefined)) : compareItem(l, r);
    if (result !== 0) return result;
  }
  return 0;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const cache = new Map<string, Item>();

export function compareMaven(a: string, b: string): number {
  const get = (v: string): Item => {
    let item = cache.get(v);
    if (!item) {
      item = parseMaven(v);
      if (cache.size > 100_000) cache.clear();
      cache.set(v, item);
    }
    return item;
  };
  return Math.sign(compareItem(get(a), get(b)));
}
