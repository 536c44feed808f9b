// Recognises a coverage report by its content (not its name) and reads it.
import { open, readFile } from "node:fs/promises";
import { TextDecoder } from "node:util";
import { ReportFileError } from "../junit/xml-stream.js";
import { parseGoProfile } from "./go.js";
import { parseIstanbulJson } from "./istanbul.js";
import { parseLcovFile } from "./lcov.js";
import type { CoverageReport } from "./model.js";
import { parseCoverageXmlFile } from "./xml-formats.js";

/** JSON and Go profiles are read whole; past this they are refused rather than exhausting memory. */
const MAX_WHOLE_FILE = 512 * 1024 * 1024;

async function head(path: string): Promise<Buffer> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(512);
    const { bytesRead } = await handle.read(buffer, 0, 512, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function wholeText(path: string): Promise<string> {
  const buffer = await readFile(path);
  if (buffer.length > MAX_WHOLE_FILE) throw new ReportFileError(`the file is larger than ${MAX_WHOLE_FILE / 1024 / 1024} MiB`, "unreadable");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    throw new ReportFileError("the file is not valid UTF-8", "encoding");
  }
}

/** Reads any supported coverage report; throws ReportFileError with a reason a user can act on. */
export async function readCoverageReport(path: string, signal?: AbortSignal): Promise<CoverageReport> {
  let start: Buffer;
  try {
    start = await head(path);
  } catch (error) {
    throw new ReportFileError(`the file cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`, "unreadable");
  }
  const text = start.toString("latin1").replace(/^(\xEF\xBB\xBF)/, "").trimStart();
  if (text === "" && start.length < 512) {
    // whitespace only, or nothing
    throw new ReportFileError("the file is empty", "empty");
  }
  if (text.startsWith("<")) return parseCoverageXmlFile(path, signal);
  if (text.startsWith("{")) return parseIstanbulJson(await wholeText(path));
  if (text.startsWith("mode:")) return parseGoProfile(await wholeText(path));
  if (start[0] === 0xff || start[0] === 0xfe) throw new ReportFileError("the file is encoded in UTF-16; write the report as UTF-8", "encoding");
  return parseLcovFile(path, signal);
}
