// gradle.lockfile (and the older gradle/dependency-locks/<configuration>.lockfile):
// "group:artifact:version=configurations", or without "=..." in the older per-configuration files.
// Packages locked only for test configurations are dev; build.gradle(.kts) text says which are direct.
import { type LockPackage, LockfileError, type Manifest, type ParsedLockfile } from "../types.js";

const TEST_CONFIGURATION = /^test|Test[A-Z]|^androidTest|^testFixtures/;

export function parseGradleLock(path: string, content: string, manifest?: Manifest): ParsedLockfile {
  const out: LockPackage[] = [];
  const notes: string[] = [];
  // The older layout has one file per configuration, named after it.
  const fileConfiguration = /(?:^|\/)gradle\/dependency-locks\/([^/]+)\.lockfile$/.exec(path)?.[1];
  const lines = content.split(/\r?\n/);
  let firstBad: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim();
    if (line === "" || line.startsWith("#")) continue;
    const [coords = "", confs = ""] = line.split("=", 2);
    if (coords === "empty") continue;
    const parts = coords.split(":");
    if (parts.length !== 3 || parts.some((p) => p === "" || /\s/.test(p))) {
      // Gradle rewrites the whole file, so a stray line is a hand edit: skip it, keep the rest.
      firstBad ??= i + 1;
      notes.push(`${path}:${i + 1}: "${line.slice(0, 60)}" is not "group:artifact:version=configurations"; skipped`);
      continue;
    }
    const [group = "", artifact = "", version = ""] = parts;
    const configurations = fileConfiguration ? [fileConfiguration] : confs.split(",").map((c) => c.trim()).filter(Boolean);
    const dev = configurations.length > 0 && configurations.every((c) => TEST_CONFIGURATION.test(c));
    const name = `${group}:${artifact}`;
    const direct = manifest?.text !== undefined && manifest.text.includes(name);
    out.push({ ecosystem: "Maven", name, version, direct, dev, line: i + 1 });
  }
  if (out.length === 0 && firstBad !== undefined) {
    throw new LockfileError(`line ${firstBad}: expected "group:artifact:version=configurations"`, firstBad);
  }
  return { path, format: "gradle.lockfile", packages: out, notes };
}
