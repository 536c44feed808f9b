// The GitHub Action's behaviour, apart from its entry point: inputs → run() → reports, job
// summary, annotations, outputs and the pull-request comment. Reads only the injected env.
import * as core from "@actions/core";
import { getOctokit } from "@actions/github";
import { randomUUID } from "node:crypto";
import { isAbsolute, relative, resolve } from "node:path";
import { formatDuration } from "../../core/duration.js";
import { ConfigurationError, errorMessage } from "../../core/errors.js";
import { changedLines as gitChangedLines, isGitRepo } from "../../core/git.js";
import { exitCodeFor, run, type RunOptions } from "../../core/run.js";
import type { GateOutcome, RunReport } from "../../core/types.js";
import { writeReports, type ReportTargets } from "../../core/write-reports.js";
import { renderMarkdownSummary, STATUS_ICON } from "../../reporters/markdown/summary.js";
import { maskSecrets } from "../mask.js";
import { detectCi } from "../providers/index.js";
import { isPullRequestEvent, readEventPayload } from "../providers/github.js";
import type { Env } from "../types.js";
import { planAnnotations } from "./annotations.js";
import { isPermissionError, upsertComment, type CommentApi } from "./comment.js";

export interface ActionInputs {
  policy?: string;
  only?: string[];
  skip?: string[];
  changed: boolean;
  sarifFile?: string;
  junitFile?: string;
  comment: boolean;
  annotations: boolean;
  workingDirectory: string;
  token?: string;
}

function list(value: string): string[] | undefined {
  const items = value.split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
  return items.length > 0 ? items : undefined;
}

/** YAML-ish booleans; an empty input takes the default (action.yml declares them all). */
export function bool(value: string, fallback: boolean, name: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === "") return fallback;
  if (["true", "yes", "on", "1"].includes(v)) return true;
  if (["false", "no", "off", "0"].includes(v)) return false;
  throw new ConfigurationError(`input "${name}" must be true or false, not "${value}"`, undefined, `set \`${name}: true\` or \`${name}: false\` under \`with:\``);
}

/** Inputs arrive as INPUT_<NAME> variables (upper-cased, spaces as underscores, dashes kept). */
export function readInputs(env: Env): ActionInputs {
  const input = (name: string) => (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
  const inputs: ActionInputs = {
    changed: bool(input("changed"), false, "changed"),
    comment: bool(input("comment"), true, "comment"),
    annotations: bool(input("annotations"), true, "annotations"),
    workingDirectory: input("working-directory") || ".",
  };
  if (input("policy")) inputs.policy = input("policy");
  const only = list(input("only"));
  const skip = list(input("skip"));
  if (only) inputs.only = only;
  if (skip) inputs.skip = skip;
  if (input("sarif-file")) inputs.sarifFile = input("sarif-file");
  if (input("junit-file")) inputs.junitFile = input("junit-file");
  if (input("github-token")) inputs.token = input("github-token");
  return inputs;
}

/** Prints a gate's buffered log as one collapsible group once the gate is done (gates run in parallel). */
function printGateGroup(outcome: GateOutcome, lines: string[]): void {
  const reason = outcome.reason ? ` (${outcome.reason})` : "";
  core.startGroup(`${STATUS_ICON[outcome.status]} ${outcome.gate}: ${outcome.status} — ${maskSecrets(outcome.summary)}${reason} [${formatDuration(outcome.durationMs)}]`);
  if (lines.length > 0) {
    // Child processes may print "::" workflow commands; stop-commands keeps them inert.
    const token = randomUUID();
    process.stdout.write(`::stop-commands::${token}\n`);
    for (const line of lines) process.stdout.write(`${maskSecrets(line)}\n`);
    process.stdout.write(`::${token}::\n`);
  }
  for (const f of outcome.findings.slice(0, 200)) {
    const where = f.location ? `${f.location.path}${f.location.startLine ? `:${f.location.startLine}` : ""} ` : "";
    const suppressed = f.suppression ? ` [suppressed: ${f.suppression.kind}]` : "";
    core.info(maskSecrets(`${f.severity.padEnd(8)} ${where}${f.ruleId}: ${f.message}${suppressed}`));
  }
  if (outcome.findings.length > 200) core.info(`…and ${outcome.findings.length - 200} more (see the SARIF file)`);
  core.endGroup();
}

function octokitCommentApi(token: string): CommentApi {
  const octokit = getOctokit(token);
  return {
    listComments: (p) => octokit.rest.issues.listComments(p),
    createComment: (p) => octokit.rest.issues.createComment(p),
    updateComment: (p) => octokit.rest.issues.updateComment(p),
  };
}

async function commentOnPullRequest(env: Env, inputs: ActionInputs, markdown: string): Promise<void> {
  if (!inputs.comment) return;
  if (!isPullRequestEvent(env)) {
    core.info("Not a pull_request event: no pull-request comment.");
    return;
  }
  const payload = readEventPayload(env);
  const number = payload.pull_request?.number ?? payload.number;
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!number || !owner || !repo) {
    core.notice("tollgate could not tell which pull request this is, so it skipped the comment; the job summary has the report.");
    return;
  }
  const head = payload.pull_request?.head?.repo?.full_name;
  const baseRepo = payload.pull_request?.base?.repo?.full_name;
  if (env.GITHUB_EVENT_NAME === "pull_request" && head && baseRepo && head !== baseRepo) {
    core.notice(`Pull request from the fork ${head}: its token is read-only, so tollgate skipped the comment; the job summary has the report.`);
    return;
  }
  if (!inputs.token) {
    core.notice("No github-token, so tollgate skipped the pull-request comment; the job summary has the report.");
    return;
  }
  try {
    const result = await upsertComment(octokitCommentApi(inputs.token), { owner, repo, issueNumber: number }, markdown);
    core.info(`Pull-request comment ${result.action} (id ${result.id}).`);
  } catch (error) {
    if (isPermissionError(error)) {
      core.notice(
        "The token cannot write pull-request comments (read-only token or fork), so tollgate skipped the comment; " +
          "grant `pull-requests: write` to get it. The job summary has the report.",
      );
    } else {
      core.warning(`tollgate could not update the pull-request comment: ${errorMessage(error)}`);
    }
  }
}

async function changedLinesFor(cwd: string, base: string | undefined): Promise<Map<string, Set<number>> | undefined> {
  if (!base || !(await isGitRepo(cwd))) return undefined;
  try {
    return await gitChangedLines(cwd, base);
  } catch {
    // The base commit is often missing from shallow checkouts; findings are then ranked by severity only.
    return undefined;
  }
}

export interface ActionResult {
  exitCode: number;
  report?: RunReport;
}

export async function runAction(env: Env): Promise<ActionResult> {
  let inputs: ActionInputs;
  try {
    inputs = readInputs(env);
  } catch (error) {
    core.setFailed(error instanceof ConfigurationError ? error.format() : errorMessage(error));
    return { exitCode: 2 };
  }
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const cwd = resolve(workspace, inputs.workingDirectory);
  const rel = relative(workspace, cwd).split("\\").join("/");
  const pathPrefix = rel && !rel.startsWith("..") && !isAbsolute(rel) ? `${rel}/` : "";
  const ci = detectCi(env);

  const logs = new Map<string, string[]>();
  const options: RunOptions = {
    cwd,
    env,
    onEvent: (e) => {
      if (e.type === "gate-start") core.info(`▶ ${e.gate} started`);
      else if (e.type === "log") {
        const lines = logs.get(e.gate) ?? [];
        for (const line of e.message.split(/\r?\n/)) if (line !== "" && lines.length < 5000) lines.push(e.level === "warn" ? `warning: ${line}` : line);
        logs.set(e.gate, lines);
      } else printGateGroup(e.outcome, logs.get(e.outcome.gate) ?? []);
    },
  };
  if (inputs.policy) options.policyPath = resolve(cwd, inputs.policy);
  if (inputs.only) options.only = inputs.only;
  if (inputs.skip) options.skip = inputs.skip;
  if (inputs.changed) options.changed = true;

  let report: RunReport;
  try {
    report = await run(options);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      core.setFailed(`tollgate: ${error.format()}`);
      return { exitCode: 2 };
    }
    throw error;
  }

  const targets: ReportTargets = {};
  if (inputs.sarifFile) targets.sarif = inputs.sarifFile;
  if (inputs.junitFile) targets.junit = inputs.junitFile;
  await writeReports(report, targets, cwd);

  const changed = await changedLinesFor(cwd, report.changed?.base ?? ci.base);
  let notAnnotated: number | undefined;
  if (inputs.annotations) {
    const plan = planAnnotations(report, { ...(changed ? { changedLines: changed } : {}), pathPrefix });
    for (const a of plan.annotations) {
      const props: core.AnnotationProperties = { title: a.title, file: a.file };
      if (a.startLine !== undefined) props.startLine = a.startLine;
      if (a.endLine !== undefined) props.endLine = a.endLine;
      if (a.startColumn !== undefined) props.startColumn = a.startColumn;
      if (a.endColumn !== undefined) props.endColumn = a.endColumn;
      core[a.level](maskSecrets(a.message), props);
    }
    notAnnotated = plan.notAnnotated;
  }

  const server = env.GITHUB_SERVER_URL ?? "https://github.com";
  const linkBase = env.GITHUB_REPOSITORY && ci.commit ? `${server}/${env.GITHUB_REPOSITORY}/blob/${ci.commit}/${pathPrefix}` : undefined;
  const summaryOptions = {
    ...(changed ? { changedLines: changed } : {}),
    ...(linkBase ? { linkBase } : {}),
    ...(notAnnotated !== undefined ? { notAnnotated } : {}),
  };
  const markdown = maskSecrets(renderMarkdownSummary(report, summaryOptions));
  if (env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(markdown, true).write();
  }

  const active = report.gates.flatMap((g) => g.findings).filter((f) => !f.suppression);
  const failedGates = report.gates.filter((g) => g.status === "failed" || g.status === "errored").map((g) => g.gate);
  core.setOutput("passed", report.status === "passed" ? "true" : "false");
  core.setOutput("failed-gates", failedGates.join(","));
  core.setOutput("findings", String(active.length));
  core.setOutput("sarif-file", inputs.sarifFile ? resolve(cwd, inputs.sarifFile) : "");
  core.setOutput("junit-file", inputs.junitFile ? resolve(cwd, inputs.junitFile) : "");

  const runLink = ci.url ? `\n[Workflow run](${ci.url})\n` : "";
  await commentOnPullRequest(env, inputs, `${markdown}${runLink}`);

  const exitCode = exitCodeFor(report);
  if (exitCode !== 0) core.setFailed(`tollgate failed: ${failedGates.join(", ")}`);
  else core.info(`tollgate passed (${report.gates.length} gates, ${formatDuration(report.durationMs)})`);
  return { exitCode, report };
}
