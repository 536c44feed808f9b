// Python lockfiles: requirements*.txt (pinned `==` lines), poetry.lock, Pipfile.lock, uv.lock and
// pdm.lock. Names are kept as written; matching normalises them (PEP 503).
import { type LockPackage, LockfileError, type Manifest, type ParsedLockfile } from "../types.js";
import { JsonKeyCursor, isRecord, normalizePypiName, parseJson, reachable, record, str } from "../text.js";
import { packageLines, packageTables, parseToml } from "./toml.js";

const REQUIREMENT = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*(.*)$/;
/** pip-compile and uv name the requirements file (`-r x.in`) or project file a direct pin came from. */
const DIRECT_VIA = /^-r\s|\((?:pyproject\.toml|setup\.py|setup\.cfg)\)\s*$/;

/** True for requirements files that, by their name, only serve development (dev, test, lint...). */
function devByName(path: string): boolean {
  const base = path.split("/").pop() ?? path;
  return /(^|[-_.])(dev|develop|development|test|tests|testing|lint|docs?|ci)([-_.]|$)/i.test(base.replace(/^requirements/i, ""));
}

/** A pin's reverse dependencies as pip-compile writes them, inline or on the comment lines below it. */
interface ViaState {
  pkg: LockPackage;
  /** Inside a multi-line "# via" list. */
  open: boolean;
}

export function parseRequirements(path: string, content: string): ParsedLockfile {
  const out: LockPackage[] = [];
  const notes: string[] = [];
  const includes: string[] = [];
  const dev = devByName(path);
  const raw = asciiText(content).replace(/^\uFEFF/, "").split(/\r?\n/);
  // pip-compile annotates pins with "# via ...": a pin pulled in only by other packages is
  // transitive; one from "-r <file>", from the project file, or with no annotation is direct.
  const annotated = raw.some((l) => /(^|\s)#\s*via\b/.test(l));
  let via: ViaState | undefined;
  for (let i = 0; i < raw.length; i++) {
    const startLine = i + 1;
    let line = raw[i] ?? "";
    const comment = /^\s*#(.*)$/.exec(line);
    if (comment) {
      if (via) readVia((comment[1] ?? "").trim(), via);
      continue;
    }
    // pip joins backslash continuations before it strips comments.
    while (/\\\s*$/.test(line) && i + 1 < raw.length) {
      i++;
      line = line.replace(/\\\s*$/, " ") + (raw[i] ?? "");
    }
    const inlineVia = /\s#\s*via\s+(.*)$/.exec(line)?.[1];
    line = line.replace(/(^|\s)#.*$/, "").trim();
    if (line === "") continue;
    via = undefined;
    const pkg = requirementLine({ path, line, startLine, notes, includes });
    if (!pkg) continue;
    pkg.dev = dev;
    pkg.direct = true;
    if (annotated) {
      via = { pkg, open: false };
      if (inlineVia !== undefined) pkg.direct = inlineVia.split(",").some((v) => DIRECT_VIA.test(v.trim()));
    }
    out.push(pkg);
  }
  return { path, format: "requirements.txt", packages: out, notes, includes };
}

/**
 * `pip freeze > requirements.txt` in Windows PowerShell 5 writes UTF-16: read as UTF-8 it is
 * the ASCII text with a NUL after every character, behind the byte-order mark's replacement
 * characters. Requirements are ASCII, so dropping those gives the file back.
 */
function asciiText(content: string): string {
  if (!content.includes("\u0000")) return content;
  return content.split("\u0000").join("").replace(/^\uFFFD+/, "");
}

/** Applies one comment line below a pin: "via x", "via" then "  x" lines. */
function readVia(body: string, via: ViaState): void {
  const head = /^via\b\s*(.*)$/.exec(body);
  if (head) {
    const rest = head[1] ?? "";
    via.open = rest === "";
    via.pkg.direct = rest !== "" && DIRECT_VIA.test(rest);
  } else if (via.open && body !== "") {
    if (DIRECT_VIA.test(body)) via.pkg.direct = true;
  } else {
    via.open = false;
  }
}

interface LineInput {
  path: string;
  /** One logical line: continuations joined, comment removed. */
  line: string;
  startLine: number;
  notes: string[];
  includes: string[];
}

/** The pinned package a requirements line installs, or undefined with a note saying why not. */
function requirementLine({ path, line, startLine, notes, includes }: LineInput): LockPackage | undefined {
  const where = `${path}:${startLine}`;
  const include = /^(?:-r\s*|--requirement(?:\s+|=))(\S+)/.exec(line);
  if (include?.[1]) {
    includes.push(include[1]);
    return undefined;
  }
  const editable = /^(?:-e|--editable)(?:\s+|=)(\S+)/.exec(line);
  if (editable?.[1]) {
    notes.push(`${where}: editable install ${editable[1].slice(0, 80)} has no registry version; it is not checked`);
    return undefined;
  }
  if (line.startsWith("-")) return undefined; // -c, --index-url, --hash on its own line...
  // pip ends the requirement at its first option (--hash, --config-settings, -C...).
  const tokens = line.split(/\s+/);
  const firstOption = tokens.findIndex((t) => t.startsWith("-"));
  const requirement = (firstOption === -1 ? tokens : tokens.slice(0, firstOption)).join(" ");
  const [spec = ""] = requirement.split(";", 1); // environment markers cannot be evaluated here
  if (/\$\{[A-Za-z0-9_]+\}/.test(spec)) {
    notes.push(`${where}: "${spec.trim().slice(0, 60)}" depends on an environment variable; it is not checked`);
    return undefined;
  }
  const m = /^[A-Za-z0-9]/.test(spec) && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(spec) ? REQUIREMENT.exec(spec.trim()) : null;
  if (!m?.[1]) {
    notes.push(`${where}: "${spec.trim().slice(0, 80)}" is a URL, a local path or not a requirement; it is not checked`);
    return undefined;
  }
  const name = m[1];
  // PEP 508 also allows the version specifier in parentheses: "name (==1.0)".
  const rest = (m[3] ?? "").trim().replace(/^\((.*)\)$/, "$1").trim();
  const version = rest.startsWith("@") ? versionFromUrl(name, rest.slice(1).trim()) : /^===?\s*([^\s,*]+)$/.exec(rest)?.[1];
  if (!version) {
    if (rest.startsWith("@")) notes.push(`${where}: ${name} comes from ${rest.slice(1).trim().slice(0, 80)}; it is not checked`);
    else if (rest !== "") notes.push(`${where}: ${name} is not pinned to one version (${rest}); it is not checked`);
    else notes.push(`${where}: ${name} has no version; it is not checked`);
    return undefined;
  }
  return { ecosystem: "PyPI", name, version, direct: true, dev: false, line: startLine };
}

/**
 * `name @ https://.../name-1.2.3-py3-none-any.whl` (or an sdist archive) installs exactly the
 * version its file name carries, when that file name is the named project's.
 */
function versionFromUrl(name: string, url: string): string | undefined {
  if (/^(?:git|hg|svn|bzr)\+/.test(url)) return undefined;
  const file = decodeURIComponent(url.split(/[?#]/)[0]?.split("/").pop() ?? "");
  const wheel = /^([^-]+)-([^-]+)-.+\.whl$/.exec(file);
  if (wheel?.[1] && wheel[2]) return normalizePypiName(wheel[1]) === normalizePypiName(name) ? wheel[2] : undefined;
  const sdist = /^(.+)\.(?:tar\.gz|tar\.bz2|tar\.xz|tgz|zip)$/.exec(file)?.[1];
  if (!sdist) return undefined;
  // Legacy sdist names keep the project's own hyphens: try each hyphen as the split point.
  for (let at = sdist.indexOf("-"); at !== -1; at = sdist.indexOf("-", at + 1)) {
    if (normalizePypiName(sdist.slice(0, at)) === normalizePypiName(name) && /^\d/.test(sdist.slice(at + 1))) return sdist.slice(at + 1);
  }
  return undefined;
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
  // PDM's entry for a package with extras depends on the package itself: that is not a parent.
  const required = new Set(nodes.flatMap((n) => n.deps.filter((d) => d !== normalizePypiName(n.pkg.name))));
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
    const node: PyNode = { pkg: { ecosystem: "PyPI", name, version, direct: false, dev: false, line: lines[i] ?? 1 }, deps: depNames(t.dependencies) };
    // A path dependency (a folder, or a wheel/sdist file in the repository) is the project's own.
    const sourceType = str(record(t.source).type);
    if (sourceType === "directory" || sourceType === "file") node.pkg.local = true;
    // Poetry < 1.5 writes category = "dev"; Poetry 2 writes groups = ["dev"]; 1.5 to 1.8 neither.
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
  const seen = new Set<string>();
  const declared = manifest ? new Set([...(manifest.prod ?? []), ...(manifest.dev ?? [])].map(normalizePypiName)) : undefined;
  // "default" and "develop", and since pipenv 2022.10 any named package category of the Pipfile.
  for (const [section, entries] of Object.entries(doc)) {
    if (section === "_meta" || !isRecord(entries)) continue;
    cursor.seek(`"${section}"`);
    for (const [name, value] of Object.entries(entries)) {
      const line = cursor.next(name, "{") ?? 1;
      const version = str(record(value).version);
      if (!version) {
        notes.push(`${path}:${line}: ${name} has no pinned version (path or VCS dependency); it is not checked`);
        continue;
      }
      const exact = version.replace(/^===?/, "");
      // A package both sections lock at one version is installed once, for the default section.
      const key = `${normalizePypiName(name)}@${exact}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        ecosystem: "PyPI",
        name,
        version: exact,
        direct: declared ? declared.has(normalizePypiName(name)) : true,
        dev: section !== "default",
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
  // A workspace without a root project lists what it requires in [manifest] ([workspace] in v2).
  const workspace = record(doc.workspace ?? doc.manifest);
  const roots = { prod: depNames(workspace.requirements ?? workspace.dependencies), dev: groupDeps(workspace["dependency-groups"]) };
  const local: LockPackage[] = [];
  tables.forEach((t, i) => {
    const name = str(t.name);
    if (!name) throw new LockfileError(`[[package]] #${i + 1} has no name`, lines[i]);
    const source = record(t.source);
    const version = str(t.version);
    // The project and its workspace members are "editable"/"virtual" sources: they are the roots.
    if (source.editable !== undefined || source.virtual !== undefined) {
      roots.prod.push(...depNames(t.dependencies));
      for (const extra of Object.values(record(t["optional-dependencies"]))) roots.prod.push(...depNames(extra));
      roots.dev.push(...groupDeps(t["dev-dependencies"] ?? t["dependency-groups"]));
      // An editable project is installed with its version; a virtual one has none worth listing.
      if (source.editable !== undefined && version) local.push({ ecosystem: "PyPI", name, version, direct: false, dev: false, line: lines[i] ?? 1, local: true });
      return;
    }
    if (!version) return;
    const deps = depNames(t.dependencies);
    for (const extra of Object.values(record(t["optional-dependencies"]))) deps.push(...depNames(extra));
    const pkg: LockPackage = { ecosystem: "PyPI", name, version, direct: false, dev: false, line: lines[i] ?? 1 };
    // A non-editable path dependency (a folder or a wheel in the repository) is the project's own.
    if (source.path !== undefined || source.directory !== undefined) pkg.local = true;
    nodes.push({ pkg, deps });
  });
  classify(nodes, manifest, roots.prod.length + roots.dev.length > 0 ? roots : undefined);
  const packages = [...nodes.map((n) => n.pkg), ...local].sort((a, b) => a.line - b.line);
  return { path, format: `uv.lock v${String(doc.version ?? "?")}`, packages, notes: [] };
}

/** Names in uv dependency groups: `name = [deps]`, or in v2 `name = { dependencies = [deps] }`. */
function groupDeps(groups: unknown): string[] {
  return Object.values(record(groups)).flatMap((g) => depNames(isRecord(g) ? g.dependencies : g));
}

/** PDM cannot tell extras from dev groups in its lockfile; these names are the usual dev ones. */
const PDM_DEV_GROUP = /^(dev|develop|development|tests?|testing|lint|linting|docs?|typing|mypy|format|style|ci|bench|benchmarks?|coverage)$/i;

export function parsePdmLock(path: string, content: string, manifest?: Manifest): ParsedLockfile {
  const doc = parseToml(content);
  const tables = packageTables(doc);
  const lines = packageLines(content);
  const nodes: PyNode[] = [];
  const byKey = new Map<string, PyNode>();
  tables.forEach((t, i) => {
    const name = str(t.name);
    const version = str(t.version);
    if (!name || !version) throw new LockfileError(`[[package]] #${i + 1} has no name or version`, lines[i]);
    const deps = depNames(t.dependencies);
    // Without pyproject.toml only the group names hint at dev: extras are groups too.
    const groups = Array.isArray(t.groups) ? t.groups.filter((g): g is string => typeof g === "string") : undefined;
    const devHint = manifest || !groups ? undefined : !groups.includes("default") && groups.every((g) => PDM_DEV_GROUP.test(g));
    // PDM writes a second [[package]] for a package installed with extras (extras = [...]).
    const key = `${normalizePypiName(name)}@${version}`;
    const same = byKey.get(key);
    if (same) {
      same.deps.push(...deps);
      if (same.devHint !== undefined && devHint !== undefined) same.devHint = same.devHint && devHint;
      return;
    }
    const node: PyNode = { pkg: { ecosystem: "PyPI", name, version, direct: false, dev: false, line: lines[i] ?? 1 }, deps };
    if (devHint !== undefined) node.devHint = devHint;
    if (str(t.path) !== undefined || t.editable === true) node.pkg.local = true;
    byKey.set(key, node);
    nodes.push(node);
  });
  classify(nodes, manifest);
  return { path, format: "pdm.lock", packages: nodes.map((n) => n.pkg), notes: [] };
}
