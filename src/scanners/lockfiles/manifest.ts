// Reads the manifest beside a lockfile (package.json, pyproject.toml, Pipfile, Gemfile and its
// gemspecs, composer.json, build.gradle, .csproj files) into the direct/dev name sets the parsers
// use, and for a pom.xml the parent POMs it inherits from.
import { readFile, readdir } from "node:fs/promises";
import { dirname, join, posix } from "node:path";
import { parse as parseToml } from "smol-toml";
import type { Manifest } from "./types.js";
import type { LockfileKind } from "./detect.js";
import { isRecord, record } from "./text.js";
import { gemfileManifest } from "./parsers/ruby.js";
import { pomParentPath } from "./parsers/maven.js";
import { nugetProjectManifest } from "./parsers/nuget.js";

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return undefined;
  }
}

/** `root` is the repository root, `lockPath` the lockfile's repository-relative path. */
export async function loadManifest(root: string, lockPath: string, kind: LockfileKind): Promise<Manifest | undefined> {
  const dir = join(root, posix.dirname(lockPath));
  try {
    switch (kind) {
      case "npm":
      case "yarn":
        return await npmManifest(dir);
      case "poetry":
      case "pdm":
      case "uv":
        return pyprojectManifest(await readText(join(dir, "pyproject.toml")));
      case "pipfile":
        return pipfileManifest(await readText(join(dir, "Pipfile")));
      case "gemfile": {
        const text = (await readText(join(dir, "Gemfile"))) ?? (await readText(join(dir, "gems.rb")));
        return text === undefined ? undefined : gemfileManifest(text, await gemspecs(dir));
      }
      case "composer":
        return composerManifest(await readText(join(dir, "composer.json")));
      case "pom":
        return await pomManifest(root, lockPath);
      case "nuget": {
        const projects = (await readdir(dir)).filter((n) => /\.(cs|fs|vb)proj$/.test(n));
        const texts = await Promise.all(projects.map((n) => readText(join(dir, n))));
        return nugetProjectManifest(texts.filter((t): t is string => t !== undefined));
      }
      case "gradle": {
        const base = lockPath.includes("gradle/dependency-locks/") ? dirname(dirname(dir)) : dir;
        const text = (await readText(join(base, "build.gradle"))) ?? (await readText(join(base, "build.gradle.kts")));
        return text === undefined ? undefined : { text };
      }
      default:
        return undefined;
    }
  } catch {
    return undefined; // a broken manifest only costs the direct/dev detail, never the scan
  }
}

async function gemspecs(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".gemspec"));
  const texts = await Promise.all(names.map((n) => readText(join(dir, n))));
  return texts.filter((t): t is string => t !== undefined);
}

/** The chain of parent POMs a pom.xml names by <relativePath> (or ../pom.xml), inside the repository. */
async function pomManifest(root: string, lockPath: string): Promise<Manifest | undefined> {
  const parents: string[] = [];
  let current = lockPath;
  let text = await readText(join(root, current));
  for (let depth = 0; text !== undefined && depth < 10; depth++) {
    const relative = pomParentPath(text);
    if (relative === undefined) break;
    const next = posix.normalize(posix.join(posix.dirname(current), relative));
    if (next.startsWith("../") || next === current) break;
    text = await readText(join(root, next));
    if (text !== undefined) parents.push(text);
    current = next;
  }
  return parents.length > 0 ? { parents } : undefined;
}

async function npmManifest(dir: string): Promise<Manifest | undefined> {
  const text = await readText(join(dir, "package.json"));
  if (text === undefined) return undefined;
  const manifest: Manifest = { prod: new Set(), dev: new Set(), ranges: new Map() };
  const add = (pkg: Record<string, unknown>): void => {
    for (const field of ["dependencies", "optionalDependencies", "peerDependencies", "devDependencies"]) {
      for (const [name, range] of Object.entries(record(pkg[field]))) {
        (field === "devDependencies" ? manifest.dev : manifest.prod)?.add(name);
        if (typeof range === "string" && !manifest.ranges?.has(name)) manifest.ranges?.set(name, range);
      }
    }
  };
  const root = record(JSON.parse(text));
  add(root);
  const patterns = Array.isArray(root.workspaces) ? root.workspaces : record(root.workspaces).packages;
  if (Array.isArray(patterns)) {
    for (const pattern of patterns) {
      if (typeof pattern !== "string") continue;
      for (const wsDir of await expandWorkspace(dir, pattern)) {
        const ws = await readText(join(wsDir, "package.json"));
        if (ws !== undefined) add(record(JSON.parse(ws)));
      }
    }
  }
  return manifest;
}

/** "packages/*" or "apps/web": enough of workspace globs for real projects. */
async function expandWorkspace(dir: string, pattern: string): Promise<string[]> {
  const clean = pattern.replace(/\/+$/, "");
  if (!clean.endsWith("/*") && !clean.endsWith("/**")) return [join(dir, clean)];
  const parent = join(dir, clean.replace(/\/\*\*?$/, ""));
  try {
    const entries = await readdir(parent, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && e.name !== "node_modules").map((e) => join(parent, e.name));
  } catch {
    return [];
  }
}

function pep508Name(spec: string): string | undefined {
  return /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(spec)?.[1];
}

function pyprojectManifest(text: string | undefined): Manifest | undefined {
  if (text === undefined) return undefined;
  const doc = parseToml(text) as Record<string, unknown>;
  const prod = new Set<string>();
  const dev = new Set<string>();
  const addList = (list: unknown, into: Set<string>): void => {
    if (!Array.isArray(list)) return;
    for (const item of list) if (typeof item === "string") {
      const name = pep508Name(item);
      if (name) into.add(name);
    }
  };
  const project = record(doc.project);
  addList(project.dependencies, prod);
  for (const extra of Object.values(record(project["optional-dependencies"]))) addList(extra, prod);
  for (const group of Object.values(record(doc["dependency-groups"]))) addList(group, dev);
  const tool = record(doc.tool);
  const poetry = record(tool.poetry);
  for (const name of Object.keys(record(poetry.dependencies))) if (name !== "python") prod.add(name);
  for (const name of Object.keys(record(poetry["dev-dependencies"]))) dev.add(name);
  for (const [group, body] of Object.entries(record(poetry.group))) {
    for (const name of Object.keys(record(record(body).dependencies))) (group === "main" ? prod : dev).add(name);
  }
  for (const group of Object.values(record(record(tool.pdm)["dev-dependencies"]))) addList(group, dev);
  addList(record(tool.uv)["dev-dependencies"], dev);
  return prod.size + dev.size > 0 ? { prod, dev } : undefined;
}

const PIPFILE_TABLES = new Set(["source", "packages", "dev-packages", "requires", "scripts", "pipenv"]);

function pipfileManifest(text: string | undefined): Manifest | undefined {
  if (text === undefined) return undefined;
  const doc = parseToml(text) as Record<string, unknown>;
  const dev = new Set(Object.keys(record(doc["dev-packages"])));
  // Since pipenv 2022.10 any other table is a named package category, installed only on request.
  for (const [key, value] of Object.entries(doc)) {
    if (!PIPFILE_TABLES.has(key) && isRecord(value)) for (const name of Object.keys(value)) dev.add(name);
  }
  return { prod: new Set(Object.keys(record(doc.packages))), dev };
}

function composerManifest(text: string | undefined): Manifest | undefined {
  if (text === undefined) return undefined;
  const doc = JSON.parse(text) as unknown;
  if (!isRecord(doc)) return undefined;
  const platform = (name: string): boolean => name === "php" || name.startsWith("ext-") || name.startsWith("lib-") || !name.includes("/");
  return {
    prod: new Set(Object.keys(record(doc.require)).filter((n) => !platform(n))),
    dev: new Set(Object.keys(record(doc["require-dev"])).filter((n) => !platform(n))),
  };
}
