// Live per-gate progress: a redrawn table on a terminal, plain lines in CI logs.
import { formatDuration } from "../core/duration.js";
import type { RunEvent } from "../core/run.js";
import type { GateOutcome } from "../core/types.js";
import { paint, statusLine } from "../reporters/console/index.js";

export interface Progress {
  onEvent(event: RunEvent): void;
  stop(): void;
}

export function createProgress(opts: { write: (t: string) => void; tty: boolean; color: boolean; verbose: boolean; quiet: boolean }): Progress {
  if (opts.quiet) return { onEvent: () => {}, stop: () => {} };
  if (!opts.tty) {
    return {
      onEvent(event) {
        if (event.type === "gate-start") opts.write(`▶ ${event.gate} started\n`);
        else if (event.type === "gate-end" && event.outcome.status !== "skipped") opts.write(`${statusLine(event.outcome, opts.color)}\n`);
        else if (event.type === "log" && (event.level !== "output" || opts.verbose)) {
          const text = event.message.endsWith("\n") ? event.message : `${event.message}\n`;
          opts.write(event.level === "output" ? text.replace(/^/gm, `[${event.gate}] `) : `[${event.gate}] ${event.level === "warn" ? "warning: " : ""}${text}`);
        }
      },
      stop() {},
    };
  }
  const running = new Map<string, number>();
  const done: GateOutcome[] = [];
  let drawn = 0;
  const frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
  let tick = 0;
  const draw = () => {
    const lines = [...running.entries()].map(
      ([gate, since]) => `${paint(frames[tick % frames.length] ?? "…", 36, opts.color)} ${gate.padEnd(12)} running  ${formatDuration(performance.now() - since)}`,
    );
    // Move up over the previous live block, clear it, print finished lines once, then the live block.
    let out = drawn > 0 ? `\u001b[${drawn}F\u001b[0J` : "";
    for (const o of done.splice(0)) out += `${statusLine(o, opts.color)}\n`;
    out += lines.map((l) => `${l}\n`).join("");
    drawn = lines.length;
    tick++;
    opts.write(out);
  };
  const timer = setInterval(draw, 100);
  timer.unref();
  return {
    onEvent(event) {
      if (event.type === "gate-start") running.set(event.gate, performance.now());
      else if (event.type === "gate-end") {
        running.delete(event.outcome.gate);
        if (event.outcome.status !== "skipped") done.push(event.outcome);
      }
    },
    stop() {
      clearInterval(timer);
      draw();
      if (drawn > 0) opts.write(`\u001b[${drawn}F\u001b[0J`);
      drawn = 0;
    },
  };
}
