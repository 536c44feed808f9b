// Streaming layer walker: gzip, zstd and plain tar layers read in memory; whiteouts; and the
// limits that stop decompression bombs, oversized layers and file floods.
import { describe, expect, it } from "@jest/globals";
import { gzipSync } from "node:zlib";
import { LimitExceeded, sniffCompression, walkLayer, type LayerLimits, type WalkState } from "../../../src/scanners/registry/layers.js";
import { tarOf, zstdStored } from "./registry-server.js";

const LIMITS: LayerLimits = { maxTotalBytes: 256 * 1024 * 1024, maxFiles: 10_000, maxRatio: 100, maxFileBytes: 1024 * 1024 };

async function* chunks(data: Buffer, size = 65_536): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

async function walk(blob: Buffer, limits: LayerLimits = LIMITS, want: (path: string) => boolean = () => true) {
  const state: WalkState = { compressedBytes: 0, uncompressedBytes: 0, files: 0 };
  const files = new Map<string, string>();
  const whiteouts: string[] = [];
  await walkLayer(chunks(blob), {
    limits,
    state,
    signal: new AbortController().signal,
    visitor: {
      want,
      onFile: (path, content) => files.set(path, content.toString("utf8")),
      onWhiteout: (path, opaque) => whiteouts.push(opaque ? `${path}/*` : path),
    },
  });
  return { files, whiteouts, state };
}

const FILES = {
  "./etc/": "",
  "./etc/os-release": "ID=alpine\nVERSION_ID=3.19.1\n",
  "app/config.json": '{"a":1}',
  "app/.wh.old-secret.env": "",
  "var/cache/.wh..wh..opq": "",
};

describe("walkLayer", () => {
  it.each([
    ["gzip", (tar: Buffer) => gzipSync(tar)],
    ["zstd", (tar: Buffer) => zstdStored(tar)],
    ["tar", (tar: Buffer) => tar],
  ] as const)("reads a %s layer's files and whiteouts in memory", async (kind, encode) => {
    const tar = await tarOf(FILES);
    const blob = encode(tar);
    expect(sniffCompression(blob)).toBe(kind);
    const { files, whiteouts, state } = await walk(blob);
    expect([...files.keys()].sort()).toEqual(["app/config.json", "etc/os-release"]);
    expect(files.get("etc/os-release")).toContain("VERSION_ID=3.19.1");
    expect(whiteouts.sort()).toEqual(["app/old-secret.env", "var/cache/*"]);
    expect(state.compressedBytes).toBe(blob.length);
    expect(state.uncompressedBytes).toBe(tar.length);
    expect(state.files).toBe(5);
  });

  it("reads a zstd layer spanning several blocks", async () => {
    const big = "line of text\n".repeat(40_000);
    const { files } = await walk(zstdStored(await tarOf({ "big.txt": big })));
    expect(files.get("big.txt")).toBe(big);
  });

  it("skips files the visitor does not want and files over the size limit", async () => {
    const tar = await tarOf({ "a.txt": "a", "b.txt": "b", "large.txt": "x".repeat(5000) });
    const { files, state } = await walk(gzipSync(tar), { ...LIMITS, maxFileBytes: 1000 }, (p) => p !== "b.txt");
    expect([...files.keys()]).toEqual(["a.txt"]);
    expect(state.files).toBe(3);
  });

  it("stops a decompression bomb by its ratio", async () => {
    const tar = await tarOf({ "zeros.bin": Buffer.alloc(24 * 1024 * 1024) });
    const bomb = gzipSync(tar, { level: 9 });
    expect(tar.length / bomb.length).toBeGreaterThan(500);
    await expect(walk(bomb)).rejects.toThrow(LimitExceeded);
    await expect(walk(bomb)).rejects.toThrow(/decompression ratio above 100:1/);
  });

  it("stops at the total byte limit", async () => {
    const tar = await tarOf({ "a.bin": Buffer.alloc(3 * 1024 * 1024, 7) });
    await expect(walk(gzipSync(tar), { ...LIMITS, maxTotalBytes: 1024 * 1024, maxRatio: 1e9 })).rejects.toThrow(/more than 1 MB of uncompressed layer data/);
  });

  it("stops at the file count limit", async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 50; i++) many[`f${i}.txt`] = String(i);
    await expect(walk(gzipSync(await tarOf(many)), { ...LIMITS, maxFiles: 20 })).rejects.toThrow(/more than 20 files/);
  });

  it("rejects a corrupt layer instead of hanging", async () => {
    const blob = gzipSync(await tarOf({ "a.txt": "hello" }));
    const corrupt = Buffer.concat([blob.subarray(0, 10), Buffer.alloc(200, 0xff)]);
    await expect(walk(corrupt)).rejects.toThrow();
  });

  it("treats an empty blob as an empty layer", async () => {
    const { files, state } = await walk(Buffer.alloc(0));
    expect(files.size).toBe(0);
    expect(state.files).toBe(0);
  });
});
