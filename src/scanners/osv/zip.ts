// A minimal zip reader (central directory, stored and deflated entries, zip64) so an OSV
// all.zip can be indexed entry by entry without unpacking it to disk or holding it inflated.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { inflateRawSync } from "node:zlib";

/** Reads a file into shared memory, so worker threads can scan it without a copy each. */
export function readShared(path: string): Buffer {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    const buf = Buffer.from(new SharedArrayBuffer(size));
    let done = 0;
    while (done < size) {
      const n = readSync(fd, buf, done, size - done, done);
      if (n === 0) break;
      done += n;
    }
    return buf;
  } finally {
    closeSync(fd);
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

export function readCentralDirectory(buf: Buffer): ZipEntry[] {
  const eocd = findEocd(buf);
  if (eocd === -1) throw new Error("not a zip file (no end of central directory record)");
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  // zip64: the locator sits right before the EOCD and points at the zip64 EOCD record.
  const locator = eocd - 20;
  if (locator >= 0 && buf.readUInt32LE(locator) === 0x07064b50) {
    const z64 = Number(buf.readBigUInt64LE(locator + 8));
    if (buf.readUInt32LE(z64) === 0x06064b50) {
      cdSize = Number(buf.readBigUInt64LE(z64 + 40));
      cdOffset = Number(buf.readBigUInt64LE(z64 + 48));
    }
  }
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  const end = cdOffset + cdSize;
  // The 16-bit entry count wraps above 65,535 in zips written without zip64 records, so the
  // central directory is walked to its end rather than trusted for a count.
  while (p + 46 <= end && p + 46 <= buf.length) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error("corrupt zip central directory");
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff || uncompressedSize === 0xffffffff) {
      let e = p + 46 + nameLen;
      const extraEnd = e + extraLen;
      while (e + 4 <= extraEnd) {
        const id = buf.readUInt16LE(e);
        const size = buf.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (uncompressedSize === 0xffffffff) q += 8;
          if (compressedSize === 0xffffffff) {
            compressedSize = Number(buf.readBigUInt64LE(q));
            q += 8;
          }
          if (localOffset === 0xffffffff) localOffset = Number(buf.readBigUInt64LE(q));
        }
        e += 4 + size;
      }
    }
    entries.push({ name, method, compressedSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function findEocd(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) if (buf.readUInt32LE(i) === 0x06054b50) return i;
  return -1;
}

export function readEntry(buf: Buffer, entry: ZipEntry): Buffer {
  const p = entry.localOffset;
  if (buf.readUInt32LE(p) !== 0x04034b50) throw new Error(`corrupt zip entry ${entry.name}`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method === 8) return inflateRawSync(data);
  throw new Error(`zip entry ${entry.name} uses unsupported compression method ${entry.method}`);
}

/** Reads one entry with positional reads, without the rest of the zip in memory. */
export function readEntryAt(fd: number, entry: ZipEntry): Buffer {
  const header = Buffer.alloc(30);
  if (readSync(fd, header, 0, 30, entry.localOffset) !== 30 || header.readUInt32LE(0) !== 0x04034b50) {
    throw new Error(`corrupt zip entry ${entry.name}`);
  }
  const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const data = Buffer.alloc(entry.compressedSize);
  let done = 0;
  while (done < data.length) {
    const n = readSync(fd, data, done, data.length - done, start + done);
    if (n === 0) throw new Error(`truncated zip entry ${entry.name}`);
    done += n;
  }
  if (entry.method === 0) return data;
  if (entry.method === 8) return inflateRawSync(data);
  throw new Error(`zip entry ${entry.name} uses unsupported compression method ${entry.method}`);
}
