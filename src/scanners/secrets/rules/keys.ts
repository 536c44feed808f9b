// Key material and structured credentials: private keys, JWTs, credentials in URLs and
// connection strings, Kubernetes Secrets, framework keys.
import type { MatchContext, SecretRule } from "../types.js";
import { isPlaceholder } from "../noise.js";
import { context, token } from "./build.js";

const keyRemediation =
  "Treat the key as compromised: revoke or replace it wherever it is trusted (authorized_keys, certificates, deploy keys, signing setups), generate a new pair, keep the private key in a secret store, and purge it from the git history.";

/**
 * A PEM body must carry real key material: enough base64 in the match itself, or the
 * Proc-Type/DEK-Info headers of a legacy encrypted key right after the BEGIN line.
 */
function pemBody(secret: string, c: MatchContext): boolean {
  const headerEnd = secret.indexOf("-----", 10) + 5;
  if (/^(?:\s|\\[nr]){0,4}(?:Proc-Type|DEK-Info):/.test(c.text.slice(c.start + headerEnd, c.start + headerEnd + 40))) return true;
  const b64 = secret.slice(headerEnd).replace(/\\[nr]|[^A-Za-z0-9+/=]/g, "");
  return b64.length >= 64 && new Set(b64).size >= 20;
}

function privateKey(id: string, kind: string, header: string, positive: string[], negative: string[]): SecretRule {
  return {
    id: `secrets/${id}`,
    provider: "Private key",
    severity: "critical",
    title: `${kind} private key`,
    description: `A ${kind} private key in PEM form: whoever holds it can sign, decrypt or authenticate as its owner.`,
    remediation: keyRemediation,
    keywords: ["private key"],
    pattern: new RegExp(`-----BEGIN ${header}PRIVATE KEY(?: BLOCK)?-----[A-Za-z0-9+/=\\s\\\\:,]{0,16384}`),
    span: "block",
    validate: pemBody,
    auxPatterns: [/^(?:\s|\\[nr]){0,4}(?:Proc-Type|DEK-Info):/, /\\[nr]|[^A-Za-z0-9+/=]/g],
    examples: { positive, negative },
  };
}

const PEM_BODY = "sPt3PB09VjUqazrKRIRc1KmLiM/s/cFeNxW0MSjymyyHGGVqmCVDYt9UQbBKEm7s\nr0f0s2rDJM3AWYV0U64e37fARQVsfdT0ygkKDd4RaEE6Mrwi0/wNmmZ3yLRifZB0\nGQK57aU0bNtDq9CvAd97/gS5ZudAHBwkNJ83bYfa6KyeUW5OzH+WLKVi7LIMKFRq\nwcfP5sQTV9+CugyT2FIX1+nsJBY/cRYvdfW4keJUM6CXtJCQzGEosZdqwurDa4f5\nKx6fXFem9wfQ5peKrqa7==";

/** Kubernetes Secret: the entry must sit under data:/stringData: of a document with kind: Secret. */
function inKubernetesSecret(_secret: string, c: MatchContext): boolean {
  const { text, start } = c;
  const lineStart = text.lastIndexOf("\n", start) + 1;
  const indent = (/^[ \t]*/.exec(text.slice(lineStart, start)) ?? [""])[0].length;
  // Walk up to the parent key (the first less-indented line).
  let pos = lineStart - 1;
  let parent: string | undefined;
  for (let steps = 0; pos > 0 && steps < 500; steps++) {
    const prev = text.lastIndexOf("\n", pos - 1) + 1;
    const line = text.slice(prev, pos);
    pos = prev - 1;
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    const lineIndent = (/^[ \t]*/.exec(line) ?? [""])[0].length;
    if (lineIndent < indent) {
      parent = line.trim();
      break;
    }
  }
  if (parent !== "data:" && parent !== "stringData:") return false;
  const docStart = Math.max(text.lastIndexOf("\n---", start), start - 16384, 0);
  let docEnd = text.indexOf("\n---", start);
  if (docEnd < 0 || docEnd > start + 16384) docEnd = Math.min(text.length, start + 16384);
  if (!/^kind:[ \t]*["']?Secret["']?[ \t]*$/m.test(text.slice(docStart, docEnd))) return false;
  const value = c.groups.secret ?? "";
  if (parent === "data:") {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
    const decoded = Buffer.from(value, "base64").toString("utf8");
    // Binary data (keystores, DER keys) is key material as it stands.
    if (!/^[\x20-\x7e\t\r\n]*$/.test(decoded)) return true;
    return realValue(decoded.trim());
  }
  return realValue(value);
}

function realValue(value: string): boolean {
  return value.length >= 6 && !isPlaceholder(value, true) && !/^(?:true|false|null|yes|no|on|off)$/i.test(value);
}

/** Credentials in a URL: the password must not be a placeholder, a variable or the user name again. */
function urlPassword(secret: string, c: MatchContext): boolean {
  const user = c.groups.user ?? "";
  if (secret === user) return false;
  if (/^(?:password|passwd|pass|pwd|secret|changeme|admin|root|user|test|example|guest|default|x|null|none|x-oauth-basic)$/i.test(secret)) return false;
  if (/^[$%]|^\{|\}$|^\*+$|^<.*>$|^\$\(|^\[/.test(secret)) return false;
  if (/^(?:\d+|[a-z]{1,5})$/.test(secret)) return false;
  return true;
}

export const keyRules: SecretRule[] = [
  privateKey(
    "private-key-rsa",
    "RSA",
    "RSA ",
    [
      `-----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY}\n-----END RSA PRIVATE KEY-----`,
      `-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,9F2C4B1A7E3D5C8B0A6F4E2D1C3B5A79\n\n${PEM_BODY}\n-----END RSA PRIVATE KEY-----`,
    ],
    [
      "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
      "const header = '-----BEGIN RSA PRIVATE KEY-----';",
      `const markers = ["-----BEGIN RSA PRIVATE KEY-----", "…"];\nconst blob = "${PEM_BODY.replace(/\n/g, "")}";`,
    ],
  ),
  privateKey("private-key-ec", "EC", "EC ", [`-----BEGIN EC PRIVATE KEY-----\n${PEM_BODY}\n-----END EC PRIVATE KEY-----`], [
    "-----BEGIN EC PRIVATE KEY-----\n<your key here>\n-----END EC PRIVATE KEY-----",
  ]),
  privateKey("private-key-dsa", "DSA", "DSA ", [`-----BEGIN DSA PRIVATE KEY-----\n${PEM_BODY}\n-----END DSA PRIVATE KEY-----`], [
    "-----BEGIN DSA PRIVATE KEY-----\n-----END DSA PRIVATE KEY-----",
  ]),
  privateKey("private-key-openssh", "OpenSSH", "OPENSSH ", [`-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA${PEM_BODY}\n-----END OPENSSH PRIVATE KEY-----`], [
    "ssh-keygen writes -----BEGIN OPENSSH PRIVATE KEY----- files",
  ]),
  privateKey("private-key-pgp", "PGP", "PGP ", [`-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBFbdJJA2VfKTjXP0mQC47kiCgEfPVqQkCUvfBqm8kzVgm3eb9Pt9c++rgbFWnM\n${PEM_BODY}\n-----END PGP PRIVATE KEY BLOCK-----`], [
    "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBFRhe7lpQCCwdqoJVbCvNZ6s2OqRiySDjh59IHjdscp+ztpcJSDzTntI5jvsXJ\n-----END PGP PUBLIC KEY BLOCK-----",
  ]),
  privateKey("private-key-pkcs8", "PKCS#8", "", [
    `-----BEGIN PRIVATE KEY-----\n${PEM_BODY}\n-----END PRIVATE KEY-----`,
    `{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvvkbeeqGxjlz3vCM4UY+8/aoqwBlu+koemNJ55vQwNNDft7MFwIefjLVfxOOjGQ0K\\nmafxV/M+V3yhCbcFOh9CHD5R0z/aGOrLf5zAjratPRdLOz1k4KUfA8maY9BH9AZY\\n-----END PRIVATE KEY-----\\n"}`,
  ], ["-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----"]),
  privateKey("private-key-pkcs8-encrypted", "encrypted PKCS#8", "ENCRYPTED ", [
    `-----BEGIN ENCRYPTED PRIVATE KEY-----\n${PEM_BODY}\n-----END ENCRYPTED PRIVATE KEY-----`,
  ], ["-----BEGIN ENCRYPTED PRIVATE KEY-----\nxxxx\n-----END ENCRYPTED PRIVATE KEY-----"]),
  {
    id: "secrets/private-key-ssh2",
    provider: "Private key",
    severity: "critical",
    title: "SSH2 (SECSH) private key",
    description: "An SSH2 / SECSH-format private key (---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----), as written by some commercial SSH clients.",
    remediation: keyRemediation,
    keywords: ["ssh2 encrypted private key"],
    pattern: /---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----[A-Za-z0-9+/=\s:"-]{64,16384}/,
    span: "block",
    examples: {
      positive: [`---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: "rsa-key"\n${PEM_BODY}\n---- END SSH2 ENCRYPTED PRIVATE KEY ----`],
      negative: ["---- BEGIN SSH2 PUBLIC KEY ----\nAAAAB3NzaC1yc2E\n---- END SSH2 PUBLIC KEY ----"],
    },
  },
  {
    id: "secrets/private-key-putty",
    provider: "Private key",
    severity: "critical",
    title: "PuTTY private key",
    description: "The private part of a PuTTY .ppk key file.",
    remediation: keyRemediation,
    keywords: ["private-lines:"],
    pattern: /Private-Lines: [0-9]{1,3}\r?\n(?<secret>[A-Za-z0-9+/=\r\n]{40,8192})/,
    span: "block",
    entropy: 4,
    examples: {
      positive: [`PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: demo\nPublic-Lines: 2\nAAAAC3NzaC1lZDI1NTE5AAAAIokpXRb2Py/ZZY9/MjA1JNj8D3ju6vGf2VyaZVGhX\nPrivate-Lines: 1\nAAAAIoUIiH79hRSIYr95GJiDinQXHlInkAs2p9Z+W5W7M9jtWt5OT\nPrivate-MAC: 4c74d4e8978ca263f4a04b6b300d92df770c7b639586639378037279e652205f`],
      negative: ["PuTTY-User-Key-File-3: ssh-ed25519\nPrivate-Lines: 1\n"],
    },
  },
  token({
    id: "age-secret-key",
    provider: "age",
    kind: "secret key",
    severity: "critical",
    description: "An age encryption secret key (AGE-SECRET-KEY-1…): it decrypts every file encrypted to its recipient (SOPS included).",
    remediation: "Generate a new identity with age-keygen, re-encrypt the files to the new recipient, remove the old recipient everywhere, and purge the key from history.",
    prefix: "AGE-SECRET-KEY-1",
    body: "[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}",
    entropy: 3.8,
    positive: ["# created: 2024-01-01\nAGE-SECRET-KEY-1JQ2U4JQZA63KFC6YAMTRKW3DLA9GTQM6KWCD7V7NGNQYW3M0K6G2TFD3FX"],
    negative: ["AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ"],
  }),
  token({
    id: "wireguard-private-key",
    provider: "WireGuard",
    kind: "private key",
    severity: "critical",
    description: "A WireGuard interface private key (PrivateKey = …): it impersonates the peer on the tunnel.",
    remediation: "Generate a new key pair with `wg genkey`, update the public key on every peer, and keep the private key out of the repository.",
    prefix: "",
    keywords: ["privatekey"],
    body: "[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=",
    boundary: "A-Za-z0-9+/=",
    entropy: 4,
    validate: (_s, c) => /PrivateKey\s*=\s*$/i.test(c.text.slice(Math.max(0, c.start - 20), c.start)),
    auxPatterns: [/PrivateKey\s*=\s*$/i],
    positive: ["[Interface]\nPrivateKey = WAnIcZIO0o++kGfP79Pj6D+CpZMx381YE1sh6WnyARA=\nAddress = 10.0.0.1/24"],
    negative: ["[Interface]\nPrivateKey = <private key>"],
  }),
  {
    id: "secrets/openvpn-static-key",
    provider: "OpenVPN",
    severity: "critical",
    title: "OpenVPN static key",
    description: "An OpenVPN static key (tls-auth / tls-crypt): it lets anyone pass the tunnel's HMAC firewall or decrypt its control channel.",
    remediation: "Generate a new key with `openvpn --genkey secret`, deploy it to server and clients, and keep it out of the repository.",
    keywords: ["openvpn static key"],
    pattern: /-----BEGIN OpenVPN Static key V1-----\s{1,4}(?<secret>(?:[a-f0-9]{32}\s{1,4}){8,16})/,
    span: "block",
    entropy: 3,
    examples: {
      positive: [`-----BEGIN OpenVPN Static key V1-----\n3c9c40b302899fb1d005500db0fd1ad3\n8c1d4e12cdce6f9fdca6a2eda8e3fe72\n50fc606efcb5e281825e982849358303\nec26bc34783dddb5bc8a83b760ec56e2\n13b494556450958a5761baeaa5832167\n281cc5bc8e5f90a61141bf89bccfd71f\n687af77f6fbad431448ffd4083a299c3\n9dc4af7a9f050a7cbfc4774b718f2f08\n10c75f8b9be97699a7e322474cdbfb4d\nfd553b79b172f54dceea53687215ba80\nf047acfa9fb47eae343fedc482cbfd79\n395584a1c98fffdc9cb6313e9e244888\n3934f5bf51f49314c43d97f675bc66c3\n75dcc4b27923ca4ecb1571f89987537d\n67318f19b9d9afb35439947fdde00ef7\n76090c2de224c8e192e50ab3a882d30e\n-----END OpenVPN Static key V1-----`],
      negative: ["-----BEGIN OpenVPN Static key V1-----\n-----END OpenVPN Static key V1-----"],
    },
  },
  {
    id: "secrets/database-connection-string",
    provider: "Database",
    severity: "critical",
    title: "Database connection string with a password",
    description: "A database URL with a literal password (postgres://user:password@host, mongodb+srv://…, redis://:password@…).",
    remediation: "Change the database user's password, read the connection string from the environment or a secret store, and remove the old one from the history.",
    keywords: ["://"],
    requires: ["@"],
    pattern:
      /\b(?:postgres(?:ql)?|mysql|mariadb|mssql|sqlserver|oracle|redis|rediss|mongodb(?:\+srv)?|amqps?|cockroachdb|clickhouse|couchdb|neo4j(?:\+s)?|cassandra|memcached|nats|mqtt|influxdb|snowflake|db2)(?:\+[a-z0-9]{2,20})?:\/\/(?<user>[^\s:/?#@"'`<>]{0,128}):(?<secret>[^\s/?#@"'`<>]{3,256})@[A-Za-z0-9.[\]_-]{1,253}/,
    validate: urlPassword,
    examples: {
      positive: ["DATABASE_URL=postgres://app:Ovr3jv5Rx6G90wtSPjGi@db.internal:5432/app", "mongodb+srv://svc:qcz0lt7AseHymU3y@cluster0.ab1cd.mongodb.net/prod", "REDIS_URL=redis://:X5ppPTQtoG2WJvejQzpnvZMt@cache:6379/0"],
      negative: ["postgres://user:password@localhost:5432/db", "mysql://root:${MYSQL_PASSWORD}@db/app", "postgres://postgres:postgres@localhost/test", "redis://localhost:6379"],
    },
  },
  {
    id: "secrets/url-credentials",
    provider: "URL",
    severity: "high",
    title: "Credentials in a URL",
    description: "A URL with a literal user:password (https://user:password@host, ftp://…, ldap://…): whoever reads it can log in.",
    remediation: "Change the password or revoke the token, pass credentials through the environment or a credential helper, and remove the URL from the history.",
    keywords: ["://"],
    requires: ["@"],
    pattern: /\b[a-z][a-z0-9+.-]{1,20}:\/\/(?<user>[^\s:/?#@"'`<>]{1,128}):(?<secret>[^\s/?#@"'`<>]{3,256})@[A-Za-z0-9.[\]_-]{1,253}/,
    generic: true,
    validate: (secret, c) => urlPassword(secret, c) && !/^[a-z0-9]+(?:[-.][a-z0-9]+)*\.[a-z]{2,}$/i.test(secret),
    examples: {
      positive: ["git remote add origin https://deploy:NVO4ZDcTeFAZSWCKzWEd@git.internal.example.net/team/app.git", "ftp://backup:mG2Xg4MVlvt84NHM@files.internal:21/"],
      negative: ["https://user:pass@example.com", "https://${USER}:${PASSWORD}@host", "https://token:x-oauth-basic@github.com", "see https://example.com/a:b@c"],
    },
  },
  {
    id: "secrets/connection-string-password",
    provider: "Database",
    severity: "critical",
    title: "Password in a key=value connection string",
    description: "A literal Password= (or Pwd=) in an ADO.NET, ODBC or JDBC-style connection string.",
    remediation: "Change the database user's password, move the connection string to a secret store or use integrated / managed identity auth, and remove it from the history.",
    keywords: ["password=", "pwd="],
    pattern: /(?:^|[;"'\s])(?:password|pwd)\s{0,2}=\s{0,2}(?<secret>[^;"'\s<>]{4,128})/im,
    validate: (secret, c) => {
      const before = c.text.slice(Math.max(0, c.start - 400), c.start);
      const line = before.slice(before.lastIndexOf("\n") + 1);
      if (!/(?:server|data source|host|address|addr|uid|user id|username|database|initial catalog|dsn)\s{0,2}=/i.test(line)) return false;
      return urlPassword(secret, c) && !/^\{.*\}$|^\$|^%/.test(secret);
    },
    auxPatterns: [/(?:server|data source|host|address|addr|uid|user id|username|database|initial catalog|dsn)\s{0,2}=/i],
    examples: {
      positive: ["\"Server=tcp:demo.database.windows.net,1433;Database=app;User ID=app;Password=zeqTftJQPvn2WD28;Encrypt=True;\"", "Driver={PostgreSQL};Server=db;Uid=app;Pwd=u8H9FHF4wiR17R;"],
      negative: ["Server=db;Database=app;User Id=app;Password=${DB_PASSWORD};", "Server=db;Integrated Security=true;", "Server=db;User ID=sa;Password=<password>;"],
    },
  },
  {
    id: "secrets/jdbc-password",
    provider: "Database",
    severity: "critical",
    title: "Password in a JDBC URL",
    description: "A JDBC URL with a literal password parameter (jdbc:…?password=…).",
    remediation: "Change the database user's password, pass it through the environment or a secret store, and remove the URL from the history.",
    keywords: ["jdbc:"],
    pattern: /[?&;]password=(?<secret>[^&;\s"'`<>]{4,128})/i,
    validate: (secret, c) => {
      const before = c.text.slice(Math.max(0, c.start - 600), c.start);
      return /jdbc:[a-z0-9:]{2,40}\/\//i.test(before.slice(before.lastIndexOf("\n") + 1)) && urlPassword(secret, c);
    },
    auxPatterns: [/jdbc:[a-z0-9:]{2,40}\/\//i],
    examples: {
      positive: ["spring.datasource.url=jdbc:mysql://db:3306/app?user=app&password=MpTpzrsWFUfZNoco&useSSL=true"],
      negative: ["jdbc:postgresql://db:5432/app?user=app&password=${DB_PASSWORD}"],
    },
  },
  {
    id: "secrets/kubernetes-secret-literal",
    provider: "Kubernetes",
    severity: "high",
    title: "Kubernetes Secret with literal data",
    description: "A Kubernetes Secret manifest with literal values under data or stringData: base64 is encoding, not encryption.",
    remediation: "Rotate the values, keep them out of manifests (External Secrets, Sealed Secrets, SOPS or a CSI secret store), and remove the manifest's history.",
    keywords: ["kind: secret", "kind: \"secret\"", "kind: 'secret'"],
    pattern: /^[ \t]{1,16}(?<name>[A-Za-z0-9_.-]{1,120}):[ \t]{1,8}["']?(?<secret>[^\s"'#|>{}[\]][^\s"']{3,512})["']?[ \t]{0,16}(?:$|\r)/m,
    span: "around",
    validate: inKubernetesSecret,
    auxPatterns: [/^[ \t]*/, /^kind:[ \t]*["']?Secret["']?[ \t]*$/m, /^[A-Za-z0-9+/]+={0,2}$/, /^[\x20-\x7e\t\r\n]*$/],
    examples: {
      positive: [
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  password: /EjGb6uBfcb1YCXjLaH+YLFi\n",
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\nstringData:\n  token: st7y1azRwkiJxNY0BW5VpTdY8WuKmWcY\n",
      ],
      negative: [
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: cGFzc3dvcmQ=\n",
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: {{ .Values.password }}\n",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  mode: production\n",
      ],
    },
  },
  token({
    id: "kubeconfig-client-key",
    provider: "Kubernetes",
    kind: "kubeconfig client key",
    severity: "critical",
    description: "An embedded client private key in a kubeconfig (client-key-data): cluster access as that user.",
    remediation: "Revoke the client certificate (rotate the cluster CA or remove the user's bindings), issue new credentials, and keep kubeconfigs out of the repository.",
    prefix: "",
    keywords: ["client-key-data"],
    body: "LS0tLS1CRUdJTi[A-Za-z0-9+/]{100,8192}={0,2}",
    boundary: "A-Za-z0-9+/=",
    entropy: 4,
    positive: ["users:\n- name: admin\n  user:\n    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQofgkoGa3At+XbCT+eiaDmuf2zj19RBbAorf5D6z9OBsxxduDD6gtkP1IDKn7Pzqi02aJcxXYSVM9hiTefxoZiFwZcq/toNnuDu8bAtcaj9omue7juqEbZKLkKAqnMYuRyo/YHCwTYNrCxkiTgr6vXvEvnWkLK/81V9+bd8HNk/eI3mexPExShgA33M/PmoleVXAqKPQsz"],
    negative: ["    client-key-data: ${CLIENT_KEY}"],
  }),
  context({
    id: "kubeconfig-token",
    provider: "Kubernetes",
    kind: "service account or bearer token",
    severity: "critical",
    description: "A bearer token (usually a service-account JWT) in a kubeconfig user entry.",
    remediation: "Delete the token (or the service account's token Secret), issue short-lived tokens with `kubectl create token`, and keep kubeconfigs out of the repository.",
    keywords: ["token:"],
    name: "\\btoken",
    value: "eyJ[A-Za-z0-9_-]{10,1000}\\.eyJ[A-Za-z0-9_-]{10,4000}\\.[A-Za-z0-9_-]{10,1000}|[a-z0-9]{6}\\.[a-z0-9]{16}",
    entropy: 3.5,
    positive: ["users:\n- name: ci\n  user:\n    token: eyJhbGciOiJSUzI1NiIsImtpZCI6IiJ9.eyJ4j2F603P5TQKCUOX1A5nIdHwLJbaxInNCGjMxsOp-mEPZjjr_hE0VbQDwLxptdz_DKFufPo9oUlk_GuDOs7R1cJvOjowwqFI7gAXtcWB10OV6DBUenk6Qb9x.kpzs1jmz8oTb5UxezCHZqXQVTCADqX6iHXmk9lzRZvB-V0Fev8CHzCE0LWOhJIhrzsf0G4a8fasnvYvhZxWo3d"],
    negative: ["users:\n- name: ci\n  user:\n    token: ${K8S_TOKEN}"],
  }),
  token({
    id: "laravel-app-key",
    provider: "Laravel",
    kind: "APP_KEY",
    description: "A Laravel APP_KEY (base64:…): it decrypts the application's encrypted cookies and data and signs its sessions.",
    remediation: "Generate a new key with `php artisan key:generate` (re-encrypt stored data first), keep it in the environment, and remove it from the history.",
    prefix: "base64:",
    prefixIsSecret: false,
    keywords: ["app_key"],
    body: "[A-Za-z0-9+/]{43}=",
    boundary: "A-Za-z0-9+/=",
    entropy: 4,
    positive: ["APP_KEY=base64:4z9eukSdN8OSJ92UM9szzW7zJTxAeC5WM+2B38EgzfM="],
    negative: ["APP_KEY=", "APP_KEY=base64:"],
  }),
  {
    id: "secrets/wordpress-auth-salt",
    provider: "WordPress",
    severity: "high",
    title: "WordPress authentication key or salt",
    description: "A WordPress authentication key or salt in wp-config.php: with it, login cookies can be forged.",
    remediation: "Generate new keys and salts (https://api.wordpress.org/secret-key/1.1/salt/), which signs everyone out, and keep wp-config.php out of the repository.",
    keywords: ["auth_key", "auth_salt", "logged_in_key", "logged_in_salt", "nonce_key", "nonce_salt"],
    pattern: /define\([ \t]{0,2}['"](?:SECURE_)?(?:AUTH|LOGGED_IN|NONCE)_(?:KEY|SALT)['"][ \t]{0,2},[ \t]{0,2}(?<q>['"])(?<secret>[^'"\r\n]{32,128})\k<q>/,
    entropy: 4,
    examples: {
      positive: ["define('AUTH_KEY', 'Mj9dF+XGIyoJ97ZheB5FgLWhz<xwm3U>jZ9GK:g2N8mDPL7W|Dc2g928n+eS78Li');"],
      negative: ["define('AUTH_KEY', 'put your unique phrase here');"],
    },
  },
  context({
    id: "django-secret-key",
    provider: "Django",
    kind: "SECRET_KEY",
    description: "A Django SECRET_KEY: it signs sessions, password-reset links and CSRF tokens.",
    remediation: "Generate a new key (django.core.management.utils.get_random_secret_key), load it from the environment, and remove it from the history; sessions will be invalidated.",
    keywords: ["secret_key"],
    name: "\\bSECRET_KEY",
    value: "(?:django-insecure-)?[A-Za-z0-9!@#$%^&*(\\-_=+)]{40,64}",
    boundary: "A-Za-z0-9!@#$%^&*(\\-_=+)",
    entropy: 4,
    positive: ["SECRET_KEY = 'django-insecure-GX4D1VXQkZzQUpp8Tp9jqiU6OJSh93x4Y55ltgxT2VEciYvF6t'"],
    negative: ["SECRET_KEY = os.environ['DJANGO_SECRET_KEY']"],
  }),
  context({
    id: "rails-secret-key-base",
    provider: "Rails",
    kind: "secret_key_base",
    description: "A Rails secret_key_base (128 hex characters): it signs and encrypts cookies and sessions.",
    remediation: "Generate a new value with `bin/rails secret`, keep it in credentials or the environment, and remove it from the history.",
    keywords: ["secret_key_base"],
    name: "secret_key_base",
    value: "[a-f0-9]{128}",
    entropy: 3,
    positive: ["secret_key_base: 9293a21a73a04c3a6dd3586778f9f81345f2f9e53eb31968e12b95aab65fedcfd3b1fb8f4344365a71e69f609b75a7420bfc822ae88a3ef15f8eda2916b08fb1"],
    negative: ["secret_key_base: <%= ENV[\"SECRET_KEY_BASE\"] %>"],
  }),
  token({
    id: "jwt",
    provider: "JSON Web Token",
    kind: "(JWT)",
    severity: "medium",
    description: "A signed JSON Web Token: until it expires (and some never do) it authenticates whoever presents it.",
    remediation: "Invalidate it (rotate the signing key or revoke the session), find what issued it, and pass tokens at run time instead of storing them.",
    prefix: "eyJ",
    keywords: ["eyj"],
    body: "[A-Za-z0-9_-]{12,1000}\\.eyJ[A-Za-z0-9_-]{12,8000}\\.[A-Za-z0-9_-]{16,1000}",
    boundary: "A-Za-z0-9_.-",
    entropy: 4,
    validate: (secret) => {
      try {
        const header = JSON.parse(Buffer.from(secret.slice(0, secret.indexOf(".")), "base64url").toString("utf8")) as Record<string, unknown>;
        return typeof header.alg === "string" && header.alg.toLowerCase() !== "none";
      } catch {
        return false;
      }
    },
    positive: ["Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MjQyIiwibmFtZSI6IlNhbSBEb2UiLCJpYXQiOjE3MDAwMDAwMDB9.yKMuG8I6BTXmRaAd827RLSfCQcySwMwUryZE-q1H4LK"],
    negative: ["eyJhbGciOiJub25lIn0.eyJzdWIiOiIxMjM0NTY3ODkwIn0.", "eyJub3QiOiJhIGhlYWRlciJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlc2lnbmF0dXJl"],
  }),
];
