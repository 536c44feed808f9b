// Dockerfile to a list of instructions with lines and build stages (BuildKit's syntax: line
// continuations, the escape directive, JSON-form arguments, heredocs kept as part of RUN).
import type { Obj, Resource, Value } from "../types.js";

export interface Instruction {
  /** Upper-case instruction name: FROM, RUN, USER... */
  cmd: string;
  /** The arguments as written, continuations joined with a space. */
  value: string;
  /** 1-based line where the instruction starts. */
  line: number;
  /** Index of the build stage it belongs to (-1 before the first FROM: ARG). */
  stage: number;
}

export interface Stage {
  /** The image it builds from, as written (after --platform). */
  base: string;
  /** The `AS name` alias, lower-cased. */
  name?: string;
  line: number;
}

export function parseDockerfileInstructions(text: string): { instructions: Instruction[]; stages: Stage[] } {
  const lines = text.split(/\r?\n/);
  let escape = "\\";
  const instructions: Instruction[] = [];
  const stages: Stage[] = [];
  let i = 0;
  let directives = true;
  while (i < lines.length) {
    const raw = lines[i] ?? "";
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#")) {
      if (directives) {
        const d = /^#\s*escape\s*=\s*(\S)/i.exec(trimmed);
        if (d?.[1]) escape = d[1];
        if (trimmed === "" || !/^#\s*\w+\s*=/.test(trimmed)) directives = trimmed === "" ? directives : false;
      }
      i++;
      continue;
    }
    directives = false;
    const start = i;
    let joined = trimmed;
    // Continuation lines; comments inside a continued instruction are dropped, as BuildKit does.
    while (joined.endsWith(escape) && i + 1 < lines.length) {
      joined = joined.slice(0, -1);
      i++;
      let next = (lines[i] ?? "").trim();
      while (next.startsWith("#") && i + 1 < lines.length) {
        i++;
        next = (lines[i] ?? "").trim();
      }
      joined += ` ${next}`;
    }
    const m = /^(\S+)\s*(.*)$/s.exec(joined);
    const cmd = (m?.[1] ?? "").toUpperCase();
    let value = (m?.[2] ?? "").trim();
    // Heredocs (RUN <<EOF ... EOF): the body belongs to the instruction.
    const here = /<<-?["']?([A-Za-z_]\w*)["']?/.exec(value);
    if (here?.[1] && (cmd === "RUN" || cmd === "COPY")) {
      const end = here[1];
      const body: string[] = [];
      while (i + 1 < lines.length) {
        i++;
        const l = lines[i] ?? "";
        if (l.trim() === end) break;
        body.push(l);
      }
      value = `${value}\n${body.join("\n")}`;
    }
    if (cmd === "FROM") {
      const parts = value.split(/\s+/).filter((p) => !p.startsWith("--"));
      const stage: Stage = { base: parts[0] ?? "", line: start + 1 };
      if (parts[1]?.toLowerCase() === "as" && parts[2]) stage.name = parts[2].toLowerCase();
      stages.push(stage);
    }
    instructions.push({ cmd, value, line: start + 1, stage: stages.length - 1 });
    i++;
  }
  return { instructions, stages };
}

/** The Dockerfile as one resource; rules read body.instructions / body.stages. */
export function parseDockerfile(path: string, text: string): Resource {
  const { instructions, stages } = parseDockerfileInstructions(text);
  const lines = new Map<string, number>();
  instructions.forEach((ins, n) => lines.set(`instructions.${n}`, ins.line));
  stages.forEach((s, n) => lines.set(`stages.${n}`, s.line));
  const body: Obj = {
    instructions: instructions.map((ins) => ({ cmd: ins.cmd, value: ins.value, line: ins.line, stage: ins.stage }) as Obj),
    stages: stages.map((s) => {
      const o: Obj = { base: s.base, line: s.line };
      if (s.name) o.name = s.name;
      return o;
    }) as Value[],
  };
  const total = text.split(/\r?\n/).length;
  const first = instructions[0]?.line ?? 1;
  return { framework: "dockerfile", type: "dockerfile", address: "dockerfile", path, line: first, endLine: total, body, lines, wholeFile: true };
}
