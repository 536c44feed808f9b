// The offline advisory source: a directory or zip of OSV JSON records, as OSV publishes them per
// ecosystem (`<Ecosystem>/all.zip` or loose `<ID>.json` files). Loading is lazy: only folders and
// zips of the ecosystems asked about are read, each record is indexed by (ecosystem, name) from a
// cheap text scan, and only records of packages asked about are parsed.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { indexKey } from "./match.js";
import { baseEcosystem } from "./versions/index.js";
import { sanitizeRecord } from "./record.js";
import { readCentralDirectory, readEntry, type ZipEntry } from "./zip.js";
import { AdvisoriesUnavailableError, type OsvRecord } from "./types.js";

/** OSV's ecosystem names (without release): a folder or zip named so holds only that ecosystem. */
const KNOWN_ECOSYSTEMS = new Set(
  [
    "AlmaLinux", "Alpine", "Android", "Azure Linux", "Bioconductor", "Bitnami", "Chainguard", "ConanCenter", "CRAN",
    "crates.io", "Debian", "Echo", "GHC", "GitHub Actions", "Go", "Hackage", "Hex", "Julia", "Linux", "Mageia", "Maven",
    "MinimOS", "npm", "NuGet", "openEuler", "openSUSE", "OSS-Fuzz", "Packagist", "Photon OS", "Pub", "PyPI", "Red Hat",
    "Rocky Linux", "RubyGems", "SUSE", "SwiftURL", "Ubuntu", "VSCode", "Wolfi", "opam", "GIT",
  ].map((e) => e.toLowerCase()),
);

type Location = { kind: "file"; path: string } | { kind: "zip"; zip: number; entry: ZipEntry };

interface Source {
  /** Lower-case base ecosystem when the folder/zip name says which, else undefined (read always). */
  ecosystem?: string;
  path: string;
  kind: "dir" | "zip" | "file";
  loaded: boolean;
}

const PACKAGE_OBJECT = /"package"\s*:\s*\{([^{}]*)\}/g;
const ECOSYSTEM_FIELD = /"ecosystem"\s*:\s*"((?:[^"\\]|\\.)*)"/;
const NAME_FIELD = /"name"\s*:\s*"((?:[^"\\]|\\.)*)"/;

function unescape(raw: string): string {
  return raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : raw;
}

/** (ecosystem, name) keys a record's text mentions under "package", without a full JSON parse. */
export function packageKeys(text: string): string[] {
  const keys: string[] = [];
  for (const m of text.matchAll(PACKAGE_OBJECT)) {
    const body = m[1] ?? "";
    const eco = ECOSYSTEM_FIELD.exec(body)?.[1];
    const name = NAME_FIELD.exec(body)?.[1];
    if (eco !== undefined && name !== undefined) keys.push(indexKey(unescape(eco), unescape(name)));
  }
  return keys;
}

export class OfflineDatabase {
  private readonly sources: Source[] = [];
  private readonly zips: Buffer[] = [];
  private readonly index = new Map<string, Location[]>();
  private readonly parsed = new Map<string, OsvRecord | null>();
  /** Records that could not be parsed: reported once, never fatal. */
  readonly skipped: string[] = [];
  recordCount = 0;

  constructor(readonly root: string) {
    let stat;
    try {
      stat = statSync(root);
    } catch {
      throw new AdvisoriesUnavailableError(`the offline OSV database ${root} does not exist`);
    }
    if (stat.isFile()) {
      this.sources.push({ path: root, kind: root.endsWith(".zip") ? "zip" : "file", loaded: false, ...ecosystemOf(basename(root)) });
      return;
    }
    for (const entry of readdirSync(root, { withFileTypes: true })) {
      const path = join(root, entry.name);
      if (entry.isDirectory()) this.sources.push({ path, kind: "dir", loaded: false, ...ecosystemOf(entry.name) });
      else if (entry.name.endsWith(".zip")) this.sources.push({ path, kind: "zip", loaded: false, ...ecosystemOf(entry.name) });
      else if (entry.name.endsWith(".json")) this.sources.push({ path, kind: "file", loaded: false });
    }
  }

  /** Loads (once) every source that may hold records of these ecosystems. */
  private load(ecosystems: Set<string>, wanted: Set<string>, signal?: AbortSignal): void {
    for (const source of this.sources) {
      if (source.loaded) continue;
      if (source.ecosystem !== undefined && !ecosystems.has(source.ecosystem)) continue;
      source.loaded = true;
      if (source.kind === "zip") this.loadZip(source.path, wanted, signal);
      else if (source.kind === "dir") this.loadDir(source.path, wanted, signal);
      else this.addText(readFileSync(source.path, "utf8"), { kind: "file", path: source.path }, wanted);
    }
  }

  private loadZip(path: string, wanted: Set<string>, signal?: AbortSignal): void {
    let buf: Buffer;
    let entries: ZipEntry[];
    try {
      buf = readFileSync(path);
      entries = readCentralDirectory(buf);
    } catch (error) {
      throw new AdvisoriesUnavailableError(`the offline OSV database ${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
    const zip = this.zips.push(buf) - 1;
    let n = 0;
    for (const entry of entries) {
      if (!entry.name.endsWith(".json")) continue;
      if ((++n & 1023) === 0) signal?.throwIfAborted();
      let text: string;
      try {
        text = readEntry(buf, entry).toString("utf8");
      } catch {
        this.skipped.push(`${path}!${entry.name}`);
        continue;
      }
      this.addText(text, { kind: "zip", zip, entry }, wanted);
    }
  }

  private loadDir(dir: string, wanted: Set<string>, signal?: AbortSignal): void {
    const stack = [dir];
    let n = 0;
    while (stack.length > 0) {
      const current = stack.pop();
      if (current === undefined) break;
      for (const entry of readdirSync(current, { withFileTypes: true })) {
        const path = join(current, entry.name);
        if (entry.isDirectory()) stack.push(path);
        else if (entry.name.endsWith(".json")) {
          if ((++n & 1023) === 0) signal?.throwIfAborted();
          this.addText(readFileSync(path, "utf8"), { kind: "file", path }, wanted);
        } else if (entry.name.endsWith(".zip")) this.loadZip(path, wanted, signal);
      }
    }
  }

  private addText(text: string, location: Location, wanted: Set<string>): void {
    this.recordCount++;
    const keys = new Set(packageKeys(text));
    let record: OsvRecord | null | undefined;
    for (const key of keys) {
      let list = this.index.get(key);
      if (!list) this.index.set(key, (list = []));
      list.push(location);
      // Parse now when someone asked for this package: saves reading the entry a second time.
      if (record === undefined && wanted.has(key)) {
        record = parseRecord(text);
        if (record === null) this.skipped.push(describe(location));
      }
    }
    if (record !== undefined) this.parsed.set(locationId(location), record);
  }

  private readRecord(location: Location): OsvRecord | null {
    const id = locationId(location);
    const cached = this.parsed.get(id);
    if (cached !== undefined) return cached;
    let text = "";
    try {
      text = location.kind === "file" ? readFileSync(location.path, "utf8") : readEntry(this.zips[location.zip] ?? Buffer.alloc(0), location.entry).toString("utf8");
    } catch {
      // removed or corrupt since it was indexed: parseRecord("") reports it as skipped
    }
    const record = parseRecord(text);
    if (record === null) this.skipped.push(describe(location));
    this.parsed.set(id, record);
    return record;
  }

  /** Records that name any of these (ecosystem, name) pairs, keyed by indexKey. */
  recordsFor(packages: { ecosystem: string; name: string }[], signal?: AbortSignal): Map<string, OsvRecord[]> {
    const wanted = new Set(packages.map((p) => indexKey(p.ecosystem, p.name)));
    const ecosystems = new Set(packages.map((p) => baseEcosystem(p.ecosystem).toLowerCase()));
    this.load(ecosystems, wanted, signal);
    const out = new Map<string, OsvRecord[]>();
    for (const key of wanted) {
      const records: OsvRecord[] = [];
      for (const location of this.index.get(key) ?? []) {
        const record = this.readRecord(location);
        if (record) records.push(record);
      }
      out.set(key, records);
    }
    return out;
  }
}

function ecosystemOf(fileName: string): { ecosystem?: string } {
  const name = fileName.replace(/\.zip$/, "");
  const base = baseEcosystem(name).toLowerCase();
  return KNOWN_ECOSYSTEMS.has(base) ? { ecosystem: base } : {};
}

function locationId(location: Location): string {
  return location.kind === "file" ? location.path : `${location.zip}:${location.entry.localOffset}`;
}

function describe(location: Location): string {
  return location.kind === "file" ? location.path : location.entry.name;
}

function parseRecord(text: string): OsvRecord | null {
  try {
    return sanitizeRecord(JSON.parse(text));
  } catch {
    return null;
  }
}

/** One database per path per process: the container gate and this gate share the index. */
const opened = new Map<string, { mtimeMs: number; db: OfflineDatabase }>();

export function openOfflineDatabase(path: string): OfflineDatabase {
  let mtimeMs = -1;
  try {
    mtimeMs = statSync(path).mtimeMs;
  } catch {
    // the constructor reports the missing path
  }
  const hit = opened.get(path);
  if (hit && hit.mtimeMs === mtimeMs) return hit.db;
  const db = new OfflineDatabase(path);
  opened.set(path, { mtimeMs, db });
  return db;
}
