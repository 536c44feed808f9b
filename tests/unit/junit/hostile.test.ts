import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseJunitFile, ReportFileError } from "../../../src/scanners/junit/index.js";
import { removeDir, tempDir, writeTree } from "../../helpers/tmp.js";

const fixtures = join(fileURLToPath(new URL(".", import.meta.url)), "../../fixtures/junit");

async function failure(path: string): Promise<ReportFileError> {
  try {
    await parseJunitFile(path);
  } catch (error) {
    if (error instanceof ReportFileError) return error;
    throw error;
  }
  throw new Error(`${path} parsed without error`);
}

describe("bad and hostile JUnit files", () => {
  let server: Server;
  let port = 0;
  const requests: string[] = [];
  let dir = "";

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? "");
      res.end('<!ENTITY leak "fetched">');
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
    dir = tempDir();
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    removeDir(dir);
  });

  it("refuses a billion-laughs DOCTYPE quickly and without expanding it", async () => {
    const started = Date.now();
    const error = await failure(join(fixtures, "billion-laughs.input.xml"));
    expect(error.kind).toBe("hostile");
    expect(error.message).toMatch(/declares XML entities/);
    // expanding it would need gigabytes; refusing it takes milliseconds (generous bound for busy CI machines)
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("refuses an external entity pointing at a local file, and never reads it", async () => {
    const error = await failure(join(fixtures, "xxe-file.input.xml"));
    expect(error.kind).toBe("hostile");
    expect(error.message).not.toContain("root:");
  });

  it("never fetches external entities, parameter entities or external DTDs over HTTP", async () => {
    const url = `http://127.0.0.1:${port}`;
    writeTree(dir, {
      "general.xml": `<?xml version="1.0"?>\n<!DOCTYPE testsuites [<!ENTITY ext SYSTEM "${url}/general">]>\n<testsuites><testsuite name="&ext;"/></testsuites>\n`,
      "parameter.xml": `<?xml version="1.0"?>\n<!DOCTYPE testsuites [<!ENTITY % remote SYSTEM "${url}/parameter"> %remote;]>\n<testsuites/>\n`,
      "external-dtd.xml": `<?xml version="1.0"?>\n<!DOCTYPE testsuites SYSTEM "${url}/junit.dtd">\n<testsuites><testsuite name="s"><testcase classname="c" name="ok"/></testsuite></testsuites>\n`,
      "external-dtd-ref.xml": `<?xml version="1.0"?>\n<!DOCTYPE testsuites SYSTEM "${url}/defs.dtd">\n<testsuites><testsuite name="&leak;"/></testsuites>\n`,
    });
    expect((await failure(join(dir, "general.xml"))).kind).toBe("hostile");
    expect((await failure(join(dir, "parameter.xml"))).kind).toBe("hostile");
    // An external DTD without entity declarations is harmless once never fetched: the report is read.
    const report = await parseJunitFile(join(dir, "external-dtd.xml"));
    expect(report.cases.map((c) => c.name)).toEqual(["ok"]);
    // ...and an entity it would have defined stays undefined.
    expect((await failure(join(dir, "external-dtd-ref.xml"))).kind).toBe("hostile");
    // give any stray request time to arrive before checking that none did
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requests).toEqual([]);
  });

  it("refuses suites nested deeper than any runner writes", async () => {
    const depth = 100_000;
    writeTree(dir, { "deep.xml": `${"<testsuite>".repeat(depth)}${'<testcase name="t"><failure/></testcase>'.repeat(1000)}${"</testsuite>".repeat(depth)}` });
    const started = Date.now();
    const error = await failure(join(dir, "deep.xml"));
    expect(error.kind).toBe("hostile");
    expect(error.message).toMatch(/nested more than 256 levels/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("reports an undefined entity without resolving it", async () => {
    const error = await failure(join(fixtures, "undefined-entity.input.xml"));
    expect(error.kind).toBe("hostile");
    expect(error.message).toMatch(/undefined entity/i);
  });

  it("reports empty, whitespace-only, truncated, non-UTF-8 and UTF-16 files with a reason", async () => {
    writeTree(dir, { "blank.xml": "  \n\t\n" });
    expect(await failure(join(fixtures, "empty.input.xml"))).toMatchObject({ kind: "empty", message: "the file is empty" });
    expect((await failure(join(dir, "blank.xml"))).kind).toBe("empty");
    const truncated = await failure(join(fixtures, "truncated.input.xml"));
    expect(truncated.kind).toBe("truncated");
    expect(truncated.message).toMatch(/truncated/);
    // the second pass locates the problem
    expect(truncated.message).toMatch(/\d+:\d+/);
    const notUtf8 = await failure(join(fixtures, "not-utf8.input.xml"));
    expect(notUtf8.kind).toBe("encoding");
    expect(notUtf8.message).toMatch(/not valid UTF-8/);
    expect((await failure(join(fixtures, "utf16.input.xml"))).message).toMatch(/UTF-16/);
  });

  it("locates malformed XML by line and column", async () => {
    writeTree(dir, { "malformed.xml": '<?xml version="1.0"?>\n<testsuites>\n  <testsuite name="a">\n  </testcase>\n</testsuites>\n' });
    const error = await failure(join(dir, "malformed.xml"));
    expect(error.kind).toBe("malformed");
    expect(error.message).toMatch(/4:\d+/);
  });

  it("honours a declared legacy encoding", async () => {
    const report = await parseJunitFile(join(fixtures, "latin1.input.xml"));
    expect(report.cases[0]).toMatchObject({ suite: "café", name: "crème brûlée", outcome: "failed", message: "échec", details: "trop sucré" });
  });

  it("says when an XML file is not a JUnit report", async () => {
    const error = await failure(join(fixtures, "not-junit.input.xml"));
    expect(error.kind).toBe("not-a-report");
    expect(error.message).toMatch(/<coverage>/);
  });

  it("reports a missing file as unreadable", async () => {
    expect((await failure(join(dir, "nope.xml"))).kind).toBe("unreadable");
  });
});
