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

/** The entries of the zip open as `fd`, from its central directory (zip64 aware). */
export function readCentralDirectory(fd: number): ZipEntry[] {
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
  return parseCentralDirectory(readAt(fd, cdOffset, cdSize));
}

function parseCentralDirectory(cd: Buffer): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let p = 0;
  // The 16-bit entry count wraps above 65,535 in zips written without zip64 records, so the
  // central directory is walked to its end rather than trusted for a count.
  while (p + 46 <= cd.length) {
    if (cd.readUInt32LE(p) !== 0x02014b50) throw new Error("corrupt zip central directory");
    const method = cd.readUInt16LE(p + 10);
    const crc32 = cd.readUInt32LE(p + 16);
    let compressedSize = cd.readUInt32LE(p + 20);
    const uncompressedSize = cd.readUInt32LE(p + 24);
    let size: number = uncompressedSize;
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    let localOffset = cd.readUInt32LE(p + 42);
    const name = cd.toString("utf8", p + 46, p + 46 + nameLen);
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff || uncompressedSize === 0xffffffff) {
      let e = p + 46 + nameLen;
      const extraEnd = Math.min(e + extraLen, cd.length);
      while (e + 4 <= extraEnd) {
        const id = cd.readUInt16LE(e);
        const fieldSize = cd.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (uncompressedSize === 0xffffffff) {
            size = Number(cd.readBigUInt64LE(q));
            q += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = Number(cd.readBigUInt64LE(q));
            q += 8;
          }
          if (localOffset === 0xffffffff) localOffset = Number(cd.readBigUInt64LE(q));
        }
        e += 4 + fieldSize;
      }
    }
    entries.push({ name, method, compressedSize, localOffset, size, crc32 });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
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
