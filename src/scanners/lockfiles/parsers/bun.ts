// bun.lock: JSON with trailing commas. "packages" maps an install path ("a", "a/b" for a nested
// copy) to ["name@version", registry, { dependencies... }, integrity]; workspaces hold the roots.
import { oneEntryPerRelease } from "../releases.js";
import { type LockPackage, LockfileError, type ParsedLockfile } from "../types.js";
import { JsonKeyCursor, isRecord, jsoncToJson, parseJson, reachable, record } from "../text.js";

const PROD_FIELDS = ["dependencies", "optionalDependencies", "peerDependencies"];

export function parseBunLock(path: string, content: string): ParsedLockfile {
  const json = jsoncToJson(content);
  const doc = parseJson(json);
  if (!isRecord(doc) || !isRecord(doc.packages)) throw new LockfileError('bun.lock has no "packages" object');
  const packages = doc.packages;
  const workspaces = record(doc.workspaces);
  // A dependency of the package at path p resolves to the nearest "p/.../name" that exists.
  const resolve = (from: string, name: string): string | undefined => {
    let prefix = from;
    for (;;) {
      const candidate = prefix ? `${prefix}/${name}` : name;
      if (Object.hasOwn(packages, candidate)) return candidate;
      if (!prefix) return undefined;
      const cut = prefix.lastIndexOf("/");
      // Scoped segments ("@s/n") move up two slashes at once.
      const parentCut = cut > 0 && prefix.slice(0, cut).split("/").pop()?.startsWith("@") ? prefix.lastIndexOf("/", cut - 1) : cut;
      prefix = parentCut <= 0 ? "" : prefix.slice(0, parentCut);
    }
  };
  const directProd = new Set<string>();
  const directDev = new Set<string>();
  for (const [wsPath, ws] of Object.entries(workspaces)) {
    const info = record(ws);
    const scope = wsPath === "" ? "" : String(record(info).name ?? "");
    for (const field of [...PROD_FIELDS, "devDependencies"]) {
      for (const name of Object.keys(record(info[field]))) {
        const target = (scope ? resolve(scope, name) : undefined) ?? resolve("", name);
        if (target) (field === "devDependencies" ? directDev : directProd).add(target);
      }
    }
  }
  const edges = (key: string): string[] => {
    const entry = packages[key];
    const meta = Array.isArray(entry) ? record(entry.find((v, i) => i > 0 && isRecord(v))) : {};
    return PROD_FIELDS.flatMap((f) => Object.keys(record(meta[f])).map((n) => resolve(key, n) ?? ""));
  };
  const prod = reachable(directProd, edges);
  const cursor = new JsonKeyCursor(json);
  cursor.seek('"packages"');
  const found: LockPackage[] = [];
  const notes: string[] = [];
  for (const [key, entry] of Object.entries(packages)) {
    const line = cursor.next(key, "[") ?? 1;
    if (!Array.isArray(entry) || typeof entry[0] !== "string") continue;
    const ident = entry[0];
    const at = ident.indexOf("@", 1);
    if (at === -1) continue;
    const name = ident.slice(0, at);
    const version = ident.slice(at + 1);
    // Anything but a release ("workspace:", "file:", "github:", "git+", a URL or a tarball
    // path such as "./vendor/x.tgz") names a source, not a version that advisories could match.
    if (!/^\d/.test(version)) {
      if (!version.startsWith("workspace:")) notes.push(`${path}:${line}: ${name} comes from ${version.split("#")[0] ?? version}, not a registry release; it is not checked`);
      continue;
    }
    // A release can be installed at several paths ("a/b" nests a second copy).
    found.push({ ecosystem: "npm", name, version, direct: directProd.has(key) || directDev.has(key), dev: !prod.has(key), line });
  }
  return { path, format: `bun.lock v${String(doc.lockfileVersion ?? "?")}`, packages: oneEntryPerRelease(found), notes };
}
