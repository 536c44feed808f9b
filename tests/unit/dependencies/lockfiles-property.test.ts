// Property tests: any input gives packages or a LockfileError (never a crash or a hang), and
// lockfiles rendered from a random package set parse back to exactly that set, at the right lines.
import { describe, expect, it } from "@jest/globals";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { LockfileError, parseLockfile, type ParsedLockfile } from "../../../src/scanners/lockfiles/index.js";

const NAMES = ["package-lock.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", "requirements.txt", "poetry.lock", "Pipfile.lock", "uv.lock", "pdm.lock", "go.mod", "Cargo.lock", "Gemfile.lock", "composer.lock", "pom.xml", "gradle.lockfile", "packages.lock.json"];

function parseOrError(path: string, content: string): ParsedLockfile | LockfileError {
  try {
    return parseLockfile({ path, content });
  } catch (error) {
    if (error instanceof LockfileError) return error;
    throw error;
  }
}

/** Real fixture contents per lockfile name, to mutate. */
const SEEDS: Record<string, string[]> = {};
const walk = (dir: string): void => {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) walk(p);
    else if (NAMES.includes(e)) (SEEDS[e] ??= []).push(readFileSync(p, "utf8"));
  }
};
walk(join(process.cwd(), "tests", "fixtures", "dependencies", "lockfiles"));

describe("lockfile parsers never crash", () => {
  it.each(NAMES)("%s: arbitrary text gives packages or a LockfileError", (name) => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (text) => {
      parseOrError(name, text);
    }), { numRuns: 150 });
  });

  it.each(NAMES)("%s: truncated and corrupted real lockfiles give packages or a LockfileError", (name) => {
    const seeds = SEEDS[name] ?? [];
    expect(seeds.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.nat(), fc.nat(), fc.string({ maxLength: 5 }), (seed, cut, at, junk) => {
        const truncated = seed.slice(0, cut % (seed.length + 1));
        const i = at % (seed.length + 1);
        const corrupted = seed.slice(0, i) + junk + seed.slice(i + junk.length);
        for (const text of [truncated, corrupted]) {
          const result = parseOrError(name, text);
          if (!(result instanceof LockfileError)) {
            for (const p of result.packages) {
              expect(typeof p.name).toBe("string");
              expect(typeof p.version).toBe("string");
              expect(p.line).toBeGreaterThanOrEqual(1);
              expect(p.line).toBeLessThanOrEqual(text.split("\n").length);
            }
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

const name = fc.stringMatching(/^[a-z](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
const version = fc.tuple(fc.nat(30), fc.nat(30), fc.nat(30)).map(([a, b, c]) => `${a}.${b}.${c}`);
const packageSet = fc.uniqueArray(fc.record({ name, version, dev: fc.boolean() }), { selector: (p) => p.name, minLength: 1, maxLength: 25 });

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split("\n").length;
}

describe("lockfiles rendered from a package set parse back to it", () => {
  it("package-lock.json v3", () => {
    fc.assert(fc.property(packageSet, (pkgs) => {
      const doc = {
        name: "root",
        lockfileVersion: 3,
        packages: {
          "": { name: "root", dependencies: Object.fromEntries(pkgs.filter((p) => !p.dev).map((p) => [p.name, `^${p.version}`])), devDependencies: Object.fromEntries(pkgs.filter((p) => p.dev).map((p) => [p.name, p.version])) },
          ...Object.fromEntries(pkgs.map((p) => [`node_modules/${p.name}`, { version: p.version, ...(p.dev ? { dev: true } : {}) }])),
        },
      };
      const text = JSON.stringify(doc, null, 2);
      const parsed = parseLockfile({ path: "package-lock.json", content: text });
      expect(parsed.packages).toEqual(pkgs.map((p) => ({ ecosystem: "npm", name: p.name, version: p.version, direct: true, dev: p.dev, line: lineOf(text, `"node_modules/${p.name}": {`) })));
    }), { numRuns: 100 });
  });

  it("yarn.lock v1 (no package.json: every package nobody depends on is direct)", () => {
    fc.assert(fc.property(packageSet, (pkgs) => {
      const blocks = pkgs.map((p, i) => {
        const next = pkgs[i + 1];
        const deps = next && i % 2 === 0 ? `\n  dependencies:\n    ${next.name} "^${next.version}"` : "";
        return `${p.name}@^${p.version}:\n  version "${p.version}"\n  resolved "https://registry.yarnpkg.com/${p.name}/-/${p.name}-${p.version}.tgz"${deps}\n`;
      });
      const text = `# yarn lockfile v1\n\n\n${blocks.join("\n")}`;
      const parsed = parseLockfile({ path: "yarn.lock", content: text });
      expect(parsed.packages).toEqual(pkgs.map((p, i) => ({
        ecosystem: "npm", name: p.name, version: p.version, direct: !(i > 0 && (i - 1) % 2 === 0), dev: false, line: lineOf(text, `${p.name}@^${p.version}:`),
      })));
    }), { numRuns: 100 });
  });

  it("requirements.txt with hashes, extras and markers", () => {
    fc.assert(fc.property(packageSet, (pkgs) => {
      const lines: string[] = ["# pinned"];
      const expected: { name: string; version: string; line: number }[] = [];
      pkgs.forEach((p, i) => {
        expected.push({ name: p.name, version: p.version, line: lines.length + 1 });
        if (i % 3 === 0) lines.push(`${p.name}==${p.version} \\`, `    --hash=sha256:${"a".repeat(64)}`);
        else if (i % 3 === 1) lines.push(`${p.name}[extra]==${p.version} ; python_version >= "3.8"`);
        else lines.push(`${p.name} == ${p.version}  # comment`);
      });
      const parsed = parseLockfile({ path: "requirements.txt", content: `${lines.join("\n")}\n` });
      expect(parsed.packages.map((p) => ({ name: p.name, version: p.version, line: p.line }))).toEqual(expected);
    }), { numRuns: 100 });
  });

  it("go.mod", () => {
    fc.assert(fc.property(packageSet, (pkgs) => {
      const text = `module example.com/m\n\ngo 1.22.1\n\nrequire (\n${pkgs.map((p) => `\texample.com/${p.name} v${p.version}${p.dev ? " // indirect" : ""}`).join("\n")}\n)\n`;
      const parsed = parseLockfile({ path: "go.mod", content: text });
      expect(parsed.packages).toEqual([
        ...pkgs.map((p, i) => ({ ecosystem: "Go", name: `example.com/${p.name}`, version: p.version, direct: !p.dev, dev: false, line: 6 + i })),
        { ecosystem: "Go", name: "stdlib", version: "1.22.1", direct: true, dev: false, line: 3 },
      ]);
    }), { numRuns: 100 });
  });

  it("Cargo.lock", () => {
    fc.assert(fc.property(packageSet, (pkgs) => {
      const text = `version = 3\n\n[[package]]\nname = "root"\nversion = "0.1.0"\ndependencies = [\n${pkgs.map((p) => ` "${p.name}",`).join("\n")}\n]\n\n${pkgs
        .map((p) => `[[package]]\nname = "${p.name}"\nversion = "${p.version}"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n`)
        .join("\n")}`;
      const parsed = parseLockfile({ path: "Cargo.lock", content: text });
      expect(parsed.packages).toEqual([
        { ecosystem: "crates.io", name: "root", version: "0.1.0", direct: false, dev: false, line: 4, local: true },
        ...pkgs.map((p) => ({ ecosystem: "crates.io", name: p.name, version: p.version, direct: true, dev: false, line: lineOf(text, `name = "${p.name}"`) })),
      ]);
    }), { numRuns: 100 });
  });
});
