// The online advisory source: OSV's /v1/querybatch (which ids affect each package version) and
// /v1/vulns/{id} (the records), batched, retried, time-limited and cached on disk with a TTL,
// so a re-run within the TTL does no network round trip at all.
// https://google.github.io/osv.dev/api/
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { sanitizeRecord } from "./record.js";
import { AdvisoriesUnavailableError, type OsvRecord, type PackageRef } from "./types.js";

export const DEFAULT_OSV_URL = "https://api.osv.dev";
/** The API accepts at most 1000 queries per batch. */
const BATCH = 1000;
const FETCH_CONCURRENCY = 8;

export interface OnlineOptions {
  url?: string;
  timeoutMs?: number;
  ttlMs?: number;
  cacheDir: string;
  signal?: AbortSignal;
  /** Attempts per request (default 3) and the first back-off delay (default 500 ms, doubling). */
  attempts?: number;
  backoffMs?: number;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

export interface OnlineStats {
  requests: number;
  cacheHits: number;
}

interface Cached<T> {
  fetchedAt: number;
  value: T;
}

export class OsvOnline {
  private readonly base: string;
  private readonly dir: string;
  private readonly ttlMs: number;
  private readonly timeoutMs: number;
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly fetchImpl: typeof fetch;
  readonly stats: OnlineStats = { requests: 0, cacheHits: 0 };
  private readonly madeDirs = new Set<string>();

  constructor(private readonly options: OnlineOptions) {
    this.base = (options.url ?? DEFAULT_OSV_URL).replace(/\/+$/, "").replace(/\/v1$/, "");
    this.dir = join(options.cacheDir, "osv", createHash("sha256").update(this.base).digest("hex").slice(0, 16));
    this.ttlMs = options.ttlMs ?? 6 * 3_600_000;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.attempts = Math.max(1, options.attempts ?? 3);
    this.backoffMs = options.backoffMs ?? 500;
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** Records of the advisories affecting each package, keyed by the package's position. */
  async recordsFor(packages: PackageRef[]): Promise<Map<number, OsvRecord[]>> {
    const ids = await this.queryIds(packages);
    const unique = [...new Set([...ids.values()].flat())];
    const records = new Map<string, OsvRecord>();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < unique.length) {
        const id = unique[next++];
        if (id === undefined) break;
        const record = await this.vuln(id);
        if (record) records.set(id, record);
      }
    };
    await Promise.all(Array.from({ length: Math.min(FETCH_CONCURRENCY, unique.length) }, worker));
    const out = new Map<number, OsvRecord[]>();
    for (const [i, list] of ids) out.set(i, list.map((id) => records.get(id)).filter((r): r is OsvRecord => r !== undefined));
    return out;
  }

  private queryKey(p: PackageRef): string {
    return createHash("sha256").update(`${p.ecosystem}\0${p.name}\0${p.version}`).digest("hex");
  }

  /** Advisory ids per package: from the cache when fresh, else from /v1/querybatch. */
  private async queryIds(packages: PackageRef[]): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>();
    const missing: number[] = [];
    await Promise.all(
      packages.map(async (p, i) => {
        const hit = await this.readCache<string[]>(join(this.dir, "query", `${this.queryKey(p)}.json`));
        if (hit) {
          this.stats.cacheHits++;
          out.set(i, hit);
        } else missing.push(i);
      }),
    );
    missing.sort((a, b) => a - b);
    for (let start = 0; start < missing.length; start += BATCH) {
      const chunk = missing.slice(start, start + BATCH);
      const found = new Map<number, Set<string>>(chunk.map((i) => [i, new Set<string>()]));
      let pending: { index: number; token?: string }[] = chunk.map((index) => ({ index }));
      // Pages: a result with next_page_token is asked again with that token until none is left.
      while (pending.length > 0) {
        const body = {
          queries: pending.map(({ index, token }) => {
            const p = packages[index] as PackageRef;
            return { package: { ecosystem: p.ecosystem, name: p.name }, version: p.version, ...(token ? { page_token: token } : {}) };
          }),
        };
        const response = await this.request("POST", "/v1/querybatch", body);
        const results = (response as { results?: unknown }).results;
        if (!Array.isArray(results) || results.length !== pending.length) {
          throw new AdvisoriesUnavailableError(`OSV querybatch answered ${Array.isArray(results) ? results.length : "no"} results for ${pending.length} queries`);
        }
        const again: { index: number; token?: string }[] = [];
        results.forEach((result: unknown, k) => {
          const q = pending[k];
          if (!q) return;
          const r = (result ?? {}) as { vulns?: unknown; next_page_token?: unknown };
          for (const v of Array.isArray(r.vulns) ? r.vulns : []) {
            const id = (v as { id?: unknown }).id;
            if (typeof id === "string") found.get(q.index)?.add(id);
          }
          if (typeof r.next_page_token === "string" && r.next_page_token !== "") again.push({ index: q.index, token: r.next_page_token });
        });
        pending = again;
      }
      await Promise.all(
        [...found].map(async ([i, set]) => {
          const list = [...set].sort();
          out.set(i, list);
          await this.writeCache(join(this.dir, "query", `${this.queryKey(packages[i] as PackageRef)}.json`), list);
        }),
      );
    }
    return out;
  }

  private async vuln(id: string): Promise<OsvRecord | undefined> {
    const file = join(this.dir, "vulns", `${id.replace(/[^A-Za-z0-9._-]/g, "_")}.json`);
    const hit = await this.readCache<unknown>(file);
    if (hit) {
      this.stats.cacheHits++;
      return sanitizeRecord(hit) ?? undefined;
    }
    const body = await this.request("GET", `/v1/vulns/${encodeURIComponent(id)}`);
    const record = sanitizeRecord(body);
    if (!record) throw new AdvisoriesUnavailableError(`OSV answered an invalid record for ${id}`);
    await this.writeCache(file, body);
    return record;
  }

  private async request(method: "GET" | "POST", path: string, body?: unknown): Promise<unknown> {
    let lastError = "";
    for (let attempt = 0; attempt < this.attempts; attempt++) {
      this.options.signal?.throwIfAborted();
      if (attempt > 0) await sleep(this.backoffMs * 2 ** (attempt - 1), this.options.signal);
      const timeout = AbortSignal.timeout(this.timeoutMs);
      const signal = this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout;
      this.stats.requests++;
      try {
        const init: RequestInit = { method, signal, headers: { accept: "application/json" } };
        if (body !== undefined) {
          init.body = JSON.stringify(body);
          init.headers = { accept: "application/json", "content-type": "application/json" };
        }
        const res = await this.fetchImpl(`${this.base}${path}`, init);
        if (res.ok) return (await res.json()) as unknown;
        lastError = `HTTP ${res.status} from ${method} ${path}`;
        await res.body?.cancel();
        // 4xx other than 408/429 will not get better by asking again.
        if (res.status < 500 && res.status !== 408 && res.status !== 429) break;
      } catch (error) {
        if (this.options.signal?.aborted) throw error;
        lastError = timeout.aborted ? `no answer within ${this.timeoutMs} ms from ${method} ${path}` : describe(error);
      }
    }
    throw new AdvisoriesUnavailableError(`the OSV API at ${this.base} is unavailable: ${lastError}`);
  }

  private async readCache<T>(file: string): Promise<T | undefined> {
    try {
      const cached = JSON.parse(await readFile(file, "utf8")) as Cached<T>;
      if (typeof cached.fetchedAt !== "number" || Date.now() - cached.fetchedAt > this.ttlMs) return undefined;
      return cached.value;
    } catch {
      return undefined;
    }
  }

  private async writeCache(file: string, value: unknown): Promise<void> {
    try {
      const dir = join(file, "..");
      if (!this.madeDirs.has(dir)) {
        await mkdir(dir, { recursive: true });
        this.madeDirs.add(dir);
      }
      const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(tmp, JSON.stringify({ fetchedAt: Date.now(), value }));
      await rename(tmp, file); // atomic: a concurrent run never reads half a file
    } catch {
      // a cache that cannot be written only costs speed
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason instanceof Error ? signal.reason : new Error("aborted"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
