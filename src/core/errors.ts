// Two kinds of error: the user's to fix (exit 2) and everything else (a failure or a bug).

/** A problem in the user's policy, flags or inputs: exit 2, the message names file, line and fix. */
export class ConfigurationError extends Error {
  override name = "ConfigurationError";
  constructor(
    message: string,
    readonly location?: { file: string; line?: number; column?: number },
    readonly fix?: string,
  ) {
    super(message);
  }

  /** "file:line:col: message\n  fix: ..." */
  format(): string {
    const where = this.location
      ? `${this.location.file}${this.location.line ? `:${this.location.line}` : ""}${this.location.column ? `:${this.location.column}` : ""}: `
      : "";
    return `${where}${this.message}${this.fix ? `\n  fix: ${this.fix}` : ""}`;
  }
}

/** Thrown when a gate's inputs cannot be read; the gate becomes "errored" with this message. */
export class GateInputError extends Error {
  override name = "GateInputError";
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
