import { describe, expect, it } from "@jest/globals";
import { planAnnotations } from "../../../src/ci/github/annotations.js";
import { COMMENT_MARKER, MAX_COMMENT, commentBody, isPermissionError, upsertComment, type CommentApi, type IssueComment } from "../../../src/ci/github/comment.js";
import { bool, readInputs } from "../../../src/ci/github/run-action.js";
import { maskSecrets } from "../../../src/ci/mask.js";
import { makeFinding } from "../../../src/core/finding.js";
import type { Finding, Severity } from "../../../src/core/types.js";
import { sampleReport } from "./sample-report.js";

function reportWith(findings: Finding[]) {
  return sampleReport({ gates: [{ gate: "lint", status: "failed", summary: "", findings, metrics: {}, durationMs: 1, rules: [] }] });
}
const finding = (severity: Severity, path: string, line: number) =>
  makeFinding({ ruleId: "lint/x", gate: "lint", severity, message: `${severity} at ${path}:${line}`, location: { path, startLine: line }, key: `${path}:${line}` });

describe("annotation plan", () => {
  it("stays within 10 errors and 10 warnings and counts the rest", () => {
    const findings = [
      ...Array.from({ length: 15 }, (_, i) => finding("high", "a.ts", i + 1)),
      ...Array.from({ length: 12 }, (_, i) => finding("medium", "b.ts", i + 1)),
      ...Array.from({ length: 3 }, (_, i) => finding("info", "c.ts", i + 1)),
    ];
    const plan = planAnnotations(reportWith(findings));
    const count = (level: string) => plan.annotations.filter((a) => a.level === level).length;
    expect([count("error"), count("warning"), count("notice")]).toEqual([10, 10, 3]);
    expect(plan.notAnnotated).toBe(7);
  });

  it("spends them on findings inside the diff first, then by severity", () => {
    const findings = [...Array.from({ length: 12 }, (_, i) => finding("critical", "old.ts", i + 1)), finding("high", "new.ts", 2), finding("high", "new.ts", 9)];
    const changed = new Map([["new.ts", new Set([1, 2, 3])]]);
    const plan = planAnnotations(reportWith(findings), { changedLines: changed, pathPrefix: "pkg/" });
    expect(plan.annotations[0]).toMatchObject({ level: "error", file: "pkg/new.ts", startLine: 2, title: "lint/x (high)" });
    // new.ts:9 is outside the changed lines: it competes on severity and loses to the criticals
    expect(plan.annotations.some((a) => a.file === "pkg/new.ts" && a.startLine === 9)).toBe(false);
    expect(plan.notAnnotated).toBe(4);
  });

  it("never annotates suppressed findings and counts findings without a location", () => {
    const waived = finding("critical", "a.ts", 1);
    waived.suppression = { kind: "waiver", reason: "ok" };
    const nowhere = makeFinding({ ruleId: "tls/x", gate: "lint", severity: "high", message: "expired", key: "k" });
    const plan = planAnnotations(reportWith([waived, nowhere]));
    expect(plan).toEqual({ annotations: [], notAnnotated: 1 });
  });

  it("respects a smaller total limit", () => {
    const plan = planAnnotations(reportWith(Array.from({ length: 30 }, (_, i) => finding(i % 2 ? "high" : "low", "a.ts", i + 1))), { limits: { perLevel: 10, total: 5 } });
    expect(plan.annotations).toHaveLength(5);
    expect(plan.notAnnotated).toBe(25);
  });
});

describe("pull-request comment", () => {
  function fakeApi(existing: IssueComment[]) {
    const calls: string[] = [];
    const comments = [...existing];
    const api: CommentApi = {
      listComments: async ({ page, per_page }) => {
        calls.push(`list ${page}`);
        return { data: comments.slice((page - 1) * per_page, page * per_page) };
      },
      createComment: async ({ body }) => {
        calls.push("create");
        const c = { id: 99, body };
        comments.push(c);
        return { data: c };
      },
      updateComment: async ({ comment_id, body }) => {
        calls.push(`update ${comment_id}`);
        return { data: { id: comment_id, body } };
      },
    };
    return { api, calls };
  }

  it("finds its comment by the marker on a later page and updates it", async () => {
    const others = Array.from({ length: 150 }, (_, i) => ({ id: i + 1, body: `comment ${i}` }));
    const { api, calls } = fakeApi([...others, { id: 500, body: `${COMMENT_MARKER}\nold` }]);
    expect(await upsertComment(api, { owner: "o", repo: "r", issueNumber: 1 }, "new")).toEqual({ action: "updated", id: 500 });
    expect(calls).toEqual(["list 1", "list 2", "update 500"]);
  });

  it("creates one when none has the marker", async () => {
    const { api, calls } = fakeApi([{ id: 1, body: "LGTM" }, { id: 2, body: null }]);
    expect(await upsertComment(api, { owner: "o", repo: "r", issueNumber: 1 }, "new")).toEqual({ action: "created", id: 99 });
    expect(calls).toEqual(["list 1", "create"]);
  });

  it("keeps the body under GitHub's size limit and recognises permission errors", () => {
    expect(commentBody("x".repeat(200_000)).length).toBeLessThanOrEqual(MAX_COMMENT);
    expect(commentBody("hi")).toBe(`${COMMENT_MARKER}\nhi`);
    expect(isPermissionError(Object.assign(new Error("Resource not accessible by integration"), { status: 403 }))).toBe(true);
    expect(isPermissionError(Object.assign(new Error("boom"), { status: 500 }))).toBe(false);
    expect(isPermissionError("nope")).toBe(false);
  });
});

describe("action inputs", () => {
  it("parses lists and booleans as the runner passes them", () => {
    expect(readInputs({ INPUT_ONLY: "secrets, lint\ntests", INPUT_SKIP: "", INPUT_CHANGED: "True", "INPUT_WORKING-DIRECTORY": "pkg", "INPUT_JUNIT-FILE": "j.xml" })).toEqual({
      only: ["secrets", "lint", "tests"],
      changed: true,
      comment: true,
      annotations: true,
      workingDirectory: "pkg",
      junitFile: "j.xml",
    });
    expect(bool("", true, "x")).toBe(true);
    expect(bool("off", true, "x")).toBe(false);
    expect(() => bool("maybe", true, "comment")).toThrow('input "comment" must be true or false');
  });
});

describe("secret masking", () => {
  // Built at run time so that no credential-shaped literal sits in the repository.
  const gh = `ghp_${"a1B2c3D4".repeat(5)}`;
  const aws = ["AKIA", "Z7Q2", "K9M4", "W3XP", "8HTD"].join("");
  const password = ["hun", "ter2", "Zq9x"].join("");
  const urlPassword = ["s3c", "r3tP", "ass"].join("");
  const pemKind = ["RSA", "PRIVATE", "KEY"].join(" ");
  const jwt = ["eyJhbGciOiJIUzI1NiJ9", "eyJzdWIiOiIxMjM0NTY3ODkwIn0", "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"].join(".");

  it("masks tokens, key=value secrets, URL passwords and private keys", () => {
    const text = [
      `token ${gh} used`,
      `aws ${aws}`,
      `DB_PASSWORD=${password}`,
      `https://deploy:${urlPassword}@registry.example.com/v2/`,
      `Authorization: Bearer ${jwt}`,
      `-----BEGIN ${pemKind}-----\nMIIEowIBAAKCAQEA\n-----END ${pemKind}-----`,
    ].join("\n");
    const masked = maskSecrets(text);
    for (const raw of [gh, aws, password, urlPassword, jwt, "MIIEowIBAAKCAQEA"]) expect(masked).not.toContain(raw);
    expect(masked).toContain(`ghp_…(${gh.length} chars)`);
    expect(masked).toContain("AKIA…(20 chars)");
    expect(masked).toContain(`-----BEGIN ${pemKind}----- (masked)`);
  });

  it("leaves ordinary text, commit ids and already redacted values alone", () => {
    const text = "commit 0123456789abcdef0123456789abcdef01234567: AKIA…(20 chars) found; 84.2% lines covered";
    expect(maskSecrets(text)).toBe(text);
  });
});
