// Runs the bundled dist/action.js the way the Actions runner does: INPUT_* and GITHUB_* variables,
// an event payload file, summary and output files, and GITHUB_API_URL pointing at a loopback
// server that answers as GitHub's REST API; every request is checked against GitHub's OpenAPI.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { commitAll, git, gitRepo, removeDir, tempDir, writeTree } from "../helpers/tmp.js";
import { openApiProblems, startGitHubApi, type GitHubApiServer } from "../unit/ci/github-api-server.js";

const ACTION = resolve(import.meta.dirname, "../../dist/action.js");
// Built at run time so that no token-shaped literal sits in the repository.
const FAKE_TOKEN = `ghp_${"x1Y2z3".repeat(6)}`;

interface SarifResult {
  level: "error" | "warning" | "note";
  path: string;
  line: number;
  text: string;
}

function sarif(results: SarifResult[]): string {
  return JSON.stringify({
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "fakelint", rules: [{ id: "no-bad" }] } },
        results: results.map((r) => ({
          ruleId: "no-bad",
          level: r.level,
          message: { text: r.text },
          locations: [{ physicalLocation: { artifactLocation: { uri: r.path }, region: { startLine: r.line } } }],
        })),
      },
    ],
  });
}

const lines = (n: number) => Array.from({ length: n }, (_, i) => `const v${i} = ${i};`).join("\n") + "\n";

/** A repository whose pull request adds src/zz-new.js; the lint report has more findings than GitHub will annotate. */
function makeRepo(): { root: string; base: string; head: string } {
  const root = gitRepo({ "src/old.js": lines(40), ".tollgate.yml": "version: 1\nextends: none\ngates:\n  lint: { eslint: false, sarif: [\"reports/*.sarif\"], fail-on: high }\n" });
  const base = git(root, "rev-parse", "HEAD").trim();
  const results: SarifResult[] = [];
  for (let i = 1; i <= 12; i++) results.push({ level: "error", path: "src/old.js", line: i, text: `old error ${i}` });
  for (let i = 1; i <= 13; i++) results.push({ level: "warning", path: "src/old.js", line: 20 + i, text: `old warning ${i}` });
  results.push({ level: "error", path: "src/zz-new.js", line: 2, text: "new error in the diff" });
  results.push({ level: "error", path: "src/zz-new.js", line: 4, text: `leaks ${FAKE_TOKEN} in the diff` });
  results.push({ level: "note", path: "src/zz-new.js", line: 3, text: "new note in the diff" });
  writeTree(root, { "src/zz-new.js": lines(5), "reports/lint.sarif": sarif(results) });
  const head = commitAll(root, "pull request");
  return { root, base, head };
}

interface ActionRun {
  code: number | null;
  stdout: string;
  summary: string;
  outputs: Record<string, string>;
}

function parseOutputs(text: string): Record<string, string> {
  // GITHUB_OUTPUT uses heredoc blocks: name<<DELIM\nvalue\nDELIM
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1] ?? ""] = m[3] ?? "";
  return out;
}

async function runAction(options: { root: string; api: GitHubApiServer; event: string; payload: unknown; inputs?: Record<string, string> }): Promise<ActionRun> {
  const dir = tempDir("tollgate-action-");
  const eventPath = join(dir, "event.json");
  const summaryPath = join(dir, "summary.md");
  const outputPath = join(dir, "output.txt");
  writeFileSync(eventPath, JSON.stringify(options.payload));
  writeFileSync(summaryPath, "");
  writeFileSync(outputPath, "");
  const inputs: Record<string, string> = {
    policy: "",
    only: "",
    skip: "",
    changed: "false",
    "sarif-file": "tollgate.sarif",
    "junit-file": "",
    comment: "true",
    annotations: "true",
    "working-directory": ".",
    "github-token": "test-token-123",
    ...options.inputs,
  };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: dir,
    TOLLGATE_CACHE_DIR: join(dir, "cache"),
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: options.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: "acme/app",
    GITHUB_REPOSITORY_OWNER: "acme",
    GITHUB_SHA: git(options.root, "rev-parse", "HEAD").trim(),
    GITHUB_REF: options.event === "push" ? "refs/heads/main" : "refs/pull/7/merge",
    GITHUB_REF_NAME: options.event === "push" ? "main" : "7/merge",
    GITHUB_HEAD_REF: options.event === "push" ? "" : "feature",
    GITHUB_BASE_REF: options.event === "push" ? "" : "main",
    GITHUB_WORKSPACE: options.root,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_API_URL: options.api.url,
    GITHUB_RUN_ID: "4242",
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    RUNNER_TEMP: dir,
    NO_PROXY: "127.0.0.1",
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const child = spawn(process.execPath, [ACTION], { cwd: options.root, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
  child.stderr.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
  const code = await new Promise<number | null>((r) => child.on("close", r));
  const result = { code, stdout, summary: readFileSync(summaryPath, "utf8"), outputs: parseOutputs(readFileSync(outputPath, "utf8")) };
  removeDir(dir);
  return result;
}

function prPayload(base: string, head: string, fork = false) {
  return {
    action: "synchronize",
    number: 7,
    pull_request: {
      number: 7,
      head: { sha: head, ref: "feature", repo: { full_name: fork ? "someone/app" : "acme/app" } },
      base: { sha: base, ref: "main", repo: { full_name: "acme/app" } },
    },
    repository: { full_name: "acme/app", default_branch: "main" },
  };
}

const annotationsOf = (stdout: string, level: string) => stdout.split("\n").filter((l) => l.startsWith(`::${level} `));

describe("GitHub Action (dist/action.js)", () => {
  let api: GitHubApiServer;
  let repo: { root: string; base: string; head: string };

  beforeAll(async () => {
    if (!existsSync(ACTION)) throw new Error("dist/action.js is missing: run `npm run build` first");
    api = await startGitHubApi();
    repo = makeRepo();
  });
  afterAll(async () => {
    await api.close();
    removeDir(repo.root);
  });

  let first: ActionRun;
  it("fails the step, writes SARIF, outputs and the job summary", async () => {
    first = await runAction({ root: repo.root, api, event: "pull_request", payload: prPayload(repo.base, repo.head) });
    expect(first.code).toBe(1);
    expect(first.stdout).toContain("::error::tollgate failed: lint");
    expect(first.outputs).toEqual({
      passed: "false",
      "failed-gates": "lint",
      findings: "28",
      "sarif-file": join(repo.root, "tollgate.sarif"),
      "junit-file": "",
    });
    const sarifDoc = JSON.parse(readFileSync(join(repo.root, "tollgate.sarif"), "utf8")) as { version: string };
    expect(sarifDoc.version).toBe("2.1.0");
    expect(first.summary).toContain("| lint | ❌ failed |");
    expect(first.summary).toContain("### Top findings");
    expect(first.summary).toContain("(https://github.com/acme/app/blob/" + repo.head + "/src/zz-new.js#L2)");
  });

  it("spends annotations within GitHub's limits on findings in the diff first, and counts the rest", () => {
    const errors = annotationsOf(first.stdout, "error").filter((l) => l.includes("file="));
    const warnings = annotationsOf(first.stdout, "warning").filter((l) => l.includes("file="));
    expect(errors).toHaveLength(10);
    expect(warnings).toHaveLength(10);
    // the two errors in the diff made it although twelve older errors come first in file order
    expect(errors.slice(0, 2).every((l) => l.includes("file=src/zz-new.js"))).toBe(true);
    expect(warnings[0]).toContain("file=src/zz-new.js,line=3");
    expect(errors[0]).toMatch(/^::error title=lint\/fakelint\/no-bad \(high\),file=src\/zz-new.js,line=2,endLine=2::new error in the diff$/);
    // 14 errors + 14 warnings, 10 + 10 annotated
    expect(first.summary).toContain("8 findings were not annotated inline");
  });

  it("groups the log per gate and never prints a secret-looking value", () => {
    expect(first.stdout).toMatch(/::group::❌ lint: failed/);
    expect(first.stdout).toContain("::endgroup::");
    expect(first.stdout).not.toContain(FAKE_TOKEN);
    expect(first.summary).not.toContain(FAKE_TOKEN);
    expect(first.stdout).toContain(`${FAKE_TOKEN.slice(0, 4)}…(${FAKE_TOKEN.length} chars)`);
  });

  it("creates one pull-request comment, then updates it in place", async () => {
    const comments = api.comments.get(7) ?? [];
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain("<!-- tollgate:report -->");
    expect(comments[0]?.body).toContain("[Workflow run](https://github.com/acme/app/actions/runs/4242)");
    expect(comments[0]?.body).not.toContain(FAKE_TOKEN);
    const before = api.requests.length;
    const second = await runAction({ root: repo.root, api, event: "pull_request", payload: prPayload(repo.base, repo.head) });
    expect(second.code).toBe(1);
    const made = api.requests.slice(before).map((r) => `${r.method} ${r.path}`);
    expect(made).toEqual(["GET /repos/acme/app/issues/7/comments", "PATCH /repos/acme/app/issues/comments/1000"]);
    expect(api.comments.get(7)).toHaveLength(1);
    expect(api.requests.every((r) => r.authorization === "token test-token-123")).toBe(true);
  });

  it("sends only requests that GitHub's OpenAPI description allows", () => {
    expect(api.requests.length).toBeGreaterThanOrEqual(4);
    expect(api.requests.flatMap(openApiProblems)).toEqual([]);
    // and the checker itself catches a wrong request
    expect(openApiProblems({ method: "PUT", path: "/repos/a/b/issues/1/comments", query: {}, body: {}, authorization: undefined })).not.toEqual([]);
    expect(openApiProblems({ method: "POST", path: "/repos/a/b/issues/1/comments", query: {}, body: { text: "x" }, authorization: undefined })).not.toEqual([]);
  });

  it("with a read-only token skips the comment with a notice and does not fail because of it", async () => {
    const clean = gitRepo({
      "a.txt": "hello\n",
      "reports/lint.sarif": sarif([]),
      ".tollgate.yml": "version: 1\nextends: none\ngates:\n  lint: { eslint: false, sarif: [\"reports/*.sarif\"] }\n",
    });
    api.readOnly = true;
    try {
      const result = await runAction({ root: clean, api, event: "pull_request", payload: { ...prPayload("HEAD", "HEAD"), number: 9, pull_request: { ...prPayload("HEAD", "HEAD").pull_request, number: 9 } } });
      expect(result.stdout).toContain("::notice::The token cannot write pull-request comments");
      expect(result.outputs.passed).toBe("true");
      expect(result.code).toBe(0);
    } finally {
      api.readOnly = false;
      removeDir(clean);
    }
  });

  it("skips the comment for fork pull requests and for push events, without calling the API", async () => {
    const before = api.requests.length;
    const fork = await runAction({ root: repo.root, api, event: "pull_request", payload: prPayload(repo.base, repo.head, true) });
    expect(fork.stdout).toContain("::notice::Pull request from the fork someone/app");
    const push = await runAction({ root: repo.root, api, event: "push", payload: { before: repo.base, after: repo.head }, inputs: { annotations: "false" } });
    expect(push.stdout).toContain("Not a pull_request event");
    expect(annotationsOf(push.stdout, "error").filter((l) => l.includes("file="))).toHaveLength(0);
    expect(api.requests.length).toBe(before);
  });

  it("checks a sub-project with working-directory and annotates paths from the workspace root", async () => {
    const mono = gitRepo({
      "README.md": "# mono\n",
      "packages/api/src/a.js": lines(5),
      "packages/api/reports/lint.sarif": sarif([{ level: "error", path: "src/a.js", line: 2, text: "bad in api" }]),
      "packages/api/.tollgate.yml": "version: 1\nextends: none\ngates:\n  lint: { eslint: false, sarif: [\"reports/*.sarif\"], fail-on: high }\n",
    });
    try {
      const result = await runAction({ root: mono, api, event: "push", payload: {}, inputs: { "working-directory": "packages/api", comment: "false" } });
      expect(result.code).toBe(1);
      expect(annotationsOf(result.stdout, "error").filter((l) => l.includes("file="))).toEqual([
        "::error title=lint/fakelint/no-bad (high),file=packages/api/src/a.js,line=2,endLine=2::bad in api",
      ]);
      expect(result.outputs["sarif-file"]).toBe(join(mono, "packages/api/tollgate.sarif"));
    } finally {
      removeDir(mono);
    }
  });

  it("rejects a bad input with a usage error", async () => {
    const result = await runAction({ root: repo.root, api, event: "push", payload: {}, inputs: { changed: "maybe" } });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('input "changed" must be true or false');
  });
});
