// The one merge-request note tollgate keeps up to date in GitLab merge-request pipelines, found
// again by a hidden marker and edited in place. Uses @gitbeaker/rest (GitLab's REST API v4).
// https://docs.gitlab.com/api/notes/#merge-requests
import type { Env } from "../types.js";

export const NOTE_MARKER = "<!-- tollgate:report -->";
/** GitLab notes are limited to 1,000,000 characters; stay far below. */
const MAX_NOTE = 100_000;

export type NoteOutcome =
  | { action: "created" | "updated"; id: number }
  | { action: "skipped"; reason: string };

/** Variables tollgate needs; CI_JOB_TOKEN cannot write notes, so a project or personal token is required. */
export function noteTarget(env: Env): { host: string; projectId: string; iid: number; token: string } | { skip: string } {
  const iid = Number(env.CI_MERGE_REQUEST_IID);
  if (!env.CI_MERGE_REQUEST_IID || !Number.isInteger(iid)) return { skip: "not a merge-request pipeline" };
  const token = env.TOLLGATE_GITLAB_TOKEN || env.GITLAB_TOKEN;
  if (!token) return { skip: "no TOLLGATE_GITLAB_TOKEN (a project access token with api scope) to write the merge-request note" };
  const host = env.CI_SERVER_URL;
  const projectId = env.CI_PROJECT_ID;
  if (!host || !projectId) return { skip: "CI_SERVER_URL or CI_PROJECT_ID is not set" };
  return { host, projectId, iid, token };
}

function status(error: unknown): number | undefined {
  const cause = typeof error === "object" && error !== null && "cause" in error ? (error as { cause?: { response?: { status?: number } } }).cause : undefined;
  return cause?.response?.status;
}

export async function upsertMergeRequestNote(env: Env, markdown: string): Promise<NoteOutcome> {
  const target = noteTarget(env);
  if ("skip" in target) return { action: "skipped", reason: target.skip };
  const { Gitlab } = await import("@gitbeaker/rest");
  const api = new Gitlab({ host: target.host, token: target.token });
  const text = markdown.length > MAX_NOTE ? `${markdown.slice(0, MAX_NOTE)}\n\n…(truncated)\n` : markdown;
  const body = `${NOTE_MARKER}\n${text}`;
  try {
    const notes = await api.MergeRequestNotes.all(target.projectId, target.iid, { perPage: 100, sort: "asc" });
    const mine = notes.find((n) => typeof n.body === "string" && n.body.includes(NOTE_MARKER));
    if (mine) {
      await api.MergeRequestNotes.edit(target.projectId, target.iid, mine.id, { body });
      return { action: "updated", id: mine.id };
    }
    const created = await api.MergeRequestNotes.create(target.projectId, target.iid, body);
    return { action: "created", id: created.id };
  } catch (error) {
    const code = status(error);
    if (code === 401 || code === 403 || code === 404) {
      return { action: "skipped", reason: `GitLab answered ${code}: the token cannot write notes on this merge request` };
    }
    return { action: "skipped", reason: `GitLab note failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
