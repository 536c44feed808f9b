// pom.xml: the versions a Maven project declares, with ${property} interpolation and versions
// taken from <dependencyManagement> when a dependency leaves its version out. Only what the POM
// itself declares: parent POMs and transitive resolution need Maven and the network.
import { SaxesParser } from "saxes";
import { type LockPackage, LockfileError, type ParsedLockfile } from "../types.js";

interface Dep {
  groupId?: string;
  artifactId?: string;
  version?: string;
  scope?: string;
  type?: string;
  classifier?: string;
  line: number;
}

export function parseMavenPom(path: string, content: string): ParsedLockfile {
  const parser = new SaxesParser({ position: true });
  const stack: string[] = [];
  const props = new Map<string, string>();
  const project: Record<string, string> = {};
  const deps: Dep[] = [];
  const managed: Dep[] = [];
  let current: Dep | undefined;
  let text = "";
  let root: string | undefined;
  parser.on("opentag", (tag) => {
    root ??= tag.name;
    stack.push(tag.name);
    text = "";
    const where = stack.join("/");
    if (where === "project/dependencies/dependency" || where === "project/dependencyManagement/dependencies/dependency") {
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
    const where = stack.join("/");
    const value = text.trim();
    if (stack.length === 3 && stack[1] === "properties") props.set(tag.name, value);
    else if (stack.length === 2 && ["groupId", "artifactId", "version"].includes(tag.name)) project[tag.name] = value;
    else if (stack.length === 3 && stack[1] === "parent" && ["groupId", "version"].includes(tag.name)) project[`parent.${tag.name}`] = value;
    else if (current && /\/dependency\/(groupId|artifactId|version|scope|type|classifier)$/.test(where)) {
      current[tag.name as "groupId" | "artifactId" | "version" | "scope" | "type" | "classifier"] = value;
    } else if (current && where.endsWith("/dependency")) {
      (where.startsWith("project/dependencyManagement") ? managed : deps).push(current);
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
  const interpolate = (value: string | undefined, depth = 0): string | undefined => {
    if (value === undefined) return undefined;
    if (depth > 10) return value;
    const next = value.replace(/\$\{([^}]+)\}/g, (whole, key: string) => props.get(key) ?? builtins.get(key) ?? whole);
    return next === value ? value : interpolate(next, depth + 1);
  };
  const managedDeps = new Map<string, Dep>();
  for (const d of managed) {
    if (d.scope !== "import") managedDeps.set(`${interpolate(d.groupId) ?? ""}:${interpolate(d.artifactId) ?? ""}`, d);
  }
  // Maven keeps the last of two declarations of one artifact (and warns about the first).
  const declared = new Map<string, Dep>();
  for (const d of deps) declared.set([d.groupId, d.artifactId, d.type ?? "jar", d.classifier ?? ""].map((v) => interpolate(v) ?? "").join(":"), d);
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
 * The version a requirement pins: itself for a soft requirement ("1.2") and the one bound of a hard
 * one ("[1.2]"). A range ("[1.2,2.0)") resolves to the newest release inside it, which only Maven
 * with its repositories can tell, so it pins nothing here.
 */
function pinnedVersion(requirement: string): string | undefined {
  if (!/^[[(]/.test(requirement)) return requirement;
  return /^\[\s*([^,[\]()]+?)\s*\]$/.exec(requirement)?.[1];
}
