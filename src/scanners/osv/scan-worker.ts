// Scans zip entries for the (ecosystem, name) pairs their OSV records affect, on worker threads:
// inflating 200,000 small entries is CPU-bound, so every core takes a share. One pool serves
// every zip of a load, chunk by chunk; each worker reads its chunk from the file itself, so the
// zip is never held whole in memory. Records of the packages asked about come back as text with
// their chunk, and the main thread parses them while the workers inflate the next chunks; the
// other pairs come back as JSON text, kept as they are for the index cache and a later question.
// The worker is plain JavaScript run with `eval` so it survives bundling into one file.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ZipDirectory } from "./zip.js";

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { closeSync, openSync, readSync } = require("node:fs");
const { gunzipSync, inflateRawSync } = require("node:zlib");
const wanted = new Set(workerData.wanted);
const HEAD = /^"package"\\s*:\\s*\\{/;
const ECO = /"ecosystem"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)"/;
const NAME = /"name"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)"/;
const SEPARATORS = /[-_.]+/g;
// Only names with a _ or . or a run of separators change under SEPARATORS.
const SEPARATOR_RUN = /[_.]|--/;
const NON_ASCII = /[^\\x00-\\x7f]/;
const NEEDLE = Buffer.from('"package"');
// A loose match (case, separators, escapes) may send back a record nobody asked for, never miss one.
function maybeWanted(eco, name) {
  if (eco.includes("\\\\") || name.includes("\\\\")) return true;
  const colon = eco.indexOf(":");
  let loose = name.toLowerCase();
  if (SEPARATOR_RUN.test(loose)) loose = loose.replace(SEPARATORS, "-");
  return wanted.has((colon === -1 ? eco : eco.slice(0, colon)).toLowerCase() + " " + loose);
}
// One read covers a chunk's entries when they lie together (as zip writers put them); an entry
// outside it, or a chunk spread too wide, is read on its own.
const BLOCK_LIMIT = 64 * 1024 * 1024;
const SLACK = 256;
function readAt(fd, position, length) {
  const buf = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return buf.subarray(0, done);
}
function entryData(fd, block, blockStart, offset, size) {
  let buf = block;
  let p = offset - blockStart;
  if (buf === null || p < 0 || p + 30 > buf.length) {
    buf = readAt(fd, offset, 30 + SLACK + size);
    p = 0;
  }
  if (buf.length < p + 30 || buf.readUInt32LE(p) !== 0x04034b50) throw new Error("bad local header");
  const header = 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (p + header + size <= buf.length) return buf.subarray(p + header, p + header + size);
  const data = readAt(fd, offset + header, size);
  if (data.length < size) throw new Error("truncated entry");
  return data;
}
// Inflating entries one call each pays for a new zlib stream per 1 KB record, more than the
// inflating itself. So a chunk's deflated entries are wrapped as members of one gzip stream (a
// 10-byte header, the raw deflate data, then the CRC-32 and size the central directory gives) and
// inflated in one call: zlib's gunzip decodes concatenated members (RFC 1952, 2.2), and checks each
// member's CRC. The output is cut at the sizes the central directory gives; when anything does not
// add up (a bad entry, a wrong size or CRC), the chunk falls back to one call per entry.
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
const OUTPUT_CHUNK_LIMIT = 16 * 1024 * 1024;
function inflateBatch(raws, lengths, crcs) {
  let inLength = 0;
  let outLength = 0;
  for (let k = 0; k < raws.length; k++) {
    inLength += raws[k].length + 18;
    outLength += lengths[k];
  }
  if (raws.length === 0 || !Number.isSafeInteger(outLength)) return null;
  const gz = Buffer.allocUnsafe(inLength);
  let o = 0;
  for (let k = 0; k < raws.length; k++) {
    gz.set(GZIP_HEADER, o);
    gz.set(raws[k], o + 10);
    o += 10 + raws[k].length;
    gz.writeUInt32LE(crcs[k] >>> 0, o);
    gz.writeUInt32LE(lengths[k] % 4294967296, o + 4);
    o += 8;
  }
  let out;
  try {
    out = gunzipSync(gz, { chunkSize: Math.max(64, Math.min(outLength + 1, OUTPUT_CHUNK_LIMIT)) });
  } catch {
    return null;
  }
  if (out.length !== outLength) return null;
  const parts = new Array(raws.length);
  let q = 0;
  for (let k = 0; k < raws.length; k++) {
    parts[k] = out.subarray(q, q + lengths[k]);
    q += lengths[k];
  }
  return parts;
}
parentPort.on("message", ({ job, base, path, offsets, sizes, methods, lengths, crcs }) => {
  const pairs = [];
  const owners = [];
  const bad = [];
  const hits = [];
  const hitPairs = [];
  const hitOwners = [];
  let fd;
  try {
    fd = openSync(path, "r");
  } catch {
    for (let i = 0; i < offsets.length; i++) bad.push(i);
    parentPort.postMessage({ job, base, pairsJson: "[]", owners: new Int32Array(0), bad, hits, hitPairs: [], hitOwners: new Int32Array(0) });
    return;
  }
  try {
    let lo = Infinity;
    let hi = 0;
    for (let i = 0; i < offsets.length; i++) {
      lo = Math.min(lo, offsets[i]);
      hi = Math.max(hi, offsets[i] + 30 + SLACK + sizes[i]);
    }
    const block = offsets.length > 0 && hi - lo <= BLOCK_LIMIT ? readAt(fd, lo, hi - lo) : null;
    // Raw entry data first, then all deflated entries inflated together.
    const datas = new Array(offsets.length);
    const batch = [];
    for (let i = 0; i < offsets.length; i++) {
      try {
        const raw = entryData(fd, block, lo, offsets[i], sizes[i]);
        if (methods[i] === 0) datas[i] = raw;
        else if (methods[i] === 8) {
          datas[i] = raw;
          if (lengths[i] >= 0) batch.push(i);
        } else throw new Error("unsupported method");
      } catch {
        datas[i] = null;
      }
    }
    const inflated = batch.length === 0 ? null : inflateBatch(batch.map((i) => datas[i]), batch.map((i) => lengths[i]), batch.map((i) => crcs[i]));
    for (let k = 0; k < batch.length; k++) {
      const i = batch[k];
      // A chunk that does not inflate as a whole is redone entry by entry, each still checked.
      datas[i] = inflated ? inflated[k] : (inflateBatch([datas[i]], [lengths[i]], [crcs[i]]) ?? [null])[0];
    }
    for (let i = 0; i < offsets.length; i++) {
      let data = datas[i];
      if (data !== null && methods[i] === 8 && !(lengths[i] >= 0)) {
        try {
          data = inflateRawSync(data);
        } catch {
          data = null;
        }
      }
      if (data === null) {
        bad.push(i);
        continue;
      }
      // A byte search finds the small "package": {...} objects; only they are decoded (as Latin-1,
      // one character per byte, unless they hold non-ASCII bytes), never the whole record.
      let hit = false;
      for (let from = data.indexOf(NEEDLE); from !== -1; from = data.indexOf(NEEDLE, from + 9)) {
        const close = data.indexOf(125, from);
        if (close === -1) break;
        let body = data.latin1Slice(from, close + 1);
        if (!HEAD.test(body)) continue;
        if (NON_ASCII.test(body)) body = data.toString("utf8", from, close + 1);
        const eco = ECO.exec(body);
        const name = NAME.exec(body);
        if (eco && name) {
          pairs.push(eco[1], name[1]);
          owners.push(i);
          if (!hit) hit = maybeWanted(eco[1], name[1]);
        }
      }
      if (hit) {
        hits.push(i, data.toString("utf8"));
        for (let p = owners.length - 1; p >= 0 && owners[p] === i; p--) {
          hitPairs.push(pairs[2 * p], pairs[2 * p + 1]);
          hitOwners.push(i);
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  // The pairs go back as JSON text: one string is cheap to pass, and it is what the index cache keeps.
  parentPort.postMessage({ job, base, pairsJson: JSON.stringify(pairs), owners: Int32Array.from(owners), bad, hits, hitPairs, hitOwners: Int32Array.from(hitOwners) });
});
`;

export interface ScanJob {
  path: string;
  dir: ZipDirectory;
}

export interface ScanChunk {
  /** Which job (zip) and the index of the chunk's first entry in that job's entries. */
  job: number;
  base: number;
  /** JSON text of the raw (still JSON-escaped) ecosystem and name strings, two per pair. */
  pairsJson: string;
  /** For each pair, the index (relative to base) of the entry it came from. */
  owners: Int32Array;
  /** Entries (relative to base) that could not be read. */
  bad: number[];
  /** Entry index (relative to base) then record text, for records that may name a wanted package. */
  hits: (number | string)[];
  /** The pairs of those records (two strings each) and the entry of each. */
  hitPairs: string[];
  hitOwners: Int32Array;
}

/** The loose form of a package the workers compare: base ecosystem and name in lower case, runs of - _ . in the name as one -. */
export function looseKey(ecosystem: string, name: string): string {
  return `${(ecosystem.split(":")[0] ?? "").toLowerCase()} ${name.toLowerCase().replace(/[-_.]+/g, "-")}`;
}

/** Below this many entries, starting workers costs more than it saves. */
export const WORKER_THRESHOLD = 8192;

/** Entries per message: small enough to keep every worker busy to the end, big enough to be cheap. */
const CHUNK = 4096;

export function scanThreads(entries: number, threshold = WORKER_THRESHOLD): number {
  return entries < threshold ? 1 : Math.max(2, Math.min(4, availableParallelism()));
}

/**
 * Scans every entry of every job on `threads` workers. `onChunk` runs on the main thread as each
 * chunk finishes, in no particular order; `wanted` holds looseKey()s of the packages asked about.
 */
export async function scanZips(jobs: ScanJob[], threads: number, wanted: Iterable<string>, onChunk: (chunk: ScanChunk) => void, signal?: AbortSignal): Promise<void> {
  const queue: { job: number; base: number; end: number }[] = [];
  jobs.forEach((job, j) => {
    for (let base = 0; base < job.dir.count; base += CHUNK) queue.push({ job: j, base, end: Math.min(base + CHUNK, job.dir.count) });
  });
  if (queue.length === 0) return;
  const workerData = { wanted: [...new Set(wanted)] };
  const workers: Worker[] = [];
  const stop = (): void => {
    for (const w of workers) void w.terminate();
  };
  signal?.addEventListener("abort", stop, { once: true });
  try {
    await new Promise<void>((resolve, reject) => {
      let pending = queue.length;
      const feed = (worker: Worker): void => {
        const next = queue.shift();
        if (!next) return;
        const t = jobs[next.job]?.dir;
        if (!t) return;
        const { base, end } = next;
        worker.postMessage({
          job: next.job,
          base,
          path: jobs[next.job]?.path,
          offsets: t.offsets.slice(base, end),
          sizes: t.compressedSizes.slice(base, end),
          methods: t.methods.slice(base, end),
          // -1: size unknown, inflated on its own.
          lengths: t.sizes.slice(base, end),
          crcs: t.crcs.slice(base, end),
        });
      };
      for (let t = 0; t < Math.min(threads, queue.length); t++) {
        // tollgate-ignore sast/js-worker-eval: WORKER_SOURCE is a constant of this module, never input
        const worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
        workers.push(worker);
        worker.on("message", (chunk: ScanChunk) => {
          feed(worker);
          try {
            onChunk(chunk);
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
            return;
          }
          if (--pending === 0) resolve();
        });
        worker.once("error", reject);
        worker.once("exit", (code) => {
          if (pending > 0) reject(signal?.aborted ? signal.reason : new Error(`zip scan worker stopped with code ${code}`));
        });
        feed(worker);
      }
    });
    signal?.throwIfAborted();
  } finally {
    signal?.removeEventListener("abort", stop);
    stop();
  }
}
