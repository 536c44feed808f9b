// Runs a TypeScript benchmark: `node bench/run.mjs bench/<name>.ts [args]`.
// esbuild bundles the entry (packages stay external) next to it, then Node imports it.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const entry = process.argv[2];
if (!entry) {
  console.error("usage: node bench/run.mjs bench/<name>.ts [args...]");
  process.exit(2);
}
const out = join(dirname(resolve(entry)), `.${basename(entry, ".ts")}.${process.pid}.mjs`);
await build({ entryPoints: [entry], outfile: out, bundle: true, platform: "node", format: "esm", packages: "external", target: "node20", logLevel: "error" });
process.argv.splice(2, 1);
try {
  await import(pathToFileURL(out).href);
} finally {
  rmSync(out, { force: true });
}
