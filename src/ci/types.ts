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
}

/** One per CI system, built from an injected environment object (never process.env directly). */
export interface CiProvider {
  id: string;
  /** True when env says we run inside this CI system. */
  detect(env: Env): boolean;
  context(env: Env): CiContext;
}
