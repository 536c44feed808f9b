// After a `tollgate run`: the feedback the CI system shows natively, beyond report files.
// Today that is the GitLab merge-request note (GitHub's comment lives in the Action).
import type { RunReport } from "../core/types.js";
import { renderMarkdownSummary } from "../reporters/markdown/summary.js";
import { upsertMergeRequestNote, type NoteOutcome } from "./gitlab/mr-note.js";
import { maskSecrets } from "./mask.js";
import { detectCi } from "./providers/index.js";
import type { Env } from "./types.js";

/** Never throws and never changes the verdict: feedback is best effort. */
export async function publishCiFeedback(report: RunReport, env: Env, log: (line: string) => void): Promise<NoteOutcome | undefined> {
  const ci = detectCi(env);
  if (ci.provider !== "gitlab" || !ci.pullRequest) return undefined;
  const linkBase = env.CI_PROJECT_URL && ci.commit ? `${env.CI_PROJECT_URL}/-/blob/${ci.commit}/` : undefined;
  const link = ci.url ? `\n[Pipeline job](${ci.url})\n` : "";
  const markdown = maskSecrets(renderMarkdownSummary(report, linkBase ? { linkBase } : {})) + link;
  const outcome = await upsertMergeRequestNote(env, markdown);
  if (outcome.action === "skipped") log(`tollgate: merge-request note skipped: ${outcome.reason}\n`);
  else log(`tollgate: merge-request note ${outcome.action} (id ${outcome.id})\n`);
  return outcome;
}
