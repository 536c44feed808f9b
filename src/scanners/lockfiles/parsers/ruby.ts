// Gemfile.lock: specs under GEM/GIT/PATH sections ("    name (version[-platform])"), direct ones
// under DEPENDENCIES. Dev comes from the Gemfile's development/test groups when it is present.
import { type LockPackage, LockfileError, type Manifest, type ParsedLockfile } from "../types.js";
import { reachable } from "../text.js";

const SOURCES = new Set(["GEM", "GIT", "PATH", "PLUGIN SOURCE"]);
const SECTIONS = new Set([...SOURCES, "PLATFORMS", "DEPENDENCIES", "BUNDLED WITH", "RUBY VERSION", "CHECKSUMS"]);

export function parseGemfileLock(path: string, content: string, manifest?: Manifest): ParsedLockfile {
  const lines = content.split(/\r?\n/);
  // The lock repeats a gem once per platform it is built for; that is one package per name and version.
  const specs = new Map<string, LockPackage>();
  const deps = new Map<string, string[]>();
  const direct = new Set<string>();
  let section = "";
  let current: string[] | undefined;
  let sawSection = false;
  let firstStray: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.trim() === "") continue;
    if (!line.startsWith(" ")) {
      // Sections Bundler adds later are skipped like the ones we do not read.
      section = line.trim();
      if (SECTIONS.has(section)) sawSection = true;
      else firstStray ??= i + 1;
      current = undefined;
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
      // "1.13.10-x86_64-linux": the platform suffix is not part of the version.
      const version = spec[2].split("-")[0] ?? spec[2];
      const key = `${name}@${version}`;
      if (!specs.has(key)) {
        const pkg: LockPackage = { ecosystem: "RubyGems", name, version, direct: false, dev: false, line: i + 1 };
        if (section === "PATH") pkg.local = true; // a gem from a folder of the project
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
  const devNames = manifest?.dev ?? new Set<string>();
  const prodRoots = [...direct].filter((n) => !devNames.has(n) || manifest?.prod?.has(n) === true);
  const prod = reachable(prodRoots, (n) => deps.get(n) ?? []);
  for (const pkg of specs.values()) {
    pkg.direct = direct.has(pkg.name);
    pkg.dev = manifest?.dev !== undefined && !prod.has(pkg.name);
  }
  return { path, format: "Gemfile.lock", packages: [...specs.values()], notes: [] };
}

/**
 * Gem names the Gemfile declares inside `group :development` / `:test` blocks (and outside), and
 * the development dependencies of the gemspecs beside it when the Gemfile loads them.
 */
export function gemfileManifest(text: string, gemspecs: string[] = []): Manifest {
  const prod = new Set<string>();
  const dev = new Set<string>();
  // Group names of the enclosing blocks; other blocks (platforms, source, if) add none.
  const blocks: string[][] = [];
  for (const raw of text.split(/\r?\n/)) {
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
    // `group: :test`, `groups: %i[development test]`, or the older `:group => "test"`. Bundler adds
    // these to the enclosing blocks' groups, so a gem is dev only when every one of them is.
    const inline = /(?:\bgroups?:|:groups?\s*=>)\s*(\[[^\]]*\]|%[iw]\[[^\]]*\]|\S+)/.exec(gem[2] ?? "");
    const names = [...blocks.flat(), ...(inline?.[1] ? groupNames(inline[1]) : [])];
    (names.length > 0 && names.every((n) => n === "development" || n === "test") ? dev : prod).add(gem[1]);
  }
  // `gemspec` puts the gemspec's development dependencies into the lock's DEPENDENCIES.
  if (/^\s*gemspec\b/m.test(text)) {
    for (const spec of gemspecs) {
      for (const m of spec.matchAll(/\.add_development_dependency\s*\(?\s*["']([^"']+)["']/g)) if (m[1] && !prod.has(m[1])) dev.add(m[1]);
    }
  }
  return { prod, dev };
}

/** Bundler group names in a list: ":test, 'development'", "[:development, :test]", "%i[development test]". */
function groupNames(list: string): string[] {
  const body = list.replace(/^%[iw]\[/, "[");
  if (body.startsWith("[") && !/[:"']/.test(body)) return body.slice(1).replace(/\].*$/, "").trim().split(/\s+/);
  return [...body.matchAll(/:(\w+)|["'](\w+)["']/g)].map((m) => m[1] ?? m[2] ?? "");
}
