// Streams an XML report file through saxes, refusing what could hurt: DOCTYPEs that declare
// entities, undecodable bytes, files that end early. No entity is ever expanded or fetched:
// saxes knows only the five predefined entities and character references.
import { createReadStream } from "node:fs";
import { TextDecoder } from "node:util";
import { SaxesParser, type SaxesTagPlain } from "saxes";

/** Why a report file could not be read; the gate reports the file with this reason and goes on. */
export class ReportFileError extends Error {
  override name = "ReportFileError";
  constructor(
    message: string,
    readonly kind: "empty" | "encoding" | "hostile" | "malformed" | "truncated" | "not-a-report" | "unreadable",
  ) {
    super(message);
  }
}

export interface XmlHandlers {
  open(tag: SaxesTagPlain): void;
  close(name: string): void;
  /** Text and CDATA content, in document order. */
  text(text: string): void;
}

const CHUNK = 1 << 20;

/** A DOCTYPE that declares entities is how billion-laughs and XXE attacks start: refuse it outright. */
export function checkDoctype(doctype: string): void {
  if (/<!ENTITY/i.test(doctype)) {
    throw new ReportFileError(
      "the file declares XML entities in its DOCTYPE (an entity-expansion or external-entity attack pattern); tollgate never expands or fetches entities, so it refuses the file",
      "hostile",
    );
  }
}

/**
 * Picks a decoder from the byte-order mark and the XML declaration. UTF-8 is decoded strictly so
 * that invalid bytes are reported, not silently replaced; a declared legacy encoding that the
 * runtime knows (ISO-8859-1, windows-1252...) is honoured.
 */
export function pickDecoder(head: Uint8Array): TextDecoder {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new ReportFileError("the file is encoded in UTF-16; write the report as UTF-8", "encoding");
  }
  const start = Buffer.from(head.subarray(0, 256)).toString("latin1");
  const declared = /^(?:\uFEFF|\xEF\xBB\xBF)?<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(start)?.[1]?.toLowerCase();
  if (declared === undefined || declared === "utf-8" || declared === "utf8" || declared === "us-ascii" || declared === "ascii") {
    return new TextDecoder("utf-8", { fatal: true });
  }
  try {
    return new TextDecoder(declared, { fatal: true });
  } catch {
    throw new ReportFileError(`the file declares the encoding "${declared}", which tollgate cannot decode; write the report as UTF-8`, "encoding");
  }
}

type PlainParser = SaxesParser<{ xmlns?: false; position?: boolean }>;

interface FeedState {
  parser: PlainParser;
  sawRoot: boolean;
  nonBlank: boolean;
  /** An exception thrown by our own handlers: a bug or a ReportFileError, never a syntax error. */
  handlerError?: unknown;
}

function makeParser(handlers: XmlHandlers, position: boolean): FeedState {
  const parser: PlainParser = new SaxesParser<{ xmlns?: false; position?: boolean }>({ position });
  const state: FeedState = { parser, sawRoot: false, nonBlank: false };
  const guard =
    <A>(fn: (arg: A) => void) =>
    (arg: A): void => {
      try {
        fn(arg);
      } catch (error) {
        state.handlerError = error;
        throw error;
      }
    };
  parser.on("doctype", guard(checkDoctype));
  parser.on(
    "opentag",
    guard((tag: SaxesTagPlain) => {
      state.sawRoot = true;
      handlers.open(tag);
    }),
  );
  parser.on(
    "closetag",
    guard((tag: { name: string }) => handlers.close(tag.name)),
  );
  const text = guard((t: string) => handlers.text(t));
  parser.on("text", text);
  parser.on("cdata", text);
  return state;
}

function describeSyntaxError(error: Error, sawRoot: boolean, ended: boolean): ReportFileError {
  const message = error.message;
  if (ended && /unclosed|unexpected end|incomplete|root element/i.test(message) && sawRoot) {
    return new ReportFileError(`the XML ends before the document is complete (truncated file?): ${message}`, "truncated");
  }
  if (/undefined entity/i.test(message)) {
    return new ReportFileError(`the XML refers to an undefined entity, which tollgate never resolves: ${message}`, "hostile");
  }
  return new ReportFileError(`the file is not well-formed XML: ${message}`, "malformed");
}

async function feedFile(path: string, handlers: XmlHandlers, position: boolean, signal?: AbortSignal): Promise<void> {
  const state = makeParser(handlers, position);
  let decoder: TextDecoder | undefined;
  let bytes = 0;
  let ended = false;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK, signal }) as AsyncIterable<Buffer>) {
      decoder ??= pickDecoder(chunk);
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw new ReportFileError(`the file is not valid ${decoder.encoding.toUpperCase()} (bad bytes after byte ${bytes}); write the report as UTF-8`, "encoding");
      }
      bytes += chunk.length;
      if (!state.nonBlank && /\S/.test(text)) state.nonBlank = true;
      state.parser.write(text);
    }
    if (bytes === 0 || !state.nonBlank) throw new ReportFileError("the file is empty", "empty");
    try {
      const tail = decoder?.decode() ?? "";
      if (tail) state.parser.write(tail);
    } catch {
      throw new ReportFileError("the file ends in the middle of a character (truncated or not UTF-8)", "encoding");
    }
    ended = true;
    state.parser.close();
  } catch (error) {
    if (error instanceof ReportFileError || error === state.handlerError) throw error;
    if (signal?.aborted) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== undefined) throw new ReportFileError(`the file cannot be read (${code})`, "unreadable");
    throw describeSyntaxError(error as Error, state.sawRoot, ended);
  }
}

/**
 * Parses an XML file with the handlers. Errors come out as ReportFileError; a syntax error is
 * located (line:column) by a second, position-tracking pass, so the common case stays fast.
 */
export async function parseXmlFile(path: string, handlers: () => XmlHandlers, signal?: AbortSignal): Promise<void> {
  try {
    await feedFile(path, handlers(), false, signal);
  } catch (error) {
    if (!(error instanceof ReportFileError) || (error.kind !== "malformed" && error.kind !== "truncated")) throw error;
    try {
      await feedFile(path, handlers(), true, signal);
    } catch (located) {
      if (located instanceof ReportFileError) throw located;
    }
    throw error;
  }
}

/** Same as parseXmlFile for text already in memory (tests, property checks). */
export function parseXmlString(xml: string, handlers: XmlHandlers): void {
  const state = makeParser(handlers, true);
  if (!/\S/.test(xml)) throw new ReportFileError("the file is empty", "empty");
  let ended = false;
  try {
    state.parser.write(xml);
    ended = true;
    state.parser.close();
  } catch (error) {
    if (error instanceof ReportFileError || error === state.handlerError) throw error;
    throw describeSyntaxError(error as Error, state.sawRoot, ended);
  }
}
