// `tollgate run`: the gates in parallel, live progress, the verdict, the report files.
import { exitCodeFor, run, type RunOptions } from "../../core/run.js";
import { writeReports, type ReportTargets } from "../../core/write-reports.js";
import { renderConsole } from "../../reporters/console/index.js";
import { list, parse, useColor } from "../args.js";
import type { CliIO } from "../main.js";
import { createProgress } from "../progress.js";

export const RUN_HELP = `Usage: tollgate run [options]

Runs every gate of the policy in parallel and prints one verdict.

Options:
  --policy FILE        policy file (default: .tollgate.yml, else the built-in recommended policy)
  --only g1,g2         run only these gates
  --skip g1,g2         skip these gates
  --changed            look only at files changed against the base commit
  --base REF           base commit for --changed and changed-lines coverage
                       (default: merge-base with the default branch)
  --sarif FILE         write SARIF 2.1.0
  --junit FILE         write JUnit XML
  --json FILE          write the whole run report as JSON
  --markdown FILE      write a Markdown summary
  --html FILE          write a self-contained HTML report
  --gitlab-dir DIR     write GitLab's Code Quality and security reports
  --sbom FILE          write a CycloneDX 1.6 SBOM of the dependencies found
  --concurrency N      gates at once (default: CPU count)
  -C, --cwd DIR        the repository to check (default: the current directory)
  --verbose            stream the output of commands the gates run
  --quiet              print only the verdict
  --no-color           no colour (also NO_COLOR=1)
  -h, --help           this help

Exit codes: 0 passed or warned, 1 a gate failed or errored, 2 usage or policy error, 3 crash.
`;

export const runFlags = {
  policy: { type: "string" },
  only: { type: "string" },
  skip: { type: "string" },
  changed: { type: "boolean" },
  base: { type: "string" },
  sarif: { type: "string" },
  junit: { type: "string" },
  json: { type: "string" },
  markdown: { type: "string" },
  html: { type: "string" },
  "gitlab-dir": { type: "string" },
  sbom: { type: "string" },
  concurrency: { type: "string" },
  cwd: { type: "string", short: "C" },
  verbose: { type: "boolean" },
  quiet: { type: "boolean" },
  "no-color": { type: "boolean" },
} as const;

export type RunFlags = ReturnType<typeof parse<typeof runFlags>>["values"];

export async function runOptionsFrom(values: RunFlags, io: CliIO): Promise<RunOptions> {
  const { relative, resolve } = await import("node:path");
  const { ConfigurationError } = await import("../../core/errors.js");
  const options: RunOptions = { cwd: resolve(io.cwd, values.cwd ?? "."), env: io.env };
  if (values.policy) options.policyPath = values.policy;
  const only = list(values.only);
  const skip = list(values.skip);
  if (only) options.only = only;
  if (skip) options.skip = skip;
  if (values.changed) options.changed = true;
  if (values.base) options.base = values.base;
  if (values.concurrency !== undefined) {
    const n = Number(values.concurrency);
    if (!Number.isInteger(n) || n < 1) throw new ConfigurationError(`--concurrency must be a whole number of at least 1, not "${values.concurrency}"`, undefined, "for example --concurrency 4");
    options.concurrency = n;
  }
  // The gate resolves its sbom option against the repository root and names it in notes.
  if (values.sbom) options.overrides = { dependencies: { sbom: relative(options.cwd, resolve(io.cwd, values.sbom)) } };
  return options;
}

export async function runCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parse(args, runFlags, RUN_HELP);
  if (values.help) {
    io.stdout(RUN_HELP);
    return 0;
  }
  const options = await runOptionsFrom(values, io);
  const color = useColor(io.env, io.isTTY, values["no-color"]);
  const progress = createProgress({ write: io.stderr, tty: io.isTTY, color, verbose: Boolean(values.verbose), quiet: Boolean(values.quiet) });
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once("SIGINT", onSigint);
  options.signal = controller.signal;
  options.onEvent = (e) => progress.onEvent(e);
  let report;
  try {
    report = await run(options);
  } finally {
    progress.stop();
    process.off("SIGINT", onSigint);
  }
  const targets: ReportTargets = {};
  if (values.sarif) targets.sarif = values.sarif;
  if (values.junit) targets.junit = values.junit;
  if (values.json) targets.json = values.json;
  if (values.markdown) targets.markdown = values.markdown;
  if (values.html) targets.html = values.html;
  if (values["gitlab-dir"]) targets.gitlabDir = values["gitlab-dir"];
  await writeReports(report, targets, io.cwd);
  // In a GitLab merge-request pipeline with a token: one note, updated in place. Never throws.
  const { publishCiFeedback } = await import("../../ci/publish.js");
  await publishCiFeedback(report, io.env, io.stderr);
  const text = renderConsole(report, { color });
  io.stdout(values.quiet ? `${text.trimEnd().split("\n").pop() ?? ""}\n` : text);
  return exitCodeFor(report);
}
