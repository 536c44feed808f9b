// The offline advisory source: a directory or zip of OSV JSON records, as OSV publishes them per
// ecosystem (`<Ecosystem>/all.zip` or loose `<ID>.json` files). Loading is lazy: only folders and
// zips of the ecosystems asked about are read, each record is indexed by (ecosystem, name) from a
// cheap text scan (on worker threads for big zips), and only records of packages asked about are
// parsed. A first scan of a big zip indexes only the records asked about and keeps the rest of
// what it found for a later question; a zip's index is kept in the cache directory, so the next
// run inflates only the records it needs.
import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { indexKey } from "./match.js";
import { baseEcosystem } from "./versions/index.js";
import { readCentralDirectory, readEntryAt, ZipDirectory } from "./zip.js";
import { sanitizeRecord } from "./record.js";
import { looseKey, scanThreads, scanZips, type ScanJob } from "./scan-worker.js";
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
const INDEX_VERSION = 4;

/**
 * Where a record lives, packed in one number to keep 200,000 of them cheap: the container (a zip
 * or a folder's list of files) times 2^24, plus the entry or file index within it.
 */
type Location = number;
const SLOT = 2 ** 24;

/** A zip is read entry by entry from its open file; a folder is a list of files. */
type Container = { kind: "zip"; path: string; fd: number; dir: ZipDirectory } | { kind: "files"; files: string[] };

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

/** Raw (still JSON-escaped) ecosystem and name, two strings per "package" a record's text mentions, without a full JSON parse. */
export function packagePairs(text: string): string[] {
  const pairs: string[] = [];
  for (const m of text.matchAll(PACKAGE_OBJECT)) {
    const body = m[1] ?? "";
    const eco = ECOSYSTEM_FIELD.exec(body)?.[1];
    const name = NAME_FIELD.exec(body)?.[1];
    if (eco !== undefined && name !== undefined) pairs.push(eco, name);
  }
  return pairs;
}

/** (ecosystem, name) index keys a record's text mentions under "package". */
export function packageKeys(text: string): string[] {
  const pairs = packagePairs(text);
  const keys: string[] = [];
  for (let p = 0; p + 1 < pairs.length; p += 2) keys.push(rawKey(pairs[p] ?? "", pairs[p + 1] ?? ""));
  return keys;
}

function rawKey(eco: string, name: string): string {
  return indexKey(unescape(eco), unescape(name));
}

/**
 * What a scan found in one run of entries of a zip: raw pairs (or their JSON text, as the scan
 * workers send them) and, for each pair, the entry (from `base`) it came from. `indexed` lists
 * entries already in the index (the records asked about).
 */
interface Found {
  base: number;
  pairs: string[] | string;
  owners: ArrayLike<number>;
  indexed?: Set<number>;
}

function pairsOf(found: Found): string[] {
  if (typeof found.pairs !== "string") return found.pairs;
  const pairs = JSON.parse(found.pairs) as unknown;
  return Array.isArray(pairs) ? pairs.map(String) : [];
}

/** What a load is asked for: exact index keys, their looseKey()s for the scan workers, and where found records go. */
interface Wanted {
  keys: Set<string>;
  loose: Set<string>;
  visit: (key: string, location: Location, record: OsvRecord) => void;
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
  /**
   * Records that could not be read or parsed, so each is reported once. Records that could are
   * not kept: holding 20,000 of them cost the first scan more in garbage collection than reading
   * one again would cost a later question.
   */
  private readonly unreadable = new Set<Location>();
  /** The question being answered (see visitRecords); the next waits for it. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Scanned zips whose index so far holds only the records asked about when they were scanned. */
  private pending: { at: number; found: Found[] }[] = [];
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

  /** Loads (once) every source that may hold records of these ecosystems; `wanted`: looseKey()s asked about. */
  private async load(ecosystems: Set<string>, wanted: Wanted, cacheDir: string | undefined, signal?: AbortSignal): Promise<void> {
    const zips: string[] = [];
    for (const source of this.sources) {
      if (source.loaded) continue;
      if (source.ecosystem !== undefined && !ecosystems.has(source.ecosystem)) continue;
      source.loaded = true;
      if (source.kind === "zip") zips.push(source.path);
      else if (source.kind === "dir") this.loadDir(source.path, zips, signal);
      else this.loadFiles([source.path], signal);
    }
    await this.loadZips(zips, wanted, cacheDir, signal);
  }

  /** Forgets everything loaded: the next question reads its sources again. */
  private reset(): void {
    this.close();
    for (const source of this.sources) source.loaded = false;
    this.containers.length = 0;
    this.index.clear();
    this.unreadable.clear();
    this.pending = [];
  }

  /** Closes the zips it holds open (a later question, after reset(), opens them again). */
  close(): void {
    for (const c of this.containers) {
      if (c.kind !== "zip") continue;
      try {
        closeSync(c.fd);
      } catch {
        // already closed
      }
    }
  }

  private zipFd(at: number): number {
    const c = this.containers[at / SLOT];
    if (c?.kind !== "zip") throw new Error("not a zip container");
    return c.fd;
  }

  private addLocation(key: string, location: Location): void {
    const list = this.index.get(key);
    if (!list) this.index.set(key, [location]);
    else if (list[list.length - 1] !== location) list.push(location);
  }

  /** Adds what a scan found to the index, but for the entries it already holds. */
  private indexFound(at: number, found: Found): void {
    const { base, owners, indexed } = found;
    const pairs = pairsOf(found);
    for (let p = 0; p < owners.length; p++) {
      const owner = owners[p] ?? 0;
      if (indexed?.has(owner)) continue;
      this.addLocation(rawKey(pairs[2 * p] ?? "", pairs[2 * p + 1] ?? ""), at + base + owner);
    }
  }

  /** Completes the index of zips scanned for an earlier question, so any package can be asked about. */
  private completeIndex(): void {
    for (const { at, found } of this.pending) for (const f of found) this.indexFound(at, f);
    this.pending = [];
  }

  /** Indexes zips: from the cache directory when it holds their index, else by scanning them all in one pool. */
  private async loadZips(paths: string[], wanted: Wanted, cacheDir: string | undefined, signal?: AbortSignal): Promise<void> {
    const scans: { path: string; cacheFile: string | undefined; at: number; job: ScanJob; found: Found[] }[] = [];
    for (const path of paths) {
      const cacheFile = cacheDir ? indexCacheFile(cacheDir, path) : undefined;
      const cached = cacheFile ? readIndexCache(cacheFile) : undefined;
      if (cached) {
        this.loadCachedZip(path, cached, wanted.keys);
        continue;
      }
      const fd = openZip(path);
      let dir: ZipDirectory;
      try {
        dir = readCentralDirectory(fd, ".json");
      } catch (error) {
        closeSync(fd);
        throw new AdvisoriesUnavailableError(`the offline OSV database ${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (dir.count >= SLOT) {
        closeSync(fd);
        throw new AdvisoriesUnavailableError(`${path} holds more records than tollgate can index`);
      }
      const at = (this.containers.push({ kind: "zip", path, fd, dir }) - 1) * SLOT;
      scans.push({ path, cacheFile, at, job: { path, dir }, found: [] });
      this.stats.recordsScanned += dir.count;
    }
    if (scans.length === 0) return;
    const total = scans.reduce((n, s) => n + s.job.dir.count, 0);
    const threads = scanThreads(total, this.options.workerThreshold);
    if (threads > 1) {
      await scanZips(
        scans.map((s) => s.job),
        threads,
        wanted.loose,
        (chunk) => {
          const scan = scans[chunk.job];
          if (!scan) return;
          for (const b of chunk.bad) this.skipped.push(`${scan.path}!${scan.job.dir.name(chunk.base + b)}`);
          // Only the records that may be asked about are indexed and parsed now, while the workers
          // inflate the next chunks; the rest waits in `pending` for a question that needs it.
          const indexed = new Set<number>(chunk.hitOwners);
          scan.found.push({ base: chunk.base, pairs: chunk.pairsJson, owners: chunk.owners, indexed });
          const at = scan.at + chunk.base;
          const records = new Map<number, OsvRecord | null>();
          for (let h = 0; h + 1 < chunk.hits.length; h += 2) {
            const entry = Number(chunk.hits[h]);
            records.set(entry, this.parseRecord(at + entry, String(chunk.hits[h + 1])));
          }
          // Wanted records are handed over as they come, so matching runs while the workers scan.
          for (let p = 0; p < chunk.hitOwners.length; p++) {
            const entry = chunk.hitOwners[p] ?? 0;
            const key = rawKey(chunk.hitPairs[2 * p] ?? "", chunk.hitPairs[2 * p + 1] ?? "");
            this.addLocation(key, at + entry);
            const record = records.get(entry);
            if (record && wanted.keys.has(key)) wanted.visit(key, at + entry, record);
          }
        },
        signal,
      );
      for (const { at, found } of scans) this.pending.push({ at, found });
    } else {
      for (const scan of scans) {
        const fd = this.zipFd(scan.at);
        const pairs: string[] = [];
        const owners: number[] = [];
        for (let i = 0; i < scan.job.dir.count; i++) {
          if ((i & 1023) === 0) signal?.throwIfAborted();
          let text: string;
          try {
            text = readEntryAt(fd, scan.job.dir.entry(i)).toString("utf8");
          } catch {
            this.skipped.push(`${scan.path}!${scan.job.dir.name(i)}`);
            continue;
          }
          const found = packagePairs(text);
          for (let p = 0; p < found.length; p += 2) {
            pairs.push(found[p] ?? "", found[p + 1] ?? "");
            owners.push(i);
          }
        }
        const found: Found = { base: 0, pairs, owners };
        scan.found.push(found);
        this.indexFound(scan.at, found);
      }
    }
    for (const scan of scans) if (scan.cacheFile) writeIndexCache(scan.cacheFile, scan.job.dir, scan.found);
  }

  /** Warm: the index and the entry table come from the cache; records are read one by one. */
  private loadCachedZip(path: string, cached: IndexCache, wanted: Set<string>): void {
    const fd = openZip(path);
    const n = cached.offsets.length;
    const dir = new ZipDirectory(Float64Array.from(cached.offsets), Float64Array.from(cached.sizes), Uint8Array.from(cached.methods), new Float64Array(n).fill(-1), new Uint32Array(n));
    const at = (this.containers.push({ kind: "zip", path, fd, dir }) - 1) * SLOT;
    this.stats.indexCacheHits++;
    // As after a first scan: the records asked about now, the rest when a question needs them.
    const { pairs, owners } = cached;
    const indexed = new Set<number>();
    for (let p = 0; p < owners.length; p++) {
      const owner = owners[p] ?? 0;
      if (wanted.has(rawKey(pairs[2 * p] ?? "", pairs[2 * p + 1] ?? ""))) indexed.add(owner);
    }
    for (let p = 0; p < owners.length; p++) {
      const owner = owners[p] ?? 0;
      if (indexed.has(owner)) this.addLocation(rawKey(pairs[2 * p] ?? "", pairs[2 * p + 1] ?? ""), at + owner);
    }
    this.pending.push({ at, found: [{ base: 0, pairs, owners, indexed }] });
  }

  private loadDir(dir: string, zips: string[], signal?: AbortSignal): void {
    const files: string[] = [];
    const stack = [dir];
    while (stack.length > 0) {
      const current = stack.pop();
      if (current === undefined) break;
      for (const entry of readdirSync(current, { withFileTypes: true })) {
        const path = join(current, entry.name);
        if (entry.isDirectory()) stack.push(path);
        else if (entry.name.endsWith(".json")) files.push(path);
        else if (entry.name.endsWith(".zip")) zips.push(path);
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
    return c.kind === "zip" ? `${c.path}!${c.dir.name(i)}` : (c.files[i] ?? String(location));
  }

  private readRecord(location: Location): OsvRecord | null {
    if (this.unreadable.has(location)) return null;
    const c = this.containers[Math.floor(location / SLOT)];
    const i = location % SLOT;
    let text = "";
    try {
      if (c?.kind === "zip") {
        if (i < c.dir.count) text = readEntryAt(c.fd, c.dir.entry(i)).toString("utf8");
      } else if (c?.kind === "files") {
        const file = c.files[i];
        if (file) text = readFileSync(file, "utf8");
      }
    } catch {
      text = "";
    }
    return this.parseRecord(location, text);
  }

  private parseRecord(location: Location, text: string): OsvRecord | null {
    let record: OsvRecord | null;
    try {
      record = sanitizeRecord(JSON.parse(text));
    } catch {
      record = null;
    }
    this.stats.recordsParsed++;
    if (record === null && !this.unreadable.has(location)) {
      this.unreadable.add(location);
      this.skipped.push(this.describe(location));
    }
    return record;
  }

  /** Records that name any of these (ecosystem, name) pairs, keyed by indexKey, in database order. */
  async recordsFor(packages: { ecosystem: string; name: string }[], options: { cacheDir?: string; signal?: AbortSignal } = {}): Promise<Map<string, OsvRecord[]>> {
    const found = new Map<string, [Location, OsvRecord][]>();
    await this.visitRecords(
      packages,
      (key, location, record) => {
        const list = found.get(key);
        if (list) list.push([location, record]);
        else found.set(key, [[location, record]]);
      },
      options,
    );
    const out = new Map<string, OsvRecord[]>();
    for (const p of packages) {
      const key = indexKey(p.ecosystem, p.name);
      out.set(key, (found.get(key) ?? []).sort((x, y) => x[0] - y[0]).map(([, record]) => record));
    }
    return out;
  }

  /**
   * Calls `visit` once for each record naming one of these (ecosystem, name) pairs and each key
   * it names, in no particular order: during a first scan, as the workers find them. Questions
   * are answered one at a time, so two gates sharing the database never see a half-built index.
   */
  visitRecords(packages: { ecosystem: string; name: string }[], visit: (key: string, location: Location, record: OsvRecord) => void, options: { cacheDir?: string; signal?: AbortSignal } = {}): Promise<void> {
    const run = this.queue.then(() => this.visitNow(packages, visit, options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async visitNow(packages: { ecosystem: string; name: string }[], visit: (key: string, location: Location, record: OsvRecord) => void, options: { cacheDir?: string; signal?: AbortSignal }): Promise<void> {
    const keys = new Set(packages.map((p) => indexKey(p.ecosystem, p.name)));
    const seen = new Set<string>();
    const once = (key: string, location: Location, record: OsvRecord): void => {
      const id = `${location}\0${key}`;
      if (seen.has(id)) return;
      seen.add(id);
      visit(key, location, record);
    };
    const ecosystems = new Set(packages.map((p) => baseEcosystem(p.ecosystem).toLowerCase()));
    this.completeIndex();
    try {
      await this.load(ecosystems, { keys, loose: new Set(packages.map((p) => looseKey(p.ecosystem, p.name))), visit: once }, options.cacheDir, options.signal);
    } catch (error) {
      // Sources it marked loaded may be half indexed (a read error, a gate's timeout): the next
      // question starts again from nothing rather than trust this index.
      this.reset();
      throw error;
    }
    // Records from the index cache, earlier loads and loose files.
    for (const key of keys) {
      for (const location of this.index.get(key) ?? []) {
        if (seen.has(`${location}\0${key}`)) continue;
        const record = this.readRecord(location);
        if (record) once(key, location, record);
      }
    }
  }

}

function openZip(path: string): number {
  try {
    return openSync(path, "r");
  } catch (error) {
    throw new AdvisoriesUnavailableError(`the offline OSV database ${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
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
  /** Raw (still JSON-escaped) ecosystem and name, two strings per pair, and the entry of each pair. */
  pairs: string[];
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
    const { pairs, owners, offsets, sizes, methods } = data;
    if (!Array.isArray(pairs) || !Array.isArray(owners) || pairs.length !== 2 * owners.length) return undefined;
    if (!Array.isArray(offsets) || !Array.isArray(sizes) || !Array.isArray(methods) || offsets.length !== sizes.length || offsets.length !== methods.length) return undefined;
    if (!owners.every((o) => Number.isInteger(o) && o >= 0 && o < offsets.length)) return undefined;
    return { pairs, owners, offsets, sizes, methods };
  } catch {
    return undefined;
  }
}

function writeIndexCache(file: string, dir: ZipDirectory, found: Found[]): void {
  try {
    mkdirSync(join(file, ".."), { recursive: true });
    // Assembled from the scan's JSON texts rather than re-serialised pair by pair.
    const pairs: string[] = [];
    const owners: number[] = [];
    for (const f of [...found].sort((x, y) => x.base - y.base)) {
      const json = typeof f.pairs === "string" ? f.pairs : JSON.stringify(f.pairs);
      if (json.length > 2) pairs.push(json.slice(1, -1));
      for (let i = 0; i < f.owners.length; i++) owners.push(f.base + (f.owners[i] ?? 0));
    }
    const table = `"offsets":[${dir.offsets.join(",")}],"sizes":[${dir.compressedSizes.join(",")}],"methods":[${dir.methods.join(",")}]`;
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, `{"version":${INDEX_VERSION},"pairs":[${pairs.join(",")}],"owners":${JSON.stringify(owners)},${table}}`);
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
  hit?.db.close();
  const db = new OfflineDatabase(path);
  opened.set(path, { mtimeMs, db });
  return db;
}
