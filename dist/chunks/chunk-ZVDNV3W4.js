#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  listFiles
} from "./chunk-ZRGI7UBK.js";
import {
  require_picomatch
} from "./chunk-CY7KP3J2.js";
import {
  toPosix
} from "./chunk-NQDPYFAW.js";
import {
  __toESM
} from "./chunk-2GVBCIT7.js";

// src/scanners/coverage/repo-paths.ts
import { isAbsolute, posix, relative, resolve } from "node:path";
function reportBases(reportPath) {
  const bases = [];
  let dir = posix.dirname(toPosix(reportPath));
  while (dir !== "." && dir !== "/" && dir !== "") {
    bases.push(dir);
    dir = posix.dirname(dir);
  }
  return bases;
}
var RepoPaths = class _RepoPaths {
  constructor(root, files) {
    this.root = root;
    this.files = new Set(files);
    for (const file of files) {
      const base = posix.basename(file);
      const list = this.byBase.get(base);
      if (list) list.push(file);
      else this.byBase.set(base, [file]);
    }
  }
  root;
  files;
  byBase = /* @__PURE__ */ new Map();
  cache = /* @__PURE__ */ new Map();
  /** The repository's files (git ls-files when in git, else a walk honouring .gitignore). */
  static async load(root, signal) {
    let files = [];
    try {
      files = await listFiles(root, { signal });
    } catch {
    }
    return new _RepoPaths(root, files);
  }
  has(path) {
    return this.files.has(path);
  }
  /**
   * The repository-relative path for `reported`, trying in turn: an absolute path under the root,
   * the path joined to each base folder (repository-relative), the path itself, and finally the
   * repository file that shares the longest path suffix with it. Undefined when the file is
   * outside the repository or cannot be told apart from another.
   */
  resolve(reported, bases = []) {
    const cacheKey = `${reported}\0${bases.join("\0")}`;
    if (this.cache.has(cacheKey)) return this.cache.get(cacheKey);
    const result = this.resolveUncached(reported, bases);
    this.cache.set(cacheKey, result);
    return result;
  }
  resolveUncached(reported, bases) {
    let path = toPosix(reported.trim()).replace(/^file:\/\//, "");
    if (path === "") return void 0;
    const windows = /^[A-Za-z]:\//.test(path);
    if (isAbsolute(path) && !windows) {
      const rel = toPosix(relative(this.root, resolve(path)));
      if (rel !== "" && !rel.startsWith("../") && rel !== ".." && !isAbsolute(rel)) return rel;
      return this.bySuffix(path);
    }
    if (!windows) {
      path = posix.normalize(path).replace(/^\.\//, "");
      if (path === "" || path === "." || path.endsWith("/")) return void 0;
      for (const base of bases) {
        const joined = posix.normalize(posix.join(toPosix(base), path));
        if (this.files.has(joined)) return joined;
      }
      if (this.files.has(path)) return path;
    }
    const suffix = this.bySuffix(path);
    if (suffix !== void 0) return suffix;
    if (windows || path.startsWith("../") || path === ".." || path === "." || path.endsWith("/")) return void 0;
    return path;
  }
  /** The repository file sharing the longest run of trailing path segments; ties on a bare file name are refused. */
  bySuffix(path) {
    const segments = path.split("/").filter((s) => s !== "" && s !== ".");
    const name = segments.at(-1);
    if (name === void 0) return void 0;
    const candidates = this.byBase.get(name);
    if (!candidates) return void 0;
    let best;
    let bestScore = 0;
    let tie = false;
    for (const candidate of candidates) {
      const parts = candidate.split("/");
      let score = 0;
      while (score < parts.length && score < segments.length && parts[parts.length - 1 - score] === segments[segments.length - 1 - score]) score++;
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
        tie = false;
      } else if (score === bestScore) {
        tie = true;
      }
    }
    return tie ? void 0 : best;
  }
};

// src/gates/tests/report-files.ts
var import_picomatch = __toESM(require_picomatch(), 1);
import { readdir, stat } from "node:fs/promises";
import { isAbsolute as isAbsolute2, join, relative as relative2 } from "node:path";
var SKIPPED_DIRS = /* @__PURE__ */ new Set([".git", "node_modules"]);
async function findReports(root, patterns, options = {}) {
  const found = /* @__PURE__ */ new Map();
  const unmatched = [];
  const excluded = options.exclude && options.exclude.length > 0 ? (0, import_picomatch.default)([...options.exclude], { dot: true }) : () => false;
  const walked = /* @__PURE__ */ new Map();
  for (const raw of patterns) {
    options.signal?.throwIfAborted();
    const pattern = toPosix(raw).replace(/^\.\//, "");
    const scan = import_picomatch.default.scan(pattern);
    let matches = [];
    if (!scan.isGlob) {
      const absolute = isAbsolute2(pattern) ? pattern : join(root, pattern);
      const rel = toPosix(relative2(root, absolute));
      const path = rel.startsWith("../") || isAbsolute2(rel) ? toPosix(absolute) : rel;
      try {
        const info = await stat(absolute);
        if (info.isFile()) matches = [{ path, absolute, mtimeMs: info.mtimeMs }];
      } catch {
      }
    } else {
      const base = scan.base;
      let files = walked.get(base);
      if (!files) {
        files = await walk(root, base, options.signal);
        walked.set(base, files);
      }
      const isMatch = (0, import_picomatch.default)(pattern, { dot: true });
      for (const path of files) {
        if (!isMatch(path) || found.has(path)) continue;
        try {
          const absolute = join(root, path);
          matches.push({ path, absolute, mtimeMs: (await stat(absolute)).mtimeMs });
        } catch {
        }
      }
      if (matches.length === 0) matches = [...found.values()].filter((f) => isMatch(f.path));
    }
    matches = matches.filter((m) => !excluded(m.path));
    if (matches.length === 0) unmatched.push(raw);
    for (const m of matches) found.set(m.path, m);
  }
  const reports = [...found.values()].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { reports, unmatched };
}
async function walk(root, base, signal) {
  const out = [];
  async function visit(rel) {
    signal?.throwIfAborted();
    let entries;
    try {
      entries = await readdir(join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) await visit(path);
      } else if (entry.isFile()) {
        out.push(path);
      }
    }
  }
  await visit(base);
  return out;
}

// src/scanners/junit/xml-stream.ts
import { createReadStream } from "node:fs";
import { TextDecoder } from "node:util";
import { SaxesParser } from "saxes";
var ReportFileError = class extends Error {
  constructor(message, kind) {
    super(message);
    this.kind = kind;
  }
  kind;
  name = "ReportFileError";
};
var CHUNK = 1 << 20;
function checkDoctype(doctype) {
  if (/<!ENTITY/i.test(doctype)) {
    throw new ReportFileError(
      "the file declares XML entities in its DOCTYPE (an entity-expansion or external-entity attack pattern); tollgate never expands or fetches entities, so it refuses the file",
      "hostile"
    );
  }
}
function pickDecoder(head) {
  if (head[0] === 255 && head[1] === 254 || head[0] === 254 && head[1] === 255) {
    throw new ReportFileError("the file is encoded in UTF-16; write the report as UTF-8", "encoding");
  }
  const start = Buffer.from(head.subarray(0, 256)).toString("latin1");
  const declared = /^(?:\uFEFF|\xEF\xBB\xBF)?<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(start)?.[1]?.toLowerCase();
  if (declared === void 0 || declared === "utf-8" || declared === "utf8" || declared === "us-ascii" || declared === "ascii") {
    return new TextDecoder("utf-8", { fatal: true });
  }
  try {
    return new TextDecoder(declared, { fatal: true });
  } catch {
    throw new ReportFileError(`the file declares the encoding "${declared}", which tollgate cannot decode; write the report as UTF-8`, "encoding");
  }
}
function makeParser(handlers, position) {
  const parser = new SaxesParser({ position });
  const state = { parser, sawRoot: false, nonBlank: false };
  const guard = (fn) => (arg) => {
    try {
      fn(arg);
    } catch (error) {
      state.handlerError = error;
      throw error;
    }
  };
  parser.on("doctype", guard(checkDoctype));
  parser.on(
    "opentag",
    guard((tag) => {
      state.sawRoot = true;
      handlers.open(tag);
    })
  );
  parser.on(
    "closetag",
    guard((tag) => handlers.close(tag.name))
  );
  const text = guard((t) => handlers.text(t));
  parser.on("text", text);
  parser.on("cdata", text);
  return state;
}
function describeSyntaxError(error, sawRoot, ended) {
  const message = error.message;
  if (ended && /unclosed|unexpected end|incomplete|root element/i.test(message) && sawRoot) {
    return new ReportFileError(`the XML ends before the document is complete (truncated file?): ${message}`, "truncated");
  }
  if (/undefined entity/i.test(message)) {
    return new ReportFileError(`the XML refers to an undefined entity, which tollgate never resolves: ${message}`, "hostile");
  }
  return new ReportFileError(`the file is not well-formed XML: ${message}`, "malformed");
}
async function feedFile(path, handlers, position, signal) {
  const state = makeParser(handlers, position);
  let decoder;
  let bytes = 0;
  let ended = false;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK, signal })) {
      decoder ??= pickDecoder(chunk);
      let text;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw new ReportFileError(`the file is not valid ${decoder.encoding.toUpperCase()} (bad bytes after byte ${bytes}); write the report as UTF-8`, "encoding");
      }
      bytes += chunk.length;
      if (!state.nonBlank && /\S/.test(text)) state.nonBlank = true;
      state.parser.write(text);
    }
    if (bytes === 0 || !state.nonBlank) throw new ReportFileError("the file is empty", "empty");
    try {
      const tail = decoder?.decode() ?? "";
      if (tail) state.parser.write(tail);
    } catch {
      throw new ReportFileError("the file ends in the middle of a character (truncated or not UTF-8)", "encoding");
    }
    ended = true;
    state.parser.close();
  } catch (error) {
    if (error instanceof ReportFileError || error === state.handlerError) throw error;
    if (signal?.aborted) throw error;
    const code = error.code;
    if (code !== void 0) throw new ReportFileError(`the file cannot be read (${code})`, "unreadable");
    throw describeSyntaxError(error, state.sawRoot, ended);
  }
}
async function parseXmlFile(path, handlers, signal) {
  try {
    await feedFile(path, handlers(), false, signal);
  } catch (error) {
    if (!(error instanceof ReportFileError) || error.kind !== "malformed" && error.kind !== "truncated") throw error;
    try {
      await feedFile(path, handlers(), true, signal);
    } catch (located) {
      if (located instanceof ReportFileError) throw located;
    }
    throw error;
  }
}

export {
  reportBases,
  RepoPaths,
  ReportFileError,
  parseXmlFile,
  findReports
};
