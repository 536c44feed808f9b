import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { RepoPaths, reportBases } from "../../../src/scanners/coverage/index.js";

const paths = new RepoPaths("/repo", [
  "src/index.ts",
  "packages/app/src/index.ts",
  "packages/lib/src/index.ts",
  "packages/lib/src/only-here.ts",
  "src/main/java/com/example/Cart.java",
  "README.md",
]);

describe("RepoPaths", () => {
  it("maps absolute paths under the root, and paths from another machine by suffix", () => {
    expect(paths.resolve("/repo/packages/app/src/index.ts")).toBe("packages/app/src/index.ts");
    expect(paths.resolve("/home/runner/_work/x/x/packages/lib/src/index.ts")).toBe("packages/lib/src/index.ts");
    expect(paths.resolve("C:\\agent\\_work\\1\\s\\packages\\app\\src\\index.ts")).toBe("packages/app/src/index.ts");
    expect(paths.resolve("file:///repo/src/index.ts")).toBe("src/index.ts");
    expect(paths.resolve("/usr/lib/go/src/fmt/print.go")).toBeUndefined();
  });

  it("tries the report's folders nearest first, so monorepo packages map to themselves", () => {
    expect(reportBases("packages/app/coverage/lcov.info")).toEqual(["packages/app/coverage", "packages/app", "packages"]);
    expect(reportBases("lcov.info")).toEqual([]);
    expect(paths.resolve("src/index.ts", reportBases("packages/app/coverage/lcov.info"))).toBe("packages/app/src/index.ts");
    expect(paths.resolve("./src/index.ts", reportBases("coverage/lcov.info"))).toBe("src/index.ts");
    expect(paths.resolve("only-here.ts")).toBe("packages/lib/src/only-here.ts");
  });

  it("maps JVM package paths by suffix and refuses ambiguous bare names", () => {
    expect(paths.resolve("com/example/Cart.java")).toBe("src/main/java/com/example/Cart.java");
    // three index.ts files share the name and nothing else: a guess would be wrong two times in three
    expect(paths.resolve("/elsewhere/index.ts")).toBeUndefined();
  });

  it("keeps a relative path that names no known file, and drops paths that climb out", () => {
    expect(paths.resolve("generated/api.ts")).toBe("generated/api.ts");
    expect(paths.resolve("../outside.ts")).toBeUndefined();
    expect(paths.resolve("/outside.ts")).toBeUndefined();
    expect(paths.resolve("")).toBeUndefined();
  });
});

describe("RepoPaths on arbitrary paths", () => {
  it("never throws and never yields a path that climbs out of the repository", () => {
    const segment = fc.oneof(fc.constantFrom("..", ".", "", "src", "packages", "app", "index.ts", "C:", "~"), fc.string({ maxLength: 6 }));
    const path = fc.tuple(fc.constantFrom("", "/", "./", "file://", "C:\\"), fc.array(segment, { maxLength: 6 }), fc.constantFrom("/", "\\")).map(([prefix, parts, sep]) => prefix + parts.join(sep));
    fc.assert(
      fc.property(path, fc.array(fc.constantFrom("coverage", "packages/app", "a/../b"), { maxLength: 2 }), (p, bases) => {
        const result = paths.resolve(p, bases);
        if (result !== undefined) {
          expect(result.startsWith("/")).toBe(false);
          expect(result === ".." || result.startsWith("../")).toBe(false);
          expect(result === "." || result === "").toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
