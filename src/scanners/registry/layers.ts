// Walks a layer blob as a stream: sniffs the compression (gzip via zlib, zstd via fzstd, or plain
// tar), reads tar entries with tar-stream and hands the wanted files over in memory. Nothing is
// written to disk; limits on bytes, files and decompression ratio stop a hostile or huge layer.
import { PassThrough, Readable, Transform, pipeline, type TransformCallback } from "node:stream";
import * as zlib from "node:zlib";
import { Decompress } from "fzstd";
import { extract } from "tar-stream";

export interface LayerLimits {
  /** Uncompressed bytes read per image. */
  maxTotalBytes: number;
  /** Tar entries read per image. */
  maxFiles: number;
  /** Uncompressed / compressed bytes above which the image is treated as a decompression bomb. */
  maxRatio: number;
  /** Files larger than this are not read into memory (still counted). */
  maxFileBytes: number;
}

/** Totals for one image, shared across its layers. */
export interface WalkState {
  compressedBytes: number;
  uncompressedBytes: number;
  files: number;
}

export class LimitExceeded extends Error {}

export interface LayerEntryVisitor {
  /** Whether to read this regular file into memory. */
  want(path: string, size: number): boolean;
  onFile(path: string, content: Buffer): void;
  /** A whiteout: `path` (file or directory) is deleted from the lower layers. */
  onWhiteout?(path: string, opaque: boolean): void;
}

export type Compression = "gzip" | "zstd" | "tar";

export function sniffCompression(head: Uint8Array): Compression {
  if (head[0] === 0x1f && head[1] === 0x8b) return "gzip";
  if (head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) return "zstd";
  return "tar";
}

/** fzstd's streaming decoder as a Node Transform. */
class ZstdDecoder extends Transform {
  private readonly decoder = new Decompress((chunk) => {
    // fzstd may reuse its window buffer: copy before handing the bytes downstream.
    this.push(Buffer.from(chunk));
  });

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.decoder.push(chunk);
      callback();
    } catch (err) {
      callback(err instanceof Error ? err : new Error(String(err)));
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.decoder.push(new Uint8Array(0), true);
      callback();
    } catch (err) {
      callback(err instanceof Error ? err : new Error(String(err)));
    }
  }
}

const RATIO_FLOOR = 16 * 1024 * 1024;

/** Output chunk of the decoders: zlib's 16 KB default costs about 4x the CPU on layer-sized data. */
const DECODE_CHUNK = 256 * 1024;

/** Node's own zstd decoder where it has one (22.15+), else fzstd in JavaScript. */
function zstdDecoder(): Transform {
  const native = (zlib as { createZstdDecompress?: (options?: { chunkSize?: number }) => Transform }).createZstdDecompress;
  return native ? native({ chunkSize: DECODE_CHUNK }) : new ZstdDecoder();
}

function meter(state: WalkState, limits: LayerLimits): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      state.uncompressedBytes += chunk.length;
      if (state.uncompressedBytes > limits.maxTotalBytes) {
        callback(new LimitExceeded(`more than ${Math.round(limits.maxTotalBytes / 1048576)} MB of uncompressed layer data`));
        return;
      }
      if (state.uncompressedBytes > RATIO_FLOOR && state.uncompressedBytes > limits.maxRatio * Math.max(1, state.compressedBytes)) {
        callback(new LimitExceeded(`decompression ratio above ${limits.maxRatio}:1 (a decompression bomb, or limits too tight)`));
        return;
      }
      callback(null, chunk);
    },
  });
}

/** Normalised tar path: no leading "./" or "/". */
export function entryPath(name: string): string {
  return name.replace(/^(?:\.\/|\/)+/, "").replace(/\/+$/, "");
}

/** Reads one layer; throws LimitExceeded when a limit is hit, and any decoding error as is. */
export async function walkLayer(
  body: AsyncIterable<Uint8Array>,
  options: { limits: LayerLimits; state: WalkState; signal: AbortSignal; visitor: LayerEntryVisitor },
): Promise<void> {
  const { limits, state, signal, visitor } = options;
  const iterator = body[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const head = first.value;
  const compression = sniffCompression(head);
  async function* counted(): AsyncGenerator<Uint8Array> {
    state.compressedBytes += head.length;
    yield head;
    for (;;) {
      if (signal.aborted) throw new Error("stopped: the gate was cancelled");
      const next = await iterator.next();
      if (next.done) return;
      state.compressedBytes += next.value.length;
      yield next.value;
    }
  }
  const source = Readable.from(counted(), { objectMode: false });
  const decoder = compression === "gzip" ? zlib.createGunzip({ chunkSize: DECODE_CHUNK }) : compression === "zstd" ? zstdDecoder() : new PassThrough();
  const tarStream = extract();
  const decoded = pipeline(source, decoder, meter(state, limits), (err) => {
    if (err) tarStream.destroy(err);
  });
  decoded.pipe(tarStream);
  try {
    for await (const entry of tarStream) {
      state.files++;
      if (state.files > limits.maxFiles) throw new LimitExceeded(`more than ${limits.maxFiles} files in the image's layers`);
      const header = entry.header;
      const path = entryPath(header.name);
      const slash = path.lastIndexOf("/");
      const base = path.slice(slash + 1);
      if (base.startsWith(".wh.")) {
        const dir = slash >= 0 ? path.slice(0, slash) : "";
        if (base === ".wh..wh..opq") visitor.onWhiteout?.(dir, true);
        else visitor.onWhiteout?.(dir ? `${dir}/${base.slice(4)}` : base.slice(4), false);
        entry.resume();
        continue;
      }
      if ((header.type === "file" || header.type === "contiguous-file") && header.size <= limits.maxFileBytes && visitor.want(path, header.size)) {
        const chunks: Buffer[] = [];
        for await (const chunk of entry as AsyncIterable<Buffer>) chunks.push(chunk);
        visitor.onFile(path, chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks));
      } else {
        entry.resume();
      }
    }
  } finally {
    decoded.destroy();
    source.destroy();
    await iterator.return?.();
  }
}
