// RubyGems ordering (Gem::Version) via @renovatebot/ruby-semver.
import { create } from "@renovatebot/ruby-semver/dist/ruby/version.js";
import { compareGeneric } from "./generic.js";

export function compareRubyGems(a: string, b: string): number {
  const x = create(a);
  const y = create(b);
  if (x && y) return Math.sign(x.compare(y));
  return compareGeneric(a, b);
}
