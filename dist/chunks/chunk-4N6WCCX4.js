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
  const branch = /^(\d+(?:\.\d+)*)(?:\.[x*])+[-.]dev$/i.exec(v);
  if (branch?.[1]) {
    const nums2 = branch[1].split(".");
    while (nums2.length < 4) nums2.push("9999999");
    return `${nums2.join(".")}-dev`;
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
function isBranchInstall(ecosystem, version) {
  return baseEcosystem(ecosystem).toLowerCase() === "packagist" && /^dev-/i.test(version);
}
function affectsVersion(entry, ecosystem, version) {
  if (entry.versions?.some((v) => sameVersion(ecosystem, v, version))) return true;
  if (isBranchInstall(ecosystem, version)) return false;
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
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

// src/scanners/osv/zip.ts
import { fstatSync, readSync } from "node:fs";
import { crc32, inflateRawSync } from "node:zlib";
function readAt(fd, position, length) {
  const buf = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done === length ? buf : buf.subarray(0, done);
}
var ZipDirectory = class {
  constructor(offsets, compressedSizes, methods, sizes, crcs, names) {
    this.offsets = offsets;
    this.compressedSizes = compressedSizes;
    this.methods = methods;
    this.sizes = sizes;
    this.crcs = crcs;
    this.names = names;
  }
  offsets;
  compressedSizes;
  methods;
  sizes;
  crcs;
  names;
  get count() {
    return this.offsets.length;
  }
  name(i) {
    const start = this.names?.starts[i];
    if (!this.names || start === void 0) return `#${i}`;
    return this.names.cd.toString("utf8", start, start + (this.names.lengths[i] ?? 0));
  }
  entry(i) {
    const entry = { name: this.name(i), method: this.methods[i] ?? 0, compressedSize: this.compressedSizes[i] ?? 0, localOffset: this.offsets[i] ?? 0 };
    const size = this.sizes[i] ?? -1;
    if (size >= 0) {
      entry.size = size;
      entry.crc32 = this.crcs[i] ?? 0;
    }
    return entry;
  }
};
function readCentralDirectory(fd, suffix = "") {
  const size = fstatSync(fd).size;
  const tailStart = Math.max(0, size - (22 + 65535 + 20));
  const tail = readAt(fd, tailStart, size - tailStart);
  const eocd = findEocd(tail);
  if (eocd === -1) throw new Error("not a zip file (no end of central directory record)");
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  const locator = eocd - 20;
  if (locator >= 0 && tail.readUInt32LE(locator) === 117853008) {
    const record = readAt(fd, Number(tail.readBigUInt64LE(locator + 8)), 56);
    if (record.length === 56 && record.readUInt32LE(0) === 101075792) {
      cdSize = Number(record.readBigUInt64LE(40));
      cdOffset = Number(record.readBigUInt64LE(48));
    }
  }
  if (cdOffset + cdSize > size) throw new Error("corrupt zip (central directory beyond the end of the file)");
  return parseCentralDirectory(readAt(fd, cdOffset, cdSize), Buffer.from(suffix));
}
function endsWith(cd, end, length, suffix) {
  if (length < suffix.length) return false;
  for (let k = 1; k <= suffix.length; k++) if (cd[end - k] !== suffix[suffix.length - k]) return false;
  return true;
}
var METHOD = 10;
var CRC = 16;
var COMPRESSED = 20;
var UNCOMPRESSED = 24;
var NAME_LENGTH = 28;
var EXTRA_LENGTH = 30;
var COMMENT_LENGTH = 32;
var LOCAL_OFFSET = 42;
var HEADER = 46;
function parseCentralDirectory(cd, suffix) {
  const kept = [];
  for (let p = 0; p + HEADER <= cd.length; ) {
    if (cd.readUInt32LE(p) !== 33639248) throw new Error("corrupt zip central directory");
    const nameLength = cd.readUInt16LE(p + NAME_LENGTH);
    if (endsWith(cd, p + HEADER + nameLength, nameLength, suffix)) kept.push(p);
    p += HEADER + nameLength + cd.readUInt16LE(p + EXTRA_LENGTH) + cd.readUInt16LE(p + COMMENT_LENGTH);
  }
  const n = kept.length;
  const names = { cd, starts: new Uint32Array(n), lengths: new Uint16Array(n) };
  const dir = new ZipDirectory(new Float64Array(n), new Float64Array(n), new Uint8Array(n), new Float64Array(n), new Uint32Array(n), names);
  kept.forEach((p, i) => {
    const nameLength = cd.readUInt16LE(p + NAME_LENGTH);
    let compressed = cd.readUInt32LE(p + COMPRESSED);
    let uncompressed = cd.readUInt32LE(p + UNCOMPRESSED);
    let offset = cd.readUInt32LE(p + LOCAL_OFFSET);
    if (compressed === 4294967295 || offset === 4294967295 || uncompressed === 4294967295) {
      let e = p + HEADER + nameLength;
      const extraEnd = Math.min(e + cd.readUInt16LE(p + EXTRA_LENGTH), cd.length);
      while (e + 4 <= extraEnd) {
        const fieldSize = cd.readUInt16LE(e + 2);
        if (cd.readUInt16LE(e) === 1) {
          let q = e + 4;
          if (uncompressed === 4294967295) {
            uncompressed = Number(cd.readBigUInt64LE(q));
            q += 8;
          }
          if (compressed === 4294967295) {
            compressed = Number(cd.readBigUInt64LE(q));
            q += 8;
          }
          if (offset === 4294967295) offset = Number(cd.readBigUInt64LE(q));
        }
        e += 4 + fieldSize;
      }
    }
    dir.methods[i] = cd.readUInt16LE(p + METHOD);
    dir.crcs[i] = cd.readUInt32LE(p + CRC);
    dir.compressedSizes[i] = compressed;
    dir.sizes[i] = uncompressed;
    dir.offsets[i] = offset;
    names.starts[i] = p + HEADER;
    names.lengths[i] = nameLength;
  });
  return dir;
}
function findEocd(buf) {
  for (let i = buf.length - 22; i >= 0; i--) if (buf.readUInt32LE(i) === 101010256) return i;
  return -1;
}
var HEADER_SLACK = 256;
function readEntryAt(fd, entry) {
  const buf = readAt(fd, entry.localOffset, 30 + HEADER_SLACK + entry.compressedSize);
  if (buf.length < 30 || buf.readUInt32LE(0) !== 67324752) throw new Error(`corrupt zip entry ${entry.name}`);
  const header = 30 + buf.readUInt16LE(26) + buf.readUInt16LE(28);
  let data = buf.subarray(header, header + entry.compressedSize);
  if (data.length < entry.compressedSize) data = readAt(fd, entry.localOffset + header, entry.compressedSize);
  if (data.length < entry.compressedSize) throw new Error(`truncated zip entry ${entry.name}`);
  let out;
  if (entry.method === 0) out = data;
  else if (entry.method === 8) out = inflateRawSync(data);
  else throw new Error(`zip entry ${entry.name} uses unsupported compression method ${entry.method}`);
  if (entry.size !== void 0 && out.length !== entry.size || entry.crc32 !== void 0 && crc32(out) !== entry.crc32) {
    throw new Error(`zip entry ${entry.name} does not match its size or CRC-32`);
  }
  return out;
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
const { closeSync, openSync, readSync } = require("node:fs");
const { gunzipSync, inflateRawSync } = require("node:zlib");
const wanted = new Set(workerData.wanted);
const HEAD = /^"package"\\s*:\\s*\\{/;
const ECO = /"ecosystem"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)"/;
const NAME = /"name"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)"/;
const SEPARATORS = /[-_.]+/g;
// Only names with a _ or . or a run of separators change under SEPARATORS.
const SEPARATOR_RUN = /[_.]|--/;
const NON_ASCII = /[^\\x00-\\x7f]/;
const NEEDLE = Buffer.from('"package"');
// A loose match (case, separators, escapes) may send back a record nobody asked for, never miss one.
function maybeWanted(eco, name) {
  if (eco.includes("\\\\") || name.includes("\\\\")) return true;
  const colon = eco.indexOf(":");
  let loose = name.toLowerCase();
  if (SEPARATOR_RUN.test(loose)) loose = loose.replace(SEPARATORS, "-");
  return wanted.has((colon === -1 ? eco : eco.slice(0, colon)).toLowerCase() + " " + loose);
}
// One read covers a chunk's entries when they lie together (as zip writers put them); an entry
// outside it, or a chunk spread too wide, is read on its own.
const BLOCK_LIMIT = 64 * 1024 * 1024;
const SLACK = 256;
function readAt(fd, position, length) {
  const buf = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return buf.subarray(0, done);
}
function entryData(fd, block, blockStart, offset, size) {
  let buf = block;
  let p = offset - blockStart;
  if (buf === null || p < 0 || p + 30 > buf.length) {
    buf = readAt(fd, offset, 30 + SLACK + size);
    p = 0;
  }
  if (buf.length < p + 30 || buf.readUInt32LE(p) !== 0x04034b50) throw new Error("bad local header");
  const header = 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (p + header + size <= buf.length) return buf.subarray(p + header, p + header + size);
  const data = readAt(fd, offset + header, size);
  if (data.length < size) throw new Error("truncated entry");
  return data;
}
// Inflating entries one call each pays for a new zlib stream per 1 KB record, more than the
// inflating itself. So a chunk's deflated entries are wrapped as members of one gzip stream (a
// 10-byte header, the raw deflate data, then the CRC-32 and size the central directory gives) and
// inflated in one call: zlib's gunzip decodes concatenated members (RFC 1952, 2.2), and checks each
// member's CRC. The output is cut at the sizes the central directory gives; when anything does not
// add up (a bad entry, a wrong size or CRC), the chunk falls back to one call per entry.
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
const OUTPUT_CHUNK_LIMIT = 16 * 1024 * 1024;
function inflateBatch(raws, lengths, crcs) {
  let inLength = 0;
  let outLength = 0;
  for (let k = 0; k < raws.length; k++) {
    inLength += raws[k].length + 18;
    outLength += lengths[k];
  }
  if (raws.length === 0 || !Number.isSafeInteger(outLength)) return null;
  const gz = Buffer.allocUnsafe(inLength);
  let o = 0;
  for (let k = 0; k < raws.length; k++) {
    gz.set(GZIP_HEADER, o);
    gz.set(raws[k], o + 10);
    o += 10 + raws[k].length;
    gz.writeUInt32LE(crcs[k] >>> 0, o);
    gz.writeUInt32LE(lengths[k] % 4294967296, o + 4);
    o += 8;
  }
  let out;
  try {
    out = gunzipSync(gz, { chunkSize: Math.max(64, Math.min(outLength + 1, OUTPUT_CHUNK_LIMIT)) });
  } catch {
    return null;
  }
  if (out.length !== outLength) return null;
  const parts = new Array(raws.length);
  let q = 0;
  for (let k = 0; k < raws.length; k++) {
    parts[k] = out.subarray(q, q + lengths[k]);
    q += lengths[k];
  }
  return parts;
}
parentPort.on("message", ({ job, base, path, offsets, sizes, methods, lengths, crcs }) => {
  const pairs = [];
  const owners = [];
  const bad = [];
  const hits = [];
  const hitPairs = [];
  const hitOwners = [];
  let fd;
  try {
    fd = openSync(path, "r");
  } catch {
    for (let i = 0; i < offsets.length; i++) bad.push(i);
    parentPort.postMessage({ job, base, pairsJson: "[]", owners: new Int32Array(0), bad, hits, hitPairs: [], hitOwners: new Int32Array(0) });
    return;
  }
  try {
    let lo = Infinity;
    let hi = 0;
    for (let i = 0; i < offsets.length; i++) {
      lo = Math.min(lo, offsets[i]);
      hi = Math.max(hi, offsets[i] + 30 + SLACK + sizes[i]);
    }
    const block = offsets.length > 0 && hi - lo <= BLOCK_LIMIT ? readAt(fd, lo, hi - lo) : null;
    // Raw entry data first, then all deflated entries inflated together.
    const datas = new Array(offsets.length);
    const batch = [];
    for (let i = 0; i < offsets.length; i++) {
      try {
        const raw = entryData(fd, block, lo, offsets[i], sizes[i]);
        if (methods[i] === 0) datas[i] = raw;
        else if (methods[i] === 8) {
          datas[i] = raw;
          if (lengths[i] >= 0) batch.push(i);
        } else throw new Error("unsupported method");
      } catch {
        datas[i] = null;
      }
    }
    const inflated = batch.length === 0 ? null : inflateBatch(batch.map((i) => datas[i]), batch.map((i) => lengths[i]), batch.map((i) => crcs[i]));
    for (let k = 0; k < batch.length; k++) {
      const i = batch[k];
      // A chunk that does not inflate as a whole is redone entry by entry, each still checked.
      datas[i] = inflated ? inflated[k] : (inflateBatch([datas[i]], [lengths[i]], [crcs[i]]) ?? [null])[0];
    }
    for (let i = 0; i < offsets.length; i++) {
      let data = datas[i];
      if (data !== null && methods[i] === 8 && !(lengths[i] >= 0)) {
        try {
          data = inflateRawSync(data);
        } catch {
          data = null;
        }
      }
      if (data === null) {
        bad.push(i);
        continue;
      }
      // A byte search finds the small "package": {...} objects; only they are decoded (as Latin-1,
      // one character per byte, unless they hold non-ASCII bytes), never the whole record.
      let hit = false;
      for (let from = data.indexOf(NEEDLE); from !== -1; from = data.indexOf(NEEDLE, from + 9)) {
        const close = data.indexOf(125, from);
        if (close === -1) break;
        let body = data.latin1Slice(from, close + 1);
        if (!HEAD.test(body)) continue;
        if (NON_ASCII.test(body)) body = data.toString("utf8", from, close + 1);
        const eco = ECO.exec(body);
        const name = NAME.exec(body);
        if (eco && name) {
          pairs.push(eco[1], name[1]);
          owners.push(i);
          if (!hit) hit = maybeWanted(eco[1], name[1]);
        }
      }
      if (hit) {
        hits.push(i, data.toString("utf8"));
        for (let p = owners.length - 1; p >= 0 && owners[p] === i; p--) {
          hitPairs.push(pairs[2 * p], pairs[2 * p + 1]);
          hitOwners.push(i);
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  // The pairs go back as JSON text: one string is cheap to pass, and it is what the index cache keeps.
  parentPort.postMessage({ job, base, pairsJson: JSON.stringify(pairs), owners: Int32Array.from(owners), bad, hits, hitPairs, hitOwners: Int32Array.from(hitOwners) });
});
`;
function looseKey(ecosystem, name) {
  return `${(ecosystem.split(":")[0] ?? "").toLowerCase()} ${name.toLowerCase().replace(/[-_.]+/g, "-")}`;
}
var WORKER_THRESHOLD = 8192;
var CHUNK = 4096;
function scanThreads(entries, threshold = WORKER_THRESHOLD) {
  return entries < threshold ? 1 : Math.max(2, Math.min(4, availableParallelism()));
}
async function scanZips(jobs, threads, wanted, onChunk, signal) {
  const queue = [];
  jobs.forEach((job, j) => {
    for (let base = 0; base < job.dir.count; base += CHUNK) queue.push({ job: j, base, end: Math.min(base + CHUNK, job.dir.count) });
  });
  if (queue.length === 0) return;
  const workerData = { wanted: [...new Set(wanted)] };
  const workers = [];
  const stop = () => {
    for (const w of workers) void w.terminate();
  };
  signal?.addEventListener("abort", stop, { once: true });
  try {
    await new Promise((resolve, reject) => {
      let pending = queue.length;
      const feed = (worker) => {
        const next = queue.shift();
        if (!next) return;
        const t = jobs[next.job]?.dir;
        if (!t) return;
        const { base, end } = next;
        worker.postMessage({
          job: next.job,
          base,
          path: jobs[next.job]?.path,
          offsets: t.offsets.slice(base, end),
          sizes: t.compressedSizes.slice(base, end),
          methods: t.methods.slice(base, end),
          // -1: size unknown, inflated on its own.
          lengths: t.sizes.slice(base, end),
          crcs: t.crcs.slice(base, end)
        });
      };
      for (let t = 0; t < Math.min(threads, queue.length); t++) {
        const worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
        workers.push(worker);
        worker.on("message", (chunk) => {
          feed(worker);
          try {
            onChunk(chunk);
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
            return;
          }
          if (--pending === 0) resolve();
        });
        worker.once("error", reject);
        worker.once("exit", (code) => {
          if (pending > 0) reject(signal?.aborted ? signal.reason : new Error(`zip scan worker stopped with code ${code}`));
        });
        feed(worker);
      }
    });
    signal?.throwIfAborted();
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
var INDEX_VERSION = 4;
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
function packagePairs(text) {
  const pairs = [];
  for (const m of text.matchAll(PACKAGE_OBJECT)) {
    const body = m[1] ?? "";
    const eco = ECOSYSTEM_FIELD.exec(body)?.[1];
    const name = NAME_FIELD.exec(body)?.[1];
    if (eco !== void 0 && name !== void 0) pairs.push(eco, name);
  }
  return pairs;
}
function packageKeys(text) {
  const pairs = packagePairs(text);
  const keys = [];
  for (let p = 0; p + 1 < pairs.length; p += 2) keys.push(rawKey(pairs[p] ?? "", pairs[p + 1] ?? ""));
  return keys;
}
function rawKey(eco, name) {
  return indexKey(unescape(eco), unescape(name));
}
function pairsOf(found) {
  if (typeof found.pairs !== "string") return found.pairs;
  const pairs = JSON.parse(found.pairs);
  return Array.isArray(pairs) ? pairs.map(String) : [];
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
  /**
   * Records that could not be read or parsed, so each is reported once. Records that could are
   * not kept: holding 20,000 of them cost the first scan more in garbage collection than reading
   * one again would cost a later question.
   */
  unreadable = /* @__PURE__ */ new Set();
  /** The question being answered (see visitRecords); the next waits for it. */
  queue = Promise.resolve();
  /** Scanned zips whose index so far holds only the records asked about when they were scanned. */
  pending = [];
  /** Records that could not be read or parsed: reported, never fatal. */
  skipped = [];
  stats = { indexCacheHits: 0, recordsScanned: 0, recordsParsed: 0 };
  /** Loads (once) every source that may hold records of these ecosystems; `wanted`: looseKey()s asked about. */
  async load(ecosystems, wanted, cacheDir, signal) {
    const zips = [];
    for (const source of this.sources) {
      if (source.loaded) continue;
      if (source.ecosystem !== void 0 && !ecosystems.has(source.ecosystem)) continue;
      source.loaded = true;
      if (source.kind === "zip") zips.push(source.path);
      else if (source.kind === "dir") this.loadDir(source.path, zips, signal);
      else this.loadFiles([source.path], signal);
    }
    await this.loadZips(zips, wanted, cacheDir, signal);
  }
  /** Forgets everything loaded: the next question reads its sources again. */
  reset() {
    this.close();
    for (const source of this.sources) source.loaded = false;
    this.containers.length = 0;
    this.index.clear();
    this.unreadable.clear();
    this.pending = [];
  }
  /** Closes the zips it holds open (a later question, after reset(), opens them again). */
  close() {
    for (const c of this.containers) {
      if (c.kind !== "zip") continue;
      try {
        closeSync(c.fd);
      } catch {
      }
    }
  }
  zipFd(at) {
    const c = this.containers[at / SLOT];
    if (c?.kind !== "zip") throw new Error("not a zip container");
    return c.fd;
  }
  addLocation(key, location) {
    const list = this.index.get(key);
    if (!list) this.index.set(key, [location]);
    else if (list[list.length - 1] !== location) list.push(location);
  }
  /** Adds what a scan found to the index, but for the entries it already holds. */
  indexFound(at, found) {
    const { base, owners, indexed } = found;
    const pairs = pairsOf(found);
    for (let p = 0; p < owners.length; p++) {
      const owner = owners[p] ?? 0;
      if (indexed?.has(owner)) continue;
      this.addLocation(rawKey(pairs[2 * p] ?? "", pairs[2 * p + 1] ?? ""), at + base + owner);
    }
  }
  /** Completes the index of zips scanned for an earlier question, so any package can be asked about. */
  completeIndex() {
    for (const { at, found } of this.pending) for (const f of found) this.indexFound(at, f);
    this.pending = [];
  }
  /** Indexes zips: from the cache directory when it holds their index, else by scanning them all in one pool. */
  async loadZips(paths, wanted, cacheDir, signal) {
    const scans = [];
    for (const path of paths) {
      const cacheFile = cacheDir ? indexCacheFile(cacheDir, path) : void 0;
      const cached = cacheFile ? readIndexCache(cacheFile) : void 0;
      if (cached) {
        this.loadCachedZip(path, cached, wanted.keys);
        continue;
      }
      const fd = openZip(path);
      let dir;
      try {
        dir = readCentralDirectory(fd, ".json");
      } catch (error) {
        closeSync(fd);
        throw new AdvisoriesUnavailableError(`the offline OSV database ${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (dir.count >= SLOT) {
        closeSync(fd);
        throw new AdvisoriesUnavailableError(`${path} holds more records than tollgate can index`);
      }
      const at = (this.containers.push({ kind: "zip", path, fd, dir }) - 1) * SLOT;
      scans.push({ path, cacheFile, at, job: { path, dir }, found: [] });
      this.stats.recordsScanned += dir.count;
    }
    if (scans.length === 0) return;
    const total = scans.reduce((n, s2) => n + s2.job.dir.count, 0);
    const threads = scanThreads(total, this.options.workerThreshold);
    if (threads > 1) {
      await scanZips(
        scans.map((s2) => s2.job),
        threads,
        wanted.loose,
        (chunk) => {
          const scan = scans[chunk.job];
          if (!scan) return;
          for (const b of chunk.bad) this.skipped.push(`${scan.path}!${scan.job.dir.name(chunk.base + b)}`);
          const indexed = new Set(chunk.hitOwners);
          scan.found.push({ base: chunk.base, pairs: chunk.pairsJson, owners: chunk.owners, indexed });
          const at = scan.at + chunk.base;
          const records = /* @__PURE__ */ new Map();
          for (let h = 0; h + 1 < chunk.hits.length; h += 2) {
            const entry = Number(chunk.hits[h]);
            records.set(entry, this.parseRecord(at + entry, String(chunk.hits[h + 1])));
          }
          for (let p = 0; p < chunk.hitOwners.length; p++) {
            const entry = chunk.hitOwners[p] ?? 0;
            const key = rawKey(chunk.hitPairs[2 * p] ?? "", chunk.hitPairs[2 * p + 1] ?? "");
            this.addLocation(key, at + entry);
            const record = records.get(entry);
            if (record && wanted.keys.has(key)) wanted.visit(key, at + entry, record);
          }
        },
        signal
      );
      for (const { at, found } of scans) this.pending.push({ at, found });
    } else {
      for (const scan of scans) {
        const fd = this.zipFd(scan.at);
        const pairs = [];
        const owners = [];
        for (let i = 0; i < scan.job.dir.count; i++) {
          if ((i & 1023) === 0) signal?.throwIfAborted();
          let text;
          try {
            text = readEntryAt(fd, scan.job.dir.entry(i)).toString("utf8");
          } catch {
            this.skipped.push(`${scan.path}!${scan.job.dir.name(i)}`);
            continue;
          }
          const found2 = packagePairs(text);
          for (let p = 0; p < found2.length; p += 2) {
            pairs.push(found2[p] ?? "", found2[p + 1] ?? "");
            owners.push(i);
          }
        }
        const found = { base: 0, pairs, owners };
        scan.found.push(found);
        this.indexFound(scan.at, found);
      }
    }
    for (const scan of scans) if (scan.cacheFile) writeIndexCache(scan.cacheFile, scan.job.dir, scan.found);
  }
  /** Warm: the index and the entry table come from the cache; records are read one by one. */
  loadCachedZip(path, cached, wanted) {
    const fd = openZip(path);
    const n = cached.offsets.length;
    const dir = new ZipDirectory(Float64Array.from(cached.offsets), Float64Array.from(cached.sizes), Uint8Array.from(cached.methods), new Float64Array(n).fill(-1), new Uint32Array(n));
    const at = (this.containers.push({ kind: "zip", path, fd, dir }) - 1) * SLOT;
    this.stats.indexCacheHits++;
    const { pairs, owners } = cached;
    const indexed = /* @__PURE__ */ new Set();
    for (let p = 0; p < owners.length; p++) {
      const owner = owners[p] ?? 0;
      if (wanted.has(rawKey(pairs[2 * p] ?? "", pairs[2 * p + 1] ?? ""))) indexed.add(owner);
    }
    for (let p = 0; p < owners.length; p++) {
      const owner = owners[p] ?? 0;
      if (indexed.has(owner)) this.addLocation(rawKey(pairs[2 * p] ?? "", pairs[2 * p + 1] ?? ""), at + owner);
    }
    this.pending.push({ at, found: [{ base: 0, pairs, owners, indexed }] });
  }
  loadDir(dir, zips, signal) {
    const files = [];
    const stack = [dir];
    while (stack.length > 0) {
      const current = stack.pop();
      if (current === void 0) break;
      for (const entry of readdirSync(current, { withFileTypes: true })) {
        const path = join(current, entry.name);
        if (entry.isDirectory()) stack.push(path);
        else if (entry.name.endsWith(".json")) files.push(path);
        else if (entry.name.endsWith(".zip")) zips.push(path);
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
    return c.kind === "zip" ? `${c.path}!${c.dir.name(i)}` : c.files[i] ?? String(location);
  }
  readRecord(location) {
    if (this.unreadable.has(location)) return null;
    const c = this.containers[Math.floor(location / SLOT)];
    const i = location % SLOT;
    let text = "";
    try {
      if (c?.kind === "zip") {
        if (i < c.dir.count) text = readEntryAt(c.fd, c.dir.entry(i)).toString("utf8");
      } else if (c?.kind === "files") {
        const file = c.files[i];
        if (file) text = readFileSync(file, "utf8");
      }
    } catch {
      text = "";
    }
    return this.parseRecord(location, text);
  }
  parseRecord(location, text) {
    let record;
    try {
      record = sanitizeRecord(JSON.parse(text));
    } catch {
      record = null;
    }
    this.stats.recordsParsed++;
    if (record === null && !this.unreadable.has(location)) {
      this.unreadable.add(location);
      this.skipped.push(this.describe(location));
    }
    return record;
  }
  /** Records that name any of these (ecosystem, name) pairs, keyed by indexKey, in database order. */
  async recordsFor(packages, options = {}) {
    const found = /* @__PURE__ */ new Map();
    await this.visitRecords(
      packages,
      (key, location, record) => {
        const list = found.get(key);
        if (list) list.push([location, record]);
        else found.set(key, [[location, record]]);
      },
      options
    );
    const out = /* @__PURE__ */ new Map();
    for (const p of packages) {
      const key = indexKey(p.ecosystem, p.name);
      out.set(key, (found.get(key) ?? []).sort((x, y) => x[0] - y[0]).map(([, record]) => record));
    }
    return out;
  }
  /**
   * Calls `visit` once for each record naming one of these (ecosystem, name) pairs and each key
   * it names, in no particular order: during a first scan, as the workers find them. Questions
   * are answered one at a time, so two gates sharing the database never see a half-built index.
   */
  visitRecords(packages, visit, options = {}) {
    const run = this.queue.then(() => this.visitNow(packages, visit, options));
    this.queue = run.catch(() => void 0);
    return run;
  }
  async visitNow(packages, visit, options) {
    const keys = new Set(packages.map((p) => indexKey(p.ecosystem, p.name)));
    const seen = /* @__PURE__ */ new Set();
    const once = (key, location, record) => {
      const id = `${location}\0${key}`;
      if (seen.has(id)) return;
      seen.add(id);
      visit(key, location, record);
    };
    const ecosystems = new Set(packages.map((p) => baseEcosystem(p.ecosystem).toLowerCase()));
    this.completeIndex();
    try {
      await this.load(ecosystems, { keys, loose: new Set(packages.map((p) => looseKey(p.ecosystem, p.name))), visit: once }, options.cacheDir, options.signal);
    } catch (error) {
      this.reset();
      throw error;
    }
    for (const key of keys) {
      for (const location of this.index.get(key) ?? []) {
        if (seen.has(`${location}\0${key}`)) continue;
        const record = this.readRecord(location);
        if (record) once(key, location, record);
      }
    }
  }
};
function openZip(path) {
  try {
    return openSync(path, "r");
  } catch (error) {
    throw new AdvisoriesUnavailableError(`the offline OSV database ${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}
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
    const { pairs, owners, offsets, sizes, methods } = data;
    if (!Array.isArray(pairs) || !Array.isArray(owners) || pairs.length !== 2 * owners.length) return void 0;
    if (!Array.isArray(offsets) || !Array.isArray(sizes) || !Array.isArray(methods) || offsets.length !== sizes.length || offsets.length !== methods.length) return void 0;
    if (!owners.every((o) => Number.isInteger(o) && o >= 0 && o < offsets.length)) return void 0;
    return { pairs, owners, offsets, sizes, methods };
  } catch {
    return void 0;
  }
}
function writeIndexCache(file, dir, found) {
  try {
    mkdirSync(join(file, ".."), { recursive: true });
    const pairs = [];
    const owners = [];
    for (const f of [...found].sort((x, y) => x.base - y.base)) {
      const json = typeof f.pairs === "string" ? f.pairs : JSON.stringify(f.pairs);
      if (json.length > 2) pairs.push(json.slice(1, -1));
      for (let i = 0; i < f.owners.length; i++) owners.push(f.base + (f.owners[i] ?? 0));
    }
    const table = `"offsets":[${dir.offsets.join(",")}],"sizes":[${dir.compressedSizes.join(",")}],"methods":[${dir.methods.join(",")}]`;
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, `{"version":${INDEX_VERSION},"pairs":[${pairs.join(",")}],"owners":${JSON.stringify(owners)},${table}}`);
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
  hit?.db.close();
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
  const matches = [];
  const reported = /* @__PURE__ */ new Set();
  const check = (pkg, record) => {
    const match = matchOf(pkg, record);
    if (!match) return;
    const id = `${pkg.ecosystem}\0${pkg.name}\0${pkg.version}\0${match.id}`;
    if (reported.has(id)) return;
    reported.add(id);
    matches.push(match);
  };
  if (source.offline !== void 0) {
    const db = openOfflineDatabase(source.offline);
    const byKey = /* @__PURE__ */ new Map();
    for (const p of unique) {
      const key = indexKey(p.ecosystem, p.name);
      const same = byKey.get(key);
      if (same) same.push(p);
      else byKey.set(key, [p]);
    }
    await db.visitRecords(unique, (key, _location, record) => byKey.get(key)?.forEach((pkg) => check(pkg, record)), { cacheDir: source.cacheDir, ...source.signal ? { signal: source.signal } : {} });
    skippedRecords = [...db.skipped];
    offline = { ...db.stats };
  } else {
    const online = new OsvOnline({ ...source.online, cacheDir: source.cacheDir, ...source.signal ? { signal: source.signal } : {}, ...source.attempts !== void 0 ? { attempts: source.attempts } : {}, ...source.backoffMs !== void 0 ? { backoffMs: source.backoffMs } : {} });
    const byIndex = await online.recordsFor(unique);
    unique.forEach((pkg, i) => byIndex.get(i)?.forEach((record) => check(pkg, record)));
    Object.assign(stats, online.stats);
  }
  matches.sort((a, b) => cmp2(a.package.ecosystem, b.package.ecosystem) || cmp2(a.package.name, b.package.name) || cmp2(a.package.version, b.package.version) || cmp2(a.id, b.id));
  return offline ? { matches, stats, skippedRecords, offline } : { matches, stats, skippedRecords };
}
function matchOf(pkg, record) {
  if (record.withdrawn) return void 0;
  const entries = affectingEntries(record, pkg);
  if (entries.length === 0) return void 0;
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
  return match;
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
