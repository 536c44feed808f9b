#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);

// src/scanners/sarif-import/line-key.ts
import { readFile } from "node:fs/promises";
import { join } from "node:path";
function normalizeLineText(text) {
  return text.trim().replace(/\s+/g, " ");
}
function lineKeys(items, lineText) {
  const order = items.map((item, index) => ({ item, index })).sort((a, b) => (a.item.line ?? 0) - (b.item.line ?? 0) || (a.item.column ?? 0) - (b.item.column ?? 0) || a.index - b.index);
  const seen = /* @__PURE__ */ new Map();
  const keys = new Array(items.length).fill("");
  for (const { item, index } of order) {
    const text = item.line !== void 0 && item.line > 0 ? lineText(item.path, item.line) : void 0;
    const base = text !== void 0 ? `line:${normalizeLineText(text)}` : `message:${item.message}`;
    const group = `${item.ruleId}\0${item.path}\0${base}`;
    const n = seen.get(group) ?? 0;
    seen.set(group, n + 1);
    keys[index] = `${base}#${n}`;
  }
  return keys;
}
var SourceLines = class {
  constructor(root) {
    this.root = root;
  }
  root;
  cache = /* @__PURE__ */ new Map();
  /** Seeds the cache with text already in memory (ESLint results, base versions). */
  set(path, text) {
    this.cache.set(path, text.split(/\r?\n/));
  }
  async load(paths) {
    await Promise.all(
      [...new Set(paths)].filter((p) => !this.cache.has(p)).map(async (p) => {
        try {
          this.set(p, await readFile(join(this.root, p), "utf8"));
        } catch {
          this.cache.set(p, void 0);
        }
      })
    );
  }
  line(path, line) {
    return this.cache.get(path)?.[line - 1];
  }
};

export {
  normalizeLineText,
  lineKeys,
  SourceLines
};
