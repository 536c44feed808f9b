// Bundles the CLI and the GitHub Action with esbuild. `--check` builds into a temp dir and fails
// when the committed dist/ differs (CI runs it, so dist/ can never be stale).
import { build } from "esbuild";
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const check = process.argv.includes("--check");
if (!check) rmSync("dist", { recursive: true, force: true });
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const outdir = check ? mkdtempSync(join(tmpdir(), "tollgate-dist-")) : "dist";

// ESM bundles of CommonJS packages need require/__filename/__dirname.
const banner = [
  "import { createRequire as __tollgateCreateRequire } from 'node:module';",
  "import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';",
  "import { dirname as __tollgateDirname } from 'node:path';",
  "const require = __tollgateCreateRequire(import.meta.url);",
  "const __filename = __tollgateFileURLToPath(import.meta.url);",
  "const __dirname = __tollgateDirname(__filename);",
].join("\n");

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  legalComments: "none",
  logLevel: "error",
  define: { __TOLLGATE_VERSION__: JSON.stringify(pkg.version) },
  banner: { js: banner },
};

// The CLI runs from an npm install, so most dependencies stay in node_modules and each gate is
// loaded only when it runs (code splitting). The few packages every run loads (policy schema and
// YAML) are bundled: Node resolving their hundreds of ESM files was most of the start-up time.
const bundledInCli = new Set(["zod", "yaml", "picomatch", "ignore"]);
await build({
  ...common,
  entryPoints: { cli: "src/cli/main.ts" },
  outdir,
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  external: Object.keys(pkg.dependencies)
    .filter((name) => !bundledInCli.has(name))
    .flatMap((name) => [name, `${name}/*`]),
  banner: { js: `#!/usr/bin/env node\n${banner}` },
});
// npm links the bin as it is: it must be executable whatever the umask of the shell that built it.
chmodSync(join(outdir, "cli.js"), 0o755);

// The Action runs from a checkout without node_modules: bundle everything except native
// modules and WebAssembly grammars, which must be read from disk.
if (existsSync("src/action.ts")) {
  await build({
    ...common,
    entryPoints: { action: "src/action.ts" },
    // Committed to the repository: minified to keep every release diff small.
    minify: true,
    outdir,
    external: ["@ast-grep/napi", "@ast-grep/lang-python", "web-tree-sitter", "@tree-sitter-grammars/tree-sitter-hcl", "jiti", "typescript", "fsevents", "ajv-formats-draft2019", "xmlbuilder2", "libxmljs2"],
  });
}

// Worker threads (secret scanning, Terraform parsing): self-contained files that both the CLI's
// chunks and the Action find next to them in dist/.
await build({
  ...common,
  entryPoints: {
    "secrets-worker": "src/scanners/secrets/worker.ts",
    "iac-terraform-worker": "src/scanners/iac/parsers/terraform-worker.ts",
  },
  outdir,
  external: ["web-tree-sitter", "@tree-sitter-grammars/tree-sitter-hcl"],
});

if (check) {
  const list = (dir) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath ?? e.path, e.name).slice(dir.length + 1))
      .sort();
  const fresh = list(outdir);
  const committed = existsSync("dist") ? list("dist") : [];
  const stale =
    fresh.length !== committed.length ||
    fresh.some((f, i) => f !== committed[i] || !readFileSync(join(outdir, f)).equals(readFileSync(join("dist", f))));
  rmSync(outdir, { recursive: true, force: true });
  if (stale) {
    console.error("dist/ is stale: run `npm run build` and commit dist/.");
    process.exit(1);
  }
  console.log("dist/ is up to date");
}
