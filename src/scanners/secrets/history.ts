// Scanning git history: the lines each commit added, streamed from `git log -p` so that a large
// history never sits in memory, each hit reported with its commit, path and line.
import { runCommand } from "../../core/exec.js";
import { runGit } from "../../core/git.js";
import type { SecretEngine } from "./engine.js";
import { defaultEngine, toHits, type SecretHit } from "./hits.js";

export interface ScanHistoryOptions {
  root: string;
  /** A revision range for git log ("main..HEAD", "v1.2.0..", a commit); default: HEAD (the current branch). */
  range?: string;
  signal?: AbortSignal;
  /** Added text of one file in one commit larger than this is skipped. */
  maxFileSize: number;
  fileTimeBudgetMs: number;
  engine?: SecretEngine;
}

export interface HistoryHit extends SecretHit {
  commit: string;
  path: string;
}

export interface ScanHistoryResult {
  hits: HistoryHit[];
  commits: number;
  /** Bytes of added lines scanned. */
  bytes: number;
  skippedOversize: number;
  /** "commit:path" of file changes that exceeded the time budget. */
  timedOut: string[];
  aborted: boolean;
}

interface FileChange {
  commit: string;
  path: string;
  lines: string[];
  lineNumbers: number[];
  bytes: number;
}

/** Unquotes a path git printed in C style ("a\tb" with quotes) when it holds unusual characters. */
function unquote(path: string): string {
  if (!path.startsWith('"') || !path.endsWith('"')) return path;
  const inner = path.slice(1, -1);
  const bytes: number[] = [];
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i] as string;
    if (ch !== "\\") {
      bytes.push(...Buffer.from(ch, "utf8"));
      continue;
    }
    const nextCh = inner[++i] ?? "";
    if (/[0-7]/.test(nextCh)) {
      bytes.push(parseInt(inner.slice(i, i + 3), 8));
      i += 2;
    } else {
      bytes.push(({ n: 10, t: 9, r: 13, b: 8, f: 12, v: 11, a: 7 } as Record<string, number>)[nextCh] ?? nextCh.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** Throws with git's words when the range is not valid; returns the number of commits in it. */
export async function countCommits(root: string, range: string, signal?: AbortSignal): Promise<number> {
  return Number((await runGit(root, ["rev-list", "--count", range, "--"], signal)).trim());
}

export async function scanHistory(options: ScanHistoryOptions): Promise<ScanHistoryResult> {
  const range = options.range ?? "HEAD";
  if (range.startsWith("-")) throw new Error(`history-range "${range}" is not a revision range`);
  const engine = options.engine ?? defaultEngine();
  const commits = await countCommits(options.root, range, options.signal);
  const result: ScanHistoryResult = { hits: [], commits, bytes: 0, skippedOversize: 0, timedOut: [], aborted: false };
  if (commits === 0) return result;

  let commit = "";
  let change: FileChange | undefined;
  let inHunk = false;
  let newLine = 0;
  let oversize = false;
  const flush = () => {
    if (!change) return;
    if (oversize) result.skippedOversize++;
    else if (change.lines.length > 0) {
      const text = change.lines.join("\n");
      result.bytes += change.bytes;
      const scan = engine.scan(text, { path: change.path, deadline: performance.now() + options.fileTimeBudgetMs });
      if (scan.timedOut) result.timedOut.push(`${change.commit}:${change.path}`);
      const numbers = change.lineNumbers;
      for (const hit of toHits(text, scan.matches)) {
        result.hits.push({
          ...hit,
          line: numbers[hit.line - 1] ?? hit.line,
          endLine: numbers[hit.endLine - 1] ?? hit.endLine,
          commit: change.commit,
          path: change.path,
        });
      }
    }
    change = undefined;
    oversize = false;
  };
  const onLine = (line: string) => {
    if (line.startsWith("\u0000commit ")) {
      flush();
      commit = line.slice(8).trim();
      inHunk = false;
      return;
    }
    if (line.startsWith("diff --git ")) {
      flush();
      inHunk = false;
      return;
    }
    if (!inHunk) {
      if (line.startsWith("+++ ")) {
        const target = line.slice(4).replace(/\t$/, "");
        if (target !== "/dev/null") {
          const path = unquote(target);
          change = { commit, path: path.startsWith("b/") || path.startsWith('"b/') ? path.slice(2) : path, lines: [], lineNumbers: [], bytes: 0 };
        }
        return;
      }
      if (!line.startsWith("@@")) return;
    }
    if (line.startsWith("@@")) {
      const m = /^@@ -\d+(?:,\d+)? \+(\d+)/.exec(line);
      newLine = m ? Number(m[1]) : 0;
      inHunk = true;
      return;
    }
    if (!change) return;
    if (line.startsWith("+")) {
      if (!oversize) {
        const added = line.slice(1);
        change.bytes += added.length + 1;
        if (change.bytes > options.maxFileSize) {
          oversize = true;
          change.lines = [];
          change.lineNumbers = [];
        } else {
          change.lines.push(added);
          change.lineNumbers.push(newLine);
        }
      }
      newLine++;
    } else if (line.startsWith(" ")) {
      newLine++;
    }
  };

  let carry = "";
  // stderr goes to /dev/null through sh so that only the patch text reaches the parser (the
  // range was validated by rev-list above, which reports git's errors).
  const run = await runCommand({
    command: "sh",
    args: [
      "-c",
      'exec "$@" 2>/dev/null',
      "sh",
      "git",
      "-c",
      "core.quotepath=off",
      "log",
      "-p",
      "-U0",
      "--no-color",
      "--no-ext-diff",
      "--no-textconv",
      "--format=%x00commit %H",
      range,
      "--",
    ],
    cwd: options.root,
    env: { ...process.env, LC_ALL: "C", GIT_PAGER: "cat" },
    signal: options.signal,
    maxStdout: 0,
    onOutput: (chunk) => {
      const text = carry + chunk;
      const lines = text.split("\n");
      carry = lines.pop() ?? "";
      for (const line of lines) onLine(line);
    },
  });
  if (carry) onLine(carry);
  flush();
  result.aborted = run.aborted || run.timedOut;
  if (!result.aborted && run.exitCode !== 0) throw new Error(`git log failed with exit code ${run.exitCode}`);
  return result;
}
