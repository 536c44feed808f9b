// A minimal zip reader (central directory, stored and deflated entries, zip64) so an OSV
// all.zip can be indexed entry by entry without unpacking it to disk, holding it inflated, or
// even reading it whole: the central directory comes from the end of the file, entries by offset.
import { fstatSync, readSync } from "node:fs";
import { crc32, inflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
  /** Uncompressed size and CRC-32, from the central directory (absent when the table came from a cache). */
  size?: number;
  crc32?: number;
}

/** Reads `length` bytes at `position`; fewer only at the end of the file. */
export function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done === length ? buf : buf.subarray(0, done);
}

/**
 * A zip's central directory, column by column: an OSV all.zip has hundreds of thousands of
 * entries, and a few typed arrays cost far less to build (and to collect) than an object each.
 * Names are decoded only when asked for.
 */
export class ZipDirectory {
  constructor(
    readonly offsets: Float64Array,
    readonly compressedSizes: Float64Array,
    readonly methods: Uint8Array,
    /** Uncompressed sizes and CRC-32s; -1 and 0 where unknown (a table kept in a cache). */
    readonly sizes: Float64Array,
    readonly crcs: Uint32Array,
    private readonly names?: { cd: Buffer; starts: Uint32Array; lengths: Uint16Array },
  ) {}

  get count(): number {
    return this.offsets.length;
  }

  name(i: number): string {
    const start = this.names?.starts[i];
    if (!this.names || start === undefined) return `#${i}`;
    return this.names.cd.toString("utf8", start, start + (this.names.lengths[i] ?? 0));
  }

  entry(i: number): ZipEntry {
    const entry: ZipEntry = { name: this.name(i), method: this.methods[i] ?? 0, compressedSize: this.compressedSizes[i] ?? 0, localOffset: this.offsets[i] ?? 0 };
    const size = this.sizes[i] ?? -1;
    if (size >= 0) {
      entry.size = size;
      entry.crc32 = this.crcs[i] ?? 0;
    }
    return entry;
  }
}

/** The entries of the zip open as `fd` whose names end with `suffix`, from its central directory (zip64 aware). */
export function readCentralDirectory(fd: number, suffix = ""): ZipDirectory {
  const size = fstatSync(fd).size;
  // The end of central directory record (22 bytes plus a comment of up to 64 KiB) and, before it,
  // the zip64 locator (20 bytes).
  const tailStart = Math.max(0, size - (22 + 0xffff + 20));
  const tail = readAt(fd, tailStart, size - tailStart);
  const eocd = findEocd(tail);
  if (eocd === -1) throw new Error("not a zip file (no end of central directory record)");
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  const locator = eocd - 20;
  if (locator >= 0 && tail.readUInt32LE(locator) === 0x07064b50) {
    const record = readAt(fd, Number(tail.readBigUInt64LE(locator + 8)), 56);
    if (record.length === 56 && record.readUInt32LE(0) === 0x06064b50) {
      cdSize = Number(record.readBigUInt64LE(40));
      cdOffset = Number(record.readBigUInt64LE(48));
    }
  }
  if (cdOffset + cdSize > size) throw new Error("corrupt zip (central directory beyond the end of the file)");
  return parseCentralDirectory(readAt(fd, cdOffset, cdSize), Buffer.from(suffix));
}

function endsWith(cd: Buffer, end: number, length: number, suffix: Buffer): boolean {
  if (length < suffix.length) return false;
  for (let k = 1; k <= suffix.length; k++) if (cd[end - k] !== suffix[suffix.length - k]) return false;
  return true;
}

// Central directory header fields (offsets from the header's start).
const METHOD = 10;
const CRC = 16;
const COMPRESSED = 20;
const UNCOMPRESSED = 24;
const NAME_LENGTH = 28;
const EXTRA_LENGTH = 30;
const COMMENT_LENGTH = 32;
const LOCAL_OFFSET = 42;
const HEADER = 46;

function parseCentralDirectory(cd: Buffer, suffix: Buffer): ZipDirectory {
  // The 16-bit entry count wraps above 65,535 in zips written without zip64 records, so the
  // central directory is walked to its end rather than trusted for a count: once to count the
  // entries kept, once to fill the columns.
  const kept: number[] = [];
  for (let p = 0; p + HEADER <= cd.length; ) {
    if (cd.readUInt32LE(p) !== 0x02014b50) throw new Error("corrupt zip central directory");
    const nameLength = cd.readUInt16LE(p + NAME_LENGTH);
    if (endsWith(cd, p + HEADER + nameLength, nameLength, suffix)) kept.push(p);
    p += HEADER + nameLength + cd.readUInt16LE(p + EXTRA_LENGTH) + cd.readUInt16LE(p + COMMENT_LENGTH);
  }
  const n = kept.length;
  const names = { cd, starts: new Uint32Array(n), lengths: new Uint16Array(n) };
  const dir = new ZipDirectory(new Float64Array(n), new Float64Array(n), new Uint8Array(n), new Float64Array(n), new Uint32Array(n), names);
  kept.forEach((p, i) => {
    const nameLength = cd.readUInt16LE(p + NAME_LENGTH);
    let compressed = cd.readUInt32LE(p + COMPRESSED);
    let uncompressed = cd.readUInt32LE(p + UNCOMPRESSED);
    let offset = cd.readUInt32LE(p + LOCAL_OFFSET);
    if (compressed === 0xffffffff || offset === 0xffffffff || uncompressed === 0xffffffff) {
      // zip64: the real values sit in extra field 0x0001, in this order, only for those maxed out.
      let e = p + HEADER + nameLength;
      const extraEnd = Math.min(e + cd.readUInt16LE(p + EXTRA_LENGTH), cd.length);
      while (e + 4 <= extraEnd) {
        const fieldSize = cd.readUInt16LE(e + 2);
        if (cd.readUInt16LE(e) === 0x0001) {
          let q = e + 4;
          if (uncompressed === 0xffffffff) {
            uncompressed = Number(cd.readBigUInt64LE(q));
            q += 8;
          }
          if (compressed === 0xffffffff) {
            compressed = Number(cd.readBigUInt64LE(q));
            q += 8;
          }
          if (offset === 0xffffffff) offset = Number(cd.readBigUInt64LE(q));
        }
        e += 4 + fieldSize;
      }
    }
    dir.methods[i] = cd.readUInt16LE(p + METHOD);
    dir.crcs[i] = cd.readUInt32LE(p + CRC);
    dir.compressedSizes[i] = compressed;
    dir.sizes[i] = uncompressed;
    dir.offsets[i] = offset;
    names.starts[i] = p + HEADER;
    names.lengths[i] = nameLength;
  });
  return dir;
}

function findEocd(buf: Buffer): number {
  for (let i = buf.length - 22; i >= 0; i--) if (buf.readUInt32LE(i) === 0x06054b50) return i;
  return -1;
}

/** Bytes read past an entry's fixed header in the same read, for its name and extra field. */
const HEADER_SLACK = 256;

/** Reads one entry with positional reads (one, usually), without the rest of the zip in memory. */
export function readEntryAt(fd: number, entry: ZipEntry): Buffer {
  const buf = readAt(fd, entry.localOffset, 30 + HEADER_SLACK + entry.compressedSize);
  if (buf.length < 30 || buf.readUInt32LE(0) !== 0x04034b50) throw new Error(`corrupt zip entry ${entry.name}`);
  const header = 30 + buf.readUInt16LE(26) + buf.readUInt16LE(28);
  let data = buf.subarray(header, header + entry.compressedSize);
  if (data.length < entry.compressedSize) data = readAt(fd, entry.localOffset + header, entry.compressedSize);
  if (data.length < entry.compressedSize) throw new Error(`truncated zip entry ${entry.name}`);
  let out: Buffer;
  if (entry.method === 0) out = data;
  else if (entry.method === 8) out = inflateRawSync(data);
  else throw new Error(`zip entry ${entry.name} uses unsupported compression method ${entry.method}`);
  // The central directory's size and CRC-32, when known, catch data that inflates to the wrong bytes.
  if ((entry.size !== undefined && out.length !== entry.size) || (entry.crc32 !== undefined && crc32(out) !== entry.crc32)) {
    throw new Error(`zip entry ${entry.name} does not match its size or CRC-32`);
  }
  return out;
}
