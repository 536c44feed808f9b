// pom.xml: the versions a Maven project declares (profiles active by default included), with
// ${property} interpolation and versions taken from <dependencyManagement> when a dependency leaves
// its version out. Parent POMs found in the repository (manifest.parents) lend their properties and
// managed versions; transitive resolution and parents only in a remote repository need Maven and
// the network.
import { SaxesParser } from "saxes";
import { type LockPackage, LockfileError, type Manifest, type ParsedLockfile } from "../types.js";

interface Dep {
  groupId?: string;
  artifactId?: string;
  version?: string;
  scope?: string;
  type?: string;
  classifier?: string;
  line: number;
}

interface Pom {
  /** groupId, artifactId, version, and parent.groupId / parent.artifactId / parent.version. */
  project: Record<string, string>;
  props: Map<string, string>;
  deps: Dep[];
  managed: Dep[];
}

export function parseMavenPom(path: string, content: string, manifest?: Manifest): ParsedLockfile {
  const pom = readPom(content);
  const chain = parentChain(pom, manifest?.parents ?? []);
  // Nearer POMs override farther ones: the farthest parent goes in first.
  const props = new Map<string, string>();
  for (const p of [...chain].reverse()) for (const [k, v] of p.props) props.set(k, v);
  for (const [k, v] of pom.props) props.set(k, v);
  const builtins = projectProperties(pom.project);
  const interpolate = (value: string | undefined, depth = 0): string | undefined => {
    if (value === undefined) return undefined;
    if (depth > 10) return value;
    const next = value.replace(/\$\{([^}]+)\}/g, (whole, key: string) => props.get(key) ?? builtins.get(key) ?? whole);
    return next === value ? value : interpolate(next, depth + 1);
  };
  const managedDeps = new Map<string, Dep>();
  for (const d of [...chain].reverse().flatMap((p) => p.managed).concat(pom.managed)) {
    if (d.scope !== "import") managedDeps.set(`${interpolate(d.groupId) ?? ""}:${interpolate(d.artifactId) ?? ""}`, d);
  }
  // Maven keeps the last of two declarations of one artifact (and warns about the first).
  const declared = new Map<string, Dep>();
  for (const d of pom.deps) declared.set([d.groupId, d.artifactId, d.type ?? "jar", d.classifier ?? ""].map((v) => interpolate(v) ?? "").join(":"), d);
  const byId = new Map<string, LockPackage>();
  const notes: string[] = [];
  for (const d of [...declared.values()].sort((a, b) => a.line - b.line)) {
    const name = `${interpolate(d.groupId) ?? ""}:${interpolate(d.artifactId) ?? ""}`;
    const managedDep = managedDeps.get(name);
    const requirement = interpolate(d.version ?? managedDep?.version);
    if (!requirement) {
      notes.push(`${path}:${d.line}: ${name} has no version in this POM (inherited from a parent or BOM); it is not checked`);
      continue;
    }
    if (name.includes("${")) {
      notes.push(`${path}:${d.line}: ${name} is named with a property this POM does not define; it is not checked`);
      continue;
    }
    if (requirement.includes("${")) {
      notes.push(`${path}:${d.line}: ${name} version ${requirement} uses a property this POM does not define; it is not checked`);
      continue;
    }
    const version = pinnedVersion(requirement);
    if (!version) {
      notes.push(`${path}:${d.line}: ${name} asks for the range ${requirement}, not one version; it is not checked`);
      continue;
    }
    const scope = d.scope ?? managedDep?.scope;
    const pkg: LockPackage = { ecosystem: "Maven", name, version, direct: true, dev: scope === "test", line: d.line };
    const seen = byId.get(`${name}@${version}`);
    if (seen) seen.dev &&= pkg.dev;
    else byId.set(`${name}@${version}`, pkg);
  }
  return { path, format: "pom.xml", packages: [...byId.values()], notes };
}

/**
 * Where this POM's parent is, relative to it, when it may be in the repository: <relativePath>,
 * or Maven's default "../pom.xml"; undefined for no parent or an empty <relativePath/>.
 */
export function pomParentPath(content: string): string | undefined {
  const parent = /<parent>([\s\S]*?)<\/parent>/.exec(content.replace(/<!--[\s\S]*?-->/g, ""))?.[1];
  if (parent === undefined) return undefined;
  const relative = /<relativePath\s*\/>|<relativePath>\s*([^<]*?)\s*<\/relativePath>/.exec(parent);
  if (relative && !relative[1]) return undefined;
  const target = relative?.[1] ?? "../pom.xml";
  return target.endsWith(".xml") ? target : `${target.replace(/\/+$/, "")}/pom.xml`;
}

/** The parents, nearest first, as long as each file is the parent the previous one names. */
function parentChain(pom: Pom, texts: string[]): Pom[] {
  const chain: Pom[] = [];
  let child = pom;
  for (const text of texts) {
    let parent: Pom;
    try {
      parent = readPom(text);
    } catch {
      break; // a broken parent costs its properties, not this POM
    }
    const groupId = parent.project.groupId ?? parent.project["parent.groupId"];
    if (groupId !== child.project["parent.groupId"] || parent.project.artifactId !== child.project["parent.artifactId"]) break;
    chain.push(parent);
    child = parent;
  }
  return chain;
}

/** ${project.version} and friends, with the parent's groupId and version when the POM inherits them. */
function projectProperties(project: Record<string, string>): Map<string, string> {
  const builtins = new Map<string, string>();
  for (const [key, value] of Object.entries(project)) {
    builtins.set(`project.${key}`, value);
    builtins.set(`pom.${key}`, value);
  }
  if (!builtins.has("project.version") && project["parent.version"]) builtins.set("project.version", project["parent.version"]);
  if (!builtins.has("project.groupId") && project["parent.groupId"]) builtins.set("project.groupId", project["parent.groupId"]);
  // Maven 2 also read the bare names; old POMs still use ${version}.
  for (const key of ["groupId", "artifactId", "version"]) {
    const value = builtins.get(`project.${key}`);
    if (value !== undefined && !builtins.has(key)) builtins.set(key, value);
  }
  return builtins;
}

const PROFILE = "project/profiles/profile";

function readPom(content: string): Pom {
  const parser = new SaxesParser({ position: true });
  const stack: string[] = [];
  const pom: Pom = { project: {}, props: new Map(), deps: [], managed: [] };
  // A profile active by default is part of the build unless another one is switched on by hand.
  let profile: (Omit<Pom, "project"> & { active: boolean }) | undefined;
  let current: Dep | undefined;
  let text = "";
  let root: string | undefined;
  // The element's path with a profile's prefix taken off: a profile holds the same sections as the project.
  const where = (): string => {
    const full = stack.join("/");
    return full.startsWith(`${PROFILE}/`) ? `project/${full.slice(PROFILE.length + 1)}` : full;
  };
  parser.on("opentag", (tag) => {
    root ??= tag.name;
    stack.push(tag.name);
    text = "";
    const at = where();
    if (stack.join("/") === PROFILE) profile = { active: false, props: new Map(), deps: [], managed: [] };
    else if (at === "project/dependencies/dependency" || at === "project/dependencyManagement/dependencies/dependency") {
      current = { line: parser.line };
    }
  });
  parser.on("text", (t) => {
    text += t;
  });
  parser.on("cdata", (t) => {
    text += t;
  });
  parser.on("closetag", (tag) => {
    const full = stack.join("/");
    const at = where();
    const value = text.trim();
    const into = profile && full !== at ? profile : pom;
    if (full === `${PROFILE}/activation/activeByDefault`) {
      if (profile) profile.active = value === "true";
    } else if (full === PROFILE) {
      if (profile?.active) {
        for (const [k, v] of profile.props) pom.props.set(k, v);
        pom.deps.push(...profile.deps);
        pom.managed.push(...profile.managed);
      }
      profile = undefined;
    } else if (/^project\/properties\/[^/]+$/.test(at)) into.props.set(tag.name, value);
    else if (stack.length === 2 && ["groupId", "artifactId", "version"].includes(tag.name)) pom.project[tag.name] = value;
    else if (stack.length === 3 && stack[1] === "parent" && ["groupId", "artifactId", "version"].includes(tag.name)) pom.project[`parent.${tag.name}`] = value;
    else if (current && /\/dependency\/(groupId|artifactId|version|scope|type|classifier)$/.test(at)) {
      current[tag.name as "groupId" | "artifactId" | "version" | "scope" | "type" | "classifier"] = value;
    } else if (current && at.endsWith("/dependency")) {
      (at.startsWith("project/dependencyManagement") ? into.managed : into.deps).push(current);
      current = undefined;
    }
    stack.pop();
    text = "";
  });
  try {
    parser.write(content).close();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /^(\d+):/.exec(message)?.[1];
    throw new LockfileError(`invalid XML: ${message}`, line ? Number(line) : undefined);
  }
  if (root !== "project") throw new LockfileError("no <project> root element: this is not a POM");
  return pom;
}

/**
 * The version a requirement pins: itself for a soft requirement ("1.2") and the one bound of a hard
 * one ("[1.2]"). A range ("[1.2,2.0)") resolves to the newest release inside it, which only Maven
 * with its repositories can tell, so it pins nothing here.
 */
function pinnedVersion(requirement: string): string | undefined {
  if (!/^[[(]/.test(requirement)) return requirement;
  return /^\[\s*([^,[\]()]+?)\s*\]$/.exec(requirement)?.[1];
}
