// gradle.lockfile (and the older gradle/dependency-locks/*.lockfile): "group:artifact:version=confs".
// Packages locked only for test configurations are dev; build.gradle(.kts) text says which are direct.
import { type LockPackage, LockfileError, type Manifest, type ParsedLockfile } from "../types.js";

export function parseGradleLock(path: string, content: string, manifest?: Manifest): ParsedLockfile {
  const out: LockPackage[] = [];
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim();
    if (line === "" || line.startsWith("#")) continue;
    const [coords = "", confs = ""] = line.split("=", 2);
    if (coords === "empty") continue;
    const parts = coords.split(":");
    if (parts.length < 3 || parts.some((p) => p === "")) {
      throw new LockfileError(`line ${i + 1}: expected "group:artifact:version=configurations"`, i + 1);
    }
    const [group = "", artifact = "", version = ""] = parts;
    const configurations = confs.split(",").map((c) => c.trim()).filter(Boolean);
    const dev = configurations.length > 0 && configurations.every((c) => /^test|Test[A-Z]|^androidTest|^testFixtures/.test(c));
    const name = `${group}:${artifact}`;
    const direct = manifest?.text !== undefined && manifest.text.includes(name);
    out.push({ ecosystem: "Maven", name, version, direct, dev, line: i + 1 });
  }
  return { path, format: "gradle.lockfile", packages: out, notes: [] };
}
