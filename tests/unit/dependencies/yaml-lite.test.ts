// The fast YAML-subset reader used for pnpm-lock.yaml agrees with the full `yaml` parser.
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { parseYamlLite } from "../../../src/scanners/lockfiles/parsers/yaml-lite.js";
import { LockfileError } from "../../../src/scanners/lockfiles/index.js";

/** Scalars as strings, sequences dropped: what the lite reader keeps. */
function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return [];
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]));
  if (typeof value === "boolean" || value === null) return value;
  return String(value);
}

describe("YAML subset reader", () => {
  it.each(["pnpm-v5", "pnpm-v6", "pnpm-v9"])("reads the %s fixture as the yaml package does", (name) => {
    const text = readFileSync(join(process.cwd(), "tests", "fixtures", "dependencies", "lockfiles", name, "pnpm-lock.yaml"), "utf8");
    const lite = parseYamlLite(text) as Record<string, unknown>;
    const full = normalize(parse(text)) as Record<string, unknown>;
    // The full parser reads 5.4 as a number; the lockfile version is the only such scalar.
    expect({ ...lite, lockfileVersion: String(Number(lite.lockfileVersion)) }).toEqual({ ...full, lockfileVersion: String(Number(full.lockfileVersion)) });
  });

  it("reads quoted keys, flow mappings, comments and skips sequences", () => {
    const doc = parseYamlLite(
      [
        "# comment",
        "a:",
        "  '@scope/x@1.0.0(peer@2.0.0)':",
        "    resolution: {integrity: sha512-abc==, tarball: 'https://h/x.tgz'}",
        "    os:",
        "      - darwin",
        "      - linux",
        "    dev: true",
        '  "q\\"uoted": 1.10',
        "  empty: {}",
        "b: plain value # trailing comment",
      ].join("\n"),
    );
    expect(doc).toEqual({
      a: {
        "@scope/x@1.0.0(peer@2.0.0)": { resolution: { integrity: "sha512-abc==", tarball: "https://h/x.tgz" }, os: [], dev: true },
        'q"uoted': "1.10",
        empty: {},
      },
      b: "plain value",
    });
  });

  it("hands anchors, block scalars and complex keys to the full parser", () => {
    expect(parseYamlLite("a: &x 1\nb: *x\n")).toBeUndefined();
    expect(parseYamlLite("a: |\n  text\n")).toBeUndefined();
    expect(parseYamlLite("? long key\n: value\n")).toBeUndefined();
  });

  it("reports broken structure with a line", () => {
    expect(() => parseYamlLite("a:\n  b: 1\n c: 2\n")).toThrow(LockfileError);
    expect(() => parseYamlLite("a: 1\njust text\n")).toThrow(/line 2/);
    expect(() => parseYamlLite("'unterminated: 1\n")).toThrow(/unterminated/);
  });
});
