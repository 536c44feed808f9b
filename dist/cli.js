#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  toolVersion
} from "./chunks/chunk-QELEUUVM.js";
import "./chunks/chunk-2GVBCIT7.js";

// src/cli/main.ts
import nodeModule from "node:module";
nodeModule.enableCompileCache?.();
var COMMANDS = {
  run: { summary: "run the gates and write reports", load: async () => (await import("./chunks/run-O3JLFZTP.js")).runCommand },
  init: { summary: "write a starter .tollgate.yml for the stack it detects", load: async () => (await import("./chunks/init-N6NFKPNA.js")).initCommand },
  "check-policy": { summary: "validate a policy and print the effective policy", load: async () => (await import("./chunks/check-policy-2FCM24OU.js")).checkPolicyCommand },
  rules: { summary: "list every rule with id, severity and description", load: async () => (await import("./chunks/rules-PI2J6DET.js")).rulesCommand },
  explain: { summary: "what a rule checks, why it matters, how to fix or waive it", load: async () => (await import("./chunks/explain-NQWWQXE6.js")).explainCommand },
  baseline: { summary: "record today's findings as the baseline", load: async () => (await import("./chunks/baseline-OIPOY5QB.js")).baselineCommand },
  hook: { summary: "install or uninstall the git pre-push hook", load: async () => (await import("./chunks/hook-HE2YQ6CS.js")).hookCommand }
};
var MAIN_HELP = `tollgate ${toolVersion()} \u2014 one step, every quality gate, one verdict

Usage: tollgate <command> [options]

Commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(14)}${c.summary}`).join("\n")}

Run \`tollgate <command> --help\` for a command's options.
Exit codes: 0 passed or warned, 1 a gate failed or errored, 2 usage or policy error, 3 tollgate crashed.
`;
async function main(argv, io) {
  const [command, ...args] = argv;
  if (command === "--version" || command === "-v" || command === "version") {
    io.stdout(`${toolVersion()}
`);
    return 0;
  }
  if (command === void 0 || command === "--help" || command === "-h" || command === "help") {
    io.stdout(MAIN_HELP);
    return command === void 0 ? 2 : 0;
  }
  const entry = COMMANDS[command];
  if (!entry) {
    io.stderr(`tollgate: unknown command "${command}"
  fix: use one of ${Object.keys(COMMANDS).join(", ")} (tollgate --help)
`);
    return 2;
  }
  try {
    const handler = await entry.load();
    return await handler(args, io);
  } catch (error) {
    const { ConfigurationError } = await import("./chunks/errors-KDP2ZGYQ.js");
    if (error instanceof ConfigurationError) {
      io.stderr(`tollgate: ${error.format()}
`);
      return 2;
    }
    const stack = error instanceof Error ? error.stack ?? error.message : String(error);
    io.stderr(`tollgate crashed \u2014 this is a bug in tollgate, please report it with the lines below.
${stack}
`);
    return 3;
  }
}
var isEntry = process.argv[1] && /(?:^|[\\/])(?:cli\.js|main\.ts|tollgate)$/.test(process.argv[1]);
if (isEntry) {
  const code = await main(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdin: process.stdin,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stderr.isTTY)
  });
  process.exitCode = code;
}
export {
  MAIN_HELP,
  main
};
