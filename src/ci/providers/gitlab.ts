// GitLab CI: predefined variables; merge-request pipelines carry the diff base.
// https://docs.gitlab.com/ci/variables/predefined_variables/
import { compact, isNullSha, type CiContext, type CiProvider, type Env } from "../types.js";

export const gitlab: CiProvider = {
  id: "gitlab",
  detect: (env) => env.GITLAB_CI === "true",
  context(env: Env): CiContext {
    let base: string | undefined;
    // DIFF_BASE_SHA is the merge-base GitLab itself diffs against, so --changed matches the MR's "Changes" tab.
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
      event: env.CI_PIPELINE_SOURCE,
    });
  },
};
