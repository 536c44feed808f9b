// Writes policies/policy.schema.json from the zod policy schema (for editor completion in YAML).
// `--check` fails when the committed file is stale; CI runs it.
import { build } from "esbuild";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const check = process.argv.includes("--check");
// Bundled next to this script so that ESM resolves zod from this project's node_modules.
const out = join("scripts", `.schema-${process.pid}.mjs`);
await build({
  stdin: {
    contents: `import { z } from "zod"; import { buildPolicySchema } from "./src/policy/schema.ts";
      export const schema = z.toJSONSchema(buildPolicySchema(), { io: "input", target: "draft-2020-12" });`,
    resolveDir: process.cwd(),
    loader: "ts",
  },
  outfile: out,
  bundle: true,
  platform: "node",
  format: "esm",
  packages: "external",
  logLevel: "error",
});
let mod;
try {
  mod = await import(pathToFileURL(out).href);
} finally {
  rmSync(out, { force: true });
}
const schema = {
  ...mod.schema,
  $id: "https://github.com/tollgate-dev/tollgate/blob/main/policies/policy.schema.json",
  title: "tollgate policy",
  description: "The .tollgate.yml policy file. Generated from the zod schema by `npm run schema`; do not edit.",
};
const text = `${JSON.stringify(schema, null, 2)}\n`;
const target = "policies/policy.schema.json";
if (check) {
  let current = "";
  try {
    current = readFileSync(target, "utf8");
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    console.error(`${target} is stale: run \`npm run schema\` and commit it.`);
    process.exit(1);
  }
  console.log(`${target} is up to date`);
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
