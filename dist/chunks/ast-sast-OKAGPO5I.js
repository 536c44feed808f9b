#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  normalizeLineText
} from "./chunk-N2N7XB5A.js";
import {
  makeFinding
} from "./chunk-NQDPYFAW.js";
import {
  errorMessage
} from "./chunk-5XKQ73XO.js";
import "./chunk-2GVBCIT7.js";

// src/scanners/ast-sast/index.ts
import { createRequire } from "node:module";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { Lang, parse, registerDynamicLanguage } from "@ast-grep/napi";

// src/scanners/ast-sast/rules/define.ts
function defineRule(input) {
  const { cwe, id, ...rest } = input;
  return {
    ...rest,
    id: `sast/${id}`,
    tags: ["security", `CWE-${cwe}`, input.language === "py" ? "python" : "javascript"],
    helpUri: input.helpUri ?? `https://cwe.mitre.org/data/definitions/${cwe}.html`
  };
}

// src/scanners/ast-sast/rules/helpers.ts
function calls(...patterns) {
  return { any: patterns.map((pattern) => ({ pattern })) };
}
function pair(key, value) {
  return {
    kind: "pair",
    all: [{ has: { field: "key", regex: `^["'\`]?(${key})["'\`]?$` } }, { has: { field: "value", ...value } }]
  };
}
function callee(nameRe) {
  return {
    kind: "call_expression",
    has: { field: "function", any: [{ kind: "identifier", regex: nameRe }, { kind: "member_expression", has: { field: "property", regex: nameRe } }] }
  };
}
function argsContain(rule) {
  return { has: { field: "arguments", has: { stopBy: "end", ...rule } } };
}
var NON_CONSTANT = {
  any: [
    { kind: "identifier" },
    { kind: "member_expression" },
    { kind: "subscript_expression" },
    { kind: "call_expression" },
    { kind: "binary_expression" },
    { kind: "await_expression" },
    { kind: "ternary_expression" },
    { kind: "parenthesized_expression" },
    { kind: "template_string", has: { kind: "template_substitution" } }
  ]
};
var INTERPOLATED = {
  any: [{ kind: "binary_expression", regex: "\\+" }, { kind: "template_string", has: { kind: "template_substitution" } }]
};
var USER_INPUT_RE = "\\b(req|request)\\.(query|body|params|headers|cookies|param\\()|\\bctx\\.(query|params|request\\.(body|query))|location\\.(search|hash)|searchParams\\.get|document\\.referrer|\\bevent\\.(body|queryStringParameters|pathParameters)";
var SQL_RE = "(?i)\\b(select\\s.+\\sfrom|insert\\s+into|update\\s+\\S+\\s+set|delete\\s+from|drop\\s+table|create\\s+table|where\\s)";
var SECRET_NAME_RE = "(?i)(token|secret|passw(or)?d|pwd|nonce|salt|otp|session_?id|sessionid|api_?key|reset_?code|csrf|auth_?code|verification)";
var PY_NON_CONSTANT = {
  any: [
    { kind: "identifier" },
    { kind: "attribute" },
    { kind: "subscript" },
    { kind: "call" },
    { kind: "binary_operator" },
    { kind: "string", has: { kind: "interpolation" } },
    { kind: "concatenated_string", has: { stopBy: "end", kind: "interpolation" } }
  ]
};
var PY_BUILT_STRING = {
  any: [
    { kind: "string", has: { kind: "interpolation" } },
    { kind: "binary_operator", regex: "(%|\\+)" },
    { kind: "call", regex: "\\.format\\(" }
  ]
};
function kwarg(name, valueRe) {
  return { has: { field: "arguments", has: { kind: "keyword_argument", regex: `^${name}\\s*=\\s*(${valueRe})$` } } };
}

// src/scanners/ast-sast/rules/javascript.ts
var js = "js";
var USER_INPUT = { regex: USER_INPUT_RE };
var LITERALISH = { any: [{ kind: "string" }, { kind: "number" }, { kind: "undefined" }, { kind: "null" }, { kind: "true" }, { kind: "false" }] };
var LITERAL_STRING = { any: [{ kind: "string" }, { kind: "template_string", not: { has: { kind: "template_substitution" } } }] };
var SQL_METHODS = "^(query|execute|exec|raw|run|all|get|prepare|each|queryRaw|\\$queryRawUnsafe|\\$executeRawUnsafe|unsafe|whereRaw|joinRaw|orderByRaw)$";
var FS_METHODS = "^(readFile|readFileSync|createReadStream|createWriteStream|writeFile|writeFileSync|appendFile|appendFileSync|unlink|unlinkSync|rm|rmSync|readdir|readdirSync|open|openSync|stat|statSync|access|accessSync|copyFile|rename)$";
var javascriptRules = [
  defineRule({
    id: "js-eval-dynamic",
    language: js,
    severity: "high",
    cwe: 95,
    title: "eval() of a computed string",
    description: "eval runs any string as code; when the string is built from input, an attacker runs their own code in the process.",
    remediation: "Parse data with JSON.parse, or dispatch on a fixed table of functions instead of building code.",
    message: "eval() runs a string computed at run time as code; replace it with JSON.parse or a lookup table.",
    needs: /\beval\s*\(/,
    match: { rule: { pattern: "eval($X)" }, constraints: { X: NON_CONSTANT } },
    examples: {
      invalid: [{ code: "const v = eval(req.query.expr);", lines: [1] }, { code: "function f(code: string) {\n  return eval(`(${code})`);\n}", ext: "ts", lines: [2] }],
      valid: [{ code: "eval('1 + 1');\nconst evaluate = (x) => x;" }]
    }
  }),
  defineRule({
    id: "js-new-function",
    language: js,
    severity: "high",
    cwe: 95,
    title: "new Function() from a computed string",
    description: "The Function constructor compiles its arguments as code, exactly like eval.",
    remediation: "Write the function in source, or dispatch on a fixed table of functions.",
    message: "new Function() compiles a string computed at run time; write the function in source instead.",
    needs: /\bFunction\s*\(/,
    match: { rule: { any: [{ pattern: "new Function($$$A)" }, { pattern: "Function($$$A)" }], has: { field: "arguments", has: NON_CONSTANT } } },
    examples: {
      invalid: [{ code: "const fn = new Function('a', body);", lines: [1] }, { code: "const g = Function(`return ${src}`);", ext: "ts", lines: [1] }],
      valid: [{ code: "const fn = new Function('a', 'return a + 1');" }]
    }
  }),
  defineRule({
    id: "js-string-timer",
    language: js,
    severity: "medium",
    cwe: 95,
    title: "setTimeout/setInterval with a string",
    description: "A string passed to setTimeout or setInterval is evaluated as code.",
    remediation: "Pass a function: setTimeout(() => work(), 100).",
    message: "This timer evaluates a string as code; pass a function instead.",
    needs: /\bset(Timeout|Interval)\s*\(/,
    match: { rule: calls("setTimeout($X $$$)", "setInterval($X $$$)", "window.setTimeout($X $$$)", "window.setInterval($X $$$)"), constraints: { X: { any: [{ kind: "string" }, { kind: "template_string" }, INTERPOLATED] } } },
    examples: {
      invalid: [{ code: "setTimeout('poll(' + id + ')', 100);", lines: [1] }, { code: "setInterval(`tick()`, 10);", lines: [1] }],
      valid: [{ code: "setTimeout(() => poll(id), 100);\nsetInterval(tick, 10);" }]
    }
  }),
  defineRule({
    id: "js-vm-dynamic-code",
    language: js,
    severity: "high",
    cwe: 95,
    title: "node:vm runs computed code",
    description: "node:vm is not a security boundary; code run in it can escape to the host process.",
    remediation: "Do not run input as code; if you must, use an isolate (a separate process or worker with no privileges).",
    message: "node:vm runs a string computed at run time and is not a sandbox; do not run input as code.",
    needs: /\b(runIn(New|This)?Context|Script|compileFunction)\b/,
    match: {
      rule: calls("vm.runInThisContext($X $$$)", "vm.runInNewContext($X $$$)", "vm.runInContext($X $$$)", "new vm.Script($X $$$)", "vm.compileFunction($X $$$)", "runInNewContext($X $$$)"),
      constraints: { X: NON_CONSTANT }
    },
    examples: {
      invalid: [{ code: "import vm from 'node:vm';\nvm.runInNewContext(userCode, {});", lines: [2] }],
      valid: [{ code: "vm.runInNewContext('1 + 1', {});" }]
    }
  }),
  defineRule({
    id: "js-worker-eval",
    language: js,
    severity: "high",
    cwe: 95,
    title: "Worker created from a code string",
    description: "new Worker(code, { eval: true }) compiles its first argument as code.",
    remediation: "Start workers from a file path.",
    message: "This Worker evaluates a string as code; start it from a file instead.",
    needs: /eval\s*:\s*true/,
    match: { rule: { pattern: "new Worker($X, $O)", ...argsContain(pair("eval", { kind: "true" })) }, constraints: { X: NON_CONSTANT } },
    examples: {
      invalid: [{ code: "const w = new Worker(source, { eval: true });", lines: [1] }],
      valid: [{ code: "const w = new Worker(new URL('./w.js', import.meta.url));\nconst v = new Worker('./w.js', { eval: false });" }]
    }
  }),
  defineRule({
    id: "js-child-process-interpolation",
    language: js,
    severity: "high",
    cwe: 78,
    title: "Shell command built from strings",
    description: "exec and execSync run their command through a shell; interpolated values can add commands of their own.",
    remediation: "Use execFile/spawn with an argument array (no shell), and validate the values.",
    message: "This shell command is built by interpolation; use execFile or spawn with an argument array instead.",
    needs: /\bexec(Sync)?\s*\(/,
    match: {
      rule: calls("exec($C $$$)", "execSync($C $$$)", "$M.exec($C $$$)", "$M.execSync($C $$$)"),
      constraints: { C: INTERPOLATED, M: { regex: `^(child_process|childProcess|cp|proc|shell|require\\(['"](node:)?child_process['"]\\))$` } }
    },
    examples: {
      invalid: [
        { code: "import { exec } from 'node:child_process';\nexec(`git log ${branch}`);", lines: [2] },
        { code: "const cp = require('child_process');\ncp.execSync('rm -rf ' + dir, { stdio: 'inherit' });", lines: [2] }
      ],
      valid: [{ code: "exec('git status');\ncp.execFile('git', ['log', branch]);\nconst m = /x/.exec(`a${b}`);" }]
    }
  }),
  defineRule({
    id: "js-spawn-shell",
    language: js,
    severity: "high",
    cwe: 78,
    title: "Process started with shell: true",
    description: "shell: true makes spawn and execFile parse their arguments with a shell, so arguments become commands.",
    remediation: "Drop shell: true and pass the program and its arguments separately.",
    message: "shell: true lets arguments be read as shell commands; remove it and pass an argument array.",
    needs: /shell\s*:\s*true/,
    match: {
      rule: { all: [callee("^(spawn|spawnSync|execFile|execFileSync|fork|execa|execaSync)$"), argsContain(pair("shell", { kind: "true" }))] }
    },
    examples: {
      invalid: [{ code: "spawn('ls', [dir], { shell: true });", lines: [1] }, { code: "childProcess.execFileSync(cmd, args, {\n  shell: true,\n});", lines: [1] }],
      valid: [{ code: "spawn('ls', [dir], { shell: false });\nspawn('ls', [dir]);" }]
    }
  }),
  defineRule({
    id: "js-sql-concatenation",
    language: js,
    severity: "high",
    cwe: 89,
    title: "SQL query built by string concatenation",
    description: "Values concatenated into SQL can change the statement (SQL injection).",
    remediation: "Use placeholders (db.query('... WHERE id = $1', [id])) or a query builder.",
    message: "This SQL is built by concatenation; pass the values as bound parameters instead.",
    needs: /\b(select|insert|update|delete|drop|create|where)\b/i,
    match: {
      rule: { pattern: "$DB.$M($Q $$$)" },
      constraints: { M: { regex: SQL_METHODS }, Q: { kind: "binary_expression", regex: SQL_RE } }
    },
    examples: {
      invalid: [{ code: `db.query("SELECT * FROM users WHERE id = '" + req.params.id + "'");`, lines: [1] }],
      valid: [{ code: "db.query('SELECT * FROM users WHERE id = $1', [req.params.id]);\nlog.get('a' + b);" }]
    }
  }),
  defineRule({
    id: "js-sql-template",
    language: js,
    severity: "high",
    cwe: 89,
    title: "SQL query built with a template literal",
    description: "A ${} inside a SQL string puts the value into the statement unescaped. Tagged templates (sql`...`) are fine.",
    remediation: "Use placeholders or a tagged template that binds parameters (sql`...`, Prisma.sql).",
    message: "Values interpolated into this SQL template are not bound; use placeholders or a parameterizing sql`` tag.",
    needs: /\b(select|insert|update|delete|drop|create|where)\b/i,
    match: {
      rule: { pattern: "$DB.$M($Q $$$)" },
      constraints: { M: { regex: SQL_METHODS }, Q: { kind: "template_string", has: { kind: "template_substitution" }, regex: SQL_RE } }
    },
    examples: {
      invalid: [{ code: "await pool.query(`DELETE FROM sessions WHERE user = '${user}'`);", ext: "ts", lines: [1] }, { code: "prisma.$queryRawUnsafe(`SELECT * FROM t WHERE a = ${a}`);", lines: [1] }],
      valid: [{ code: "await pool.query(sql`DELETE FROM sessions WHERE user = ${user}`);\nawait pool.query(`SELECT 1 FROM dual`);" }]
    }
  }),
  defineRule({
    id: "js-sql-string-building",
    language: js,
    severity: "medium",
    cwe: 89,
    title: "SQL statement assembled in a variable",
    description: "A SQL statement assembled from variables ends up executed with those values unescaped.",
    remediation: "Keep the statement constant and pass values as bound parameters.",
    message: "This SQL statement is assembled from variables; keep it constant and bind the values.",
    needs: /\b(select|insert|update|delete)\b/i,
    match: {
      rule: { kind: "variable_declarator", has: { field: "value", any: [{ kind: "binary_expression", has: { stopBy: "end", kind: "identifier" } }, { kind: "template_string", has: { kind: "template_substitution" } }], regex: SQL_RE } }
    },
    examples: {
      invalid: [{ code: `const sql = 'SELECT name FROM users WHERE email = "' + email + '"';`, lines: [1] }, { code: "let q = `UPDATE users SET role = '${role}' WHERE id = ${id}`;", ext: "ts", lines: [1] }],
      valid: [{ code: "const sql = 'SELECT name FROM users WHERE email = ?';\nconst msg = 'select ' + item;" }]
    }
  }),
  defineRule({
    id: "js-nosql-where",
    language: js,
    severity: "high",
    cwe: 943,
    title: "MongoDB $where with computed JavaScript",
    description: "$where runs JavaScript on the database server; a computed string lets input become code there.",
    remediation: "Express the condition with query operators ($eq, $in, $expr) instead of $where.",
    message: "$where runs JavaScript built at run time on the database; use query operators instead.",
    needs: /\$where/,
    match: { rule: pair("\\$where", NON_CONSTANT) },
    examples: {
      invalid: [{ code: "users.find({ $where: `this.name == '${name}'` });", lines: [1] }],
      valid: [{ code: "users.find({ name: { $eq: name } });" }]
    }
  }),
  defineRule({
    id: "js-nosql-request-object",
    language: js,
    severity: "medium",
    cwe: 943,
    title: "Request object used as a database query",
    description: "A request body or query string passed whole as a query lets callers add operators such as $ne or $gt.",
    remediation: "Build the query from validated fields: find({ name: String(req.body.name) }).",
    message: "The request data is passed whole as a database query; build the query from validated fields.",
    needs: /\b(req|request)\.(body|query)/,
    match: { rule: { pattern: "$C.$M($Q $$$)" }, constraints: { M: { regex: "^(find|findOne|findOneAndUpdate|findOneAndDelete|updateOne|updateMany|deleteOne|deleteMany|countDocuments)$" }, Q: { regex: "^(req|request)\\.(body|query)(\\.\\w+)?$" } } },
    examples: {
      invalid: [{ code: "const user = await User.findOne(req.body);", lines: [1] }],
      valid: [{ code: "const user = await User.findOne({ email: String(req.body.email) });" }]
    }
  }),
  defineRule({
    id: "js-tls-reject-unauthorized",
    language: js,
    severity: "high",
    cwe: 295,
    title: "TLS certificate verification disabled",
    description: "rejectUnauthorized: false accepts any certificate, so anyone on the path can read and change the traffic.",
    remediation: "Remove the option; for private CAs pass `ca` with the CA certificate instead.",
    message: "rejectUnauthorized: false turns off certificate checks; remove it and trust the CA with `ca` instead.",
    needs: /rejectUnauthorized/,
    match: { rule: pair("rejectUnauthorized", { any: [{ kind: "false" }, { regex: "^(0|!1|null)$" }] }) },
    examples: {
      invalid: [{ code: "const agent = new https.Agent({ rejectUnauthorized: false });", lines: [1] }, { code: "tls.connect({\n  host,\n  'rejectUnauthorized': false,\n});", ext: "ts", lines: [3] }],
      valid: [{ code: "const agent = new https.Agent({ rejectUnauthorized: true, ca });" }]
    }
  }),
  defineRule({
    id: "js-tls-env-disabled",
    language: js,
    severity: "high",
    cwe: 295,
    title: "NODE_TLS_REJECT_UNAUTHORIZED=0",
    description: "Setting NODE_TLS_REJECT_UNAUTHORIZED to 0 turns off certificate checks for every TLS connection of the process.",
    remediation: "Remove it; point NODE_EXTRA_CA_CERTS at your private CA instead.",
    message: "NODE_TLS_REJECT_UNAUTHORIZED=0 disables certificate checks process-wide; use NODE_EXTRA_CA_CERTS instead.",
    needs: /NODE_TLS_REJECT_UNAUTHORIZED/,
    match: {
      rule: {
        any: [
          { pattern: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = $V" },
          { pattern: "process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = $V" },
          { pattern: 'process.env["NODE_TLS_REJECT_UNAUTHORIZED"] = $V' },
          pair("NODE_TLS_REJECT_UNAUTHORIZED", { regex: "^[\"'`]?0[\"'`]?$" })
        ]
      },
      constraints: { V: { regex: "^[\"'`]?0[\"'`]?$" } }
    },
    examples: {
      invalid: [{ code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';", lines: [1] }, { code: "spawn('node', ['x.js'], { env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' } });", lines: [1] }],
      valid: [{ code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';\ndelete process.env.NODE_TLS_REJECT_UNAUTHORIZED;" }]
    }
  }),
  defineRule({
    id: "js-tls-strict-ssl-off",
    language: js,
    severity: "high",
    cwe: 295,
    title: "HTTP client told not to verify TLS",
    description: "strictSSL: false (request, got 11-) and insecure: true skip certificate verification.",
    remediation: "Remove the option and trust private CAs explicitly.",
    message: "This HTTP client option skips TLS certificate verification; remove it.",
    needs: /strictSSL|insecure/,
    match: { rule: { any: [pair("strictSSL", { kind: "false" }), pair("insecure", { kind: "true" })] } },
    examples: {
      invalid: [{ code: "request({ url, strictSSL: false });", lines: [1] }, { code: "const opts = { insecure: true };", lines: [1] }],
      valid: [{ code: "request({ url, strictSSL: true });" }]
    }
  }),
  defineRule({
    id: "js-tls-no-hostname-check",
    language: js,
    severity: "high",
    cwe: 297,
    title: "TLS host name check replaced by a no-op",
    description: "A checkServerIdentity that returns nothing accepts a valid certificate for any other host.",
    remediation: "Remove the override, or call tls.checkServerIdentity(host, cert) inside it.",
    message: "checkServerIdentity never reports a mismatch, so certificates for other hosts are accepted; remove the override.",
    needs: /checkServerIdentity/,
    match: {
      rule: pair("checkServerIdentity", { kind: "arrow_function", not: { has: { stopBy: "end", regex: "checkServerIdentity|Error|throw|return\\s+\\w" } } })
    },
    examples: {
      invalid: [{ code: "https.request({ host, checkServerIdentity: () => undefined });", lines: [1] }, { code: "tls.connect({ checkServerIdentity: () => {} });", lines: [1] }],
      valid: [{ code: "tls.connect({ checkServerIdentity: (h, c) => tls.checkServerIdentity(h, c) });" }]
    }
  }),
  defineRule({
    id: "js-tls-old-protocol",
    language: js,
    severity: "medium",
    cwe: 327,
    title: "Obsolete TLS/SSL protocol allowed",
    description: "SSLv3, TLS 1.0 and TLS 1.1 have known weaknesses and are disabled by modern clients.",
    remediation: "Use minVersion: 'TLSv1.2' (or leave Node's default).",
    message: "This allows an obsolete SSL/TLS version; require TLSv1.2 or later.",
    needs: /SSLv|TLSv1/,
    match: { rule: pair("secureProtocol|minVersion", { regex: "^[\"'`](SSLv2|SSLv3|SSLv23|TLSv1|TLSv1\\.1|TLSv1_method|TLSv1_1_method|SSLv3_method)[\"'`]$" }) },
    examples: {
      invalid: [{ code: "tls.createServer({ minVersion: 'TLSv1' });", lines: [1] }, { code: "https.request({ secureProtocol: 'SSLv3_method' });", lines: [1] }],
      valid: [{ code: "tls.createServer({ minVersion: 'TLSv1.2' });" }]
    }
  }),
  defineRule({
    id: "js-weak-hash",
    language: js,
    severity: "medium",
    cwe: 328,
    title: "Weak hash algorithm (MD5/SHA-1)",
    description: "MD5 and SHA-1 have practical collisions; they must not protect integrity or identify content adversaries control.",
    remediation: "Use SHA-256 or better; for passwords use scrypt, argon2 or bcrypt.",
    message: "MD5/SHA-1 are broken for security use; use sha256 (or a password hash for passwords).",
    needs: /createHash|createHmac/,
    match: { rule: calls("createHash($A $$$)", "$C.createHash($A $$$)", "createHmac($A $$$)", "$C.createHmac($A $$$)"), constraints: { A: { regex: "(?i)^[\"'`](md2|md4|md5|sha1|sha-1|ripemd160)[\"'`]$" } } },
    examples: {
      invalid: [{ code: "const h = crypto.createHash('md5').update(data).digest('hex');", lines: [1] }, { code: 'createHash("sha1");', ext: "ts", lines: [1] }],
      valid: [{ code: "crypto.createHash('sha256').update(data);" }]
    }
  }),
  defineRule({
    id: "js-password-fast-hash",
    language: js,
    severity: "high",
    cwe: 916,
    title: "Password hashed with a fast hash",
    description: "General-purpose hashes (even SHA-256) are fast to brute-force; stolen password hashes fall quickly.",
    remediation: "Use crypto.scrypt, argon2 or bcrypt with a per-user salt.",
    message: "A password is hashed with a fast general-purpose hash; use scrypt, argon2 or bcrypt.",
    needs: /createHash/,
    match: { rule: calls("createHash($A).update($P $$$)", "$C.createHash($A).update($P $$$)"), constraints: { P: { regex: "(?i)passw(or)?d|\\bpwd\\b|passphrase" } } },
    examples: {
      invalid: [{ code: "const stored = crypto.createHash('sha256').update(password).digest('hex');", lines: [1] }, { code: "const h = createHash('md5').update(user.password + salt);", lines: [1] }],
      valid: [{ code: "const h = crypto.createHash('sha256').update(fileBuffer).digest('hex');\nconst key = crypto.scryptSync(password, salt, 64);" }]
    }
  }),
  defineRule({
    id: "js-weak-cipher",
    language: js,
    severity: "high",
    cwe: 327,
    title: "Broken cipher or ECB mode",
    description: "DES, 3DES, RC4, Blowfish and ECB mode leak or expose the plaintext.",
    remediation: "Use aes-256-gcm (or chacha20-poly1305) with a random IV.",
    message: "This cipher or mode is broken; use aes-256-gcm with a random IV.",
    needs: /create(De)?[Cc]ipher/,
    match: {
      rule: calls("createCipheriv($A $$$)", "$C.createCipheriv($A $$$)", "createDecipheriv($A $$$)", "$C.createDecipheriv($A $$$)"),
      constraints: { A: { regex: "(?i)^[\"'`](des|des3|des-ede|des-ede3|des-ede3-cbc|des-cbc|rc4|rc2|bf|blowfish|.*-ecb)([\"'`]|-)" } }
    },
    examples: {
      invalid: [{ code: "const c = crypto.createCipheriv('des-ede3-cbc', key, iv);", lines: [1] }, { code: "createCipheriv('aes-128-ecb', key, null);", lines: [1] }],
      valid: [{ code: "crypto.createCipheriv('aes-256-gcm', key, iv);" }]
    }
  }),
  defineRule({
    id: "js-create-cipher-no-iv",
    language: js,
    severity: "medium",
    cwe: 329,
    title: "crypto.createCipher (no IV)",
    description: "createCipher derives key and IV from a password with a weak KDF and reuses the IV; it was removed in Node 22.",
    remediation: "Use createCipheriv with a random IV and a key from scrypt.",
    message: "createCipher derives a fixed IV from the password; use createCipheriv with a random IV.",
    needs: /createCipher\s*\(|createDecipher\s*\(/,
    match: { rule: calls("crypto.createCipher($$$)", "crypto.createDecipher($$$)", "createCipher($$$)", "createDecipher($$$)") },
    examples: {
      invalid: [{ code: "const c = crypto.createCipher('aes192', password);", lines: [1] }],
      valid: [{ code: "const c = crypto.createCipheriv('aes-256-gcm', key, iv);" }]
    }
  }),
  defineRule({
    id: "js-math-random-secret",
    language: js,
    severity: "medium",
    cwe: 338,
    title: "Math.random() used for a secret value",
    description: "Math.random is predictable; tokens, passwords, salts or ids derived from it can be guessed.",
    remediation: "Use crypto.randomBytes, crypto.randomUUID or crypto.getRandomValues.",
    message: "Math.random() is predictable and must not make tokens or secrets; use crypto.randomBytes or crypto.randomUUID.",
    needs: /Math\.random/,
    match: {
      rule: {
        pattern: "Math.random()",
        inside: {
          stopBy: "end",
          any: [
            { kind: "variable_declarator", has: { field: "name", regex: SECRET_NAME_RE } },
            { kind: "assignment_expression", has: { field: "left", regex: SECRET_NAME_RE } },
            { kind: "pair", has: { field: "key", regex: SECRET_NAME_RE } },
            { kind: "function_declaration", has: { field: "name", regex: SECRET_NAME_RE } },
            { kind: "method_definition", has: { field: "name", regex: SECRET_NAME_RE } }
          ]
        }
      }
    },
    examples: {
      invalid: [
        { code: "const resetToken = Math.random().toString(36).slice(2);", lines: [1] },
        { code: "function generatePassword(): string {\n  return String(Math.floor(Math.random() * 1e8));\n}", ext: "ts", lines: [2] }
      ],
      valid: [{ code: "const jitter = Math.random() * 100;\nconst token = crypto.randomUUID();" }]
    }
  }),
  defineRule({
    id: "js-pseudo-random-bytes",
    language: js,
    severity: "medium",
    cwe: 338,
    title: "crypto.pseudoRandomBytes",
    description: "pseudoRandomBytes is deprecated and not meant for secrets.",
    remediation: "Use crypto.randomBytes.",
    message: "pseudoRandomBytes is not for secrets; use crypto.randomBytes.",
    needs: /pseudoRandomBytes/,
    match: { rule: calls("$C.pseudoRandomBytes($$$)", "pseudoRandomBytes($$$)") },
    examples: { invalid: [{ code: "const id = crypto.pseudoRandomBytes(16);", lines: [1] }], valid: [{ code: "const id = crypto.randomBytes(16);" }] }
  }),
  defineRule({
    id: "js-weak-rsa-key",
    language: js,
    severity: "medium",
    cwe: 326,
    title: "RSA key shorter than 2048 bits",
    description: "RSA keys below 2048 bits are within reach of well-funded attackers.",
    remediation: "Use modulusLength: 3072 (or 2048 at least), or an EC key.",
    message: "This RSA key is shorter than 2048 bits; use at least 2048 (3072 preferred).",
    needs: /modulusLength/,
    match: { rule: pair("modulusLength", { kind: "number", regex: "^(256|384|512|768|1000|1024|1536)$" }) },
    examples: {
      invalid: [{ code: "crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });", lines: [1] }],
      valid: [{ code: "crypto.generateKeyPairSync('rsa', { modulusLength: 3072 });" }]
    }
  }),
  defineRule({
    id: "js-bcrypt-low-cost",
    language: js,
    severity: "medium",
    cwe: 916,
    title: "bcrypt cost factor below 10",
    description: "A low bcrypt cost makes stolen hashes cheap to brute-force.",
    remediation: "Use a cost of 12 (at least 10).",
    message: "This bcrypt cost factor is below 10; use 12.",
    needs: /bcrypt/,
    match: {
      rule: calls("$B.hash($P, $N $$$)", "$B.hashSync($P, $N)", "$B.genSalt($N $$$)", "$B.genSaltSync($N)"),
      constraints: { B: { regex: "^(bcrypt|bcryptjs)$" }, N: { kind: "number", regex: "^[0-9]$" } }
    },
    examples: { invalid: [{ code: "const h = await bcrypt.hash(password, 4);", lines: [1] }], valid: [{ code: "const h = await bcrypt.hash(password, 12);" }] }
  }),
  defineRule({
    id: "js-jwt-hardcoded-secret",
    language: js,
    severity: "high",
    cwe: 798,
    title: "Hard-coded JWT secret",
    description: "A signing secret in source code is known to everyone who can read the code, and they can mint valid tokens.",
    remediation: "Read the secret from the environment or a secret manager, and rotate the one in the code.",
    message: "The JWT secret is written in the source; load it from the environment or a secret manager and rotate it.",
    needs: /\.(sign|verify)\s*\(/,
    match: {
      rule: calls("$J.sign($P, $S $$$)", "$J.verify($T, $S $$$)"),
      constraints: { J: { regex: "^(jwt|jsonwebtoken|JWT|jsonWebToken)$" }, S: { any: [{ kind: "string" }, { kind: "template_string", not: { has: { kind: "template_substitution" } } }] } }
    },
    examples: {
      invalid: [{ code: "const token = jwt.sign({ sub: user.id }, 'super-secret-key', { expiresIn: '1h' });", lines: [1] }, { code: 'jwt.verify(token, "s3cr3t");', ext: "ts", lines: [1] }],
      valid: [{ code: "const token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '1h' });" }]
    }
  }),
  defineRule({
    id: "js-jwt-none-algorithm",
    language: js,
    severity: "high",
    cwe: 347,
    title: "JWT 'none' algorithm accepted",
    description: "Accepting alg 'none' lets anyone forge tokens without a signature.",
    remediation: "List only the algorithms you sign with, e.g. algorithms: ['RS256'].",
    message: "The 'none' JWT algorithm accepts unsigned tokens; list only real signing algorithms.",
    needs: /none/,
    match: { rule: { kind: "pair", has: { field: "key", regex: `^["']?algorithms?["']?$` }, all: [{ has: { field: "value", stopBy: "end", regex: "^[\"'`]none[\"'`]$" } }] } },
    examples: {
      invalid: [{ code: "jwt.verify(token, key, { algorithms: ['HS256', 'none'] });", lines: [1] }, { code: "jwt.sign(payload, null, { algorithm: 'none' });", lines: [1] }],
      valid: [{ code: "jwt.verify(token, key, { algorithms: ['RS256'] });" }]
    }
  }),
  defineRule({
    id: "js-yaml-unsafe-load",
    language: js,
    severity: "high",
    cwe: 502,
    title: "YAML loaded with an unsafe schema",
    description: "js-yaml's full schema can construct functions and regexps from the document, running attacker code.",
    remediation: "Use yaml.load with the default (safe) schema, or the `yaml` package's parse.",
    message: "This YAML load allows JavaScript types from the document; use the default safe schema.",
    needs: /FULL_SCHEMA|unsafe/i,
    match: {
      rule: { any: [{ pattern: "$Y.load($X, $O)" }, { pattern: "$Y.loadAll($X, $O $$$)" }, { pattern: "$Y.unsafeLoad($$$)" }, { pattern: "$Y.unsafeLoadAll($$$)" }] },
      constraints: { O: { regex: "DEFAULT_FULL_SCHEMA|FULL_SCHEMA|unsafe" } }
    },
    examples: {
      invalid: [{ code: "const doc = yaml.load(text, { schema: yaml.DEFAULT_FULL_SCHEMA });", lines: [1] }, { code: "const d = jsyaml.unsafeLoad(body);", lines: [1] }],
      valid: [{ code: "const doc = yaml.load(text);\nconst d = yaml.load(text, { schema: yaml.JSON_SCHEMA });" }]
    }
  }),
  defineRule({
    id: "js-insecure-deserialization",
    language: js,
    severity: "critical",
    cwe: 502,
    title: "node-serialize unserialize()",
    description: "node-serialize's unserialize runs functions embedded in the data (an immediately invoked function executes on load).",
    remediation: "Exchange plain JSON and JSON.parse it; never deserialize code.",
    message: "unserialize() executes functions embedded in the data; exchange plain JSON instead.",
    needs: /unserialize/,
    match: { rule: calls("$S.unserialize($X)", "unserialize($X)"), constraints: { X: NON_CONSTANT } },
    examples: { invalid: [{ code: "const obj = serialize.unserialize(req.cookies.profile);", lines: [1] }], valid: [{ code: "const obj = JSON.parse(req.cookies.profile);" }] }
  }),
  defineRule({
    id: "js-open-redirect",
    language: js,
    severity: "medium",
    cwe: 601,
    title: "Redirect to a URL from the request",
    description: "Redirecting to a URL the request supplies lets attackers send users to phishing pages from your domain.",
    remediation: "Redirect only to relative paths or to an allow-list of hosts.",
    message: "The redirect target comes from the request; allow only relative paths or known hosts.",
    needs: /redirect/,
    match: { rule: { pattern: "$RES.redirect($$$)", ...argsContain(USER_INPUT) } },
    examples: {
      invalid: [{ code: "app.get('/go', (req, res) => {\n  res.redirect(req.query.next);\n});", lines: [2] }, { code: "ctx.redirect(301, req.body.url);", lines: [1] }],
      valid: [{ code: "res.redirect('/login');\nres.redirect(ok ? '/home' : '/');" }]
    }
  }),
  defineRule({
    id: "js-dom-open-redirect",
    language: js,
    severity: "medium",
    cwe: 601,
    title: "Browser navigation to a URL from the page address",
    description: "Sending the browser to a URL read from location.search/hash enables open redirects and javascript: URLs.",
    remediation: "Check the target against an allow-list or accept only same-origin relative paths.",
    message: "The page navigates to a URL taken from its own address; check it against an allow-list.",
    needs: /location/,
    match: {
      rule: {
        any: [
          { pattern: "window.location = $X" },
          { pattern: "location.href = $X" },
          { pattern: "window.location.href = $X" },
          { pattern: "document.location = $X" },
          { pattern: "location.assign($X)" },
          { pattern: "location.replace($X)" },
          { pattern: "window.location.assign($X)" },
          { pattern: "window.location.replace($X)" }
        ]
      },
      constraints: { X: { regex: "location\\.(search|hash)|searchParams\\.get|URLSearchParams|document\\.referrer" } }
    },
    examples: {
      invalid: [{ code: "window.location.href = new URLSearchParams(location.search).get('next');", lines: [1] }, { code: "location.assign(location.hash.slice(1));", lines: [1] }],
      valid: [{ code: "window.location.href = '/home';" }]
    }
  }),
  defineRule({
    id: "js-dom-xss-inner-html",
    language: js,
    severity: "high",
    cwe: 79,
    title: "innerHTML/outerHTML set from a variable",
    description: "Markup assigned from data runs any script the data contains (DOM XSS).",
    remediation: "Use textContent, or sanitize with DOMPurify before assigning markup.",
    message: "Assigning computed markup to innerHTML/outerHTML allows XSS; use textContent or sanitize first.",
    needs: /innerHTML|outerHTML/,
    match: {
      rule: { any: [{ pattern: "$E.innerHTML = $X" }, { pattern: "$E.outerHTML = $X" }, { pattern: "$E.innerHTML += $X" }] },
      constraints: { X: { all: [NON_CONSTANT, { not: { regex: "(?i)sanitize|DOMPurify|escape" } }] } }
    },
    examples: {
      invalid: [{ code: "el.innerHTML = `<b>${name}</b>`;", lines: [1] }, { code: "document.getElementById('out').outerHTML = response.html;", ext: "ts", lines: [1] }],
      valid: [{ code: "el.textContent = name;\nel.innerHTML = '<br>';\nel.innerHTML = DOMPurify.sanitize(html);" }]
    }
  }),
  defineRule({
    id: "js-dom-xss-document-write",
    language: js,
    severity: "medium",
    cwe: 79,
    title: "document.write of computed markup",
    description: "document.write parses its argument as HTML, so data in it can inject scripts.",
    remediation: "Build DOM nodes and set textContent.",
    message: "document.write of computed markup allows XSS; create elements and set textContent.",
    needs: /document\.write/,
    match: { rule: calls("document.write($X)", "document.writeln($X)"), constraints: { X: NON_CONSTANT } },
    examples: { invalid: [{ code: "document.write('<p>' + location.hash + '</p>');", lines: [1] }], valid: [{ code: "document.write('<p>static</p>');" }] }
  }),
  defineRule({
    id: "js-dom-xss-insert-adjacent-html",
    language: js,
    severity: "medium",
    cwe: 79,
    title: "insertAdjacentHTML with computed markup",
    description: "insertAdjacentHTML parses its argument as HTML.",
    remediation: "Use insertAdjacentText, or sanitize the markup.",
    message: "insertAdjacentHTML with computed markup allows XSS; use insertAdjacentText or sanitize.",
    needs: /insertAdjacentHTML/,
    match: { rule: { pattern: "$E.insertAdjacentHTML($P, $X)" }, constraints: { X: { all: [NON_CONSTANT, { not: { regex: "(?i)sanitize|DOMPurify" } }] } } },
    examples: { invalid: [{ code: "list.insertAdjacentHTML('beforeend', `<li>${item}</li>`);", lines: [1] }], valid: [{ code: "list.insertAdjacentHTML('beforeend', '<li></li>');" }] }
  }),
  defineRule({
    id: "js-react-dangerous-html",
    language: js,
    severity: "medium",
    cwe: 79,
    title: "dangerouslySetInnerHTML with computed markup",
    description: "React renders __html without escaping; data in it can inject scripts.",
    remediation: "Render text as children, or sanitize with DOMPurify first.",
    message: "dangerouslySetInnerHTML renders this value unescaped; render it as text or sanitize it first.",
    needs: /dangerouslySetInnerHTML/,
    match: {
      rule: {
        kind: "jsx_attribute",
        has: { kind: "property_identifier", regex: "^dangerouslySetInnerHTML$" },
        all: [{ has: { stopBy: "end", ...pair("__html", { all: [NON_CONSTANT, { not: { regex: "(?i)sanitize|DOMPurify" } }] }) } }]
      }
    },
    examples: {
      invalid: [{ code: "export const Bio = ({ bio }) => <div dangerouslySetInnerHTML={{ __html: bio }} />;", ext: "jsx", lines: [1] }, { code: "const C = (p: { html: string }) => (\n  <p\n    dangerouslySetInnerHTML={{ __html: p.html }}\n  />\n);", ext: "tsx", lines: [3] }],
      valid: [{ code: "const C = ({ html }) => <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(html) }} />;", ext: "jsx" }]
    }
  }),
  defineRule({
    id: "js-reflected-xss",
    language: js,
    severity: "high",
    cwe: 79,
    title: "Request data written into the response",
    description: "Echoing request parameters into an HTML response lets attackers run scripts in other users' browsers.",
    remediation: "Escape for HTML (or render with a template engine that escapes), or answer with res.json.",
    message: "Request data is written into the response unescaped; escape it or answer with res.json.",
    needs: /\.(send|write|end)\s*\(/,
    match: { rule: { pattern: "$RES.$M($X $$$)" }, constraints: { RES: { regex: "^(res|response|reply|ctx\\.res)$" }, M: { regex: "^(send|write|end)$" }, X: { all: [USER_INPUT, { not: { regex: "(?i)escape|sanitize|encode" } }] } } },
    examples: {
      invalid: [{ code: "app.get('/hi', (req, res) => res.send('<h1>Hello ' + req.query.name + '</h1>'));", lines: [1] }],
      valid: [{ code: "app.get('/hi', (req, res) => res.send('<h1>Hello ' + escapeHtml(req.query.name) + '</h1>'));\nres.json({ name: req.query.name });" }]
    }
  }),
  defineRule({
    id: "js-path-traversal",
    language: js,
    severity: "high",
    cwe: 22,
    title: "File path from the request",
    description: "A path taken from the request can climb out of the intended folder with ../ (path traversal).",
    remediation: "Resolve the path and check that it stays under the base folder, or map names through an allow-list.",
    message: "A file path comes from the request; resolve it and check it stays inside the allowed folder.",
    needs: /\b(req|request|ctx)\./,
    match: {
      rule: { all: [{ any: [callee(FS_METHODS), callee("^(sendFile|download)$")] }, argsContain(USER_INPUT)] }
    },
    examples: {
      invalid: [{ code: "const data = fs.readFileSync(path.join(root, req.query.file));", lines: [1] }, { code: "res.sendFile(req.params.name, { root: 'public' });", lines: [1] }],
      valid: [{ code: "const data = fs.readFileSync(path.join(root, 'index.html'));" }]
    }
  }),
  defineRule({
    id: "js-ssrf",
    language: js,
    severity: "high",
    cwe: 918,
    title: "Server-side request to a URL from the request",
    description: "Fetching a URL the caller chooses lets them reach internal services and cloud metadata endpoints (SSRF).",
    remediation: "Fetch only from an allow-list of hosts, and block private and link-local addresses.",
    message: "The server fetches a URL taken from the request; restrict it to an allow-list of hosts.",
    needs: /\b(fetch|axios|got|request|get|post)\s*\(|\.(get|post|request)\s*\(/,
    match: {
      rule: {
        any: [{ pattern: "fetch($X $$$)" }, { pattern: "axios($X $$$)" }, { pattern: "got($X $$$)" }, { pattern: "$H.$M($X $$$)" }]
      },
      constraints: { X: USER_INPUT, H: { regex: "^(axios|got|http|https|request|superagent|needle|undici|ky)$" }, M: { regex: "^(get|post|put|delete|patch|head|request)$" } }
    },
    examples: {
      invalid: [{ code: "const r = await fetch(req.query.url);", lines: [1] }, { code: "await axios.get(req.body.webhook, { timeout: 5000 });", ext: "ts", lines: [1] }],
      valid: [{ code: "const r = await fetch('https://api.example.com/' + encodeURIComponent(id));" }]
    }
  }),
  defineRule({
    id: "js-regex-injection",
    language: js,
    severity: "medium",
    cwe: 1333,
    title: "Regular expression built from request data",
    description: "A pattern from the request can be catastrophically slow (ReDoS) or match more than intended.",
    remediation: "Escape the input (e.g. lodash escapeRegExp) or match with string functions.",
    message: "A regular expression is built from request data; escape it or use string matching.",
    needs: /RegExp/,
    match: { rule: calls("new RegExp($X $$$)", "RegExp($X $$$)"), constraints: { X: { all: [USER_INPUT, { not: { regex: "(?i)escape" } }] } } },
    examples: { invalid: [{ code: "const re = new RegExp(req.query.q, 'i');", lines: [1] }], valid: [{ code: "const re = new RegExp(escapeRegExp(req.query.q), 'i');" }] }
  }),
  defineRule({
    id: "js-prototype-pollution-loop",
    language: js,
    severity: "medium",
    cwe: 1321,
    title: "Unguarded key copy in a for...in loop",
    description: "Copying every key of an object lets a __proto__ or constructor key modify Object.prototype.",
    remediation: "Skip __proto__/constructor/prototype keys or check Object.hasOwn, or copy into Object.create(null).",
    message: "Keys are copied without a guard, so __proto__ can pollute Object.prototype; skip dangerous keys or check Object.hasOwn.",
    needs: /\bfor\s*\(/,
    match: {
      rule: {
        pattern: "$D[$K] = $S[$K]",
        inside: { stopBy: "end", kind: "for_in_statement" },
        not: { inside: { stopBy: "end", kind: "if_statement", regex: "hasOwn|__proto__|prototype|constructor|isSafeKey" } }
      }
    },
    examples: {
      invalid: [{ code: "function extend(target, src) {\n  for (const key in src) {\n    target[key] = src[key];\n  }\n}", lines: [3] }],
      valid: [{ code: "for (const key in src) {\n  if (Object.hasOwn(src, key) && key !== '__proto__') target[key] = src[key];\n}" }]
    }
  }),
  defineRule({
    id: "js-prototype-pollution-merge",
    language: js,
    severity: "high",
    cwe: 1321,
    title: "Deep merge of request data",
    description: 'Deep-merging request JSON lets a {"__proto__": ...} body modify Object.prototype for the whole process.',
    remediation: "Validate the body against a schema first, or merge only known fields.",
    message: "Request data is deep-merged into an object, which allows prototype pollution; validate it and merge known fields only.",
    needs: /merge|extend|defaultsDeep|set/i,
    match: {
      rule: { all: [callee("^(merge|mergeWith|defaultsDeep|extend|deepExtend|assignDeep|deepmerge|set|setWith|setValue)$"), argsContain(USER_INPUT)] }
    },
    examples: {
      invalid: [{ code: "_.merge(config, req.body);", lines: [1] }, { code: "$.extend(true, settings, JSON.parse(req.body.prefs));", lines: [1] }],
      valid: [{ code: "_.merge(config, defaults);\nObject.assign(config, { name: String(req.body.name) });" }]
    }
  }),
  defineRule({
    id: "js-prototype-pollution-proto-write",
    language: js,
    severity: "high",
    cwe: 1321,
    title: "Write through __proto__ or Object.prototype",
    description: "Assigning through __proto__ or onto Object.prototype changes every object in the process.",
    remediation: "Use Object.create(proto) or Object.setPrototypeOf on your own objects; never extend Object.prototype.",
    message: "This writes through __proto__/Object.prototype and changes every object; use Object.create or a Map instead.",
    needs: /__proto__|Object\.prototype/,
    match: {
      rule: {
        kind: "assignment_expression",
        has: { field: "left", any: [{ regex: "__proto__" }, { regex: "^Object\\.prototype\\." }, { regex: `\\[["']__proto__["']\\]` }] }
      }
    },
    examples: {
      invalid: [{ code: "obj.__proto__.isAdmin = true;", lines: [1] }, { code: "Object.prototype.toJSONSafe = function () {};", lines: [1] }],
      valid: [{ code: "const o = Object.create(base);\no.isAdmin = false;" }]
    }
  }),
  defineRule({
    id: "js-prototype-pollution-path-set",
    language: js,
    severity: "low",
    cwe: 1321,
    title: "Nested write with computed keys",
    description: "obj[a][b] = v with keys from outside is the classic prototype-pollution sink (a = '__proto__').",
    remediation: "Reject __proto__, constructor and prototype keys, or use a Map.",
    message: "A nested write with computed keys can pollute Object.prototype; reject __proto__/constructor/prototype keys.",
    needs: /\]\s*\[/,
    match: { rule: { pattern: "$O[$A][$B] = $V", not: { inside: { stopBy: "end", kind: "if_statement", regex: "__proto__|hasOwn|isSafeKey" } } }, constraints: { A: { kind: "identifier" }, B: { kind: "identifier" } } },
    examples: {
      invalid: [{ code: "function set(store, section, key, value) {\n  store[section][key] = value;\n}", lines: [2] }],
      valid: [{ code: "grid[0][1] = cell;\nif (section !== '__proto__') store[section][key] = value;" }]
    }
  }),
  defineRule({
    id: "js-session-hardcoded-secret",
    language: js,
    severity: "high",
    cwe: 798,
    title: "Hard-coded session or cookie secret",
    description: "A session secret in source lets anyone who reads the code forge session cookies.",
    remediation: "Load the secret from the environment or a secret manager.",
    message: "The session secret is written in the source; load it from the environment and rotate it.",
    needs: /secret/,
    match: {
      rule: {
        any: [
          { any: [{ pattern: "session($$$)" }, { pattern: "expressSession($$$)" }, { pattern: "cookieSession($$$)" }], ...argsContain(pair("secret", LITERAL_STRING)) },
          { pattern: "cookieParser($S $$$)" }
        ]
      },
      constraints: { S: LITERAL_STRING }
    },
    examples: {
      invalid: [{ code: "app.use(session({ secret: 'keyboard cat', resave: false }));", lines: [1] }, { code: "app.use(cookieParser('my secret'));", lines: [1] }],
      valid: [{ code: "app.use(session({ secret: process.env.SESSION_SECRET, resave: false }));\napp.use(cookieParser(process.env.COOKIE_SECRET));" }]
    }
  }),
  defineRule({
    id: "js-cookie-httponly-off",
    language: js,
    severity: "medium",
    cwe: 1004,
    title: "Cookie readable by scripts (httpOnly: false)",
    description: "Without HttpOnly an XSS can read the session cookie.",
    remediation: "Set httpOnly: true on session and auth cookies.",
    message: "httpOnly: false lets scripts read this cookie; set httpOnly: true.",
    needs: /httpOnly/i,
    match: { rule: pair("httpOnly|httponly", { kind: "false" }) },
    examples: { invalid: [{ code: "res.cookie('sid', id, { httpOnly: false });", lines: [1] }], valid: [{ code: "res.cookie('sid', id, { httpOnly: true, secure: true });" }] }
  }),
  defineRule({
    id: "js-cookie-insecure",
    language: js,
    severity: "low",
    cwe: 614,
    title: "Cookie sent over plain HTTP (secure: false)",
    description: "A cookie without Secure is sent over unencrypted connections where it can be read.",
    remediation: "Set secure: true (behind a proxy, also trust the proxy).",
    message: "secure: false sends this cookie over plain HTTP; set secure: true.",
    needs: /secure\s*:\s*false/,
    match: { rule: { ...pair("secure", { kind: "false" }), inside: { stopBy: "end", any: [pair("cookie", { kind: "object" }), { kind: "call_expression", regex: "^\\S*(cookie|session)\\(" }] } } },
    examples: {
      invalid: [{ code: "app.use(session({ secret, cookie: { secure: false } }));", lines: [1] }, { code: "res.cookie('sid', id, { secure: false });", lines: [1] }],
      valid: [{ code: "const smtp = { secure: false, port: 25 };" }]
    }
  }),
  defineRule({
    id: "js-cors-wildcard",
    language: js,
    severity: "low",
    cwe: 942,
    title: "CORS allows every origin",
    description: "Access-Control-Allow-Origin: * lets any site read the responses; with credentials that exposes user data.",
    remediation: "List the origins that need access.",
    message: "CORS is open to every origin; list the origins that need access.",
    needs: /Access-Control-Allow-Origin|origin/i,
    match: {
      rule: {
        any: [
          { pattern: "$R.setHeader($H, $V)" },
          { pattern: "$R.header($H, $V)" },
          { pattern: "$R.set($H, $V)" },
          { pattern: "cors({ $$$ })", has: { stopBy: "end", ...pair("origin", { any: [{ kind: "true" }, { regex: "^[\"'`]\\*[\"'`]$" }] }) } }
        ]
      },
      constraints: { H: { regex: "(?i)^[\"'`]access-control-allow-origin[\"'`]$" }, V: { regex: "^[\"'`]\\*[\"'`]$" } }
    },
    examples: {
      invalid: [{ code: "res.setHeader('Access-Control-Allow-Origin', '*');", lines: [1] }, { code: "app.use(cors({ origin: true, credentials: true }));", lines: [1] }],
      valid: [{ code: "res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');\napp.use(cors({ origin: ['https://app.example.com'] }));" }]
    }
  }),
  defineRule({
    id: "js-postmessage-wildcard",
    language: js,
    severity: "medium",
    cwe: 345,
    title: "postMessage to any origin",
    description: "targetOrigin '*' delivers the message to whatever page is loaded in the target window.",
    remediation: "Pass the exact origin of the intended receiver.",
    message: "postMessage with '*' can leak data to any origin; pass the receiver's exact origin.",
    needs: /postMessage/,
    match: { rule: { pattern: "$W.postMessage($M, $O $$$)" }, constraints: { O: { regex: "^[\"'`]\\*[\"'`]$" } } },
    examples: { invalid: [{ code: "parent.postMessage({ token }, '*');", lines: [1] }], valid: [{ code: "parent.postMessage({ token }, 'https://app.example.com');" }] }
  }),
  defineRule({
    id: "js-insecure-websocket",
    language: js,
    severity: "low",
    cwe: 319,
    title: "Unencrypted WebSocket (ws://)",
    description: "ws:// traffic can be read and changed on the network.",
    remediation: "Use wss://.",
    message: "This WebSocket uses ws:// without encryption; use wss://.",
    needs: /ws:\/\//,
    match: { rule: { pattern: "new WebSocket($U $$$)" }, constraints: { U: { regex: "^[\"'`]ws://", not: { regex: "^[\"'`]ws://(localhost|127\\.0\\.0\\.1)[:/]" } } } },
    examples: { invalid: [{ code: "const s = new WebSocket('ws://chat.example.com/feed');", lines: [1] }], valid: [{ code: "const s = new WebSocket('wss://chat.example.com/feed');\nconst t = new WebSocket('ws://localhost:8080/');" }] }
  }),
  defineRule({
    id: "js-xxe",
    language: js,
    severity: "high",
    cwe: 611,
    title: "XML parser expands external entities",
    description: "With entity substitution on, a document can read local files or reach internal URLs (XXE).",
    remediation: "Leave noent off (libxmljs) and do not enable external entity loading.",
    message: "This XML parser substitutes entities, which allows XXE; turn noent off.",
    needs: /noent|resolveExternalEntities|processEntities/,
    match: { rule: { any: [pair("noent", { kind: "true" }), pair("resolveExternalEntities", { kind: "true" })] } },
    examples: { invalid: [{ code: "const doc = libxmljs.parseXml(body, { noent: true });", lines: [1] }], valid: [{ code: "const doc = libxmljs.parseXml(body, { noent: false });" }] }
  }),
  defineRule({
    id: "js-template-autoescape-off",
    language: js,
    severity: "medium",
    cwe: 79,
    title: "Template engine escaping turned off",
    description: "With auto-escaping off every variable in every template must be escaped by hand; one miss is an XSS.",
    remediation: "Keep auto-escaping on; mark the few trusted values as safe explicitly.",
    message: "Auto-escaping is off for this template engine; keep it on and mark trusted values explicitly.",
    needs: /autoescape|noEscape|escapeMarkup/,
    match: { rule: { any: [pair("autoescape", { kind: "false" }), pair("noEscape", { kind: "true" }), pair("escapeMarkup", { kind: "false" })] } },
    examples: { invalid: [{ code: "nunjucks.configure('views', { autoescape: false });", lines: [1] }, { code: "Handlebars.compile(src, { noEscape: true });", lines: [1] }], valid: [{ code: "nunjucks.configure('views', { autoescape: true });" }] }
  }),
  defineRule({
    id: "js-non-literal-require",
    language: js,
    severity: "low",
    cwe: 95,
    title: "require() of a computed path",
    description: "Loading a module whose name is computed can run code the input chooses.",
    remediation: "Map allowed names to modules in a fixed table.",
    message: "require() loads a module named at run time; map allowed names to modules in a fixed table.",
    needs: /require\s*\(/,
    match: { rule: { pattern: "require($X)" }, constraints: { X: { any: [{ kind: "identifier" }, { kind: "member_expression" }, { kind: "call_expression" }, INTERPOLATED] } } },
    examples: { invalid: [{ code: "const plugin = require(`./plugins/${req.params.name}`);", lines: [1] }], valid: [{ code: "const fs = require('node:fs');" }] }
  }),
  defineRule({
    id: "js-buffer-constructor",
    language: js,
    severity: "low",
    cwe: 119,
    title: "Deprecated new Buffer()",
    description: "new Buffer(n) may return uninitialised memory holding old data; the constructor is deprecated.",
    remediation: "Use Buffer.from or Buffer.alloc.",
    message: "new Buffer() is deprecated and may expose old memory; use Buffer.from or Buffer.alloc.",
    needs: /new Buffer\s*\(/,
    match: { rule: { pattern: "new Buffer($$$)" } },
    examples: { invalid: [{ code: "const b = new Buffer(size);", lines: [1] }], valid: [{ code: "const b = Buffer.alloc(size);" }] }
  }),
  defineRule({
    id: "js-timing-unsafe-compare",
    language: js,
    severity: "low",
    cwe: 208,
    title: "Signature compared with ===",
    description: "=== stops at the first differing byte, so response times leak how much of a signature was right.",
    remediation: "Compare with crypto.timingSafeEqual on equal-length buffers.",
    message: "This signature or HMAC is compared with ===, which leaks timing; use crypto.timingSafeEqual.",
    needs: /(?:signature|hmac|digest)/i,
    match: {
      rule: {
        kind: "binary_expression",
        all: [
          { has: { field: "operator", regex: "^(===|!==|==|!=)$" } },
          { has: { field: "left", regex: "(?i)signature|hmac|digest", not: LITERALISH } },
          { has: { field: "right", regex: "(?i)signature|hmac|digest|expected|computed", not: LITERALISH } }
        ]
      }
    },
    examples: {
      invalid: [{ code: "if (req.headers['x-hub-signature'] === expectedSignature) accept();", lines: [1] }],
      valid: [{ code: "if (crypto.timingSafeEqual(a, b)) accept();\nif (signature === undefined) reject();\nif (facts.signatureHash === 'MD5' || facts.signatureHash === 'SHA-1') warn();" }]
    }
  })
];

// src/scanners/ast-sast/rules/python.ts
var py = "py";
var PY_LITERAL = { kind: "string", not: { has: { kind: "interpolation" } } };
var pythonRules = [
  defineRule({
    id: "py-subprocess-shell",
    language: py,
    severity: "high",
    cwe: 78,
    title: "subprocess with shell=True",
    description: "shell=True hands the command to /bin/sh, so any value in it can add commands.",
    remediation: "Pass an argument list without shell=True: subprocess.run(['git', 'log', ref]).",
    message: "shell=True runs the command through a shell; pass an argument list instead.",
    needs: /shell\s*=\s*True/,
    match: { rule: { kind: "call", ...kwarg("shell", "True") } },
    examples: {
      invalid: [{ code: 'import subprocess\nsubprocess.run(f"git log {ref}", shell=True)', lines: [2] }, { code: "out = check_output(cmd,\n    shell=True)", lines: [1] }],
      valid: [{ code: "subprocess.run(['git', 'log', ref])\nsubprocess.run(cmd, shell=False)" }]
    }
  }),
  defineRule({
    id: "py-os-system",
    language: py,
    severity: "high",
    cwe: 78,
    title: "os.system/os.popen with a computed command",
    description: "os.system and os.popen always use a shell; a computed command string can carry extra commands.",
    remediation: "Use subprocess.run with an argument list.",
    message: "This shell command is computed at run time; use subprocess.run with an argument list.",
    needs: /os\.(system|popen)/,
    match: { rule: calls("os.system($X)", "os.popen($X $$$)"), constraints: { X: PY_NON_CONSTANT } },
    examples: { invalid: [{ code: "os.system('rm -rf ' + path)", lines: [1] }, { code: "os.popen(f'ping {host}')", lines: [1] }], valid: [{ code: "os.system('clear')" }] }
  }),
  defineRule({
    id: "py-eval-exec",
    language: py,
    severity: "high",
    cwe: 95,
    title: "eval/exec of a computed string",
    description: "eval and exec run any string as Python code.",
    remediation: "Use ast.literal_eval for literals or json.loads for data.",
    message: "eval/exec runs a string computed at run time; use ast.literal_eval or json.loads.",
    needs: /\b(eval|exec)\s*\(/,
    match: { rule: calls("eval($X $$$)", "exec($X $$$)"), constraints: { X: PY_NON_CONSTANT } },
    examples: { invalid: [{ code: "value = eval(request.args['expr'])", lines: [1] }], valid: [{ code: "value = ast.literal_eval(text)\neval('1 + 1')" }] }
  }),
  defineRule({
    id: "py-pickle-load",
    language: py,
    severity: "high",
    cwe: 502,
    title: "pickle/dill load of data",
    description: "Unpickling runs code chosen by whoever wrote the data.",
    remediation: "Exchange JSON (or another data-only format); never unpickle untrusted data.",
    message: "Unpickling executes code embedded in the data; use JSON for anything not fully trusted.",
    needs: /pickle|dill|shelve/,
    match: { rule: calls("pickle.load($$$)", "pickle.loads($$$)", "cPickle.load($$$)", "cPickle.loads($$$)", "dill.load($$$)", "dill.loads($$$)", "shelve.open($$$)", "pickle.Unpickler($$$)") },
    examples: { invalid: [{ code: "import pickle\nobj = pickle.loads(request.data)", lines: [2] }], valid: [{ code: "obj = json.loads(request.data)\npickle.dumps(obj)" }] }
  }),
  defineRule({
    id: "py-yaml-unsafe-load",
    language: py,
    severity: "high",
    cwe: 502,
    title: "yaml.load without SafeLoader",
    description: "PyYAML's full and unsafe loaders build arbitrary Python objects from tags in the document.",
    remediation: "Use yaml.safe_load (or Loader=yaml.SafeLoader).",
    message: "This YAML load can construct arbitrary Python objects; use yaml.safe_load.",
    needs: /yaml\./,
    match: {
      rule: {
        any: [
          { any: [{ pattern: "yaml.load($$$)" }, { pattern: "yaml.load_all($$$)" }], not: { has: { field: "arguments", has: { regex: "Safe|BaseLoader" } } } },
          { pattern: "yaml.unsafe_load($$$)" },
          { pattern: "yaml.full_load($$$)" }
        ]
      }
    },
    examples: {
      invalid: [{ code: "cfg = yaml.load(stream)", lines: [1] }, { code: "cfg = yaml.load(stream, Loader=yaml.Loader)", lines: [1] }, { code: "cfg = yaml.unsafe_load(stream)", lines: [1] }],
      valid: [{ code: "cfg = yaml.safe_load(stream)\ncfg = yaml.load(stream, Loader=yaml.SafeLoader)" }]
    }
  }),
  defineRule({
    id: "py-marshal-load",
    language: py,
    severity: "medium",
    cwe: 502,
    title: "marshal.load of data",
    description: "marshal is not safe against malformed or malicious data.",
    remediation: "Use JSON for data exchange.",
    message: "marshal is unsafe for untrusted data; use JSON.",
    needs: /marshal\./,
    match: { rule: calls("marshal.load($$$)", "marshal.loads($$$)") },
    examples: { invalid: [{ code: "code = marshal.loads(blob)", lines: [1] }], valid: [{ code: "blob = marshal.dumps(code)" }] }
  }),
  defineRule({
    id: "py-tls-verify-false",
    language: py,
    severity: "high",
    cwe: 295,
    title: "HTTP request with verify=False",
    description: "verify=False accepts any certificate, so the connection can be intercepted.",
    remediation: "Remove verify=False; pass verify='/path/to/ca.pem' for a private CA.",
    message: "verify=False turns off certificate checks; remove it or point verify at your CA bundle.",
    needs: /verify\s*=\s*False/,
    match: { rule: { kind: "call", has: { field: "function", regex: "(?i)^(requests|httpx|session|sess|s|client|http|self\\.session|self\\.client)\\b|^(get|post|put|patch|delete|request|Client|AsyncClient)$" }, ...kwarg("verify", "False") } },
    examples: {
      invalid: [{ code: "r = requests.get(url, verify=False)", lines: [1] }, { code: "client = httpx.Client(verify=False)", lines: [1] }],
      valid: [{ code: "r = requests.get(url, verify='/etc/ssl/ca.pem')\nr = requests.get(url)" }]
    }
  }),
  defineRule({
    id: "py-ssl-no-verify",
    language: py,
    severity: "high",
    cwe: 295,
    title: "SSL context without certificate checks",
    description: "An unverified context, CERT_NONE or check_hostname=False lets anyone on the path impersonate the server.",
    remediation: "Use ssl.create_default_context() and keep its checks on.",
    message: "This SSL context does not verify certificates; use ssl.create_default_context() unchanged.",
    needs: /_create_unverified_context|CERT_NONE|check_hostname/,
    match: {
      rule: {
        any: [
          { pattern: "ssl._create_unverified_context($$$)" },
          { pattern: "$C.verify_mode = ssl.CERT_NONE" },
          { pattern: "$C.check_hostname = False" },
          { kind: "call", ...kwarg("cert_reqs", `ssl\\.CERT_NONE|CERT_NONE|['"]CERT_NONE['"]`) }
        ]
      }
    },
    examples: {
      invalid: [{ code: "ctx = ssl._create_unverified_context()", lines: [1] }, { code: "ctx = ssl.create_default_context()\nctx.check_hostname = False\nctx.verify_mode = ssl.CERT_NONE", lines: [2, 3] }],
      valid: [{ code: "ctx = ssl.create_default_context()" }]
    }
  }),
  defineRule({
    id: "py-sql-string-building",
    language: py,
    severity: "high",
    cwe: 89,
    title: "SQL built with f-strings, % or +",
    description: "Values formatted into SQL can change the statement (SQL injection).",
    remediation: "Pass values as parameters: cursor.execute('... WHERE id = %s', (id,)).",
    message: "This SQL is formatted from values; pass them as query parameters instead.",
    needs: /\.(execute|executemany|executescript|raw|mogrify)\s*\(/,
    match: { rule: { pattern: "$C.$M($Q $$$)" }, constraints: { M: { regex: "^(execute|executemany|executescript|raw|mogrify|read_sql|text)$" }, Q: { all: [PY_BUILT_STRING, { regex: SQL_RE }] } } },
    examples: {
      invalid: [{ code: `cursor.execute(f"SELECT * FROM users WHERE name = '{name}'")`, lines: [1] }, { code: 'cur.execute("DELETE FROM t WHERE id = %s" % tid)', lines: [1] }],
      valid: [{ code: 'cursor.execute("SELECT * FROM users WHERE name = %s", (name,))' }]
    }
  }),
  defineRule({
    id: "py-weak-hash",
    language: py,
    severity: "medium",
    cwe: 328,
    title: "Weak hash algorithm (MD5/SHA-1)",
    description: "MD5 and SHA-1 have practical collisions and must not be used for security.",
    remediation: "Use hashlib.sha256; pass usedforsecurity=False where the hash is not a security control.",
    message: "MD5/SHA-1 are broken for security use; use sha256, or mark non-security use with usedforsecurity=False.",
    needs: /hashlib\./,
    match: {
      rule: {
        any: [{ pattern: "hashlib.md5($$$)" }, { pattern: "hashlib.sha1($$$)" }, { pattern: "hashlib.new($A $$$)", has: { field: "arguments", has: { kind: "string", regex: `(?i)^['"](md5|sha1|md4)['"]$` } } }],
        not: { has: { field: "arguments", has: { kind: "keyword_argument", regex: "^usedforsecurity\\s*=\\s*False$" } } }
      }
    },
    examples: {
      invalid: [{ code: "digest = hashlib.md5(password.encode()).hexdigest()", lines: [1] }, { code: "h = hashlib.new('sha1')", lines: [1] }],
      valid: [{ code: "digest = hashlib.sha256(data).hexdigest()\netag = hashlib.md5(body, usedforsecurity=False).hexdigest()" }]
    }
  }),
  defineRule({
    id: "py-random-secret",
    language: py,
    severity: "medium",
    cwe: 338,
    title: "random module used for a secret value",
    description: "The random module is predictable; tokens and passwords derived from it can be guessed.",
    remediation: "Use the secrets module (secrets.token_urlsafe, secrets.choice).",
    message: "random is predictable and must not make tokens or passwords; use the secrets module.",
    needs: /random\./,
    match: {
      rule: {
        pattern: "random.$F($$$)",
        inside: { stopBy: "end", any: [{ kind: "assignment", has: { field: "left", regex: SECRET_NAME_RE } }, { kind: "function_definition", has: { field: "name", regex: SECRET_NAME_RE } }] }
      }
    },
    examples: {
      invalid: [{ code: "reset_token = ''.join(random.choice(ALPHABET) for _ in range(32))", lines: [1] }, { code: "def make_password():\n    return str(random.randint(0, 10**8))", lines: [2] }],
      valid: [{ code: "delay = random.uniform(0, 1)\ntoken = secrets.token_urlsafe(32)" }]
    }
  }),
  defineRule({
    id: "py-jwt-hardcoded-secret",
    language: py,
    severity: "high",
    cwe: 798,
    title: "Hard-coded JWT secret",
    description: "A signing key in the source lets anyone who reads it mint valid tokens.",
    remediation: "Read the key from the environment or a secret manager and rotate the one in the code.",
    message: "The JWT key is written in the source; load it from the environment and rotate it.",
    needs: /jwt\./,
    match: { rule: calls("jwt.encode($P, $S $$$)", "jwt.decode($T, $S $$$)"), constraints: { S: PY_LITERAL } },
    examples: { invalid: [{ code: "token = jwt.encode({'sub': uid}, 'changeme', algorithm='HS256')", lines: [1] }], valid: [{ code: "token = jwt.encode({'sub': uid}, os.environ['JWT_KEY'], algorithm='HS256')" }] }
  }),
  defineRule({
    id: "py-jwt-no-verify",
    language: py,
    severity: "high",
    cwe: 347,
    title: "JWT decoded without signature check",
    description: "Turning signature verification off accepts forged tokens.",
    remediation: "Verify the signature and list the allowed algorithms.",
    message: "This JWT is decoded without checking its signature; verify it with the key and algorithms.",
    needs: /verify/,
    match: { rule: { pattern: "jwt.decode($$$)", has: { field: "arguments", has: { stopBy: "end", regex: `verify_signature['"]\\s*:\\s*False|^verify\\s*=\\s*False$` } } } },
    examples: { invalid: [{ code: "claims = jwt.decode(token, options={'verify_signature': False})", lines: [1] }], valid: [{ code: "claims = jwt.decode(token, key, algorithms=['RS256'])" }] }
  }),
  defineRule({
    id: "py-flask-debug",
    language: py,
    severity: "medium",
    cwe: 489,
    title: "Flask debug mode on",
    description: "The Werkzeug debugger lets anyone who reaches it run Python code on the server.",
    remediation: "Turn debug off outside local development (FLASK_DEBUG in the environment).",
    message: "debug=True exposes the interactive debugger; keep it off outside local development.",
    needs: /debug\s*=\s*True/,
    match: { rule: { pattern: "$APP.run($$$)", ...kwarg("debug", "True") } },
    examples: { invalid: [{ code: "app.run(host='0.0.0.0', debug=True)", lines: [1] }], valid: [{ code: "app.run(host='127.0.0.1')" }] }
  }),
  defineRule({
    id: "py-mktemp",
    language: py,
    severity: "medium",
    cwe: 377,
    title: "tempfile.mktemp",
    description: "mktemp returns a name another process can create first (race condition).",
    remediation: "Use tempfile.mkstemp or NamedTemporaryFile.",
    message: "tempfile.mktemp is racy; use mkstemp or NamedTemporaryFile.",
    needs: /mktemp/,
    match: { rule: calls("tempfile.mktemp($$$)", "mktemp($$$)") },
    examples: { invalid: [{ code: "path = tempfile.mktemp(suffix='.txt')", lines: [1] }], valid: [{ code: "fd, path = tempfile.mkstemp(suffix='.txt')" }] }
  }),
  defineRule({
    id: "py-open-redirect",
    language: py,
    severity: "medium",
    cwe: 601,
    title: "Redirect to a URL from the request",
    description: "Redirecting to a URL from the request enables phishing from your domain.",
    remediation: "Redirect only to relative paths or allow-listed hosts (url_has_allowed_host_and_scheme).",
    message: "The redirect target comes from the request; allow only relative paths or known hosts.",
    needs: /redirect/i,
    match: { rule: calls("redirect($X $$$)", "HttpResponseRedirect($X $$$)", "RedirectResponse($X $$$)"), constraints: { X: { regex: "request\\.(args|form|values|GET|POST|query_params)" } } },
    examples: { invalid: [{ code: "return redirect(request.args.get('next'))", lines: [1] }], valid: [{ code: "return redirect(url_for('index'))" }] }
  }),
  defineRule({
    id: "py-tar-extractall",
    language: py,
    severity: "medium",
    cwe: 22,
    title: "tarfile extractall without a filter",
    description: "Archive members with ../ or absolute names are written outside the target folder (tar slip).",
    remediation: "Pass filter='data' (Python 3.12+, backported to 3.8.17+), or check each member's path.",
    message: "extractall without filter= can write outside the target folder; pass filter='data'.",
    needs: /extractall/,
    match: { rule: { pattern: "$T.extractall($$$)", not: { has: { field: "arguments", has: { kind: "keyword_argument", regex: "^filter\\s*=" } } } } },
    examples: { invalid: [{ code: "with tarfile.open(p) as t:\n    t.extractall(dest)", lines: [2] }], valid: [{ code: "with tarfile.open(p) as t:\n    t.extractall(dest, filter='data')" }] }
  }),
  defineRule({
    id: "py-xml-entities",
    language: py,
    severity: "high",
    cwe: 611,
    title: "lxml parser resolving entities",
    description: "resolve_entities=True (or no_network=False) lets a document read local files or internal URLs (XXE).",
    remediation: "Use defusedxml, or XMLParser(resolve_entities=False, no_network=True).",
    message: "This XML parser resolves entities, which allows XXE; set resolve_entities=False or use defusedxml.",
    needs: /resolve_entities|no_network/,
    match: { rule: { kind: "call", any: [kwarg("resolve_entities", "True"), kwarg("no_network", "False")] } },
    examples: { invalid: [{ code: "parser = etree.XMLParser(resolve_entities=True)", lines: [1] }], valid: [{ code: "parser = etree.XMLParser(resolve_entities=False)" }] }
  })
];

// src/scanners/ast-sast/index.ts
var RULES = [...javascriptRules, ...pythonRules];
var MAX_FILE_BYTES = 1024 * 1024;
var EXTENSIONS = {
  js: { lang: Lang.JavaScript, family: "js" },
  mjs: { lang: Lang.JavaScript, family: "js" },
  cjs: { lang: Lang.JavaScript, family: "js" },
  jsx: { lang: Lang.JavaScript, family: "js" },
  ts: { lang: Lang.TypeScript, family: "js" },
  mts: { lang: Lang.TypeScript, family: "js" },
  cts: { lang: Lang.TypeScript, family: "js" },
  tsx: { lang: Lang.Tsx, family: "js" },
  py: { lang: "python", family: "py" }
};
var python;
function pythonSupport() {
  if (!python) {
    try {
      const require2 = createRequire(import.meta.url);
      const grammar = require2("@ast-grep/lang-python");
      registerDynamicLanguage({ python: grammar });
      python = { ok: true };
    } catch (error) {
      python = { ok: false, reason: `Python rules are off: @ast-grep/lang-python could not be loaded (${errorMessage(error)})` };
    }
  }
  return python;
}
function languageOf(path) {
  const dot = path.lastIndexOf(".");
  return dot < 0 ? void 0 : EXTENSIONS[path.slice(dot + 1).toLowerCase()];
}
function scanText(path, text, rules = RULES) {
  const language = languageOf(path);
  if (!language) return [];
  if (language.family === "py" && !pythonSupport().ok) return [];
  const applicable = rules.filter((r) => r.language === language.family && (!r.needs || r.needs.test(text)));
  if (applicable.length === 0) return [];
  const root = parse(language.lang, text).root();
  const out = [];
  for (const rule of applicable) {
    const seen = /* @__PURE__ */ new Set();
    let nodes;
    try {
      nodes = root.findAll({ ...rule.match });
    } catch (error) {
      if (/Kind `[^`]+` is invalid/.test(errorMessage(error))) continue;
      throw new Error(`rule ${rule.id}: ${errorMessage(error)}`, { cause: error });
    }
    for (const node of nodes) {
      const range = node.range();
      const at = `${range.start.line}:${range.start.column}`;
      if (seen.has(at)) continue;
      seen.add(at);
      out.push({
        rule,
        line: range.start.line + 1,
        column: range.start.column + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.column + 1,
        text: normalizeLineText(node.text()).slice(0, 400)
      });
    }
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column || a.rule.id.localeCompare(b.rule.id));
}
function matchesToFindings(path, matches, gate = "sast") {
  const seen = /* @__PURE__ */ new Map();
  return matches.map((m) => {
    const group = `${m.rule.id}\0${m.text}`;
    const n = seen.get(group) ?? 0;
    seen.set(group, n + 1);
    const cwe = m.rule.tags?.find((t) => t.startsWith("CWE-"));
    return makeFinding({
      ruleId: m.rule.id,
      gate,
      severity: m.rule.severity,
      message: m.rule.message,
      location: { path, startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
      key: `${m.text}#${n}`,
      ...m.rule.helpUri ? { helpUri: m.rule.helpUri } : {},
      properties: { engine: "ast-grep", language: m.rule.language, ...cwe ? { cwe } : {} }
    });
  });
}
async function scanFiles(input, ctx) {
  const disabled = new Set(input.disabled ?? []);
  const rules = RULES.filter((r) => !disabled.has(r.id));
  const notes = [];
  const candidates = input.files.filter((f) => languageOf(f) !== void 0);
  if (candidates.some((f) => languageOf(f)?.family === "py")) {
    const py2 = pythonSupport();
    if (!py2.ok) notes.push(py2.reason);
  }
  const findings = [];
  let scanned = 0;
  let tooLarge = 0;
  for (const [i, path] of candidates.entries()) {
    if (ctx.signal.aborted) break;
    const full = join(ctx.root, path);
    try {
      if ((await stat(full)).size > MAX_FILE_BYTES) {
        tooLarge++;
        continue;
      }
      const text = await readFile(full, "utf8");
      findings.push(...matchesToFindings(path, scanText(path, text, rules), input.gate ?? "sast"));
      scanned++;
    } catch (error) {
      notes.push(`${path}: ${errorMessage(error)}`);
    }
    if (i % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
  }
  if (tooLarge > 0) notes.push(`${tooLarge} file(s) over 1 MiB skipped (minified or generated code)`);
  return { findings, metrics: { files: scanned, rules: rules.length }, notes };
}
var scanner = {
  id: "ast-sast",
  description: "built-in SAST rules for JavaScript, TypeScript and Python on ast-grep (no install needed)",
  scan: (input, ctx) => scanFiles(input, ctx)
};
export {
  RULES,
  languageOf,
  matchesToFindings,
  pythonSupport,
  scanFiles,
  scanText,
  scanner
};
