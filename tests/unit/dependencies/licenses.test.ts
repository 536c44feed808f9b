// SPDX expression evaluation against allow and deny lists.
import { describe, expect, it } from "@jest/globals";
import { checkLicense } from "../../../src/gates/dependencies/licenses.js";
import { purlOf } from "../../../src/gates/dependencies/sbom.js";

describe("licence policy", () => {
  it.each([
    ["MIT OR GPL-3.0-only", { deny: ["GPL-3.0-only"] }, "ok"],
    ["(MIT OR GPL-3.0-only)", { deny: ["GPL-3.0-only"] }, "ok"],
    ["MIT AND GPL-3.0-only", { deny: ["GPL-3.0-only"] }, "denied"],
    ["GPL-3.0-or-later", { deny: ["GPL-3.0-only"] }, "denied"],
    ["GPL-2.0+", { deny: ["GPL-2.0-only"] }, "denied"],
    ["LGPL-2.1-only", { deny: ["GPL-*"] }, "ok"],
    ["GPL-2.0-only WITH Classpath-exception-2.0", { deny: ["GPL-*"] }, "denied"],
    ["AGPL-3.0-only", { deny: ["AGPL-3.0-only"] }, "denied"],
    ["Apache-2.0", { deny: ["GPL-3.0-only"] }, "ok"],
    ["MIT", { allow: ["MIT", "Apache-2.0"] }, "ok"],
    ["MIT OR GPL-3.0-only", { allow: ["MIT"] }, "ok"],
    ["MIT AND BSD-3-Clause", { allow: ["MIT"] }, "not-allowed"],
    ["MIT AND BSD-3-Clause", { allow: ["MIT", "BSD-*"] }, "ok"],
    ["GPL-2.0-only", { allow: ["GPL-2.0-or-later"] }, "not-allowed"],
    ["GPL-2.0", { allow: ["GPL-2.0-only"] }, "ok"],
    ["mit", { allow: ["MIT"] }, "ok"],
    ["(MIT OR Apache-2.0) AND BSD-2-Clause", { allow: ["Apache-2.0", "BSD-2-Clause"], deny: ["MIT"] }, "ok"],
    ["Apache 2.0", { allow: ["Apache-2.0"] }, "ok"],
    ["MIT License", { deny: ["MIT"] }, "denied"],
  ])("%s with %j is %s", (expression, policy, status) => {
    expect(checkLicense(expression, policy).status).toBe(status);
  });

  it("names the offending licences", () => {
    expect(checkLicense("MIT AND GPL-3.0-only", { deny: ["GPL-3.0-only"] })).toEqual({ status: "denied", expression: "MIT AND GPL-3.0-only", licenses: ["GPL-3.0-only"] });
    expect(checkLicense("MIT AND ISC", { allow: ["MIT"] })).toEqual({ status: "not-allowed", expression: "MIT AND ISC", licenses: ["ISC"] });
  });

  it.each([
    [undefined, /no licence/],
    ["", /no licence/],
    ["UNLICENSED", /UNLICENSED/],
    ["SEE LICENSE IN LICENSE.md", /only given in a file/],
    ["Proprietary, all rights reserved by ACME", /not an SPDX/],
  ])("%s is unknown", (expression, reason) => {
    const verdict = checkLicense(expression, { deny: ["GPL-3.0-only"] });
    expect(verdict.status).toBe("unknown");
    if (verdict.status === "unknown") expect(verdict.reason).toMatch(reason);
  });
});

describe("package URLs", () => {
  it.each([
    [{ ecosystem: "npm", name: "@babel/core", version: "7.20.12" }, "pkg:npm/%40babel/core@7.20.12"],
    [{ ecosystem: "npm", name: "lodash", version: "4.17.21" }, "pkg:npm/lodash@4.17.21"],
    [{ ecosystem: "PyPI", name: "Django_Rest.Framework", version: "3.14.0" }, "pkg:pypi/django-rest-framework@3.14.0"],
    [{ ecosystem: "Go", name: "github.com/gin-gonic/gin", version: "1.9.0" }, "pkg:golang/github.com/gin-gonic/gin@v1.9.0"],
    [{ ecosystem: "crates.io", name: "regex", version: "1.7.1" }, "pkg:cargo/regex@1.7.1"],
    [{ ecosystem: "RubyGems", name: "rails", version: "7.0.4" }, "pkg:gem/rails@7.0.4"],
    [{ ecosystem: "Packagist", name: "monolog/monolog", version: "2.3.5" }, "pkg:composer/monolog/monolog@2.3.5"],
    [{ ecosystem: "Maven", name: "org.apache.logging.log4j:log4j-core", version: "2.14.1" }, "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"],
    [{ ecosystem: "NuGet", name: "Newtonsoft.Json", version: "12.0.3" }, "pkg:nuget/Newtonsoft.Json@12.0.3"],
  ])("%j -> %s", (pkg, purl) => {
    expect(purlOf(pkg)?.toString()).toBe(purl);
  });
});
