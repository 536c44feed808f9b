// Noise control shared by every rule: entropy, placeholders and obvious fakes, checksum context.

/** Shannon entropy in bits per character. */
const asciiCounts = new Int32Array(128);

export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  asciiCounts.fill(0);
  let other: Map<number, number> | undefined;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 128) asciiCounts[c] = (asciiCounts[c] as number) + 1;
    else {
      other ??= new Map();
      other.set(c, (other.get(c) ?? 0) + 1);
    }
  }
  let h = 0;
  const add = (n: number) => {
    const p = n / value.length;
    h -= p * Math.log2(p);
  };
  for (let c = 0; c < 128; c++) if ((asciiCounts[c] as number) > 0) add(asciiCounts[c] as number);
  if (other) for (const n of other.values()) add(n);
  return h;
}

// Words that only appear in documentation values, templates and stand-ins. Kept to five letters
// or more (or unmistakable markers) so that a random token almost never contains one by chance.
const PLACEHOLDER_MARKERS =
  /example|sample|dummy|placeholder|changeme|change_me|change-me|redacted|insert_|insert-|replace_?me|your_|your-|yourkey|yourtoken|xxxx|\*\*\*|\.\.\.|\$\{|\{\{|\}\}|%\(|\$\(|#\{|<%|notreal|not_real|not-real|not_a_real|fakefake|lorem|ipsum/;

// For generic rules (password = "..."), everyday stand-ins are noise too: a value that is little
// more than these words ("password123", "admin_dev", "foobar") is not a credential.
const WEAK_WORDS =
  /password|passwd|secret|token|test|admin|root|default|demo|mock|local|dev|qwerty|letmein|welcome|hello|foo|bar|baz|null|none|undefined|true|false|string|value|empty|pass|user|guest|abc|xyz|123|321|000|111/g;

/** The longest run of one repeated character. */
function longestRun(value: string): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < value.length; i++) {
    run = i > 0 && value.charCodeAt(i) === value.charCodeAt(i - 1) ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}

/** The longest run of consecutive ascending or descending characters ("abcdef", "654321"). */
function longestSequence(value: string): number {
  let best = 1;
  let up = 1;
  let down = 1;
  for (let i = 1; i < value.length; i++) {
    const d = value.charCodeAt(i) - value.charCodeAt(i - 1);
    up = d === 1 ? up + 1 : 1;
    down = d === -1 ? down + 1 : 1;
    best = Math.max(best, up, down);
  }
  return best;
}

/** Share of neighbouring character pairs that step by exactly one ("ab", "98"). */
function sequentialShare(value: string): number {
  let steps = 0;
  for (let i = 1; i < value.length; i++) {
    const d = value.charCodeAt(i) - value.charCodeAt(i - 1);
    if (d === 1 || d === -1) steps++;
  }
  return steps / Math.max(1, value.length - 1);
}

/**
 * Values published in vendor documentation and local emulators (Azurite, the AWS docs…): they
 * are everywhere in tutorials and tests and grant nothing.
 */
const PUBLISHED_EXAMPLES = new Set([
  "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
  "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
  "AKIAIOSFODNN7EXAMPLE",
  "AKIAI44QH8DHBEXAMPLE",
  "C2CFCB1C-8AB1-4B43-9E55-B95FD8F9ED4B",
  "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",
  "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
  "sk_test_BQokikJOvBiI2HlWgH4olfQ2",
  "rk_test_4eC39HqLyjWDarjtT1zdp7dc",
  "pk_test_TYooMQauvdEDq54NiTphI7jx",
  "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy",
  "AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe",
]);

/**
 * True when a value is a stand-in rather than a credential: documentation markers, template
 * syntax, a long run of one character or an ascending run, or too few distinct characters.
 */
export function isPlaceholder(value: string, generic = false): boolean {
  if (PUBLISHED_EXAMPLES.has(value)) return true;
  const lower = value.toLowerCase();
  if (PLACEHOLDER_MARKERS.test(lower)) return true;
  // <your-key>, <TOKEN>, <api key here>: a word in angle brackets.
  if (/<[a-z]+(?:[ _.-][a-z]+){0,6}>/.test(lower)) return true;
  if (longestRun(value) >= 6) return true;
  // "1234567890abcdefghij…": a value that is almost nothing but alphabet or digit runs. Judged
  // case-sensitively, so mixed-case documentation tokens ("AbCdEfGh…") still count as real.
  if (value.length >= 12 && sequentialShare(value) >= 0.8) return true;
  const distinct = new Set(value).size;
  if (value.length >= 12 && distinct < 5) return true;
  if (generic) {
    if (lower.length < 24 && lower.replace(WEAK_WORDS, "").length < 6) return true;
    // "abcdef123456", "0123456789abcdef": keyboard and alphabet runs. Only for generic rules: a
    // provider format is judged by its shape, and documentation tokens are often written that way.
    if (value.length >= 8 && sequentialShare(lower) >= 0.6) return true;
    if (longestSequence(lower) >= 6 && lower.length < 16) return true;
    if (/^[a-z_]+$/.test(value) || /^[A-Z_]+$/.test(value)) return true;
    if (/^\d+$/.test(value)) return true;
    // Identifiers and property paths (config.secret, process.env.TOKEN), URLs and file paths.
    if (/^[A-Za-z_$][\w$]*(?:(?:\.|::|->)[A-Za-z_$][\w$]*)+(?:\(\))?$/.test(value)) return true;
    if (/^(?:https?:\/\/|\/|\.\.?\/|~\/|file:)/.test(lower)) return true;
    // Relative file paths ("bin/cli.js", "certs/server.pem").
    if (/^[\w.-]*(?:\/[\w.-]+)+\.[a-z0-9]{1,6}$/i.test(value)) return true;
    if (/^[a-z]+(?:[A-Z][a-z]+)+$/.test(value)) return true; // camelCase identifier
    if (/^[a-z]+(?:[-_.][a-z]+)+$/.test(value)) return true; // kebab/snake words
  }
  return false;
}

const LOCKFILES = new Set([
  "package-lock.json",
  ".package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "bun.lock",
  "composer.lock",
  "gemfile.lock",
  "cargo.lock",
  "poetry.lock",
  "pipfile.lock",
  "uv.lock",
  "pdm.lock",
  "go.sum",
  "go.work.sum",
  "flake.lock",
  "mix.lock",
  "pubspec.lock",
  "podfile.lock",
  "packages.lock.json",
  "gradle.lockfile",
  "package.resolved",
  "deno.lock",
  "conan.lock",
  "requirements.lock",
]);

/** Lockfiles hold integrity hashes and checksums by the thousand; generic rules skip them. */
/** True when `value` (or what follows its fixed prefix) is one of the published example values. */
export function isPublishedExample(value: string): boolean {
  return PUBLISHED_EXAMPLES.has(value);
}

export function isLockfile(path: string | undefined): boolean {
  if (!path) return false;
  const base = (path.split("/").pop() ?? path).toLowerCase();
  return LOCKFILES.has(base) || base.endsWith(".lock") || base.endsWith(".sum");
}

const CHECKSUM_CONTEXT = /integrity|checksum|shasum|sha-?(?:1|224|256|384|512)|hash|digest|h1:|md5|crc|etag|nonce|fingerprint|sri/;

/** True when the text just before a value says it is a hash (integrity="sha512-…", checksum: …). */
export function inChecksumContext(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 48), start).toLowerCase();
  const lineStart = before.lastIndexOf("\n");
  return CHECKSUM_CONTEXT.test(lineStart >= 0 ? before.slice(lineStart + 1) : before);
}
