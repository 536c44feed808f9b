// A loopback server answering the few GitHub REST endpoints tollgate uses, as GitHub documents them,
// recording every request so tests can check it against GitHub's OpenAPI description.
import { createServer, type IncomingMessage, type Server } from "node:http";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  authorization: string | undefined;
}

export interface StoredComment {
  id: number;
  body: string;
}

export interface GitHubApiServer {
  url: string;
  requests: RecordedRequest[];
  comments: Map<number, StoredComment[]>;
  /** When set, writes answer 403 as GitHub does for read-only tokens. */
  readOnly: boolean;
  close(): Promise<void>;
}

const USER = {
  login: "github-actions[bot]",
  id: 41898282,
  node_id: "MDM6Qm90NDE4OTgyODI=",
  avatar_url: "https://avatars.githubusercontent.com/in/15368?v=4",
  gravatar_id: "",
  url: "https://api.github.com/users/github-actions%5Bbot%5D",
  html_url: "https://github.com/apps/github-actions",
  followers_url: "https://api.github.com/users/github-actions%5Bbot%5D/followers",
  following_url: "https://api.github.com/users/github-actions%5Bbot%5D/following{/other_user}",
  gists_url: "https://api.github.com/users/github-actions%5Bbot%5D/gists{/gist_id}",
  starred_url: "https://api.github.com/users/github-actions%5Bbot%5D/starred{/owner}{/repo}",
  subscriptions_url: "https://api.github.com/users/github-actions%5Bbot%5D/subscriptions",
  organizations_url: "https://api.github.com/users/github-actions%5Bbot%5D/orgs",
  repos_url: "https://api.github.com/users/github-actions%5Bbot%5D/repos",
  events_url: "https://api.github.com/users/github-actions%5Bbot%5D/events{/privacy}",
  received_events_url: "https://api.github.com/users/github-actions%5Bbot%5D/received_events",
  type: "Bot",
  site_admin: false,
};

function issueComment(owner: string, repo: string, issue: number, c: StoredComment) {
  return {
    id: c.id,
    node_id: Buffer.from(`IssueComment${c.id}`).toString("base64"),
    url: `https://api.github.com/repos/${owner}/${repo}/issues/comments/${c.id}`,
    html_url: `https://github.com/${owner}/${repo}/pull/${issue}#issuecomment-${c.id}`,
    issue_url: `https://api.github.com/repos/${owner}/${repo}/issues/${issue}`,
    body: c.body,
    user: USER,
    created_at: "2026-03-01T10:00:00Z",
    updated_at: "2026-03-01T10:00:00Z",
    author_association: "NONE",
  };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function startGitHubApi(): Promise<GitHubApiServer> {
  const state = { requests: [] as RecordedRequest[], comments: new Map<number, StoredComment[]>(), readOnly: false, nextId: 1000 };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const body = await readBody(req);
      state.requests.push({
        method: req.method ?? "GET",
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body,
        authorization: req.headers.authorization,
      });
      const send = (status: number, data: unknown) => {
        res.writeHead(status, { "content-type": "application/json; charset=utf-8", "x-github-api-version-selected": "2022-11-28" });
        res.end(JSON.stringify(data));
      };
      const list = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname);
      const one = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname);
      const forbidden = () =>
        send(403, { message: "Resource not accessible by integration", documentation_url: "https://docs.github.com/rest/issues/comments#create-an-issue-comment", status: "403" });
      if (list && req.method === "GET") {
        const [, owner = "", repo = "", n = "0"] = list;
        const perPage = Number(url.searchParams.get("per_page") ?? 30);
        const page = Number(url.searchParams.get("page") ?? 1);
        const all = state.comments.get(Number(n)) ?? [];
        return send(200, all.slice((page - 1) * perPage, page * perPage).map((c) => issueComment(owner, repo, Number(n), c)));
      }
      if (list && req.method === "POST") {
        if (state.readOnly) return forbidden();
        const [, owner = "", repo = "", n = "0"] = list;
        const c = { id: state.nextId++, body: String((body as { body?: unknown } | undefined)?.body ?? "") };
        state.comments.set(Number(n), [...(state.comments.get(Number(n)) ?? []), c]);
        return send(201, issueComment(owner, repo, Number(n), c));
      }
      if (one && req.method === "PATCH") {
        if (state.readOnly) return forbidden();
        const [, owner = "", repo = "", id = "0"] = one;
        for (const [issue, comments] of state.comments) {
          const c = comments.find((x) => x.id === Number(id));
          if (c) {
            c.body = String((body as { body?: unknown } | undefined)?.body ?? "");
            return send(200, issueComment(owner, repo, issue, c));
          }
        }
        return send(404, { message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" });
      }
      send(404, { message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    comments: state.comments,
    get readOnly() {
      return state.readOnly;
    },
    set readOnly(v: boolean) {
      state.readOnly = v;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface OpenApiOperation {
  parameters?: Array<{ $ref?: string; name?: string; in?: string; required?: boolean }>;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: { $ref?: string; required?: string[]; properties?: Record<string, { type?: string }> } }> };
}
interface OpenApiDoc {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { parameters: Record<string, { name: string; in: string; required?: boolean }>; schemas: Record<string, { required?: string[]; properties?: Record<string, { type?: string }> }> };
}

let openApi: OpenApiDoc | undefined;
function loadOpenApi(): OpenApiDoc {
  if (!openApi) {
    const require = createRequire(import.meta.url);
    const file = require.resolve("@octokit/openapi/generated/api.github.com.json");
    openApi = JSON.parse(readFileSync(file, "utf8")) as OpenApiDoc;
  }
  return openApi;
}

/**
 * Problems with a request according to GitHub's published OpenAPI description:
 * the path and method exist, query parameters are declared, the body has the required properties.
 */
export function openApiProblems(r: RecordedRequest): string[] {
  const doc = loadOpenApi();
  const method = r.method.toLowerCase();
  const entry = Object.entries(doc.paths).find(([template]) => {
    const re = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{[^}]+\\?\}|\{[^}]+\}/g, "[^/]+")}$`);
    return re.test(r.path);
  });
  if (!entry) return [`${r.method} ${r.path}: no such path in GitHub's REST API`];
  const [template, item] = entry;
  const op = item[method];
  if (!op) return [`${r.method} ${template}: method not in GitHub's REST API`];
  const problems: string[] = [];
  const params = (op.parameters ?? []).map((p) => (p.$ref ? doc.components.parameters[p.$ref.split("/").pop() ?? ""] : p)).filter((p): p is { name: string; in: string; required?: boolean } => Boolean(p?.name));
  for (const q of Object.keys(r.query)) {
    if (!params.some((p) => p.in === "query" && p.name === q)) problems.push(`${r.method} ${template}: query parameter "${q}" is not declared`);
  }
  const schemaRef = op.requestBody?.content?.["application/json"]?.schema;
  const schema = schemaRef?.$ref ? doc.components.schemas[schemaRef.$ref.split("/").pop() ?? ""] : schemaRef;
  if (op.requestBody?.required && r.body === undefined) problems.push(`${r.method} ${template}: body required`);
  if (schema && r.body !== undefined) {
    const body = r.body as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in body)) problems.push(`${r.method} ${template}: body lacks "${key}"`);
    for (const [key, value] of Object.entries(body)) {
      const type = schema.properties?.[key]?.type;
      if (!schema.properties?.[key]) problems.push(`${r.method} ${template}: body property "${key}" is not declared`);
      else if (type && type !== (Array.isArray(value) ? "array" : typeof value)) problems.push(`${r.method} ${template}: body "${key}" should be ${type}`);
    }
  }
  return problems;
}
