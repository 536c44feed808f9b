// Opens the TCP stream a TLS probe runs on: bounded by a connect timeout, abortable, and with the
// SMTP STARTTLS dialogue (RFC 3207) done first when the endpoint asks for it.
import { lookup } from "node:dns/promises";
import { connect, isIP, type Socket } from "node:net";

export interface Endpoint {
  host: string;
  port: number;
  /** SNI and the name the certificate must match (default: host). */
  servername?: string;
  starttls?: "smtp";
  /** Repository-relative path of an extra CA bundle to trust. */
  ca?: string;
  connectTimeoutMs: number;
  handshakeTimeoutMs: number;
  /** Budget for all the probes of this endpoint together (default 30 s). */
  totalTimeoutMs?: number;
  /** The host's address, resolved once per endpoint so probes do not each ask DNS. */
  address?: string;
  /** "host:port" as the policy wrote it. */
  label: string;
}

export class ProbeError extends Error {
  override name = "ProbeError";
  constructor(
    message: string,
    /** "connect": no TCP stream (DNS, refused, timeout); "starttls"/"handshake": the server answered badly. */
    readonly stage: "connect" | "starttls" | "handshake" | "aborted",
  ) {
    super(message);
  }
}

export function describeNetError(error: unknown): string {
  const code = (error as { code?: string } | undefined)?.code;
  switch (code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "host name not found";
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return "host unreachable";
    case "ECONNRESET":
      return "connection reset by the server";
    case "EPIPE":
      return "connection closed by the server";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/**
 * The endpoint with its address resolved (bounded by the connect timeout), or why it cannot be.
 * IPv4 is preferred when the name has both: the probes go to one address, not through happy eyeballs.
 */
export async function resolveEndpoint(endpoint: Endpoint, signal: AbortSignal): Promise<Endpoint | ProbeError> {
  if (isIP(endpoint.host) !== 0) return endpoint;
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const timeout = new Promise<ProbeError>((resolve) => {
    timer = setTimeout(() => resolve(new ProbeError(`host name not resolved within ${endpoint.connectTimeoutMs} ms`, "connect")), endpoint.connectTimeoutMs);
  });
  const aborted = new Promise<ProbeError>((resolve) => {
    onAbort = () => resolve(new ProbeError("aborted", "aborted"));
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([
      lookup(endpoint.host, { all: true }).then(
        (addresses) => {
          const chosen = addresses.find((a) => a.family === 4) ?? addresses[0];
          return chosen ? { ...endpoint, address: chosen.address } : new ProbeError("host name has no address", "connect");
        },
        (error: unknown) => new ProbeError(describeNetError(error), "connect"),
      ),
      timeout,
      aborted,
    ]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal.removeEventListener("abort", onAbort);
  }
}

/** A connected socket, with STARTTLS already negotiated if the endpoint needs it. */
export function openStream(endpoint: Endpoint, signal: AbortSignal): Promise<Socket> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new ProbeError("aborted", "aborted"));
      return;
    }
    const socket = connect({ host: endpoint.address ?? endpoint.host, port: endpoint.port });
    socket.setNoDelay(true);
    let settled = false;
    const finish = (error?: ProbeError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      socket.removeListener("error", onError);
      socket.removeListener("close", onClose);
      if (error) {
        socket.destroy();
        reject(error);
      } else resolve(socket);
    };
    const onAbort = () => finish(new ProbeError("aborted", "aborted"));
    const onError = (error: Error) => finish(new ProbeError(describeNetError(error), connected ? "starttls" : "connect"));
    const onClose = () => finish(new ProbeError("connection closed during STARTTLS", "starttls"));
    let connected = false;
    let timer = setTimeout(() => finish(new ProbeError(`no TCP connection within ${endpoint.connectTimeoutMs} ms`, "connect")), endpoint.connectTimeoutMs);
    signal.addEventListener("abort", onAbort, { once: true });
    socket.on("error", onError);
    socket.on("close", onClose);
    socket.once("connect", () => {
      connected = true;
      clearTimeout(timer);
      if (endpoint.starttls !== "smtp") {
        finish();
        return;
      }
      timer = setTimeout(() => finish(new ProbeError(`SMTP STARTTLS not completed within ${endpoint.handshakeTimeoutMs} ms`, "starttls")), endpoint.handshakeTimeoutMs);
      smtpStartTls(socket).then(
        () => finish(),
        (error: unknown) => finish(error instanceof ProbeError ? error : new ProbeError(describeNetError(error), "starttls")),
      );
    });
  });
}

/** Greeting, EHLO, STARTTLS: each reply is read whole (multi-line replies end with "NNN "). */
async function smtpStartTls(socket: Socket): Promise<void> {
  const replies = smtpReplies(socket);
  try {
    const greeting = await replies.next();
    if (greeting.code !== 220) throw new ProbeError(`SMTP greeting was ${greeting.code}, not 220`, "starttls");
    socket.write("EHLO tollgate.invalid\r\n");
    const ehlo = await replies.next();
    if (ehlo.code !== 250) throw new ProbeError(`SMTP EHLO answered ${ehlo.code}`, "starttls");
    if (!ehlo.lines.some((l) => /^STARTTLS\b/i.test(l.slice(4)))) throw new ProbeError("the SMTP server does not offer STARTTLS", "starttls");
    socket.write("STARTTLS\r\n");
    const ready = await replies.next();
    if (ready.code !== 220) throw new ProbeError(`SMTP STARTTLS answered ${ready.code}`, "starttls");
  } finally {
    replies.stop();
  }
}

interface SmtpReply {
  code: number;
  lines: string[];
}

function smtpReplies(socket: Socket): { next(): Promise<SmtpReply>; stop(): void } {
  let buffer = "";
  let lines: string[] = [];
  const ready: SmtpReply[] = [];
  let waiting: ((reply: SmtpReply) => void) | undefined;
  const onData = (chunk: Buffer) => {
    buffer += chunk.toString("latin1");
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl).replace(/\r$/, "");
      buffer = buffer.slice(nl + 1);
      lines.push(line);
      if (/^\d{3}(?: |$)/.test(line)) {
        const reply = { code: Number(line.slice(0, 3)), lines };
        lines = [];
        if (waiting) {
          const w = waiting;
          waiting = undefined;
          w(reply);
        } else ready.push(reply);
      }
    }
  };
  socket.on("data", onData);
  return {
    next: () => {
      const r = ready.shift();
      return r ? Promise.resolve(r) : new Promise((resolve) => (waiting = resolve));
    },
    stop: () => socket.removeListener("data", onData),
  };
}
