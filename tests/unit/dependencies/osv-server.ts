// A loopback server answering as the OSV API documents (https://google.github.io/osv.dev/api/):
// POST /v1/querybatch -> { results: [{ vulns: [{ id, modified }], next_page_token? }] } and
// GET /v1/vulns/{id} -> the record. Which ids affect which package version is a table the test
// gives, so the server does not reuse the matcher under test.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeOsvOptions {
  records: Record<string, unknown>[];
  /** "ecosystem/name/version" -> ids the API reports for it. */
  affected: Record<string, string[]>;
  /** Return at most this many ids per query and a next_page_token for the rest. */
  pageSize?: number;
}

export interface FakeOsv {
  url: string;
  /** Every request as "METHOD path". */
  log: string[];
  /** Number of queries in each querybatch request. */
  batchSizes: number[];
  /** Answer the next N requests with this status. */
  failNext(n: number, status?: number): void;
  /** Stop answering (requests hang) until resumed. */
  hang(on: boolean): void;
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startFakeOsv(options: FakeOsvOptions): Promise<FakeOsv> {
  const byId = new Map(options.records.map((r) => [String(r.id), r]));
  const log: string[] = [];
  const batchSizes: number[] = [];
  let failures: { n: number; status: number } = { n: 0, status: 503 };
  let hanging = false;
  const hung: ServerResponse[] = [];
  const send = (res: ServerResponse, status: number, value: unknown): void => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(value));
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
      log.push(`${req.method ?? "?"} ${path}`);
      const text = await body(req);
      if (hanging) {
        hung.push(res);
        return;
      }
      if (failures.n > 0) {
        failures.n--;
        send(res, failures.status, { code: 14, message: "unavailable" });
        return;
      }
      if (req.method === "POST" && path === "/v1/querybatch") {
        let parsed: { queries?: { package?: { ecosystem?: string; name?: string }; version?: string; page_token?: string }[] };
        try {
          parsed = JSON.parse(text) as typeof parsed;
        } catch {
          send(res, 400, { code: 3, message: "invalid JSON" });
          return;
        }
        const queries = parsed.queries ?? [];
        batchSizes.push(queries.length);
        if (queries.length > 1000) {
          send(res, 400, { code: 3, message: "Too many queries." });
          return;
        }
        const results = queries.map((q) => {
          const ids = options.affected[`${q.package?.ecosystem ?? ""}/${q.package?.name ?? ""}/${q.version ?? ""}`] ?? [];
          const start = q.page_token ? Number(q.page_token) : 0;
          const size = options.pageSize ?? ids.length;
          const page = ids.slice(start, start + size);
          if (page.length === 0) return {};
          const result: Record<string, unknown> = { vulns: page.map((id) => ({ id, modified: "2024-01-02T03:04:05Z" })) };
          if (start + size < ids.length) result.next_page_token = String(start + size);
          return result;
        });
        send(res, 200, { results });
        return;
      }
      const vuln = /^\/v1\/vulns\/(.+)$/.exec(path);
      if (req.method === "GET" && vuln?.[1]) {
        const record = byId.get(decodeURIComponent(vuln[1]));
        if (record) send(res, 200, record);
        else send(res, 404, { code: 5, message: "Bug not found." });
        return;
      }
      send(res, 404, { code: 5, message: "Not found" });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    batchSizes,
    failNext: (n, status = 503) => {
      failures = { n, status };
    },
    hang: (on) => {
      hanging = on;
      if (!on) for (const res of hung.splice(0)) res.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hung.splice(0)) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
