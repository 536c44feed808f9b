// CI providers, most specific first; `local` always matches and comes last.
import type { CiContext, CiProvider, Env } from "../types.js";
import { github } from "./github.js";
import { gitlab } from "./gitlab.js";
import { jenkins } from "./jenkins.js";
import { local } from "./local.js";

export const providers: CiProvider[] = [github, gitlab, jenkins, local];

export function detectCi(env: Env): CiContext {
  const provider = providers.find((p) => p.detect(env)) ?? local;
  return provider.context(env);
}

export { github, gitlab, jenkins, local };
