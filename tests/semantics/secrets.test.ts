/**
 * The token-format table: every format's needles cover every match of its pattern (a pattern runs only
 * on a text that contains a needle), shown on a sample of each alternative of each pattern.
 */
import { describe, expect, it } from "vitest";
import { findSecretValues, isNonSecretValue, TOKEN_FORMATS } from "../../lib/semantics/secrets/secrets.js";

const A36 = "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
/** One token per alternative of each pattern (made-up values of the documented shapes). */
const SAMPLES: Readonly<Record<string, readonly string[]>> = {
  "aws-access-key-id": ["AKIAQWERTYUIOPASDFGH", "ASIAQWERTYUIOPASDFGH", "ABIAQWERTYUIOPASDFGH", "ACCAQWERTYUIOPASDFGH"],
  "github-token": ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"].map((prefix) => prefix + A36).concat([`github_pat_${"a".repeat(82)}`]),
  "gitlab-token": ["pat", "dt", "rt", "ptt", "cbt", "ft", "imt", "agent", "oas", "soat"].map((kind) => `gl${kind}-abcdefghij0123456789xyz`),
  "slack-token": ["a", "b", "p", "o", "s", "r"].map((kind) => `xox${kind}-1234567890-abc`),
  "slack-webhook": ["https://hooks.slack.com/services/T0ABC/B0DEF/abcDEF123"],
  "stripe-key": ["sk_live_abcdefghij0123456789", "rk_live_abcdefghij0123456789"],
  "google-api-key": [`AIza${"b".repeat(35)}`],
  "npm-token": [`npm_${A36}`],
  "private-key": ["-----BEGIN PRIVATE KEY-----", "-----BEGIN RSA PRIVATE KEY-----", "-----BEGIN OPENSSH PRIVATE KEY-----", "-----BEGIN PGP PRIVATE KEY BLOCK-----"],
};

describe("TOKEN_FORMATS", () => {
  it("has samples for every format", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(TOKEN_FORMATS.map((format) => format.id).sort());
  });

  for (const format of TOKEN_FORMATS) {
    it(`${format.id}: each sample matches, contains a needle, and is found in running text`, () => {
      for (const sample of SAMPLES[format.id] ?? []) {
        format.pattern.lastIndex = 0;
        expect(format.pattern.test(sample), sample).toBe(true);
        expect(format.needles.some((needle) => sample.includes(needle)), sample).toBe(true);
        const text = `RUN echo ${sample} > /tmp/x\n`;
        expect(findSecretValues(text).map((match) => text.slice(...match.range))).toContain(sample);
      }
    });
  }

  it("finds nothing in text without any needle, whatever the patterns would say", () => {
    expect(findSecretValues("RUN curl -fsSL https://example.com/install.sh | sh\n")).toEqual([]);
  });

  it("still finds a URL password, and skips placeholders", () => {
    const text = "ENV DATABASE_URL=postgres://app:s3cr3tpw@db:5432/app\nENV OTHER=postgres://app:${PASSWORD}@db/app\n";
    expect(findSecretValues(text).map((match) => text.slice(...match.range))).toEqual(["s3cr3tpw"]);
  });
});

describe("isNonSecretValue", () => {
  it.each([
    // An …_AUTH variable naming an authentication method selects it; it holds no credential.
    ["REGISTRY_AUTH", "htpasswd", true],
    ["REGISTRY_AUTH", "token", true],
    ["REGISTRY_AUTH", "silly", true],
    ["PROXY_AUTH", "Basic", true],
    ["SMTP_AUTH", "plain", true],
    ["SMTP_AUTH", "CRAM-MD5", true],
    ["POSTGRES_HOST_AUTH", "scram-sha-256", true],
    ["LDAP_AUTH", "none", true],
    ["GRAFANA_AUTH", "oauth", true],
    // A credential in an …_AUTH variable, and a method name in a variable that is not …_AUTH.
    ["REDIS_AUTH", "s3cr3t-v4lue", false],
    ["NPM_AUTH", "dXNlcjpwYXNz", false],
    ["DB_PASSWORD", "htpasswd", false],
    ["API_TOKEN", "bearer", false],
    ["ADMIN_PASS", "basic", false],
  ] as const)("%s=%s", (name, value, expected) => {
    expect(isNonSecretValue(value, name)).toBe(expected);
  });

  it("keeps the switches and placeholders whatever the name", () => {
    for (const value of ["", "no", "false", "none", "changeme", "<your-token>", "***"]) expect(isNonSecretValue(value)).toBe(true);
    expect(isNonSecretValue("htpasswd")).toBe(false);
  });
});
