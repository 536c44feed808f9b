// The offline OSV database: a directory of per-ecosystem folders or zips, read lazily.
import { afterAll, describe, expect, it } from "@jest/globals";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findAdvisories, findVulnerabilities, AdvisoriesUnavailableError, scanner } from "../../../src/scanners/osv/index.js";
import { OfflineDatabase } from "../../../src/scanners/osv/offline.js";
import { removeDir, tempDir } from "../../helpers/tmp.js";
import { osvRecord, writeOsvDirectory, writeOsvZip } from "./osv-helpers.js";

const dirs: string[] = [];
function temp(): string {
  const d = tempDir("tollgate-osv-");
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach(removeDir));

const RECORDS = [
  osvRecord({
    id: "GHSA-35jh-r3h4-6jhm", ecosystem: "npm", name: "lodash", aliases: ["CVE-2021-23337"], summary: "Command Injection in lodash",
    events: [{ introduced: "0" }, { fixed: "4.17.21" }], severity: [{ type: "CVSS_V3", score: "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H" }],
  }),
  osvRecord({ id: "GHSA-p6mc-m468-83gw", ecosystem: "npm", name: "lodash", aliases: ["CVE-2020-8203"], events: [{ introduced: "3.7.0" }, { fixed: "4.17.19" }], databaseSeverity: "HIGH" }),
  osvRecord({ id: "GHSA-xvch-5gv4-984h", ecosystem: "npm", name: "minimist", events: [{ introduced: "0" }, { fixed: "0.2.4" }, { introduced: "1.0.0" }, { fixed: "1.2.6" }], databaseSeverity: "CRITICAL" }),
  osvRecord({ id: "GHSA-with-drawn-0001", ecosystem: "npm", name: "minimist", events: [{ introduced: "0" }], withdrawn: "2024-01-01T00:00:00Z" }),
  osvRecord({ id: "PYSEC-2021-98", ecosystem: "PyPI", name: "Django", aliases: ["CVE-2021-33203"], events: [{ introduced: "3.2" }, { fixed: "3.2.4" }], databaseSeverity: "MEDIUM" }),
  osvRecord({ id: "DSA-5555-1", ecosystem: "Debian:12", name: "openssl", events: [{ introduced: "0" }, { fixed: "3.0.11-1~deb12u2" }] }),
  osvRecord({ id: "ALPINE-CVE-2023-5678", ecosystem: "Alpine:v3.19", name: "openssl", events: [{ introduced: "0" }, { fixed: "3.1.4-r1" }] }),
  osvRecord({
    id: "GHSA-mult-ipkg-0001", ecosystem: "npm", name: "left-pad", events: [{ introduced: "0" }, { fixed: "1.3.0" }],
    more: [{ ecosystem: "npm", name: "right-pad", events: [{ introduced: "0" }, { fixed: "2.0.0" }] }],
  }),
];

const PACKAGES = [
  { ecosystem: "npm", name: "lodash", version: "4.17.15" },
  { ecosystem: "npm", name: "lodash", version: "4.17.21" },
  { ecosystem: "npm", name: "minimist", version: "1.2.5" },
  { ecosystem: "npm", name: "right-pad", version: "1.9.9" },
  { ecosystem: "PyPI", name: "django", version: "3.2.3" },
  { ecosystem: "Debian:12", name: "openssl", version: "3.0.11-1~deb12u1" },
  { ecosystem: "Alpine:v3.19", name: "openssl", version: "3.1.4-r0" },
  { ecosystem: "Alpine:v3.19", name: "openssl", version: "3.1.4-r1" },
];

const EXPECTED = [
  ["Alpine:v3.19", "openssl", "3.1.4-r0", "ALPINE-CVE-2023-5678", ["3.1.4-r1"]],
  ["Debian:12", "openssl", "3.0.11-1~deb12u1", "DSA-5555-1", ["3.0.11-1~deb12u2"]],
  ["PyPI", "django", "3.2.3", "PYSEC-2021-98", ["3.2.4"]],
  ["npm", "lodash", "4.17.15", "GHSA-35jh-r3h4-6jhm", ["4.17.21"]],
  ["npm", "lodash", "4.17.15", "GHSA-p6mc-m468-83gw", ["4.17.19"]],
  ["npm", "minimist", "1.2.5", "GHSA-xvch-5gv4-984h", ["1.2.6"]],
  ["npm", "right-pad", "1.9.9", "GHSA-mult-ipkg-0001", ["2.0.0"]],
];

describe("offline OSV database", () => {
  it("matches packages against a directory of per-ecosystem folders", async () => {
    const db = writeOsvDirectory(temp(), RECORDS);
    const matches = await findVulnerabilities(PACKAGES, { offline: db, cacheDir: temp() });
    expect(matches.map((m) => [m.package.ecosystem, m.package.name, m.package.version, m.id, m.fixed])).toEqual(EXPECTED);
    const lodash = matches.find((m) => m.id === "GHSA-35jh-r3h4-6jhm");
    expect(lodash).toEqual({
      package: { ecosystem: "npm", name: "lodash", version: "4.17.15" },
      id: "GHSA-35jh-r3h4-6jhm",
      aliases: ["CVE-2021-23337"],
      summary: "Command Injection in lodash",
      severity: "high",
      fixed: ["4.17.21"],
    });
    expect(matches.find((m) => m.id === "GHSA-xvch-5gv4-984h")?.severity).toBe("critical");
  });

  it("gives the same answer from per-ecosystem all.zip files and from one zip", async () => {
    const dir = temp();
    for (const eco of ["npm", "PyPI", "Debian", "Alpine"]) {
      mkdirSync(join(dir, eco));
      writeOsvZip(join(dir, eco, "all.zip"), RECORDS.filter((r) => JSON.stringify(r.affected).includes(`"ecosystem":"${eco}`)));
    }
    const fromDirs = await findVulnerabilities(PACKAGES, { offline: dir, cacheDir: temp() });
    expect(fromDirs.map((m) => [m.package.ecosystem, m.package.name, m.package.version, m.id, m.fixed])).toEqual(EXPECTED);
    const single = writeOsvZip(join(temp(), "osv.zip"), RECORDS);
    const fromZip = await findVulnerabilities(PACKAGES, { offline: single, cacheDir: temp() });
    expect(fromZip).toEqual(fromDirs);
  });

  it("reads only the ecosystems asked about", async () => {
    const dir = writeOsvDirectory(temp(), RECORDS.slice(0, 2));
    mkdirSync(join(dir, "PyPI"));
    writeFileSync(join(dir, "PyPI", "all.zip"), "this is not a zip");
    const npmOnly = await findVulnerabilities([{ ecosystem: "npm", name: "lodash", version: "4.17.20" }], { offline: dir, cacheDir: temp() });
    expect(npmOnly.map((m) => m.id)).toEqual(["GHSA-35jh-r3h4-6jhm"]);
    await expect(findVulnerabilities([{ ecosystem: "PyPI", name: "django", version: "3.2.3" }], { offline: dir, cacheDir: temp() })).rejects.toThrow(AdvisoriesUnavailableError);
  });

  it("skips records that are not valid JSON and reports them", async () => {
    const dir = writeOsvDirectory(temp(), RECORDS.slice(0, 1));
    writeFileSync(join(dir, "npm", "BROKEN-1.json"), '{"id": "BROKEN-1", "affected": [{"package": {"ecosystem": "npm", "name": "lodash"}}], ');
    const result = await findAdvisories([{ ecosystem: "npm", name: "lodash", version: "4.17.20" }], { offline: dir, cacheDir: temp() });
    expect(result.matches.map((m) => m.id)).toEqual(["GHSA-35jh-r3h4-6jhm"]);
    expect(result.skippedRecords).toEqual([join(dir, "npm", "BROKEN-1.json")]);
  });

  it("answers later questions about other packages from the same index", async () => {
    const dir = writeOsvDirectory(temp(), RECORDS);
    const first = await findVulnerabilities([{ ecosystem: "npm", name: "lodash", version: "4.17.20" }], { offline: dir, cacheDir: temp() });
    expect(first.map((m) => m.id)).toEqual(["GHSA-35jh-r3h4-6jhm"]);
    const second = await findVulnerabilities([{ ecosystem: "npm", name: "left-pad", version: "1.0.0" }], { offline: dir, cacheDir: temp() });
    expect(second.map((m) => m.id)).toEqual(["GHSA-mult-ipkg-0001"]);
  });

  it("fails loudly when the database does not exist", async () => {
    await expect(findVulnerabilities(PACKAGES, { offline: join(temp(), "nope"), cacheDir: temp() })).rejects.toThrow(/does not exist/);
  });

  it("indexes a big zip on worker threads and keeps its index for the next run", async () => {
    // 3,000 records, with the worker threshold lowered so the scan runs on worker threads.
    const template = osvRecord({ id: "GHSA-tmpl-tmpl-tmpl", ecosystem: "npm", name: "pkg-0", events: [{ introduced: "0" }, { fixed: "2.0.0" }] });
    const records = Array.from({ length: 3000 }, (_, i) => ({
      ...template,
      id: `BIG-${String(i).padStart(5, "0")}`,
      affected: [{ package: { ecosystem: "npm", name: `pkg-${i % 1000}` }, ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed: `${1 + (i % 3)}.0.0` }] }] }],
    }));
    const zip = writeOsvZip(join(temp(), "npm.zip"), records);
    const cacheDir = temp();
    const asked = [{ ecosystem: "npm", name: "pkg-7", version: "1.5.0" }, { ecosystem: "npm", name: "pkg-999", version: "1.5.0" }];
    const cold = new OfflineDatabase(zip, { workerThreshold: 1000 });
    const first = await cold.recordsFor(asked, { cacheDir });
    expect(cold.stats).toMatchObject({ indexCacheHits: 0, recordsScanned: 3000 });
    // pkg-7 appears in records 7, 1007 and 2007.
    expect(first.get("npm\0pkg-7")?.map((r) => r.id)).toEqual(["BIG-00007", "BIG-01007", "BIG-02007"]);
    const warm = new OfflineDatabase(zip, { workerThreshold: 1000 });
    const second = await warm.recordsFor(asked, { cacheDir });
    expect(warm.stats).toMatchObject({ indexCacheHits: 1, recordsScanned: 0, recordsParsed: 6 });
    expect(second).toEqual(first);
    const matches = await findVulnerabilities(asked, { offline: zip, cacheDir });
    // Record i is fixed in (1 + i % 3).0.0: at 1.5.0, records fixed in 1.0.0 no longer apply.
    expect(matches.map((m) => [m.package.name, m.id, m.fixed])).toEqual([
      ["pkg-7", "BIG-00007", ["2.0.0"]], ["pkg-7", "BIG-01007", ["3.0.0"]], ["pkg-999", "BIG-01999", ["2.0.0"]], ["pkg-999", "BIG-02999", ["3.0.0"]],
    ]);
  });

  it("serves the scanner interface with one finding per match", async () => {
    const db = writeOsvDirectory(temp(), RECORDS);
    const result = await scanner.scan(
      { packages: PACKAGES, source: { offline: db, cacheDir: temp() } },
      { root: temp(), signal: new AbortController().signal, log: { info: () => undefined, warn: () => undefined, output: () => undefined } },
    );
    expect(result.findings.map((f) => [f.ruleId, f.properties?.id])).toEqual(EXPECTED.map((e) => ["dependencies/vulnerable-package", e[3]]));
    expect(result.metrics.advisories).toBe(EXPECTED.length);
  });
});
