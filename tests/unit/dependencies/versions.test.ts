// Version ordering per ecosystem: each list below is in ascending order per that ecosystem's spec.
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import {
  compareApk, compareDebian, compareGeneric, compareMaven, compareNuget, comparePackagist, comparePep440, compareRubyGems, compareSemver,
} from "../../../src/scanners/osv/versions/index.js";
import type { Compare } from "../../../src/scanners/osv/versions/index.js";

function expectAscending(cmp: Compare, versions: string[]): void {
  for (let i = 0; i < versions.length; i++) {
    for (let j = 0; j < versions.length; j++) {
      const a = versions[i] ?? "";
      const b = versions[j] ?? "";
      const want = Math.sign(i - j);
      if (Math.sign(cmp(a, b)) !== want) throw new Error(`expected compare(${a}, ${b}) = ${want}, got ${cmp(a, b)}`);
    }
  }
}

describe("version ordering", () => {
  it("semver (npm, crates.io, Go): pre-releases before releases, build metadata ignored, leading v", () => {
    expectAscending(compareSemver, ["0.9.9", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.10.0", "v2.0.0"]);
    expect(compareSemver("1.0.0+build.5", "1.0.0")).toBe(0);
    // Go pseudo-versions sort as pre-releases of the next patch.
    expect(compareSemver("0.3.8-0.20211105212822-18b340fc7af2", "0.3.8")).toBeLessThan(0);
    expect(compareSemver("0.3.8-0.20211105212822-18b340fc7af2", "0.3.7")).toBeGreaterThan(0);
  });

  it("PEP 440 (PyPI): dev < a < b < rc < release < post, epochs, normalisation", () => {
    expectAscending(comparePep440, ["1.0.dev0", "1.0a1", "1.0b2", "1.0rc1", "1.0", "1.0.post1", "1.1", "2!0.5"]);
    expect(comparePep440("1.0", "1.0.0")).toBe(0);
    expect(comparePep440("21.6b0", "21.6")).toBeLessThan(0);
  });

  it("RubyGems: letters make a pre-release", () => {
    expectAscending(compareRubyGems, ["1.0.0.a", "1.0.0.b1", "1.0.0.rc1", "1.0.0", "1.0.1", "1.13.10", "2.2.6.2"]);
  });

  it("Maven ComparableVersion: qualifiers, trailing zeros, sp after release", () => {
    expectAscending(compareMaven, ["1-alpha-1", "1-alpha-2", "1-beta", "1-milestone", "1-rc", "1-SNAPSHOT", "1", "1-sp", "1-foo", "1.0.1", "1.1", "2.13.1", "31.0.1-jre"]);
    expect(compareMaven("1.0", "1")).toBe(0);
    expect(compareMaven("1.0.0", "1-final")).toBe(0);
    expect(compareMaven("1.0-ga", "1")).toBe(0);
    expect(compareMaven("1-cr1", "1-rc1")).toBe(0);
    expect(compareMaven("1a1", "1-alpha-1")).toBe(0);
    expect(compareMaven("2.14.1", "2.15.0")).toBeLessThan(0);
  });

  it("NuGet: four parts, case-insensitive pre-release labels", () => {
    expectAscending(compareNuget, ["1.0.0-alpha", "1.0.0-Alpha.2", "1.0.0-beta", "1.0.0", "1.0.0.1", "1.0.1", "12.0.3", "13.0.1"]);
    expect(compareNuget("1.0.0-ALPHA", "1.0.0-alpha")).toBe(0);
    expect(compareNuget("1.0", "1.0.0.0")).toBe(0);
  });

  it("Packagist: Composer normalisation then PHP version_compare", () => {
    expectAscending(comparePackagist, ["1.0.0-dev", "1.0.0-alpha1", "1.0.0-beta2", "1.0.0-RC1", "1.0.0", "1.0.0-p1", "1.0.1", "v1.23.1", "2.3.5"]);
    expect(comparePackagist("v1.2.3", "1.2.3")).toBe(0);
    expect(comparePackagist("1.2", "1.2.0.0")).toBe(0);
  });

  it("Debian dpkg: epochs, ~ before everything, revisions", () => {
    expectAscending(compareDebian, ["1.0~~", "1.0~~a", "1.0~", "1.0", "1.0-1", "1.0-1ubuntu1", "1.0-2", "1.0a", "1.0+b1", "1.1", "1:0.1", "2:0.0"]);
    expect(compareDebian("0:1.2-3", "1.2-3")).toBe(0);
    expect(compareDebian("1.2.3-1+deb12u1", "1.2.3-1")).toBeGreaterThan(0);
    expect(compareDebian("3.0.11-1~deb12u2", "3.0.11-1")).toBeLessThan(0);
    expect(compareDebian("2.36-9+deb12u4", "2.36-9+deb12u10")).toBeLessThan(0);
  });

  it("Alpine apk: suffixes around the release, -rN revisions", () => {
    expectAscending(compareApk, ["1.2.3_alpha1", "1.2.3_beta", "1.2.3_pre2", "1.2.3_rc1", "1.2.3", "1.2.3-r1", "1.2.3-r10", "1.2.3_p1", "1.2.3a", "1.2.4", "1.10.0"]);
    expect(compareApk("3.1.4-r5", "3.1.4-r6")).toBeLessThan(0);
    expect(compareApk("1.36.1-r15", "1.36.1-r2")).toBeGreaterThan(0);
  });

  const versionText = fc.stringMatching(/^[0-9]{1,3}(\.[0-9]{1,3}){0,3}([-._~+]?[a-z]{1,5}[0-9]{0,2})?(-r?[0-9]{1,2})?$/);
  it.each([
    ["semver", compareSemver], ["pep440", comparePep440], ["rubygems", compareRubyGems], ["maven", compareMaven], ["nuget", compareNuget],
    ["packagist", comparePackagist], ["dpkg", compareDebian], ["apk", compareApk], ["generic", compareGeneric],
  ] as [string, Compare][])("%s is a consistent order on arbitrary inputs (antisymmetric, transitive, total)", (_name, cmp) => {
    fc.assert(
      fc.property(versionText, versionText, versionText, (a, b, c) => {
        expect(Math.sign(cmp(a, b))).toBe(-Math.sign(cmp(b, a)) || 0);
        expect(cmp(a, a)).toBe(0);
        if (cmp(a, b) <= 0 && cmp(b, c) <= 0) expect(cmp(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => Number.isFinite(cmp(a, b))), { numRuns: 200 });
  });
});
