// The dependencies gate end to end on real git repositories, with an offline OSV database built
// from schema-valid records, a loopback OSV API, the licence policy and the CycloneDX SBOM.
import { afterAll, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import formats from "ajv-formats";
import { gate } from "../../../src/gates/dependencies/index.js";
import { GateInputError } from "../../../src/core/errors.js";
import { runGateDirect, gateContext } from "../../helpers/gate-context.js";
import { gitRepo, removeDir, tempDir } from "../../helpers/tmp.js";
import { osvRecord, writeOsvDirectory } from "./osv-helpers.js";
import { startFakeOsv, type FakeOsv } from "./osv-server.js";

const dirs: string[] = [];
const servers: FakeOsv[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  dirs.forEach(removeDir);
});
function track(dir: string): string {
  dirs.push(dir);
  return dir;
}

const RECORDS = [
  osvRecord({
    id: "GHSA-35jh-r3h4-6jhm", ecosystem: "npm", name: "lodash", aliases: ["CVE-2021-23337"], summary: "Command Injection in lodash",
    events: [{ introduced: "0" }, { fixed: "4.17.21" }], severity: [{ type: "CVSS_V3", score: "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H" }],
  }),
  osvRecord({ id: "GHSA-jf85-cpcp-j695", ecosystem: "npm", name: "lodash", aliases: ["CVE-2019-10744"], summary: "Prototype Pollution in lodash", events: [{ introduced: "0" }, { fixed: "4.17.12" }], databaseSeverity: "CRITICAL" }),
  osvRecord({ id: "GHSA-dev0-only-0001", ecosystem: "npm", name: "mocha-helper", events: [{ introduced: "0" }, { last_affected: "1.0.0" }], databaseSeverity: "LOW" }),
  osvRecord({ id: "PYSEC-2021-98", ecosystem: "PyPI", name: "django", aliases: ["CVE-2021-33203"], summary: "Directory traversal in Django", events: [{ introduced: "3.2" }, { fixed: "3.2.4" }], databaseSeverity: "MEDIUM" }),
];

const PACKAGE_LOCK = `{
  "name": "app",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": {
      "name": "app",
      "dependencies": { "lodash": "^4.17.0", "dual": "^1.0.0", "copyleft": "^2.0.0", "mystery": "^1.0.0" },
      "devDependencies": { "mocha-helper": "^1.0.0" }
    },
    "node_modules/copyleft": {
      "version": "2.0.0",
      "license": "GPL-3.0-only"
    },
    "node_modules/dual": {
      "version": "1.0.0",
      "license": "(MIT OR GPL-3.0-only)"
    },
    "node_modules/lodash": {
      "version": "4.17.11",
      "license": "MIT"
    },
    "node_modules/mocha-helper": {
      "version": "1.0.0",
      "dev": true,
      "license": "MIT"
    },
    "node_modules/mystery": {
      "version": "1.0.0",
      "license": "SEE LICENSE IN LICENSE.txt"
    }
  }
}
`;

const REPO = {
  "package-lock.json": PACKAGE_LOCK,
  "package.json": '{ "name": "app" }\n',
  "api/requirements.txt": "Django==3.2.3\nsix==1.16.0\n",
  "native/Cargo.lock": "version = 3\n\n[[package]\nname = broken\n",
};

function database(): string {
  return writeOsvDirectory(track(tempDir("tollgate-osvdb-")), RECORDS);
}

describe("dependencies gate", () => {
  it("reports vulnerable packages at their lockfile lines, and a broken lockfile without stopping", async () => {
    const root = track(gitRepo(REPO));
    const { scan, verdict } = await runGateDirect(gate, { root, options: { "osv-database": database() } });
    const vulns = scan.findings.filter((f) => f.ruleId === "dependencies/vulnerable-package");
    expect(vulns.map((f) => [f.location?.path, f.location?.startLine, f.properties?.advisory, f.severity])).toEqual(
      expect.arrayContaining([
        ["package-lock.json", 19, "GHSA-35jh-r3h4-6jhm", "high"],
        ["package-lock.json", 19, "GHSA-jf85-cpcp-j695", "critical"],
        ["package-lock.json", 23, "GHSA-dev0-only-0001", "low"],
        ["api/requirements.txt", 1, "PYSEC-2021-98", "medium"],
      ]),
    );
    expect(vulns).toHaveLength(4);
    const lodash = vulns.find((f) => f.properties?.advisory === "GHSA-35jh-r3h4-6jhm");
    expect(lodash?.message).toBe("lodash@4.17.11 is affected by GHSA-35jh-r3h4-6jhm (CVE-2021-23337): Command Injection in lodash; upgrade to 4.17.21.");
    expect(lodash?.properties).toMatchObject({ package: "lodash", version: "4.17.11", direct: true, dev: false, cve: ["CVE-2021-23337"], fixedIn: ["4.17.21"], cvss: 7.2 });
    expect(lodash?.helpUri).toBe("https://osv.dev/vulnerability/GHSA-35jh-r3h4-6jhm");
    const broken = scan.findings.filter((f) => f.ruleId === "dependencies/parse-error");
    expect(broken).toHaveLength(1);
    expect(broken[0]?.location).toEqual({ path: "native/Cargo.lock", startLine: 3 });
    expect(scan.metrics).toMatchObject({ lockfiles: 2, packages: 7, advisories: 4, vulnerablePackages: 3 });
    expect(verdict?.status).toBe("failed");
  });

  it("keeps fingerprints stable when the lockfile lines move", async () => {
    const db = database();
    const a = await runGateDirect(gate, { root: track(gitRepo(REPO)), options: { "osv-database": db } });
    const moved = { ...REPO, "package-lock.json": PACKAGE_LOCK.replace('"requires": true,', '"requires": true,\n\n\n') };
    const b = await runGateDirect(gate, { root: track(gitRepo(moved)), options: { "osv-database": db } });
    const prints = (s: typeof a.scan) => s.findings.map((f) => f.fingerprint).sort();
    expect(prints(b.scan)).toEqual(prints(a.scan));
    expect(b.scan.findings.find((f) => f.properties?.advisory === "GHSA-35jh-r3h4-6jhm")?.location?.startLine).toBe(22);
  });

  it("reports a version installed at several paths of one lockfile once, at its first line", async () => {
    const lock = PACKAGE_LOCK.replace(
      '"node_modules/mystery": {',
      '"node_modules/copyleft/node_modules/lodash": {\n      "version": "4.17.11",\n      "license": "MIT"\n    },\n    "node_modules/mystery": {',
    );
    const root = track(gitRepo({ "package-lock.json": lock }));
    const { scan } = await runGateDirect(gate, { root, options: { "osv-database": database() } });
    const lodash = scan.findings.filter((f) => f.properties?.package === "lodash");
    expect(lodash.map((f) => [f.properties?.advisory, f.location?.startLine])).toEqual([["GHSA-35jh-r3h4-6jhm", 19], ["GHSA-jf85-cpcp-j695", 19]]);
    expect(new Set(scan.findings.map((f) => f.fingerprint)).size).toBe(scan.findings.length);
  });

  it("lists the project's own crates in the SBOM but never matches them against advisories", async () => {
    const cargo = readFileSync(join(process.cwd(), "tests", "fixtures", "dependencies", "lockfiles", "cargo", "Cargo.lock"), "utf8");
    const root = track(gitRepo({ "Cargo.lock": cargo }));
    const db = writeOsvDirectory(track(tempDir("tollgate-osvdb-")), [
      osvRecord({ id: "RUSTSEC-2099-0001", ecosystem: "crates.io", name: "app", events: [{ introduced: "0" }] }),
      osvRecord({ id: "RUSTSEC-2099-0002", ecosystem: "crates.io", name: "regex", events: [{ introduced: "0" }, { fixed: "1.7.2" }] }),
    ]);
    const { scan } = await runGateDirect(gate, { root, options: { "osv-database": db, sbom: "sbom.json" } });
    expect(scan.findings.map((f) => f.properties?.advisory)).toEqual(["RUSTSEC-2099-0002"]);
    const bom = JSON.parse(readFileSync(join(root, "sbom.json"), "utf8")) as { components: { purl?: string }[] };
    expect(bom.components.map((c) => c.purl)).toContain("pkg:cargo/app@0.1.0");
  });

  it("leaves dev dependencies out when dev is false", async () => {
    const root = track(gitRepo(REPO));
    const { scan } = await runGateDirect(gate, { root, options: { "osv-database": database(), dev: false } });
    expect(scan.findings.some((f) => f.properties?.package === "mocha-helper")).toBe(false);
  });

  it("evaluates SPDX expressions against a deny list, and reports unknown licences as low", async () => {
    const root = track(gitRepo(REPO));
    const { scan } = await runGateDirect(gate, { root, options: { advisories: [], licenses: { deny: ["GPL-3.0-only"] } } });
    const byRule = (rule: string) => scan.findings.filter((f) => f.ruleId === rule).map((f) => f.properties?.package).sort();
    expect(byRule("dependencies/license-denied")).toEqual(["copyleft"]);
    expect(byRule("dependencies/license-unknown")).toEqual(["Django", "mystery", "six"]);
    expect(scan.findings.find((f) => f.ruleId === "dependencies/license-unknown")?.severity).toBe("low");
    expect(scan.findings.find((f) => f.ruleId === "dependencies/license-denied")?.location).toEqual({ path: "package-lock.json", startLine: 11 });
  });

  it("checks an allow list, with globs, and can ignore unknown licences", async () => {
    const root = track(gitRepo(REPO));
    const { scan } = await runGateDirect(gate, { root, options: { advisories: [], licenses: { allow: ["MIT", "BSD-*"], unknown: "ignore" } } });
    expect(scan.findings.filter((f) => f.ruleId.startsWith("dependencies/license")).map((f) => [f.ruleId, f.properties?.package])).toEqual([["dependencies/license-not-allowed", "copyleft"]]);
  });

  it("writes a CycloneDX 1.6 SBOM that validates, with package URLs and licences", async () => {
    const root = track(gitRepo(REPO));
    const { scan } = await runGateDirect(gate, { root, options: { advisories: [], sbom: "reports/sbom.cdx.json" }, now: new Date("2026-01-02T03:04:05Z") });
    expect(scan.notes).toContain("CycloneDX SBOM written to reports/sbom.cdx.json");
    const bom = JSON.parse(readFileSync(join(root, "reports", "sbom.cdx.json"), "utf8")) as { specVersion: string; components: { purl?: string; licenses?: unknown[]; scope?: string; name: string }[]; metadata: { timestamp: string } };
    expect(cycloneDxErrors(bom)).toEqual([]);
    expect(bom.specVersion).toBe("1.6");
    expect(bom.metadata.timestamp).toBe("2026-01-02T03:04:05.000Z");
    expect(bom.components.map((c) => c.purl).sort()).toEqual([
      "pkg:npm/copyleft@2.0.0", "pkg:npm/dual@1.0.0", "pkg:npm/lodash@4.17.11", "pkg:npm/mocha-helper@1.0.0", "pkg:npm/mystery@1.0.0",
      "pkg:pypi/django@3.2.3", "pkg:pypi/six@1.16.0",
    ]);
    const dual = bom.components.find((c) => c.name === "dual");
    expect(dual?.licenses).toEqual([{ expression: "(MIT OR GPL-3.0-only)" }]);
    expect(bom.components.find((c) => c.name === "mocha-helper")?.scope).toBe("optional");
  });

  it("reads licences of installed packages the lockfile does not record", async () => {
    const root = track(gitRepo({
      "web/yarn.lock": '# yarn lockfile v1\n\n\nleft-pad@^1.3.0:\n  version "1.3.0"\n\nright-pad@^1.0.0:\n  version "1.0.1"\n\nold-pad@^1.0.0:\n  version "1.0.0"\n',
      "web/package.json": '{ "dependencies": { "left-pad": "^1.3.0", "right-pad": "^1.0.0", "old-pad": "^1.0.0" } }\n',
      "web/node_modules/left-pad/package.json": '{ "name": "left-pad", "version": "1.3.0", "license": "WTFPL" }\n',
      "web/node_modules/right-pad/package.json": '{ "name": "right-pad", "version": "1.0.1", "license": "GPL-3.0-only" }\n',
      "web/node_modules/old-pad/package.json": '{ "name": "old-pad", "version": "0.9.0", "license": "GPL-3.0-only" }\n',
      "py/requirements.txt": "attrs==23.1.0\n",
      "py/.venv/lib/python3.12/site-packages/attrs-23.1.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: attrs\nVersion: 23.1.0\nLicense-Expression: MIT\n\nClasses without boilerplate.\n",
      ".gitignore": "node_modules/\n.venv/\n",
    }));
    const { scan } = await runGateDirect(gate, { root, options: { advisories: [], licenses: { allow: ["MIT", "WTFPL"] } } });
    expect(scan.findings.map((f) => [f.ruleId, f.properties?.package]).sort()).toEqual([
      // old-pad's installed copy is another version, so its licence stays unknown.
      ["dependencies/license-not-allowed", "right-pad"],
      ["dependencies/license-unknown", "old-pad"],
    ]);
  });

  it("writes an empty SBOM when there are no lockfiles", async () => {
    const root = track(gitRepo({ "README.md": "hello\n" }));
    const { scan } = await runGateDirect(gate, { root, options: { sbom: "sbom.json" } });
    expect(scan.skipped).toMatch(/no lockfile/);
    const bom = JSON.parse(readFileSync(join(root, "sbom.json"), "utf8")) as { components?: unknown[] };
    expect(cycloneDxErrors(bom)).toEqual([]);
    expect(bom.components ?? []).toEqual([]);
  });

  it("errors when the advisory source is unreachable, unless on-unavailable is warn", async () => {
    const root = track(gitRepo(REPO));
    const options = { "osv-url": "http://127.0.0.1:9", "osv-timeout": "2s" };
    await expect(runGateDirect(gate, { root, options })).rejects.toThrow(GateInputError);
    const { scan, verdict } = await runGateDirect(gate, { root, options: { ...options, "on-unavailable": "warn" } });
    expect(scan.findings.filter((f) => f.ruleId === "dependencies/advisories-unavailable")).toHaveLength(1);
    expect(verdict?.status).toBe("failed"); // the broken Cargo.lock still fails the gate
    const clean = track(gitRepo({ "package-lock.json": PACKAGE_LOCK }));
    const warned = await runGateDirect(gate, { root: clean, options: { ...options, "on-unavailable": "warn" } });
    expect(warned.verdict?.status).toBe("warned");
  });

  it("queries the OSV API and re-runs from the cache without a network round trip", async () => {
    const osv = await startFakeOsv({ records: RECORDS, affected: { "npm/lodash/4.17.11": ["GHSA-35jh-r3h4-6jhm", "GHSA-jf85-cpcp-j695"] } });
    servers.push(osv);
    const root = track(gitRepo({ "package-lock.json": PACKAGE_LOCK }));
    const ctx = gateContext(gate, { root, options: { "osv-url": osv.url } });
    const first = await gate.scan(ctx);
    expect(first.findings.filter((f) => f.ruleId === "dependencies/vulnerable-package")).toHaveLength(2);
    expect(first.metrics.osvRequests).toBe(3);
    const requests = osv.log.length;
    const second = await gate.scan(ctx);
    expect(osv.log.length).toBe(requests);
    expect(second.metrics.osvRequests).toBe(0);
    expect(second.findings).toEqual(first.findings);
  });

  it("fails when a lockfile the policy names is missing", async () => {
    const root = track(gitRepo(REPO));
    const { scan, verdict } = await runGateDirect(gate, { root, options: { advisories: [], lockfiles: ["package-lock.json", "web/yarn.lock", "services/*/go.mod"] } });
    expect(scan.findings.map((f) => [f.ruleId, f.location?.path])).toEqual([
      ["dependencies/missing-lockfile", "web/yarn.lock"],
      ["dependencies/missing-lockfile", "services/*/go.mod"],
    ]);
    expect(verdict?.status).toBe("failed");
  });

  it("is skipped with a reason when the repository has no lockfile", async () => {
    const root = track(gitRepo({ "README.md": "hello\n" }));
    const { scan } = await runGateDirect(gate, { root });
    expect(scan.skipped).toMatch(/no lockfile found/);
  });

  it("with --changed, scans only lockfiles whose lockfile or manifest changed", async () => {
    const root = track(gitRepo(REPO));
    const { scan } = await runGateDirect(gate, { root, options: { "osv-database": database() }, changedFiles: ["api/requirements.txt", "README.md"] });
    expect([...new Set(scan.findings.map((f) => f.location?.path))]).toEqual(["api/requirements.txt"]);
    const none = await runGateDirect(gate, { root, changedFiles: ["README.md"] });
    expect(none.scan.skipped).toBe("no lockfile or manifest changed");
  });

  it("declares every rule it reports", async () => {
    const ids = (await gate.rules()).map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(["dependencies/vulnerable-package", "dependencies/license-denied", "dependencies/license-not-allowed", "dependencies/license-unknown", "dependencies/parse-error", "dependencies/missing-lockfile", "dependencies/advisories-unavailable"]));
  });
});

let cdxValidator: ValidateFunction | undefined;
function cycloneDxErrors(bom: unknown): string[] {
  if (!cdxValidator) {
    const dir = join(process.cwd(), "node_modules", "@cyclonedx", "cyclonedx-library", "res", "schema");
    const load = (f: string) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Record<string, unknown>;
    const ajv = new Ajv({ allErrors: true, strict: false });
    formats.default(ajv);
    ajv.addFormat("idn-email", true);
    ajv.addFormat("iri-reference", true);
    // The BOM schema refers to its companions by their file names.
    ajv.addSchema({ ...load("spdx.SNAPSHOT.schema.json"), $id: "http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json" });
    ajv.addSchema({ ...load("jsf-0.82.SNAPSHOT.schema.json"), $id: "http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json" });
    cdxValidator = ajv.compile(load("bom-1.6.SNAPSHOT.schema.json"));
  }
  return cdxValidator(bom) ? [] : (cdxValidator.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
}
