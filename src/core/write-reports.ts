// Renders the run report into each requested format and writes the files.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { reporterRegistry } from "../reporters/index.js";
import type { RunReport } from "./types.js";

export interface ReportTargets {
  sarif?: string;
  junit?: string;
  json?: string;
  markdown?: string;
  html?: string;
  /** Directory for GitLab's report files. */
  gitlabDir?: string;
}

/** Writes each requested report; returns the absolute paths written. */
export async function writeReports(report: RunReport, targets: ReportTargets, cwd: string): Promise<string[]> {
  const written: string[] = [];
  const jobs = Object.entries(targets).filter((e): e is [string, string] => typeof e[1] === "string" && e[1].length > 0);
  for (const [kind, target] of jobs) {
    const id = kind === "gitlabDir" ? "gitlab" : kind;
    const load = reporterRegistry[id];
    if (!load) continue;
    const reporter = await load();
    const output = reporter.render(report);
    if (typeof output === "string") {
      const file = resolve(cwd, target);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, output);
      written.push(file);
    } else {
      const dir = resolve(cwd, target);
      await mkdir(dir, { recursive: true });
      for (const [name, content] of Object.entries(output.files)) {
        await writeFile(join(dir, name), content);
        written.push(join(dir, name));
      }
    }
  }
  return written;
}
