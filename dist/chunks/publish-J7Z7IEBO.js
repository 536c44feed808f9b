#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  renderMarkdownSummary
} from "./chunk-45LHAMRQ.js";
import {
  detectCi
} from "./chunk-A2EGKKLT.js";
import "./chunk-2ZZJDVTN.js";
import {
  redact
} from "./chunk-ZARXNJKQ.js";
import "./chunk-RSC3HFTQ.js";
import "./chunk-CXJQTCH4.js";
import "./chunk-2GVBCIT7.js";

// src/ci/gitlab/mr-note.ts
var NOTE_MARKER = "<!-- tollgate:report -->";
var MAX_NOTE = 1e5;
function noteTarget(env) {
  const iid = Number(env.CI_MERGE_REQUEST_IID);
  if (!env.CI_MERGE_REQUEST_IID || !Number.isInteger(iid)) return { skip: "not a merge-request pipeline" };
  const token = env.TOLLGATE_GITLAB_TOKEN || env.GITLAB_TOKEN;
  if (!token) return { skip: "no TOLLGATE_GITLAB_TOKEN (a project access token with api scope) to write the merge-request note" };
  const host = env.CI_SERVER_URL;
  const projectId = env.CI_PROJECT_ID;
  if (!host || !projectId) return { skip: "CI_SERVER_URL or CI_PROJECT_ID is not set" };
  return { host, projectId, iid, token };
}
function status(error) {
  const cause = typeof error === "object" && error !== null && "cause" in error ? error.cause : void 0;
  return cause?.response?.status;
}
async function upsertMergeRequestNote(env, markdown) {
  const target = noteTarget(env);
  if ("skip" in target) return { action: "skipped", reason: target.skip };
  const { Gitlab } = await import("@gitbeaker/rest");
  const api = new Gitlab({ host: target.host, token: target.token });
  const text = markdown.length > MAX_NOTE ? `${markdown.slice(0, MAX_NOTE)}

\u2026(truncated)
` : markdown;
  const body = `${NOTE_MARKER}
${text}`;
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

// src/ci/mask.ts
var PATTERNS = [
  /\b((?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16})\b/g,
  /\b(gh[pousr]_[A-Za-z0-9]{36,})\b/g,
  /\b(github_pat_[A-Za-z0-9_]{22,})\b/g,
  /\b(glpat-[A-Za-z0-9_-]{20,})/g,
  /\b(xox[abposr]-[A-Za-z0-9-]{10,})/g,
  /\b(sk_live_[A-Za-z0-9]{16,})\b/g,
  /\b(AIza[0-9A-Za-z_-]{35})/g,
  /\b(npm_[A-Za-z0-9]{36})\b/g,
  // JWT: header and payload bounded, else "eyJ-eyJ-…" would cost quadratic time
  /\b(eyJ[A-Za-z0-9_-]{8,512}\.eyJ[A-Za-z0-9_-]{8,8192}\.[A-Za-z0-9_-]{8,})/g,
  // scheme://user:password@host
  /\b[a-z][a-z0-9+.-]{0,15}:\/\/[^\s:/@]{1,256}:([^\s@/]{3,})@/gi,
  // key = value pairs whose name says secret
  /(?:secret|token|passw(?:or)?d|pwd|api[_-]?key|access[_-]?key|private[_-]?key|client[_-]?secret)["']?[ \t]{0,8}[:=][ \t]{0,8}["']?([^\s"',;]{8,})/gi
];
var PRIVATE_KEY = /-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]{0,40}PRIVATE KEY-----|$)/g;
function maskSecrets(text) {
  let out = text.replace(PRIVATE_KEY, (match) => {
    const kind = /^-----BEGIN ([A-Z ]{0,40}?)PRIVATE KEY-----/.exec(match)?.[1] ?? "";
    return `-----BEGIN ${kind}PRIVATE KEY----- (masked) -----END ${kind}PRIVATE KEY-----`;
  });
  for (const pattern of PATTERNS) {
    out = out.replace(pattern, (match, ...groups) => {
      const value = groups.slice(0, -2).filter((g) => typeof g === "string").pop() ?? match;
      if (value.includes("\u2026")) return match;
      const at = match.lastIndexOf(value);
      return `${match.slice(0, at)}${redact(value)}${match.slice(at + value.length)}`;
    });
  }
  return out;
}

// src/ci/publish.ts
async function publishCiFeedback(report, env, log) {
  const ci = detectCi(env);
  if (ci.provider !== "gitlab" || !ci.pullRequest) return void 0;
  const linkBase = env.CI_PROJECT_URL && ci.commit ? `${env.CI_PROJECT_URL}/-/blob/${ci.commit}/` : void 0;
  const link = ci.url ? `
[Pipeline job](${ci.url})
` : "";
  const markdown = maskSecrets(renderMarkdownSummary(report, linkBase ? { linkBase } : {})) + link;
  const outcome = await upsertMergeRequestNote(env, markdown);
  if (outcome.action === "skipped") log(`tollgate: merge-request note skipped: ${outcome.reason}
`);
  else log(`tollgate: merge-request note ${outcome.action} (id ${outcome.id})
`);
  return outcome;
}
export {
  publishCiFeedback
};
