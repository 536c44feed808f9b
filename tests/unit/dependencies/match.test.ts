// Range evaluation at the boundaries (introduced inclusive, fixed exclusive, last_affected
// inclusive), versions lists, withdrawn records, ecosystems with releases, and severity.
import { describe, expect, it } from "@jest/globals";
import { affectingEntries } from "../../../src/scanners/osv/match.js";
import { sanitizeRecord } from "../../../src/scanners/osv/record.js";
import { advisorySeverity } from "../../../src/scanners/osv/severity.js";
import type { OsvRecord, PackageRef } from "../../../src/scanners/osv/types.js";
import { osvRecord, type RecordInput } from "./osv-helpers.js";

function record(input: RecordInput): OsvRecord {
  const r = sanitizeRecord(osvRecord(input));
  if (!r) throw new Error("invalid record");
  return r;
}

function affects(r: OsvRecord, ecosystem: string, name: string, version: string): boolean {
  const pkg: PackageRef = { ecosystem, name, version };
  return affectingEntries(r, pkg).length > 0;
}

describe("range boundaries", () => {
  const fixed = record({ id: "GHSA-aaaa-bbbb-cccc", ecosystem: "npm", name: "lodash", events: [{ introduced: "4.0.0" }, { fixed: "4.17.21" }] });

  it.each([
    ["3.10.1", false], ["4.0.0-rc.1", false], ["4.0.0", true], ["4.17.20", true], ["4.17.21-beta.1", true], ["4.17.21", false], ["4.17.22", false], ["5.0.0", false],
  ])("introduced 4.0.0 / fixed 4.17.21: %s affected=%s", (version, want) => {
    expect(affects(fixed, "npm", "lodash", version)).toBe(want);
  });

  const lastAffected = record({ id: "PYSEC-2021-1", ecosystem: "PyPI", name: "Django", events: [{ introduced: "0" }, { last_affected: "3.2.4" }] });
  it.each([
    ["1.0", true], ["3.2.4", true], ["3.2.4.post1", false], ["3.2.5", false], ["3.2.5rc1", false], ["3.2.4rc1", true],
  ])("introduced 0 / last_affected 3.2.4 (PEP 440): %s affected=%s", (version, want) => {
    expect(affects(lastAffected, "PyPI", "django", version)).toBe(want);
  });

  const multi = record({
    id: "GHSA-mult-iple-rang",
    ecosystem: "Maven",
    name: "org.apache.logging.log4j:log4j-core",
    events: [{ introduced: "2.0-beta9" }, { fixed: "2.3.1" }, { introduced: "2.4" }, { fixed: "2.12.2" }, { introduced: "2.13.0" }, { fixed: "2.15.0" }],
  });
  it.each([
    ["2.0-beta8", false], ["2.0-beta9", true], ["2.0", true], ["2.3", true], ["2.3.1", false], ["2.3.2", false], ["2.4", true],
    ["2.12.1", true], ["2.12.2", false], ["2.12.4", false], ["2.13.0", true], ["2.14.1", true], ["2.15.0", false], ["2.17.0", false],
  ])("several introduced/fixed pairs in one range (Maven): %s affected=%s", (version, want) => {
    expect(affects(multi, "Maven", "org.apache.logging.log4j:log4j-core", version)).toBe(want);
  });

  it("explicit versions lists match exactly, with or without ranges", () => {
    const r = record({ id: "RUSTSEC-2023-0001", ecosystem: "crates.io", name: "time", versions: ["0.1.44", "0.1.45"] });
    expect(affects(r, "crates.io", "time", "0.1.45")).toBe(true);
    expect(affects(r, "crates.io", "time", "0.1.46")).toBe(false);
  });

  it("SEMVER ranges use semver even in ecosystems with another ordering", () => {
    const r = record({ id: "GO-2023-0001", ecosystem: "Go", name: "golang.org/x/net", rangeType: "SEMVER", events: [{ introduced: "0" }, { fixed: "0.7.0" }] });
    expect(affects(r, "Go", "golang.org/x/net", "0.6.9")).toBe(true);
    expect(affects(r, "Go", "golang.org/x/net", "0.7.0")).toBe(false);
    expect(affects(r, "Go", "golang.org/x/net", "v0.5.0")).toBe(true);
  });

  it("Packagist: a branch install is matched only by an explicit versions list, a -dev alias by its place", () => {
    const ranged = record({ id: "GHSA-pack-agis-t001", ecosystem: "Packagist", name: "monolog/monolog", events: [{ introduced: "0" }, { fixed: "2.3.1" }] });
    expect(affects(ranged, "Packagist", "monolog/monolog", "dev-main")).toBe(false);
    expect(affects(ranged, "Packagist", "monolog/monolog", "2.3.0")).toBe(true);
    expect(affects(ranged, "Packagist", "monolog/monolog", "2.x-dev")).toBe(false);
    expect(affects(ranged, "Packagist", "monolog/monolog", "1.x-dev")).toBe(true);
    const listed = record({ id: "GHSA-pack-agis-t002", ecosystem: "Packagist", name: "monolog/monolog", versions: ["dev-main"] });
    expect(affects(listed, "Packagist", "monolog/monolog", "dev-main")).toBe(true);
  });

  it("withdrawn advisories never match", () => {
    const r = record({ id: "GHSA-with-draw-nnnn", ecosystem: "npm", name: "x", events: [{ introduced: "0" }], withdrawn: "2024-02-01T00:00:00Z" });
    expect(affects(r, "npm", "x", "1.0.0")).toBe(false);
  });

  it("names match per ecosystem rules: PyPI normalised, npm exact", () => {
    const py = record({ id: "PYSEC-2022-2", ecosystem: "PyPI", name: "Zope.Interface", events: [{ introduced: "0" }, { fixed: "5.0" }] });
    expect(affects(py, "PyPI", "zope-interface", "4.0")).toBe(true);
    const npm = record({ id: "GHSA-case-case-case", ecosystem: "npm", name: "JSONStream", events: [{ introduced: "0" }, { fixed: "2.0.0" }] });
    expect(affects(npm, "npm", "jsonstream", "1.0.0")).toBe(false);
  });
});

describe("Linux distributions", () => {
  const debian = record({ id: "DSA-5000-1", ecosystem: "Debian:12", name: "openssl", events: [{ introduced: "0" }, { fixed: "3.0.11-1~deb12u2" }] });

  it("Debian: dpkg ordering with ~ and epochs, only the record's release", () => {
    expect(affects(debian, "Debian:12", "openssl", "3.0.11-1~deb12u1")).toBe(true);
    expect(affects(debian, "Debian:12", "openssl", "3.0.11-1~deb12u2")).toBe(false);
    expect(affects(debian, "Debian:12", "openssl", "3.0.11-1")).toBe(false);
    expect(affects(debian, "Debian:11", "openssl", "1.1.1n-0+deb11u1")).toBe(false);
    // A package without a known release is checked against every release's records.
    expect(affects(debian, "Debian", "openssl", "3.0.9-1")).toBe(true);
  });

  it("Debian epochs dominate the upstream version", () => {
    const r = record({ id: "DLA-3000-1", ecosystem: "Debian:12", name: "tzdata", events: [{ introduced: "0" }, { fixed: "1:2.0-1" }] });
    expect(affects(r, "Debian:12", "tzdata", "9.9-1")).toBe(true);
    expect(affects(r, "Debian:12", "tzdata", "1:2.0-1")).toBe(false);
  });

  it("a record without a release applies to every release", () => {
    const r = record({ id: "DSA-4000-1", ecosystem: "Debian", name: "bash", events: [{ introduced: "0" }, { fixed: "5.2-1" }] });
    expect(affects(r, "Debian:12", "bash", "5.1-6")).toBe(true);
  });

  it("Ubuntu: a release without its LTS qualifier still matches", () => {
    const r = record({ id: "UBUNTU-CVE-2024-0001", ecosystem: "Ubuntu:22.04:LTS", name: "curl", events: [{ introduced: "0" }, { fixed: "7.81.0-1ubuntu1.16" }] });
    expect(affects(r, "Ubuntu:22.04", "curl", "7.81.0-1ubuntu1.15")).toBe(true);
    expect(affects(r, "Ubuntu:22.04:LTS", "curl", "7.81.0-1ubuntu1.16")).toBe(false);
    expect(affects(r, "Ubuntu:20.04", "curl", "7.68.0-1ubuntu2")).toBe(false);
  });

  it("Alpine: apk ordering with -rN", () => {
    const r = record({ id: "ALPINE-CVE-2023-0001", ecosystem: "Alpine:v3.19", name: "busybox", events: [{ introduced: "0" }, { fixed: "1.36.1-r15" }] });
    expect(affects(r, "Alpine:v3.19", "busybox", "1.36.1-r2")).toBe(true);
    expect(affects(r, "Alpine:v3.19", "busybox", "1.36.1-r15")).toBe(false);
    expect(affects(r, "Alpine:v3.19", "busybox", "1.36.1-r16")).toBe(false);
    expect(affects(r, "Alpine:v3.18", "busybox", "1.36.1-r2")).toBe(false);
  });
});

describe("severity", () => {
  it("computes CVSS v3.1 and v4.0 base scores from vectors", () => {
    const v3 = record({ id: "GHSA-cvss-vvvv-3333", ecosystem: "npm", name: "a", events: [{ introduced: "0" }], severity: [{ type: "CVSS_V3", score: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" }] });
    expect(advisorySeverity(v3)).toMatchObject({ severity: "critical", cvss: { score: 9.8 }, source: "cvss" });
    const v3medium = record({ id: "GHSA-cvss-vvvv-3334", ecosystem: "npm", name: "a", events: [{ introduced: "0" }], severity: [{ type: "CVSS_V3", score: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:N" }] });
    expect(advisorySeverity(v3medium).severity).toBe("medium");
    const v4 = record({ id: "GHSA-cvss-vvvv-4444", ecosystem: "npm", name: "a", events: [{ introduced: "0" }], severity: [{ type: "CVSS_V4", score: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:L/VA:N/SC:N/SI:N/SA:N" }] });
    const s4 = advisorySeverity(v4);
    expect(s4.source).toBe("cvss");
    expect(s4.cvss?.version).toBe("4");
    expect(s4.severity).toBe(s4.cvss && s4.cvss.score >= 9 ? "critical" : "high");
  });

  it("prefers v4 over v3 when both are given", () => {
    const r = record({
      id: "GHSA-both-vvvv-3434", ecosystem: "npm", name: "a", events: [{ introduced: "0" }],
      severity: [{ type: "CVSS_V3", score: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" }, { type: "CVSS_V4", score: "CVSS:4.0/AV:L/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N" }],
    });
    const s = advisorySeverity(r);
    expect(s.cvss?.version).toBe("4");
    expect(s.severity).toBe("low");
  });

  it("falls back to the database's label, then to medium", () => {
    expect(advisorySeverity(record({ id: "GHSA-dbsp-ssss-1111", ecosystem: "npm", name: "a", events: [{ introduced: "0" }], databaseSeverity: "MODERATE" })).severity).toBe("medium");
    expect(advisorySeverity(record({ id: "GHSA-dbsp-ssss-2222", ecosystem: "npm", name: "a", events: [{ introduced: "0" }], databaseSeverity: "HIGH" })).severity).toBe("high");
    expect(advisorySeverity(record({ id: "GHSA-none-ssss-3333", ecosystem: "npm", name: "a", events: [{ introduced: "0" }] }))).toEqual({ severity: "medium", source: "default" });
  });

  it("ignores a malformed vector instead of failing", () => {
    const r = record({ id: "GHSA-badv-ssss-4444", ecosystem: "npm", name: "a", events: [{ introduced: "0" }], severity: [{ type: "CVSS_V3", score: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" }], databaseSeverity: "LOW" });
    const broken = { ...r, severity: [{ type: "CVSS_V3", score: "CVSS:3.1/AV:X" }] };
    expect(advisorySeverity(broken).severity).toBe("low");
  });
});
