// Version ordering per OSV ecosystem: each ecosystem sorts versions its own way.
import { compareApk } from "./apk.js";
import { compareDebian } from "./dpkg.js";
import { compareGeneric } from "./generic.js";
import { compareMaven } from "./maven.js";
import { compareNuget } from "./nuget.js";
import { comparePackagist } from "./packagist.js";
import { comparePep440 } from "./pep440.js";
import { compareRubyGems } from "./rubygems.js";
import { compareSemver } from "./semver.js";

export type Compare = (a: string, b: string) => number;

const BY_ECOSYSTEM: Record<string, Compare> = {
  npm: compareSemver,
  "crates.io": compareSemver,
  go: compareSemver,
  hex: compareSemver,
  pub: compareSemver,
  swifturl: compareSemver,
  bitnami: compareSemver,
  pypi: comparePep440,
  rubygems: compareRubyGems,
  maven: compareMaven,
  nuget: compareNuget,
  packagist: comparePackagist,
  debian: compareDebian,
  ubuntu: compareDebian,
  alpine: compareApk,
  wolfi: compareApk,
  chainguard: compareApk,
};

/** "Debian:12" -> "Debian": the part before the release. */
export function baseEcosystem(ecosystem: string): string {
  const colon = ecosystem.indexOf(":");
  return colon === -1 ? ecosystem : ecosystem.slice(0, colon);
}

/** The ordering for an OSV ecosystem name (release suffix ignored); generic when unknown. */
export function comparatorFor(ecosystem: string): Compare {
  return BY_ECOSYSTEM[baseEcosystem(ecosystem).toLowerCase()] ?? compareGeneric;
}

export { compareApk, compareDebian, compareGeneric, compareMaven, compareNuget, comparePackagist, comparePep440, compareRubyGems, compareSemver };
