// package-lock.json (lockfileVersion 1, 2, 3) and npm-shrinkwrap.json.
// v2/v3 list every install path under "packages"; v1 nests "dependencies" objects.
import { oneEntryPerRelease } from "../releases.js";
import { type LockPackage, LockfileError, type Manifest, type ParsedLockfile } from "../types.js";
import { JsonKeyCursor, isRecord, parseJson, record, str } from "../text.js";

const ROOT_DEP_FIELDS = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"] as const;

export function parseNpmLock(path: string, content: string, manifest?: Manifest): ParsedLockfile {
  const doc = parseJson(content);
  if (!isRecord(doc)) throw new LockfileError("the lockfile is not a JSON object");
  const version = typeof doc.lockfileVersion === "number" ? doc.lockfileVersion : 1;
  const lines = content;
  const kind = path.endsWith("npm-shrinkwrap.json") ? "npm-shrinkwrap.json" : "package-lock.json";
  if (isRecord(doc.packages) && version >= 2) {
    return { path, format: `${kind} v${version}`, packages: oneEntryPerRelease(fromPackages(doc.packages, lines)), notes: [] };
  }
  if (doc.dependencies !== undefined && !isRecord(doc.dependencies)) throw new LockfileError('"dependencies" is not an object');
  const notes: string[] = [];
  const packages = oneEntryPerRelease(fromDependencies({ deps: record(doc.dependencies), lines, manifest, notes, path }));
  return { path, format: `${kind} v1`, packages, notes };
}

/** v2/v3: keys are install paths ("node_modules/a/node_modules/b"); "" is the root project. */
function fromPackages(packages: Record<string, unknown>, lines: string): LockPackage[] {
  // Direct dependencies are those of the root and of every workspace (keys outside node_modules).
  const directNames = new Map<string, Set<string>>();
  for (const [key, value] of Object.entries(packages)) {
    if (key.includes("node_modules/") || !isRecord(value)) continue;
    const names = new Set<string>();
    for (const field of ROOT_DEP_FIELDS) for (const name of Object.keys(record(value[field]))) names.add(name);
    directNames.set(key, names);
  }
  // Workspaces' dependencies are hoisted to the root node_modules, so at the top level any
  // project in the repository may be the one that asked for the package.
  const anyProject = new Set([...directNames.values()].flatMap((s) => [...s]));
  const cursor = new JsonKeyCursor(lines);
  cursor.seek('"packages"');
  const out: LockPackage[] = [];
  for (const [key, value] of Object.entries(packages)) {
    if (key === "" || !isRecord(value)) continue;
    const line = cursor.next(key, "{") ?? 1;
    const idx = key.lastIndexOf("node_modules/");
    if (idx === -1) continue; // a workspace folder, not an installed package
    if (value.link === true) continue; // symlink to a workspace: the target is the project itself
    const version = str(value.version);
    if (!version) continue;
    const installedAs = key.slice(idx + "node_modules/".length);
    // An alias ("foo": "npm:bar@1") installs bar under the folder foo; "name" holds the real name.
    const name = str(value.name) ?? installedAs;
    const parent = idx === 0 ? "" : key.slice(0, idx - 1);
    const direct = parent === "" ? anyProject.has(installedAs) : !parent.includes("node_modules") && (directNames.get(parent)?.has(installedAs) ?? false);
    const pkg: LockPackage = { ecosystem: "npm", name, version, direct, dev: value.dev === true, line };
    const license = licenseOf(value.license);
    if (license) pkg.license = license;
    out.push(pkg);
  }
  return out;
}

interface V1Input {
  deps: Record<string, unknown>;
  lines: string;
  manifest: Manifest | undefined;
  notes: string[];
  path: string;
}

/** v1: nested "dependencies"; the root's own dependency list is only in package.json. */
function fromDependencies({ deps, lines, manifest, notes, path }: V1Input): LockPackage[] {
  const out: LockPackage[] = [];
  const cursor = new JsonKeyCursor(lines);
  cursor.seek('"dependencies"');
  const requiredByOthers = new Set<string>();
  const topLevel = new Map<LockPackage, string>();
  const walk = (level: Record<string, unknown>, depth: number): void => {
    for (const [installedAs, value] of Object.entries(level)) {
      if (!isRecord(value)) continue;
      const line = cursor.next(installedAs, "{") ?? 1;
      for (const req of Object.keys(record(value.requires))) requiredByOthers.add(req);
      let version = str(value.version);
      let name = installedAs;
      // Aliases are written as version "npm:real-name@1.2.3".
      const alias = version ? /^npm:((?:@[^/]+\/)?[^@]+)@(.+)$/.exec(version) : null;
      if (alias?.[1] && alias[2]) {
        name = alias[1];
        version = alias[2];
      }
      // v1 writes the source instead of a version for git, tarball and folder dependencies
      // ("github:a/b#sha", "https://host/b.tgz", "file:../b"): no release to check.
      if (version && !/^\d/.test(version)) {
        notes.push(`${path}:${line}: ${installedAs} comes from ${version.split("#")[0] ?? version}, not a registry release; it is not checked`);
      } else if (version) {
        const pkg: LockPackage = { ecosystem: "npm", name, version, direct: false, dev: value.dev === true, line };
        out.push(pkg);
        if (depth === 0) topLevel.set(pkg, installedAs);
      }
      if (isRecord(value.dependencies)) walk(value.dependencies, depth + 1);
    }
  };
  walk(deps, 0);
  const declared = manifest ? new Set([...(manifest.prod ?? []), ...(manifest.dev ?? [])]) : undefined;
  for (const [pkg, installedAs] of topLevel) {
    pkg.direct = declared ? declared.has(installedAs) : !requiredByOthers.has(installedAs);
  }
  return out;
}

/** npm writes "license" as a string; very old manifests used { type } or an array. */
export function licenseOf(value: unknown): string | undefined {
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  if (isRecord(value)) return str(value.type);
  if (Array.isArray(value)) {
    const ids = value.map((v) => (isRecord(v) ? str(v.type) : str(v))).filter((v): v is string => !!v);
    return ids.length > 0 ? (ids.length === 1 ? ids[0] : `(${ids.join(" OR ")})`) : undefined;
  }
  return undefined;
}
