// Real servers on 127.0.0.1 for the prober tests: Node tls, openssl s_server, an SMTP server with
// STARTTLS, a scripted ServerHello responder (for suites this OpenSSL no longer has), silent and non-TLS ports.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer as createTlsServer, TLSSocket, createSecureContext, type TlsOptions } from "node:tls";

export interface Running {
  port: number;
  close(): Promise<void>;
}

/** Mozilla "intermediate" suites (guidelines 5.7), as OpenSSL names. */
export const INTERMEDIATE_CIPHERS = [
  "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
  "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305", "DHE-RSA-AES128-GCM-SHA256", "DHE-RSA-AES256-GCM-SHA384",
].join(":");

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
}

function closer(server: Server, sockets: Set<Socket>): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
}

function track(server: Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.on("error", () => undefined);
  });
  return sockets;
}

/** A Node TLS server (TLS 1.2+ with the intermediate suites unless told otherwise). */
export async function nodeTlsServer(options: TlsOptions): Promise<Running> {
  const server = createTlsServer({ minVersion: "TLSv1.2", ciphers: INTERMEDIATE_CIPHERS, ...options }, (socket) => socket.end("HTTP/1.0 200 OK\r\n\r\nok"));
  server.on("tlsClientError", () => undefined);
  const sockets = track(server);
  const port = await listen(server);
  return { port, close: closer(server, sockets) };
}

/** `openssl s_server -www` on an ephemeral port; resolves once it prints the port it accepts on. */
export async function opensslServer(certPem: string, keyPem: string, args: string[], files: Record<string, string> = {}): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), "tollgate-s-server-"));
  writeFileSync(join(dir, "cert.pem"), certPem);
  writeFileSync(join(dir, "key.pem"), keyPem);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const child: ChildProcess = spawn("openssl", ["s_server", "-accept", "127.0.0.1:0", "-cert", "cert.pem", "-key", "key.pem", "-www", ...args], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`openssl s_server did not start: ${out}`));
    }, 15_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /ACCEPT\s+127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        // Keep draining its output: a full pipe would stall the server.
        out = "";
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`openssl s_server exited with ${code}: ${out}`));
    });
  });
  return {
    port,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      }),
  };
}

/** SMTP with STARTTLS (RFC 3207): greeting, EHLO, STARTTLS, then TLS with the given options. */
export async function smtpStartTlsServer(options: TlsOptions): Promise<Running> {
  const context = createSecureContext({ minVersion: "TLSv1.2", ciphers: INTERMEDIATE_CIPHERS, ...options });
  const server = createNetServer((socket) => {
    socket.write("220 mail.test ESMTP ready\r\n");
    let buffer = "";
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString("latin1");
      let nl: number;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl).trim().toUpperCase();
        buffer = buffer.slice(nl + 1);
        if (line.startsWith("EHLO")) socket.write("250-mail.test\r\n250-PIPELINING\r\n250 STARTTLS\r\n");
        else if (line === "STARTTLS") {
          socket.removeListener("data", onData);
          socket.write("220 go ahead\r\n", () => {
            const tls = new TLSSocket(socket, { isServer: true, secureContext: context });
            tls.on("error", () => undefined);
          });
          return;
        } else socket.write("502 unknown\r\n");
      }
    };
    socket.on("data", onData);
  });
  const sockets = track(server);
  const port = await listen(server);
  return { port, close: closer(server, sockets) };
}

/**
 * Answers a ClientHello with a bare ServerHello choosing the first offered suite from `accept`,
 * or a handshake_failure alert; then closes. Stands in for servers with RC4/3DES/EXPORT suites,
 * which this machine's OpenSSL cannot serve.
 */
export async function scriptedHelloServer(accept: number[], delayMs = 0): Promise<Running> {
  const server = createNetServer((socket) => {
    let data = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      if (data.length < 5) return;
      const length = data.readUInt16BE(3);
      if (data.length < 5 + length) return;
      const hello = data.subarray(9, 5 + length);
      const version = Math.min(hello.readUInt16BE(0), 0x0303);
      const sidLength = hello[34] ?? 0;
      let p = 35 + sidLength;
      const suitesLength = hello.readUInt16BE(p);
      p += 2;
      const offered: number[] = [];
      for (let i = 0; i < suitesLength; i += 2) offered.push(hello.readUInt16BE(p + i));
      const pick = accept.find((s) => offered.includes(s));
      if (pick === undefined) {
        socket.end(Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 40]));
        return;
      }
      const body = Buffer.concat([Buffer.from([version >> 8, version & 0xff]), Buffer.alloc(32, 7), Buffer.from([0]), Buffer.from([pick >> 8, pick & 0xff, 0])]);
      const handshake = Buffer.concat([Buffer.from([2, 0, 0, body.length]), body]);
      const answer = Buffer.concat([Buffer.from([0x16, 0x03, 0x03, 0, handshake.length]), handshake]);
      if (delayMs > 0) setTimeout(() => socket.end(answer), delayMs);
      else socket.end(answer);
    });
  });
  const sockets = track(server);
  const port = await listen(server);
  return { port, close: closer(server, sockets) };
}

/** RFC 2409 §6.2 (Oakley group 2): the 1024-bit MODP group behind Logjam, as PEM DH parameters. */
export function oakley1024Pem(): string {
  const p = Buffer.from(
    "00FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF",
    "hex",
  );
  const integer = (b: Buffer) => Buffer.concat([Buffer.from([2]), b.length < 128 ? Buffer.from([b.length]) : Buffer.from([0x81, b.length]), b]);
  const body = Buffer.concat([integer(p), integer(Buffer.from([2]))]);
  const der = Buffer.concat([Buffer.from([0x30, 0x81, body.length]), body]);
  return `-----BEGIN DH PARAMETERS-----\n${der.toString("base64").replace(/(.{64})/g, "$1\n")}\n-----END DH PARAMETERS-----\n`;
}

/** Accepts TCP and never says a word. */
export async function silentServer(): Promise<Running> {
  const server = createNetServer(() => undefined);
  const sockets = track(server);
  const port = await listen(server);
  return { port, close: closer(server, sockets) };
}

/** Speaks HTTP, not TLS. */
export async function plainHttpServer(): Promise<Running> {
  const server = createNetServer((socket) => socket.once("data", () => socket.end("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")));
  const sockets = track(server);
  const port = await listen(server);
  return { port, close: closer(server, sockets) };
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
