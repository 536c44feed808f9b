#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  list,
  parse,
  useColor
} from "./chunk-MULG7BQL.js";
import {
  exitCodeFor,
  run
} from "./chunk-HLK4GWQZ.js";
import {
  paint,
  renderConsole,
  statusLine
} from "./chunk-LEONRAGH.js";
import {
  formatDuration
} from "./chunk-RSC3HFTQ.js";

// src/core/write-reports.ts
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";

// src/reporters/index.ts
var reporterRegistry = {
  sarif: async () => (await import("./sarif-2ZDK5ESZ.js")).reporter,
  junit: async () => (await import("./junit-PKTG4IVY.js")).reporter,
  console: async () => (await import("./console-4ZDGR6L7.js")).reporter,
  json: async () => (await import("./json-TNTXM3IZ.js")).reporter,
  markdown: async () => (await import("./markdown-WTLBUJVC.js")).reporter,
  html: async () => (await import("./html-HSA2HFSX.js")).reporter,
  gitlab: async () => (await import("./gitlab-6TP66IJB.js")).reporter
};

// src/core/write-reports.ts
async function writeReports(report, targets, cwd) {
  const written = [];
  const jobs = Object.entries(targets).filter((e) => typeof e[1] === "string" && e[1].length > 0);
  for (const [kind, target] of jobs) {
    const id = kind === "gitlabDir" ? "gitlab" : kind;
    const load = reporterRegistry[id];
    if (!load) continue;
    const reporter = await load();
    const output = reporter.render(report);
    if (typeof output === "string") {
      const file = resolve(cwd, target);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, output);
      written.push(file);
    } else {
      const dir = resolve(cwd, target);
      await mkdir(dir, { recursive: true });
      for (const [name, content] of Object.entries(output.files)) {
        await writeFile(join(dir, name), content);
        written.push(join(dir, name));
      }
    }
  }
  return written;
}

// src/cli/progress.ts
function createProgress(opts) {
  if (opts.quiet) return { onEvent: () => {
  }, stop: () => {
  } };
  if (!opts.tty) {
    return {
      onEvent(event) {
        if (event.type === "gate-start") opts.write(`\u25B6 ${event.gate} started
`);
        else if (event.type === "gate-end" && event.outcome.status !== "skipped") opts.write(`${statusLine(event.outcome, opts.color)}
`);
        else if (event.type === "log" && (event.level !== "output" || opts.verbose)) {
          const text = event.message.endsWith("\n") ? event.message : `${event.message}
`;
          opts.write(event.level === "output" ? text.replace(/^/gm, `[${event.gate}] `) : `[${event.gate}] ${event.level === "warn" ? "warning: " : ""}${text}`);
        }
      },
      stop() {
      }
    };
  }
  const running = /* @__PURE__ */ new Map();
  const done = [];
  let drawn = 0;
  const frames = ["\u280B", "\u2819", "\u2839", "\u2838", "\u283C", "\u2834", "\u2826", "\u2827", "\u2807", "\u280F"];
  let tick = 0;
  const draw = () => {
    const lines = [...running.entries()].map(
      ([gate, since]) => `${paint(frames[tick % frames.length] ?? "\u2026", 36, opts.color)} ${gate.padEnd(12)} running  ${formatDuration(performance.now() - since)}`
    );
    let out = drawn > 0 ? `\x1B[${drawn}F\x1B[0J` : "";
    for (const o of done.splice(0)) out += `${statusLine(o, opts.color)}
`;
    out += lines.map((l) => `${l}
`).join("");
    drawn = lines.length;
    tick++;
    opts.write(out);
  };
  const timer = setInterval(draw, 100);
  timer.unref();
  return {
    onEvent(event) {
      if (event.type === "gate-start") running.set(event.gate, performance.now());
      else if (event.type === "gate-end") {
        running.delete(event.outcome.gate);
        if (event.outcome.status !== "skipped") done.push(event.outcome);
      }
    },
    stop() {
      clearInterval(timer);
      draw();
      if (drawn > 0) opts.write(`\x1B[${drawn}F\x1B[0J`);
      drawn = 0;
    }
  };
}

// src/cli/commands/run.ts
var RUN_HELP = `Usage: tollgate run [options]

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
var runFlags = {
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
  "no-color": { type: "boolean" }
};
async function runOptionsFrom(values, io) {
  const { relative, resolve: resolve2 } = await import("node:path");
  const { ConfigurationError } = await import("./errors-KDP2ZGYQ.js");
  const options = { cwd: resolve2(io.cwd, values.cwd ?? "."), env: io.env };
  if (values.policy) options.policyPath = values.policy;
  const only = list(values.only);
  const skip = list(values.skip);
  if (only) options.only = only;
  if (skip) options.skip = skip;
  if (values.changed) options.changed = true;
  if (values.base) options.base = values.base;
  if (values.concurrency !== void 0) {
    const n = Number(values.concurrency);
    if (!Number.isInteger(n) || n < 1) throw new ConfigurationError(`--concurrency must be a whole number of at least 1, not "${values.concurrency}"`, void 0, "for example --concurrency 4");
    options.concurrency = n;
  }
  if (values.sbom) options.overrides = { dependencies: { sbom: relative(options.cwd, resolve2(io.cwd, values.sbom)) } };
  return options;
}
async function runCommand(args, io) {
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
  const targets = {};
  if (values.sarif) targets.sarif = values.sarif;
  if (values.junit) targets.junit = values.junit;
  if (values.json) targets.json = values.json;
  if (values.markdown) targets.markdown = values.markdown;
  if (values.html) targets.html = values.html;
  if (values["gitlab-dir"]) targets.gitlabDir = values["gitlab-dir"];
  await writeReports(report, targets, io.cwd);
  const { publishCiFeedback } = await import("./publish-J7Z7IEBO.js");
  await publishCiFeedback(report, io.env, io.stderr);
  const text = renderConsole(report, { color });
  io.stdout(values.quiet ? `${text.trimEnd().split("\n").pop() ?? ""}
` : text);
  return exitCodeFor(report);
}

export {
  RUN_HELP,
  runFlags,
  runOptionsFrom,
  runCommand
};
