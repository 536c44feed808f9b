// Flag parsing shared by the commands: node's parseArgs, with usage errors as ConfigurationError.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { ConfigurationError } from "../core/errors.js";

export function parse<T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: T, help: string, allowPositionals = false) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals, strict: true });
  } catch (error) {
    throw new ConfigurationError((error as Error).message.split("\n")[0] ?? "bad arguments", undefined, `see:\n${help}`);
  }
}

export function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Colour on a terminal unless NO_COLOR or --no-color; FORCE_COLOR turns it on anywhere. */
export function useColor(env: Record<string, string | undefined>, isTTY: boolean, noColorFlag: boolean | undefined): boolean {
  if (noColorFlag || (env.NO_COLOR !== undefined && env.NO_COLOR !== "")) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  return isTTY && env.TERM !== "dumb";
}
