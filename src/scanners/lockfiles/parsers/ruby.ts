// Gemfile.lock: specs under GEM/GIT sections ("    name (version[-platform])"), direct ones
// under DEPENDENCIES. Dev comes from the Gemfile's development/test groups when it is present.
import { type LockPackage, LockfileError, type Manifest, type ParsedLockfile } from "../types.js";
import { reachable } from "../text.js";

const SECTIONS = new Set(["GEM", "GIT", "PATH", "PLUGIN SOURCE", "PLATFORMS", "DEPENDENCIES", "BUNDLED WITH", "RUBY VERSION", "CHECKSUMS"]);

export function parseGemfileLock(path: string, content: string, manifest?: Manifest): ParsedLockfile {
  const lines = content.split(/\r?\n/);
  const specs = new Map<string, { pkg: LockPackage; deps: string[] }>();
  const direct = new Set<string>();
  let section = "";
  let current: { pkg: LockPackage; deps: string[] } | undefined;
  let sawSection = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.trim() === "") continue;
    if (!line.startsWith(" ")) {
      section = line.trim();
      if (!SECTIONS.has(section)) throw new LockfileError(`line ${i + 1}: "${section.slice(0, 40)}" is not a Gemfile.lock section`, i + 1);
      sawSection = true;
      current = undefined;
      continue;
    }
    if (section === "DEPENDENCIES") {
      const m = /^ {2}([^\s!(]+)/.exec(line);
      if (m?.[1]) direct.add(m[1]);
      continue;
    }
    if (section !== "GEM" && section !== "GIT" && section !== "PATH" && section !== "PLUGIN SOURCE") continue;
    const spec = /^ {4}([^\s(]+) \(([^)]+)\)\s*$/.exec(line);
    if (spec?.[1] && spec[2]) {
      // "1.13.10-x86_64-linux": the platform suffix is not part of the version.
      const version = spec[2].split("-")[0] ?? spec[2];
      if (section === "PATH") {
        current = undefined;
        continue;
      }
      const key = spec[1];
      current = specs.get(key);
      if (!current) {
        current = { pkg: { ecosystem: "RubyGems", name: spec[1], version, direct: false, dev: false, line: i + 1 }, deps: [] };
        specs.set(key, current);
      }
      continue;
    }
    const dep = /^ {6}([^\s(]+)/.exec(line);
    if (dep?.[1] && current) current.deps.push(dep[1]);
  }
  if (!sawSection) throw new LockfileError("no GEM or DEPENDENCIES section: this is not a Gemfile.lock");
  const devNames = manifest?.dev ?? new Set<string>();
  const prodRoots = [...direct].filter((n) => !devNames.has(n) || manifest?.prod?.has(n) === true);
  const prod = reachable(prodRoots, (n) => specs.get(n)?.deps ?? []);
  for (const [name, spec] of specs) {
    spec.pkg.direct = direct.has(name);
    spec.pkg.dev = manifest?.dev !== undefined && !prod.has(name);
  }
  return { path, format: "Gemfile.lock", packages: [...specs.values()].map((s) => s.pkg), notes: [] };
}

/** Gem names the Gemfile declares inside `group :development` / `:test` blocks (and outside). */
export function gemfileManifest(text: string): Manifest {
  const prod = new Set<string>();
  const dev = new Set<string>();
  const groups: boolean[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, "").trim();
    const group = /^group\s+(.+?)\s+do\b/.exec(line);
    if (group?.[1]) {
      const names = [...group[1].matchAll(/:(\w+)|["'](\w+)["']/g)].map((m) => m[1] ?? m[2] ?? "");
      groups.push(names.length > 0 && names.every((n) => n === "development" || n === "test"));
      continue;
    }
    if (/^(\w+\b.*\bdo\b|if\b|unless\b|platforms?\b.*\bdo\b)/.test(line) && !line.startsWith("gem ")) {
      groups.push(groups[groups.length - 1] ?? false);
      continue;
    }
    if (line === "end") {
      groups.pop();
      continue;
    }
    const gem = /^gem\s+["']([^"']+)["'](.*)$/.exec(line);
    if (!gem?.[1]) continue;
    const inlineDev = /group[s]?:\s*(?:\[)?\s*(?::(?:development|test)\s*,?\s*)+\]?/.test(gem[2] ?? "");
    (groups[groups.length - 1] === true || inlineDev ? dev : prod).add(gem[1]);
  }
  return { prod, dev };
}
