// Which framework a file belongs to, from its path first and a cheap look at its text second
// (so that package.json or a random config.yml is never parsed).
import type { Framework } from "./types.js";

const DOCKERFILE = /(^|\/)((Dockerfile|Containerfile)([.-][^/]*)?|[^/]+\.(dockerfile|Dockerfile))$/;
/** Source files and templates named after Dockerfiles (Dockerfile.ts, Dockerfile.md, Dockerfile.j2). */
const NOT_DOCKERFILE = /\.(ts|tsx|js|mjs|cjs|md|txt|json|ya?ml|go|py|rb|sh|java|kt|rs|lock|bak|orig|swp|tmpl|tpl|j2|jinja2?|erb|mustache|hbs)$/i;
const COMPOSE = /(^|\/)(docker-)?compose([.-][^/]*)?\.ya?ml$/i;
const WORKFLOW = /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/;
const ACTION = /(^|\/)action\.ya?ml$/;
const GITLAB = /(^|\/)(\.gitlab-ci\.ya?ml|[^/]+\.gitlab-ci\.ya?ml|\.gitlab\/ci\/[^/]+\.ya?ml)$/;
const YAML = /\.ya?ml$/i;

/** Frameworks worth trying on a path alone: undefined when the file can be skipped without reading it. */
export function candidateByPath(path: string): "terraform" | "dockerfile" | "yaml" | "json" | undefined {
  if (path.endsWith(".tf")) return "terraform";
  if (DOCKERFILE.test(path) && !NOT_DOCKERFILE.test(path)) return "dockerfile";
  if (YAML.test(path) || path.endsWith(".template")) return "yaml";
  if (path.endsWith(".json")) return "json";
  return undefined;
}

export function detectFramework(path: string, text: string): Framework | undefined {
  const kind = candidateByPath(path);
  if (kind === "terraform" || kind === "dockerfile") return kind;
  if (kind === "json") {
    if (/"planned_values"\s*:/.test(text) && /"format_version"\s*:/.test(text)) return "terraform-plan";
    if (/"AWSTemplateFormatVersion"\s*:/.test(text) || (/"Resources"\s*:/.test(text) && /"Type"\s*:\s*"(AWS|Alexa)::/.test(text))) return "cloudformation";
    if (/^\s*\{\s*"(apiVersion|kind)"\s*:/.test(text) && /"apiVersion"\s*:/.test(text) && /"kind"\s*:/.test(text)) return "kubernetes";
    return undefined;
  }
  if (kind !== "yaml") return undefined;
  if (WORKFLOW.test(path)) return "github-actions";
  if (ACTION.test(path)) return undefined;
  if (GITLAB.test(path)) return "gitlab-ci";
  if (COMPOSE.test(path) && /^services\s*:/m.test(text)) return "compose";
  if (/^AWSTemplateFormatVersion\s*:/m.test(text) || /^Transform\s*:\s*['"]?AWS::Serverless/m.test(text)) return "cloudformation";
  if (/^Resources\s*:/m.test(text) && /Type\s*:\s*['"]?AWS::/.test(text)) return "cloudformation";
  if (/^\s*apiVersion\s*:/m.test(text) && /^\s*kind\s*:/m.test(text)) return "kubernetes";
  if (/^services\s*:/m.test(text) && /^\s+image\s*:/m.test(text) && /(^|\/)[^/]*compose[^/]*$/i.test(path)) return "compose";
  return undefined;
}
