// Every lockfile format and version against hand-checked package lists, plus malformed files.
import { describe, expect, it } from "@jest/globals";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { LockfileError, lockfileKind, parseLockfile, readLockfiles, scanner } from "../../../src/scanners/lockfiles/index.js";

const FIXTURES = join(process.cwd(), "tests", "fixtures", "dependencies");

function lockfilesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (lockfileKind(relative(dir, p).split("\\").join("/"))) out.push(relative(dir, p).split("\\").join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

type Row = [string, string, string, "direct" | "transitive" | "local", "dev" | "prod", number, string?];

describe("lockfile parsers", () => {
  const cases = readdirSync(join(FIXTURES, "lockfiles")).sort();

  it("cover every format and version the gate promises", () => {
    expect(cases).toEqual(expect.arrayContaining([
      "npm-v1", "npm-v2", "npm-v3", "npm-shrinkwrap", "yarn-v1", "yarn-berry", "pnpm-v5", "pnpm-v6", "pnpm-v9", "bun",
      "requirements", "requirements-pip-compile", "poetry", "poetry-v2", "pipfile", "uv", "pdm",
      "go", "cargo", "gemfile", "composer", "maven", "gradle", "nuget",
    ]));
  });

  it.each(cases)("%s gives the expected packages, lines, direct and dev flags", async (name) => {
    const dir = join(FIXTURES, "lockfiles", name);
    const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Record<string, { format: string; packages: Row[] }>;
    const { lockfiles, failures } = await readLockfiles(dir, lockfilesUnder(dir));
    expect(failures).toEqual([]);
    const actual: Record<string, { format: string; packages: Row[] }> = {};
    for (const l of lockfiles) {
      actual[l.path] = {
        format: l.format,
        packages: l.packages.map((p): Row => {
          const row: Row = [p.ecosystem, p.name, p.version, p.local ? "local" : p.direct ? "direct" : "transitive", p.dev ? "dev" : "prod", p.line];
          if (p.license) row.push(p.license);
          return row;
        }),
      };
    }
    expect(actual).toEqual(expected);
  });

  it("points every package at a lockfile line that names it", async () => {
    for (const name of cases) {
      const dir = join(FIXTURES, "lockfiles", name);
      const { lockfiles } = await readLockfiles(dir, lockfilesUnder(dir));
      for (const l of lockfiles) {
        const lines = readFileSync(join(dir, l.path), "utf8").split("\n");
        for (const p of l.packages) {
          const text = lines[p.line - 1] ?? "";
          // The line names the package (Maven: its <dependency> element; aliases: the alias).
          const short = p.name.split(/[/:]/).pop() ?? p.name;
          const ok = text.toLowerCase().includes(short.toLowerCase()) || /<dependency>|^\s*"?node_modules\/|toolchain|^go /.test(text);
          if (!ok) throw new Error(`${name}/${l.path}:${p.line} does not name ${p.name}: ${text}`);
        }
      }
    }
  });
});

describe("malformed lockfiles", () => {
  const cases = readdirSync(join(FIXTURES, "malformed")).sort();

  it.each(cases)("%s is reported with its path and a reason, not thrown", async (name) => {
    const dir = join(FIXTURES, "malformed", name);
    const files = readdirSync(dir);
    const { lockfiles, failures } = await readLockfiles(dir, files);
    expect(lockfiles).toEqual([]);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.path).toBe(files[0]);
    expect(failures[0]?.message.length).toBeGreaterThan(10);
  });

  it("reports a line where the parser knows it", async () => {
    const { failures } = await readLockfiles(join(FIXTURES, "malformed", "yarn"), ["yarn.lock"]);
    expect(failures[0]).toMatchObject({ path: "yarn.lock", line: 5 });
    const npm = await readLockfiles(join(FIXTURES, "malformed", "npm"), ["package-lock.json"]);
    expect(npm.failures[0]?.message).toMatch(/invalid JSON/);
  });

  it("still parses the good lockfiles next to a broken one", async () => {
    const dir = join(FIXTURES, "lockfiles", "go");
    const { lockfiles, failures } = await readLockfiles(dir, ["missing/go.mod", "go.mod"]);
    expect(failures.map((f) => f.path)).toEqual(["missing/go.mod"]);
    expect(lockfiles.map((l) => l.path)).toEqual(["go.mod"]);
  });

  it("serves the scanner interface: parse errors as findings, packages as metrics", async () => {
    const root = join(FIXTURES, "malformed");
    const result = await scanner.scan(
      { paths: ["npm/package-lock.json", "gemfile/Gemfile.lock"] },
      { root, signal: new AbortController().signal, log: { info: () => undefined, warn: () => undefined, output: () => undefined } },
    );
    expect(result.findings.map((f) => [f.ruleId, f.location?.path, f.location?.startLine])).toEqual([
      ["dependencies/parse-error", "npm/package-lock.json", 7],
      ["dependencies/parse-error", "gemfile/Gemfile.lock", 1],
    ]);
    expect(result.metrics).toEqual({ lockfiles: 0, packages: 0 });
  });

  it("turns every parser exception into a LockfileError", () => {
    expect(() => parseLockfile({ path: "Cargo.lock", content: "[[package]]\nname = 1\n" })).toThrow(LockfileError);
    expect(() => parseLockfile({ path: "composer.lock", content: "null" })).toThrow(LockfileError);
    expect(() => parseLockfile({ path: "unknown.lock", content: "" })).toThrow(/not a lockfile/);
  });
});

describe("lockfile detection", () => {
  it.each([
    ["package-lock.json", "npm"], ["sub/npm-shrinkwrap.json", "npm"], ["yarn.lock", "yarn"], ["pnpm-lock.yaml", "pnpm"],
    ["bun.lock", "bun"], ["requirements.txt", "requirements"], ["requirements-dev.txt", "requirements"],
    ["requirements/prod.txt", "requirements"], ["poetry.lock", "poetry"], ["Pipfile.lock", "pipfile"], ["uv.lock", "uv"],
    ["pdm.lock", "pdm"], ["go.mod", "gomod"], ["Cargo.lock", "cargo"], ["Gemfile.lock", "gemfile"], ["composer.lock", "composer"],
    ["pom.xml", "pom"], ["gradle.lockfile", "gradle"], ["gradle/dependency-locks/compileClasspath.lockfile", "gradle"],
    ["src/packages.lock.json", "nuget"], ["package.json", undefined], ["go.sum", undefined], ["docs/requirements.md", undefined],
  ])("%s -> %s", (path, kind) => {
    expect(lockfileKind(path)).toBe(kind);
  });
});
