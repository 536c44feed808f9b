// tollgate's command line. Kept import-light: `--version` and `--help` load nothing else, and
// each command is imported only when it runs.
import nodeModule from "node:module";
import { toolVersion } from "../core/version.js";

// Node 22.1+ keeps compiled code between runs (GitHub's runners use Node 24); Node 20 has no such
// cache and skips this. Commands and gates are imported after this line, so they benefit.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

export interface CliIO {
  cwd: string;
  env: Record<string, string | undefined>;
  stdin: NodeJS.ReadableStream;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal (live progress). */
  isTTY: boolean;
}

const COMMANDS: Record<string, { summary: string; load: () => Promise<(args: string[], io: CliIO) => Promise<number>> }> = {
  run: { summary: "run the gates and write reports", load: async () => (await import("./commands/run.js")).runCommand },
  init: { summary: "write a starter .tollgate.yml for the stack it detects", load: async () => (await import("./commands/init.js")).initCommand },
  "check-policy": { summary: "validate a policy and print the effective policy", load: async () => (await import("./commands/check-policy.js")).checkPolicyCommand },
  rules: { summary: "list every rule with id, severity and description", load: async () => (await import("./commands/rules.js")).rulesCommand },
  explain: { summary: "what a rule checks, why it matters, how to fix or waive it", load: async () => (await import("./commands/explain.js")).explainCommand },
  baseline: { summary: "record today's findings as the baseline", load: async () => (await import("./commands/baseline.js")).baselineCommand },
  hook: { summary: "install or uninstall the git pre-push hook", load: async () => (await import("./commands/hook.js")).hookCommand },
};

export const MAIN_HELP = `tollgate ${toolVersion()} — one step, every quality gate, one verdict

Usage: tollgate <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(14)}${c.summary}`)
  .join("\n")}

Run \`tollgate <command> --help\` for a command's options.
Exit codes: 0 passed or warned, 1 a gate failed or errored, 2 usage or policy error, 3 tollgate crashed.
`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [command, ...args] = argv;
  if (command === "--version" || command === "-v" || command === "version") {
    io.stdout(`${toolVersion()}\n`);
    return 0;
  }
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    io.stdout(MAIN_HELP);
    return command === undefined ? 2 : 0;
  }
  const entry = COMMANDS[command];
  if (!entry) {
    io.stderr(`tollgate: unknown command "${command}"\n  fix: use one of ${Object.keys(COMMANDS).join(", ")} (tollgate --help)\n`);
    return 2;
  }
  try {
    const handler = await entry.load();
    return await handler(args, io);
  } catch (error) {
    const { ConfigurationError } = await import("../core/errors.js");
    if (error instanceof ConfigurationError) {
      io.stderr(`tollgate: ${error.format()}\n`);
      return 2;
    }
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`tollgate crashed — this is a bug in tollgate, please report it with the lines below.\n${stack}\n`);
    return 3;
  }
}

const isEntry = process.argv[1] && /(?:^|[\\/])(?:cli\.js|main\.ts|tollgate)$/.test(process.argv[1]);
if (isEntry) {
  const code = await main(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdin: process.stdin,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stderr.isTTY),
  });
  process.exitCode = code;
}
