/**
 * What a secret looks like: variable names that hold one (`DB_PASSWORD`, `GITHUB_TOKEN`, `apiKey`) as
 * opposed to their harmless relatives (`PASSWORD_FILE`, `TOKEN_EXPIRY`, `SECRET_NAME`,
 * `ALLOW_EMPTY_PASSWORD`), and values in a known token format. Tables are data, each with its source;
 * `isSecretName` and `findSecretValues` are the only readers.
 */

/** Name words that mean the variable holds a secret on their own. */
const SECRET_WORDS: ReadonlySet<string> = new Set([
  "password",
  "passwd",
  "pwd",
  "pword",
  "pass",
  "passphrase",
  "secret",
  "secrets",
  "token",
  "apikey",
  "credential",
  "credentials",
  "creds",
  "privatekey",
]);

/** Run-together names (`PGPASSWORD`, `ROOTPASSWORD`, `APITOKEN`, `ROOTPASS`, `DBPASS`) end with a secret word. */
const SECRET_SUFFIXES: readonly string[] = ["password", "passwd", "secret", "token", "pass"];

/**
 * Words that end in a secret suffix's letters without naming a secret (`BYPASS`, `COMPASS`): English
 * words ending in "pass"; signal-filter names (`lowpass`, `highpass`, `bandpass`, `allpass`: ffmpeg's
 * and SoX's audio filters); encoding passes (`twopass`, ffmpeg's two-pass encoding); and product
 * names (`minipass`, an npm package; `multipass`, Canonical's VM tool; `lastpass`, a password manager).
 */
const NOT_SECRET_WORDS: ReadonlySet<string> = new Set([
  "bypass", "compass", "encompass", "surpass", "trespass", "overpass", "underpass", "impass",
  "lowpass", "highpass", "bandpass", "allpass", "notchpass",
  "onepass", "singlepass", "twopass", "multipass", "firstpass", "secondpass",
  "minipass", "lastpass",
]);

/** Words that make `…_KEY` a secret (`API_KEY`, `PRIVATE_KEY`, `SSH_KEY`); `GPG_KEY` (a public fingerprint, in many official images) is not. */
const SECRET_KEY_QUALIFIERS: ReadonlySet<string> = new Set(["api", "private", "secret", "signing", "encryption", "master", "ssh", "license", "access", "client", "app", "service"]);

/**
 * Words after the secret word that still name the secret itself (`SECRET_KEY_BASE`, `API_TOKEN_VALUE`,
 * `PASSWORD_B64`). Any other last word names something about the secret (`PASSWORD_FILE`,
 * `TOKEN_EXPIRY`, `SECRET_NAME`, `…_SECRET_CLASS`, `…_CREDENTIALS_SOURCE`): where it is, or a
 * property of it. The `_FILE` convention is how the Docker Official Images read secrets from files
 * (https://docs.docker.com/compose/how-tos/use-secrets/).
 */
const TRAILING_MODIFIERS: ReadonlySet<string> = new Set(["base", "value", "b64", "base64", "encoded", "raw", "plain", "plaintext", "hex", "str", "string"]);

/** Words that make the variable a switch about secrets, not one (`ALLOW_EMPTY_PASSWORD`, `MYSQL_RANDOM_ROOT_PASSWORD`). */
const SWITCH_WORDS: ReadonlySet<string> = new Set(["allow", "empty", "random", "generate", "skip", "no", "use", "require", "disable", "enable", "rotate", "has"]);

/**
 * Splits `DB_PASSWORD`, `db-password`, `dbPassword`, `db.password` into lowercase words: ASCII letters
 * and digits, a new word at any other character and before a capital that follows a lowercase letter
 * or a digit. One pass over the characters: every ENV and ARG name of every file comes here (a chain
 * of `replace`, `split`, `filter` and `map` made four arrays or strings per name).
 */
function nameWords(name: string): string[] {
  const words: string[] = [];
  let start = -1;
  let previousLowerOrDigit = false;
  for (let index = 0; index < name.length; index++) {
    const code = name.charCodeAt(index);
    const upper = code >= 65 && code <= 90;
    const lowerOrDigit = (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
    if (!upper && !lowerOrDigit) {
      if (start !== -1) words.push(name.slice(start, index).toLowerCase());
      start = -1;
    } else if (start === -1) start = index;
    else if (upper && previousLowerOrDigit) {
      words.push(name.slice(start, index).toLowerCase());
      start = index;
    }
    previousLowerOrDigit = lowerOrDigit;
  }
  if (start !== -1) words.push(name.slice(start).toLowerCase());
  return words;
}

/**
 * Whether a variable (or compose environment key) named `name` holds a secret: its last word (after
 * {@link TRAILING_MODIFIERS}) is a secret word, a run-together one (`PGPASSWORD`), `KEY` after a
 * qualifier (`API_KEY`, `AWS_SECRET_ACCESS_KEY`), or `AUTH` after another word (`NPM_AUTH`), and no
 * word makes it a switch.
 */
export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  if (words.some((word) => SWITCH_WORDS.has(word))) return false;
  let end = words.length;
  while (end > 1 && TRAILING_MODIFIERS.has(words[end - 1]!)) end -= 1;
  const last = words[end - 1];
  if (last === undefined) return false;
  if (NOT_SECRET_WORDS.has(last)) return false;
  if (SECRET_WORDS.has(last) || SECRET_SUFFIXES.some((suffix) => last.endsWith(suffix))) return true;
  if (last === "key") return end >= 2 && SECRET_KEY_QUALIFIERS.has(words[end - 2]!);
  return last === "auth" && end >= 2;
}

/** A value that is a file path (`/run/secrets/db_password`): where a secret is, not the secret. */
export function isPathValue(value: string): boolean {
  return /^(?:\/|\.\/|~\/)[\w./@+-]*$/u.test(value.trim());
}

/**
 * Names of authentication methods, lower case: the value of an `…_AUTH` variable that selects how to
 * authenticate (`REGISTRY_AUTH=htpasswd`) rather than holding a credential (`NPM_AUTH=…`). Sources:
 * the Distribution (Docker registry) configuration reference, `auth` (`silly`, `token`, `htpasswd`);
 * IANA's HTTP Authentication Scheme Registry (`basic`, `bearer`, `digest`, `hoba`, `mutual`,
 * `negotiate`, `oauth`, `scram-sha-1`, `scram-sha-256`, `vapid`); PostgreSQL's pg_hba.conf methods
 * (`trust`, `reject`, `md5`, `password`, `gss`, `sspi`, `ident`, `peer`, `ldap`, `radius`, `cert`,
 * `pam`, `bsd`); IANA's SASL mechanisms (`plain`, `login`, `cram-md5`, `digest-md5`, `gssapi`,
 * `external`, `anonymous`, `oauthbearer`, `xoauth2`); and common single-sign-on protocols (`oidc`,
 * `saml`, `kerberos`, `ntlm`, `jwt`, `oauth2`, `mtls`, `tls`, `x509`).
 */
const AUTH_METHODS: ReadonlySet<string> = new Set([
  "htpasswd", "silly", "token",
  "basic", "bearer", "digest", "hoba", "mutual", "negotiate", "oauth", "scram-sha-1", "scram-sha-256", "vapid",
  "trust", "reject", "md5", "password", "gss", "sspi", "ident", "peer", "ldap", "radius", "cert", "pam", "bsd",
  "plain", "login", "cram-md5", "digest-md5", "gssapi", "external", "anonymous", "oauthbearer", "xoauth2",
  "oidc", "saml", "kerberos", "ntlm", "jwt", "oauth2", "mtls", "tls", "x509",
]);

/**
 * Values that are switches, "none", or placeholders that say a real value goes there, not secrets
 * (`ENV REDIS_PASSWORD=no`, `API_KEY: dummy`, `<your-token>`, `***`). With the variable's `name`, an
 * `…_AUTH` variable whose value names an authentication method (`REGISTRY_AUTH=htpasswd`,
 * `SMTP_AUTH=plain`) selects a method and holds no credential.
 */
export function isNonSecretValue(value: string, name?: string): boolean {
  const text = value.trim();
  if (/^(?:true|false|yes|no|on|off|0|1|none|null|nil|dummy|placeholder|change-?me|todo|redacted|x+|\*+|\.\.\.)?$/iu.test(text) || /^<[^<>]*>$/u.test(text)) return true;
  return name !== undefined && nameWords(name).at(-1) === "auth" && AUTH_METHODS.has(text.toLowerCase());
}

export interface TokenFormat {
  id: string;
  /** What it is, for messages ("a GitHub token"). */
  description: string;
  pattern: RegExp;
  /** Literal strings one of which every match contains: the pattern runs only on a text that has one (`indexOf` is far cheaper than a RegExp pass). */
  needles: readonly string[];
  source: string;
}

/** Known token formats. Patterns are anchored on word boundaries so they do not match inside longer identifiers. */
export const TOKEN_FORMATS: readonly TokenFormat[] = [
  {
    id: "aws-access-key-id",
    description: "an AWS access key ID",
    pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b/gu,
    needles: ["AKIA", "ASIA", "ABIA", "ACCA"],
    source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids",
  },
  {
    id: "github-token",
    description: "a GitHub token",
    pattern: /\b(?:gh[pousr]_[A-Za-z\d]{36}|github_pat_\w{82})\b/gu,
    needles: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"],
    source: "https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/",
  },
  {
    id: "gitlab-token",
    description: "a GitLab token",
    pattern: /\bgl(?:pat|dt|rt|ptt|cbt|ft|imt|agent|oas|soat)-[\w-]{20,}/gu,
    needles: ["glpat-", "gldt-", "glrt-", "glptt-", "glcbt-", "glft-", "glimt-", "glagent-", "gloas-", "glsoat-"],
    source: "https://docs.gitlab.com/security/tokens/#token-prefixes",
  },
  {
    id: "slack-token",
    description: "a Slack token",
    pattern: /\bxox[abposr]-[A-Za-z\d-]{10,}/gu,
    needles: ["xoxa-", "xoxb-", "xoxp-", "xoxo-", "xoxs-", "xoxr-"],
    source: "https://api.slack.com/concepts/token-types",
  },
  {
    id: "slack-webhook",
    description: "a Slack webhook URL",
    pattern: /https:\/\/hooks\.slack\.com\/services\/T[A-Z\d]+\/B[A-Z\d]+\/[A-Za-z\d]+/gu,
    needles: ["https://hooks.slack.com/services/"],
    source: "https://api.slack.com/messaging/webhooks",
  },
  {
    id: "stripe-key",
    description: "a Stripe live key",
    pattern: /\b(?:sk|rk)_live_[A-Za-z\d]{20,}/gu,
    needles: ["sk_live_", "rk_live_"],
    source: "https://docs.stripe.com/keys",
  },
  {
    id: "google-api-key",
    description: "a Google API key",
    pattern: /\bAIza[\w-]{35}\b/gu,
    needles: ["AIza"],
    source: "https://cloud.google.com/docs/authentication/api-keys",
  },
  {
    id: "npm-token",
    description: "an npm access token",
    pattern: /\bnpm_[A-Za-z\d]{36}\b/gu,
    needles: ["npm_"],
    source: "https://github.blog/changelog/2021-09-23-npm-has-a-new-access-token-format/",
  },
  {
    id: "private-key",
    description: "a private key",
    pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/gu,
    needles: ["-----BEGIN "],
    source: "https://www.rfc-editor.org/rfc/rfc7468#section-10",
  },
];

/** Any needle of any format, in one pattern (measured on the corpus Dockerfiles: half the time of one pass per format, a quarter of one `includes` per needle). */
const ANY_NEEDLE = new RegExp(TOKEN_FORMATS.flatMap((format) => format.needles.map((needle) => needle.replace(/[\\^$.*+?()[\]{}|/]/gu, "\\$&"))).join("|"), "u");

/**
 * `scheme://user:password@host`: the password part, when it is a literal (not `$VAR`, `${VAR}`, `%s`,
 * `<password>`, `{{…}}`, `***`). Sticky: `urlCredentials` tries it only where a scheme can start.
 */
const URL_CREDENTIALS = /\b[a-z][a-z\d+.-]*:\/\/[^\s/:@'"`$]+:([^\s/@'"`]+)@[^\s'"`/@]+/iuy;
/** A character of URL_CREDENTIALS's scheme (the same class and flags). */
const SCHEME_CHARACTER = /^[a-z\d+.-]$/iu;

/**
 * The matches of URL_CREDENTIALS in `text`, the same as a global search's, found from each `://`: a
 * scheme holds no `:`, so a match's `://` is the first after its start, and the match starts in the
 * run of scheme characters just before it. A global search tried the pattern at every word start of
 * the text (the costliest part of the secret scan of a whole Dockerfile).
 */
function* urlCredentials(text: string): Generator<RegExpExecArray> {
  let from = 0;
  for (let separator = text.indexOf("://"); separator !== -1; separator = text.indexOf("://", from)) {
    let runStart = separator;
    while (runStart > from && SCHEME_CHARACTER.test(text[runStart - 1]!)) runStart -= 1;
    let match: RegExpExecArray | null = null;
    for (let at = runStart; at < separator && match === null; at++) {
      URL_CREDENTIALS.lastIndex = at;
      match = URL_CREDENTIALS.exec(text);
    }
    if (match === null) {
      from = separator + 1;
      continue;
    }
    yield match;
    from = match.index + match[0].length;
  }
}
const PLACEHOLDER_PASSWORD = /^(?:[$%<]|\{\{|\*+$|x+$|\.\.\.)|^(?:password|passwd|pass|secret|changeme|pwd)$/iu;

export interface SecretMatch {
  /** `[start, end)` in the scanned text: the secret itself (the password of a URL), never more. */
  range: [number, number];
  description: string;
}

/**
 * Whether `text` may hold a secret `findSecretValues` finds (a needle of a token format, or a URL with
 * an `@`). False also for every text made from it by blanking parts out with spaces, so a caller can
 * skip preparing such a text (most Dockerfiles hold none).
 */
export function mayHoldSecretValues(text: string): boolean {
  return ANY_NEEDLE.test(text) || (text.includes("://") && text.includes("@"));
}

/**
 * Known-format secrets in `text` (UTF-16 offsets into it). AWS's documented example key
 * (`…EXAMPLE`) is skipped.
 */
export function findSecretValues(text: string): SecretMatch[] {
  const matches: SecretMatch[] = [];
  // One pass of all needles first (most texts hold none); `exec` on the shared global patterns, not
  // `matchAll` (which copies the RegExp on every call).
  const anyToken = ANY_NEEDLE.test(text);
  for (const format of anyToken ? TOKEN_FORMATS : []) {
    if (!format.needles.some((needle) => text.includes(needle))) continue;
    const pattern = format.pattern;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      if (match[0].endsWith("EXAMPLE")) continue;
      matches.push({ range: [match.index, match.index + match[0].length], description: format.description });
    }
  }
  // A URL with a password has both; most texts have neither.
  if (text.includes("://") && text.includes("@")) {
    for (const match of urlCredentials(text)) {
      const password = match[1]!;
      if (PLACEHOLDER_PASSWORD.test(password)) continue;
      const start = match.index + match[0].indexOf(`:${password}@`) + 1;
      matches.push({ range: [start, start + password.length], description: "a password in a URL" });
    }
  }
  return matches.sort((a, b) => a.range[0] - b.range[0]);
}
