#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  parse
} from "./chunk-MULG7BQL.js";
import {
  listFiles
} from "./chunk-ZRGI7UBK.js";
import "./chunk-CY7KP3J2.js";
import "./chunk-TGCGIDEH.js";
import "./chunk-NQDPYFAW.js";
import {
  ConfigurationError
} from "./chunk-5XKQ73XO.js";
import "./chunk-2GVBCIT7.js";

// src/cli/commands/init.ts
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
var HELP = `Usage: tollgate init [--force] [-C DIR]

Looks at the repository (package.json, lockfiles, Terraform, Kubernetes, Dockerfiles, certificates,
CI files) and writes a starter .tollgate.yml that extends the recommended policy.
  --force   overwrite an existing .tollgate.yml
`;
async function detectStack(root) {
  const files = await listFiles(root);
  const has = (re) => files.some((f) => re.test(f));
  return {
    node: has(/(^|\/)package\.json$/),
    python: has(/(^|\/)(pyproject\.toml|requirements[^/]*\.txt|poetry\.lock|Pipfile\.lock|uv\.lock)$/),
    go: has(/(^|\/)go\.mod$/),
    java: has(/(^|\/)(pom\.xml|build\.gradle(\.kts)?)$/),
    terraform: has(/\.tf$/),
    kubernetes: has(/(^|\/)(k8s|kubernetes|manifests|deploy|charts)\/.*\.ya?ml$/),
    docker: has(/(^|\/)(Dockerfile[^/]*|[^/]*\.dockerfile|(docker-)?compose[^/]*\.ya?ml)$/),
    certificates: has(/\.(pem|crt|cer|der|p12|pfx)$/),
    githubActions: has(/^\.github\/workflows\/[^/]+\.ya?ml$/),
    gitlabCi: has(/(^|\/)\.gitlab-ci\.ya?ml$/)
  };
}
function starterPolicy(stack, today) {
  const expires = new Date(today.getTime() + 90 * 864e5).toISOString().slice(0, 10);
  const found = Object.entries(stack).filter(([, v]) => v).map(([k]) => k);
  const lines = [
    "# tollgate policy \u2014 see `tollgate check-policy` for the effective result,",
    "# `tollgate rules` for every rule and `tollgate explain RULE` for one.",
    `# Detected: ${found.length ? found.join(", ") : "nothing specific"}.`,
    "version: 1",
    "extends: recommended",
    "settings:",
    "  timeout: 10m",
    "gates:"
  ];
  if (stack.node) {
    lines.push(
      "  tests:",
      '    reports: ["junit.xml", "reports/junit/**/*.xml"]',
      '    # command: "npm test"   # run the suite first',
      "    max-failures: 0",
      "  coverage:",
      '    reports: ["coverage/lcov.info"]',
      "    min: { lines: 80, branches: 70 }",
      "  lint: { fail-on: high }"
    );
  } else if (stack.python || stack.go || stack.java) {
    lines.push("  tests: {}   # set reports: [...] to your JUnit XML files", "  coverage: {}   # set reports: [...] and min: { lines: 80 }");
  }
  lines.push("  secrets: { fail-on: low }", "  dependencies: { fail-on: high }");
  if (stack.node || stack.python) lines.push("  sast: { fail-on: high }");
  if (stack.terraform || stack.kubernetes || stack.docker || stack.githubActions || stack.gitlabCi) lines.push("  iac: { fail-on: high }");
  if (stack.certificates) lines.push('  tls: { min-days-left: 30 }   # add endpoints: ["host:443"] to probe live servers');
  if (stack.docker) lines.push("  container: { discover: true }");
  lines.push(
    "waivers: []",
    "#  - rule: secrets/generic-api-key",
    '#    paths: ["tests/fixtures/**"]',
    "#    reason: fake keys used by tests",
    `#    expires: ${expires}`,
    "baseline: .tollgate/baseline.json",
    ""
  );
  return lines.join("\n");
}
async function initCommand(args, io) {
  const { values } = parse(args, { force: { type: "boolean" }, cwd: { type: "string", short: "C" } }, HELP);
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  const root = resolve(io.cwd, values.cwd ?? ".");
  const target = join(root, ".tollgate.yml");
  if (existsSync(target) && !values.force) {
    throw new ConfigurationError(".tollgate.yml already exists", { file: ".tollgate.yml" }, "edit it, or run `tollgate init --force` to replace it");
  }
  const stack = await detectStack(root);
  await writeFile(target, starterPolicy(stack, /* @__PURE__ */ new Date()));
  io.stdout(`wrote .tollgate.yml \u2014 check it with \`tollgate check-policy\`, then run \`tollgate run\`
`);
  return 0;
}
export {
  detectStack,
  initCommand,
  starterPolicy
};
