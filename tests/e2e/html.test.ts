// The HTML report in a real browser: Debian's chromium driven by playwright-core, offline.
// Opens the file, checks the cards, uses the filters, saves a screenshot.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { existsSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { reporter } from "../../src/reporters/html/index.js";
import { gitRepo, removeDir, tempDir } from "../helpers/tmp.js";
import { sampleReport } from "../unit/ci/sample-report.js";

const CHROMIUM = "/usr/bin/chromium";

describe("HTML report in headless Chromium", () => {
  let dir: string;
  let browser: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error("chromium is not installed (apt-get install chromium)");
    dir = tempDir("tollgate-html-");
    const file = join(dir, "report.html");
    writeFileSync(file, String(reporter.render(sampleReport())));
    // A fresh profile per run (playwright takes it as userDataDir, not as a --user-data-dir flag).
    browser = await chromium.launchPersistentContext(join(dir, "profile"), {
      executablePath: CHROMIUM,
      viewport: { width: 1280, height: 900 },
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on("request", (r) => requests.push(r.url()));
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await page.goto(pathToFileURL(file).href);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    removeDir(dir);
  });

  const visibleRows = () => page.locator("#findings tbody tr:not([hidden])").count();

  it("loads with no network request and no script error", () => {
    expect(requests.filter((u) => !u.startsWith("file:"))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("shows a card per gate with its status and metrics, and coverage bars", async () => {
    const cards = page.locator("article.card");
    expect(await cards.count()).toBe(8);
    expect(await page.locator('article.card[data-gate="secrets"] .badge').textContent()).toBe("failed");
    expect(await page.locator('article.card[data-gate="coverage"] .summary').textContent()).toBe("84.2% lines covered (min 80%)");
    expect(await page.locator('article.card[data-gate="tls"] .reason').textContent()).toContain("no endpoints or certificates configured");
    const bar = page.locator('article.card[data-gate="coverage"] .bar[data-metric="lines_pct"] .bar-fill');
    const barWidth = await bar.evaluate((el) => el.getBoundingClientRect().width);
    const trackWidth = await bar.evaluate((el) => el.parentElement?.clientWidth ?? 0);
    expect(barWidth / trackWidth).toBeCloseTo(0.842, 2);
    // evaluated as page source: the project's TypeScript has no DOM library
    const border = (gate: string) => page.evaluate(`getComputedStyle(document.querySelector('article.card[data-gate="${gate}"]')).borderLeftColor`);
    const failedColor = await border("secrets");
    const passedColor = await border("coverage");
    expect(failedColor).not.toBe(passedColor);
  });

  it("filters findings by gate, severity and text", async () => {
    expect(await visibleRows()).toBe(6);
    await page.selectOption("#filter-gate", "secrets");
    expect(await visibleRows()).toBe(2);
    expect(await page.locator("#count").textContent()).toBe("2 of 6 findings");
    await page.selectOption("#filter-severity", "critical");
    expect(await visibleRows()).toBe(1);
    await page.selectOption("#filter-gate", "");
    await page.selectOption("#filter-severity", "");
    await page.fill("#filter-text", "lodash");
    expect(await visibleRows()).toBe(1);
    expect(await page.locator("#findings tbody tr:not([hidden]) td:nth-child(2)").textContent()).toBe("dependencies");
    await page.fill("#filter-text", "no such text anywhere");
    expect(await visibleRows()).toBe(0);
    await page.fill("#filter-text", "");
    // clicking a card filters by its gate
    await page.click('article.card[data-gate="iac"]');
    expect(await page.inputValue("#filter-gate")).toBe("iac");
    expect(await visibleRows()).toBe(1);
    await page.selectOption("#filter-gate", "");
  });

  it("renders finding text as text, never as markup", async () => {
    expect(await page.locator("#findings script").count()).toBe(0);
    await page.fill("#filter-text", "alert(1)");
    expect(await visibleRows()).toBe(1);
    await page.fill("#filter-text", "");
  });

  it("opens a report written by `tollgate run --html` from a real repository", async () => {
    const cli = resolve(import.meta.dirname, "../../dist/cli.js");
    const sarif = { version: "2.1.0", runs: [{ tool: { driver: { name: "fakelint" } }, results: [{ ruleId: "no-x", level: "warning", message: { text: "x & <y>" }, locations: [{ physicalLocation: { artifactLocation: { uri: "a.js" }, region: { startLine: 1 } } }] }] }] };
    const repo = gitRepo({ "a.js": "x\n", "r/lint.sarif": JSON.stringify(sarif), ".tollgate.yml": "version: 1\nextends: none\ngates:\n  lint: { eslint: false, sarif: [\"r/*.sarif\"] }\n" });
    try {
      const r = spawnSync(process.execPath, [cli, "run", "--html", "out/report.html", "--no-color"], { cwd: repo, encoding: "utf8", env: { PATH: process.env.PATH, HOME: repo, TOLLGATE_CACHE_DIR: join(repo, ".cache") } });
      expect(r.status).toBe(0);
      const other = await browser.newPage();
      await other.goto(pathToFileURL(join(repo, "out/report.html")).href);
      expect(await other.locator("article.card").count()).toBe(1);
      expect(await other.locator('article.card[data-gate="lint"] .badge').textContent()).toBe("warned");
      expect(await other.locator("#findings tbody tr td:nth-child(5)").textContent()).toBe("x & <y>");
      await other.close();
    } finally {
      removeDir(repo);
    }
  });

  it("saves a screenshot", async () => {
    const shot = join(dir, "report.png");
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
  });
});
