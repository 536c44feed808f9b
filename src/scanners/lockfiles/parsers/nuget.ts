// packages.lock.json (NuGet): per target framework, each package is Direct, Transitive or
// CentralTransitive; "Project" entries are the solution's own projects.
import { type LockPackage, LockfileError, type ParsedLockfile } from "../types.js";
import { JsonKeyCursor, isRecord, parseJson, record, str } from "../text.js";

export function parseNugetLock(path: string, content: string): ParsedLockfile {
  const doc = parseJson(content);
  if (!isRecord(doc) || !isRecord(doc.dependencies)) throw new LockfileError('packages.lock.json has no "dependencies" object');
  const cursor = new JsonKeyCursor(content);
  cursor.seek('"dependencies"');
  const byId = new Map<string, LockPackage>();
  for (const [framework, deps] of Object.entries(doc.dependencies)) {
    cursor.next(framework, "{");
    for (const [name, value] of Object.entries(record(deps))) {
      const line = cursor.next(name, "{") ?? 1;
      const info = record(value);
      const type = str(info.type) ?? "";
      const version = str(info.resolved);
      if (type === "Project" || !version) continue;
      const key = `${name.toLowerCase()}@${version}`;
      const existing = byId.get(key);
      if (existing) {
        existing.direct ||= type === "Direct";
        continue;
      }
      byId.set(key, { ecosystem: "NuGet", name, version, direct: type === "Direct", dev: false, line });
    }
  }
  return { path, format: `packages.lock.json v${String(doc.version ?? "?")}`, packages: [...byId.values()], notes: [] };
}
