#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  compact,
  isNullSha
} from "./chunk-2ZZJDVTN.js";

// src/ci/providers/github.ts
import { readFileSync } from "node:fs";
function readEventPayload(env) {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return {};
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8"));
    return typeof parsed === "object" && parsed !== null ? parsed : {};
  } catch {
    return {};
  }
}
var github = {
  id: "github",
  detect: (env) => env.GITHUB_ACTIONS === "true",
  context(env) {
    const payload = readEventPayload(env);
    const pr = payload.pull_request;
    const refPr = /^refs\/pull\/(\d+)\//.exec(env.GITHUB_REF ?? "")?.[1];
    const prNumber = pr?.number ?? payload.number;
    let base;
    if (pr?.base?.sha) base = pr.base.sha;
    else if (env.GITHUB_BASE_REF) base = `origin/${env.GITHUB_BASE_REF}`;
    else if (env.GITHUB_EVENT_NAME === "push" && !isNullSha(payload.before)) base = payload.before;
    const server = env.GITHUB_SERVER_URL ?? "https://github.com";
    return compact({
      provider: "github",
      repository: env.GITHUB_REPOSITORY,
      // On pull_request events GITHUB_SHA is a merge commit nobody pushed; the head is what users recognise.
      commit: pr?.head?.sha ?? env.GITHUB_SHA,
      branch: env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME,
      pullRequest: prNumber !== void 0 ? String(prNumber) : refPr,
      base,
      url: env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : void 0,
      event: env.GITHUB_EVENT_NAME
    });
  }
};

// src/ci/providers/gitlab.ts
var gitlab = {
  id: "gitlab",
  detect: (env) => env.GITLAB_CI === "true",
  context(env) {
    let base;
    if (env.CI_MERGE_REQUEST_DIFF_BASE_SHA) base = env.CI_MERGE_REQUEST_DIFF_BASE_SHA;
    else if (env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME) base = `origin/${env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME}`;
    else if (!isNullSha(env.CI_COMMIT_BEFORE_SHA)) base = env.CI_COMMIT_BEFORE_SHA;
    return compact({
      provider: "gitlab",
      repository: env.CI_PROJECT_PATH,
      commit: env.CI_COMMIT_SHA,
      branch: env.CI_MERGE_REQUEST_SOURCE_BRANCH_NAME || env.CI_COMMIT_BRANCH || env.CI_COMMIT_REF_NAME,
      pullRequest: env.CI_MERGE_REQUEST_IID,
      base,
      url: env.CI_JOB_URL || env.CI_PIPELINE_URL,
      event: env.CI_PIPELINE_SOURCE
    });
  }
};

// src/ci/providers/jenkins.ts
function repositoryFromUrl(url) {
  if (!url) return void 0;
  const m = /^(?:[a-z+]+:\/\/[^/]+\/|[^@/]+@[^:]+:)(.+?)(?:\.git)?\/?$/i.exec(url.trim());
  return m?.[1] ?? url;
}
var jenkins = {
  id: "jenkins",
  detect: (env) => Boolean(env.JENKINS_URL) || Boolean(env.BUILD_URL) && Boolean(env.JENKINS_HOME),
  context(env) {
    let base;
    if (env.CHANGE_ID && env.CHANGE_TARGET) base = `origin/${env.CHANGE_TARGET}`;
    else if (!isNullSha(env.GIT_PREVIOUS_SUCCESSFUL_COMMIT) && env.GIT_PREVIOUS_SUCCESSFUL_COMMIT !== env.GIT_COMMIT)
      base = env.GIT_PREVIOUS_SUCCESSFUL_COMMIT;
    return compact({
      provider: "jenkins",
      repository: repositoryFromUrl(env.GIT_URL),
      commit: env.GIT_COMMIT,
      branch: env.CHANGE_BRANCH || env.BRANCH_NAME || env.GIT_BRANCH?.replace(/^origin\//, ""),
      pullRequest: env.CHANGE_ID,
      base,
      url: env.BUILD_URL,
      event: env.CHANGE_ID ? "pull_request" : void 0
    });
  }
};

// src/ci/providers/local.ts
var local = {
  id: "local",
  detect: () => true,
  context: () => ({ provider: "local" })
};

// src/ci/providers/index.ts
var providers = [github, gitlab, jenkins, local];
function detectCi(env) {
  const provider = providers.find((p) => p.detect(env)) ?? local;
  return provider.context(env);
}

export {
  detectCi
};
