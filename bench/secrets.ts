// Secret engine throughput: a deterministic synthetic source tree (>= 200 MB, planted secrets),
// page cache warmed, scanned by tollgate's engine on every core and on one, side by side with
// secretlint 11.7.1 + its recommended preset on the same files.
// Usage: node bench/run.mjs bench/secrets.ts [--mb 200] [--subset 10] [--keep]
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os, { availableParallelism, cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { scanFiles } from "../src/scanners/secrets/index.js";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const TARGET_MB = arg("mb", 200);
const SUBSET_PERCENT = arg("subset", 10);
const keep = args.includes("--keep");

// ---- deterministic generator -------------------------------------------------------------
let seed = 0x5eed;
function rand(): number {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const chars = (n: number, set = ALNUM): string => {
  let s = "";
  for (let i = 0; i < n; i++) s += set[Math.floor(rand() * set.length)];
  return s;
};
const hex = (n: number) => chars(n, "0123456789abcdef");
// A programming vocabulary in which credential words (token, password, secret, auth, key,
// credential) are present but not dominant, as in real application code.
const WORDS = ["user", "account", "order", "invoice", "session", "cache", "request", "response", "handler", "config", "client", "server", "payload", "index", "item", "value", "result", "error", "event", "stream", "buffer", "queue", "worker", "policy", "report", "metric", "trace", "span", "profile", "setting", "feature", "flag", "record", "customer", "product", "price", "cart", "address", "email", "message", "channel", "thread", "task", "job", "schedule", "timer", "retry", "limit", "offset", "page", "cursor", "filter", "sort", "query", "schema", "model", "view", "route", "path", "file", "folder", "image", "video", "upload", "download", "export", "import", "parser", "lexer", "node", "tree", "graph", "edge", "vertex", "matrix", "vector", "point", "shape", "color", "theme", "style", "layout", "widget", "button", "form", "field", "input", "output", "state", "store", "action", "reducer", "effect", "hook", "context", "provider", "service", "module", "plugin", "registry", "manifest", "version", "release", "build", "deploy", "token", "password", "secret", "auth", "key", "credential"];
const ident = () => pick(WORDS) + pick(WORDS).replace(/^./, (c) => c.toUpperCase()) + (rand() < 0.3 ? String(Math.floor(rand() * 100)) : "");
const snake = () => `${pick(WORDS)}_${pick(WORDS)}`;

const LINES: Record<string, (() => string)[]> = {
  ts: [
    () => `import { ${ident()}, ${ident()} } from "../${pick(WORDS)}/${pick(WORDS)}.js";`,
    () => `export async function ${ident()}(${ident()}: ${pick(["string", "number", "Request", "Buffer"])}): Promise<${pick(["void", "string", "Result"])}> {`,
    () => `  const ${ident()} = await this.${ident()}.get(${ident()}, { timeout: ${Math.floor(rand() * 9000)} });`,
    () => `  if (!${ident()}) throw new Error("${pick(WORDS)} ${pick(WORDS)} is required for ${pick(WORDS)}");`,
    () => `  // Refresh the ${pick(["token", "session", "password hash", "secret ref"])} before it expires (${pick(WORDS)} ${pick(WORDS)}).`,
    () => `  return ${ident()}.map((x) => x.${ident()}).filter(Boolean).slice(0, ${Math.floor(rand() * 50)});`,
    () => `  const url = \`https://api.${pick(WORDS)}.example.com/v${Math.floor(rand() * 3)}/${pick(WORDS)}/\${id}\`;`,
    () => `  logger.info({ ${ident()}, ${ident()}, durationMs: Date.now() - started }, "${pick(WORDS)} done");`,
    () => `  const passwordHash = await bcrypt.hash(input.password, ${10 + Math.floor(rand() * 4)});`,
    () => `  const tokenType = "Bearer"; const secretName = "${snake()}";`,
    () => `}`,
    () => ``,
  ],
  py: [
    () => `def ${snake()}(${pick(WORDS)}, ${pick(WORDS)}=None):`,
    () => `    """Return the ${pick(WORDS)} for the given ${pick(WORDS)} and ${pick(WORDS)}."""`,
    () => `    ${snake()} = self.${snake()}.get("${pick(WORDS)}", ${Math.floor(rand() * 100)})`,
    () => `    if not ${pick(WORDS)}: raise ValueError("missing ${pick(WORDS)}")`,
    () => `    password = os.environ.get("${snake().toUpperCase()}")`,
    () => `    digest = hashlib.sha256(${pick(WORDS)}.encode()).hexdigest()  # e.g. ${hex(64)}`,
    () => `    return [x.${pick(WORDS)} for x in ${pick(WORDS)}s if x.${pick(WORDS)} > ${Math.floor(rand() * 10)}]`,
    () => ``,
  ],
  go: [
    () => `func (s *${ident()}) ${ident()}(ctx context.Context, req *${ident()}) (*${ident()}, error) {`,
    () => `\t${ident()}, err := s.${ident()}.${ident()}(ctx, req.${ident()})`,
    () => `\tif err != nil {\n\t\treturn nil, fmt.Errorf("${pick(WORDS)} ${pick(WORDS)}: %w", err)\n\t}`,
    () => `\tid := uuid.MustParse("${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}")`,
    () => `\ttoken := r.Header.Get("Authorization")`,
    () => `}`,
  ],
  yaml: [
    () => `  ${snake()}: ${pick(["true", "false", String(Math.floor(rand() * 1000)), pick(WORDS)])}`,
    () => `  image: registry.example.com/${pick(WORDS)}/${pick(WORDS)}:${Math.floor(rand() * 9)}.${Math.floor(rand() * 20)}.${Math.floor(rand() * 30)}`,
    () => `  - name: ${snake().toUpperCase()}\n    valueFrom:\n      secretKeyRef: { name: ${pick(WORDS)}-secrets, key: ${pick(WORDS)} }`,
    () => `# ${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} settings`,
    () => `  checksum/config: ${hex(64)}`,
  ],
  json: [
    () => `    "${ident()}": "${pick(WORDS)}-${pick(WORDS)}",`,
    () => `    "${ident()}": ${Math.floor(rand() * 100000)},`,
    () => `    "integrity": "sha512-${chars(86, ALNUM + "+/")}==",`,
    () => `    "resolved": "https://registry.npmjs.org/${pick(WORDS)}/-/${pick(WORDS)}-1.${Math.floor(rand() * 9)}.0.tgz",`,
  ],
  md: [
    () => `The ${pick(WORDS)} ${pick(WORDS)} sends the ${pick(WORDS)} to the ${pick(WORDS)} when the ${pick(WORDS)} changes.`,
    () => `Set \`${snake().toUpperCase()}\` to your ${pick(["API key", "token", "password"])} (see the ${pick(WORDS)} guide).`,
    () => `- [${pick(WORDS)}](https://docs.example.com/${pick(WORDS)}/${pick(WORDS)})`,
    () => "```sh\nexport API_TOKEN=<your-token>\n```",
  ],
};
/** Templates that talk about credentials without holding one: realistic, but rarer than the rest. */
const SENSITIVE = /password|token|secret|Bearer|Authorization|API key|API_TOKEN|integrity|checksum|digest/;
const lineFor = (gens: (() => string)[]): string => {
  for (;;) {
    const line = pick(gens)();
    if (!SENSITIVE.test(line) || rand() < 0.15) return line;
  }
};

const EXT: Record<string, string> = { ts: "ts", py: "py", go: "go", yaml: "yaml", json: "json", md: "md" };

/** A planted secret: the line and the value a scanner should report. */
function planted(): string {
  const kinds = [
    () => `const githubToken = "ghp_${chars(36)}";`,
    () => `aws_access_key_id = AKIA${chars(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")}\naws_secret_access_key = ${chars(40, ALNUM + "/+")}`,
    () => `SLACK_BOT_TOKEN=xoxb-${chars(11, "0123456789")}-${chars(12, "0123456789")}-${chars(24)}`,
    () => `stripe.api_key = "sk_live_${chars(32)}"`,
    () => `NPM_TOKEN=npm_${chars(36)}`,
    () => `GITLAB_TOKEN=glpat-${chars(20)}`,
    () => `OPENAI_API_KEY=sk-proj-${chars(60)}T3BlbkFJ${chars(60)}`,
    () => `SENDGRID_API_KEY=SG.${chars(22)}.${chars(43)}`,
    () => `DATABASE_URL=postgres://app:${chars(18)}@db.internal:5432/app`,
    () => `-----BEGIN RSA PRIVATE KEY-----\n${Array.from({ length: 8 }, () => chars(64, ALNUM + "+/")).join("\n")}\n-----END RSA PRIVATE KEY-----`,
    () => `GOOGLE_API_KEY=AIza${chars(35, ALNUM + "_-")}`,
    () => `db_password = "${chars(6)}#${chars(6)}!${chars(4)}"`,
  ];
  return pick(kinds)();
}

/** Values a planted snippet holds (the AWS pair and the PEM block count as what a scanner reports). */
function plantedValues(snippet: string): number {
  return snippet.includes("aws_secret_access_key") ? 2 : 1;
}

function generate(root: string, targetBytes: number): { files: string[]; bytes: number; planted: number; plantedIn: Map<string, number> } {
  const files: string[] = [];
  const plantedIn = new Map<string, number>();
  let bytes = 0;
  let plantedCount = 0;
  const langs = Object.keys(LINES);
  // A pool of generated lines per language: files are assembled from it, which keeps generating
  // 200 MB fast while every file still differs.
  const pools = new Map(langs.map((lang) => [lang, Array.from({ length: 20_000 }, () => lineFor(LINES[lang] as (() => string)[]))]));
  for (let n = 0; bytes < targetBytes; n++) {
    const lang = langs[n % langs.length] as string;
    const pool = pools.get(lang) as string[];
    const size = 4_000 + Math.floor(rand() * 44_000);
    const parts: string[] = [`// generated ${lang} module ${n} ${chars(12)}`];
    let len = 0;
    const plantAt = rand() < 1 / 40 ? Math.floor(rand() * 200) : -1;
    for (let i = 0; len < size; i++) {
      const line = i === plantAt ? planted() : (pool[Math.floor(rand() * pool.length)] as string);
      if (i === plantAt) {
        plantedCount += plantedValues(line);
        plantedIn.set(`pkg${n % 97}/dir${n % 13}/${lang}-${n}.${EXT[lang]}`, plantedValues(line));
      }
      parts.push(line);
      len += line.length + 1;
    }
    const text = parts.join("\n") + "\n";
    const path = `pkg${n % 97}/dir${n % 13}/${lang}-${n}.${EXT[lang]}`;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
    files.push(path);
    bytes += Buffer.byteLength(text);
  }
  return { files, bytes, planted: plantedCount, plantedIn };
}

// ---- measurement ---------------------------------------------------------------------------
const mb = (bytes: number) => bytes / 1e6;
const fmt = (x: number, d = 1) => x.toFixed(d);

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};

async function timeOurs(root: string, files: string[], threads: number, workerUrl: URL) {
  const t = performance.now();
  const c = process.cpuUsage();
  const result = await scanFiles({ root, files, maxFileSize: 2 * 1024 * 1024, fileTimeBudgetMs: 10_000, threads, workerUrl });
  const seconds = (performance.now() - t) / 1000;
  const cpu = cpuSeconds(c);
  const bytes = result.results.reduce((s, r) => s + r.bytes, 0);
  const hits = result.results.reduce((s, r) => s + r.hits.length, 0);
  return { seconds, cpu, bytes, hits, threads: result.threads };
}

async function timeSecretlint(root: string, files: string[]) {
  const { createEngine } = await import("@secretlint/node");
  const engine = await createEngine({
    cwd: process.cwd(),
    formatter: "json",
    color: false,
    configFileJSON: {
      rules: [
        {
          id: "@secretlint/secretlint-rule-preset-recommend",
          rules: [{ id: "@secretlint/secretlint-rule-aws", options: { enableIDScanRule: true } }],
        },
      ],
    },
  });
  const t = performance.now();
  const c = process.cpuUsage();
  const out = await engine.executeOnFiles({ filePathList: files.map((f) => join(root, f)) });
  const seconds = (performance.now() - t) / 1000;
  const cpu = cpuSeconds(c);
  const results = JSON.parse(out.output) as { messages: unknown[] }[];
  const hits = results.reduce((s, r) => s + r.messages.length, 0);
  return { seconds, cpu, hits };
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "tollgate-bench-secrets-"));
  const work = mkdtempSync(join(tmpdir(), "tollgate-bench-worker-"));
  try {
    console.log(`machine: ${cpus()[0]?.model ?? "?"} x${availableParallelism()}, node ${process.version}`);
    let t = performance.now();
    const tree = generate(root, TARGET_MB * 1e6);
    console.log(`generated ${tree.files.length} files, ${fmt(mb(tree.bytes))} MB, ${tree.planted} planted secrets in ${fmt((performance.now() - t) / 1000)} s`);

    const workerFile = join(work, "secrets-worker.mjs");
    await build({ entryPoints: ["src/scanners/secrets/worker.ts"], bundle: true, platform: "node", format: "esm", outfile: workerFile, logLevel: "error" });
    const workerUrl = pathToFileURL(workerFile);

    t = performance.now();
    let warm = 0;
    for (const f of tree.files) warm += readFileSync(join(root, f)).length;
    console.log(`page cache warmed: ${fmt(mb(warm))} MB read in ${fmt((performance.now() - t) / 1000, 2)} s`);

    const cores = availableParallelism();
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await timeOurs(root, tree.files, cores, workerUrl));
    runs.sort((a, b) => a.seconds - b.seconds);
    const best = runs[0] as Awaited<ReturnType<typeof timeOurs>>;
    const median = runs[1] as Awaited<ReturnType<typeof timeOurs>>;
    const single = await timeOurs(root, tree.files, 1, workerUrl);

    const step = Math.max(1, Math.round(100 / SUBSET_PERCENT));
    const subset = tree.files.filter((_, i) => i % step === 0);
    const subsetBytes = subset.reduce((s, f) => s + readFileSync(join(root, f)).length, 0);
    const oursSubset = await timeOurs(root, subset, cores, workerUrl);
    const lint = await timeSecretlint(root, subset);

    const oursMBs = mb(median.bytes) / median.seconds;
    const singleMBs = mb(single.bytes) / single.seconds;
    const lintMBs = mb(subsetBytes) / lint.seconds;
    const oursSubsetMBs = mb(subsetBytes) / oursSubset.seconds;
    const plantedInSubset = subset.reduce((s, f) => s + (tree.plantedIn.get(f) ?? 0), 0);
    const row = (name: string, files: number, bytes: number, r: { seconds: number; cpu: number; hits: number }) =>
      `| ${name} | ${files} | ${fmt(mb(bytes))} | ${fmt(r.seconds, 2)} | ${fmt(mb(bytes) / r.seconds)} | ${fmt(r.cpu, 2)} | ${fmt(mb(bytes) / r.cpu)} | ${r.hits} |`;
    console.log("");
    console.log(`load average during the run: ${os.loadavg().map((l) => fmt(l, 1)).join(" ")} (on ${cores} CPUs)`);
    console.log("");
    console.log("| run | files | MB | wall s | MB/s (wall) | CPU s | MB per CPU-s | findings |");
    console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
    console.log(row(`tollgate, ${cores} threads (median of 3; best ${fmt(best.seconds, 2)} s)`, tree.files.length, median.bytes, median));
    console.log(row("tollgate, 1 thread", tree.files.length, single.bytes, single));
    console.log(row(`tollgate, ${cores} threads, ${SUBSET_PERCENT}% subset`, subset.length, subsetBytes, oursSubset));
    console.log(row(`secretlint 11.7.1 + preset-recommend, ${SUBSET_PERCENT}% subset`, subset.length, subsetBytes, lint));
    console.log("");
    console.log(`planted secret values: ${tree.planted} in the tree, ${plantedInSubset} in the subset.`);
    if (step > 1) {
      console.log(`secretlint was timed on a deterministic ${SUBSET_PERCENT}% subset (every ${step}th file) because a full run takes minutes (its time grows faster than linearly with the file count: about 600 s on the whole tree here); extrapolated linearly to the whole tree it would take at least ${fmt(mb(tree.bytes) / lintMBs, 0)} s wall. Use --subset 100 to time it on every file.`);
    } else {
      console.log("secretlint was timed on every file of the tree.");
    }
    console.log(`throughput, wall clock: tollgate ${fmt(oursMBs)} MB/s (target >= 100) vs secretlint ${fmt(lintMBs, 2)} MB/s = ${fmt(oursMBs / lintMBs)}x (target >= 10x); on the same subset ${fmt(oursSubsetMBs / lintMBs)}x; tollgate on one thread ${fmt(singleMBs / lintMBs)}x.`);
    console.log(`throughput per CPU-second (what the load on a shared machine does not distort): tollgate ${fmt(mb(median.bytes) / median.cpu)} MB per CPU-s, x${cores} CPUs = ${fmt((mb(median.bytes) / median.cpu) * cores)} MB/s on an idle machine; secretlint ${fmt(mb(subsetBytes) / lint.cpu, 2)} MB per CPU-s; ratio ${fmt(mb(median.bytes) / median.cpu / (mb(subsetBytes) / lint.cpu))}x per CPU.`);
  } finally {
    if (!keep) rmSync(root, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
