// CI providers are tested with environment objects as fixtures (one JSON file per situation).
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { detectCi, github, gitlab, jenkins } from "../../../src/ci/providers/index.js";
import { repositoryFromUrl } from "../../../src/ci/providers/jenkins.js";
import type { Env } from "../../../src/ci/types.js";

const FIXTURES = join(import.meta.dirname, "../../fixtures/ci");

function env(name: string): Env {
  const e = JSON.parse(readFileSync(join(FIXTURES, `${name}.env.json`), "utf8")) as Env;
  if (e.GITHUB_EVENT_PATH) e.GITHUB_EVENT_PATH = join(FIXTURES, e.GITHUB_EVENT_PATH);
  return e;
}

describe("detectCi", () => {
  it("reads a GitHub pull request from the variables and the event payload", () => {
    expect(detectCi(env("github-pull-request"))).toEqual({
      provider: "github",
      repository: "acme/app",
      commit: "1111111111111111111111111111111111111111",
      branch: "feature/login",
      pullRequest: "42",
      base: "2222222222222222222222222222222222222222",
      url: "https://github.com/acme/app/actions/runs/123456",
      event: "pull_request",
    });
  });

  it("falls back to GITHUB_BASE_REF when the payload cannot be read", () => {
    const e = { ...env("github-pull-request"), GITHUB_EVENT_PATH: join(FIXTURES, "missing.json") };
    const ctx = github.context(e);
    expect(ctx.base).toBe("origin/main");
    expect(ctx.pullRequest).toBe("42");
    expect(ctx.commit).toBe("ffffffffffffffffffffffffffffffffffffffff");
  });

  it("uses the previous head of a GitHub push as the base", () => {
    expect(detectCi(env("github-push"))).toEqual({
      provider: "github",
      repository: "acme/app",
      commit: "3333333333333333333333333333333333333333",
      branch: "main",
      base: "4444444444444444444444444444444444444444",
      url: "https://github.example.com/acme/app/actions/runs/99",
      event: "push",
    });
  });

  it("reads a GitLab merge-request pipeline, with GitLab's own diff base", () => {
    expect(detectCi(env("gitlab-merge-request"))).toEqual({
      provider: "gitlab",
      repository: "acme/app",
      commit: "5555555555555555555555555555555555555555",
      branch: "feature/login",
      pullRequest: "8",
      base: "6666666666666666666666666666666666666666",
      url: "https://gitlab.example.com/acme/app/-/jobs/901",
      event: "merge_request_event",
    });
  });

  it("has no base for a new GitLab branch (before sha is all zeros)", () => {
    const ctx = detectCi(env("gitlab-branch"));
    expect(ctx.provider).toBe("gitlab");
    expect(ctx.base).toBeUndefined();
    expect(ctx.url).toBe("https://gitlab.example.com/acme/app/-/pipelines/55");
    expect(gitlab.context({ ...env("gitlab-branch"), CI_COMMIT_BEFORE_SHA: "abc123" }).base).toBe("abc123");
  });

  it("reads a Jenkins pull-request build", () => {
    expect(detectCi(env("jenkins-pull-request"))).toEqual({
      provider: "jenkins",
      repository: "acme/app",
      commit: "8888888888888888888888888888888888888888",
      branch: "feature/login",
      pullRequest: "12",
      base: "origin/main",
      url: "https://ci.example.com/job/app/job/PR-12/3/",
      event: "pull_request",
    });
  });

  it("diffs a Jenkins branch build against the last successful commit", () => {
    const ctx = jenkins.context(env("jenkins-branch"));
    expect(ctx).toEqual({
      provider: "jenkins",
      repository: "acme/app",
      commit: "9999999999999999999999999999999999999999",
      branch: "main",
      base: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      url: "https://ci.example.com/job/app/job/main/20/",
    });
  });

  it("is local outside CI, and never reads process.env", () => {
    expect(detectCi(env("local"))).toEqual({ provider: "local" });
    expect(detectCi({})).toEqual({ provider: "local" });
  });

  it("parses repository URLs", () => {
    expect(repositoryFromUrl("https://github.com/acme/app.git")).toBe("acme/app");
    expect(repositoryFromUrl("git@gitlab.com:group/sub/app.git")).toBe("group/sub/app");
    expect(repositoryFromUrl("ssh://git@host:22/acme/app")).toBe("acme/app");
    expect(repositoryFromUrl(undefined)).toBeUndefined();
  });
});
