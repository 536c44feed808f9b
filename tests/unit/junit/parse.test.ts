import { describe, expect, it } from "@jest/globals";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { foldReruns, locateTest, parseJunitFile, parseJunitString, type JunitReport } from "../../../src/scanners/junit/index.js";
import { SUITE_LEVEL_TEST } from "../../../src/scanners/junit/parse.js";
import { RepoPaths } from "../../../src/scanners/coverage/repo-paths.js";

const fixtures = join(fileURLToPath(new URL(".", import.meta.url)), "../../fixtures/junit");
const read = (name: string): Promise<JunitReport> => parseJunitFile(join(fixtures, `${name}.input.xml`));

function outcomes(report: JunitReport): Record<string, string> {
  return Object.fromEntries(report.cases.map((c) => [c.name, c.outcome]));
}

describe("JUnit dialects", () => {
  it("reads jest-junit: file attributes, body-only failures, skipped, system-out, entities", async () => {
    const report = await read("jest-junit");
    expect(report.root).toBe("testsuites");
    expect(report.suites).toBe(2);
    expect(outcomes(report)).toEqual({
      "math utils adds numbers": "passed",
      "math utils divides by zero": "failed",
      "math utils rounds half up": "skipped",
      'math utils parses "1e3" & friends': "passed",
      "format pads left": "passed",
    });
    const failed = report.cases.find((c) => c.outcome === "failed");
    expect(failed?.file).toBe("src/math.test.ts");
    expect(failed?.suite).toBe("math utils");
    expect(failed?.message).toBeUndefined();
    expect(failed?.details).toMatch(/^Error: expect\(received\)\.toThrow\(\)/);
    expect(failed?.details).toContain("at Object.<anonymous> (/home/runner/_work/app/app/src/math.test.ts:14:30)");
  });

  it("reads vitest: classname is the file, message and type attributes", async () => {
    const report = await read("vitest");
    const failed = report.cases.filter((c) => c.outcome === "failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      classname: "src/parser.test.ts",
      name: "parser > rejects garbage",
      message: "expected [Function] to throw an error",
      type: "AssertionError",
    });
    expect(report.cases.map((c) => c.name)).toContain("parser > keeps unicode — ✓ ünïcödé");
    // system-out text never leaks into failure details
    expect(report.cases.every((c) => !(c.details ?? "").includes("log line"))).toBe(true);
  });

  it("reads pytest: 0-based lines become 1-based, error vs failure, skipped with message, flakyFailure", async () => {
    const report = await read("pytest");
    expect(outcomes(report)).toMatchObject({
      test_get: "passed",
      test_post: "failed",
      test_db: "errored",
      test_upload: "skipped",
      "test_retry_then_pass[fast]": "passed",
    });
    const post = report.cases.find((c) => c.name === "test_post");
    expect(post).toMatchObject({ file: "tests/test_api.py", line: 9, message: "assert 404 == 201\n +  where 404 = post('/items')" });
    const retried = report.cases.find((c) => c.name === "test_retry_then_pass[fast]");
    expect(retried?.flakyAttempts).toBe(1);
    expect(report.cases.find((c) => c.name === "test_upload")?.message).toBe("needs network");
  });

  it("reads go-junit-report: package suites with properties, CDATA bodies", async () => {
    const report = await read("go-junit-report");
    expect(report.suites).toBe(2);
    expect(outcomes(report)).toEqual({ TestAdd: "passed", TestTotal: "failed", TestDiscount: "skipped", TestCharge: "errored" });
    expect(report.cases.find((c) => c.name === "TestTotal")?.details).toBe("cart_test.go:27: total = 41, want 42");
    expect(report.cases.find((c) => c.name === "TestCharge")?.suite).toBe("example.com/shop/pay");
  });

  it("reads Maven Surefire: a <testsuite> root, rerunFailure and flakyFailure, nested classes", async () => {
    const report = await read("surefire");
    expect(report.root).toBe("testsuite");
    expect(outcomes(report)).toEqual({
      addsItem: "passed",
      computesTotal: "failed",
      appliesCoupon: "passed",
      loadsCatalog: "errored",
      exportsCsv: "skipped",
    });
    const total = report.cases.find((c) => c.name === "computesTotal");
    expect(total).toMatchObject({ rerunAttempts: 2, flakyAttempts: 0, message: "expected: <42> but was: <41>", type: "org.opentest4j.AssertionFailedError" });
    // the rerun stack traces are not mixed into the failure body
    expect(total?.details?.match(/AssertionFailedError:/g)).toHaveLength(1);
    expect(report.cases.find((c) => c.name === "appliesCoupon")?.flakyAttempts).toBe(1);
  });

  it("reads mocha-junit-reporter: the file comes from the suite", async () => {
    const report = await read("mocha-junit-reporter");
    expect(report.cases).toHaveLength(3);
    const failed = report.cases.find((c) => c.outcome === "failed");
    expect(failed).toMatchObject({ file: "test/server.spec.js", suite: "server", message: "expected 200 to equal 401" });
  });

  it("reads nested testsuites and inherits the file from the enclosing suite", async () => {
    const report = await read("nested-suites");
    expect(report.suites).toBe(4);
    expect(report.cases.map((c) => [c.suite, c.name, c.outcome, c.file ?? "", c.line ?? 0])).toEqual([
      ["Tests\\Unit\\CartTest", "testAdd", "passed", "/build/app/tests/Unit/CartTest.php", 12],
      ["Tests\\Unit\\CartTest", "testTotal", "failed", "/build/app/tests/Unit/CartTest.php", 20],
      ["Tests\\Unit\\PriceTest", "testRound", "passed", "/build/app/tests/Unit/PriceTest.php", 0],
    ]);
  });
});

describe("reruns and locations", () => {
  it("folds reruns: flakyFailure and repeated pytest records are flaky, Surefire reruns that keep failing are failures", async () => {
    const tests = foldReruns([
      { path: "pytest.xml", report: await read("pytest") },
      { path: "surefire.xml", report: await read("surefire") },
    ]);
    const flaky = tests.filter((t) => t.flaky).map((t) => [t.test.name, t.attempts]);
    expect(flaky).toEqual([
      ["test_retry_then_pass[fast]", 2],
      ["test_expiry", 2],
      ["appliesCoupon", 2],
    ]);
    expect(tests.find((t) => t.test.name === "computesTotal")).toMatchObject({ flaky: false, attempts: 3 });
    expect(tests).toHaveLength(11);
  });

  it("a failed record followed by a passing one is flaky for any runner; a name reused by passing tests is not", () => {
    const base = { suite: "s", classname: "c", flakyAttempts: 0, rerunAttempts: 0 };
    const report: JunitReport = {
      root: "testsuites",
      suites: 1,
      cases: [
        { ...base, name: "retried", outcome: "failed", message: "boom" },
        { ...base, name: "retried", outcome: "passed" },
        { ...base, name: "same name", outcome: "passed" },
        { ...base, name: "same name", outcome: "passed" },
      ],
    };
    const tests = foldReruns([{ path: "r.xml", report }]);
    expect(tests.map((t) => [t.test.name, t.flaky, t.test.message ?? ""])).toEqual([
      ["retried", true, "boom"],
      ["same name", false, ""],
    ]);
  });

  it("locates tests by file attribute, stack trace line, JVM class name and Go package", async () => {
    const paths = new RepoPaths("/repo", [
      "src/math.test.ts",
      "shop/src/test/java/com/example/shop/CartTest.java",
      "cart/cart_test.go",
      "tests/Unit/CartTest.php",
    ]);
    const jest = (await read("jest-junit")).cases.find((c) => c.outcome === "failed");
    const surefire = (await read("surefire")).cases.find((c) => c.name === "loadsCatalog");
    const go = (await read("go-junit-report")).cases.find((c) => c.name === "TestTotal");
    const php = (await read("nested-suites")).cases.find((c) => c.name === "testTotal");
    if (!jest || !surefire || !go || !php) throw new Error("fixture changed");
    expect(locateTest(jest, paths, "reports/junit.xml")).toEqual({ path: "src/math.test.ts", line: 14 });
    expect(locateTest(surefire, paths, "target/surefire-reports/x.xml")).toEqual({ path: "shop/src/test/java/com/example/shop/CartTest.java", line: 58 });
    expect(locateTest(go, paths, "report.xml")).toEqual({ path: "cart/cart_test.go", line: 27 });
    expect(locateTest(php, paths, "report.xml")).toEqual({ path: "tests/Unit/CartTest.php", line: 23 });
  });
});

describe("problems outside test cases", () => {
  it("turns a suite that declares errors no test case shows into a suite-level error (jest-junit, a test file that does not compile)", () => {
    const report = parseJunitString(
      '<testsuites name="jest tests" tests="1" failures="0" errors="1"><testsuite name="src/broken.test.ts" errors="1" failures="0" skipped="0" tests="0" file="src/broken.test.ts"></testsuite><testsuite name="ok" tests="1" errors="0" failures="0"><testcase classname="ok" name="works"/></testsuite></testsuites>',
    );
    expect(report.cases.map((c) => [c.suite, c.name, c.outcome, c.file ?? ""])).toEqual([
      ["src/broken.test.ts", SUITE_LEVEL_TEST, "errored", "src/broken.test.ts"],
      ["ok", "works", "passed", ""],
    ]);
    expect(report.cases[0]?.message).toBe("the suite reports 1 error that no test case shows (did a test file fail to load?)");
  });

  it("reads an <error> written straight under <testsuite> (Ant, class initialisation failures)", () => {
    const report = parseJunitString(
      '<testsuite name="com.example.DbTest" tests="0" errors="1" failures="0"><properties/><error message="Could not initialize class" type="java.lang.NoClassDefFoundError">java.lang.NoClassDefFoundError: Could not initialize class\n\tat com.example.DbTest.&lt;clinit&gt;(DbTest.java:9)</error><system-out/></testsuite>',
    );
    expect(report.cases).toEqual([
      {
        suite: "com.example.DbTest",
        classname: "com.example.DbTest",
        name: SUITE_LEVEL_TEST,
        outcome: "errored",
        flakyAttempts: 0,
        rerunAttempts: 0,
        message: "Could not initialize class",
        type: "java.lang.NoClassDefFoundError",
        details: "java.lang.NoClassDefFoundError: Could not initialize class\n\tat com.example.DbTest.<clinit>(DbTest.java:9)",
      },
    ]);
  });

  it("accounts for totals declared only on <testsuites>, once", () => {
    const lone = parseJunitString('<testsuites name="r" tests="3" failures="2" errors="0"></testsuites>');
    expect(lone.cases.map((c) => [c.suite, c.outcome, c.message])).toEqual([["r", "failed", "the suite reports 2 failures that no test case shows (did a test file fail to load?)"]]);
    const nested = parseJunitString('<testsuites failures="1"><testsuite name="outer" failures="1"><testsuite name="inner" failures="1"></testsuite></testsuite></testsuites>');
    expect(nested.cases.map((c) => [c.suite, c.outcome])).toEqual([["inner", "failed"]]);
  });

  it("does not invent problems when a test case carries both a failure and an error (pytest teardown)", () => {
    const report = parseJunitString(
      '<testsuites><testsuite name="pytest" errors="1" failures="1" tests="1"><testcase classname="t" name="test_x"><failure message="assert 0">x</failure><error message="teardown">y</error></testcase></testsuite></testsuites>',
    );
    expect(report.cases.map((c) => [c.name, c.outcome])).toEqual([["test_x", "errored"]]);
  });
});
