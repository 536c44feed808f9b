// The lockfiles scanner: finds lockfiles of every supported ecosystem and turns each into the
// packages it installs. A file that cannot be parsed is reported and the others still are.
import { readFile } from "node:fs/promises";
import { join, posix } from "node:path";
import type { Scanner, ScannerContext } from "../../core/types.js";
import { makeFinding } from "../../core/finding.js";
import { errorMessage } from "../../core/errors.js";
import { lockfileKind, type LockfileKind } from "./detect.js";
import { loadManifest } from "./manifest.js";
import { JsonError } from "./text.js";
import { LockfileError, type Manifest, type ParsedLockfile, type ParseInput } from "./types.js";
import { parseNpmLock } from "./parsers/npm.js";
import { parseYarnLock } from "./parsers/yarn.js";
import { parsePnpmLock } from "./parsers/pnpm.js";
import { parseBunLock } from "./parsers/bun.js";
import { parsePdmLock, parsePipfileLock, parsePoetryLock, parseRequirements, parseUvLock } from "./parsers/python.js";
import { parseGoMod } from "./parsers/go.js";
import { parseCargoLock } from "./parsers/cargo.js";
import { parseGemfileLock } from "./parsers/ruby.js";
import { parseComposerLock } from "./parsers/composer.js";
import { parseMavenPom } from "./parsers/maven.js";
import { parseGradleLock } from "./parsers/gradle.js";
import { parseNugetLock } from "./parsers/nuget.js";

export type { LockPackage, Manifest, ParsedLockfile, ParseInput } from "./types.js";
export { LockfileError } from "./types.js";
export { lockfileKind, type LockfileKind } from "./detect.js";

const PARSERS: Record<LockfileKind, (path: string, content: string, manifest?: Manifest) => ParsedLockfile> = {
  npm: parseNpmLock,
  yarn: parseYarnLock,
  pnpm: parsePnpmLock,
  bun: parseBunLock,
  requirements: parseRequirements,
  poetry: parsePoetryLock,
  pipfile: parsePipfileLock,
  uv: parseUvLock,
  pdm: parsePdmLock,
  gomod: parseGoMod,
  cargo: parseCargoLock,
  gemfile: parseGemfileLock,
  composer: parseComposerLock,
  pom: parseMavenPom,
  gradle: parseGradleLock,
  nuget: parseNugetLock,
};

/**
 * Parses one lockfile. Throws LockfileError (with a line when known) for a file it cannot read;
 * any other exception from a parser is turned into one, so callers see a single error type.
 */
export function parseLockfile(input: ParseInput & { kind?: LockfileKind }): ParsedLockfile {
  const kind = input.kind ?? lockfileKind(input.path);
  if (!kind) throw new LockfileError(`${input.path} is not a lockfile tollgate knows`);
  try {
    return PARSERS[kind](input.path, input.content, input.manifest);
  } catch (error) {
    if (error instanceof LockfileError) throw error;
    if (error instanceof JsonError) throw new LockfileError(error.message, error.line);
    throw new LockfileError(errorMessage(error));
  }
}

export interface LockfileFailure {
  path: string;
  message: string;
  line?: number;
}

export interface ReadLockfilesResult {
  lockfiles: ParsedLockfile[];
  failures: LockfileFailure[];
}

/**
 * Reads and parses the given repository-relative lockfiles (and the requirements files they
 * include with -r), with the manifest beside each one.
 */
export async function readLockfiles(root: string, paths: string[], signal?: AbortSignal): Promise<ReadLockfilesResult> {
  const lockfiles: ParsedLockfile[] = [];
  const failures: LockfileFailure[] = [];
  const queue = [...paths];
  const done = new Set<string>();
  while (queue.length > 0) {
    signal?.throwIfAborted();
    const path = queue.shift();
    if (path === undefined || done.has(path)) continue;
    done.add(path);
    const kind = lockfileKind(path) ?? (path.endsWith(".txt") || path.endsWith(".in") ? "requirements" : undefined);
    if (!kind) {
      failures.push({ path, message: "not a lockfile format tollgate knows" });
      continue;
    }
    let content: string;
    try {
      content = await readFile(join(root, path), "utf8");
    } catch (error) {
      failures.push({ path, message: `cannot be read: ${errorMessage(error)}` });
      continue;
    }
    const manifest = await loadManifest(root, path, kind);
    try {
      const input: ParseInput & { kind: LockfileKind } = { path, content, kind };
      if (manifest) input.manifest = manifest;
      const parsed = parseLockfile(input);
      lockfiles.push(parsed);
      for (const include of parsed.includes ?? []) {
        const target = posix.normalize(posix.join(posix.dirname(path), include));
        if (!target.startsWith("../")) queue.push(target);
      }
    } catch (error) {
      const failure: LockfileFailure = { path, message: errorMessage(error) };
      if (error instanceof LockfileError && error.line !== undefined) failure.line = error.line;
      failures.push(failure);
    }
  }
  return { lockfiles, failures };
}

/** Scanner interface: input is the list of lockfile paths; every package becomes an "info" finding. */
export const scanner: Scanner<{ paths: string[] }> = {
  id: "lockfiles",
  description: "lockfile parsers for npm, yarn, pnpm, bun, Python, Go, Rust, Ruby, PHP, Java and .NET",
  async scan(input, ctx: ScannerContext) {
    const { lockfiles, failures } = await readLockfiles(ctx.root, input.paths, ctx.signal);
    const findings = failures.map((f) =>
      makeFinding({
        ruleId: "dependencies/parse-error",
        gate: "dependencies",
        severity: "high",
        message: `${f.path} cannot be parsed: ${f.message}.`,
        location: f.line !== undefined ? { path: f.path, startLine: f.line } : { path: f.path },
        key: "parse-error",
      }),
    );
    const packages = lockfiles.reduce((n, l) => n + l.packages.length, 0);
    return { findings, metrics: { lockfiles: lockfiles.length, packages }, notes: lockfiles.flatMap((l) => l.notes) };
  },
};
