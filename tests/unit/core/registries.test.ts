// Folder name = id = registry key, for gates, scanners and reporters (CONVENTIONS.md).
import { describe, expect, it } from "@jest/globals";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { gateRegistry } from "../../../src/gates/index.js";
import { reporterRegistry } from "../../../src/reporters/index.js";
import { scannerRegistry } from "../../../src/scanners/index.js";
import { REPO_ROOT } from "../../helpers/cli.js";

const folders = (kind: string) =>
  readdirSync(join(REPO_ROOT, "src", kind), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

describe("registries", () => {
  it("register every gate folder under its folder name, and each gate says so", async () => {
    expect(Object.keys(gateRegistry).sort()).toEqual(folders("gates"));
    for (const [id, entry] of Object.entries(gateRegistry)) expect((await entry.load()).id).toBe(id);
  });

  it("register every scanner folder under its folder name", async () => {
    expect(Object.keys(scannerRegistry).sort()).toEqual(folders("scanners"));
    for (const [id, load] of Object.entries(scannerRegistry)) expect((await load()).id).toBe(id);
  });

  it("register every reporter folder under its folder name", async () => {
    expect(Object.keys(reporterRegistry).sort()).toEqual(folders("reporters"));
    for (const [id, load] of Object.entries(reporterRegistry)) expect((await load()).id).toBe(id);
  });

  it("have no placeholder left: every gate describes itself and declares rules or checks", async () => {
    for (const entry of Object.values(gateRegistry)) {
      const gate = await entry.load();
      expect(gate.description).not.toMatch(/not built yet/i);
    }
    for (const load of Object.values(scannerRegistry)) expect((await load()).description).not.toMatch(/not built yet/i);
    for (const load of Object.values(reporterRegistry)) expect((await load()).description).not.toMatch(/not built yet/i);
  });
});
