// The tls gate's declarations: options, endpoint syntax, rule catalogue, verdict.
import { describe, expect, test } from "@jest/globals";
import { readFileSync } from "node:fs";
import { gate, parseEndpoint, rules } from "../../../src/gates/tls/index.js";
import { makeFinding } from "../../../src/core/finding.js";
import { parseGateOptions } from "../../helpers/gate-context.js";

describe("tls gate options", () => {
  test("defaults", () => {
    const options = parseGateOptions(gate, {});
    expect(options).toMatchObject({ certificates: [], endpoints: [], "min-days-left": 30, profile: "intermediate", "connect-timeout": "3s", "handshake-timeout": "5s", "endpoint-timeout": "30s", concurrency: 32 });
    expect(options["min-protocol"]).toBeUndefined();
  });

  test("endpoints: host:port strings, [IPv6]:port, objects with their own timeouts", () => {
    const options = parseGateOptions(gate, {
      endpoints: ["api.example.test:443", "[2001:db8::1]:8443", { endpoint: "mail.example.test:25", starttls: "smtp", servername: "mx.example.test", ca: "./ca/internal.pem", "handshake-timeout": "10s" }],
    });
    const [a, b, c] = options.endpoints.map((e) => parseEndpoint(e, options));
    expect(a).toMatchObject({ host: "api.example.test", port: 443, label: "api.example.test:443", connectTimeoutMs: 3000, handshakeTimeoutMs: 5000, totalTimeoutMs: 30000 });
    expect(b).toMatchObject({ host: "2001:db8::1", port: 8443 });
    expect(c).toMatchObject({ host: "mail.example.test", port: 25, starttls: "smtp", servername: "mx.example.test", ca: "ca/internal.pem", handshakeTimeoutMs: 10000 });
  });

  test("malformed endpoints, timeouts and protocols are policy errors", () => {
    expect(() => parseGateOptions(gate, { endpoints: ["api.example.test"] })).toThrow(/host:port/);
    expect(() => parseGateOptions(gate, { endpoints: [{ endpoint: "a:1", starttls: "imap" }] })).toThrow();
    expect(() => parseGateOptions(gate, { "connect-timeout": "soon" })).toThrow(/duration/);
    expect(() => parseGateOptions(gate, { "min-protocol": "SSLv3" })).toThrow();
    expect(() => parseGateOptions(gate, { profile: "paranoid" })).toThrow();
  });
});

describe("tls gate rules and verdict", () => {
  test("every rule is tls/*, unique, documented with a remediation and a help link", () => {
    const all = rules();
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    for (const r of all) {
      expect(r.id).toMatch(/^tls\/[a-z0-9-]+$/);
      expect(r.remediation).toBeTruthy();
      expect(r.helpUri).toContain(`#${r.id.slice(4)}`);
    }
  });

  test("the gate README documents every rule under the anchor its help link points to", () => {
    const readme = readFileSync(new URL("../../../src/gates/tls/README.md", import.meta.url), "utf8");
    for (const r of rules()) expect(readme).toContain(`id="${r.id.slice(4)}"`);
  });

  test("fail-on decides: a medium finding warns under high and fails under medium", () => {
    const finding = makeFinding({ ruleId: "tls/cert-expiring", gate: "tls", severity: "medium", message: "m", key: "k" });
    const scan = { findings: [finding], metrics: {} };
    expect(gate.evaluate(scan, parseGateOptions(gate, {})).status).toBe("warned");
    expect(gate.evaluate(scan, parseGateOptions(gate, { "fail-on": "medium" })).status).toBe("failed");
    expect(gate.evaluate({ findings: [], metrics: {} }, parseGateOptions(gate, {})).status).toBe("passed");
  });
});
