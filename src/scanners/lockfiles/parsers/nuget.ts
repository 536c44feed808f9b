// packages.lock.json (NuGet): per target framework, each package is Direct, Transitive or
// CentralTransitive; "Project" entries are the solution's own projects. Dev comes from the project
// files beside the lock: a PackageReference with PrivateAssets="all" (analyzers, test adapters,
// source generators) is a build-time tool that consumers of the project never get.
import { type LockPackage, LockfileError, type Manifest, type ParsedLockfile } from "../types.js";
import { JsonKeyCursor, isRecord, parseJson, reachable, record, str } from "../text.js";

export function parseNugetLock(path: string, content: string, manifest?: Manifest): ParsedLockfile {
  const doc = parseJson(content);
  if (!isRecord(doc) || !isRecord(doc.dependencies)) throw new LockfileError('packages.lock.json has no "dependencies" object');
  const cursor = new JsonKeyCursor(content);
  cursor.seek('"dependencies"');
  const byId = new Map<string, LockPackage>();
  // Lower-cased ids: NuGet ids are case-insensitive and the lock's dependency lists may differ in case.
  const edges = new Map<string, Set<string>>();
  const prodRoots = new Set<string>();
  const devNames = new Set([...(manifest?.dev ?? [])].map((n) => n.toLowerCase()));
  for (const [framework, deps] of Object.entries(doc.dependencies)) {
    cursor.next(framework, "{");
    for (const [name, value] of Object.entries(record(deps))) {
      const line = cursor.next(name, "{") ?? 1;
      const info = record(value);
      const type = str(info.type) ?? "";
      const id = name.toLowerCase();
      const out = edges.get(id) ?? new Set<string>();
      edges.set(id, out);
      for (const dep of Object.keys(record(info.dependencies))) out.add(dep.toLowerCase());
      if (type === "Project" || (type === "Direct" && !devNames.has(id))) prodRoots.add(id);
      const version = str(info.resolved);
      if (type === "Project" || !version) continue;
      const key = `${id}@${version}`;
      const existing = byId.get(key);
      if (existing) {
        existing.direct ||= type === "Direct";
        continue;
      }
      byId.set(key, { ecosystem: "NuGet", name, version, direct: type === "Direct", dev: false, line });
    }
  }
  if (devNames.size > 0) {
    const prod = reachable(prodRoots, (id) => edges.get(id) ?? []);
    for (const pkg of byId.values()) pkg.dev = !prod.has(pkg.name.toLowerCase());
  }
  return { path, format: `packages.lock.json v${String(doc.version ?? "?")}`, packages: [...byId.values()], notes: [] };
}

/** Lower-cased package ids the project files reference, split by PrivateAssets="all" (dev) or not. */
export function nugetProjectManifest(projects: string[]): Manifest {
  const prod = new Set<string>();
  const dev = new Set<string>();
  for (const text of projects) {
    const clean = text.replace(/<!--[\s\S]*?-->/g, "");
    for (const m of clean.matchAll(/<PackageReference\b([^>]*?)(?:\/>|>([\s\S]*?)<\/PackageReference>)/gi)) {
      const attributes = m[1] ?? "";
      const id = /\bInclude\s*=\s*"([^"]+)"/i.exec(attributes)?.[1];
      if (!id) continue;
      const privateAssets = /\bPrivateAssets\s*=\s*"([^"]*)"/i.exec(attributes)?.[1] ?? /<PrivateAssets>\s*([^<]*?)\s*<\/PrivateAssets>/i.exec(m[2] ?? "")?.[1];
      (privateAssets?.toLowerCase() === "all" ? dev : prod).add(id.toLowerCase());
    }
  }
  for (const id of prod) dev.delete(id);
  return { prod, dev };
}
