// Every rule's own examples: each positive is reported by that rule, each negative by no rule.
import { describe, expect, it } from "@jest/globals";
import { RULES, findSecretsInText } from "../../../src/scanners/secrets/index.js";

describe("secret rule catalogue", () => {
  it("has at least 150 rules with unique, well-formed ids and complete texts", () => {
    expect(RULES.length).toBeGreaterThanOrEqual(150);
    const ids = new Set<string>();
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^secrets\/[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(ids.has(rule.id)).toBe(false);
      ids.add(rule.id);
      expect(rule.title.length).toBeGreaterThan(3);
      expect(rule.description.length).toBeGreaterThan(20);
      expect(rule.remediation.length).toBeGreaterThan(20);
      expect(rule.keywords.length).toBeGreaterThan(0);
      expect(rule.examples.positive.length).toBeGreaterThan(0);
      expect(rule.examples.negative.length).toBeGreaterThan(0);
      expect(rule.pattern.flags).not.toMatch(/[gy]/);
    }
  });

  it("covers the providers the gate promises", () => {
    const providers = new Set(RULES.map((r) => r.provider.toLowerCase()));
    for (const p of ["aws", "google cloud", "azure", "github", "gitlab", "bitbucket", "slack", "discord", "telegram", "stripe", "square", "paypal", "twilio", "sendgrid", "mailgun", "mailchimp", "npm", "pypi", "rubygems", "nuget", "docker hub", "jfrog", "hashicorp vault", "hashicorp terraform cloud", "pulumi", "heroku", "digitalocean", "linode", "cloudflare", "fastly", "netlify", "vercel", "shopify", "atlassian", "okta", "auth0", "datadog", "new relic", "sentry", "grafana", "pagerduty", "openai", "anthropic", "hugging face", "databricks", "snowflake", "mongodb atlas", "private key", "json web token", "url", "database", "kubernetes", "generic"]) {
      expect([...providers]).toContain(p);
    }
  });
});

describe.each(RULES.map((r) => [r.id, r] as const))("%s", (_id, rule) => {
  it.each(rule.examples.positive.map((e, i) => [i, e] as const))("finds positive example %i", (_i, example) => {
    const hits = findSecretsInText(example);
    expect(hits.map((h) => h.ruleId)).toContain(rule.id);
    // The prefilter keyword must be present, or the rule could never have run.
    expect(rule.keywords.some((k) => (k === k.toLowerCase() ? example.toLowerCase().includes(k) : example.includes(k)))).toBe(true);
  });
  it.each(rule.examples.negative.map((e, i) => [i, e] as const))("reports nothing in negative example %i", (_i, example) => {
    expect(findSecretsInText(example).map((h) => `${h.ruleId} ${h.redacted}`)).toEqual([]);
  });
});
