// What every lockfile parser produces: one entry per installed package, with where it is declared.

export interface LockPackage {
  /** Ecosystem as OSV names it: "npm", "PyPI", "Go", "crates.io", "RubyGems", "Packagist", "Maven", "NuGet". */
  ecosystem: string;
  name: string;
  /** The exact installed version, as the ecosystem writes it (Go without the leading "v"). */
  version: string;
  /** Declared by the project itself rather than pulled in by another package. */
  direct: boolean;
  /** Only needed to develop or test the project, not to run it. */
  dev: boolean;
  /** 1-based line in the lockfile where the package is declared. */
  line: number;
  /** Licence as the lockfile records it (SPDX expression or free text), when it does. */
  license?: string;
  /**
   * The project's own code rather than a registry release (a Cargo workspace crate, a uv
   * editable project): listed, and put in the SBOM, but never matched against advisories.
   */
  local?: true;
}

/**
 * Files beside a lockfile that say which packages the project asked for (package.json,
 * pyproject.toml, Pipfile, Gemfile, composer.json, build.gradle...). Lockfiles that do not
 * record direct/dev themselves use them; every field is optional.
 */
export interface Manifest {
  /** Names the project depends on at run time. */
  prod?: Set<string>;
  /** Names the project depends on only for development. */
  dev?: Set<string>;
  /** For npm-style manifests: name -> requested range, to pick the right yarn v1 entry. */
  ranges?: Map<string, string>;
  /** Raw text of a manifest that is searched rather than parsed (build.gradle). */
  text?: string;
  /** pom.xml: the parent POMs found in the repository, nearest first. */
  parents?: string[];
}

export interface ParseInput {
  /** Repository-relative path, used to pick the format. */
  path: string;
  content: string;
  manifest?: Manifest;
}

export interface ParsedLockfile {
  path: string;
  /** e.g. "package-lock.json v3", "yarn.lock berry", "pnpm-lock.yaml 9.0". */
  format: string;
  packages: LockPackage[];
  /** Things the parser skipped and why (unresolved Maven property, local path dependency...). */
  notes: string[];
  /** requirements.txt `-r` includes, relative to the including file's folder. */
  includes?: string[];
}

/** A lockfile the parser could not read; the message says why. */
export class LockfileError extends Error {
  override name = "LockfileError";
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}
