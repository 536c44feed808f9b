// Which parser reads a file, decided by its name (and folder, for old Gradle lock files).

export type LockfileKind =
  | "npm" | "yarn" | "pnpm" | "bun"
  | "requirements" | "poetry" | "pipfile" | "uv" | "pdm"
  | "gomod" | "cargo" | "gemfile" | "composer" | "pom" | "gradle" | "nuget";

const BY_NAME: Record<string, LockfileKind> = {
  "package-lock.json": "npm",
  "npm-shrinkwrap.json": "npm",
  "yarn.lock": "yarn",
  "pnpm-lock.yaml": "pnpm",
  "bun.lock": "bun",
  "poetry.lock": "poetry",
  "Pipfile.lock": "pipfile",
  "uv.lock": "uv",
  "pdm.lock": "pdm",
  "go.mod": "gomod",
  "Cargo.lock": "cargo",
  "Gemfile.lock": "gemfile",
  "gems.locked": "gemfile",
  "composer.lock": "composer",
  "pom.xml": "pom",
  "gradle.lockfile": "gradle",
  "buildscript-gradle.lockfile": "gradle",
  "settings-gradle.lockfile": "gradle",
  "packages.lock.json": "nuget",
};

/** The parser for a repository-relative path, or undefined when it is not a lockfile. */
export function lockfileKind(path: string): LockfileKind | undefined {
  const base = path.split("/").pop() ?? path;
  const known = BY_NAME[base];
  if (known) return known;
  if (/^requirements.*\.(txt|pip)$/i.test(base) || /(^|\/)requirements\/[^/]+\.txt$/i.test(path)) return "requirements";
  if (/(^|\/)gradle\/dependency-locks\/[^/]+\.lockfile$/.test(path)) return "gradle";
  return undefined;
}
