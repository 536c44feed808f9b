#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  AdvisoriesUnavailableError,
  findAdvisories
} from "./chunk-4N6WCCX4.js";
import {
  schema
} from "./chunk-JM7JKIB5.js";
import {
  require_dist
} from "./chunk-NB2XQJWY.js";
import {
  toolVersion
} from "./chunk-QELEUUVM.js";
import {
  parseDuration
} from "./chunk-RSC3HFTQ.js";
import {
  listFiles
} from "./chunk-ZRGI7UBK.js";
import {
  require_picomatch
} from "./chunk-CY7KP3J2.js";
import {
  evaluateBySeverity,
  severityMetrics
} from "./chunk-CXJQTCH4.js";
import "./chunk-TGCGIDEH.js";
import "./chunk-C5CGFLPB.js";
import {
  makeFinding
} from "./chunk-NQDPYFAW.js";
import {
  GateInputError,
  errorMessage
} from "./chunk-5XKQ73XO.js";
import {
  __toESM
} from "./chunk-2GVBCIT7.js";

// src/gates/dependencies/index.ts
var import_picomatch = __toESM(require_picomatch(), 1);
import { mkdir, stat, writeFile } from "node:fs/promises";
import { basename, dirname as dirname2, join as join4, resolve } from "node:path";

// src/scanners/lockfiles/index.ts
import { readFile as readFile2 } from "node:fs/promises";
import { join as join2, posix as posix2 } from "node:path";

// src/scanners/lockfiles/detect.ts
var BY_NAME = {
  "package-lock.json": "npm",
  "npm-shrinkwrap.json": "npm",
  "yarn.lock": "yarn",
  "pnpm-lock.yaml": "pnpm",
  "bun.lock": "bun",
  "poetry.lock": "poetry",
  "Pipfile.lock": "pipfile",
  "uv.lock": "uv",
  "pdm.lock": "pdm",
  "go.mod": "gomod",
  "Cargo.lock": "cargo",
  "Gemfile.lock": "gemfile",
  "gems.locked": "gemfile",
  "composer.lock": "composer",
  "pom.xml": "pom",
  "gradle.lockfile": "gradle",
  "buildscript-gradle.lockfile": "gradle",
  "settings-gradle.lockfile": "gradle",
  "packages.lock.json": "nuget"
};
function lockfileKind(path) {
  const base = path.split("/").pop() ?? path;
  const known = BY_NAME[base];
  if (known) return known;
  if (/^requirements.*\.(txt|pip)$/i.test(base) || /(^|\/)requirements\/[^/]+\.txt$/i.test(path)) return "requirements";
  if (/(^|\/)gradle\/dependency-locks\/[^/]+\.lockfile$/.test(path)) return "gradle";
  return void 0;
}

// src/scanners/lockfiles/manifest.ts
import { readFile, readdir } from "node:fs/promises";
import { dirname, join, posix } from "node:path";
import { parse as parseToml } from "smol-toml";

// src/scanners/lockfiles/text.ts
var LineIndex = class {
  constructor(text2) {
    this.text = text2;
    for (let i = text2.indexOf("\n"); i !== -1; i = text2.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }
  text;
  starts = [0];
  lineAt(offset) {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
  get lineCount() {
    return this.starts.length;
  }
};
var JsonKeyCursor = class {
  text;
  pos;
  lineOffset = 0;
  line = 1;
  constructor(source, start = 0) {
    this.text = typeof source === "string" ? source : source.text;
    this.pos = start;
  }
  lineAt(offset) {
    if (offset < this.lineOffset) {
      this.lineOffset = 0;
      this.line = 1;
    }
    const text2 = this.text;
    for (let i = text2.indexOf("\n", this.lineOffset); i !== -1 && i < offset; i = text2.indexOf("\n", i + 1)) this.line++;
    this.lineOffset = offset;
    return this.line;
  }
  /** Line of the next `"key": <opener>` after the cursor, or undefined (cursor unchanged). */
  next(key, opener) {
    const text2 = this.text;
    const needle = JSON.stringify(key);
    let at = text2.indexOf(needle, this.pos);
    while (at !== -1) {
      let i = at + needle.length;
      while (isSpace(text2.charCodeAt(i))) i++;
      if (text2[i] === ":") {
        i++;
        while (isSpace(text2.charCodeAt(i))) i++;
        if (opener === void 0 || text2[i] === opener) {
          this.pos = i;
          return this.lineAt(at);
        }
      }
      at = text2.indexOf(needle, at + 1);
    }
    return void 0;
  }
  /** Line of the next `"key": "value"` pair after the cursor, or undefined (cursor unchanged). */
  nextPair(key, value) {
    const text2 = this.text;
    const keyText = JSON.stringify(key);
    const needle = JSON.stringify(value);
    let at = text2.indexOf(needle, this.pos);
    while (at !== -1) {
      let i = at - 1;
      while (isSpace(text2.charCodeAt(i))) i--;
      if (text2[i] === ":") {
        i--;
        while (isSpace(text2.charCodeAt(i))) i--;
        if (text2.slice(i - keyText.length + 1, i + 1) === keyText) {
          this.pos = at + needle.length;
          return this.lineAt(at);
        }
      }
      at = text2.indexOf(needle, at + 1);
    }
    return void 0;
  }
  /** Moves the cursor to the first occurrence of a raw string; false when absent. */
  seek(raw) {
    const at = this.text.indexOf(raw, this.pos);
    if (at === -1) return false;
    this.pos = at;
    return true;
  }
};
function isSpace(code) {
  return code === 32 || code === 9 || code === 10 || code === 13;
}
function parseJson(text2) {
  try {
    return JSON.parse(stripBom(text2));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const pos = /position (\d+)/.exec(message);
    const line = pos?.[1] ? new LineIndex(text2).lineAt(Number(pos[1])) : void 0;
    throw new JsonError(`invalid JSON: ${message}`, line);
  }
}
var JsonError = class extends Error {
  constructor(message, line) {
    super(message);
    this.line = line;
  }
  line;
};
function stripBom(text2) {
  return text2.charCodeAt(0) === 65279 ? text2.slice(1) : text2;
}
function jsoncToJson(text2) {
  let out = "";
  let i = 0;
  const n = text2.length;
  while (i < n) {
    const c = text2[i];
    if (c === '"') {
      let j = i + 1;
      while (j < n && text2[j] !== '"') j += text2[j] === "\\" ? 2 : 1;
      out += text2.slice(i, j + 1);
      i = j + 1;
    } else if (c === "/" && text2[i + 1] === "/") {
      while (i < n && text2[i] !== "\n") {
        out += " ";
        i++;
      }
    } else if (c === "/" && text2[i + 1] === "*") {
      const end = text2.indexOf("*/", i + 2);
      const stop = end === -1 ? n : end + 2;
      out += text2.slice(i, stop).replace(/[^\n]/g, " ");
      i = stop;
    } else if (c === ",") {
      let j = i + 1;
      while (j < n && /\s/.test(text2[j] ?? "")) j++;
      out += text2[j] === "}" || text2[j] === "]" ? " " : ",";
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function str(value) {
  return typeof value === "string" ? value : void 0;
}
function record(value) {
  return isRecord(value) ? value : {};
}
function normalizePypiName(name) {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}
function reachable(roots, edges) {
  const seen = /* @__PURE__ */ new Set();
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === void 0 || seen.has(node)) continue;
    seen.add(node);
    for (const next of edges(node)) if (!seen.has(next)) stack.push(next);
  }
  return seen;
}

// src/scanners/lockfiles/types.ts
var LockfileError = class extends Error {
  constructor(message, line) {
    super(message);
    this.line = line;
  }
  line;
  name = "LockfileError";
};

// src/scanners/lockfiles/parsers/ruby.ts
var SOURCES = /* @__PURE__ */ new Set(["GEM", "GIT", "PATH", "PLUGIN SOURCE"]);
var SECTIONS = /* @__PURE__ */ new Set([...SOURCES, "PLATFORMS", "DEPENDENCIES", "BUNDLED WITH", "RUBY VERSION", "CHECKSUMS"]);
function parseGemfileLock(path, content, manifest) {
  const lines = content.split(/\r?\n/);
  const specs = /* @__PURE__ */ new Map();
  const deps = /* @__PURE__ */ new Map();
  const direct = /* @__PURE__ */ new Set();
  let section = "";
  let current;
  let sawSection = false;
  let firstStray;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.trim() === "") continue;
    if (!line.startsWith(" ")) {
      section = line.trim();
      if (SECTIONS.has(section)) sawSection = true;
      else firstStray ??= i + 1;
      current = void 0;
      continue;
    }
    if (section === "DEPENDENCIES") {
      const m = /^ {2}([^\s!(]+)/.exec(line);
      if (m?.[1]) direct.add(m[1]);
      continue;
    }
    if (!SOURCES.has(section)) continue;
    const spec = /^ {4}([^\s(]+) \(([^)]+)\)\s*$/.exec(line);
    if (spec?.[1] && spec[2]) {
      const name = spec[1];
      const version = spec[2].split("-")[0] ?? spec[2];
      const key = `${name}@${version}`;
      if (!specs.has(key)) {
        const pkg = { ecosystem: "RubyGems", name, version, direct: false, dev: false, line: i + 1 };
        if (section === "PATH") pkg.local = true;
        specs.set(key, pkg);
      }
      current = deps.get(name) ?? [];
      deps.set(name, current);
      continue;
    }
    const dep = /^ {6}([^\s(]+)/.exec(line);
    if (dep?.[1] && current) current.push(dep[1]);
  }
  if (!sawSection) throw new LockfileError("no GEM or DEPENDENCIES section: this is not a Gemfile.lock", firstStray);
  const devNames = manifest?.dev ?? /* @__PURE__ */ new Set();
  const prodRoots = [...direct].filter((n) => !devNames.has(n) || manifest?.prod?.has(n) === true);
  const prod = reachable(prodRoots, (n) => deps.get(n) ?? []);
  for (const pkg of specs.values()) {
    pkg.direct = direct.has(pkg.name);
    pkg.dev = manifest?.dev !== void 0 && !prod.has(pkg.name);
  }
  return { path, format: "Gemfile.lock", packages: [...specs.values()], notes: [] };
}
function gemfileManifest(text2, gemspecs2 = []) {
  const prod = /* @__PURE__ */ new Set();
  const dev = /* @__PURE__ */ new Set();
  const blocks = [];
  for (const raw of text2.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, "").trim();
    const group = /^group\b\s*\(?(.+?)\)?\s*(?:do\b|\{)/.exec(line);
    if (group?.[1]) {
      blocks.push(groupNames(group[1]));
      continue;
    }
    if (/^(\w+\b.*(\bdo\b|\{)\s*(\|[^|]*\|)?$|if\b|unless\b)/.test(line) && !line.startsWith("gem ")) {
      blocks.push([]);
      continue;
    }
    if (line === "end" || line === "}") {
      blocks.pop();
      continue;
    }
    const gem = /^gem\s+["']([^"']+)["'](.*)$/.exec(line);
    if (!gem?.[1]) continue;
    const inline = /(?:\bgroups?:|:groups?\s*=>)\s*(\[[^\]]*\]|%[iw]\[[^\]]*\]|\S+)/.exec(gem[2] ?? "");
    const names = [...blocks.flat(), ...inline?.[1] ? groupNames(inline[1]) : []];
    (names.length > 0 && names.every((n) => n === "development" || n === "test") ? dev : prod).add(gem[1]);
  }
  if (/^\s*gemspec\b/m.test(text2)) {
    for (const spec of gemspecs2) {
      for (const m of spec.matchAll(/\.add_development_dependency\s*\(?\s*["']([^"']+)["']/g)) if (m[1] && !prod.has(m[1])) dev.add(m[1]);
    }
  }
  return { prod, dev };
}
function groupNames(list) {
  const body = list.replace(/^%[iw]\[/, "[");
  if (body.startsWith("[") && !/[:"']/.test(body)) return body.slice(1).replace(/\].*$/, "").trim().split(/\s+/);
  return [...body.matchAll(/:(\w+)|["'](\w+)["']/g)].map((m) => m[1] ?? m[2] ?? "");
}

// src/scanners/lockfiles/parsers/maven.ts
import { SaxesParser } from "saxes";
function parseMavenPom(path, content, manifest) {
  const pom = readPom(content);
  const chain = parentChain(pom, manifest?.parents ?? []);
  const props = /* @__PURE__ */ new Map();
  for (const p of [...chain].reverse()) for (const [k, v] of p.props) props.set(k, v);
  for (const [k, v] of pom.props) props.set(k, v);
  const builtins = projectProperties(pom.project);
  const interpolate = (value, depth = 0) => {
    if (value === void 0) return void 0;
    if (depth > 10) return value;
    const next = value.replace(/\$\{([^}]+)\}/g, (whole, key) => props.get(key) ?? builtins.get(key) ?? whole);
    return next === value ? value : interpolate(next, depth + 1);
  };
  const managedDeps = /* @__PURE__ */ new Map();
  for (const d of [...chain].reverse().flatMap((p) => p.managed).concat(pom.managed)) {
    if (d.scope !== "import") managedDeps.set(`${interpolate(d.groupId) ?? ""}:${interpolate(d.artifactId) ?? ""}`, d);
  }
  const declared = /* @__PURE__ */ new Map();
  for (const d of pom.deps) declared.set([d.groupId, d.artifactId, d.type ?? "jar", d.classifier ?? ""].map((v) => interpolate(v) ?? "").join(":"), d);
  const byId = /* @__PURE__ */ new Map();
  const notes = [];
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
    const pkg = { ecosystem: "Maven", name, version, direct: true, dev: scope === "test", line: d.line };
    const seen = byId.get(`${name}@${version}`);
    if (seen) seen.dev &&= pkg.dev;
    else byId.set(`${name}@${version}`, pkg);
  }
  return { path, format: "pom.xml", packages: [...byId.values()], notes };
}
function pomParentPath(content) {
  const parent = /<parent>([\s\S]*?)<\/parent>/.exec(content.replace(/<!--[\s\S]*?-->/g, ""))?.[1];
  if (parent === void 0) return void 0;
  const relative = /<relativePath\s*\/>|<relativePath>\s*([^<]*?)\s*<\/relativePath>/.exec(parent);
  if (relative && !relative[1]) return void 0;
  const target = relative?.[1] ?? "../pom.xml";
  return target.endsWith(".xml") ? target : `${target.replace(/\/+$/, "")}/pom.xml`;
}
function parentChain(pom, texts) {
  const chain = [];
  let child = pom;
  for (const text2 of texts) {
    let parent;
    try {
      parent = readPom(text2);
    } catch {
      break;
    }
    const groupId = parent.project.groupId ?? parent.project["parent.groupId"];
    if (groupId !== child.project["parent.groupId"] || parent.project.artifactId !== child.project["parent.artifactId"]) break;
    chain.push(parent);
    child = parent;
  }
  return chain;
}
function projectProperties(project) {
  const builtins = /* @__PURE__ */ new Map();
  for (const [key, value] of Object.entries(project)) {
    builtins.set(`project.${key}`, value);
    builtins.set(`pom.${key}`, value);
  }
  if (!builtins.has("project.version") && project["parent.version"]) builtins.set("project.version", project["parent.version"]);
  if (!builtins.has("project.groupId") && project["parent.groupId"]) builtins.set("project.groupId", project["parent.groupId"]);
  for (const key of ["groupId", "artifactId", "version"]) {
    const value = builtins.get(`project.${key}`);
    if (value !== void 0 && !builtins.has(key)) builtins.set(key, value);
  }
  return builtins;
}
var PROFILE = "project/profiles/profile";
function readPom(content) {
  const parser = new SaxesParser({ position: true });
  const stack = [];
  const pom = { project: {}, props: /* @__PURE__ */ new Map(), deps: [], managed: [] };
  let profile;
  let current;
  let text2 = "";
  let root;
  const where = () => {
    const full = stack.join("/");
    return full.startsWith(`${PROFILE}/`) ? `project/${full.slice(PROFILE.length + 1)}` : full;
  };
  parser.on("opentag", (tag) => {
    root ??= tag.name;
    stack.push(tag.name);
    text2 = "";
    const at = where();
    if (stack.join("/") === PROFILE) profile = { active: false, props: /* @__PURE__ */ new Map(), deps: [], managed: [] };
    else if (at === "project/dependencies/dependency" || at === "project/dependencyManagement/dependencies/dependency") {
      current = { line: parser.line };
    }
  });
  parser.on("text", (t) => {
    text2 += t;
  });
  parser.on("cdata", (t) => {
    text2 += t;
  });
  parser.on("closetag", (tag) => {
    const full = stack.join("/");
    const at = where();
    const value = text2.trim();
    const into = profile && full !== at ? profile : pom;
    if (full === `${PROFILE}/activation/activeByDefault`) {
      if (profile) profile.active = value === "true";
    } else if (full === PROFILE) {
      if (profile?.active) {
        for (const [k, v] of profile.props) pom.props.set(k, v);
        pom.deps.push(...profile.deps);
        pom.managed.push(...profile.managed);
      }
      profile = void 0;
    } else if (/^project\/properties\/[^/]+$/.test(at)) into.props.set(tag.name, value);
    else if (stack.length === 2 && ["groupId", "artifactId", "version"].includes(tag.name)) pom.project[tag.name] = value;
    else if (stack.length === 3 && stack[1] === "parent" && ["groupId", "artifactId", "version"].includes(tag.name)) pom.project[`parent.${tag.name}`] = value;
    else if (current && /\/dependency\/(groupId|artifactId|version|scope|type|classifier)$/.test(at)) {
      current[tag.name] = value;
    } else if (current && at.endsWith("/dependency")) {
      (at.startsWith("project/dependencyManagement") ? into.managed : into.deps).push(current);
      current = void 0;
    }
    stack.pop();
    text2 = "";
  });
  try {
    parser.write(content).close();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /^(\d+):/.exec(message)?.[1];
    throw new LockfileError(`invalid XML: ${message}`, line ? Number(line) : void 0);
  }
  if (root !== "project") throw new LockfileError("no <project> root element: this is not a POM");
  return pom;
}
function pinnedVersion(requirement) {
  if (!/^[[(]/.test(requirement)) return requirement;
  return /^\[\s*([^,[\]()]+?)\s*\]$/.exec(requirement)?.[1];
}

// src/scanners/lockfiles/parsers/nuget.ts
function parseNugetLock(path, content, manifest) {
  const doc = parseJson(content);
  if (!isRecord(doc) || !isRecord(doc.dependencies)) throw new LockfileError('packages.lock.json has no "dependencies" object');
  const cursor = new JsonKeyCursor(content);
  cursor.seek('"dependencies"');
  const byId = /* @__PURE__ */ new Map();
  const edges = /* @__PURE__ */ new Map();
  const prodRoots = /* @__PURE__ */ new Set();
  const devNames = new Set([...manifest?.dev ?? []].map((n) => n.toLowerCase()));
  for (const [framework, deps] of Object.entries(doc.dependencies)) {
    cursor.next(framework, "{");
    for (const [name, value] of Object.entries(record(deps))) {
      const line = cursor.next(name, "{") ?? 1;
      const info = record(value);
      const type = str(info.type) ?? "";
      const id = name.toLowerCase();
      const out = edges.get(id) ?? /* @__PURE__ */ new Set();
      edges.set(id, out);
      for (const dep of Object.keys(record(info.dependencies))) out.add(dep.toLowerCase());
      if (type === "Project" || type === "Direct" && !devNames.has(id)) prodRoots.add(id);
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
function nugetProjectManifest(projects) {
  const prod = /* @__PURE__ */ new Set();
  const dev = /* @__PURE__ */ new Set();
  for (const text2 of projects) {
    const clean = text2.replace(/<!--[\s\S]*?-->/g, "");
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

// src/scanners/lockfiles/manifest.ts
async function readText(path) {
  try {
    return await readFile(path, "utf8");
  } catch {
    return void 0;
  }
}
async function loadManifest(root, lockPath, kind) {
  const dir = join(root, posix.dirname(lockPath));
  try {
    switch (kind) {
      case "npm":
      case "yarn":
        return await npmManifest(dir);
      case "poetry":
      case "pdm":
      case "uv":
        return pyprojectManifest(await readText(join(dir, "pyproject.toml")));
      case "pipfile":
        return pipfileManifest(await readText(join(dir, "Pipfile")));
      case "gemfile": {
        const text2 = await readText(join(dir, "Gemfile")) ?? await readText(join(dir, "gems.rb"));
        return text2 === void 0 ? void 0 : gemfileManifest(text2, await gemspecs(dir));
      }
      case "composer":
        return composerManifest(await readText(join(dir, "composer.json")));
      case "pom":
        return await pomManifest(root, lockPath);
      case "nuget": {
        const projects = (await readdir(dir)).filter((n) => /\.(cs|fs|vb)proj$/.test(n));
        const texts = await Promise.all(projects.map((n) => readText(join(dir, n))));
        return nugetProjectManifest(texts.filter((t) => t !== void 0));
      }
      case "gradle": {
        const base = lockPath.includes("gradle/dependency-locks/") ? dirname(dirname(dir)) : dir;
        const text2 = await readText(join(base, "build.gradle")) ?? await readText(join(base, "build.gradle.kts"));
        return text2 === void 0 ? void 0 : { text: text2 };
      }
      default:
        return void 0;
    }
  } catch {
    return void 0;
  }
}
async function gemspecs(dir) {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".gemspec"));
  const texts = await Promise.all(names.map((n) => readText(join(dir, n))));
  return texts.filter((t) => t !== void 0);
}
async function pomManifest(root, lockPath) {
  const parents = [];
  let current = lockPath;
  let text2 = await readText(join(root, current));
  for (let depth = 0; text2 !== void 0 && depth < 10; depth++) {
    const relative = pomParentPath(text2);
    if (relative === void 0) break;
    const next = posix.normalize(posix.join(posix.dirname(current), relative));
    if (next.startsWith("../") || next === current) break;
    text2 = await readText(join(root, next));
    if (text2 !== void 0) parents.push(text2);
    current = next;
  }
  return parents.length > 0 ? { parents } : void 0;
}
async function npmManifest(dir) {
  const text2 = await readText(join(dir, "package.json"));
  if (text2 === void 0) return void 0;
  const manifest = { prod: /* @__PURE__ */ new Set(), dev: /* @__PURE__ */ new Set(), ranges: /* @__PURE__ */ new Map() };
  const add = (pkg) => {
    for (const field of ["dependencies", "optionalDependencies", "peerDependencies", "devDependencies"]) {
      for (const [name, range] of Object.entries(record(pkg[field]))) {
        (field === "devDependencies" ? manifest.dev : manifest.prod)?.add(name);
        if (typeof range === "string" && !manifest.ranges?.has(name)) manifest.ranges?.set(name, range);
      }
    }
  };
  const root = record(JSON.parse(text2));
  add(root);
  const patterns = Array.isArray(root.workspaces) ? root.workspaces : record(root.workspaces).packages;
  if (Array.isArray(patterns)) {
    for (const pattern of patterns) {
      if (typeof pattern !== "string") continue;
      for (const wsDir of await expandWorkspace(dir, pattern)) {
        const ws = await readText(join(wsDir, "package.json"));
        if (ws !== void 0) add(record(JSON.parse(ws)));
      }
    }
  }
  return manifest;
}
async function expandWorkspace(dir, pattern) {
  const clean = pattern.replace(/\/+$/, "");
  if (!clean.endsWith("/*") && !clean.endsWith("/**")) return [join(dir, clean)];
  const parent = join(dir, clean.replace(/\/\*\*?$/, ""));
  try {
    const entries = await readdir(parent, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && e.name !== "node_modules").map((e) => join(parent, e.name));
  } catch {
    return [];
  }
}
function pep508Name(spec) {
  return /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(spec)?.[1];
}
function pyprojectManifest(text2) {
  if (text2 === void 0) return void 0;
  const doc = parseToml(text2);
  const prod = /* @__PURE__ */ new Set();
  const dev = /* @__PURE__ */ new Set();
  const addList = (list, into) => {
    if (!Array.isArray(list)) return;
    for (const item of list) if (typeof item === "string") {
      const name = pep508Name(item);
      if (name) into.add(name);
    }
  };
  const project = record(doc.project);
  addList(project.dependencies, prod);
  for (const extra of Object.values(record(project["optional-dependencies"]))) addList(extra, prod);
  for (const group of Object.values(record(doc["dependency-groups"]))) addList(group, dev);
  const tool = record(doc.tool);
  const poetry = record(tool.poetry);
  for (const name of Object.keys(record(poetry.dependencies))) if (name !== "python") prod.add(name);
  for (const name of Object.keys(record(poetry["dev-dependencies"]))) dev.add(name);
  for (const [group, body] of Object.entries(record(poetry.group))) {
    for (const name of Object.keys(record(record(body).dependencies))) (group === "main" ? prod : dev).add(name);
  }
  for (const group of Object.values(record(record(tool.pdm)["dev-dependencies"]))) addList(group, dev);
  addList(record(tool.uv)["dev-dependencies"], dev);
  return prod.size + dev.size > 0 ? { prod, dev } : void 0;
}
var PIPFILE_TABLES = /* @__PURE__ */ new Set(["source", "packages", "dev-packages", "requires", "scripts", "pipenv"]);
function pipfileManifest(text2) {
  if (text2 === void 0) return void 0;
  const doc = parseToml(text2);
  const dev = new Set(Object.keys(record(doc["dev-packages"])));
  for (const [key, value] of Object.entries(doc)) {
    if (!PIPFILE_TABLES.has(key) && isRecord(value)) for (const name of Object.keys(value)) dev.add(name);
  }
  return { prod: new Set(Object.keys(record(doc.packages))), dev };
}
function composerManifest(text2) {
  if (text2 === void 0) return void 0;
  const doc = JSON.parse(text2);
  if (!isRecord(doc)) return void 0;
  const platform = (name) => name === "php" || name.startsWith("ext-") || name.startsWith("lib-") || !name.includes("/");
  return {
    prod: new Set(Object.keys(record(doc.require)).filter((n) => !platform(n))),
    dev: new Set(Object.keys(record(doc["require-dev"])).filter((n) => !platform(n)))
  };
}

// src/scanners/lockfiles/releases.ts
function oneEntryPerRelease(packages) {
  const byId = /* @__PURE__ */ new Map();
  for (const pkg of packages) {
    const id = `${pkg.name}@${pkg.version}`;
    const first = byId.get(id);
    if (!first) byId.set(id, pkg);
    else {
      first.direct ||= pkg.direct;
      first.dev &&= pkg.dev;
    }
  }
  return [...byId.values()];
}

// src/scanners/lockfiles/parsers/npm.ts
var ROOT_DEP_FIELDS = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"];
function parseNpmLock(path, content, manifest) {
  const doc = parseJson(content);
  if (!isRecord(doc)) throw new LockfileError("the lockfile is not a JSON object");
  const version = typeof doc.lockfileVersion === "number" ? doc.lockfileVersion : 1;
  const lines = content;
  const kind = path.endsWith("npm-shrinkwrap.json") ? "npm-shrinkwrap.json" : "package-lock.json";
  if (isRecord(doc.packages) && version >= 2) {
    return { path, format: `${kind} v${version}`, packages: oneEntryPerRelease(fromPackages(doc.packages, lines)), notes: [] };
  }
  if (doc.dependencies !== void 0 && !isRecord(doc.dependencies)) throw new LockfileError('"dependencies" is not an object');
  const notes = [];
  const packages = oneEntryPerRelease(fromDependencies({ deps: record(doc.dependencies), lines, manifest, notes, path }));
  return { path, format: `${kind} v1`, packages, notes };
}
function fromPackages(packages, lines) {
  const directNames = /* @__PURE__ */ new Map();
  for (const [key, value] of Object.entries(packages)) {
    if (key.includes("node_modules/") || !isRecord(value)) continue;
    const names = /* @__PURE__ */ new Set();
    for (const field of ROOT_DEP_FIELDS) for (const name of Object.keys(record(value[field]))) names.add(name);
    directNames.set(key, names);
  }
  const anyProject = new Set([...directNames.values()].flatMap((s) => [...s]));
  const cursor = new JsonKeyCursor(lines);
  cursor.seek('"packages"');
  const out = [];
  for (const [key, value] of Object.entries(packages)) {
    if (key === "" || !isRecord(value)) continue;
    const line = cursor.next(key, "{") ?? 1;
    const idx = key.lastIndexOf("node_modules/");
    if (idx === -1) continue;
    if (value.link === true) continue;
    const version = str(value.version);
    if (!version) continue;
    const installedAs = key.slice(idx + "node_modules/".length);
    const name = str(value.name) ?? installedAs;
    const parent = idx === 0 ? "" : key.slice(0, idx - 1);
    const direct = parent === "" ? anyProject.has(installedAs) : !parent.includes("node_modules") && (directNames.get(parent)?.has(installedAs) ?? false);
    const pkg = { ecosystem: "npm", name, version, direct, dev: value.dev === true, line };
    const license = licenseOf(value.license);
    if (license) pkg.license = license;
    out.push(pkg);
  }
  return out;
}
function fromDependencies({ deps, lines, manifest, notes, path }) {
  const out = [];
  const cursor = new JsonKeyCursor(lines);
  cursor.seek('"dependencies"');
  const requiredByOthers = /* @__PURE__ */ new Set();
  const topLevel = /* @__PURE__ */ new Map();
  const walk = (level, depth) => {
    for (const [installedAs, value] of Object.entries(level)) {
      if (!isRecord(value)) continue;
      const line = cursor.next(installedAs, "{") ?? 1;
      for (const req of Object.keys(record(value.requires))) requiredByOthers.add(req);
      let version = str(value.version);
      let name = installedAs;
      const alias = version ? /^npm:((?:@[^/]+\/)?[^@]+)@(.+)$/.exec(version) : null;
      if (alias?.[1] && alias[2]) {
        name = alias[1];
        version = alias[2];
      }
      if (version && !/^\d/.test(version)) {
        notes.push(`${path}:${line}: ${installedAs} comes from ${version.split("#")[0] ?? version}, not a registry release; it is not checked`);
      } else if (version) {
        const pkg = { ecosystem: "npm", name, version, direct: false, dev: value.dev === true, line };
        out.push(pkg);
        if (depth === 0) topLevel.set(pkg, installedAs);
      }
      if (isRecord(value.dependencies)) walk(value.dependencies, depth + 1);
    }
  };
  walk(deps, 0);
  const declared = manifest ? /* @__PURE__ */ new Set([...manifest.prod ?? [], ...manifest.dev ?? []]) : void 0;
  for (const [pkg, installedAs] of topLevel) {
    pkg.direct = declared ? declared.has(installedAs) : !requiredByOthers.has(installedAs);
  }
  return out;
}
function licenseOf(value) {
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  if (isRecord(value)) return str(value.type);
  if (Array.isArray(value)) {
    const ids = value.map((v) => isRecord(v) ? str(v.type) : str(v)).filter((v) => !!v);
    return ids.length > 0 ? ids.length === 1 ? ids[0] : `(${ids.join(" OR ")})` : void 0;
  }
  return void 0;
}

// src/scanners/lockfiles/parsers/yarn.ts
var DEP_MAPS = ["dependencies", "optionalDependencies"];
function parseYarnLock(path, content, manifest) {
  const blocks = readBlocks(stripBom(content));
  const berry = blocks.some((b) => b.specs.includes("__metadata"));
  const notes = [];
  const nodeOf = /* @__PURE__ */ new Map();
  const bySpec = /* @__PURE__ */ new Map();
  for (const block of blocks) for (const spec of block.specs) bySpec.set(spec, block);
  for (const block of blocks) {
    for (const spec of block.specs) {
      const bare = spec.split("::")[0] ?? spec;
      if (!bySpec.has(bare)) bySpec.set(bare, block);
    }
  }
  const workspaces = [];
  for (const block of blocks) {
    if (block.specs.includes("__metadata")) continue;
    const pkg = berry ? berryPackage(block) : classicPackage(block);
    if (pkg === "workspace") workspaces.push(block);
    else if (typeof pkg === "string") notes.push(`${path}:${block.line}: ${block.specs[0] ?? ""} ${pkg}; it is not checked`);
    else if (pkg) nodeOf.set(block, pkg);
  }
  const depsOf = (block) => {
    const next = [];
    for (const field of DEP_MAPS) {
      for (const [name, range] of block.maps.get(field) ?? []) {
        const target = lookup(bySpec, name, range);
        if (target) next.push(target);
      }
    }
    return next;
  };
  const ids = new Map(blocks.map((b, i) => [b, String(i)]));
  const blockById = new Map(blocks.map((b, i) => [String(i), b]));
  const edges = (id) => {
    const block = blockById.get(id);
    return block ? depsOf(block).map((b) => ids.get(b) ?? "") : [];
  };
  const prodRoots = [];
  const devRoots = [];
  const classify2 = (name, target) => {
    const devOnly = manifest?.dev?.has(name) === true && manifest.prod?.has(name) !== true;
    (devOnly ? devRoots : prodRoots).push(target);
  };
  for (const ws of workspaces) {
    for (const field of [...DEP_MAPS, "devDependencies"]) {
      for (const [name, range] of ws.maps.get(field) ?? []) {
        const target = lookup(bySpec, name, range);
        if (target) classify2(name, target);
      }
    }
  }
  if (!berry && manifest) {
    for (const name of [...manifest.prod ?? [], ...manifest.dev ?? []]) {
      const range = manifest.ranges?.get(name);
      const target = (range !== void 0 ? lookup(bySpec, name, range) : void 0) ?? firstByName(nodeOf, name);
      if (target) classify2(name, target);
    }
  }
  const knowRoots = berry ? workspaces.length > 0 : manifest !== void 0;
  if (knowRoots) {
    const prod = reachable(prodRoots.map((b) => ids.get(b) ?? ""), edges);
    const direct = /* @__PURE__ */ new Set([...prodRoots, ...devRoots]);
    for (const [block, pkg] of nodeOf) {
      pkg.direct = direct.has(block);
      pkg.dev = manifest !== void 0 && !prod.has(ids.get(block) ?? "");
    }
  } else {
    const required = /* @__PURE__ */ new Set();
    for (const block of nodeOf.keys()) for (const dep of depsOf(block)) required.add(dep);
    for (const [block, pkg] of nodeOf) pkg.direct = !required.has(block);
  }
  return { path, format: berry ? "yarn.lock berry" : "yarn.lock v1", packages: oneEntryPerRelease(nodeOf.values()), notes };
}
function firstByName(nodes, name) {
  for (const [block, pkg] of nodes) if (pkg.name === name) return block;
  return void 0;
}
function lookup(bySpec, name, range) {
  const inner = patchedDescriptor(range);
  const target = inner !== void 0 ? lookup(bySpec, splitSpec(inner).name, splitSpec(inner).range) : void 0;
  return target ?? bySpec.get(`${name}@${range}`) ?? bySpec.get(`${name}@npm:${range}`);
}
function patchedDescriptor(range) {
  if (!range.startsWith("patch:")) return void 0;
  const encoded = range.slice("patch:".length).split("#")[0] ?? "";
  try {
    return decodeURIComponent(encoded);
  } catch {
    return void 0;
  }
}
function classicPackage(block) {
  const version = block.fields.get("version");
  const spec = block.specs[0];
  if (!version || !spec) return void 0;
  const { name, range } = splitSpec(spec);
  if (range.startsWith("file:") || range.startsWith("link:")) return "is a local folder";
  return { ecosystem: "npm", name: range.startsWith("npm:") ? aliasTarget(name, range.slice(4)) : name, version, direct: false, dev: false, line: block.line };
}
function aliasTarget(name, target) {
  const aliased = splitSpec(target);
  if (aliased.range !== "" || target.startsWith("@")) return aliased.name;
  return target === "" || /^[~^<>=*\d]/.test(target) ? name : target;
}
function berryPackage(block) {
  const resolution = block.fields.get("resolution") ?? "";
  const { name, range: source } = splitSpec(resolution);
  const version = block.fields.get("version");
  if (source.startsWith("workspace:")) return "workspace";
  if (source.startsWith("patch:")) return void 0;
  if (/^(file|link|portal):/.test(source)) return "is a local folder";
  if (!name || !version) return void 0;
  if (!source.startsWith("npm:") && !/^(https?|git|git\+[a-z]+|ssh|github|gitlab|bitbucket):/.test(source)) return `resolves to ${source}`;
  return { ecosystem: "npm", name, version, direct: false, dev: false, line: block.line };
}
function splitSpec(spec) {
  const at = spec.indexOf("@", 1);
  return at === -1 ? { name: spec, range: "" } : { name: spec.slice(0, at), range: spec.slice(at + 1) };
}
function readBlocks(content) {
  const blocks = [];
  let current;
  let currentMap;
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    if (raw.trim() === "" || raw.trimStart().startsWith("#")) continue;
    const indent = raw.length - raw.trimStart().length;
    const text2 = raw.trim();
    if (indent === 0) {
      if (!text2.endsWith(":")) throw new LockfileError(`line ${i + 1}: expected "<package>@<range>:"`, i + 1);
      current = { specs: splitHeader(text2.slice(0, -1)), line: i + 1, fields: /* @__PURE__ */ new Map(), maps: /* @__PURE__ */ new Map() };
      currentMap = void 0;
      blocks.push(current);
      continue;
    }
    if (!current) throw new LockfileError(`line ${i + 1}: indented line outside a package block`, i + 1);
    const [key, value] = splitField(text2);
    if (indent <= 2) {
      if (value === "") {
        currentMap = /* @__PURE__ */ new Map();
        current.maps.set(key, currentMap);
      } else {
        current.fields.set(key, value);
        currentMap = void 0;
      }
    } else if (currentMap && indent <= 4) {
      currentMap.set(key, value);
    }
  }
  return blocks;
}
function splitHeader(header) {
  const specs = [];
  for (const part of header.split(/,\s*/)) {
    const spec = part.trim().replace(/^"/, "").replace(/"$/, "");
    if (spec) specs.push(spec);
  }
  return specs;
}
function splitField(text2) {
  let key;
  let rest;
  if (text2.startsWith('"')) {
    let j = 1;
    while (j < text2.length && text2[j] !== '"') j += text2[j] === "\\" ? 2 : 1;
    key = text2.slice(1, j).replace(/\\(.)/g, "$1");
    rest = text2.slice(j + 1);
  } else {
    const m = /^([^\s:]+(?::[^\s:]+)*)(.*)$/.exec(text2);
    key = m?.[1] ?? text2;
    rest = m?.[2] ?? "";
  }
  rest = rest.replace(/^:/, "").trim();
  return [key, unquote(rest)];
}
function unquote(value) {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) return value.slice(1, -1).replace(/\\(.)/g, "$1");
  return value;
}

// src/scanners/lockfiles/parsers/pnpm.ts
var import_yaml = __toESM(require_dist(), 1);

// src/scanners/lockfiles/parsers/yaml-lite.ts
function parseYamlLite(text2) {
  const root = {};
  const stack = [{ node: root, indent: 0 }];
  let pendingKey;
  let sequenceIndent = -1;
  let lineNo = 0;
  let start = 0;
  const n = text2.length;
  while (start <= n) {
    let end = text2.indexOf("\n", start);
    if (end === -1) end = n;
    let line = text2.slice(start, end);
    start = end + 1;
    lineNo++;
    if (line.endsWith("\r")) line = line.slice(0, -1);
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    if (indent === line.length || line[indent] === "#") {
      if (end === n) break;
      continue;
    }
    if (line[indent] === "	") throw new LockfileError(`line ${lineNo}: tabs are not allowed for indentation in YAML`, lineNo);
    const body = line.slice(indent);
    if (sequenceIndent !== -1 && indent > sequenceIndent) continue;
    sequenceIndent = -1;
    if (body.startsWith("- ") || body === "-") {
      if (pendingKey) {
        pendingKey.node[pendingKey.key] = [];
        pendingKey = void 0;
      }
      sequenceIndent = indent;
      continue;
    }
    if (/^[?&*!|>%@`]/.test(body) || body.startsWith("---") || body.startsWith("...")) return void 0;
    if (pendingKey) {
      if (indent <= pendingKey.indent) {
        pendingKey.node[pendingKey.key] = null;
      } else {
        const child = {};
        pendingKey.node[pendingKey.key] = child;
        stack.push({ node: child, indent });
      }
      pendingKey = void 0;
    }
    while (stack.length > 1 && indent < (stack[stack.length - 1]?.indent ?? 0)) stack.pop();
    const frame = stack[stack.length - 1];
    if (!frame || indent !== frame.indent) throw new LockfileError(`line ${lineNo}: unexpected indentation`, lineNo);
    const { key, rest } = splitKey(body, lineNo);
    if (rest === "") {
      pendingKey = { node: frame.node, key, indent };
      continue;
    }
    if (/^[&*!|>]/.test(rest)) return void 0;
    frame.node[key] = scalarOrFlow(rest, lineNo);
    if (end === n) break;
  }
  if (pendingKey) pendingKey.node[pendingKey.key] = null;
  return root;
}
function splitKey(body, lineNo) {
  let key;
  let i;
  if (body[0] === "'" || body[0] === '"') {
    const q = body[0];
    i = 1;
    let out = "";
    for (; ; ) {
      if (i >= body.length) throw new LockfileError(`line ${lineNo}: unterminated quoted key`, lineNo);
      const c = body[i] ?? "";
      if (c === q) {
        if (q === "'" && body[i + 1] === "'") {
          out += "'";
          i += 2;
          continue;
        }
        break;
      }
      if (q === '"' && c === "\\") {
        out += body[i + 1] ?? "";
        i += 2;
        continue;
      }
      out += c;
      i++;
    }
    key = out;
    i++;
    if (body[i] !== ":") throw new LockfileError(`line ${lineNo}: expected ":" after the key`, lineNo);
  } else {
    i = body.indexOf(": ");
    if (i === -1) {
      if (!body.endsWith(":")) throw new LockfileError(`line ${lineNo}: expected "key: value"`, lineNo);
      i = body.length - 1;
    }
    key = body.slice(0, i);
  }
  return { key, rest: body.slice(i + 1).trim() };
}
function scalarOrFlow(raw, lineNo) {
  const value = stripComment(raw);
  if (value.startsWith("{")) {
    if (!value.endsWith("}")) throw new LockfileError(`line ${lineNo}: unterminated flow mapping`, lineNo);
    const inner = value.slice(1, -1).trim();
    const out = {};
    if (inner === "") return out;
    for (const part of splitFlow(inner)) {
      const colon = part.indexOf(": ");
      if (colon === -1) {
        if (part.endsWith(":")) out[unquote2(part.slice(0, -1).trim())] = null;
        continue;
      }
      out[unquote2(part.slice(0, colon).trim())] = scalar(part.slice(colon + 2).trim());
    }
    return out;
  }
  if (value.startsWith("[")) return value;
  return scalar(value);
}
function splitFlow(inner) {
  const parts = [];
  let depth = 0;
  let quote = "";
  let cur = "";
  for (const c of inner) {
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === "'" || c === '"') quote = c;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
    else if (c === "," && depth === 0) {
      parts.push(cur.trim());
      cur = "";
      continue;
    }
    cur += c;
  }
  if (cur.trim()) parts.push(cur.trim());
  return parts;
}
function stripComment(value) {
  if (value.startsWith("'") || value.startsWith('"')) return value;
  const hash = value.indexOf(" #");
  return hash === -1 ? value : value.slice(0, hash).trimEnd();
}
function unquote2(value) {
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1).replace(/''/g, "'");
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    try {
      return JSON.parse(value);
    } catch {
      return value.slice(1, -1);
    }
  }
  return value;
}
function scalar(value) {
  if (value === "true") return true;
  if (value === "false") return false;
  if (value === "null" || value === "~") return null;
  return unquote2(value);
}

// src/scanners/lockfiles/parsers/pnpm.ts
var PROD_FIELDS = ["dependencies", "optionalDependencies"];
var ENV_FIELDS = ["configDependencies", "packageManagerDependencies"];
var ALL_FIELDS = [...PROD_FIELDS, "devDependencies", ...ENV_FIELDS];
function parsePnpmLock(path, content) {
  const docs = splitDocuments(stripBom(content)).map((text2) => parseDocument(path, text2));
  const last = docs[docs.length - 1];
  if (!last) throw new LockfileError("the lockfile is empty");
  return { path, format: `pnpm-lock.yaml ${last.version}`, packages: oneEntryPerRelease(docs.flatMap((d) => d.packages)), notes: docs.flatMap((d) => d.notes) };
}
function splitDocuments(content) {
  const lines = content.split("\n");
  const starts = lines.flatMap((line, i) => /^---\s*$/.test(line) ? [i] : []);
  if (starts.length === 0) return [content];
  const bounds = [...starts[0] === 0 ? [] : [-1], ...starts];
  const docs = [];
  bounds.forEach((start, k) => {
    const end = bounds[k + 1] ?? lines.length;
    if (!lines.slice(start + 1, end).some((l) => l.trim() !== "" && !l.trimStart().startsWith("#"))) return;
    docs.push(lines.map((line, i) => i > start && i < end ? line : "").join("\n"));
  });
  return docs.length > 0 ? docs : [content];
}
function loadYaml(content) {
  try {
    return parseYamlLite(content) ?? (0, import_yaml.parse)(content, { maxAliasCount: 1e4 });
  } catch (error) {
    if (error instanceof LockfileError) throw error;
    const line = error.linePos?.[0]?.line;
    throw new LockfileError(`invalid YAML: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`, line);
  }
}
function parseDocument(path, content) {
  const doc = loadYaml(content);
  if (!isRecord(doc)) throw new LockfileError("the lockfile is not a YAML mapping");
  const lockVersion = String(doc.lockfileVersion ?? "");
  const major = Number.parseInt(lockVersion, 10);
  if (!Number.isFinite(major)) throw new LockfileError('missing "lockfileVersion"');
  const packages = record(doc.packages);
  const snapshots = major >= 9 || isRecord(doc.snapshots);
  const graph = snapshots ? record(doc.snapshots) : packages;
  const graphKeys = new Set(Object.keys(graph).map(withoutSlash));
  const importers = isRecord(doc.importers) ? Object.values(doc.importers).map(record) : [doc];
  const resolveDep = (name, value) => resolveReference(graphKeys, name, value);
  const packageKeyOf = (graphKey) => snapshots ? withoutPeers(graphKey) : graphKey;
  const direct = /* @__PURE__ */ new Set();
  const prodRoots = [];
  for (const importer of importers) {
    for (const field of ALL_FIELDS) {
      for (const [name, value] of Object.entries(record(importer[field]))) {
        const key = resolveDep(name, value);
        if (!key) continue;
        direct.add(packageKeyOf(key));
        if (PROD_FIELDS.includes(field)) prodRoots.push(key);
      }
    }
  }
  let prodPackages;
  if (snapshots) {
    const reached = reachable(prodRoots, (key) => {
      const snap = record(graph[key] ?? graph[`/${key}`]);
      return PROD_FIELDS.flatMap((f) => Object.entries(record(snap[f])).map(([n, v]) => resolveDep(n, v) ?? ""));
    });
    prodPackages = new Set([...reached].map(packageKeyOf));
  }
  const keyLines = packageKeyLines(content);
  const out = [];
  const notes = [];
  for (const [rawKey, value] of Object.entries(packages)) {
    const key = withoutSlash(rawKey);
    const info = record(value);
    const line = keyLines.get(rawKey) ?? 1;
    if (isLocal(key, info)) {
      notes.push(`${path}:${line}: ${str(info.name) ?? key} is a local folder or file; it is not checked`);
      continue;
    }
    const ident = identify(key, info, major);
    if (!ident) {
      notes.push(`${path}:${line}: cannot tell the name and version of "${rawKey}"; it is not checked`);
      continue;
    }
    const dev = prodPackages ? !prodPackages.has(key) : info.dev === true;
    out.push({ ecosystem: "npm", ...ident, direct: direct.has(key), dev, line });
  }
  return { version: lockVersion, packages: out, notes };
}
function resolveReference(graphKeys, name, value) {
  const ref = isRecord(value) ? str(value.version) : typeof value === "string" ? value : typeof value === "number" ? String(value) : void 0;
  if (!ref || ref.startsWith("link:")) return void 0;
  const candidates = [withoutSlash(ref), `${name}@${ref}`, `${name}/${ref}`];
  return candidates.find((k) => graphKeys.has(k));
}
function withoutSlash(key) {
  return key.startsWith("/") ? key.slice(1) : key;
}
function withoutPeers(key) {
  const paren = key.indexOf("(");
  return paren === -1 ? key : key.slice(0, paren);
}
function isLocal(key, info) {
  const resolution = record(info.resolution);
  if (typeof resolution.directory === "string" || str(resolution.tarball)?.startsWith("file:")) return true;
  return key.startsWith("file:") || /^(?:@[^/]+\/)?[^@/]+@(file|link):/.test(key);
}
function identify(key, info, major) {
  const parsed = major < 6 ? splitV5Key(key) : splitKey2(key);
  const name = str(info.name) ?? parsed?.name;
  const version = str(info.version) ?? parsed?.version;
  if (!name || !version || !/^\d/.test(version)) return void 0;
  return { name, version };
}
function splitV5Key(key) {
  const parts = key.split("/");
  if (parts.length < 2) return void 0;
  const version = (parts[parts.length - 1] ?? "").split("_")[0] ?? "";
  const base = parts[parts.length - 2] ?? "";
  const scope = parts[parts.length - 3];
  return { name: scope?.startsWith("@") ? `${scope}/${base}` : base, version };
}
function splitKey2(key) {
  const noPeers = withoutPeers(key);
  const at = noPeers.indexOf("@", 1);
  if (at === -1) return void 0;
  const version = noPeers.slice(at + 1);
  return { name: noPeers.slice(0, at), version: /^\d/.test(version) ? version.split("_")[0] ?? version : version };
}
function packageKeyLines(content) {
  const lines = content.split("\n");
  const out = /* @__PURE__ */ new Map();
  let inPackages = false;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").replace(/\r$/, "");
    if (/^\S/.test(line)) {
      inPackages = line.startsWith("packages:");
      continue;
    }
    if (!inPackages) continue;
    const m = /^ {2}(\S.*):\s*(?:\{\s*\}\s*)?$/.exec(line) ?? /^ {2}(['"].*['"]):/.exec(line);
    if (!m?.[1]) continue;
    let key = m[1];
    if (key.startsWith("'") && key.endsWith("'") || key.startsWith('"') && key.endsWith('"')) key = key.slice(1, -1);
    out.set(key, i + 1);
  }
  return out;
}

// src/scanners/lockfiles/parsers/bun.ts
var PROD_FIELDS2 = ["dependencies", "optionalDependencies", "peerDependencies"];
function parseBunLock(path, content) {
  const json = jsoncToJson(content);
  const doc = parseJson(json);
  if (!isRecord(doc) || !isRecord(doc.packages)) throw new LockfileError('bun.lock has no "packages" object');
  const packages = doc.packages;
  const workspaces = record(doc.workspaces);
  const resolve2 = (from, name) => {
    let prefix = from;
    for (; ; ) {
      const candidate = prefix ? `${prefix}/${name}` : name;
      if (Object.hasOwn(packages, candidate)) return candidate;
      if (!prefix) return void 0;
      const cut = prefix.lastIndexOf("/");
      const parentCut = cut > 0 && prefix.slice(0, cut).split("/").pop()?.startsWith("@") ? prefix.lastIndexOf("/", cut - 1) : cut;
      prefix = parentCut <= 0 ? "" : prefix.slice(0, parentCut);
    }
  };
  const directProd = /* @__PURE__ */ new Set();
  const directDev = /* @__PURE__ */ new Set();
  for (const [wsPath, ws] of Object.entries(workspaces)) {
    const info = record(ws);
    const scope = wsPath === "" ? "" : String(record(info).name ?? "");
    for (const field of [...PROD_FIELDS2, "devDependencies"]) {
      for (const name of Object.keys(record(info[field]))) {
        const target = (scope ? resolve2(scope, name) : void 0) ?? resolve2("", name);
        if (target) (field === "devDependencies" ? directDev : directProd).add(target);
      }
    }
  }
  const edges = (key) => {
    const entry = packages[key];
    const meta = Array.isArray(entry) ? record(entry.find((v, i) => i > 0 && isRecord(v))) : {};
    return PROD_FIELDS2.flatMap((f) => Object.keys(record(meta[f])).map((n) => resolve2(key, n) ?? ""));
  };
  const prod = reachable(directProd, edges);
  const cursor = new JsonKeyCursor(json);
  cursor.seek('"packages"');
  const found = [];
  const notes = [];
  for (const [key, entry] of Object.entries(packages)) {
    const line = cursor.next(key, "[") ?? 1;
    if (!Array.isArray(entry) || typeof entry[0] !== "string") continue;
    const ident = entry[0];
    const at = ident.indexOf("@", 1);
    if (at === -1) continue;
    const name = ident.slice(0, at);
    const version = ident.slice(at + 1);
    if (!/^\d/.test(version)) {
      if (!version.startsWith("workspace:")) notes.push(`${path}:${line}: ${name} comes from ${version.split("#")[0] ?? version}, not a registry release; it is not checked`);
      continue;
    }
    found.push({ ecosystem: "npm", name, version, direct: directProd.has(key) || directDev.has(key), dev: !prod.has(key), line });
  }
  return { path, format: `bun.lock v${String(doc.lockfileVersion ?? "?")}`, packages: oneEntryPerRelease(found), notes };
}

// src/scanners/lockfiles/parsers/toml.ts
import { parse } from "smol-toml";
function parseToml2(content) {
  try {
    return parse(content);
  } catch (error) {
    const line = error.line;
    const first = error instanceof Error ? error.message.split("\n")[0] ?? error.message : String(error);
    throw new LockfileError(`invalid TOML: ${first}`, typeof line === "number" ? line : void 0);
  }
}
function packageTables(doc) {
  const list = doc.package;
  if (list === void 0) return [];
  if (!Array.isArray(list)) throw new LockfileError('"package" is not an array of tables');
  return list.map((p) => isRecord(p) ? p : {});
}
var PACKAGE_HEADER = /^\[\[\s*package\s*\]\]\s*(?:#.*)?$/;
var NAME_KEY = /^(?:name|"name"|'name')\s*=/;
function packageLines(content) {
  const lines = content.split("\n");
  const out = [];
  const state = { string: void 0, depth: 0 };
  let pending = -1;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    const atTop = state.string === void 0 && state.depth === 0;
    scanLine(raw, state);
    if (!atTop) continue;
    const line = raw.trim();
    if (PACKAGE_HEADER.test(line)) {
      if (pending !== -1) out.push(pending);
      pending = i + 1;
    } else if (pending !== -1 && NAME_KEY.test(line)) {
      out.push(i + 1);
      pending = -1;
    } else if (pending !== -1 && line.startsWith("[")) {
      out.push(pending);
      pending = -1;
    }
  }
  if (pending !== -1) out.push(pending);
  return out;
}
function scanLine(line, state) {
  let i = 0;
  if (state.string === void 0 && state.depth === 0 && line.trimStart().startsWith("[")) return;
  while (i < line.length) {
    if (state.string !== void 0) {
      const end = findClose(line, i, state.string);
      if (end === -1) return;
      i = end;
      state.string = void 0;
      continue;
    }
    const c = line[i];
    if (c === "#") return;
    if (line.startsWith('"""', i) || line.startsWith("'''", i)) {
      state.string = line.startsWith('"""', i) ? '"""' : "'''";
      i += 3;
    } else if (c === '"' || c === "'") {
      const end = findClose(line, i + 1, c);
      i = end === -1 ? line.length : end;
    } else {
      if (c === "[" || c === "{") state.depth++;
      else if ((c === "]" || c === "}") && state.depth > 0) state.depth--;
      i++;
    }
  }
}
function findClose(line, from, delimiter) {
  const escapes = delimiter.startsWith('"');
  for (let i = from; i < line.length; i++) {
    if (escapes && line[i] === "\\") {
      i++;
      continue;
    }
    if (line.startsWith(delimiter, i)) {
      let end = i + delimiter.length;
      while (delimiter.length === 3 && line[end] === delimiter[0] && end < i + 5) end++;
      return end;
    }
  }
  return -1;
}

// src/scanners/lockfiles/parsers/python.ts
var REQUIREMENT = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*(.*)$/;
var DIRECT_VIA = /^-r\s|\((?:pyproject\.toml|setup\.py|setup\.cfg)\)\s*$/;
function devByName(path) {
  const base = path.split("/").pop() ?? path;
  return /(^|[-_.])(dev|develop|development|test|tests|testing|lint|docs?|ci)([-_.]|$)/i.test(base.replace(/^requirements/i, ""));
}
function parseRequirements(path, content) {
  const out = [];
  const notes = [];
  const includes = [];
  const dev = devByName(path);
  const raw = asciiText(content).replace(/^\uFEFF/, "").split(/\r?\n/);
  const annotated = raw.some((l) => /(^|\s)#\s*via\b/.test(l));
  let via;
  for (let i = 0; i < raw.length; i++) {
    const startLine = i + 1;
    let line = raw[i] ?? "";
    const comment = /^\s*#(.*)$/.exec(line);
    if (comment) {
      if (via) readVia((comment[1] ?? "").trim(), via);
      continue;
    }
    while (/\\\s*$/.test(line) && i + 1 < raw.length) {
      i++;
      line = line.replace(/\\\s*$/, " ") + (raw[i] ?? "");
    }
    const inlineVia = /\s#\s*via\s+(.*)$/.exec(line)?.[1];
    line = line.replace(/(^|\s)#.*$/, "").trim();
    if (line === "") continue;
    via = void 0;
    const pkg = requirementLine({ path, line, startLine, notes, includes });
    if (!pkg) continue;
    pkg.dev = dev;
    pkg.direct = true;
    if (annotated) {
      via = { pkg, open: false };
      if (inlineVia !== void 0) pkg.direct = inlineVia.split(",").some((v) => DIRECT_VIA.test(v.trim()));
    }
    out.push(pkg);
  }
  return { path, format: "requirements.txt", packages: out, notes, includes };
}
function asciiText(content) {
  if (!content.includes("\0")) return content;
  return content.split("\0").join("").replace(/^\uFFFD+/, "");
}
function readVia(body, via) {
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
function requirementLine({ path, line, startLine, notes, includes }) {
  const where = `${path}:${startLine}`;
  const include = /^(?:-r\s*|--requirement(?:\s+|=))(\S+)/.exec(line);
  if (include?.[1]) {
    includes.push(include[1]);
    return void 0;
  }
  const editable = /^(?:-e|--editable)(?:\s+|=)(\S+)/.exec(line);
  if (editable?.[1]) {
    notes.push(`${where}: editable install ${editable[1].slice(0, 80)} has no registry version; it is not checked`);
    return void 0;
  }
  if (line.startsWith("-")) return void 0;
  const tokens = line.split(/\s+/);
  const firstOption = tokens.findIndex((t) => t.startsWith("-"));
  const requirement = (firstOption === -1 ? tokens : tokens.slice(0, firstOption)).join(" ");
  const [spec = ""] = requirement.split(";", 1);
  if (/\$\{[A-Za-z0-9_]+\}/.test(spec)) {
    notes.push(`${where}: "${spec.trim().slice(0, 60)}" depends on an environment variable; it is not checked`);
    return void 0;
  }
  const m = /^[A-Za-z0-9]/.test(spec) && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(spec) ? REQUIREMENT.exec(spec.trim()) : null;
  if (!m?.[1]) {
    notes.push(`${where}: "${spec.trim().slice(0, 80)}" is a URL, a local path or not a requirement; it is not checked`);
    return void 0;
  }
  const name = m[1];
  const rest = (m[3] ?? "").trim().replace(/^\((.*)\)$/, "$1").trim();
  const version = rest.startsWith("@") ? versionFromUrl(name, rest.slice(1).trim()) : /^===?\s*([^\s,*]+)$/.exec(rest)?.[1];
  if (!version) {
    if (rest.startsWith("@")) notes.push(`${where}: ${name} comes from ${rest.slice(1).trim().slice(0, 80)}; it is not checked`);
    else if (rest !== "") notes.push(`${where}: ${name} is not pinned to one version (${rest}); it is not checked`);
    else notes.push(`${where}: ${name} has no version; it is not checked`);
    return void 0;
  }
  return { ecosystem: "PyPI", name, version, direct: true, dev: false, line: startLine };
}
function versionFromUrl(name, url) {
  if (/^(?:git|hg|svn|bzr)\+/.test(url)) return void 0;
  const file = decodeURIComponent(url.split(/[?#]/)[0]?.split("/").pop() ?? "");
  const wheel = /^([^-]+)-([^-]+)-.+\.whl$/.exec(file);
  if (wheel?.[1] && wheel[2]) return normalizePypiName(wheel[1]) === normalizePypiName(name) ? wheel[2] : void 0;
  const sdist = /^(.+)\.(?:tar\.gz|tar\.bz2|tar\.xz|tgz|zip)$/.exec(file)?.[1];
  if (!sdist) return void 0;
  for (let at = sdist.indexOf("-"); at !== -1; at = sdist.indexOf("-", at + 1)) {
    if (normalizePypiName(sdist.slice(0, at)) === normalizePypiName(name) && /^\d/.test(sdist.slice(at + 1))) return sdist.slice(at + 1);
  }
  return void 0;
}
function depNames(value) {
  if (Array.isArray(value)) {
    return value.map((d) => typeof d === "string" ? /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(d)?.[1] ?? "" : str(record(d).name) ?? "").filter(Boolean).map(normalizePypiName);
  }
  if (isRecord(value)) return Object.keys(value).map(normalizePypiName);
  return [];
}
function classify(nodes, manifest, roots) {
  const byName = new Map(nodes.map((n) => [normalizePypiName(n.pkg.name), n]));
  const edges = (name) => byName.get(name)?.deps ?? [];
  const prodRoots = roots?.prod ?? [...manifest?.prod ?? []].map(normalizePypiName);
  const devRoots = roots?.dev ?? [...manifest?.dev ?? []].map(normalizePypiName);
  if (prodRoots.length > 0 || devRoots.length > 0) {
    const direct = /* @__PURE__ */ new Set([...prodRoots, ...devRoots]);
    const prod = reachable(prodRoots, edges);
    for (const n of nodes) {
      const name = normalizePypiName(n.pkg.name);
      n.pkg.direct = direct.has(name);
      n.pkg.dev = n.devHint ?? !prod.has(name);
    }
    return;
  }
  const required = new Set(nodes.flatMap((n) => n.deps.filter((d) => d !== normalizePypiName(n.pkg.name))));
  for (const n of nodes) {
    n.pkg.direct = !required.has(normalizePypiName(n.pkg.name));
    n.pkg.dev = n.devHint ?? false;
  }
}
function parsePoetryLock(path, content, manifest) {
  const doc = parseToml2(content);
  const tables = packageTables(doc);
  const lines = packageLines(content);
  const nodes = [];
  tables.forEach((t, i) => {
    const name = str(t.name);
    const version = str(t.version);
    if (!name || !version) throw new LockfileError(`[[package]] #${i + 1} has no name or version`, lines[i]);
    const node = { pkg: { ecosystem: "PyPI", name, version, direct: false, dev: false, line: lines[i] ?? 1 }, deps: depNames(t.dependencies) };
    const sourceType = str(record(t.source).type);
    if (sourceType === "directory" || sourceType === "file") node.pkg.local = true;
    if (str(t.category)) node.devHint = t.category === "dev";
    else if (Array.isArray(t.groups)) node.devHint = !t.groups.includes("main");
    nodes.push(node);
  });
  classify(nodes, manifest);
  return { path, format: "poetry.lock", packages: nodes.map((n) => n.pkg), notes: [] };
}
function parsePipfileLock(path, content, manifest) {
  const doc = parseJson(content);
  if (!isRecord(doc)) throw new LockfileError("Pipfile.lock is not a JSON object");
  const cursor = new JsonKeyCursor(content);
  const out = [];
  const notes = [];
  const seen = /* @__PURE__ */ new Set();
  const declared = manifest ? new Set([...manifest.prod ?? [], ...manifest.dev ?? []].map(normalizePypiName)) : void 0;
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
      const key = `${normalizePypiName(name)}@${exact}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        ecosystem: "PyPI",
        name,
        version: exact,
        direct: declared ? declared.has(normalizePypiName(name)) : true,
        dev: section !== "default",
        line
      });
    }
  }
  return { path, format: "Pipfile.lock", packages: out, notes };
}
function parseUvLock(path, content, manifest) {
  const doc = parseToml2(content);
  const tables = packageTables(doc);
  const lines = packageLines(content);
  const nodes = [];
  const workspace = record(doc.workspace ?? doc.manifest);
  const roots = { prod: depNames(workspace.requirements ?? workspace.dependencies), dev: groupDeps(workspace["dependency-groups"]) };
  const local = [];
  tables.forEach((t, i) => {
    const name = str(t.name);
    if (!name) throw new LockfileError(`[[package]] #${i + 1} has no name`, lines[i]);
    const source = record(t.source);
    const version = str(t.version);
    if (source.editable !== void 0 || source.virtual !== void 0) {
      roots.prod.push(...depNames(t.dependencies));
      for (const extra of Object.values(record(t["optional-dependencies"]))) roots.prod.push(...depNames(extra));
      roots.dev.push(...groupDeps(t["dev-dependencies"] ?? t["dependency-groups"]));
      if (source.editable !== void 0 && version) local.push({ ecosystem: "PyPI", name, version, direct: false, dev: false, line: lines[i] ?? 1, local: true });
      return;
    }
    if (!version) return;
    const deps = depNames(t.dependencies);
    for (const extra of Object.values(record(t["optional-dependencies"]))) deps.push(...depNames(extra));
    const pkg = { ecosystem: "PyPI", name, version, direct: false, dev: false, line: lines[i] ?? 1 };
    if (source.path !== void 0 || source.directory !== void 0) pkg.local = true;
    nodes.push({ pkg, deps });
  });
  classify(nodes, manifest, roots.prod.length + roots.dev.length > 0 ? roots : void 0);
  const packages = [...nodes.map((n) => n.pkg), ...local].sort((a, b) => a.line - b.line);
  return { path, format: `uv.lock v${String(doc.version ?? "?")}`, packages, notes: [] };
}
function groupDeps(groups) {
  return Object.values(record(groups)).flatMap((g) => depNames(isRecord(g) ? g.dependencies : g));
}
var PDM_DEV_GROUP = /^(dev|develop|development|tests?|testing|lint|linting|docs?|typing|mypy|format|style|ci|bench|benchmarks?|coverage)$/i;
function parsePdmLock(path, content, manifest) {
  const doc = parseToml2(content);
  const tables = packageTables(doc);
  const lines = packageLines(content);
  const nodes = [];
  const byKey = /* @__PURE__ */ new Map();
  tables.forEach((t, i) => {
    const name = str(t.name);
    const version = str(t.version);
    if (!name || !version) throw new LockfileError(`[[package]] #${i + 1} has no name or version`, lines[i]);
    const deps = depNames(t.dependencies);
    const groups = Array.isArray(t.groups) ? t.groups.filter((g) => typeof g === "string") : void 0;
    const devHint = manifest || !groups ? void 0 : !groups.includes("default") && groups.every((g) => PDM_DEV_GROUP.test(g));
    const key = `${normalizePypiName(name)}@${version}`;
    const same = byKey.get(key);
    if (same) {
      same.deps.push(...deps);
      if (same.devHint !== void 0 && devHint !== void 0) same.devHint = same.devHint && devHint;
      return;
    }
    const node = { pkg: { ecosystem: "PyPI", name, version, direct: false, dev: false, line: lines[i] ?? 1 }, deps };
    if (devHint !== void 0) node.devHint = devHint;
    if (str(t.path) !== void 0 || t.editable === true) node.pkg.local = true;
    byKey.set(key, node);
    nodes.push(node);
  });
  classify(nodes, manifest);
  return { path, format: "pdm.lock", packages: nodes.map((n) => n.pkg), notes: [] };
}

// src/scanners/lockfiles/parsers/go.ts
function parseGoMod(path, content) {
  const lines = stripBom(content).split(/\r?\n/);
  const requires = [];
  const replaces = /* @__PURE__ */ new Map();
  let goVersion;
  let toolchain;
  let block;
  let sawModule = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    const comment = raw.indexOf("//");
    const indirect = comment !== -1 && /\/\/\s*indirect\b/.test(raw.slice(comment));
    const text2 = (comment === -1 ? raw : raw.slice(0, comment)).trim();
    if (text2 === "") continue;
    if (block) {
      if (text2 === ")") {
        block = void 0;
        continue;
      }
      directive(block, text2, indirect, i + 1);
      continue;
    }
    const m = /^(\w+)\s*(.*)$/.exec(text2);
    if (!m?.[1]) throw new LockfileError(`line ${i + 1}: expected a directive`, i + 1);
    const verb = m[1];
    const rest = (m[2] ?? "").trim();
    if (rest === "(") {
      block = verb;
      continue;
    }
    directive(verb, rest, indirect, i + 1);
  }
  if (block) throw new LockfileError(`unterminated "${block} (" block`);
  if (!sawModule) throw new LockfileError('no "module" directive: this is not a go.mod file');
  function directive(verb, rest, indirect, line) {
    const args = rest.split(/\s+/).map(unquote3);
    switch (verb) {
      case "module":
        sawModule = true;
        break;
      case "go":
        if (args[0]) goVersion = { version: args[0], line };
        break;
      case "toolchain": {
        const release = /^go(\d[^-\s]*)/.exec(args[0] ?? "")?.[1];
        if (release) toolchain = { version: release, line };
        break;
      }
      case "require":
        if (args.length < 2 || !args[0] || !args[1]) throw new LockfileError(`line ${line}: require needs a module path and a version`, line);
        requires.push({ path: args[0], version: args[1], indirect, line });
        break;
      case "replace": {
        const arrow = args.indexOf("=>");
        const from = args[0];
        const to = args[arrow + 1];
        if (arrow < 1 || !from || !to) throw new LockfileError(`line ${line}: replace needs "old => new"`, line);
        const target = { path: to };
        const version = args[arrow + 2];
        if (version) target.version = version;
        replaces.set(arrow === 2 && args[1] ? `${from}@${args[1]}` : from, target);
        break;
      }
      default:
        break;
    }
  }
  const byId = /* @__PURE__ */ new Map();
  const notes = [];
  for (const req of requires) {
    const replaced = replaces.get(`${req.path}@${req.version}`) ?? replaces.get(req.path);
    let name = req.path;
    let version = req.version;
    if (replaced) {
      if (!replaced.version) {
        notes.push(`${path}:${req.line}: ${req.path} is replaced by the local folder ${replaced.path}; it is not checked`);
        continue;
      }
      name = replaced.path;
      version = replaced.version;
    }
    const pkg = { ecosystem: "Go", name, version: version.replace(/^v/, ""), direct: !req.indirect, dev: false, line: req.line };
    const seen = byId.get(`${pkg.name}@${pkg.version}`);
    if (seen) seen.direct ||= pkg.direct;
    else byId.set(`${pkg.name}@${pkg.version}`, pkg);
  }
  const out = [...byId.values()];
  const std = toolchain ?? goVersion;
  if (std) out.push({ ecosystem: "Go", name: "stdlib", version: std.version, direct: true, dev: false, line: std.line });
  return { path, format: "go.mod", packages: out, notes };
}
function unquote3(value) {
  return value.startsWith('"') && value.endsWith('"') && value.length >= 2 ? value.slice(1, -1) : value;
}

// src/scanners/lockfiles/parsers/cargo.ts
function parseCargoLock(path, content) {
  const doc = parseToml2(content);
  const tables = packageTables(doc);
  const lines = packageLines(content);
  const direct = /* @__PURE__ */ new Set();
  const out = [];
  const notes = [];
  const local = [];
  const addLocal = (t, line) => {
    const name = str(t.name);
    const version = str(t.version);
    if (!name || !version) throw new LockfileError("a workspace crate has no name or version", line);
    for (const dep of stringList(t.dependencies)) {
      const [depName = "", depVersion] = dep.split(" ");
      direct.add(depVersion ? `${depName} ${depVersion}` : depName);
    }
    local.push({ ecosystem: "crates.io", name, version, direct: false, dev: false, line, local: true });
  };
  if (isRecord(doc.root)) addLocal(doc.root, tableNameLine(content, "root"));
  tables.forEach((t, i) => {
    const line = lines[i] ?? 1;
    const name = str(t.name);
    const version = str(t.version);
    if (!name || !version) throw new LockfileError(`[[package]] #${i + 1} has no name or version`, line);
    const source = str(t.source);
    if (!source) {
      addLocal(t, line);
      return;
    }
    if (!source.startsWith("registry+") && !source.startsWith("sparse+")) {
      notes.push(`${path}:${line}: ${name} ${version} comes from ${source.split("#")[0] ?? source}; it is checked as a crates.io release`);
    }
    out.push({ pkg: { ecosystem: "crates.io", name, version, direct: false, dev: false, line }, id: `${name} ${version}` });
  });
  for (const { pkg, id } of out) pkg.direct = direct.has(id) || direct.has(pkg.name);
  const packages = [...out.map((o) => o.pkg), ...local].sort((a, b) => a.line - b.line);
  return { path, format: `Cargo.lock v${formatVersion(doc, tables)}`, packages, notes };
}
function stringList(value) {
  return Array.isArray(value) ? value.filter((d) => typeof d === "string") : [];
}
function formatVersion(doc, tables) {
  if (typeof doc.version === "number") return doc.version;
  const v1 = isRecord(doc.metadata) || tables.some((t) => stringList(t.dependencies).some((d) => d.includes("(")));
  return v1 || !tables.some((t) => str(t.checksum)) ? 1 : 2;
}
function tableNameLine(content, table) {
  const lines = content.split("\n");
  const header = lines.findIndex((l) => l.trim() === `[${table}]`);
  if (header === -1) return 1;
  for (let i = header + 1; i < lines.length && !(lines[i] ?? "").trim().startsWith("["); i++) {
    if (/^\s*name\s*=/.test(lines[i] ?? "")) return i + 1;
  }
  return header + 1;
}

// src/scanners/lockfiles/parsers/composer.ts
function parseComposerLock(path, content, manifest) {
  const doc = parseJson(content);
  if (!isRecord(doc)) throw new LockfileError("composer.lock is not a JSON object");
  const cursor = new JsonKeyCursor(content);
  const out = [];
  const required = /* @__PURE__ */ new Set();
  for (const section of ["packages", "packages-dev"]) {
    const list = doc[section];
    if (list === void 0 || list === null) continue;
    if (!Array.isArray(list)) throw new LockfileError(`"${section}" is not an array`);
    cursor.seek(`"${section}"`);
    for (const entry of list) {
      const info = record(entry);
      const name = str(info.name);
      const version = str(info.version) ?? (typeof info.version === "number" && name ? numericVersion(content, name, info.version) : void 0);
      if (!name || !version) continue;
      const line = cursor.nextPair("name", name) ?? 1;
      for (const dep of Object.keys(record(info.require))) required.add(dep.toLowerCase());
      const pkg = { ecosystem: "Packagist", name, version, direct: false, dev: section === "packages-dev", line };
      if (record(info.dist).type === "path") pkg.local = true;
      const licenses = Array.isArray(info.license) ? info.license.filter((l) => typeof l === "string") : [];
      if (licenses.length === 1 && licenses[0]) pkg.license = licenses[0];
      else if (licenses.length > 1) pkg.license = `(${licenses.join(" OR ")})`;
      out.push(pkg);
    }
  }
  const declared = manifest ? new Set([...manifest.prod ?? [], ...manifest.dev ?? []].map((n) => n.toLowerCase())) : void 0;
  for (const pkg of out) pkg.direct = declared ? declared.has(pkg.name.toLowerCase()) : !required.has(pkg.name.toLowerCase());
  return { path, format: "composer.lock", packages: out, notes: [] };
}
function numericVersion(content, name, value) {
  const key = JSON.stringify(name).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`"name"\\s*:\\s*${key}[^{}]*?"version"\\s*:\\s*(-?\\d[\\d.eE+-]*)`).exec(content)?.[1] ?? String(value);
}

// src/scanners/lockfiles/parsers/gradle.ts
var TEST_CONFIGURATION = /^test|Test[A-Z]|^androidTest|^testFixtures/;
function parseGradleLock(path, content, manifest) {
  const out = [];
  const notes = [];
  const fileConfiguration = /(?:^|\/)gradle\/dependency-locks\/([^/]+)\.lockfile$/.exec(path)?.[1];
  const lines = content.split(/\r?\n/);
  let firstBad;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim();
    if (line === "" || line.startsWith("#")) continue;
    const [coords = "", confs = ""] = line.split("=", 2);
    if (coords === "empty") continue;
    const parts = coords.split(":");
    if (parts.length !== 3 || parts.some((p) => p === "" || /\s/.test(p))) {
      firstBad ??= i + 1;
      notes.push(`${path}:${i + 1}: "${line.slice(0, 60)}" is not "group:artifact:version=configurations"; skipped`);
      continue;
    }
    const [group = "", artifact = "", version = ""] = parts;
    const configurations = fileConfiguration ? [fileConfiguration] : confs.split(",").map((c) => c.trim()).filter(Boolean);
    const dev = configurations.length > 0 && configurations.every((c) => TEST_CONFIGURATION.test(c));
    const name = `${group}:${artifact}`;
    const direct = manifest?.text !== void 0 && manifest.text.includes(name);
    out.push({ ecosystem: "Maven", name, version, direct, dev, line: i + 1 });
  }
  if (out.length === 0 && firstBad !== void 0) {
    throw new LockfileError(`line ${firstBad}: expected "group:artifact:version=configurations"`, firstBad);
  }
  return { path, format: "gradle.lockfile", packages: out, notes };
}

// src/scanners/lockfiles/index.ts
var PARSERS = {
  npm: parseNpmLock,
  yarn: parseYarnLock,
  pnpm: parsePnpmLock,
  bun: parseBunLock,
  requirements: parseRequirements,
  poetry: parsePoetryLock,
  pipfile: parsePipfileLock,
  uv: parseUvLock,
  pdm: parsePdmLock,
  gomod: parseGoMod,
  cargo: parseCargoLock,
  gemfile: parseGemfileLock,
  composer: parseComposerLock,
  pom: parseMavenPom,
  gradle: parseGradleLock,
  nuget: parseNugetLock
};
function parseLockfile(input) {
  const kind = input.kind ?? lockfileKind(input.path);
  if (!kind) throw new LockfileError(`${input.path} is not a lockfile tollgate knows`);
  try {
    return PARSERS[kind](input.path, input.content, input.manifest);
  } catch (error) {
    if (error instanceof LockfileError) throw error;
    if (error instanceof JsonError) throw new LockfileError(error.message, error.line);
    throw new LockfileError(errorMessage(error));
  }
}
async function readLockfiles(root, paths, signal) {
  const lockfiles = [];
  const failures = [];
  const queue = [...paths];
  const done = /* @__PURE__ */ new Set();
  while (queue.length > 0) {
    signal?.throwIfAborted();
    const path = queue.shift();
    if (path === void 0 || done.has(path)) continue;
    done.add(path);
    const kind = lockfileKind(path) ?? (path.endsWith(".txt") || path.endsWith(".in") ? "requirements" : void 0);
    if (!kind) {
      failures.push({ path, message: "not a lockfile format tollgate knows" });
      continue;
    }
    let content;
    try {
      content = await readFile2(join2(root, path), "utf8");
    } catch (error) {
      failures.push({ path, message: `cannot be read: ${errorMessage(error)}` });
      continue;
    }
    const manifest = await loadManifest(root, path, kind);
    try {
      const input = { path, content, kind };
      if (manifest) input.manifest = manifest;
      const parsed = parseLockfile(input);
      lockfiles.push(parsed);
      for (const include of parsed.includes ?? []) {
        const target = posix2.normalize(posix2.join(posix2.dirname(path), include));
        if (!target.startsWith("../")) queue.push(target);
      }
    } catch (error) {
      const failure = { path, message: errorMessage(error) };
      if (error instanceof LockfileError && error.line !== void 0) failure.line = error.line;
      failures.push(failure);
    }
  }
  return { lockfiles, failures };
}

// src/gates/dependencies/licenses.ts
import parse2 from "spdx-expression-parse";
import correct from "spdx-correct";
function alternatives(node) {
  if ("license" in node) {
    const term = { id: node.license, plus: node.plus === true };
    if (node.exception) term.exception = node.exception;
    return [[term]];
  }
  const left = alternatives(node.left);
  const right = alternatives(node.right);
  if (node.conjunction === "or") return [...left, ...right].slice(0, 256);
  const out = [];
  for (const l of left) for (const r of right) if (out.length < 256) out.push([...l, ...r]);
  return out;
}
function family(id, plus = false) {
  let base = id.toLowerCase();
  let later = plus;
  if (base.endsWith("+")) {
    base = base.slice(0, -1);
    later = true;
  }
  if (base.endsWith("-or-later")) {
    base = base.slice(0, -"-or-later".length);
    later = true;
  } else if (base.endsWith("-only")) base = base.slice(0, -"-only".length);
  return { base, later };
}
function globToRegExp(glob) {
  return new RegExp(`^${glob.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`, "i");
}
function termText(t) {
  return `${t.id}${t.plus ? "+" : ""}${t.exception ? ` WITH ${t.exception}` : ""}`;
}
function denied(term, patterns) {
  const f = family(term.id, term.plus);
  return patterns.some((p) => {
    if (p.includes("*")) return globToRegExp(p).test(term.id) || globToRegExp(p).test(termText(term));
    if (p.toLowerCase() === termText(term).toLowerCase()) return true;
    return family(p).base === f.base;
  });
}
function allowed(term, patterns) {
  const f = family(term.id, term.plus);
  return patterns.some((p) => {
    if (p.includes("*")) return globToRegExp(p).test(term.id) || globToRegExp(p).test(termText(term));
    if (p.toLowerCase() === termText(term).toLowerCase()) return true;
    if (term.exception) return false;
    const g = family(p);
    return g.base === f.base && g.later === f.later;
  });
}
function parseLicense(raw) {
  const text2 = raw?.trim() ?? "";
  if (text2 === "") return { reason: "no licence is recorded" };
  if (/^UNLICEN[SC]ED$/i.test(text2)) return { reason: '"UNLICENSED" (not licensed for use by others)' };
  if (/^SEE LICEN[SC]E IN /i.test(text2)) return { reason: `the licence is only given in a file (${text2})` };
  try {
    return { node: parse2(text2), expression: text2 };
  } catch {
    const corrected = correct(text2.replace(/^\((.*)\)$/, "$1"), { upgrade: true });
    if (corrected) {
      try {
        return { node: parse2(corrected), expression: corrected };
      } catch {
      }
    }
    return { reason: `"${text2}" is not an SPDX licence expression` };
  }
}
function checkLicense(raw, policy) {
  const parsed = parseLicense(raw);
  if ("reason" in parsed) return { status: "unknown", reason: parsed.reason };
  const alts = alternatives(parsed.node);
  const deny = policy.deny ?? [];
  const allow = policy.allow;
  const ok = (alt) => alt.every((t) => !denied(t, deny) && (allow === void 0 || allowed(t, allow)));
  if (alts.some(ok)) return { status: "ok", expression: parsed.expression };
  const deniedTerms = [...new Set(alts.flat().filter((t) => denied(t, deny)).map(termText))];
  if (deniedTerms.length > 0) return { status: "denied", expression: parsed.expression, licenses: deniedTerms };
  const outside = [...new Set(alts.flat().filter((t) => allow !== void 0 && !allowed(t, allow)).map(termText))];
  return { status: "not-allowed", expression: parsed.expression, licenses: outside };
}

// src/gates/dependencies/installed-licenses.ts
import { readFile as readFile3, readdir as readdir2 } from "node:fs/promises";
import { join as join3, posix as posix3 } from "node:path";
async function text(path) {
  try {
    return await readFile3(path, "utf8");
  } catch {
    return void 0;
  }
}
async function addInstalledLicenses(root, lockfile) {
  const dir = join3(root, posix3.dirname(lockfile.path));
  const missing = lockfile.packages.filter((p) => p.license === void 0);
  if (missing.length === 0) return;
  const python = missing.some((p) => p.ecosystem === "PyPI") ? await pythonMetadata(dir) : /* @__PURE__ */ new Map();
  await Promise.all(
    missing.map(async (pkg) => {
      const license = await installedLicense(dir, pkg, python);
      if (license) pkg.license = license;
    })
  );
}
async function installedLicense(dir, pkg, python) {
  switch (pkg.ecosystem) {
    case "npm": {
      const raw = await text(join3(dir, "node_modules", pkg.name, "package.json"));
      if (raw === void 0) return void 0;
      try {
        const manifest = JSON.parse(raw);
        if (manifest.version !== pkg.version) return void 0;
        return licenseOf(manifest.license ?? manifest.licenses);
      } catch {
        return void 0;
      }
    }
    case "PyPI":
      return python.get(`${pkg.name.toLowerCase().replace(/[-_.]+/g, "-")}@${pkg.version}`);
    case "crates.io": {
      const raw = await text(join3(dir, "vendor", pkg.name, "Cargo.toml"));
      if (raw === void 0 || !new RegExp(`^version\\s*=\\s*"${pkg.version.replace(/\./g, "\\.")}"`, "m").test(raw)) return void 0;
      return /^license\s*=\s*"([^"]+)"/m.exec(raw)?.[1];
    }
    default:
      return void 0;
  }
}
async function pythonMetadata(dir) {
  const out = /* @__PURE__ */ new Map();
  for (const venv of [".venv", "venv"]) {
    let libs;
    try {
      libs = (await readdir2(join3(dir, venv, "lib"))).filter((d) => d.startsWith("python"));
    } catch {
      continue;
    }
    for (const lib of libs) {
      const site = join3(dir, venv, "lib", lib, "site-packages");
      let entries;
      try {
        entries = (await readdir2(site)).filter((e) => e.endsWith(".dist-info"));
      } catch {
        continue;
      }
      for (const entry of entries) {
        const meta = await text(join3(site, entry, "METADATA"));
        if (!meta) continue;
        const header = meta.split(/\r?\n\r?\n/)[0] ?? "";
        const name = /^Name:\s*(.+)$/m.exec(header)?.[1]?.trim();
        const version = /^Version:\s*(.+)$/m.exec(header)?.[1]?.trim();
        const license = /^License-Expression:\s*(.+)$/m.exec(header)?.[1]?.trim() ?? /^License:\s*(.+)$/m.exec(header)?.[1]?.trim();
        if (name && version && license && license !== "UNKNOWN") out.set(`${name.toLowerCase().replace(/[-_.]+/g, "-")}@${version}`, license);
      }
    }
  }
  return out;
}

// src/gates/dependencies/rules.ts
var HELP = "https://github.com/tollgate-dev/tollgate/blob/main/src/gates/dependencies/README.md";
var RULES = {
  vulnerablePackage: {
    id: "dependencies/vulnerable-package",
    severity: "high",
    title: "Dependency with a known vulnerability",
    description: "A package version installed by a lockfile is affected by an OSV advisory (GitHub, PyPA, RustSec, Go and other databases). The finding's severity is the advisory's CVSS base score, or the database's own rating.",
    remediation: "Upgrade the package to one of the fixed versions named in the finding (update the direct dependency that pulls it in), or waive it with a reason if the vulnerable code is not reachable.",
    helpUri: `${HELP}#vulnerable-package`,
    tags: ["security", "supply-chain"]
  },
  licenseDenied: {
    id: "dependencies/license-denied",
    severity: "high",
    title: "Dependency under a denied licence",
    description: "Every alternative of the package's SPDX licence expression includes a licence the policy's licenses.deny list names.",
    remediation: "Replace the package, obtain it under another licence, or waive it after a legal review.",
    helpUri: `${HELP}#licences`,
    tags: ["licence"]
  },
  licenseNotAllowed: {
    id: "dependencies/license-not-allowed",
    severity: "high",
    title: "Dependency under a licence outside the allow list",
    description: "No alternative of the package's SPDX licence expression uses only licences from the policy's licenses.allow list.",
    remediation: "Replace the package, add its licence to licenses.allow after review, or waive it.",
    helpUri: `${HELP}#licences`,
    tags: ["licence"]
  },
  licenseUnknown: {
    id: "dependencies/license-unknown",
    severity: "low",
    title: "Dependency licence unknown",
    description: "The lockfile and the installed package do not give an SPDX licence for this package, so the licence policy cannot be checked.",
    remediation: "Check the package's licence by hand and waive the finding with the result, or install dependencies so their manifests can be read.",
    helpUri: `${HELP}#licences`,
    tags: ["licence"]
  },
  parseError: {
    id: "dependencies/parse-error",
    severity: "high",
    title: "Lockfile cannot be parsed",
    description: "A lockfile could not be read, so the packages it installs were not checked.",
    remediation: "Regenerate the lockfile with its package manager (npm install, poetry lock, cargo generate-lockfile...), or exclude it if it is a test fixture.",
    helpUri: `${HELP}#lockfiles`
  },
  missingLockfile: {
    id: "dependencies/missing-lockfile",
    severity: "high",
    title: "Lockfile named in the policy is missing",
    description: "The policy lists a lockfile (or glob) under dependencies.lockfiles that does not exist, so nothing was checked for it.",
    remediation: "Fix the path in the policy or commit the lockfile.",
    helpUri: `${HELP}#lockfiles`
  },
  advisoriesUnavailable: {
    id: "dependencies/advisories-unavailable",
    severity: "info",
    title: "Advisory source unavailable",
    description: "The OSV API or offline database could not be read and on-unavailable is warn, so packages were not checked for vulnerabilities.",
    remediation: "Restore network access to the OSV API, point osv-database at an offline copy, or retry.",
    helpUri: `${HELP}#advisories`
  }
};
var RULE_LIST = Object.values(RULES);

// src/gates/dependencies/sbom.ts
import * as CDX from "@cyclonedx/cyclonedx-library";
import { PackageURL } from "packageurl-js";
var PURL_TYPES = {
  npm: "npm",
  PyPI: "pypi",
  Go: "golang",
  "crates.io": "cargo",
  RubyGems: "gem",
  Packagist: "composer",
  Maven: "maven",
  NuGet: "nuget"
};
function purlOf(pkg) {
  const type = PURL_TYPES[pkg.ecosystem];
  if (!type) return void 0;
  let namespace;
  let name = pkg.name;
  let version = pkg.version;
  if (type === "npm" && name.startsWith("@")) [namespace, name] = splitOnce(name, "/");
  else if (type === "maven") [namespace, name] = splitOnce(name, ":");
  else if (type === "composer" || type === "golang") {
    const cut = name.lastIndexOf("/");
    if (cut > 0) [namespace, name] = [name.slice(0, cut), name.slice(cut + 1)];
  }
  if (type === "pypi") name = name.toLowerCase().replace(/[-_.]+/g, "-");
  if (type === "golang" && pkg.name !== "stdlib") version = `v${version.replace(/^v/, "")}`;
  return new PackageURL(type, namespace ?? null, name, version, null, null);
}
function splitOnce(value, sep) {
  const i = value.indexOf(sep);
  return i === -1 ? [void 0, value] : [value.slice(0, i), value.slice(i + 1)];
}
function buildSbom(input) {
  const bom = new CDX.Models.Bom();
  bom.metadata.timestamp = input.now;
  const project = new CDX.Models.Component(CDX.Enums.ComponentType.Application, input.projectName, { bomRef: "project" });
  bom.metadata.component = project;
  bom.metadata.tools.components.add(new CDX.Models.Component(CDX.Enums.ComponentType.Application, "tollgate", { version: input.toolVersion }));
  const seen = /* @__PURE__ */ new Map();
  for (const lockfile of input.lockfiles) {
    for (const pkg of lockfile.packages) {
      const purl = purlOf(pkg);
      const ref = purl?.toString() ?? `${pkg.ecosystem}:${pkg.name}@${pkg.version}`;
      const existing = seen.get(ref);
      if (existing) {
        if (!pkg.dev) existing.scope = CDX.Enums.ComponentScope.Required;
        continue;
      }
      const component = new CDX.Models.Component(CDX.Enums.ComponentType.Library, pkg.name, {
        version: pkg.version,
        bomRef: ref,
        scope: pkg.dev ? CDX.Enums.ComponentScope.Optional : CDX.Enums.ComponentScope.Required
      });
      if (purl) {
        component.purl = purl.toString();
        if (purl.namespace) {
          component.group = purl.namespace;
          component.name = purl.name;
        }
      }
      const license = licenseModel(pkg.license);
      if (license) component.licenses.add(license);
      component.properties.add(new CDX.Models.Property("tollgate:lockfile", lockfile.path));
      if (pkg.direct) component.properties.add(new CDX.Models.Property("tollgate:direct", "true"));
      seen.set(ref, component);
      bom.components.add(component);
      if (pkg.direct) project.dependencies.add(component.bomRef);
    }
  }
  const serializer = new CDX.Serialize.JsonSerializer(new CDX.Serialize.JSON.Normalize.Factory(CDX.Spec.Spec1dot6));
  return `${serializer.serialize(bom, { sortLists: true, space: 2 })}
`;
}
function licenseModel(raw) {
  if (!raw) return void 0;
  const parsed = parseLicense(raw);
  if ("reason" in parsed) return new CDX.Models.NamedLicense(raw);
  if ("license" in parsed.node && !parsed.node.plus && !parsed.node.exception && CDX.SPDX.isSupportedSpdxId(parsed.node.license)) {
    return new CDX.Models.SpdxLicense(parsed.node.license);
  }
  return new CDX.Models.LicenseExpression(parsed.expression);
}

// src/gates/dependencies/index.ts
var GATE = "dependencies";
var MANIFESTS = /* @__PURE__ */ new Set(["package.json", "pyproject.toml", "Pipfile", "Gemfile", "composer.json", "build.gradle", "build.gradle.kts", "Cargo.toml"]);
async function exists(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
async function selectLockfiles(ctx) {
  const o = ctx.options;
  const missing = [];
  if (o.lockfiles.length > 0) {
    const paths = /* @__PURE__ */ new Set();
    let all;
    for (const entry of o.lockfiles) {
      const clean = entry.replace(/^\.\//, "");
      if (/[*?[{]/.test(clean)) {
        all ??= await listFiles(ctx.root, { exclude: o.exclude, signal: ctx.signal });
        const match = (0, import_picomatch.default)(clean, { dot: true });
        const hits = all.filter((p) => match(p));
        hits.forEach((p) => paths.add(p));
        if (hits.length === 0) missing.push(missingFinding(clean, `no file matches the glob ${clean}`));
      } else if (await exists(join4(ctx.root, clean))) {
        paths.add(clean);
      } else {
        missing.push(missingFinding(clean, `${clean} does not exist`));
      }
    }
    return { paths: [...paths].sort(), missing };
  }
  const files = await listFiles(ctx.root, { include: o.include, exclude: o.exclude, signal: ctx.signal });
  let lockfiles = files.filter((p) => lockfileKind(p) !== void 0);
  if (ctx.changedFiles) {
    const changed = new Set(ctx.changedFiles);
    const changedDirs = new Set(ctx.changedFiles.filter((p) => MANIFESTS.has(basename(p))).map((p) => dirname2(p)));
    lockfiles = lockfiles.filter((p) => changed.has(p) || changedDirs.has(dirname2(p)));
  }
  return { paths: lockfiles, missing };
}
function missingFinding(path, reason) {
  return makeFinding({
    ruleId: RULES.missingLockfile.id,
    gate: GATE,
    severity: RULES.missingLockfile.severity,
    message: `The policy names the lockfile ${path} but ${reason}; fix dependencies.lockfiles or commit the file.`,
    location: { path },
    key: path
  });
}
function describeAdvisory(m) {
  const cves = m.aliases.filter((a) => a.startsWith("CVE-"));
  return cves.length > 0 ? `${m.id} (${cves.join(", ")})` : m.id;
}
function vulnerabilityFinding(lockfile, pkg, m) {
  const fix = m.fixed.length > 0 ? `upgrade to ${m.fixed.join(" or ")}` : "no fixed version is published yet: replace or isolate the package";
  const via = pkg.direct ? "" : " (transitive)";
  return makeFinding({
    ruleId: RULES.vulnerablePackage.id,
    gate: GATE,
    severity: m.severity,
    message: `${pkg.name}@${pkg.version}${via} is affected by ${describeAdvisory(m)}: ${m.summary.replace(/\.$/, "")}; ${fix}.`,
    location: { path: lockfile.path, startLine: pkg.line },
    key: `${pkg.ecosystem}:${pkg.name}@${pkg.version}:${m.id}`,
    helpUri: m.url,
    properties: {
      ecosystem: pkg.ecosystem,
      package: pkg.name,
      version: pkg.version,
      direct: pkg.direct,
      dev: pkg.dev,
      advisory: m.id,
      aliases: m.aliases,
      cve: m.aliases.filter((a) => a.startsWith("CVE-")),
      fixedIn: m.fixed,
      summary: m.summary,
      ...m.cvss ? { cvss: m.cvss.score, cvssVector: m.cvss.vector, cvssVersion: m.cvss.version } : {}
    }
  });
}
function licenseFindings(lockfile, options) {
  const policy = options.licenses;
  if (!policy || policy.allow === void 0 && policy.deny === void 0) return [];
  const out = [];
  const policyForCheck = {};
  if (policy.allow) policyForCheck.allow = policy.allow;
  if (policy.deny) policyForCheck.deny = policy.deny;
  for (const pkg of lockfile.packages) {
    if (pkg.ecosystem === "Go" && pkg.name === "stdlib" || pkg.local === true) continue;
    const verdict = checkLicense(pkg.license, policyForCheck);
    const where = { path: lockfile.path, startLine: pkg.line };
    const key = `${pkg.ecosystem}:${pkg.name}@${pkg.version}`;
    const base = { ecosystem: pkg.ecosystem, package: pkg.name, version: pkg.version, direct: pkg.direct, dev: pkg.dev };
    if (verdict.status === "denied") {
      out.push(makeFinding({
        ruleId: RULES.licenseDenied.id,
        gate: GATE,
        severity: RULES.licenseDenied.severity,
        location: where,
        key,
        message: `${pkg.name}@${pkg.version} is licensed ${verdict.expression}, and ${verdict.licenses.join(", ")} is denied by the licence policy; replace the package or waive it after review.`,
        properties: { ...base, license: verdict.expression, denied: verdict.licenses }
      }));
    } else if (verdict.status === "not-allowed") {
      out.push(makeFinding({
        ruleId: RULES.licenseNotAllowed.id,
        gate: GATE,
        severity: RULES.licenseNotAllowed.severity,
        location: where,
        key,
        message: `${pkg.name}@${pkg.version} is licensed ${verdict.expression}, which uses ${verdict.licenses.join(", ")} outside the allowed licences; replace the package or extend licenses.allow after review.`,
        properties: { ...base, license: verdict.expression, notAllowed: verdict.licenses }
      }));
    } else if (verdict.status === "unknown" && policy.unknown === "report") {
      out.push(makeFinding({
        ruleId: RULES.licenseUnknown.id,
        gate: GATE,
        severity: RULES.licenseUnknown.severity,
        location: where,
        key,
        message: `The licence of ${pkg.name}@${pkg.version} is unknown (${verdict.reason}); check it and waive this finding with the result.`,
        properties: { ...base, ...pkg.license ? { license: pkg.license } : {} }
      }));
    }
  }
  return out;
}
async function writeSbom(ctx, lockfiles) {
  if (!ctx.options.sbom) return;
  const target = resolve(ctx.root, ctx.options.sbom);
  await mkdir(dirname2(target), { recursive: true });
  await writeFile(target, buildSbom({ projectName: basename(ctx.root), lockfiles, toolVersion: toolVersion(), now: ctx.now }));
}
var gate = {
  id: GATE,
  title: "Dependencies",
  description: "Known vulnerabilities (OSV) and licences of the packages every lockfile installs, plus a CycloneDX SBOM.",
  schema,
  rules: () => RULE_LIST,
  async scan(ctx) {
    const o = ctx.options;
    const { paths, missing } = await selectLockfiles(ctx);
    const notes = [];
    if (paths.length === 0 && missing.length === 0) {
      if (o.sbom) await writeSbom(ctx, []);
      return {
        findings: [],
        metrics: {},
        skipped: ctx.changedFiles ? "no lockfile or manifest changed" : "no lockfile found (package-lock.json, yarn.lock, pnpm-lock.yaml, bun.lock, requirements*.txt, poetry.lock, Pipfile.lock, uv.lock, pdm.lock, go.mod, Cargo.lock, Gemfile.lock, composer.lock, pom.xml, gradle.lockfile, packages.lock.json); name yours under dependencies.lockfiles"
      };
    }
    const { lockfiles, failures } = await readLockfiles(ctx.root, paths, ctx.signal);
    const findings = [...missing];
    for (const f of failures) {
      findings.push(makeFinding({
        ruleId: RULES.parseError.id,
        gate: GATE,
        severity: RULES.parseError.severity,
        message: `${f.path} cannot be parsed (${f.message.replace(/\.$/, "")}), so its packages were not checked; regenerate it with its package manager.`,
        location: f.line !== void 0 ? { path: f.path, startLine: f.line } : { path: f.path },
        key: "parse-error",
        properties: { reason: f.message }
      }));
    }
    for (const l of lockfiles) notes.push(...l.notes.slice(0, 20));
    if (!o.dev) for (const l of lockfiles) l.packages = l.packages.filter((p) => !p.dev);
    if (o.licenses) await Promise.all(lockfiles.map((l) => addInstalledLicenses(ctx.root, l)));
    if (o.sbom) {
      await writeSbom(ctx, lockfiles);
      notes.push(`CycloneDX SBOM written to ${o.sbom}`);
    }
    for (const l of lockfiles) findings.push(...licenseFindings(l, o));
    const all = lockfiles.flatMap((l) => l.packages.filter((p) => p.local !== true));
    const metrics = {
      lockfiles: lockfiles.length,
      packages: new Set(all.map((p) => `${p.ecosystem}\0${p.name}\0${p.version}`)).size,
      direct: all.filter((p) => p.direct).length,
      dev: all.filter((p) => p.dev).length
    };
    if (o.advisories.includes("osv") && all.length > 0) {
      const source = { cacheDir: ctx.cacheDir, signal: ctx.signal };
      if (o["osv-database"]) source.offline = resolve(ctx.root, o["osv-database"]);
      else source.online = { url: o["osv-url"], ttlMs: parseDuration(o["cache-ttl"]) ?? 0, timeoutMs: parseDuration(o["osv-timeout"]) ?? 3e4 };
      try {
        const result = await findAdvisories(all.map((p) => ({ ecosystem: p.ecosystem, name: p.name, version: p.version })), source);
        const byPackage = /* @__PURE__ */ new Map();
        for (const m of result.matches) {
          const key = `${m.package.ecosystem}\0${m.package.name}\0${m.package.version}`;
          const list = byPackage.get(key) ?? [];
          list.push(m);
          byPackage.set(key, list);
        }
        const vulnerable = /* @__PURE__ */ new Set();
        for (const l of lockfiles) {
          for (const pkg of l.packages) {
            if (pkg.local === true) continue;
            const key = `${pkg.ecosystem}\0${pkg.name}\0${pkg.version}`;
            for (const m of byPackage.get(key) ?? []) {
              findings.push(vulnerabilityFinding(l, pkg, m));
              vulnerable.add(key);
            }
          }
        }
        metrics.advisories = result.matches.length;
        metrics.vulnerablePackages = vulnerable.size;
        metrics.osvRequests = result.stats.requests;
        metrics.osvCacheHits = result.stats.cacheHits;
        if (result.skippedRecords.length > 0) notes.push(`${result.skippedRecords.length} OSV records could not be parsed and were skipped (first: ${result.skippedRecords[0] ?? ""})`);
      } catch (error) {
        if (!(error instanceof AdvisoriesUnavailableError)) throw error;
        if (o["on-unavailable"] === "error") {
          throw new GateInputError(`${errorMessage(error)}; vulnerabilities were not checked (set dependencies.on-unavailable: warn to accept that, or osv-database for an offline copy)`);
        }
        notes.push(`advisories unavailable: ${errorMessage(error)}`);
        findings.push(makeFinding({
          ruleId: RULES.advisoriesUnavailable.id,
          gate: GATE,
          severity: RULES.advisoriesUnavailable.severity,
          message: `Packages were not checked for vulnerabilities: ${errorMessage(error).replace(/\.$/, "")}.`,
          key: "advisories-unavailable"
        }));
      }
    }
    const seen = /* @__PURE__ */ new Set();
    const unique = findings.filter((f) => {
      if (seen.has(f.fingerprint)) return false;
      seen.add(f.fingerprint);
      return true;
    });
    Object.assign(metrics, severityMetrics(unique));
    return { findings: unique, metrics, notes };
  },
  evaluate(scan, options) {
    return evaluateBySeverity(scan, options, "finding");
  }
};
export {
  gate
};
