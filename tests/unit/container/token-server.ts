// Test helper: a token server for the registry's bearer-token flow (the Docker Registry token
// spec), signing RS256 JWTs whose x5c certificate the registry trusts through its rootcertbundle.
import { execFileSync } from "node:child_process";
import { createPrivateKey, randomUUID, sign, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";

export interface TokenServer {
  realm: string;
  service: string;
  issuer: string;
  certPath: string;
  /** Every scope requested, with whether the request carried credentials. */
  requests: Array<{ scope: string; authenticated: boolean }>;
  /** A token granting pull and push on `repo`, for the tests' own pushes. */
  mint(repo: string, actions?: string[]): string;
  stop(): Promise<void>;
}

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString("base64url");
}

/** Starts the token server; anonymous requests get pull access except to repositories under `private/`. */
export async function startTokenServer(dir: string): Promise<TokenServer> {
  const keyPath = join(dir, "token.key");
  const certPath = join(dir, "token.pem");
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyPath, "-out", certPath, "-days", "2", "-subj", "/CN=tollgate-test-token"], {
    stdio: "ignore",
  });
  const key = createPrivateKey(readFileSync(keyPath));
  const der = new X509Certificate(readFileSync(certPath)).raw.toString("base64");
  const service = "tollgate-test-registry";
  const issuer = "tollgate-test-issuer";
  const requests: TokenServer["requests"] = [];
  const mint = (repo: string, actions: string[] = ["pull", "push"]): string => {
    const now = Math.floor(Date.now() / 1000);
    const header = base64url(JSON.stringify({ typ: "JWT", alg: "RS256", x5c: [der] }));
    const claims = base64url(
      JSON.stringify({ iss: issuer, sub: "", aud: service, exp: now + 600, nbf: now - 60, iat: now, jti: randomUUID(), access: [{ type: "repository", name: repo, actions }] }),
    );
    const signature = base64url(sign("RSA-SHA256", Buffer.from(`${header}.${claims}`), key));
    return `${header}.${claims}.${signature}`;
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const scope = url.searchParams.get("scope") ?? "";
    requests.push({ scope, authenticated: req.headers.authorization !== undefined });
    const repo = /^repository:([^:]+):/.exec(scope)?.[1];
    if (!repo || repo.startsWith("private/")) {
      res.writeHead(401, { "content-type": "application/json" });
      res.end(JSON.stringify({ errors: [{ code: "UNAUTHORIZED", message: "access denied" }] }));
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ token: mint(repo, ["pull"]), expires_in: 600 }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    realm: `http://127.0.0.1:${port}/token`,
    service,
    issuer,
    certPath,
    requests,
    mint,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
