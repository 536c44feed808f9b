// The one pull-request comment tollgate keeps up to date: found again by a hidden marker
// (as danger-js does), edited in place, never duplicated.
// REST: GET/POST /repos/{owner}/{repo}/issues/{issue_number}/comments, PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}
export const COMMENT_MARKER = "<!-- tollgate:report -->";

/** GitHub rejects comment bodies above 65,536 characters. */
export const MAX_COMMENT = 65_000;

export interface IssueComment {
  id: number;
  body?: string | null;
}

/** The subset of Octokit tollgate calls, so tests and other clients can supply it. */
export interface CommentApi {
  listComments(params: { owner: string; repo: string; issue_number: number; per_page: number; page: number }): Promise<{ data: IssueComment[] }>;
  createComment(params: { owner: string; repo: string; issue_number: number; body: string }): Promise<{ data: IssueComment }>;
  updateComment(params: { owner: string; repo: string; comment_id: number; body: string }): Promise<{ data: IssueComment }>;
}

export function commentBody(markdown: string): string {
  const room = MAX_COMMENT - COMMENT_MARKER.length - 100;
  const text = markdown.length > room ? `${markdown.slice(0, room)}\n\n…(truncated; see the job summary)\n` : markdown;
  return `${COMMENT_MARKER}\n${text}`;
}

export type UpsertResult = { action: "created" | "updated"; id: number };

export async function upsertComment(
  api: CommentApi,
  target: { owner: string; repo: string; issueNumber: number },
  markdown: string,
): Promise<UpsertResult> {
  const body = commentBody(markdown);
  const { owner, repo, issueNumber } = target;
  let existing: IssueComment | undefined;
  for (let page = 1; page <= 50 && !existing; page++) {
    const { data } = await api.listComments({ owner, repo, issue_number: issueNumber, per_page: 100, page });
    existing = data.find((c) => c.body?.includes(COMMENT_MARKER));
    if (data.length < 100) break;
  }
  if (existing) {
    await api.updateComment({ owner, repo, comment_id: existing.id, body });
    return { action: "updated", id: existing.id };
  }
  const { data } = await api.createComment({ owner, repo, issue_number: issueNumber, body });
  return { action: "created", id: data.id };
}

/** A 403/404 on comments means the token cannot write (fork pull requests, read-only permissions). */
export function isPermissionError(error: unknown): boolean {
  const status = typeof error === "object" && error !== null && "status" in error ? (error as { status: unknown }).status : undefined;
  return status === 403 || status === 404 || status === 401;
}
