// Jenkins: variables set by the git plugin and by multibranch pull-request builds (CHANGE_*).
// https://www.jenkins.io/doc/book/pipeline/multibranch/#additional-environment-variables
import { compact, isNullSha, type CiContext, type CiProvider, type Env } from "../types.js";

/** "https://github.com/acme/app.git" or "git@host:acme/app.git" → "acme/app". */
export function repositoryFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const m = /^(?:[a-z+]+:\/\/[^/]+\/|[^@/]+@[^:]+:)(.+?)(?:\.git)?\/?$/i.exec(url.trim());
  return m?.[1] ?? url;
}

export const jenkins: CiProvider = {
  id: "jenkins",
  detect: (env) => Boolean(env.JENKINS_URL) || (Boolean(env.BUILD_URL) && Boolean(env.JENKINS_HOME)),
  context(env: Env): CiContext {
    let base: string | undefined;
    // Pull-request builds know their target branch; a branch build can diff against the last green commit.
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
      event: env.CHANGE_ID ? "pull_request" : undefined,
    });
  },
};
