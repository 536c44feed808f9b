// Python lockfiles: requirements*.txt (pinned `==` lines), poetry.lock, Pipfile.lock, uv.lock and
// pdm.lock. Names are kept as written; matching normalises them (PEP 503).
import { type LockPackage, LockfileError, type Manifest, type ParsedLockfile } from "../types.js";
import { JsonKeyCursor, isRecord, normalizePypiName, parseJson, reachable, record, str } from "../text.js";
import { packageLines, packageTables, parseToml } from "./toml.js";

const REQUIREMENT = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*(.*)$/;

/** True for requirements files that, by their name, only serve development (dev, test, lint...). */
function devByName(path: string): boolean {
  const base = path.split("/").pop() ?? path;
  return /(^|[-_.])(dev|develop|development|test|tests|testing|lint|docs?|ci)([-_.]|$)/i.test(base.replace(/^requirements/i, ""));
}

export function parseRequirements(path: string, content: string): ParsedLockfile {
  const out: LockPackage[] = [];
  const notes: string[] = [];
  const includes: string[] = [];
  const dev = devByName(path);
  const raw = content.replace(/^\uFEFF/, "").split(/\r?\n/);
  // pip-compile annotates each pin with "# via ..."; "-r <file>" among them marks a direct pin.
  const annotated = raw.some((l) => /^\s*#\s+via\b/.test(l));
  let last: LockPackage | undefined;
  let inVia = false;
  for (let i = 0; i < raw.length; i++) {
    const startLine = i + 1;
    let line = raw[i] ?? "";
    const comment = /^\s*#(.*)$/.exec(line);
    if (comment) {
      const body = (comment[1] ?? "").trim();
      if (last && /^via\b/.test(body)) {
        inVia = true;
        if (/^via\s+-r\s/.test(body)) last.direct = true;
      } else if (last && inVia && /^-r\s/.test(body)) {
        last.direct = true;
      }
      continue;
    }
    while (/\\\s*$/.test(line) && i + 1 < raw.length) {
      i++;
      line = line.replace(/\\\s*$/, " ") + (raw[i] ?? "");
    }
    line = line.replace(/(^|\s)#.*$/, "").trim();
    if (line === "") continue;
    inVia = false;
    last = undefined;
    const include = /^(?:-r|--requirement)(?:\s+|=)(\S+)/.exec(line);
    if (include?.[1]) {
      includes.push(include[1]);
      continue;
    }
    if (line.startsWith("-")) continue; // -c, -e, --index-url, --hash on its own line...
    const withoutOptions = line.replace(/\s--?[a-z][\w-]*(?:[= ]\S+)?/g, "").trim();
    const [requirement = "", marker] = withoutOptions.split(";", 2);
    const m = REQUIREMENT.exec(requirement.trim());
    if (!m?.[1]) {
      notes.push(`${path}:${startLine}: skipped "${requirement.trim().slice(0, 60)}" (not a package requirement)`);
      continue;
    }
    const spec = (m[3] ?? "").trim();
    if (spec.startsWith("@")) continue; // direct URL reference: no registry version to match
    const pin = /^===?\s*([^\s,]+)$/.exec(spec);
    if (!pin?.[1] || pin[1].includes("*")) {
      if (spec !== "") notes.push(`${path}:${startLine}: ${m[1]} is not pinned to one version (${spec}); it is not checked`);
      else notes.push(`${path}:${startLine}: ${m[1]} has no version; it is not checked`);
      continue;
    }
    void marker; // environment markers cannot be evaluated here: the pin is checked on every platform
    last = { ecosystem: "PyPI", name: m[1], version: pin[1], direct: !annotated, dev, line: startLine };
    out.push(last);
  }
  return { path, format: "requirements.txt", packages: out, notes, includes };
}

/** Dependency names a poetry/uv/pdm package table lists (strings "x>=1" or tables { name = "x" }). */
function depNames(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value
      .map((d) => (typeof d === "string" ? (/^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(d)?.[1] ?? "") : str(record(d).name) ?? ""))
      .filter(Boolean)
      .map(normalizePypiName);
  }
  if (isRecord(value)) return Object.keys(value).map(normalizePypiName);
  return [];
}

interface PyNode {
  pkg: LockPackage;
  deps: string[];
  /** What the lockfile itself says about dev, when it says anything. */
  devHint?: boolean;
}

/** Sets direct and dev from the manifest (pyproject/Pipfile) or, failing that, the graph. */
function classify(nodes: PyNode[], manifest?: Manifest, roots?: { prod: string[]; dev: string[] }): void {
  const byName = new Map(nodes.map((n) => [normalizePypiName(n.pkg.name), n]));
  const edges = (name: string): string[] => byName.get(name)?.deps ?? [];
  const prodRoots = roots?.prod ?? [...(manifest?.prod ?? [])].map(normalizePypiName);
  const devRoots = roots?.dev ?? [...(manifest?.dev ?? [])].map(normalizePypiName);
  if (prodRoots.length > 0 || devRoots.length > 0) {
    const direct = new Set([...prodRoots, ...devRoots]);
    const prod = reachable(prodRoots, edges);
    for (const n of nodes) {
      const name = normalizePypiName(n.pkg.name);
      n.pkg.direct = direct.has(name);
      n.pkg.dev = n.devHint ?? !prod.has(name);
    }
    return;
  }
  const required = new Set(nodes.flatMap((n) => n.deps));
  for (const n of nodes) {
    n.pkg.direct = !required.has(normalizePypiName(n.pkg.name));
    n.pkg.dev = n.devHint ?? false;
  }
}

export function parsePoetryLock(path: string, content: string, manifest?: Manifest): ParsedLockfile {
  const doc = parseToml(content);
  const tables = packageTables(doc);
  const lines = packageLines(content);
  const nodes: PyNode[] = [];
  tables.forEach((t, i) => {
    const name = str(t.name);
    const version = str(t.version);
    if (!name || !version) throw new LockfileError(`[[package]] #${i + 1} has no name or version`, lines[i]);
    const source = record(t.source);
    if (str(source.type) === "directory" || str(source.type) === "file") return; // local path packages
    const node: PyNode = { pkg: { ecosystem: "PyPI", name, version, direct: false, dev: false, line: lines[i] ?? 1 }, deps: depNames(t.dependencies) };
    // Poetry < 1.5 writes category = "dev"; Poetry 2 writes groups = ["dev"].
    if (str(t.category)) node.devHint = t.category === "dev";
    else if (Array.isArray(t.groups)) node.devHint = !t.groups.includes("main");
    nodes.push(node);
  });
  classify(nodes, manifest);
  return { path, format: "poetry.lock", packages: nodes.map((n) => n.pkg), notes: [] };
}

export function parsePipfileLock(path: string, content: string, manifest?: Manifest): ParsedLockfile {
  const doc = parseJson(content);
  if (!isRecord(doc)) throw new LockfileError("Pipfile.lock is not a JSON object");
  const cursor = new JsonKeyCursor(content);
  const out: LockPackage[] = [];
  const notes: string[] = [];
  const declared = manifest ? new Set([...(manifest.prod ?? []), ...(manifest.dev ?? [])].map(normalizePypiName)) : undefined;
  for (const section of ["default", "develop"] as const) {
    if (!isRecord(doc[section])) continue;
    cursor.seek(`"${section}"`);
    for (const [name, value] of Object.entries(doc[section])) {
      const line = cursor.next(name, "{") ?? 1;
      const version = str(record(value).version);
      if (!version) {
        notes.push(`${path}:${line}: ${name} has no pinned version (path or VCS dependency); it is not checked`);
        continue;
      }
      out.push({
        ecosystem: "PyPI",
        name,
        version: version.replace(/^===?/, ""),
        direct: declared ? declared.has(normalizePypiName(name)) : true,
        dev: section === "develop",
        line,
      });
    }
  }
  return { path, format: "Pipfile.lock", packages: out, notes };
}

export function parseUvLock(path: string, content: string, manifest?: Manifest): ParsedLockfile {
  const doc = parseToml(content);
  const tables = packageTables(doc);
  const lines = packageLines(content);
  const nodes: PyNode[] = [];
  const roots = { prod: [] as string[], dev: [] as string[] };
  const local: LockPackage[] = [];
  tables.forEach((t, i) => {
    const name = str(t.name);
    if (!name) throw new LockfileError(`[[package]] #${i + 1} has no name`, lines[i]);
    const source = record(t.source);
    // The project and its workspace members are "editable"/"virtual" sources: they are the roots.
    if (source.editable !== undefined || source.virtual !== undefined) {
      roots.prod.push(...depNames(t.dependencies));
      for (const extra of Object.values(record(t["optional-dependencies"]))) roots.prod.push(...depNames(extra));
      for (const group of Object.values(record(t["dev-dependencies"]))) roots.dev.push(...depNames(group));
      // An editable project is installed with its version; a virtual one has none worth listing.
      const version = str(t.version);
      if (source.editable !== undefined && version) local.push({ ecosystem: "PyPI", name, version, direct: false, dev: false, line: lines[i] ?? 1, local: true });
      return;
    }
    const version = str(t.version);
    if (!version || source.path !== undefined || source.directory !== undefined) return;
    const deps = depNames(t.dependencies);
    for (const extra of Object.values(record(t["optional-dependencies"]))) deps.push(...depNames(extra));
    nodes.push({ pkg: { ecosystem: "PyPI", name, version, direct: false, dev: false, line: lines[i] ?? 1 }, deps });
  });
  classify(nodes, manifest, roots.prod.length + roots.dev.length > 0 ? roots : undefined);
  const packages = [...nodes.map((n) => n.pkg), ...local].sort((a, b) => a.line - b.line);
  return { path, format: `uv.lock v${String(doc.version ?? "?")}`, packages, notes: [] };
}

export function parsePdmLock(path: string, content: string, manifest?: Manifest): ParsedLockfile {
  const doc = parseToml(content);
  const tables = packageTables(doc);
  const lines = packageLines(content);
  const nodes: PyNode[] = [];
  tables.forEach((t, i) => {
    const name = str(t.name);
    const version = str(t.version);
    if (!name || !version) throw new LockfileError(`[[package]] #${i + 1} has no name or version`, lines[i]);
    if (str(t.path) || str(t.editable)) return;
    const node: PyNode = { pkg: { ecosystem: "PyPI", name, version, direct: false, dev: false, line: lines[i] ?? 1 }, deps: depNames(t.dependencies) };
    if (Array.isArray(t.groups)) node.devHint = !t.groups.includes("default");
    nodes.push(node);
  });
  classify(nodes, manifest);
  return { path, format: "pdm.lock", packages: nodes.map((n) => n.pkg), notes: [] };
}
