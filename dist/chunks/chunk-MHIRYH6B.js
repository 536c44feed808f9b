#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);

// src/scanners/osv/types.ts
var AdvisoriesUnavailableError = class extends Error {
  name = "AdvisoriesUnavailableError";
};

// src/scanners/osv/versions/generic.ts
function compareGeneric(a, b) {
  const ta = tokens(a);
  const tb = tokens(b);
  const n = Math.max(ta.length, tb.length);
  for (let i = 0; i < n; i++) {
    const x = ta[i];
    const y = tb[i];
    if (x === void 0) return typeof y === "number" ? y === 0 ? 0 : -1 : 1;
    if (y === void 0) return typeof x === "number" ? x === 0 ? 0 : 1 : -1;
    if (typeof x === "number" && typeof y === "number") {
      if (x !== y) return x < y ? -1 : 1;
    } else if (typeof x === "number") {
      return 1;
    } else if (typeof y === "number") {
      return -1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return 0;
}
function tokens(version) {
  const out = [];
  for (const m of version.toLowerCase().replace(/^v(?=\d)/, "").matchAll(/\d+|[a-z]+/g)) {
    const t = m[0];
    out.push(/^\d/.test(t) ? Number(t) : t);
  }
  return out;
}
function compareDigits(a, b) {
  const x = a.replace(/^0+(?=\d)/, "");
  const y = b.replace(/^0+(?=\d)/, "");
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

// src/scanners/osv/versions/apk.ts
var SUFFIXES = ["alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p"];
var NO_SUFFIX = SUFFIXES.indexOf("");
var PATTERN = /^(\d+(?:\.\d+)*)([a-z]?)((?:_(?:alpha|beta|pre|rc|cvs|svn|git|hg|p)\d*)*)(?:~([0-9a-f]+))?(?:-r(\d+))?$/;
function parse(version) {
  const m = PATTERN.exec(version.trim());
  if (!m?.[1]) return void 0;
  const suffixes = [...(m[3] ?? "").matchAll(/_([a-z]+)(\d*)/g)].map((s2) => ({ rank: SUFFIXES.indexOf(s2[1] ?? ""), n: s2[2] || "0" }));
  return { numbers: m[1].split("."), letter: m[2] ?? "", suffixes, hash: m[4] ?? "", revision: m[5] ?? "0" };
}
function compareApk(a, b) {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return compareGeneric(a, b);
  const n = Math.max(x.numbers.length, y.numbers.length);
  for (let i = 0; i < n; i++) {
    const l = x.numbers[i];
    const r = y.numbers[i];
    if (l === void 0 || r === void 0) return l === void 0 ? -1 : 1;
    const c = i > 0 && (l.startsWith("0") || r.startsWith("0")) ? fraction(l, r) : compareDigits(l, r);
    if (c !== 0) return c;
  }
  if (x.letter !== y.letter) return x.letter < y.letter ? -1 : 1;
  const s2 = Math.max(x.suffixes.length, y.suffixes.length);
  for (let i = 0; i < s2; i++) {
    const l = x.suffixes[i] ?? { rank: NO_SUFFIX, n: "0" };
    const r = y.suffixes[i] ?? { rank: NO_SUFFIX, n: "0" };
    if (l.rank !== r.rank) return l.rank < r.rank ? -1 : 1;
    const c = compareDigits(l.n, r.n);
    if (c !== 0) return c;
  }
  if (x.hash !== y.hash) return x.hash < y.hash ? -1 : 1;
  return compareDigits(x.revision, y.revision);
}
function fraction(a, b) {
  const x = a.replace(/0+$/, "");
  const y = b.replace(/0+$/, "");
  return x < y ? -1 : x > y ? 1 : 0;
}

// src/scanners/osv/versions/dpkg.ts
function order(ch) {
  if (ch === "") return 0;
  if (ch >= "0" && ch <= "9") return 0;
  if (/[A-Za-z]/.test(ch)) return ch.charCodeAt(0);
  if (ch === "~") return -1;
  return ch.charCodeAt(0) + 256;
}
function isDigit(ch) {
  return ch !== "" && ch >= "0" && ch <= "9";
}
function verrevcmp(a, b) {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while (i < a.length && !isDigit(a.charAt(i)) || j < b.length && !isDigit(b.charAt(j))) {
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
function parseDebian(version) {
  const v = version.trim();
  const colon = v.indexOf(":");
  const hasEpoch = colon > 0 && /^\d+$/.test(v.slice(0, colon));
  const epoch = hasEpoch ? v.slice(0, colon) : "0";
  const rest = hasEpoch ? v.slice(colon + 1) : v;
  const dash = rest.lastIndexOf("-");
  return dash === -1 ? { epoch, upstream: rest, revision: "" } : { epoch, upstream: rest.slice(0, dash), revision: rest.slice(dash + 1) };
}
function compareDebian(a, b) {
  const x = parseDebian(a);
  const y = parseDebian(b);
  return compareDigits(x.epoch, y.epoch) || verrevcmp(x.upstream, y.upstream) || verrevcmp(x.revision, y.revision);
}

// src/scanners/osv/versions/maven.ts
var QUALIFIERS = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"];
var ALIASES = { ga: "", final: "", release: "", cr: "rc" };
var RELEASE_INDEX = String(QUALIFIERS.indexOf(""));
function stringItem(value, followedByDigit) {
  let v = value;
  if (followedByDigit && v.length === 1) v = v === "a" ? "alpha" : v === "b" ? "beta" : v === "m" ? "milestone" : v;
  return { kind: "str", value: ALIASES[v] ?? v };
}
function qualifierKey(value) {
  const i = QUALIFIERS.indexOf(value);
  return i === -1 ? `${QUALIFIERS.length}-${value}` : String(i);
}
function isNull(item) {
  if (item.kind === "int") return /^0+$/.test(item.value);
  if (item.kind === "str") return qualifierKey(item.value) === RELEASE_INDEX;
  return item.items.length === 0;
}
function normalize(list) {
  for (let i = list.length - 1; i >= 0; i--) {
    const item = list[i];
    if (item === void 0) break;
    if (isNull(item)) list.splice(i, 1);
    else if (item.kind !== "list") break;
  }
}
function parseMaven(version) {
  const v = version.toLowerCase();
  const root = [];
  let list = root;
  const stack = [root];
  let isDigit2 = false;
  let start = 0;
  const parseItem = (digit, text, followedByDigit) => digit ? { kind: "int", value: text.replace(/^0+(?=\d)/, "") } : stringItem(text, followedByDigit);
  const sub = () => {
    const next = [];
    list.push({ kind: "list", items: next });
    list = next;
    stack.push(next);
  };
  for (let i = 0; i < v.length; i++) {
    const c = v[i] ?? "";
    if (c === "." || c === "-") {
      if (i === start) list.push({ kind: "int", value: "0" });
      else list.push(parseItem(isDigit2, v.slice(start, i), false));
      start = i + 1;
      if (c === "-") sub();
    } else if (c >= "0" && c <= "9") {
      if (!isDigit2 && i > start) {
        if (list.length > 0) sub();
        list.push(stringItem(v.slice(start, i), true));
        start = i;
        sub();
      }
      isDigit2 = true;
    } else {
      if (isDigit2 && i > start) {
        list.push(parseItem(true, v.slice(start, i), false));
        start = i;
        sub();
      }
      isDigit2 = false;
    }
  }
  if (v.length > start) {
    if (!isDigit2 && list.length > 0) sub();
    list.push(parseItem(isDigit2, v.slice(start), false));
  }
  for (let i = stack.length - 1; i >= 0; i--) normalize(stack[i] ?? []);
  return { kind: "list", items: root };
}
function compareItem(a, b) {
  if (a.kind === "int") {
    if (b === void 0) return /^0+$/.test(a.value) ? 0 : 1;
    if (b.kind === "int") return compareDigits(a.value, b.value);
    return 1;
  }
  if (a.kind === "str") {
    if (b === void 0) return cmp(qualifierKey(a.value), RELEASE_INDEX);
    if (b.kind === "str") return cmp(qualifierKey(a.value), qualifierKey(b.value));
    return -1;
  }
  if (b === void 0) return a.items[0] === void 0 ? 0 : compareItem(a.items[0], void 0);
  if (b.kind === "int") return -1;
  if (b.kind === "str") return 1;
  const n = Math.max(a.items.length, b.items.length);
  for (let i = 0; i < n; i++) {
    const l = a.items[i];
    const r = b.items[i];
    const result = l === void 0 ? r === void 0 ? 0 : -compareItem(r, void 0) : compareItem(l, r);
    if (result !== 0) return result;
  }
  return 0;
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
var cache = /* @__PURE__ */ new Map();
function compareMaven(a, b) {
  const get = (v) => {
    let item = cache.get(v);
    if (!item) {
      item = parseMaven(v);
      if (cache.size > 1e5) cache.clear();
      cache.set(v, item);
    }
    return item;
  };
  return Math.sign(compareItem(get(a), get(b)));
}

// src/scanners/osv/versions/nuget.ts
function split(version) {
  const core = version.trim().replace(/^v/i, "").split("+")[0] ?? "";
  const dash = core.indexOf("-");
  const release = dash === -1 ? core : core.slice(0, dash);
  const pre = dash === -1 ? [] : core.slice(dash + 1).split(".");
  return { nums: release.split("."), pre };
}
function compareNuget(a, b) {
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
    if (l === void 0) return -1;
    if (r === void 0) return 1;
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
function numeric(part) {
  return part !== void 0 && /^\d+$/.test(part) ? part : "0";
}

// src/scanners/osv/versions/packagist.ts
var SPECIAL = [["dev", 0], ["alpha", 1], ["a", 1], ["beta", 2], ["b", 2], ["RC", 3], ["rc", 3], ["#", 4], ["pl", 5], ["p", 5]];
function normalize2(version) {
  let v = version.trim().replace(/^v(?=\d)/i, "");
  const m = /^(\d+(?:\.\d+)*)(.*)$/.exec(v);
  if (!m?.[1]) return v;
  const nums = m[1].split(".");
  while (nums.length < 4) nums.push("0");
  let suffix = (m[2] ?? "").replace(/^[-._+]/, "").toLowerCase();
  suffix = suffix.replace(/^(stable|ga|final|release)$/, "").replace(/^patch/, "pl").replace(/^(rc|beta|alpha|pl|p|a|b|dev)[-._]?/, "$1");
  v = nums.join(".") + (suffix ? `-${suffix}` : "");
  return v;
}
function canonical(version) {
  const out = [];
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
function special(form) {
  for (const [name, order2] of SPECIAL) if (form.startsWith(name)) return order2;
  return -6;
}
function phpVersionCompare(a, b) {
  const x = canonical(a);
  const y = canonical(b);
  const isNum = (s2) => /^\d/.test(s2);
  let i = 0;
  for (; i < x.length && i < y.length; i++) {
    const p = x[i] ?? "";
    const q = y[i] ?? "";
    let c;
    if (isNum(p) && isNum(q)) c = compareDigits(p, q);
    else if (!isNum(p) && !isNum(q)) c = Math.sign(special(p) - special(q));
    else c = isNum(p) ? Math.sign(special("#") - special(q)) : Math.sign(special(p) - special("#"));
    if (c !== 0) return c;
  }
  if (i < x.length) return isNum(x[i] ?? "") ? 1 : phpVersionCompare(x.slice(i).join("."), "#");
  if (i < y.length) return isNum(y[i] ?? "") ? -1 : phpVersionCompare("#", y.slice(i).join("."));
  return 0;
}
function comparePackagist(a, b) {
  return phpVersionCompare(normalize2(a), normalize2(b));
}

// src/scanners/osv/versions/pep440.ts
import pep440 from "@renovatebot/pep440";
function comparePep440(a, b) {
  try {
    return Math.sign(pep440.compare(a, b));
  } catch {
    return compareGeneric(a, b);
  }
}

// src/scanners/osv/versions/rubygems.ts
import { create } from "@renovatebot/ruby-semver/dist/ruby/version.js";
function compareRubyGems(a, b) {
  const x = create(a);
  const y = create(b);
  if (x && y) return Math.sign(x.compare(y));
  return compareGeneric(a, b);
}

// src/scanners/osv/versions/semver.ts
import semver from "semver";
var cache2 = /* @__PURE__ */ new Map();
function parse2(version) {
  let parsed = cache2.get(version);
  if (parsed === void 0) {
    parsed = semver.parse(version.replace(/^v(?=\d)/, ""), { loose: true });
    if (cache2.size > 2e5) cache2.clear();
    cache2.set(version, parsed);
  }
  return parsed;
}
function compareSemver(a, b) {
  const x = parse2(a);
  const y = parse2(b);
  if (x && y) return x.compare(y);
  return compareGeneric(a, b);
}

// src/scanners/osv/versions/index.ts
var BY_ECOSYSTEM = {
  npm: compareSemver,
  "crates.io": compareSemver,
  go: compareSemver,
  hex: compareSemver,
  pub: compareSemver,
  swifturl: compareSemver,
  bitnami: compareSemver,
  pypi: comparePep440,
  rubygems: compareRubyGems,
  maven: compareMaven,
  nuget: compareNuget,
  packagist: comparePackagist,
  debian: compareDebian,
  ubuntu: compareDebian,
  alpine: compareApk,
  wolfi: compareApk,
  chainguard: compareApk
};
function baseEcosystem(ecosystem) {
  const colon = ecosystem.indexOf(":");
  return colon === -1 ? ecosystem : ecosystem.slice(0, colon);
}
function comparatorFor(ecosystem) {
  return BY_ECOSYSTEM[baseEcosystem(ecosystem).toLowerCase()] ?? compareGeneric;
}

// src/scanners/osv/match.ts
function ecosystemsMatch(recordEcosystem, packageEcosystem) {
  if (recordEcosystem === packageEcosystem) return true;
  const a = recordEcosystem.toLowerCase();
  const b = packageEcosystem.toLowerCase();
  return a === b || a.startsWith(`${b}:`) || b.startsWith(`${a}:`);
}
function normalizeName(ecosystem, name) {
  switch (baseEcosystem(ecosystem).toLowerCase()) {
    case "pypi":
      return name.toLowerCase().replace(/[-_.]+/g, "-");
    case "nuget":
    case "packagist":
    case "crates.io":
      return name.toLowerCase();
    default:
      return name;
  }
}
function indexKey(ecosystem, name) {
  return `${baseEcosystem(ecosystem).toLowerCase()}\0${normalizeName(ecosystem, name)}`;
}
var sortedEvents = /* @__PURE__ */ new WeakMap();
function eventVersion(e) {
  return e.introduced ?? e.fixed ?? e.last_affected ?? e.limit ?? "";
}
function sorted(range, cmp3) {
  let events2 = sortedEvents.get(range);
  if (!events2) {
    events2 = [...range.events].sort((x, y) => {
      if (x.introduced === "0") return y.introduced === "0" ? 0 : -1;
      if (y.introduced === "0") return 1;
      return cmp3(eventVersion(x), eventVersion(y));
    });
    sortedEvents.set(range, events2);
  }
  return events2;
}
function inRange(range, version, cmp3) {
  let affected = false;
  const limits = [];
  for (const e of sorted(range, cmp3)) {
    if (e.introduced !== void 0) {
      if (e.introduced === "0" || cmp3(version, e.introduced) >= 0) affected = true;
    } else if (e.fixed !== void 0) {
      if (cmp3(version, e.fixed) >= 0) affected = false;
    } else if (e.last_affected !== void 0) {
      if (cmp3(version, e.last_affected) > 0) affected = false;
    } else if (e.limit !== void 0) {
      limits.push(e.limit);
    }
  }
  if (affected && limits.length > 0 && !limits.some((l) => l === "*" || cmp3(version, l) < 0)) return false;
  return affected;
}
function sameVersion(ecosystem, a, b) {
  if (a === b) return true;
  const base = baseEcosystem(ecosystem).toLowerCase();
  if (base === "go") return a.replace(/^v/, "") === b.replace(/^v/, "");
  return false;
}
function affectsVersion(entry, ecosystem, version) {
  if (entry.versions?.some((v) => sameVersion(ecosystem, v, version))) return true;
  const ecosystemCmp = comparatorFor(ecosystem);
  for (const range of entry.ranges ?? []) {
    if (!Array.isArray(range.events) || range.events.length === 0) continue;
    if (range.type === "SEMVER") {
      if (inRange(range, version.replace(/^v/, ""), (a, b) => compareSemver(a, b))) return true;
    } else if (range.type === "ECOSYSTEM") {
      if (inRange(range, version, ecosystemCmp)) return true;
    }
  }
  return false;
}
function entriesFor(record, pkg) {
  const name = normalizeName(pkg.ecosystem, pkg.name);
  return (record.affected ?? []).filter((a) => {
    const eco = a.package?.ecosystem;
    const n = a.package?.name;
    return eco !== void 0 && n !== void 0 && ecosystemsMatch(eco, pkg.ecosystem) && normalizeName(eco, n) === name;
  });
}
function affectingEntries(record, pkg) {
  if (record.withdrawn) return [];
  return entriesFor(record, pkg).filter((entry) => affectsVersion(entry, entry.package?.ecosystem ?? pkg.ecosystem, pkg.version));
}
function fixedVersions(entries, pkg) {
  const cmp3 = comparatorFor(pkg.ecosystem);
  const out = /* @__PURE__ */ new Set();
  for (const entry of entries) {
    for (const range of entry.ranges ?? []) {
      if (range.type === "GIT") continue;
      const c = range.type === "SEMVER" ? compareSemver : cmp3;
      for (const e of range.events ?? []) if (e.fixed !== void 0 && c(e.fixed, pkg.version.replace(range.type === "SEMVER" ? /^v/ : /^$/, "")) > 0) out.add(e.fixed);
    }
  }
  return [...out].sort(cmp3);
}

// src/scanners/osv/offline.ts
import { createHash } from "node:crypto";
import { mkdirSync, openSync as openSync2, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

// src/scanners/osv/zip.ts
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
function readShared(path) {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    const buf = Buffer.from(new SharedArrayBuffer(size));
    let done = 0;
    while (done < size) {
      const n = readSync(fd, buf, done, size - done, done);
      if (n === 0) break;
      done += n;
    }
    return buf;
  } finally {
    closeSync(fd);
  }
}
function readCentralDirectory(buf) {
  const eocd = findEocd(buf);
  if (eocd === -1) throw new Error("not a zip file (no end of central directory record)");
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  const locator = eocd - 20;
  if (locator >= 0 && buf.readUInt32LE(locator) === 117853008) {
    const z64 = Number(buf.readBigUInt64LE(locator + 8));
    if (buf.readUInt32LE(z64) === 101075792) {
      cdSize = Number(buf.readBigUInt64LE(z64 + 40));
      cdOffset = Number(buf.readBigUInt64LE(z64 + 48));
    }
  }
  const entries = [];
  let p = cdOffset;
  const end = cdOffset + cdSize;
  while (p + 46 <= end && p + 46 <= buf.length) {
    if (buf.readUInt32LE(p) !== 33639248) throw new Error("corrupt zip central directory");
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    if (compressedSize === 4294967295 || localOffset === 4294967295 || uncompressedSize === 4294967295) {
      let e = p + 46 + nameLen;
      const extraEnd = e + extraLen;
      while (e + 4 <= extraEnd) {
        const id = buf.readUInt16LE(e);
        const size = buf.readUInt16LE(e + 2);
        if (id === 1) {
          let q = e + 4;
          if (uncompressedSize === 4294967295) q += 8;
          if (compressedSize === 4294967295) {
            compressedSize = Number(buf.readBigUInt64LE(q));
            q += 8;
          }
          if (localOffset === 4294967295) localOffset = Number(buf.readBigUInt64LE(q));
        }
        e += 4 + size;
      }
    }
    entries.push({ name, method, compressedSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}
function findEocd(buf) {
  const min = Math.max(0, buf.length - 22 - 65535);
  for (let i = buf.length - 22; i >= min; i--) if (buf.readUInt32LE(i) === 101010256) return i;
  return -1;
}
function readEntry(buf, entry) {
  const p = entry.localOffset;
  if (buf.readUInt32LE(p) !== 67324752) throw new Error(`corrupt zip entry ${entry.name}`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method === 8) return inflateRawSync(data);
  throw new Error(`zip entry ${entry.name} uses unsupported compression method ${entry.method}`);
}
function readEntryAt(fd, entry) {
  const header = Buffer.alloc(30);
  if (readSync(fd, header, 0, 30, entry.localOffset) !== 30 || header.readUInt32LE(0) !== 67324752) {
    throw new Error(`corrupt zip entry ${entry.name}`);
  }
  const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const data = Buffer.alloc(entry.compressedSize);
  let done = 0;
  while (done < data.length) {
    const n = readSync(fd, data, done, data.length - done, start + done);
    if (n === 0) throw new Error(`truncated zip entry ${entry.name}`);
    done += n;
  }
  if (entry.method === 0) return data;
  if (entry.method === 8) return inflateRawSync(data);
  throw new Error(`zip entry ${entry.name} uses unsupported compression method ${entry.method}`);
}

// src/scanners/osv/record.ts
function obj(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? v : void 0;
}
function s(v) {
  return typeof v === "string" ? v : void 0;
}
function strings(v) {
  return Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
}
function severities(v) {
  if (!Array.isArray(v)) return [];
  const out = [];
  for (const item of v) {
    const o = obj(item);
    const type = s(o?.type);
    const score = s(o?.score);
    if (type && score) out.push({ type, score });
  }
  return out;
}
function events(v) {
  if (!Array.isArray(v)) return [];
  const out = [];
  for (const item of v) {
    const o = obj(item);
    if (!o) continue;
    const e = {};
    for (const k of ["introduced", "fixed", "last_affected", "limit"]) {
      const value = o[k];
      if (typeof value === "string") e[k] = value;
    }
    if (Object.keys(e).length === 1) out.push(e);
  }
  return out;
}
function sanitizeRecord(value) {
  const o = obj(value);
  const id = s(o?.id);
  if (!o || !id) return null;
  const record = { id, aliases: strings(o.aliases), severity: severities(o.severity), affected: [] };
  for (const k of ["modified", "published", "withdrawn", "summary", "details"]) {
    const v = s(o[k]);
    if (v !== void 0) record[k] = v;
  }
  const dbs = obj(o.database_specific);
  if (dbs) record.database_specific = dbs;
  if (Array.isArray(o.references)) {
    record.references = o.references.map(obj).filter((r) => !!r).map((r) => {
      const ref = {};
      const type = s(r.type);
      const url = s(r.url);
      if (type) ref.type = type;
      if (url) ref.url = url;
      return ref;
    });
  }
  for (const item of Array.isArray(o.affected) ? o.affected : []) {
    const a = obj(item);
    if (!a) continue;
    const pkg = obj(a.package);
    const entry = { versions: strings(a.versions), severity: severities(a.severity), ranges: [] };
    if (pkg) {
      entry.package = {};
      const eco = s(pkg.ecosystem);
      const name = s(pkg.name);
      const purl = s(pkg.purl);
      if (eco !== void 0) entry.package.ecosystem = eco;
      if (name !== void 0) entry.package.name = name;
      if (purl !== void 0) entry.package.purl = purl;
    }
    for (const r of Array.isArray(a.ranges) ? a.ranges : []) {
      const ro = obj(r);
      const type = s(ro?.type);
      if (!ro || !type) continue;
      const range = { type, events: events(ro.events) };
      entry.ranges?.push(range);
    }
    const es = obj(a.ecosystem_specific);
    const ds = obj(a.database_specific);
    if (es) entry.ecosystem_specific = es;
    if (ds) entry.database_specific = ds;
    record.affected?.push(entry);
  }
  return record;
}

// src/scanners/osv/scan-worker.ts
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
var WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { inflateRawSync } = require("node:zlib");
const { shared, offsets, sizes, methods } = workerData;
const buf = Buffer.from(shared);
const NEEDLE = Buffer.from('"package"');
const HEAD = /^"package"\\s*:\\s*\\{/;
const ECO = /"ecosystem"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)"/;
const NAME = /"name"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)"/;
const pairs = [];
const owners = [];
const bad = [];
for (let i = 0; i < offsets.length; i++) {
  let data;
  try {
    const p = offsets[i];
    if (buf.readUInt32LE(p) !== 0x04034b50) throw new Error("bad local header");
    const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    const raw = buf.subarray(start, start + sizes[i]);
    if (methods[i] === 0) data = raw;
    else if (methods[i] === 8) data = inflateRawSync(raw);
    else throw new Error("unsupported method");
  } catch {
    bad.push(i);
    continue;
  }
  // Decode only the small "package": {...} objects, found by a byte search, not the whole record.
  for (let from = data.indexOf(NEEDLE); from !== -1; from = data.indexOf(NEEDLE, from + 1)) {
    const close = data.indexOf(125, from);
    if (close === -1) break;
    const body = data.toString("utf8", from, close + 1);
    if (!HEAD.test(body)) continue;
    const eco = ECO.exec(body);
    const name = NAME.exec(body);
    if (eco && name) {
      pairs.push(eco[1], name[1]);
      owners.push(i);
    }
  }
}
parentPort.postMessage({ pairs, owners: Int32Array.from(owners), bad });
`;
var WORKER_THRESHOLD = 8192;
function scanThreads(entries, threshold = WORKER_THRESHOLD) {
  return entries < threshold ? 1 : Math.max(2, Math.min(4, availableParallelism()));
}
async function scanZipEntries(zip, entries, threads, signal) {
  if (!(zip.buffer instanceof SharedArrayBuffer)) throw new Error("scanZipEntries needs a zip in shared memory");
  const shared = zip.buffer;
  const share = Math.ceil(entries.length / threads);
  const workers = [];
  const jobs = [];
  for (let t = 0; t < threads; t++) {
    const part = entries.slice(t * share, (t + 1) * share);
    if (part.length === 0) continue;
    const base = t * share;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        shared,
        offsets: Float64Array.from(part, (e) => e.localOffset),
        sizes: Float64Array.from(part, (e) => e.compressedSize),
        methods: Uint8Array.from(part, (e) => e.method)
      }
    });
    workers.push(worker);
    jobs.push(
      new Promise((resolve, reject) => {
        worker.once("message", (result) => resolve({ ...result, base }));
        worker.once("error", reject);
        worker.once("exit", (code) => {
          if (code !== 0) reject(new Error(`zip scan worker stopped with code ${code}`));
        });
      })
    );
  }
  const stop = () => {
    for (const w of workers) void w.terminate();
  };
  signal?.addEventListener("abort", stop, { once: true });
  try {
    const results = await Promise.all(jobs);
    const pairs = [];
    const owners = [];
    const bad = [];
    for (const r of results) {
      for (const p of r.pairs) pairs.push(p);
      for (const o of r.owners) owners.push(o + r.base);
      for (const b of r.bad) bad.push(b + r.base);
    }
    signal?.throwIfAborted();
    return { pairs, owners: Int32Array.from(owners), bad };
  } finally {
    signal?.removeEventListener("abort", stop);
    stop();
  }
}

// src/scanners/osv/offline.ts
var KNOWN_ECOSYSTEMS = new Set(
  [
    "AlmaLinux",
    "Alpaquita",
    "Alpine",
    "Android",
    "Azure Linux",
    "Bioconductor",
    "Bitnami",
    "Chainguard",
    "ConanCenter",
    "CRAN",
    "crates.io",
    "Debian",
    "Echo",
    "FreeBSD",
    "GHC",
    "GitHub Actions",
    "Go",
    "Hackage",
    "Hex",
    "Julia",
    "Kubernetes",
    "Linux",
    "Mageia",
    "Maven",
    "MinimOS",
    "npm",
    "NuGet",
    "openEuler",
    "openSUSE",
    "OSS-Fuzz",
    "Packagist",
    "Photon OS",
    "Pub",
    "PyPI",
    "Red Hat",
    "Rocky Linux",
    "RubyGems",
    "SUSE",
    "SwiftURL",
    "Ubuntu",
    "VSCode",
    "Wolfi",
    "opam",
    "GIT"
  ].map((e) => e.toLowerCase())
);
var INDEX_VERSION = 3;
var SLOT = 2 ** 24;
var PACKAGE_OBJECT = /"package"\s*:\s*\{([^{}]*)\}/g;
var ECOSYSTEM_FIELD = /"ecosystem"\s*:\s*"((?:[^"\\]|\\.)*)"/;
var NAME_FIELD = /"name"\s*:\s*"((?:[^"\\]|\\.)*)"/;
function unescape(raw) {
  if (!raw.includes("\\")) return raw;
  try {
    return JSON.parse(`"${raw}"`);
  } catch {
    return raw;
  }
}
function packageKeys(text) {
  const keys = [];
  for (const m of text.matchAll(PACKAGE_OBJECT)) {
    const body = m[1] ?? "";
    const eco = ECOSYSTEM_FIELD.exec(body)?.[1];
    const name = NAME_FIELD.exec(body)?.[1];
    if (eco !== void 0 && name !== void 0) keys.push(indexKey(unescape(eco), unescape(name)));
  }
  return keys;
}
var OfflineDatabase = class {
  /** `workerThreshold`: zips with at least this many entries are scanned on worker threads. */
  constructor(root, options = {}) {
    this.root = root;
    this.options = options;
    let stat;
    try {
      stat = statSync(root);
    } catch {
      throw new AdvisoriesUnavailableError(`the offline OSV database ${root} does not exist`);
    }
    if (stat.isFile()) {
      this.sources.push({ path: root, kind: root.endsWith(".zip") ? "zip" : "file", loaded: false, ...ecosystemOf(basename(root)) });
      return;
    }
    for (const entry of readdirSync(root, { withFileTypes: true })) {
      const path = join(root, entry.name);
      if (entry.isDirectory()) this.sources.push({ path, kind: "dir", loaded: false, ...ecosystemOf(entry.name) });
      else if (entry.name.endsWith(".zip")) this.sources.push({ path, kind: "zip", loaded: false, ...ecosystemOf(entry.name) });
      else if (entry.name.endsWith(".json")) this.sources.push({ path, kind: "file", loaded: false });
    }
  }
  root;
  options;
  sources = [];
  containers = [];
  index = /* @__PURE__ */ new Map();
  parsed = /* @__PURE__ */ new Map();
  /** Records that could not be read or parsed: reported, never fatal. */
  skipped = [];
  stats = { indexCacheHits: 0, recordsScanned: 0, recordsParsed: 0 };
  /** Loads (once) every source that may hold records of these ecosystems. */
  async load(ecosystems, cacheDir, signal) {
    for (const source of this.sources) {
      if (source.loaded) continue;
      if (source.ecosystem !== void 0 && !ecosystems.has(source.ecosystem)) continue;
      source.loaded = true;
      if (source.kind === "zip") await this.loadZip(source.path, cacheDir, signal);
      else if (source.kind === "dir") await this.loadDir(source.path, cacheDir, signal);
      else this.loadFiles([source.path], signal);
    }
  }
  addLocation(key, location) {
    const list = this.index.get(key);
    if (!list) this.index.set(key, [location]);
    else if (list[list.length - 1] !== location) list.push(location);
  }
  async loadZip(path, cacheDir, signal) {
    const cacheFile = cacheDir ? indexCacheFile(cacheDir, path) : void 0;
    const cached = cacheFile ? readIndexCache(cacheFile) : void 0;
    if (cached) {
      let fd;
      try {
        fd = openSync2(path, "r");
      } catch (error) {
        throw new AdvisoriesUnavailableError(`the offline OSV database ${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
      }
      const entries2 = cached.offsets.map((localOffset, i) => ({ name: `#${i}`, localOffset, compressedSize: cached.sizes[i] ?? 0, method: cached.methods[i] ?? 8 }));
      const at2 = (this.containers.push({ kind: "zip", path, fd, entries: entries2 }) - 1) * SLOT;
      this.stats.indexCacheHits++;
      let p = 0;
      cached.keys.forEach((key, k) => {
        const n = cached.counts[k] ?? 0;
        for (let j = 0; j < n; j++) this.addLocation(key, at2 + (cached.owners[p++] ?? 0));
      });
      return;
    }
    let buf;
    let entries;
    try {
      buf = readShared(path);
      entries = readCentralDirectory(buf).filter((e) => e.name.endsWith(".json"));
    } catch (error) {
      throw new AdvisoriesUnavailableError(`the offline OSV database ${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (entries.length >= SLOT) throw new AdvisoriesUnavailableError(`${path} holds more records than tollgate can index`);
    const at = (this.containers.push({ kind: "zip", path, buf, entries }) - 1) * SLOT;
    const byKey = /* @__PURE__ */ new Map();
    const add = (key, i) => {
      this.addLocation(key, at + i);
      const owners = byKey.get(key);
      if (!owners) byKey.set(key, [i]);
      else if (owners[owners.length - 1] !== i) owners.push(i);
    };
    this.stats.recordsScanned += entries.length;
    const threads = scanThreads(entries.length, this.options.workerThreshold);
    if (threads > 1) {
      const result = await scanZipEntries(buf, entries, threads, signal);
      const memo = /* @__PURE__ */ new Map();
      for (let p = 0; p < result.owners.length; p++) {
        const eco = result.pairs[2 * p] ?? "";
        const name = result.pairs[2 * p + 1] ?? "";
        const memoKey = `${eco}\0${name}`;
        let key = memo.get(memoKey);
        if (key === void 0) memo.set(memoKey, key = indexKey(unescape(eco), unescape(name)));
        add(key, result.owners[p] ?? 0);
      }
      for (const b of result.bad) this.skipped.push(`${path}!${entries[b]?.name ?? b}`);
    } else {
      entries.forEach((entry, i) => {
        if ((i & 1023) === 0) signal?.throwIfAborted();
        let text;
        try {
          text = readEntry(buf, entry).toString("utf8");
        } catch {
          this.skipped.push(`${path}!${entry.name}`);
          return;
        }
        for (const key of packageKeys(text)) add(key, i);
      });
    }
    if (cacheFile) writeIndexCache(cacheFile, entries, byKey);
  }
  async loadDir(dir, cacheDir, signal) {
    const files = [];
    const stack = [dir];
    while (stack.length > 0) {
      const current = stack.pop();
      if (current === void 0) break;
      for (const entry of readdirSync(current, { withFileTypes: true })) {
        const path = join(current, entry.name);
        if (entry.isDirectory()) stack.push(path);
        else if (entry.name.endsWith(".json")) files.push(path);
        else if (entry.name.endsWith(".zip")) await this.loadZip(path, cacheDir, signal);
      }
    }
    this.loadFiles(files.sort(), signal);
  }
  loadFiles(files, signal) {
    const at = (this.containers.push({ kind: "files", files }) - 1) * SLOT;
    files.forEach((path, i) => {
      if ((i & 1023) === 0) signal?.throwIfAborted();
      this.stats.recordsScanned++;
      let text;
      try {
        text = readFileSync(path, "utf8");
      } catch {
        this.skipped.push(path);
        return;
      }
      for (const key of packageKeys(text)) this.addLocation(key, at + i);
    });
  }
  describe(location) {
    const c = this.containers[Math.floor(location / SLOT)];
    const i = location % SLOT;
    if (!c) return String(location);
    return c.kind === "zip" ? `${c.path}!${c.entries[i]?.name ?? i}` : c.files[i] ?? String(location);
  }
  readRecord(location) {
    const cached = this.parsed.get(location);
    if (cached !== void 0) return cached;
    let record;
    const c = this.containers[Math.floor(location / SLOT)];
    const i = location % SLOT;
    try {
      let text = "";
      if (c?.kind === "zip") {
        const entry = c.entries[i];
        if (entry && c.buf) text = readEntry(c.buf, entry).toString("utf8");
        else if (entry && c.fd !== void 0) text = readEntryAt(c.fd, entry).toString("utf8");
      } else if (c?.kind === "files") {
        const file = c.files[i];
        if (file) text = readFileSync(file, "utf8");
      }
      record = sanitizeRecord(JSON.parse(text));
    } catch {
      record = null;
    }
    this.stats.recordsParsed++;
    if (record === null) this.skipped.push(this.describe(location));
    this.parsed.set(location, record);
    return record;
  }
  /** Records that name any of these (ecosystem, name) pairs, keyed by indexKey. */
  async recordsFor(packages, options = {}) {
    const wanted = new Set(packages.map((p) => indexKey(p.ecosystem, p.name)));
    const ecosystems = new Set(packages.map((p) => baseEcosystem(p.ecosystem).toLowerCase()));
    await this.load(ecosystems, options.cacheDir, options.signal);
    const out = /* @__PURE__ */ new Map();
    for (const key of wanted) {
      const records = [];
      for (const location of this.index.get(key) ?? []) {
        const record = this.readRecord(location);
        if (record) records.push(record);
      }
      out.set(key, records);
    }
    return out;
  }
};
function ecosystemOf(fileName) {
  const name = fileName.replace(/\.zip$/, "");
  const base = baseEcosystem(name).toLowerCase();
  return KNOWN_ECOSYSTEMS.has(base) ? { ecosystem: base } : {};
}
function indexCacheFile(cacheDir, path) {
  try {
    const st = statSync(path);
    const id = createHash("sha256").update(`${INDEX_VERSION}\0${path}\0${st.size}\0${st.mtimeMs}`).digest("hex").slice(0, 32);
    return join(cacheDir, "osv-index", `${id}.json`);
  } catch {
    return void 0;
  }
}
function readIndexCache(file) {
  try {
    const data = JSON.parse(readFileSync(file, "utf8"));
    if (data.version !== INDEX_VERSION) return void 0;
    const { keys, counts, owners, offsets, sizes, methods } = data;
    if (!Array.isArray(keys) || !Array.isArray(counts) || !Array.isArray(owners) || keys.length !== counts.length) return void 0;
    if (!Array.isArray(offsets) || !Array.isArray(sizes) || !Array.isArray(methods) || offsets.length !== sizes.length || offsets.length !== methods.length) return void 0;
    return { keys, counts, owners, offsets, sizes, methods };
  } catch {
    return void 0;
  }
}
function writeIndexCache(file, entries, byKey) {
  try {
    mkdirSync(join(file, ".."), { recursive: true });
    const keys = [];
    const counts = [];
    const owners = [];
    for (const [key, list] of byKey) {
      keys.push(key);
      counts.push(list.length);
      for (const i of list) owners.push(i);
    }
    const table = { offsets: entries.map((e) => e.localOffset), sizes: entries.map((e) => e.compressedSize), methods: entries.map((e) => e.method) };
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ version: INDEX_VERSION, keys, counts, owners, ...table }));
    renameSync(tmp, file);
  } catch {
  }
}
var opened = /* @__PURE__ */ new Map();
function openOfflineDatabase(path) {
  let mtimeMs = -1;
  try {
    mtimeMs = statSync(path).mtimeMs;
  } catch {
  }
  const hit = opened.get(path);
  if (hit && hit.mtimeMs === mtimeMs) return hit.db;
  const db = new OfflineDatabase(path);
  opened.set(path, { mtimeMs, db });
  return db;
}

// src/scanners/osv/online.ts
import { createHash as createHash2 } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join as join2 } from "node:path";
var DEFAULT_OSV_URL = "https://api.osv.dev";
var BATCH = 1e3;
var FETCH_CONCURRENCY = 8;
var OsvOnline = class {
  constructor(options) {
    this.options = options;
    this.base = (options.url ?? DEFAULT_OSV_URL).replace(/\/+$/, "").replace(/\/v1$/, "");
    this.dir = join2(options.cacheDir, "osv", createHash2("sha256").update(this.base).digest("hex").slice(0, 16));
    this.ttlMs = options.ttlMs ?? 6 * 36e5;
    this.timeoutMs = options.timeoutMs ?? 3e4;
    this.attempts = Math.max(1, options.attempts ?? 3);
    this.backoffMs = options.backoffMs ?? 500;
    this.fetchImpl = options.fetch ?? fetch;
  }
  options;
  base;
  dir;
  ttlMs;
  timeoutMs;
  attempts;
  backoffMs;
  fetchImpl;
  stats = { requests: 0, cacheHits: 0 };
  madeDirs = /* @__PURE__ */ new Set();
  /** Records of the advisories affecting each package, keyed by the package's position. */
  async recordsFor(packages) {
    const ids = await this.queryIds(packages);
    const unique = [...new Set([...ids.values()].flat())];
    const records = /* @__PURE__ */ new Map();
    let next = 0;
    const worker = async () => {
      while (next < unique.length) {
        const id = unique[next++];
        if (id === void 0) break;
        const record = await this.vuln(id);
        if (record) records.set(id, record);
      }
    };
    await Promise.all(Array.from({ length: Math.min(FETCH_CONCURRENCY, unique.length) }, worker));
    const out = /* @__PURE__ */ new Map();
    for (const [i, list] of ids) out.set(i, list.map((id) => records.get(id)).filter((r) => r !== void 0));
    return out;
  }
  queryKey(p) {
    return createHash2("sha256").update(`${p.ecosystem}\0${p.name}\0${p.version}`).digest("hex");
  }
  /** Advisory ids per package: from the cache when fresh, else from /v1/querybatch. */
  async queryIds(packages) {
    const out = /* @__PURE__ */ new Map();
    const missing = [];
    await Promise.all(
      packages.map(async (p, i) => {
        const hit = await this.readCache(join2(this.dir, "query", `${this.queryKey(p)}.json`));
        if (hit) {
          this.stats.cacheHits++;
          out.set(i, hit);
        } else missing.push(i);
      })
    );
    missing.sort((a, b) => a - b);
    for (let start = 0; start < missing.length; start += BATCH) {
      const chunk = missing.slice(start, start + BATCH);
      const found = new Map(chunk.map((i) => [i, /* @__PURE__ */ new Set()]));
      let pending = chunk.map((index) => ({ index }));
      while (pending.length > 0) {
        const body = {
          queries: pending.map(({ index, token }) => {
            const p = packages[index];
            return { package: { ecosystem: p.ecosystem, name: p.name }, version: p.version, ...token ? { page_token: token } : {} };
          })
        };
        const response = await this.request("POST", "/v1/querybatch", body);
        const results = response.results;
        if (!Array.isArray(results) || results.length !== pending.length) {
          throw new AdvisoriesUnavailableError(`OSV querybatch answered ${Array.isArray(results) ? results.length : "no"} results for ${pending.length} queries`);
        }
        const again = [];
        results.forEach((result, k) => {
          const q = pending[k];
          if (!q) return;
          const r = result ?? {};
          for (const v of Array.isArray(r.vulns) ? r.vulns : []) {
            const id = v.id;
            if (typeof id === "string") found.get(q.index)?.add(id);
          }
          if (typeof r.next_page_token === "string" && r.next_page_token !== "") again.push({ index: q.index, token: r.next_page_token });
        });
        pending = again;
      }
      await Promise.all(
        [...found].map(async ([i, set]) => {
          const list = [...set].sort();
          out.set(i, list);
          await this.writeCache(join2(this.dir, "query", `${this.queryKey(packages[i])}.json`), list);
        })
      );
    }
    return out;
  }
  async vuln(id) {
    const file = join2(this.dir, "vulns", `${id.replace(/[^A-Za-z0-9._-]/g, "_")}.json`);
    const hit = await this.readCache(file);
    if (hit) {
      this.stats.cacheHits++;
      return sanitizeRecord(hit) ?? void 0;
    }
    const body = await this.request("GET", `/v1/vulns/${encodeURIComponent(id)}`);
    const record = sanitizeRecord(body);
    if (!record) throw new AdvisoriesUnavailableError(`OSV answered an invalid record for ${id}`);
    await this.writeCache(file, body);
    return record;
  }
  async request(method, path, body) {
    let lastError = "";
    for (let attempt = 0; attempt < this.attempts; attempt++) {
      this.options.signal?.throwIfAborted();
      if (attempt > 0) await sleep(this.backoffMs * 2 ** (attempt - 1), this.options.signal);
      const timeout = AbortSignal.timeout(this.timeoutMs);
      const signal = this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout;
      this.stats.requests++;
      try {
        const init = { method, signal, headers: { accept: "application/json" } };
        if (body !== void 0) {
          init.body = JSON.stringify(body);
          init.headers = { accept: "application/json", "content-type": "application/json" };
        }
        const res = await this.fetchImpl(`${this.base}${path}`, init);
        if (res.ok) return await res.json();
        lastError = `HTTP ${res.status} from ${method} ${path}`;
        await res.body?.cancel();
        if (res.status < 500 && res.status !== 408 && res.status !== 429) break;
      } catch (error) {
        if (this.options.signal?.aborted) throw error;
        lastError = timeout.aborted ? `no answer within ${this.timeoutMs} ms from ${method} ${path}` : describe(error);
      }
    }
    throw new AdvisoriesUnavailableError(`the OSV API at ${this.base} is unavailable: ${lastError}`);
  }
  async readCache(file) {
    try {
      const cached = JSON.parse(await readFile(file, "utf8"));
      if (typeof cached.fetchedAt !== "number" || Date.now() - cached.fetchedAt > this.ttlMs) return void 0;
      return cached.value;
    } catch {
      return void 0;
    }
  }
  async writeCache(file, value) {
    try {
      const dir = join2(file, "..");
      if (!this.madeDirs.has(dir)) {
        await mkdir(dir, { recursive: true });
        this.madeDirs.add(dir);
      }
      const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(tmp, JSON.stringify({ fetchedAt: Date.now(), value }));
      await rename(tmp, file);
    } catch {
    }
  }
};
function describe(error) {
  if (error instanceof Error) {
    const cause = error.cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason instanceof Error ? signal.reason : new Error("aborted"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

// src/scanners/osv/severity.ts
import cvss from "ae-cvss-calculator";
var ORDER = ["CVSS_V4", "CVSS_V3", "CVSS_V2"];
function severityFromScore(score) {
  if (score >= 9) return "critical";
  if (score >= 7) return "high";
  if (score >= 4) return "medium";
  if (score > 0) return "low";
  return "info";
}
var BASE_METRICS = [
  [/^CVSS:4\.0\//, ["AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA"]],
  [/^CVSS:3\.[01]\//, ["AV", "AC", "PR", "UI", "S", "C", "I", "A"]],
  [/^(?!CVSS:)/, ["AV", "AC", "Au", "C", "I", "A"]]
];
function complete(vector) {
  const keys = new Set(vector.split("/").map((part) => part.split(":")[0]));
  const required = BASE_METRICS.find(([prefix]) => prefix.test(vector))?.[1];
  return required !== void 0 && required.every((k) => keys.has(k));
}
var scored = /* @__PURE__ */ new Map();
function cvssScore(entry) {
  const key = `${entry.type}\0${entry.score}`;
  if (scored.has(key)) return scored.get(key);
  const result = computeScore(entry);
  if (scored.size > 1e4) scored.clear();
  scored.set(key, result);
  return result;
}
function computeScore(entry) {
  const vector = entry.score.trim();
  if (!complete(vector)) return void 0;
  try {
    let scores;
    if (entry.type === "CVSS_V4" || vector.startsWith("CVSS:4.0/")) scores = new cvss.Cvss4P0(vector).calculateScores();
    else if (vector.startsWith("CVSS:3.1/")) scores = new cvss.Cvss3P1(vector).calculateScores();
    else if (vector.startsWith("CVSS:3.0/")) scores = new cvss.Cvss3P0(vector).calculateScores();
    else if (entry.type === "CVSS_V2") scores = new cvss.Cvss2(vector).calculateScores();
    const score = scores?.base ?? scores?.overall;
    if (typeof score !== "number" || !Number.isFinite(score)) return void 0;
    return { version: entry.type.replace("CVSS_V", ""), score, vector };
  } catch {
    return void 0;
  }
}
function label(value) {
  if (typeof value !== "string") return void 0;
  switch (value.trim().toLowerCase()) {
    case "critical":
      return "critical";
    case "high":
    case "important":
      return "high";
    case "moderate":
    case "medium":
      return "medium";
    case "low":
    case "minor":
      return "low";
    case "negligible":
    case "unimportant":
    case "none":
      return "info";
    default:
      return void 0;
  }
}
function advisorySeverity(record, entries = []) {
  const vectors = [...entries.flatMap((e) => e.severity ?? []), ...record.severity ?? []];
  for (const type of ORDER) {
    for (const v of vectors) {
      if (v.type !== type || typeof v.score !== "string") continue;
      const scored2 = cvssScore(v);
      if (scored2) return { severity: severityFromScore(scored2.score), cvss: scored2, source: "cvss" };
    }
  }
  const labels = [
    record.database_specific?.severity,
    ...entries.map((e) => e.ecosystem_specific?.severity),
    ...entries.map((e) => e.database_specific?.severity),
    ...vectors.filter((v) => v.type === "Ubuntu").map((v) => v.score)
  ];
  for (const l of labels) {
    const s2 = label(l);
    if (s2) return { severity: s2, source: "database" };
  }
  return { severity: "medium", source: "default" };
}

// src/scanners/osv/index.ts
async function findAdvisories(packages, source) {
  const unique = dedupe(packages);
  const stats = { requests: 0, cacheHits: 0 };
  let skippedRecords = [];
  let offline;
  const recordsOf = [];
  if (source.offline !== void 0) {
    const db = openOfflineDatabase(source.offline);
    const byKey = await db.recordsFor(unique, { cacheDir: source.cacheDir, ...source.signal ? { signal: source.signal } : {} });
    unique.forEach((p, i) => recordsOf[i] = byKey.get(indexKey(p.ecosystem, p.name)) ?? []);
    skippedRecords = [...db.skipped];
    offline = { ...db.stats };
  } else {
    const online = new OsvOnline({ ...source.online, cacheDir: source.cacheDir, ...source.signal ? { signal: source.signal } : {}, ...source.attempts !== void 0 ? { attempts: source.attempts } : {}, ...source.backoffMs !== void 0 ? { backoffMs: source.backoffMs } : {} });
    const byIndex = await online.recordsFor(unique);
    unique.forEach((_, i) => recordsOf[i] = byIndex.get(i) ?? []);
    Object.assign(stats, online.stats);
  }
  const matches = [];
  unique.forEach((pkg, i) => {
    for (const record of recordsOf[i] ?? []) {
      if (record.withdrawn) continue;
      const entries = affectingEntries(record, pkg);
      if (entries.length === 0) continue;
      const sev = advisorySeverity(record, entries);
      const match = {
        package: pkg,
        id: record.id,
        aliases: [...record.aliases ?? []].sort(),
        summary: record.summary ?? firstLine(record.details) ?? record.id,
        severity: sev.severity,
        fixed: fixedVersions(entries, pkg),
        url: `https://osv.dev/vulnerability/${encodeURIComponent(record.id)}`
      };
      if (sev.cvss) match.cvss = sev.cvss;
      if (record.modified) match.modified = record.modified;
      matches.push(match);
    }
  });
  matches.sort((a, b) => cmp2(a.package.ecosystem, b.package.ecosystem) || cmp2(a.package.name, b.package.name) || cmp2(a.package.version, b.package.version) || cmp2(a.id, b.id));
  return offline ? { matches, stats, skippedRecords, offline } : { matches, stats, skippedRecords };
}
async function findVulnerabilities(packages, source) {
  const { matches } = await findAdvisories(packages, source);
  return matches.map(({ package: pkg, id, aliases, summary, severity, fixed }) => ({ package: pkg, id, aliases, summary, severity, fixed }));
}
function dedupe(packages) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const p of packages) {
    const key = `${p.ecosystem}\0${p.name}\0${p.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ecosystem: p.ecosystem, name: p.name, version: p.version });
  }
  return out;
}
function firstLine(text) {
  const line = text?.trim().split("\n")[0]?.trim();
  return line ? line.slice(0, 200) : void 0;
}
function cmp2(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

export {
  AdvisoriesUnavailableError,
  findAdvisories,
  findVulnerabilities
};
