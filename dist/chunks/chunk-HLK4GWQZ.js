#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  detectCi
} from "./chunk-A2EGKKLT.js";
import {
  gateSectionSchema,
  loadPolicy
} from "./chunk-6GNZPPRU.js";
import {
  GATE_IDS,
  gateRegistry,
  isGateId
} from "./chunk-WUIFYC35.js";
import {
  INFORMATION_URI,
  toolVersion
} from "./chunk-QELEUUVM.js";
import {
  formatDuration,
  parseDuration
} from "./chunk-RSC3HFTQ.js";
import {
  changedFiles,
  defaultBase,
  isGitRepo,
  resolveRef
} from "./chunk-VMIEK4YL.js";
import {
  require_picomatch
} from "./chunk-CY7KP3J2.js";
import {
  makeFinding,
  sortFindings
} from "./chunk-NQDPYFAW.js";
import {
  ConfigurationError,
  errorMessage
} from "./chunk-5XKQ73XO.js";
import {
  __toESM
} from "./chunk-2GVBCIT7.js";

// src/core/run.ts
import { availableParallelism, homedir, tmpdir } from "node:os";
import { join as join3 } from "node:path";

// src/core/baseline.ts
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
function readBaseline(root, path) {
  const full = join(root, path);
  if (!existsSync(full)) return void 0;
  let data;
  try {
    data = JSON.parse(readFileSync(full, "utf8"));
  } catch (error) {
    throw new ConfigurationError(`baseline is not valid JSON: ${error.message}`, { file: path }, "regenerate it with `tollgate baseline`");
  }
  const findings = data.findings;
  if (typeof data !== "object" || data === null || !Array.isArray(findings) || !findings.every((f) => typeof f?.fingerprint === "string")) {
    throw new ConfigurationError("baseline has no `findings` list of fingerprints", { file: path }, "regenerate it with `tollgate baseline`");
  }
  return data;
}
function renderBaseline(report) {
  const findings = report.gates.flatMap((g) => g.findings).filter((f) => f.suppression === void 0 || f.suppression.kind === "baseline").map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, ...f.location ? { path: f.location.path } : {} }));
  const unique = [...new Map(findings.map((f) => [f.fingerprint, f])).values()].sort(
    (a, b) => a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0
  );
  const file = { version: 1, findings: unique };
  return `${JSON.stringify(file, null, 2)}
`;
}

// src/core/runner.ts
import { setMaxListeners } from "node:events";
async function runGates(options) {
  if (options.signal) setMaxListeners(4 * options.gates.length + 10, options.signal);
  const outcomes = new Array(options.gates.length);
  let next = 0;
  const worker = async () => {
    while (next < options.gates.length) {
      const index = next++;
      const planned = options.gates[index];
      if (!planned) continue;
      const outcome2 = await runOne(planned, options);
      outcomes[index] = outcome2;
      options.onEnd?.(outcome2);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(options.concurrency, options.gates.length)) }, worker);
  await Promise.all(workers);
  return outcomes;
}
function outcome(id, partial, started) {
  return { gate: id, findings: [], metrics: {}, rules: [], ...partial, durationMs: Math.round(performance.now() - started) };
}
async function runOne(planned, options) {
  const started = performance.now();
  if (planned.skip) return outcome(planned.id, { status: "skipped", summary: "skipped", reason: planned.skip }, started);
  options.onStart?.(planned.id);
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(new Error("run interrupted"));
  options.signal?.addEventListener("abort", onOuterAbort, { once: true });
  const log = {
    info: (m) => options.onLog?.(planned.id, "info", m),
    warn: (m) => options.onLog?.(planned.id, "warn", m),
    output: (m) => options.onLog?.(planned.id, "output", m)
  };
  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error(`timed out after ${formatDuration(planned.timeoutMs)}`));
      resolve("timeout");
    }, planned.timeoutMs);
  });
  const interrupted = new Promise((resolve) => {
    options.signal?.addEventListener("abort", () => resolve("interrupted"), { once: true });
  });
  try {
    const gate = await options.load(planned.id);
    const ctx = {
      ...options.context(planned, controller.signal, log),
      options: planned.options,
      signal: controller.signal,
      log
    };
    const result = await Promise.race([gate.scan(ctx), timedOut, interrupted]);
    if (result === "timeout") {
      return outcome(planned.id, {
        status: "errored",
        summary: `timed out after ${formatDuration(planned.timeoutMs)}`,
        reason: `the gate did not finish within its timeout of ${formatDuration(planned.timeoutMs)} and was stopped; raise \`timeout\` in the policy or make its inputs smaller`
      }, started);
    }
    if (result === "interrupted") return outcome(planned.id, { status: "errored", summary: "interrupted", reason: "the run was interrupted" }, started);
    return await finish(planned, gate, result, options, started);
  } catch (error) {
    return outcome(planned.id, { status: "errored", summary: "errored", reason: errorMessage(error) }, started);
  } finally {
    if (timer) clearTimeout(timer);
    options.signal?.removeEventListener("abort", onOuterAbort);
    controller.abort(new Error("gate finished"));
  }
}
async function finish(planned, gate, scan, options, started) {
  const extra = {};
  if (scan.notes?.length) extra.notes = scan.notes;
  if (scan.skipped) {
    return outcome(planned.id, { status: "skipped", summary: "skipped", reason: scan.skipped, metrics: scan.metrics, ...extra }, started);
  }
  for (const f of scan.findings) f.gate = planned.id;
  await options.postProcess(planned, scan.findings);
  sortFindings(scan.findings);
  const verdict = gate.evaluate(scan, planned.options);
  let status = verdict.status;
  let summary = verdict.summary;
  if (status === "failed" && planned.options.mode === "warn") {
    status = "warned";
    summary = `${summary} (mode: warn)`;
  }
  const checks = verdict.checks ?? scan.checks;
  if (checks) extra.checks = checks;
  return outcome(planned.id, { status, summary, findings: scan.findings, metrics: scan.metrics, rules: await rulesFor(gate, scan), ...extra }, started);
}
async function rulesFor(gate, scan) {
  const used = new Set(scan.findings.map((f) => f.ruleId));
  if (used.size === 0) return [];
  const known = /* @__PURE__ */ new Map();
  for (const r of [...await gate.rules(), ...scan.rules ?? []]) if (used.has(r.id)) known.set(r.id, r);
  for (const f of scan.findings) {
    if (!known.has(f.ruleId)) {
      known.set(f.ruleId, { id: f.ruleId, severity: f.severity, title: f.ruleId, description: f.message });
    }
  }
  return [...known.values()].sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

// src/core/suppress.ts
var import_picomatch = __toESM(require_picomatch(), 1);
import { readFile } from "node:fs/promises";
import { join as join2 } from "node:path";
var INLINE = /tollgate-ignore\s+([A-Za-z0-9_.\-/*@]+)\s*:\s*(.*?)\s*(?:\*\/|-->|#\}|%\})?\s*$/;
function ruleMatcher(glob) {
  if (!glob.includes("*")) return (id) => id === glob;
  const re = new RegExp(`^${glob.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
  return (id) => re.test(id);
}
async function applyInline(root, findings) {
  const files = /* @__PURE__ */ new Map();
  const linesOf = (path) => {
    let p = files.get(path);
    if (!p) {
      p = readFile(join2(root, path), "utf8").then(
        (t) => t.split("\n"),
        () => void 0
      );
      files.set(path, p);
    }
    return p;
  };
  await Promise.all(
    findings.map(async (f) => {
      if (f.suppression || !f.location?.startLine) return;
      const lines = await linesOf(f.location.path);
      if (!lines) return;
      for (const n of [f.location.startLine, f.location.startLine - 1]) {
        const line = lines[n - 1];
        if (!line?.includes("tollgate-ignore")) continue;
        const m = INLINE.exec(line);
        if (m && m[1] && m[2] && ruleMatcher(m[1])(f.ruleId)) {
          f.suppression = { kind: "inline", reason: m[2] };
          return;
        }
      }
    })
  );
}
function isoDay(date) {
  return date.toISOString().slice(0, 10);
}
function checkWaivers(waivers, locations, now) {
  const today = isoDay(now);
  const soon = isoDay(new Date(now.getTime() + 14 * 864e5));
  const warnings = [];
  const expired = [];
  waivers.forEach((w, i) => {
    const where = locations[i];
    if (w.expires < today) {
      expired.push(
        makeFinding({
          ruleId: "policy/waiver-expired",
          gate: w.rule.split("/")[0] ?? "policy",
          severity: "medium",
          message: `The waiver for ${w.rule} expired on ${w.expires} and no longer waives anything; fix the findings or renew it with a new date.`,
          key: `${w.rule}\0${(w.paths ?? []).join(",")}\0${w.expires}`,
          ...where ? { location: { path: where.path, startLine: where.line } } : {},
          properties: { rule: w.rule, expires: w.expires, reason: w.reason }
        })
      );
    } else if (w.expires <= soon) {
      warnings.push(`waiver for ${w.rule} expires on ${w.expires}${where ? ` (${where.path}:${where.line})` : ""}: renew it or fix the findings`);
    }
  });
  return { warnings, expired };
}
function applyWaivers(findings, waivers, now) {
  const today = isoDay(now);
  const active = waivers.filter((w) => w.expires >= today).map((w) => ({ w, rule: ruleMatcher(w.rule), paths: w.paths?.length ? (0, import_picomatch.default)(w.paths, { dot: true }) : void 0 }));
  for (const f of findings) {
    if (f.suppression) continue;
    const hit = active.find(({ rule, paths }) => rule(f.ruleId) && (!paths || f.location && paths(f.location.path)));
    if (hit) f.suppression = { kind: "waiver", reason: hit.w.reason, expires: hit.w.expires };
  }
}
function applyBaseline(findings, baseline, baselinePath) {
  if (!baseline) return;
  const known = new Set(baseline.findings.map((f) => f.fingerprint));
  for (const f of findings) {
    if (!f.suppression && known.has(f.fingerprint)) {
      f.suppression = { kind: "baseline", reason: `recorded in the baseline ${baselinePath}` };
    }
  }
}

// src/core/run.ts
function cacheDir(env) {
  if (env.TOLLGATE_CACHE_DIR) return env.TOLLGATE_CACHE_DIR;
  const base = env.XDG_CACHE_HOME ?? (env.HOME ? join3(env.HOME, ".cache") : void 0) ?? join3(homedir() || tmpdir(), ".cache");
  return join3(base, "tollgate");
}
function checkGateNames(flag, ids) {
  for (const id of ids ?? []) {
    if (!isGateId(id)) {
      throw new ConfigurationError(`unknown gate "${id}" in ${flag}`, void 0, `use one of: ${GATE_IDS.join(", ")}`);
    }
  }
}
function planGates(loaded, options) {
  const { policy } = loaded;
  checkGateNames("--only", options.only);
  checkGateNames("--skip", options.skip);
  const planned = [];
  for (const id of GATE_IDS) {
    const configured = policy.gates[id];
    const wanted = options.only?.includes(id) ?? false;
    if (!configured && !wanted) continue;
    const section = configured ?? gateSectionSchema(id).parse({});
    const opts = {
      ...section,
      ...options.overrides?.[id],
      exclude: [...policy.settings.exclude, ...section.exclude]
    };
    const timeoutMs = parseDuration(section.timeout ?? policy.settings.timeout) ?? 6e5;
    const gate = { id, options: opts, timeoutMs };
    if (options.only && !wanted) gate.skip = "not selected by --only";
    else if (options.skip?.includes(id)) gate.skip = "skipped by --skip";
    else if (section.mode === "off") gate.skip = "mode: off in the policy";
    planned.push(gate);
  }
  return planned;
}
async function run(options) {
  const started = /* @__PURE__ */ new Date();
  const t0 = performance.now();
  const now = options.now ?? started;
  const { cwd, env } = options;
  const loaded = loadPolicy({ cwd, ...options.policyPath ? { policyPath: options.policyPath } : {} });
  const { policy } = loaded;
  const ci = detectCi(env);
  const gates = planGates(loaded, options);
  let base;
  let changed;
  if (options.changed || options.base) {
    if (!await isGitRepo(cwd)) throw new ConfigurationError("--changed and --base need a git repository", void 0, "run tollgate inside a git work tree, or drop --changed");
    const ref = options.base ?? ci.base ?? await defaultBase(cwd);
    if (!ref) throw new ConfigurationError("no base commit to compare with", void 0, "pass --base REF (for example --base origin/main)");
    try {
      base = await resolveRef(cwd, ref);
    } catch {
      throw new ConfigurationError(`base "${ref}" is not a commit in this repository`, void 0, "fetch it first (git fetch origin main) or pass another --base");
    }
    if (options.changed) changed = await changedFiles(cwd, base);
  } else if (ci.base && await isGitRepo(cwd)) {
    base = await resolveRef(cwd, ci.base).catch(() => void 0);
  }
  const baseline = readBaseline(cwd, policy.baseline);
  const waiverCheck = checkWaivers(policy.waivers, loaded.waiverLocations, now);
  const cache = cacheDir(env);
  const outcomes = await runGates({
    gates,
    concurrency: options.concurrency ?? policy.settings.concurrency ?? availableParallelism(),
    load: (id) => gateRegistry[id].load(),
    context: () => ({
      root: cwd,
      env,
      policyDir: loaded.file ? join3(loaded.file, "..") : cwd,
      now,
      cacheDir: cache,
      ...changed ? { changedFiles: changed } : {},
      ...base ? { base } : {}
    }),
    postProcess: async (gate, findings) => {
      findings.push(...waiverCheck.expired.filter((f) => f.gate === gate.id));
      await applyInline(cwd, findings);
      applyWaivers(findings, policy.waivers, now);
      applyBaseline(findings, baseline, policy.baseline);
    },
    onStart: (gate) => options.onEvent?.({ type: "gate-start", gate }),
    onEnd: (outcome2) => options.onEvent?.({ type: "gate-end", outcome: outcome2 }),
    onLog: (gate, level, message) => options.onEvent?.({ type: "log", gate, level, message }),
    ...options.signal ? { signal: options.signal } : {}
  });
  const failed = outcomes.some((o) => o.status === "failed" || o.status === "errored");
  const finished = /* @__PURE__ */ new Date();
  const report = {
    tool: { name: "tollgate", version: toolVersion(), informationUri: INFORMATION_URI },
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: Math.round(performance.now() - t0),
    status: failed ? "failed" : "passed",
    policy: loaded.source,
    gates: outcomes,
    warnings: waiverCheck.warnings
  };
  if (changed && base) report.changed = { base, files: changed.length };
  if (ci.provider !== "local") {
    const { provider, repository, commit, branch, pullRequest, url } = ci;
    report.ci = { provider, ...repository ? { repository } : {}, ...commit ? { commit } : {}, ...branch ? { branch } : {}, ...pullRequest ? { pullRequest } : {}, ...url ? { url } : {} };
  }
  return report;
}
function exitCodeFor(report) {
  return report.status === "passed" ? 0 : 1;
}

export {
  renderBaseline,
  cacheDir,
  planGates,
  run,
  exitCodeFor
};
