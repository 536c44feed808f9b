// The merge-request note through @gitbeaker/rest against a loopback server that answers as
// GitLab's REST API v4 documents: notes list with offset pagination (Link, X-* headers), create, edit.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { NOTE_MARKER, upsertMergeRequestNote } from "../../../src/ci/gitlab/mr-note.js";
import { publishCiFeedback } from "../../../src/ci/publish.js";
import { sampleReport } from "./sample-report.js";

interface Note {
  id: number;
  body: string;
}
interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown> | undefined;
  token: string | undefined;
}

const notes = new Map<string, Note[]>();
const requests: Recorded[] = [];
let forbidden = false;
let server: Server;
let host = "";
let nextId = 5000;

function noteJson(n: Note) {
  return {
    id: n.id,
    type: null,
    body: n.body,
    attachment: null,
    author: { id: 1, username: "project_17_bot", name: "tollgate bot", state: "active", avatar_url: null, web_url: "https://gitlab.example.com/project_17_bot" },
    created_at: "2026-03-01T10:00:00.000Z",
    updated_at: "2026-03-01T10:00:00.000Z",
    system: false,
    noteable_id: 77,
    noteable_type: "MergeRequest",
    project_id: 17,
    noteable_iid: 8,
    resolvable: false,
    confidential: false,
    internal: false,
  };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const text = Buffer.concat(chunks).toString("utf8");
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
      requests.push({ method: req.method ?? "", path: url.pathname, query: Object.fromEntries(url.searchParams), body, token: req.headers["private-token"] as string | undefined });
      const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(data));
      };
      if (req.headers["private-token"] !== "glpat-test") return send(401, { message: "401 Unauthorized" });
      const m = /^\/api\/v4\/projects\/([^/]+)\/merge_requests\/(\d+)\/notes(?:\/(\d+))?$/.exec(url.pathname);
      if (!m) return send(404, { message: "404 Not Found" });
      const key = `${decodeURIComponent(m[1] ?? "")}!${m[2]}`;
      const list = notes.get(key) ?? [];
      if (req.method === "GET" && !m[3]) {
        const perPage = Number(url.searchParams.get("per_page") ?? 20);
        const page = Number(url.searchParams.get("page") ?? 1);
        const totalPages = Math.max(1, Math.ceil(list.length / perPage));
        const headers: Record<string, string> = {
          "x-page": String(page),
          "x-per-page": String(perPage),
          "x-total": String(list.length),
          "x-total-pages": String(totalPages),
          "x-prev-page": page > 1 ? String(page - 1) : "",
          "x-next-page": page < totalPages ? String(page + 1) : "",
        };
        if (page < totalPages) {
          const next = new URL(url.href.replace("http://127.0.0.1", host));
          next.searchParams.set("page", String(page + 1));
          headers.link = `<${next.href}>; rel="next"`;
        }
        return send(200, list.slice((page - 1) * perPage, page * perPage).map(noteJson), headers);
      }
      if (forbidden) return send(403, { message: "403 Forbidden" });
      if (req.method === "POST" && !m[3]) {
        if (typeof body?.body !== "string") return send(400, { message: "400 Bad request - body is missing" });
        const n = { id: nextId++, body: body.body };
        notes.set(key, [...list, n]);
        return send(201, noteJson(n));
      }
      if (req.method === "PUT" && m[3]) {
        const n = list.find((x) => x.id === Number(m[3]));
        if (!n) return send(404, { message: "404 Note Not Found" });
        if (typeof body?.body !== "string") return send(400, { message: "400 Bad request - body is missing" });
        n.body = body.body;
        return send(200, noteJson(n));
      }
      send(405, { message: "405 Method Not Allowed" });
    })();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const env = (iid: string, extra: Record<string, string> = {}) => ({
  GITLAB_CI: "true",
  CI_SERVER_URL: host,
  CI_PROJECT_ID: "17",
  CI_PROJECT_URL: "https://gitlab.example.com/acme/app",
  CI_COMMIT_SHA: "5555555555555555555555555555555555555555",
  CI_MERGE_REQUEST_IID: iid,
  CI_JOB_URL: "https://gitlab.example.com/acme/app/-/jobs/901",
  TOLLGATE_GITLAB_TOKEN: "glpat-test",
  ...extra,
});

describe("GitLab merge-request note", () => {
  it("creates the note once, then edits it in place — even behind a page of other notes", async () => {
    notes.set("17!8", Array.from({ length: 130 }, (_, i) => ({ id: i + 1, body: `review comment ${i}` })));
    const first = await upsertMergeRequestNote(env("8"), "first run");
    expect(first).toEqual({ action: "created", id: 5000 });
    const second = await upsertMergeRequestNote(env("8"), "second run");
    expect(second).toEqual({ action: "updated", id: 5000 });
    const mine = (notes.get("17!8") ?? []).filter((n) => n.body.includes(NOTE_MARKER));
    expect(mine).toEqual([{ id: 5000, body: `${NOTE_MARKER}\nsecond run` }]);
    // the second run had to follow the Link header to page 2 to find it
    const pages = requests.filter((r) => r.method === "GET").map((r) => r.query.page ?? "1");
    expect(pages).toEqual(["1", "2", "1", "2"]);
    expect(requests.every((r) => r.token === "glpat-test")).toBe(true);
    expect(requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /api/v4/projects/17/merge_requests/8/notes",
      "PUT /api/v4/projects/17/merge_requests/8/notes/5000",
    ]);
  });

  it("publishes the run summary in merge-request pipelines, with links to the files", async () => {
    const lines: string[] = [];
    const outcome = await publishCiFeedback(sampleReport(), env("9"), (l) => lines.push(l));
    expect(outcome?.action).toBe("created");
    const note = notes.get("17!9")?.[0]?.body ?? "";
    expect(note).toContain("## ❌ tollgate failed");
    expect(note).toContain("(https://gitlab.example.com/acme/app/-/blob/5555555555555555555555555555555555555555/src/config.ts#L12)");
    expect(note).toContain("[Pipeline job](https://gitlab.example.com/acme/app/-/jobs/901)");
    expect(lines.join("")).toContain("merge-request note created");
  });

  it("skips without a token, outside merge requests, and when GitLab refuses — never throws", async () => {
    const count = requests.length;
    expect(await upsertMergeRequestNote(env("8", { TOLLGATE_GITLAB_TOKEN: "" }), "x")).toEqual({ action: "skipped", reason: expect.stringContaining("no TOLLGATE_GITLAB_TOKEN") });
    expect(await upsertMergeRequestNote({ ...env("8"), CI_MERGE_REQUEST_IID: undefined }, "x")).toEqual({ action: "skipped", reason: "not a merge-request pipeline" });
    expect(await publishCiFeedback(sampleReport(), { GITHUB_ACTIONS: "true" }, () => undefined)).toBeUndefined();
    expect(requests.length).toBe(count);
    forbidden = true;
    try {
      const outcome = await upsertMergeRequestNote(env("10"), "x");
      expect(outcome).toEqual({ action: "skipped", reason: "GitLab answered 403: the token cannot write notes on this merge request" });
    } finally {
      forbidden = false;
    }
  });
});
