// The offline advisory source: a directory or zip of OSV JSON records, as OSV publishes them per
// ecosystem (`<Ecosystem>/all.zip` or loose `<ID>.json` files). Loading is lazy: only folders and
// zips of the ecosystems asked about are read, each record is indexed by (ecosystem, name) from a
// cheap text scan (on worker threads for big zips), and only records of packages asked about are
// parsed. A zip's index is kept in the cache directory, so the next run inflates only the
// records it needs.
import { createHash } from "node:crypto";
import { mkdirSync, openSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { indexKey } from "./match.js";
import { baseEcosystem } from "./versions/index.js";
import { readCentralDirectory, readEntry, readEntryAt, readShared, type ZipEntry } from "./zip.js";
import { sanitizeRecord } from "./record.js";
import { scanThreads, scanZipEntries } from "./scan-worker.js";
import { AdvisoriesUnavailableError, type OsvRecord } from "./types.js";

/** OSV's ecosystem names (without release): a folder or zip named so holds only that ecosystem. */
const KNOWN_ECOSYSTEMS = new Set(
  [
    "AlmaLinux", "Alpaquita", "Alpine", "Android", "Azure Linux", "Bioconductor", "Bitnami", "Chainguard", "ConanCenter", "CRAN",
    "crates.io", "Debian", "Echo", "FreeBSD", "GHC", "GitHub Actions", "Go", "Hackage", "Hex", "Julia", "Kubernetes", "Linux",
    "Mageia", "Maven", "MinimOS", "npm", "NuGet", "openEuler", "openSUSE", "OSS-Fuzz", "Packagist", "Photon OS", "Pub", "PyPI",
    "Red Hat", "Rocky Linux", "RubyGems", "SUSE", "SwiftURL", "Ubuntu", "VSCode", "Wolfi", "opam", "GIT",
  ].map((e) => e.toLowerCase()),
);

/** Bump when the persisted index format or the key normalisation changes. */
const INDEX_VERSION = 3;

/**
 * Where a record lives, packed in one number to keep 200,000 of them cheap: the container (a zip
 * or a folder's list of files) times 2^24, plus the entry or file index within it.
 */
type Location = number;
const SLOT = 2 ** 24;

/** A zip is either in memory (just scanned) or read entry by entry from its file (index from the cache). */
type Container = { kind: "zip"; path: string; buf?: Buffer; fd?: number; entries: ZipEntry[] } | { kind: "files"; files: string[] };

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
  if (!raw.includes("\\")) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
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

export interface OfflineStats {
  /** Zip sources whose index came from the cache directory. */
  indexCacheHits: number;
  recordsScanned: number;
  recordsParsed: number;
}

export class OfflineDatabase {
  private readonly sources: Source[] = [];
  private readonly containers: Container[] = [];
  private readonly index = new Map<string, Location[]>();
  private readonly parsed = new Map<Location, OsvRecord | null>();
  /** Records that could not be read or parsed: reported, never fatal. */
  readonly skipped: string[] = [];
  readonly stats: OfflineStats = { indexCacheHits: 0, recordsScanned: 0, recordsParsed: 0 };

  /** `workerThreshold`: zips with at least this many entries are scanned on worker threads. */
  constructor(
    readonly root: string,
    private readonly options: { workerThreshold?: number } = {},
  ) {
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
  private async load(ecosystems: Set<string>, cacheDir: string | undefined, signal?: AbortSignal): Promise<void> {
    for (const source of this.sources) {
      if (source.loaded) continue;
      if (source.ecosystem !== undefined && !ecosystems.has(source.ecosystem)) continue;
      source.loaded = true;
      if (source.kind === "zip") await this.loadZip(source.path, cacheDir, signal);
      else if (source.kind === "dir") await this.loadDir(source.path, cacheDir, signal);
      else this.loadFiles([source.path], signal);
    }
  }

  private addLocation(key: string, location: Location): void {
    const list = this.index.get(key);
    if (!list) this.index.set(key, [location]);
    else if (list[list.length - 1] !== location) list.push(location);
  }

  private async loadZip(path: string, cacheDir: string | undefined, signal?: AbortSignal): Promise<void> {
    const cacheFile = cacheDir ? indexCacheFile(cacheDir, path) : undefined;
    const cached = cacheFile ? readIndexCache(cacheFile) : undefined;
    if (cached) {
      // Warm: the index and the entry table come from the cache; records are read one by one.
      let fd: number;
      try {
        fd = openSync(path, "r");
      } catch (error) {
        throw new AdvisoriesUnavailableError(`the offline OSV database ${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
      }
      const entries: ZipEntry[] = cached.offsets.map((localOffset, i) => ({ name: `#${i}`, localOffset, compressedSize: cached.sizes[i] ?? 0, method: cached.methods[i] ?? 8 }));
      const at = (this.containers.push({ kind: "zip", path, fd, entries }) - 1) * SLOT;
      this.stats.indexCacheHits++;
      let p = 0;
      cached.keys.forEach((key, k) => {
        const n = cached.counts[k] ?? 0;
        for (let j = 0; j < n; j++) this.addLocation(key, at + (cached.owners[p++] ?? 0));
      });
      return;
    }
    let buf: Buffer;
    let entries: ZipEntry[];
    try {
      buf = readShared(path);
      entries = readCentralDirectory(buf).filter((e) => e.name.endsWith(".json"));
    } catch (error) {
      throw new AdvisoriesUnavailableError(`the offline OSV database ${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (entries.length >= SLOT) throw new AdvisoriesUnavailableError(`${path} holds more records than tollgate can index`);
    const at = (this.containers.push({ kind: "zip", path, buf, entries }) - 1) * SLOT;
    const byKey = new Map<string, number[]>();
    const add = (key: string, i: number): void => {
      this.addLocation(key, at + i);
      const owners = byKey.get(key);
      if (!owners) byKey.set(key, [i]);
      else if (owners[owners.length - 1] !== i) owners.push(i);
    };
    this.stats.recordsScanned += entries.length;
    const threads = scanThreads(entries.length, this.options.workerThreshold);
    if (threads > 1) {
      const result = await scanZipEntries(buf, entries, threads, signal);
      const memo = new Map<string, string>();
      for (let p = 0; p < result.owners.length; p++) {
        const eco = result.pairs[2 * p] ?? "";
        const name = result.pairs[2 * p + 1] ?? "";
        const memoKey = `${eco}\0${name}`;
        let key = memo.get(memoKey);
        if (key === undefined) memo.set(memoKey, (key = indexKey(unescape(eco), unescape(name))));
        add(key, result.owners[p] ?? 0);
      }
      for (const b of result.bad) this.skipped.push(`${path}!${entries[b]?.name ?? b}`);
    } else {
      entries.forEach((entry, i) => {
        if ((i & 1023) === 0) signal?.throwIfAborted();
        let text: string;
        try {
          text = readEntry(buf, entry).toString("utf8");
        } catch {
          this.skipped.push(`${path}!${entry.name}`);
          return;
        }
        for (const key of packageKeys(text)) add(key, i);
      });
    }
    if (cacheFile) writeIndexCache(cacheFile, entries, byKey);
  }

  private async loadDir(dir: string, cacheDir: string | undefined, signal?: AbortSignal): Promise<void> {
    const files: string[] = [];
    const stack = [dir];
    while (stack.length > 0) {
      const current = stack.pop();
      if (current === undefined) break;
      for (const entry of readdirSync(current, { withFileTypes: true })) {
        const path = join(current, entry.name);
        if (entry.isDirectory()) stack.push(path);
        else if (entry.name.endsWith(".json")) files.push(path);
        else if (entry.name.endsWith(".zip")) await this.loadZip(path, cacheDir, signal);
      }
    }
    this.loadFiles(files.sort(), signal);
  }

  private loadFiles(files: string[], signal?: AbortSignal): void {
    const at = (this.containers.push({ kind: "files", files }) - 1) * SLOT;
    files.forEach((path, i) => {
      if ((i & 1023) === 0) signal?.throwIfAborted();
      this.stats.recordsScanned++;
      let text: string;
      try {
        text = readFileSync(path, "utf8");
      } catch {
        this.skipped.push(path);
        return;
      }
      for (const key of packageKeys(text)) this.addLocation(key, at + i);
    });
  }

  private describe(location: Location): string {
    const c = this.containers[Math.floor(location / SLOT)];
    const i = location % SLOT;
    if (!c) return String(location);
    return c.kind === "zip" ? `${c.path}!${c.entries[i]?.name ?? i}` : (c.files[i] ?? String(location));
  }

  private readRecord(location: Location): OsvRecord | null {
    const cached = this.parsed.get(location);
    if (cached !== undefined) return cached;
    let record: OsvRecord | null;
    const c = this.containers[Math.floor(location / SLOT)];
    const i = location % SLOT;
    try {
      let text = "";
      if (c?.kind === "zip") {
        const entry = c.entries[i];
        if (entry && c.buf) text = readEntry(c.buf, entry).toString("utf8");
        else if (entry && c.fd !== undefined) text = readEntryAt(c.fd, entry).toString("utf8");
      } else if (c?.kind === "files") {
        const file = c.files[i];
        if (file) text = readFileSync(file, "utf8");
      }
      record = sanitizeRecord(JSON.parse(text));
    } catch {
      record = null;
    }
    this.stats.recordsParsed++;
    if (record === null) this.skipped.push(this.describe(location));
    this.parsed.set(location, record);
    return record;
  }

  /** Records that name any of these (ecosystem, name) pairs, keyed by indexKey. */
  async recordsFor(packages: { ecosystem: string; name: string }[], options: { cacheDir?: string; signal?: AbortSignal } = {}): Promise<Map<string, OsvRecord[]>> {
    const wanted = new Set(packages.map((p) => indexKey(p.ecosystem, p.name)));
    const ecosystems = new Set(packages.map((p) => baseEcosystem(p.ecosystem).toLowerCase()));
    await this.load(ecosystems, options.cacheDir, options.signal);
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

/** The index file of one zip: its identity is path, size and modification time. */
function indexCacheFile(cacheDir: string, path: string): string | undefined {
  try {
    const st = statSync(path);
    const id = createHash("sha256").update(`${INDEX_VERSION}\0${path}\0${st.size}\0${st.mtimeMs}`).digest("hex").slice(0, 32);
    return join(cacheDir, "osv-index", `${id}.json`);
  } catch {
    return undefined;
  }
}

interface IndexCache {
  keys: string[];
  /** Entries per key, then all entry indexes in key order: flat arrays parse fast. */
  counts: number[];
  owners: number[];
  /** The zip's entry table, so a warm run reads neither the central directory nor the whole file. */
  offsets: number[];
  sizes: number[];
  methods: number[];
}

function readIndexCache(file: string): IndexCache | undefined {
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as { version?: unknown } & Partial<IndexCache>;
    if (data.version !== INDEX_VERSION) return undefined;
    const { keys, counts, owners, offsets, sizes, methods } = data;
    if (!Array.isArray(keys) || !Array.isArray(counts) || !Array.isArray(owners) || keys.length !== counts.length) return undefined;
    if (!Array.isArray(offsets) || !Array.isArray(sizes) || !Array.isArray(methods) || offsets.length !== sizes.length || offsets.length !== methods.length) return undefined;
    return { keys, counts, owners, offsets, sizes, methods };
  } catch {
    return undefined;
  }
}

function writeIndexCache(file: string, entries: ZipEntry[], byKey: Map<string, number[]>): void {
  try {
    mkdirSync(join(file, ".."), { recursive: true });
    const keys: string[] = [];
    const counts: number[] = [];
    const owners: number[] = [];
    for (const [key, list] of byKey) {
      keys.push(key);
      counts.push(list.length);
      for (const i of list) owners.push(i);
    }
    const table = { offsets: entries.map((e) => e.localOffset), sizes: entries.map((e) => e.compressedSize), methods: entries.map((e) => e.method) };
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ version: INDEX_VERSION, keys, counts, owners, ...table }));
    renameSync(tmp, file);
  } catch {
    // an index that cannot be kept only costs the next run a rescan
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
