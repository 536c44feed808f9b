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
  parser.on("opentag", (tag) => {
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
    else if (current && /\/dependency\/(groupId|artifactId|version|scope)$/.test(where)) {
      current[tag.name as "groupId" | "artifactId" | "version" | "scope"] = value;
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
  if (project.artifactId === undefined && deps.length === 0) throw new LockfileError("no <project> element with an artifactId: this is not a POM");
  const builtins = new Map<string, string>();
  for (const [key, value] of Object.entries(project)) {
    builtins.set(`project.${key}`, value);
    builtins.set(`pom.${key}`, value);
  }
  if (!builtins.has("project.version") && project["parent.version"]) builtins.set("project.version", project["parent.version"]);
  if (!builtins.has("project.groupId") && project["parent.groupId"]) builtins.set("project.groupId", project["parent.groupId"]);
  const interpolate = (value: string | undefined, depth = 0): string | undefined => {
    if (value === undefined) return undefined;
    if (depth > 10) return value;
    const next = value.replace(/\$\{([^}]+)\}/g, (whole, key: string) => props.get(key) ?? builtins.get(key) ?? whole);
    return next === value ? value : interpolate(next, depth + 1);
  };
  const managedVersions = new Map<string, string>();
  for (const d of managed) {
    const id = `${interpolate(d.groupId) ?? ""}:${interpolate(d.artifactId) ?? ""}`;
    const v = interpolate(d.version);
    if (v && d.scope !== "import") managedVersions.set(id, v);
  }
  const out: LockPackage[] = [];
  const notes: string[] = [];
  for (const d of deps) {
    const name = `${interpolate(d.groupId) ?? ""}:${interpolate(d.artifactId) ?? ""}`;
    const version = interpolate(d.version) ?? managedVersions.get(name);
    if (!version) {
      notes.push(`${path}:${d.line}: ${name} has no version in this POM (inherited from a parent or BOM); it is not checked`);
      continue;
    }
    if (version.includes("${")) {
      notes.push(`${path}:${d.line}: ${name} version ${version} uses a property this POM does not define; it is not checked`);
      continue;
    }
    if (/^[[(]/.test(version)) {
      notes.push(`${path}:${d.line}: ${name} asks for the range ${version}, not one version; it is not checked`);
      continue;
    }
    out.push({ ecosystem: "Maven", name, version, direct: true, dev: d.scope === "test", line: d.line });
  }
  return { path, format: "pom.xml", packages: out, notes };
}
