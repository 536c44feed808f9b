// Redaction end to end: known secrets planted in a real git repository (in the files and in a
// commit that later removed one), the whole pipeline run through run(), every reporter rendered,
// every log line and every byte written to stdout/stderr captured, and all of it searched for the
// raw values. Secrets may only appear as their first 4 characters and their length.
import { afterAll, describe, expect, it } from "@jest/globals";
import { run, type RunEvent } from "../../../src/core/run.js";
import type { ReporterOutput, RunReport } from "../../../src/core/types.js";
import { reporterRegistry } from "../../../src/reporters/index.js";
import { commitAll, gitRepo, removeDir, writeTree } from "../../helpers/tmp.js";
import { fake, randomChars } from "./fake.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

function texts(output: ReporterOutput): string[] {
  return typeof output === "string" ? [output] : Object.entries(output.files).flatMap(([name, body]) => [name, body]);
}

describe("redaction", () => {
  it("no reporter, log or console output contains a planted secret", async () => {
    const secrets = {
      github: fake.githubPat(101),
      awsId: fake.awsKeyId(102),
      awsSecret: fake.awsSecret(103),
      slack: fake.slackBot(104),
      stripe: fake.stripeLive(105),
      npm: fake.npm(106),
      dbPassword: randomChars(107, 20),
      generic: `${randomChars(108, 8)}#${randomChars(109, 8)}!`,
      historyOnly: fake.githubPat(110),
    };
    const keyBody = Array.from({ length: 6 }, (_, i) => randomChars(200 + i, 64, "b64")).join("\n");
    const root = gitRepo({ "README.md": "# demo\n" }, "tollgate-redaction-");
    dirs.push(root);
    writeTree(root, { "old/leak.js": `module.exports = { token: "${secrets.historyOnly}" };\n` });
    commitAll(root, "leak");
    writeTree(root, {
      "old/leak.js": "module.exports = { token: process.env.TOKEN };\n",
      ".tollgate.yml": "version: 1\nextends: none\ngates:\n  secrets: { fail-on: low, history: true }\n",
      "src/config.ts": `export const github = "${secrets.github}";\nexport const stripe = "${secrets.stripe}";\n`,
      "deploy/.env": `AWS_ACCESS_KEY_ID=${secrets.awsId}\nAWS_SECRET_ACCESS_KEY=${secrets.awsSecret}\nSLACK_BOT_TOKEN=${secrets.slack}\n`,
      ".npmrc": `//registry.npmjs.org/:_authToken=${secrets.npm}\n`,
      "app/db.py": `DATABASE_URL = "postgres://app:${secrets.dbPassword}@db.internal:5432/app"\nadmin_password = "${secrets.generic}"\n`,
      "keys/id_rsa": `-----BEGIN RSA PRIVATE KEY-----\n${keyBody}\n-----END RSA PRIVATE KEY-----\n`,
    });
    commitAll(root, "app");

    const captured: string[] = [];
    const events: RunEvent[] = [];
    const origOut = process.stdout.write.bind(process.stdout);
    const origErr = process.stderr.write.bind(process.stderr);
    const grab = (chunk: unknown): boolean => {
      captured.push(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"));
      return true;
    };
    process.stdout.write = grab as typeof process.stdout.write;
    process.stderr.write = grab as typeof process.stderr.write;
    let report: RunReport;
    try {
      report = await run({ cwd: root, env: { PATH: process.env.PATH, HOME: process.env.HOME }, onEvent: (e) => events.push(e) });
    } finally {
      process.stdout.write = origOut;
      process.stderr.write = origErr;
    }

    const secretsGate = report.gates.find((g) => g.gate === "secrets");
    expect(secretsGate?.status).toBe("failed");
    const found = new Set(secretsGate?.findings.map((f) => f.ruleId));
    // The test only means something if the pipeline really found what was planted.
    for (const id of ["github-pat-classic", "stripe-secret-key", "aws-access-key-id", "aws-secret-access-key", "slack-bot-token", "npm-access-token", "database-connection-string", "generic-password", "private-key-rsa"]) {
      expect(found).toContain(`secrets/${id}`);
    }
    expect(secretsGate?.findings.some((f) => f.properties?.commit !== undefined && f.location?.path === "old/leak.js")).toBe(true);

    const outputs: string[] = [JSON.stringify(report), ...captured, ...events.map((e) => JSON.stringify(e))];
    const ids = Object.keys(reporterRegistry);
    expect(ids).toEqual(expect.arrayContaining(["sarif", "junit", "console", "json", "markdown", "html", "gitlab"]));
    for (const id of ids) {
      const reporter = await (reporterRegistry[id] as () => Promise<{ render: (r: RunReport) => ReporterOutput }>)();
      outputs.push(...texts(reporter.render(report)));
    }
    const everything = outputs.join("\n");
    expect(everything.length).toBeGreaterThan(1000);

    const leaks: string[] = [];
    const values = [...Object.entries(secrets), ["privateKey", keyBody] as const];
    for (const [name, value] of values) {
      // The whole value, what follows its first 4 characters, and every 12-character piece of it.
      const probes = new Set([value, value.slice(4)]);
      for (let i = 4; i + 12 <= value.length; i += 4) probes.add(value.slice(i, i + 12));
      for (const probe of probes) if (!probe.includes("\n") && everything.includes(probe)) leaks.push(`${name}: ${probe.slice(0, 4)}…`);
    }
    expect(leaks).toEqual([]);
    // What may appear: the redacted form.
    expect(everything).toContain(`${secrets.github.slice(0, 4)}…(${secrets.github.length} chars)`);
  }, 120_000);
});

describe("suppressions on secret findings", () => {
  it("an inline tollgate-ignore on the line above keeps the finding but marks it suppressed", async () => {
    const root = gitRepo(
      {
        ".tollgate.yml": "version: 1\nextends: none\ngates:\n  secrets: { fail-on: low }\n",
        "test/fixture.py": `# tollgate-ignore secrets/github-pat-classic: fake token for the parser test\nTOKEN = "${fake.githubPat(301)}"\nOTHER = "${fake.githubPat(302)}"\n`,
      },
      "tollgate-inline-",
    );
    dirs.push(root);
    const report = await run({ cwd: root, env: { PATH: process.env.PATH, HOME: process.env.HOME } });
    const findings = report.gates.find((g) => g.gate === "secrets")?.findings ?? [];
    expect(findings.map((f) => [f.location?.startLine, f.suppression?.kind])).toEqual([
      [2, "inline"],
      [3, undefined],
    ]);
  }, 60_000);
});
