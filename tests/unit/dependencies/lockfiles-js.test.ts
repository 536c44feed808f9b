// What the JavaScript lockfile parsers say about the entries they leave out: the fixture cases
// check packages, these check the notes that tell a user why a dependency was not checked.
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseLockfile } from "../../../src/scanners/lockfiles/index.js";

const CASES = join(process.cwd(), "tests", "fixtures", "dependencies", "lockfiles");

function parseCase(name: string, file: string): ReturnType<typeof parseLockfile> {
  return parseLockfile({ path: file, content: readFileSync(join(CASES, name, file), "utf8") });
}

describe("JavaScript lockfile notes", () => {
  it("npm v1 names git, tarball and folder sources with their line", () => {
    expect(parseCase("npm-v1-sources", "package-lock.json").notes).toEqual([
      "package-lock.json:7: analytics-facebook comes from github:segmentio/analytics.js-integration-facebook-pixel, not a registry release; it is not checked",
      "package-lock.json:22: left-pad comes from https://registry.example.com/left-pad/-/left-pad-1.3.0.tgz, not a registry release; it is not checked",
      "package-lock.json:26: local-utils comes from file:../local-utils, not a registry release; it is not checked",
      "package-lock.json:84: raven-js comes from git+https://github.com/getsentry/raven-js.git, not a registry release; it is not checked",
    ]);
  });

  it("yarn names local folders, Berry portals included", () => {
    expect(parseCase("yarn-v1-sources", "yarn.lock").notes).toEqual(["yarn.lock:26: my-tools@file:./tools is a local folder; it is not checked"]);
    expect(parseCase("yarn-berry-workspaces", "yarn.lock").notes).toEqual([
      "yarn.lock:65: local-tools@portal:./tools::locator=acme-app%40workspace%3A. is a local folder; it is not checked",
    ]);
  });

  it("pnpm names local packages and keys it cannot read", () => {
    expect(parseCase("pnpm-v9-env-document", "pnpm-lock.yaml").notes).toEqual([
      "pnpm-lock.yaml:95: local-config@file:config is a local folder or file; it is not checked",
    ]);
    const exotic = parseLockfile({
      path: "pnpm-lock.yaml",
      content: "lockfileVersion: 5.3\n\npackages:\n  /foo/1.0.0:\n  github.com/kevva/is-positive:\n  example.com:\n",
    });
    expect(exotic.packages.map((p) => `${p.name}@${p.version}`)).toEqual(["foo@1.0.0"]);
    expect(exotic.notes).toEqual([
      'pnpm-lock.yaml:5: cannot tell the name and version of "github.com/kevva/is-positive"; it is not checked',
      'pnpm-lock.yaml:6: cannot tell the name and version of "example.com"; it is not checked',
    ]);
  });

  it("bun names every source that is not a release, but not workspaces", () => {
    expect(parseCase("bun-workspaces-sources", "bun.lock").notes).toEqual([
      "bun.lock:32: css-tools comes from ./vendor/css-tools-4.4.0.tgz, not a registry release; it is not checked",
      "bun.lock:34: is-positive comes from github:kevva/is-positive, not a registry release; it is not checked",
      "bun.lock:36: local-lint comes from file:tools/lint, not a registry release; it is not checked",
    ]);
  });
});
