// Offline OSV zips read the way a first, cold run reads them: on worker threads, a chunk of entries
// inflated at a time, only the records asked about indexed at first. Each test checks an answer a
// user would see: which records come back for a package, and which entries are reported unreadable.
import { afterAll, describe, expect, it } from "@jest/globals";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { zipSync, strToU8 } from "fflate";
import { findAdvisories } from "../../../src/scanners/osv/index.js";
import { OfflineDatabase } from "../../../src/scanners/osv/offline.js";
import { removeDir, tempDir } from "../../helpers/tmp.js";
import { osvRecord, writeOsvDirectory } from "./osv-helpers.js";

const dirs: string[] = [];
function temp(): string {
  const d = tempDir("tollgate-osv-zip-");
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach(removeDir));

const TEMPLATE = osvRecord({ id: "GHSA-tmpl-tmpl-tmpl", ecosystem: "npm", name: "pkg-0", events: [{ introduced: "0" }, { fixed: "2.0.0" }] });

/** n records; record i affects npm package pkg-(i % 1000), fixed in (1 + i % 3).0.0. */
function bigRecords(n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({
    ...TEMPLATE,
    id: `BIG-${String(i).padStart(5, "0")}`,
    affected: [{ package: { ecosystem: "npm", name: `pkg-${i % 1000}` }, ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed: `${1 + (i % 3)}.0.0` }] }] }],
  }));
}

function zipOf(entries: Record<string, string>, level: 0 | 6 = 6): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(entries)) files[name] = strToU8(text);
  return Buffer.from(zipSync(files, { level }));
}

function recordEntries(records: Record<string, unknown>[]): Record<string, string> {
  return Object.fromEntries(records.map((r) => [`${String(r.id)}.json`, JSON.stringify(r)]));
}

/** Rewrites a zip's end records the zip64 way: the classic record holds only 0xffff/0xffffffff. */
function toZip64(zip: Buffer): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = BigInt(zip.readUInt16LE(eocd + 10));
  const cdSize = BigInt(zip.readUInt32LE(eocd + 12));
  const cdOffset = BigInt(zip.readUInt32LE(eocd + 16));
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(count, 24);
  record.writeBigUInt64LE(count, 32);
  record.writeBigUInt64LE(cdSize, 40);
  record.writeBigUInt64LE(cdOffset, 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(eocd), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([zip.subarray(0, eocd), record, locator, end]);
}

/** Flips bytes in the middle of one entry's compressed data. */
function corruptEntry(zip: Buffer, name: string): void {
  const header = zip.indexOf(Buffer.from(name));
  const local = header - 30;
  expect(zip.readUInt32LE(local)).toBe(0x04034b50);
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const size = zip.readUInt32LE(local + 18);
  for (let k = 0; k < 6; k++) {
    const at = start + Math.floor(size / 2) + k;
    zip[at] = (zip[at] ?? 0) ^ 0x5a;
  }
}

const ids = (records: { id: string }[] | undefined): string[] => (records ?? []).map((r) => r.id);

describe("offline OSV zips on worker threads", () => {
  it("indexes only what was asked at first, and answers any later question in full", async () => {
    const zip = join(temp(), "npm.zip");
    writeFileSync(zip, zipOf(recordEntries(bigRecords(3000))));
    const db = new OfflineDatabase(zip, { workerThreshold: 1000 });
    const first = await db.recordsFor([{ ecosystem: "npm", name: "pkg-7" }]);
    expect(ids(first.get("npm\0pkg-7"))).toEqual(["BIG-00007", "BIG-01007", "BIG-02007"]);
    // Only the three records of pkg-7 were parsed by the scan.
    expect(db.stats).toMatchObject({ recordsScanned: 3000, recordsParsed: 3 });
    const later = await db.recordsFor([{ ecosystem: "npm", name: "pkg-500" }, { ecosystem: "npm", name: "pkg-7" }]);
    expect(ids(later.get("npm\0pkg-500"))).toEqual(["BIG-00500", "BIG-01500", "BIG-02500"]);
    expect(ids(later.get("npm\0pkg-7"))).toEqual(["BIG-00007", "BIG-01007", "BIG-02007"]);
  });

  it("keeps the full index in the cache, not just the packages the first run asked about", async () => {
    const zip = join(temp(), "npm.zip");
    writeFileSync(zip, zipOf(recordEntries(bigRecords(3000))));
    const cacheDir = temp();
    await new OfflineDatabase(zip, { workerThreshold: 1000 }).recordsFor([{ ecosystem: "npm", name: "pkg-7" }], { cacheDir });
    const warm = new OfflineDatabase(zip, { workerThreshold: 1000 });
    const answer = await warm.recordsFor([{ ecosystem: "npm", name: "pkg-999" }], { cacheDir });
    expect(warm.stats).toMatchObject({ indexCacheHits: 1, recordsScanned: 0, recordsParsed: 3 });
    expect(ids(answer.get("npm\0pkg-999"))).toEqual(["BIG-00999", "BIG-01999", "BIG-02999"]);
  });

  it("reports a corrupt entry by name and still reads every other record", async () => {
    const zip = join(temp(), "npm.zip");
    const bytes = zipOf(recordEntries(bigRecords(3000)));
    corruptEntry(bytes, "BIG-01007.json");
    writeFileSync(zip, bytes);
    const result = await findAdvisories([{ ecosystem: "npm", name: "pkg-7", version: "1.5.0" }, { ecosystem: "npm", name: "pkg-8", version: "1.5.0" }], { offline: zip, cacheDir: temp() });
    expect(result.skippedRecords).toEqual([`${zip}!BIG-01007.json`]);
    // Records 7, 1007, 2007 are fixed in 2.0.0, 3.0.0 and 1.0.0; 8, 1008 and 2008 in 3.0.0, 1.0.0 and 2.0.0.
    expect(result.matches.map((m) => [m.package.name, m.id])).toEqual([
      ["pkg-7", "BIG-00007"],
      ["pkg-8", "BIG-00008"],
      ["pkg-8", "BIG-02008"],
    ]);
    // The same on worker threads, where the chunk holding it falls back to one entry at a time.
    const db = new OfflineDatabase(zip, { workerThreshold: 1000 });
    const answer = await db.recordsFor([{ ecosystem: "npm", name: "pkg-7" }, { ecosystem: "npm", name: "pkg-8" }]);
    expect(db.skipped).toEqual([`${zip}!BIG-01007.json`]);
    expect(ids(answer.get("npm\0pkg-7"))).toEqual(["BIG-00007", "BIG-02007"]);
    expect(ids(answer.get("npm\0pkg-8"))).toEqual(["BIG-00008", "BIG-01008", "BIG-02008"]);
  });

  it("reads stored (uncompressed) entries", async () => {
    const zip = join(temp(), "npm.zip");
    writeFileSync(zip, zipOf(recordEntries(bigRecords(1200)), 0));
    const db = new OfflineDatabase(zip, { workerThreshold: 1000 });
    const answer = await db.recordsFor([{ ecosystem: "npm", name: "pkg-42" }]);
    expect(ids(answer.get("npm\0pkg-42"))).toEqual(["BIG-00042", "BIG-01042"]);
    expect(db.skipped).toEqual([]);
  });

  it("reads a zip64 archive, as OSV publishes its biggest ecosystems", async () => {
    const zip = join(temp(), "npm.zip");
    writeFileSync(zip, toZip64(zipOf(recordEntries(bigRecords(1500)))));
    expect(readFileSync(zip).readUInt32LE(readFileSync(zip).length - 22 + 16)).toBe(0xffffffff);
    for (const workerThreshold of [1000, 100_000]) {
      const db = new OfflineDatabase(zip, { workerThreshold });
      const answer = await db.recordsFor([{ ecosystem: "npm", name: "pkg-3" }]);
      expect(ids(answer.get("npm\0pkg-3"))).toEqual(["BIG-00003", "BIG-01003"]);
    }
  });

  it("finds records whatever the case, separators or JSON escapes of the names in them", async () => {
    const records = [
      osvRecord({ id: "PYSEC-2024-1", ecosystem: "PyPI", name: "Zope.Interface", events: [{ introduced: "0" }, { fixed: "6.0" }] }),
      osvRecord({ id: "PYSEC-2024-2", ecosystem: "PyPI", name: "zope_interface", events: [{ introduced: "0" }, { fixed: "5.0" }] }),
      osvRecord({ id: "GHSA-cafe-cafe-cafe", ecosystem: "npm", name: "café", events: [{ introduced: "0" }, { fixed: "1.0.0" }] }),
      osvRecord({ id: "GHSA-kafe-kafe-kafe", ecosystem: "npm", name: "café", events: [{ introduced: "0" }, { fixed: "2.0.0" }] }),
    ];
    const entries = recordEntries(records);
    // One record spells the name with a JSON escape, the other in plain UTF-8.
    entries["GHSA-kafe-kafe-kafe.json"] = (entries["GHSA-kafe-kafe-kafe.json"] ?? "").replace("café", "caf\\u00e9");
    const zip = join(temp(), "all.zip");
    writeFileSync(zip, zipOf(entries));
    const db = new OfflineDatabase(zip, { workerThreshold: 1 });
    const answer = await db.recordsFor([{ ecosystem: "PyPI", name: "zope-interface" }, { ecosystem: "npm", name: "café" }]);
    expect(ids(answer.get("pypi\0zope-interface"))).toEqual(["PYSEC-2024-1", "PYSEC-2024-2"]);
    expect(ids(answer.get("npm\0café"))).toEqual(["GHSA-cafe-cafe-cafe", "GHSA-kafe-kafe-kafe"]);
  });

  it("answers two gates asking at once as if they had asked one after the other", async () => {
    const records = [...bigRecords(1500), osvRecord({ id: "PYSEC-2024-9", ecosystem: "PyPI", name: "requests", events: [{ introduced: "0" }, { fixed: "2.32.0" }] })];
    const zip = join(temp(), "all.zip");
    writeFileSync(zip, zipOf(recordEntries(records)));
    const db = new OfflineDatabase(zip, { workerThreshold: 1000 });
    // The dependencies gate and the container gate share one database per process.
    const [npm, pypi] = await Promise.all([db.recordsFor([{ ecosystem: "npm", name: "pkg-1" }]), db.recordsFor([{ ecosystem: "PyPI", name: "requests" }])]);
    expect(ids(npm.get("npm\0pkg-1"))).toEqual(["BIG-00001", "BIG-01001"]);
    expect(ids(pypi.get("pypi\0requests"))).toEqual(["PYSEC-2024-9"]);
  });

  it("reports an advisory once when the database holds it twice", async () => {
    const root = temp();
    const record = osvRecord({ id: "GHSA-twic-eeee-eeee", ecosystem: "npm", name: "left-pad", events: [{ introduced: "0" }, { fixed: "1.3.0" }] });
    writeOsvDirectory(root, [record]);
    writeFileSync(join(root, "npm.zip"), zipOf(recordEntries([record])));
    const result = await findAdvisories([{ ecosystem: "npm", name: "left-pad", version: "1.0.0" }], { offline: root, cacheDir: temp() });
    expect(result.matches.map((m) => m.id)).toEqual(["GHSA-twic-eeee-eeee"]);
  });

  it("answers the next question in full after one that failed part way", async () => {
    const root = temp();
    writeFileSync(join(root, "npm.zip"), zipOf(recordEntries(bigRecords(1200))));
    writeFileSync(join(root, "PyPI.zip"), "not a zip");
    const db = new OfflineDatabase(root, { workerThreshold: 1000 });
    await expect(db.recordsFor([{ ecosystem: "npm", name: "pkg-5" }, { ecosystem: "PyPI", name: "requests" }])).rejects.toThrow(/PyPI\.zip cannot be read/);
    const answer = await db.recordsFor([{ ecosystem: "npm", name: "pkg-5" }]);
    expect(ids(answer.get("npm\0pkg-5"))).toEqual(["BIG-00005", "BIG-01005"]);
  });
});
