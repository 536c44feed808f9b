// The online OSV source against a loopback server that answers as the OSV API documents.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createServer } from "node:net";
import { findAdvisories, AdvisoriesUnavailableError } from "../../../src/scanners/osv/index.js";
import { removeDir, tempDir } from "../../helpers/tmp.js";
import { osvRecord } from "./osv-helpers.js";
import { startFakeOsv, type FakeOsv } from "./osv-server.js";

const RECORDS = [
  osvRecord({ id: "GHSA-35jh-r3h4-6jhm", ecosystem: "npm", name: "lodash", aliases: ["CVE-2021-23337"], events: [{ introduced: "0" }, { fixed: "4.17.21" }], databaseSeverity: "HIGH" }),
  osvRecord({ id: "GHSA-p6mc-m468-83gw", ecosystem: "npm", name: "lodash", events: [{ introduced: "3.7.0" }, { fixed: "4.17.19" }], databaseSeverity: "HIGH" }),
  osvRecord({ id: "PYSEC-2021-98", ecosystem: "PyPI", name: "django", events: [{ introduced: "3.2" }, { fixed: "3.2.4" }], severity: [{ type: "CVSS_V3", score: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N" }] }),
];
const AFFECTED = {
  "npm/lodash/4.17.15": ["GHSA-35jh-r3h4-6jhm", "GHSA-p6mc-m468-83gw"],
  "PyPI/django/3.2.3": ["PYSEC-2021-98"],
};
const PACKAGES = [
  { ecosystem: "npm", name: "lodash", version: "4.17.15" },
  { ecosystem: "npm", name: "left-pad", version: "1.3.0" },
  { ecosystem: "PyPI", name: "django", version: "3.2.3" },
];

const dirs: string[] = [];
const servers: FakeOsv[] = [];
function temp(): string {
  const d = tempDir("tollgate-osv-cache-");
  dirs.push(d);
  return d;
}
async function server(options: Partial<Parameters<typeof startFakeOsv>[0]> = {}): Promise<FakeOsv> {
  const s = await startFakeOsv({ records: RECORDS, affected: AFFECTED, ...options });
  servers.push(s);
  return s;
}
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  dirs.forEach(removeDir);
});

describe("online OSV source", () => {
  let osv: FakeOsv;
  beforeAll(async () => {
    osv = await server();
  });

  it("asks querybatch once, then fetches each advisory once", async () => {
    osv.log.length = 0;
    const { matches, stats } = await findAdvisories(PACKAGES, { online: { url: osv.url }, cacheDir: temp() });
    expect(matches.map((m) => [m.package.name, m.id, m.severity, m.fixed])).toEqual([
      ["django", "PYSEC-2021-98", "high", ["3.2.4"]],
      ["lodash", "GHSA-35jh-r3h4-6jhm", "high", ["4.17.21"]],
      ["lodash", "GHSA-p6mc-m468-83gw", "high", ["4.17.19"]],
    ]);
    expect(osv.log.sort()).toEqual(["GET /v1/vulns/GHSA-35jh-r3h4-6jhm", "GET /v1/vulns/GHSA-p6mc-m468-83gw", "GET /v1/vulns/PYSEC-2021-98", "POST /v1/querybatch"]);
    expect(stats.requests).toBe(4);
  });

  it("does no network round trip on a warm cache, and asks again once the TTL has passed", async () => {
    const cacheDir = temp();
    await findAdvisories(PACKAGES, { online: { url: osv.url }, cacheDir });
    osv.log.length = 0;
    const warm = await findAdvisories(PACKAGES, { online: { url: osv.url }, cacheDir });
    expect(osv.log).toEqual([]);
    expect(warm.stats.requests).toBe(0);
    expect(warm.matches).toHaveLength(3);
    const expired = await findAdvisories(PACKAGES, { online: { url: osv.url, ttlMs: 0 }, cacheDir });
    expect(osv.log).toContain("POST /v1/querybatch");
    expect(expired.matches).toHaveLength(3);
  });

  it("splits more than 1000 packages into batches the API accepts", async () => {
    const many = Array.from({ length: 1200 }, (_, i) => ({ ecosystem: "npm", name: `pkg-${i}`, version: "1.0.0" }));
    osv.batchSizes.length = 0;
    const { matches } = await findAdvisories([...many, PACKAGES[0] ?? PACKAGES[1] ?? { ecosystem: "", name: "", version: "" }], { online: { url: osv.url }, cacheDir: temp() });
    expect(osv.batchSizes).toEqual([1000, 201]);
    expect(matches.map((m) => m.id)).toEqual(["GHSA-35jh-r3h4-6jhm", "GHSA-p6mc-m468-83gw"]);
  });

  it("follows next_page_token until every advisory is listed", async () => {
    const paged = await server({ pageSize: 1 });
    const { matches } = await findAdvisories([PACKAGES[0] ?? { ecosystem: "", name: "", version: "" }], { online: { url: paged.url }, cacheDir: temp() });
    expect(matches.map((m) => m.id)).toEqual(["GHSA-35jh-r3h4-6jhm", "GHSA-p6mc-m468-83gw"]);
    expect(paged.log.filter((l) => l === "POST /v1/querybatch")).toHaveLength(2);
  });

  it("retries a failing API and succeeds when it recovers", async () => {
    const flaky = await server();
    flaky.failNext(2, 503);
    const { matches } = await findAdvisories(PACKAGES, { online: { url: flaky.url }, cacheDir: temp(), attempts: 3, backoffMs: 10 });
    expect(matches).toHaveLength(3);
    expect(flaky.log.slice(0, 3)).toEqual(["POST /v1/querybatch", "POST /v1/querybatch", "POST /v1/querybatch"]);
  });

  it("gives up with AdvisoriesUnavailableError after the retries", async () => {
    const down = await server();
    down.failNext(10, 500);
    await expect(findAdvisories(PACKAGES, { online: { url: down.url }, cacheDir: temp(), attempts: 3, backoffMs: 5 })).rejects.toThrow(AdvisoriesUnavailableError);
    expect(down.log).toHaveLength(3);
  });

  it("does not retry a request the API rejects as invalid", async () => {
    const strict = await server();
    strict.failNext(1, 400);
    await expect(findAdvisories(PACKAGES, { online: { url: strict.url }, cacheDir: temp(), attempts: 3, backoffMs: 5 })).rejects.toThrow(/HTTP 400/);
    expect(strict.log).toHaveLength(1);
  });

  it("times out a request that gets no answer", async () => {
    const slow = await server();
    slow.hang(true);
    const started = Date.now();
    await expect(findAdvisories(PACKAGES, { online: { url: slow.url, timeoutMs: 200 }, cacheDir: temp(), attempts: 2, backoffMs: 10 })).rejects.toThrow(/no answer within 200 ms/);
    expect(Date.now() - started).toBeLessThan(5000);
    slow.hang(false);
  });

  it("reports an unreachable API", async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, "127.0.0.1", () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    await expect(findAdvisories(PACKAGES, { online: { url: `http://127.0.0.1:${port}` }, cacheDir: temp(), attempts: 2, backoffMs: 5 })).rejects.toThrow(/OSV API at http:\/\/127\.0\.0\.1:\d+ is unavailable/);
  });

  it("stops when the run is aborted", async () => {
    const slow = await server();
    slow.hang(true);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("gate timeout")), 100);
    await expect(findAdvisories(PACKAGES, { online: { url: slow.url, timeoutMs: 10_000 }, cacheDir: temp(), signal: controller.signal })).rejects.toThrow(/gate timeout|aborted/);
    slow.hang(false);
  });
});
