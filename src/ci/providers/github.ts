// GitHub Actions: the documented default variables plus the webhook payload at GITHUB_EVENT_PATH.
// https://docs.github.com/en/actions/reference/variables-reference#default-environment-variables
import { readFileSync } from "node:fs";
import { compact, isNullSha, type CiContext, type CiProvider, type Env } from "../types.js";

/** The parts of the event payload tollgate reads; everything is optional because events differ. */
export interface GitHubEventPayload {
  before?: string;
  after?: string;
  number?: number;
  pull_request?: {
    number?: number;
    head?: { sha?: string; ref?: string; repo?: { full_name?: string } | null };
    base?: { sha?: string; ref?: string; repo?: { full_name?: string } };
  };
  repository?: { full_name?: string; default_branch?: string };
}

/** Reads the event payload; a missing or malformed file gives an empty payload, never a crash. */
export function readEventPayload(env: Env): GitHubEventPayload {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
    return typeof parsed === "object" && parsed !== null ? (parsed as GitHubEventPayload) : {};
  } catch {
    return {};
  }
}

export function isPullRequestEvent(env: Env): boolean {
  return env.GITHUB_EVENT_NAME === "pull_request" || env.GITHUB_EVENT_NAME === "pull_request_target";
}

export const github: CiProvider = {
  id: "github",
  detect: (env) => env.GITHUB_ACTIONS === "true",
  context(env: Env): CiContext {
    const payload = readEventPayload(env);
    const pr = payload.pull_request;
    const refPr = /^refs\/pull\/(\d+)\//.exec(env.GITHUB_REF ?? "")?.[1];
    const prNumber = pr?.number ?? payload.number;
    let base: string | undefined;
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
      pullRequest: prNumber !== undefined ? String(prNumber) : refPr,
      base,
      url:
        env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
          ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
          : undefined,
      event: env.GITHUB_EVENT_NAME,
    });
  },
};
