// Finds the image references a repository uses: Dockerfile FROM lines (stage aliases, scratch and
// unresolvable build args skipped), Kubernetes pod specs' containers, and Compose services.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from "yaml";

export interface DiscoveredImage {
  reference: string;
  path: string;
  line: number;
}

export interface DiscoveryProblem {
  path: string;
  line?: number;
  message: string;
}

export interface Discovery {
  images: DiscoveredImage[];
  problems: DiscoveryProblem[];
  /** References skipped because a build argument or variable could not be resolved. */
  unresolved: DiscoveredImage[];
}

export function isDockerfile(path: string): boolean {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return /^(?:Dockerfile|Containerfile)(?:\.[\w.-]+)?$/i.test(base) || /\.(?:dockerfile|containerfile)$/i.test(base);
}

export function isComposeFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return /^(?:docker-)?compose(?:\.[\w.-]+)?\.ya?ml$/i.test(base);
}

function isYaml(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

function substitute(text: string, args: Map<string, string>): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? "";
    const value = args.get(name);
    if (op === "-") return value ? value : (word ?? "");
    if (op === "+") return value ? (word ?? "") : "";
    return value ?? whole;
  });
}

function unquote(value: string): string {
  return value.replace(/^(["'])(.*)\1$/, "$2");
}

/** FROM references of a Dockerfile, with their line numbers. */
export function dockerfileImages(text: string, path: string): { images: DiscoveredImage[]; unresolved: DiscoveredImage[] } {
  const lines = text.split(/\r?\n/);
  const escape = /^#\s*escape\s*=\s*`/i.test(lines[0] ?? "") ? "`" : "\\";
  const images: DiscoveredImage[] = [];
  const unresolved: DiscoveredImage[] = [];
  const globalArgs = new Map<string, string>();
  const stages = new Set<string>();
  let seenFrom = false;
  for (let i = 0; i < lines.length; i++) {
    const startLine = i + 1;
    let instruction = lines[i] ?? "";
    if (/^\s*#/.test(instruction) || instruction.trim() === "") continue;
    while (instruction.trimEnd().endsWith(escape) && i + 1 < lines.length) {
      instruction = instruction.trimEnd().slice(0, -1) + " ";
      i++;
      const next = lines[i] ?? "";
      if (/^\s*#/.test(next)) continue;
      instruction += next;
    }
    const m = /^\s*(\w+)\s+(.*)$/.exec(instruction);
    if (!m?.[1] || m[2] === undefined) continue;
    const keyword = m[1].toUpperCase();
    const rest = m[2].trim();
    if (keyword === "ARG" && !seenFrom) {
      for (const decl of rest.split(/\s+/)) {
        const eq = decl.indexOf("=");
        if (eq > 0) globalArgs.set(decl.slice(0, eq), unquote(decl.slice(eq + 1)));
      }
      continue;
    }
    if (keyword !== "FROM") continue;
    seenFrom = true;
    const words = rest.split(/\s+/).filter((w) => !w.startsWith("--"));
    const image = words[0];
    if (!image) continue;
    const resolved = substitute(image, globalArgs);
    const lower = resolved.toLowerCase();
    // A stage's own alias does not count for its FROM: only earlier stages are aliases.
    const isEarlierStage = stages.has(lower);
    if (words.length >= 3 && words[1]?.toLowerCase() === "as" && words[2]) stages.add(words[2].toLowerCase());
    if (lower === "scratch" || isEarlierStage) continue;
    if (resolved.includes("$") || resolved === "") {
      unresolved.push({ reference: image, path, line: startLine });
      continue;
    }
    images.push({ reference: resolved, path, line: startLine });
  }
  return { images, unresolved };
}

const CONTAINER_KEYS = new Set(["containers", "initContainers", "ephemeralContainers"]);

function walkYaml(node: unknown, visit: (key: string, value: Node, parentKey: string | undefined) => void, parentKey?: string): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key !== undefined && pair.value && typeof pair.value === "object") visit(key, pair.value as Node, parentKey);
      walkYaml(pair.value, visit, key);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) walkYaml(item, visit, parentKey);
  }
}

function scalarString(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === "string" ? node.value : undefined;
}

/** Images of Kubernetes pod templates (any kind) and Compose services in a YAML file. */
export function yamlImages(text: string, path: string, compose: boolean): { images: DiscoveredImage[]; unresolved: DiscoveredImage[]; problem?: DiscoveryProblem } {
  const counter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: counter });
  const images: DiscoveredImage[] = [];
  const unresolved: DiscoveredImage[] = [];
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    const error = doc.errors[0];
    if (error) {
      const line = error.linePos?.[0]?.line;
      return { images: [], unresolved: [], problem: line !== undefined ? { path, line, message: error.message.split("\n")[0] ?? "invalid YAML" } : { path, message: error.message.split("\n")[0] ?? "invalid YAML" } };
    }
    const add = (node: Node): void => {
      const value = scalarString(node);
      if (!value) return;
      const line = node.range ? counter.linePos(node.range[0]).line : 1;
      (value.includes("$") || value.includes("{{") ? unresolved : images).push({ reference: value.trim(), path, line });
    };
    if (compose) {
      const services = isMap(doc.contents) ? doc.contents.get("services", true) : undefined;
      if (isMap(services)) {
        for (const pair of services.items) {
          const image = isMap(pair.value) ? pair.value.get("image", true) : undefined;
          if (image && typeof image === "object") add(image as Node);
        }
      }
      continue;
    }
    if (!isMap(doc.contents) || !doc.contents.has("apiVersion") || !doc.contents.has("kind")) continue;
    walkYaml(doc.contents, (key, value, parentKey) => {
      if (key === "image" && parentKey !== undefined && CONTAINER_KEYS.has(parentKey)) add(value);
    });
  }
  return { images, unresolved };
}

/** Reads the candidate files among `files` (repository-relative) and collects their images. */
export async function discoverImages(root: string, files: readonly string[]): Promise<Discovery> {
  const discovery: Discovery = { images: [], problems: [], unresolved: [] };
  for (const path of files) {
    const dockerfile = isDockerfile(path);
    const compose = isComposeFile(path);
    if (!dockerfile && !compose && !isYaml(path)) continue;
    let text: string;
    try {
      text = await readFile(join(root, path), "utf8");
    } catch (err) {
      discovery.problems.push({ path, message: `cannot read: ${err instanceof Error ? err.message : String(err)}` });
      continue;
    }
    if (dockerfile) {
      const found = dockerfileImages(text, path);
      discovery.images.push(...found.images);
      discovery.unresolved.push(...found.unresolved);
      continue;
    }
    // Templated YAML (Helm, Jinja) is not a manifest yet: nothing to read, nothing to report.
    if (!compose && (!/^\s*apiVersion\s*:/m.test(text) || !/^\s*kind\s*:/m.test(text) || text.includes("{{"))) continue;
    const found = yamlImages(text, path, compose);
    if (found.problem) discovery.problems.push(found.problem);
    discovery.images.push(...found.images);
    discovery.unresolved.push(...found.unresolved);
  }
  return discovery;
}
