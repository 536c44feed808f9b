// yarn.lock: the v1 format (`name@range:` blocks with `version "x"`) and Berry (v2+, YAML with
// `resolution: "name@npm:x"`). Neither records dev/direct, so package.json decides when present.
import { oneEntryPerRelease } from "../releases.js";
import { type LockPackage, LockfileError, type Manifest, type ParsedLockfile } from "../types.js";
import { reachable, stripBom } from "../text.js";

interface Block {
  specs: string[];
  line: number;
  fields: Map<string, string>;
  maps: Map<string, Map<string, string>>;
}

const DEP_MAPS = ["dependencies", "optionalDependencies"];

export function parseYarnLock(path: string, content: string, manifest?: Manifest): ParsedLockfile {
  const blocks = readBlocks(stripBom(content));
  const berry = blocks.some((b) => b.specs.includes("__metadata"));
  const notes: string[] = [];
  const nodeOf = new Map<Block, LockPackage>();
  const bySpec = new Map<string, Block>();
  for (const block of blocks) for (const spec of block.specs) bySpec.set(spec, block);
  // Berry keys local packages by their parent too ("x@portal:./x::locator=app%40workspace%3A."),
  // while the parent's dependency map says only "portal:./x".
  for (const block of blocks) {
    for (const spec of block.specs) {
      const bare = spec.split("::")[0] ?? spec;
      if (!bySpec.has(bare)) bySpec.set(bare, block);
    }
  }
  const workspaces: Block[] = [];
  for (const block of blocks) {
    if (block.specs.includes("__metadata")) continue;
    const pkg = berry ? berryPackage(block) : classicPackage(block);
    if (pkg === "workspace") workspaces.push(block);
    else if (typeof pkg === "string") notes.push(`${path}:${block.line}: ${block.specs[0] ?? ""} ${pkg}; it is not checked`);
    else if (pkg) nodeOf.set(block, pkg);
  }
  const depsOf = (block: Block): Block[] => {
    const next: Block[] = [];
    for (const field of DEP_MAPS) {
      for (const [name, range] of block.maps.get(field) ?? []) {
        const target = lookup(bySpec, name, range);
        if (target) next.push(target);
      }
    }
    return next;
  };
  const ids = new Map<Block, string>(blocks.map((b, i) => [b, String(i)]));
  const blockById = new Map<string, Block>(blocks.map((b, i) => [String(i), b]));
  const edges = (id: string): string[] => {
    const block = blockById.get(id);
    return block ? depsOf(block).map((b) => ids.get(b) ?? "") : [];
  };
  // Direct roots: what the workspaces (Berry) or package.json (v1) ask for.
  const prodRoots: Block[] = [];
  const devRoots: Block[] = [];
  const classify = (name: string, target: Block): void => {
    const devOnly = manifest?.dev?.has(name) === true && manifest.prod?.has(name) !== true;
    (devOnly ? devRoots : prodRoots).push(target);
  };
  for (const ws of workspaces) {
    for (const field of [...DEP_MAPS, "devDependencies"]) {
      for (const [name, range] of ws.maps.get(field) ?? []) {
        const target = lookup(bySpec, name, range);
        if (target) classify(name, target);
      }
    }
  }
  if (!berry && manifest) {
    for (const name of [...(manifest.prod ?? []), ...(manifest.dev ?? [])]) {
      const range = manifest.ranges?.get(name);
      const target = (range !== undefined ? lookup(bySpec, name, range) : undefined) ?? firstByName(nodeOf, name);
      if (target) classify(name, target);
    }
  }
  const knowRoots = berry ? workspaces.length > 0 : manifest !== undefined;
  if (knowRoots) {
    const prod = reachable(prodRoots.map((b) => ids.get(b) ?? ""), edges);
    const direct = new Set([...prodRoots, ...devRoots]);
    for (const [block, pkg] of nodeOf) {
      pkg.direct = direct.has(block);
      pkg.dev = manifest !== undefined && !prod.has(ids.get(block) ?? "");
    }
  } else {
    // Without the manifest, a package nobody else depends on must have been asked for directly.
    const required = new Set<Block>();
    for (const block of nodeOf.keys()) for (const dep of depsOf(block)) required.add(dep);
    for (const [block, pkg] of nodeOf) pkg.direct = !required.has(block);
  }
  // The same name@version can sit in two blocks (an alias or a git copy beside the registry one).
  return { path, format: berry ? "yarn.lock berry" : "yarn.lock v1", packages: oneEntryPerRelease(nodeOf.values()), notes };
}

function firstByName(nodes: Map<Block, LockPackage>, name: string): Block | undefined {
  for (const [block, pkg] of nodes) if (pkg.name === name) return block;
  return undefined;
}

/**
 * The block a dependency resolves to. Berry's `patch:` descriptors (the built-in compat patches
 * of typescript, resolve and fsevents, or `yarn patch`) stand for the inner package, which the
 * lockfile also lists: the patched copy is that release, so edges go to the inner block.
 */
function lookup(bySpec: Map<string, Block>, name: string, range: string): Block | undefined {
  const inner = patchedDescriptor(range);
  // Early Berry wrote the inner descriptor without its "npm:" ("patch:resolve@^1.20.0#...").
  const target = inner !== undefined ? lookup(bySpec, splitSpec(inner).name, splitSpec(inner).range) : undefined;
  return target ?? bySpec.get(`${name}@${range}`) ?? bySpec.get(`${name}@npm:${range}`);
}

/** "patch:typescript@npm%3A^5.3.0#optional!builtin<compat/typescript>" -> "typescript@npm:^5.3.0". */
function patchedDescriptor(range: string): string | undefined {
  if (!range.startsWith("patch:")) return undefined;
  const encoded = range.slice("patch:".length).split("#")[0] ?? "";
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

function classicPackage(block: Block): LockPackage | string | undefined {
  const version = block.fields.get("version");
  const spec = block.specs[0];
  if (!version || !spec) return undefined;
  const { name, range } = splitSpec(spec);
  if (range.startsWith("file:") || range.startsWith("link:")) return "is a local folder";
  return { ecosystem: "npm", name: range.startsWith("npm:") ? aliasTarget(name, range.slice(4)) : name, version, direct: false, dev: false, line: block.line };
}

/**
 * "alias@npm:real@^1" and "alias@npm:real" install "real"; "name@npm:^1" is the plain registry
 * range written with its protocol, and installs "name".
 */
function aliasTarget(name: string, target: string): string {
  const aliased = splitSpec(target);
  if (aliased.range !== "" || target.startsWith("@")) return aliased.name;
  return target === "" || /^[~^<>=*\d]/.test(target) ? name : target;
}

/**
 * A Berry block's package, "workspace", or why it is left out. The resolution is
 * `<name>@<protocol>:<source>`: registry (npm:) and remote (git, tarball URL) packages carry the
 * version of the release they install; local folders (file:, link:, portal:) are the project's
 * own code; patch: blocks duplicate the block they patch.
 */
function berryPackage(block: Block): LockPackage | "workspace" | string | undefined {
  const resolution = block.fields.get("resolution") ?? "";
  const { name, range: source } = splitSpec(resolution);
  const version = block.fields.get("version");
  if (source.startsWith("workspace:")) return "workspace";
  if (source.startsWith("patch:")) return undefined;
  if (/^(file|link|portal):/.test(source)) return "is a local folder";
  if (!name || !version) return undefined;
  if (!source.startsWith("npm:") && !/^(https?|git|git\+[a-z]+|ssh|github|gitlab|bitbucket):/.test(source)) return `resolves to ${source}`;
  return { ecosystem: "npm", name, version, direct: false, dev: false, line: block.line };
}

/** "@scope/name@^1" -> { name: "@scope/name", range: "^1" }. */
export function splitSpec(spec: string): { name: string; range: string } {
  const at = spec.indexOf("@", 1);
  return at === -1 ? { name: spec, range: "" } : { name: spec.slice(0, at), range: spec.slice(at + 1) };
}

/** The indentation structure both formats share: headers at column 0, fields at 2, map entries at 4. */
function readBlocks(content: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  let currentMap: Map<string, string> | undefined;
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    if (raw.trim() === "" || raw.trimStart().startsWith("#")) continue;
    const indent = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (indent === 0) {
      if (!text.endsWith(":")) throw new LockfileError(`line ${i + 1}: expected "<package>@<range>:"`, i + 1);
      current = { specs: splitHeader(text.slice(0, -1)), line: i + 1, fields: new Map(), maps: new Map() };
      currentMap = undefined;
      blocks.push(current);
      continue;
    }
    if (!current) throw new LockfileError(`line ${i + 1}: indented line outside a package block`, i + 1);
    const [key, value] = splitField(text);
    if (indent <= 2) {
      if (value === "") {
        currentMap = new Map();
        current.maps.set(key, currentMap);
      } else {
        current.fields.set(key, value);
        currentMap = undefined;
      }
    } else if (currentMap && indent <= 4) {
      currentMap.set(key, value);
    }
  }
  return blocks;
}

function splitHeader(header: string): string[] {
  const specs: string[] = [];
  for (const part of header.split(/,\s*/)) {
    const spec = part.trim().replace(/^"/, "").replace(/"$/, "");
    if (spec) specs.push(spec);
  }
  return specs;
}

/** `key "value"`, `key: value`, `"key": value` or `key:` (a map follows). */
function splitField(text: string): [string, string] {
  let key: string;
  let rest: string;
  if (text.startsWith('"')) {
    let j = 1;
    while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
    key = text.slice(1, j).replace(/\\(.)/g, "$1");
    rest = text.slice(j + 1);
  } else {
    const m = /^([^\s:]+(?::[^\s:]+)*)(.*)$/.exec(text);
    key = m?.[1] ?? text;
    rest = m?.[2] ?? "";
  }
  rest = rest.replace(/^:/, "").trim();
  return [key, unquote(rest)];
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) return value.slice(1, -1).replace(/\\(.)/g, "$1");
  return value;
}
