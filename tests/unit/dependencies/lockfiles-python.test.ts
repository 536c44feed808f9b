// Python lockfile cases a fixture folder cannot hold: files that are not UTF-8, and the notes
// that say why a requirements line was left out.
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseLockfile } from "../../../src/scanners/lockfiles/index.js";

const FIXTURES = join(process.cwd(), "tests", "fixtures", "dependencies", "lockfiles");

describe("requirements.txt", () => {
  it("reads the UTF-16 file that pip freeze writes in Windows PowerShell", () => {
    const bytes = Buffer.from("\uFEFFasgiref==3.7.2\r\nDjango==4.2.7\r\n# pinned\r\nsqlparse==0.4.4\r\n", "utf16le");
    const parsed = parseLockfile({ path: "requirements.txt", content: bytes.toString("utf8") });
    expect(parsed.packages.map((p) => [p.name, p.version, p.line])).toEqual([
      ["asgiref", "3.7.2", 1],
      ["Django", "4.2.7", 2],
      ["sqlparse", "0.4.4", 4],
    ]);
  });

  it("says why each line it leaves out is not checked", () => {
    const content = readFileSync(join(FIXTURES, "requirements-options", "requirements.txt"), "utf8");
    const { notes } = parseLockfile({ path: "requirements.txt", content });
    expect(notes).toEqual([
      expect.stringMatching(/^requirements\.txt:12: .*environment variable/),
      expect.stringMatching(/^requirements\.txt:15: tool comes from git\+https/),
      expect.stringMatching(/^requirements\.txt:16: editable install/),
      expect.stringMatching(/^requirements\.txt:17: .*URL, a local path/),
      expect.stringMatching(/^requirements\.txt:18: six is not pinned/),
      expect.stringMatching(/^requirements\.txt:20: numpy is not pinned/),
    ]);
  });

  it("reads a version specifier written in parentheses, as PEP 508 allows", () => {
    const parsed = parseLockfile({ path: "requirements.txt", content: "requests (==2.31.0)\nurllib3 (>=2)\n" });
    expect(parsed.packages.map((p) => [p.name, p.version])).toEqual([["requests", "2.31.0"]]);
  });

  it("takes the version of a wheel or sdist only from the named project's own file", () => {
    const content = [
      "pandas @ https://example.com/pandas-2.2.1-cp312-cp312-win_amd64.whl",
      "zope.interface @ https://example.com/zope_interface-6.1.tar.gz",
      "requests @ https://example.com/other-1.0-py3-none-any.whl",
      "flask @ https://github.com/pallets/flask/archive/refs/heads/main.zip",
    ].join("\n");
    const parsed = parseLockfile({ path: "requirements.txt", content });
    expect(parsed.packages.map((p) => [p.name, p.version])).toEqual([
      ["pandas", "2.2.1"],
      ["zope.interface", "6.1"],
    ]);
    expect(parsed.notes).toHaveLength(2);
  });
});
