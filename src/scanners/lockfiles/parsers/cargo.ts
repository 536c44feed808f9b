// Cargo.lock: [[package]] tables; packages without a `source` are the workspace's own crates,
// and what they depend on is direct. Cargo.lock does not say which dependencies are dev-only.
import { type LockPackage, LockfileError, type ParsedLockfile } from "../types.js";
import { str } from "../text.js";
import { packageLines, packageTables, parseToml } from "./toml.js";

export function parseCargoLock(path: string, content: string): ParsedLockfile {
  const doc = parseToml(content);
  const tables = packageTables(doc);
  const lines = packageLines(content);
  const direct = new Set<string>();
  const out: { pkg: LockPackage; id: string }[] = [];
  const notes: string[] = [];
  const local: LockPackage[] = [];
  tables.forEach((t, i) => {
    const name = str(t.name);
    const version = str(t.version);
    if (!name || !version) throw new LockfileError(`[[package]] #${i + 1} has no name or version`, lines[i]);
    const deps = Array.isArray(t.dependencies) ? t.dependencies.filter((d): d is string => typeof d === "string") : [];
    const source = str(t.source);
    if (!source) {
      // "name" or "name version" or "name version (source)": keep name and, when given, version.
      for (const dep of deps) {
        const [depName = "", depVersion] = dep.split(" ");
        direct.add(depVersion ? `${depName} ${depVersion}` : depName);
      }
      // A workspace or path crate: part of the lockfile's package list, but the project's own code.
      local.push({ ecosystem: "crates.io", name, version, direct: false, dev: false, line: lines[i] ?? 1, local: true });
      return;
    }
    if (!source.startsWith("registry+") && !source.startsWith("sparse+")) {
      notes.push(`${path}:${lines[i] ?? 1}: ${name} ${version} comes from ${source.split("#")[0] ?? source}; it is checked as a crates.io release`);
    }
    out.push({ pkg: { ecosystem: "crates.io", name, version, direct: false, dev: false, line: lines[i] ?? 1 }, id: `${name} ${version}` });
  });
  for (const { pkg, id } of out) pkg.direct = direct.has(id) || direct.has(pkg.name);
  const packages = [...out.map((o) => o.pkg), ...local].sort((a, b) => a.line - b.line);
  return { path, format: `Cargo.lock v${String(doc.version ?? 1)}`, packages, notes };
}
