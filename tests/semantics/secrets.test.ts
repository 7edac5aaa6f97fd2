/**
 * The token-format table: every format's needles cover every match of its pattern (a pattern runs only
 * on a text that contains a needle), shown on a sample of each alternative of each pattern.
 */
import { describe, expect, it } from "vitest";
import { findSecretValues, isNonSecretValue, isSecretName, TOKEN_FORMATS } from "../../lib/semantics/secrets/secrets.js";

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

describe("URL passwords: the same matches as one global search of the pattern", () => {
  // The pattern as it was before the search started from each `://` (findSecretValues's reference).
  const GLOBAL = /\b[a-z][a-z\d+.-]*:\/\/[^\s/:@'"`$]+:([^\s/@'"`]+)@[^\s'"`/@]+/giu;
  const reference = (text: string): string[] =>
    [...text.matchAll(GLOBAL)].filter((match) => !/^(?:[$%<]|\{\{|\*+$|x+$|\.\.\.)|^(?:password|passwd|pass|secret|changeme|pwd)$/iu.test(match[1]!)).map((match) => match[1]!);
  const found = (text: string): string[] => findSecretValues(text).map((match) => text.slice(...match.range));

  it.each([
    ["two URLs on a line", "RUN git clone https://u:pw1@a.example/x && curl ftp://v:pw2@b.example/y"],
    ["a scheme with + . - and digits", "ENV U=git+ssh://me:pw3@host/repo S3=s3.v2-x://k:pw4@bucket"],
    ["a scheme glued to punctuation", "RUN x=(svn://u:pw5@h) ;'http://u:pw6@h'"],
    ["a word before the scheme in the same run", "RUN echo foo.bar+http://u:pw7@h"],
    ["`://` without credentials, then one with", "RUN curl https://example.com/a://b && wget http://u:pw8@h/"],
    ["a host ending in `:` before `//`", "ENV A=x://u:pw9@h://y://z:pw10@k"],
    ["a URL with no scheme letter", "RUN echo 1://u:pw11@h +://u:pw12@h"],
    ["case-insensitive schemes, also the Kelvin sign and long s the `i` flag folds", "ENV A=HTTPS://U:PW13@H B=\u212Aſ://u:pw14@h"],
    ["an `@` in the password part", "RUN curl https://u:p@ss@h/ https://u@h:pw15@k"],
    ["a URL split by a line break", "RUN curl https://u:\npw16@h\nRUN curl http://u:pw17@h"],
    ["placeholders", "ENV A=http://u:${P}@h B=http://u:password@h C=http://u:***@h D=http://u:pw18@h"],
  ])("%s", (_name, text) => {
    expect(found(text)).toEqual(reference(text));
  });

  it("agrees with the global search on generated texts", () => {
    const pieces = ["http", "://", "u", ":", "pw", "@", "h", "/", " ", "\n", "a+b", ".", "-", "$x", "'", "git", "ſ", "K", "x", "@@", "::"];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % pieces.length;
    for (let round = 0; round < 3000; round++) {
      let text = "";
      for (let index = 0; index < 14; index++) text += pieces[next()];
      expect(found(text), text).toEqual(reference(text));
    }
  });
});

describe("isSecretName", () => {
  it.each([
    ["DB_PASSWORD", true],
    ["db-password", true],
    ["dbPassword", true],
    ["db.password", true],
    ["PGPASSWORD", true],
    ["API_KEY", true],
    ["apiKey", true],
    ["AWS_SECRET_ACCESS_KEY", true],
    ["SECRET_KEY_BASE", true],
    ["NPM_AUTH", true],
    ["oauth2Token", true],
    ["v2Secret", true],
    ["GPG_KEY", false],
    ["PASSWORD_FILE", false],
    ["ALLOW_EMPTY_PASSWORD", false],
    ["allowEmptyPassword", false],
    ["AUTH", false],
    ["", false],
    ["__", false],
    ["PASSWORD\u00e9", true],
    ["TOKEN\u00e9X", false],
  ] as const)("%s: %s", (name, expected) => {
    expect(isSecretName(name)).toBe(expected);
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
