// Generic rules: credentials recognised only by the name they are assigned to. They yield to every
// specific rule, skip lockfiles, and get the strictest noise filters, because these are the
// rules that make secret scanners noisy.
import type { MatchContext, SecretRule } from "../types.js";
import { isPlaceholder, shannonEntropy } from "../noise.js";

const REMEDIATION =
  "Rotate the credential at its issuer, read it from the environment or a secret store at run time, and remove the literal from the code and the git history. If it is a test value, mark it with a tollgate-ignore comment or a waiver.";

/** Variable-name endings that describe a credential rather than hold one. */
const NOT_A_VALUE_SUFFIX =
  /(?:type|name|names|field|fields|label|url|uri|path|file|dir|length|len|regex|re|pattern|prompt|hint|policy|policies|header|placeholder|endpoint|expiry|expires|expiration|ttl|count|env|var|param|params|id|ids|hash|hashed|salt|digest|reset|confirm|confirmation|min|max|required|enabled|disabled|mode|strength|validator|validation|format|input|column|selector|version|ref|arn|location|provider|store|manager|service|class|key_name|keyname|len|size|prefix|suffix|timeout|method|scheme|source|display|visible|visibility|error|errors|message|msg|template|encoding|algorithm|alg|kind|rotation|lifetime|age|index|idx|flag|option|options|config|setting|settings|callback|handler|generator|helper|util|utils|changed|updated|created|reset_at|at|on|by|to|from|text|title|description|desc|icon|button|link|page|form|view|route|schema|query|event|state|status)$/i;

const CONFIG_EXTENSIONS = /\.(?:ya?ml|properties|ini|toml|conf|cfg|env|envrc|tfvars|hcl|plist|xml)$|(?:^|\/)\.env[^/]*$/i;

const WORD_IN_VALUE = /password|passwd|secret|token|apikey|api_key|privatekey|private_key|accesskey|access_key|credential/;

const ENV_WORD = /PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_KEY|PRIVATE_KEY|CREDENTIALS?/;

const CODE_LIKE = /\$\{|\$\(|^\$[A-Za-z_]\w*$|%\(\w+\)|^%\w+%$|#\{|[()[\]{}]|\.\w+\(|^[A-Za-z_]\w*\.[A-Za-z_]\w*$/;

function assignedValue(minLength: number, minEntropy: number) {
  return (secret: string, c: MatchContext): boolean => {
    const suffix = (c.groups.name ?? "").replace(/["'`]/g, "");
    if (NOT_A_VALUE_SUFFIX.test(suffix.replace(/^[-_.]/, "")) && suffix.length > 0) return false;
    // The keyword inside a longer word ("secretlint", "tokenizer", "TSPrivateKeyword"), unless
    // what follows is itself a credential word ("secretkey", "authtoken").
    if (/^[a-z]/.test(suffix) && !/^(?:key|token|secret|pass|phrase|word|str|value)/.test(suffix)) return false;
    // A value that spells a credential word is an identifier, an enum member or a stand-in.
    if (secret.length < 40 && WORD_IN_VALUE.test(secret.toLowerCase())) return false;
    if (secret.length < minLength || shannonEntropy(secret) < minEntropy) return false;
    // Unquoted values only count in configuration files, where they are the norm.
    const quoted = /["'`]$/.test(c.text.slice(Math.max(0, c.start - 1), c.start));
    if (!quoted && c.path !== undefined && !CONFIG_EXTENSIONS.test(c.path)) return false;
    // A value that mixes at most one character class is rarely a credential (words, numbers).
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(secret)).length;
    if (classes < 2) return false;
    // Code rather than a literal: calls, member access on identifiers, interpolation.
    if (CODE_LIKE.test(secret)) return false;
    // E-mail addresses, hosts and URLs.
    if (/@[\w-]+\.[a-z]{2,}|:\/\//i.test(secret)) return false;
    // Base64 of a stand-in ("cGFzc3dvcmQ=" is "password").
    if (/^[A-Za-z0-9+/]{8,}={1,2}$/.test(secret)) {
      const decoded = Buffer.from(secret, "base64").toString("utf8");
      if (/^[\x20-\x7e]+$/.test(decoded) && isPlaceholder(decoded, true)) return false;
    }
    return true;
  };
}

interface GenericDeclaration {
  id: string;
  title: string;
  description: string;
  severity?: SecretRule["severity"];
  keywords: string[];
  /** Regex source of the credential word in the variable name. */
  words: string;
  minLength: number;
  entropy: number;
  positive: string[];
  negative: string[];
}

const VALUE_AUX = [/["'`]$/, CODE_LIKE, /@[\w-]+\.[a-z]{2,}|:\/\//i, /^[A-Za-z0-9+/]{8,}={1,2}$/, /^[\x20-\x7e]+$/, /[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];

function generic(d: GenericDeclaration): SecretRule {
  return {
    id: `secrets/${d.id}`,
    provider: "Generic",
    severity: d.severity ?? "high",
    title: d.title,
    description: d.description,
    remediation: REMEDIATION,
    keywords: d.keywords,
    pattern: new RegExp(
      `(?:${d.words})(?<name>[A-Za-z0-9_.-]{0,24})["'\`]?[ \\t]{0,4}(?:=|:=|:|=>|\\?=|\\|\\|=|<-)[ \\t]{0,4}["'\`]?(?<secret>[^"'\`\\s,;]{${d.minLength},200})(?=["'\`]|\\s|$|[,;])`,
      "i",
    ),
    generic: true,
    entropy: d.entropy,
    validate: assignedValue(d.minLength, d.entropy),
    auxPatterns: [NOT_A_VALUE_SUFFIX, CONFIG_EXTENSIONS, WORD_IN_VALUE, /^[a-z]/, /^(?:key|token|secret|pass|phrase|word|str|value)/, ...VALUE_AUX],
    examples: { positive: d.positive, negative: d.negative },
  };
}

export const genericRules: SecretRule[] = [
  {
    id: "secrets/generic-env-credential",
    provider: "Generic",
    severity: "high",
    title: "Credential in an environment file",
    description: "A literal high-entropy value for a PASSWORD / SECRET / TOKEN / API_KEY variable in a .env-style line (NAME=value).",
    remediation: REMEDIATION,
    keywords: ["password", "secret", "token", "api_key", "apikey", "access_key", "private_key", "credential"],
    requires: ["="],
    pattern: /^[ \t]{0,8}(?:export[ \t]{1,4})?(?<variable>[A-Z][A-Z0-9_]{0,63})=(?<secret>[^\s"'`#]{12,256})[ \t]{0,16}(?:$|\r)/m,
    generic: true,
    entropy: 3.5,
    validate: (secret, c) => {
      const variable = c.groups.variable ?? "";
      const word = ENV_WORD.exec(variable);
      if (!word) return false;
      // .env lines are unquoted by nature: judge the value as if it came from a config file.
      const name = variable.slice(word.index + word[0].length);
      return assignedValue(12, 3.5)(secret, { ...c, groups: { ...c.groups, name }, path: ".env" });
    },
    auxPatterns: [ENV_WORD, NOT_A_VALUE_SUFFIX, ...VALUE_AUX],
    examples: {
      positive: ["SMTP_PASSWORD=im9QPET0bT7j0YgiFNUJ", "export SERVICE_API_KEY=AtRfrRxJdhjlYLRHw3nXdtDobXRsPMyQ"],
      negative: ["SMTP_PASSWORD=", "TOKEN_TTL=3600", "SECRET_NAME=app-secrets-production"],
    },
  },
  generic({
    id: "generic-password",
    title: "Hard-coded password",
    description: "A literal password assigned to a password-named variable or key.",
    keywords: ["password", "passwd", "pwd", "passphrase"],
    words: "password|passwd|pwd|passphrase",
    minLength: 8,
    entropy: 3,
    positive: ["db_password = \"Xk9#mP2$vL7qR4nW\"", "spring.datasource.password=Tr0ub4dor&3x!", "{\"adminPassword\": \"p4S$w0rd-tX5xplhEgl\"}"],
    negative: [
      "password = \"password123\"",
      "password = os.getenv(\"DB_PASSWORD\")",
      "password: ${DB_PASSWORD}",
      "const passwordField = \"user_password_input\";",
      "PASSWORD_MIN_LENGTH = 12",
      "password = \"\"",
      "password = \"changeme\"",
      "\"password\": \"<your password>\"",
      "if (password == confirmPassword) {",
    ],
  }),
  generic({
    id: "generic-secret",
    title: "Hard-coded secret",
    description: "A literal high-entropy value assigned to a secret-named variable (client_secret, app_secret, jwt_secret…).",
    keywords: ["secret"],
    words: "secret",
    minLength: 12,
    entropy: 3.3,
    positive: ["client_secret = \"pNFoZfvZInVEFHUJ9eiisSiIhvV02VlZ\"", "JWT_SECRET: 'LlD3J1XZdIZYdzu1+AyB0uW6r6db1K40HZi7IjqT'"],
    negative: ["client_secret = \"your-client-secret-here\"", "secret_name = \"prod/db/credentials\"", "secret = config.get_secret()", "SECRET_KEY_ROTATION_DAYS = 90"],
  }),
  generic({
    id: "generic-api-key",
    title: "Hard-coded API key",
    description: "A literal high-entropy value assigned to an API-key-named variable.",
    keywords: ["api_key", "apikey", "api-key", "api.key", "access_key", "accesskey", "access-key", "auth_key", "authkey", "private_key", "privatekey", "app_key", "appkey"],
    words: "api[_.-]?key|access[_-]?key|auth[_-]?key|private[_-]?key|app[_-]?key",
    minLength: 16,
    entropy: 3.5,
    positive: ["api_key = \"0lveG0FPZV6WPOdufbQBxsLMii2d0yU7\"", "const apiKey = 'f07a905114bbb274a395c47ffabed8bdc6b2a259';", "x-api-key: bMJwgPwfpWCIP3RbG4dhmVzYK76DHRoZ"],
    negative: ["api_key = \"YOUR_API_KEY\"", "apiKey: process.env.API_KEY", "api_key = \"0123456789abcdef0123456789abcdef\"", "api_key_header = \"X-API-Key\""],
  }),
  generic({
    id: "generic-token",
    title: "Hard-coded token",
    description: "A literal high-entropy value assigned to a token-named variable (auth_token, access_token, bearer…).",
    keywords: ["token", "bearer"],
    words: "token|bearer",
    minLength: 16,
    entropy: 3.5,
    positive: ["auth_token = \"iDlfxs528Y3CY665FZMirS3CVte7RQHxLpLU8ZvP\"", "ACCESS_TOKEN: 8NvmOHiE546-teRSmdOROldZZ1w0sY9gFedfSFyi8aI8YY-1"],
    negative: ["token = \"<token>\"", "token_type = \"Bearer\"", "csrf_token = request.form[\"csrf_token\"]", "TOKEN_EXPIRY_SECONDS=3600", "token = jwt.encode(payload, key)"],
  }),
  generic({
    id: "generic-credential",
    title: "Hard-coded credential",
    description: "A literal high-entropy value assigned to a credential-named variable.",
    keywords: ["credential", "creds"],
    words: "credentials?|creds",
    minLength: 16,
    entropy: 3.5,
    positive: ["const serviceCredentials = \"zL7x8QIgrSb+eeg7fuKiXTYyoe+rVXwOpm3jx1q5\";"],
    negative: ["credentials = load_credentials()", "CREDENTIALS_FILE=/etc/app/creds.json"],
  }),
  {
    id: "secrets/command-line-password",
    provider: "Generic",
    severity: "high",
    title: "Password on a command line",
    description: "A literal password passed to a command: curl -u user:password, sshpass -p password, or mysql --password=….",
    remediation: REMEDIATION,
    keywords: ["curl", "sshpass", "mysql", "wget"],
    pattern: /(?:\s(?:-u|--user)[ \t]{1,4}["']?[^\s:"']{1,64}:|\bsshpass[ \t]{1,4}-p[ \t]{0,4}["']?|\s--password=["']?|\s--http-password=["']?)(?<secret>[^\s"'$`]{6,128})/,
    generic: true,
    entropy: 3,
    validate: (secret, c) => {
      const before = c.text.slice(Math.max(0, c.start - 300), c.start);
      if (!/\b(?:curl|sshpass|mysql|mysqldump|wget)\b/.test(before.slice(before.lastIndexOf("\n") + 1))) return false;
      return !CODE_LIKE.test(secret) && !isPlaceholder(secret, true);
    },
    auxPatterns: [/\b(?:curl|sshpass|mysql|mysqldump|wget)\b/],
    examples: {
      positive: ["curl -u deploy:65Rcormiu8e3vCT2 https://artifacts.internal/upload", "sshpass -p 'i2VuUJeJNTdpxu' ssh ops@10.0.0.5"],
      negative: ["curl -u \"$USER:$PASSWORD\" https://example.com", "curl -u admin:admin http://localhost:8080", "sshpass -p \"$SSHPASS\" ssh host"],
    },
  },
  {
    id: "secrets/authorization-header",
    provider: "Generic",
    severity: "high",
    title: "Hard-coded Authorization header",
    description: "A literal bearer token or basic-auth pair in an HTTP Authorization header (curl commands, HTTP files, fixtures).",
    remediation: REMEDIATION,
    keywords: ["bearer ", "basic "],
    pattern: /\b(?:Bearer|Basic)[ \t]{1,4}(?<secret>[A-Za-z0-9._~+/-]{20,2048}={0,2})(?![A-Za-z0-9._~+/=-])/i,
    generic: true,
    entropy: 3.5,
    validate: (secret, c) => {
      const before = c.text.slice(Math.max(0, c.start - 80), c.start);
      if (!/authori[sz]ation|-H|header|curl/i.test(before)) return false;
      if (/basic[ \t]+$/i.test(before)) {
        const decoded = Buffer.from(secret, "base64").toString("utf8");
        return /^[\x20-\x39\x3b-\x7e]+:[\x20-\x7e]+$/.test(decoded);
      }
      return /[0-9]/.test(secret) && /[A-Za-z]/.test(secret);
    },
    auxPatterns: [/authori[sz]ation|-H|header|curl/i, /basic[ \t]+$/i, /^[\x20-\x39\x3b-\x7e]+:[\x20-\x7e]+$/],
    examples: {
      positive: ["curl -H \"Authorization: Bearer hAUsG4yKzXl8qHDjtBbOKlzJ5YpEF7CfUkutZ3yB\" https://api.internal/v1/me", "Authorization: Basic ZGVwbG95OlM3eHFQMnZMOW1LNHdSOHQ="],
      negative: ["Authorization: Bearer ${TOKEN}", "headers['Authorization'] = 'Bearer ' + token", "Authorization: Basic dXNlcm5hbWU="],
    },
  },
];
