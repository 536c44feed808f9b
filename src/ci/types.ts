// What tollgate needs to know about the CI system it runs in (DESIGN.md "Where it runs").

export type Env = Record<string, string | undefined>;

export interface CiContext {
  /** "github", "gitlab", "jenkins" or "local". */
  provider: string;
  repository?: string;
  commit?: string;
  branch?: string;
  /** Pull/merge request number or id, when the build is for one. */
  pullRequest?: string;
  /** Base commit or ref for --changed, when the CI system knows it. */
  base?: string;
  /** Link to the build. */
  url?: string;
  /** The event that started the build ("pull_request", "push", "merge_request_event"...), when known. */
  event?: string;
}

/** One per CI system, built from an injected environment object (never process.env directly). */
export interface CiProvider {
  id: string;
  /** True when env says we run inside this CI system. */
  detect(env: Env): boolean;
  context(env: Env): CiContext;
}

/** A git "null" object id: a ref that does not exist yet (new branch) or any more (deleted). */
export function isNullSha(sha: string | undefined): boolean {
  return sha === undefined || /^0+$/.test(sha);
}

/** Drops undefined and empty values so that contexts compare and serialize cleanly. */
export function compact(context: CiContext): CiContext {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(context)) if (typeof value === "string" && value !== "") out[key] = value;
  return out as unknown as CiContext;
}
