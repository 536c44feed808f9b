// SemVer 2.0 ordering (npm, crates.io, Go, Hex, Pub, and every SEMVER-typed range), via the
// `semver` package; Go's leading "v" and odd inputs are coerced rather than rejected.
import semver from "semver";
import { compareGeneric } from "./generic.js";

const cache = new Map<string, semver.SemVer | null>();

function parse(version: string): semver.SemVer | null {
  let parsed = cache.get(version);
  if (parsed === undefined) {
    parsed = semver.parse(version.replace(/^v(?=\d)/, ""), { loose: true });
    if (cache.size > 200_000) cache.clear();
    cache.set(version, parsed);
  }
  return parsed;
}

export function compareSemver(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  if (x && y) return x.compare(y);
  return compareGeneric(a, b);
}
