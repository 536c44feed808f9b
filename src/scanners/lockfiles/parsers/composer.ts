// composer.lock: "packages" and "packages-dev" arrays; composer.json's require lists say which
// are direct. An array of licences in Composer means the user may pick any of them (OR).
import { type LockPackage, LockfileError, type Manifest, type ParsedLockfile } from "../types.js";
import { JsonKeyCursor, isRecord, parseJson, record, str } from "../text.js";

export function parseComposerLock(path: string, content: string, manifest?: Manifest): ParsedLockfile {
  const doc = parseJson(content);
  if (!isRecord(doc)) throw new LockfileError("composer.lock is not a JSON object");
  const cursor = new JsonKeyCursor(content);
  const out: LockPackage[] = [];
  const required = new Set<string>();
  for (const section of ["packages", "packages-dev"] as const) {
    const list = doc[section];
    // Locks written by `composer update --no-dev` (and old Composer) hold "packages-dev": null.
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) throw new LockfileError(`"${section}" is not an array`);
    cursor.seek(`"${section}"`);
    for (const entry of list) {
      const info = record(entry);
      const name = str(info.name);
      const version = str(info.version) ?? (typeof info.version === "number" && name ? numericVersion(content, name, info.version) : undefined);
      if (!name || !version) continue;
      const line = cursor.nextPair("name", name) ?? 1;
      for (const dep of Object.keys(record(info.require))) required.add(dep.toLowerCase());
      const pkg: LockPackage = { ecosystem: "Packagist", name, version, direct: false, dev: section === "packages-dev", line };
      // A "path" repository installs a folder of the project itself (a monorepo package).
      if (record(info.dist).type === "path") pkg.local = true;
      const licenses = Array.isArray(info.license) ? info.license.filter((l): l is string => typeof l === "string") : [];
      if (licenses.length === 1 && licenses[0]) pkg.license = licenses[0];
      else if (licenses.length > 1) pkg.license = `(${licenses.join(" OR ")})`;
      out.push(pkg);
    }
  }
  const declared = manifest ? new Set([...(manifest.prod ?? []), ...(manifest.dev ?? [])].map((n) => n.toLowerCase())) : undefined;
  for (const pkg of out) pkg.direct = declared ? declared.has(pkg.name.toLowerCase()) : !required.has(pkg.name.toLowerCase());
  return { path, format: "composer.lock", packages: out, notes: [] };
}

/**
 * Older Composer wrote some WordPress Packagist versions as JSON numbers ("version": 7), see
 * https://github.com/google/osv-scanner/issues/1138. The source spelling is the version: reading
 * the number back would turn 1.10 into "1.1".
 */
function numericVersion(content: string, name: string, value: number): string {
  const key = JSON.stringify(name).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`"name"\\s*:\\s*${key}[^{}]*?"version"\\s*:\\s*(-?\\d[\\d.eE+-]*)`).exec(content)?.[1] ?? String(value);
}
