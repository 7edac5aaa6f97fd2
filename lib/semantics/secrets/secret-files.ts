/**
 * Files that hold secrets: dotenv files, private keys, credential stores, cloud credentials. One table
 * for two readers:
 * - by name alone (`secretFileKind`), for a COPY/ADD source that names the file (no-secret-file-copy);
 * - by name, then by content (`contextSecretKind`), for the files a build context holds
 *   (no-secret-in-context): a file whose name says "maybe" (`.npmrc`, `*.pem`) counts only when its text
 *   shows the secret (an auth token, a `PRIVATE KEY` block), and a few kinds are known by content only
 *   (a gcloud service-account key is any `*.json`; `.docker/config.json` may hold only a `credsStore`).
 */

export interface SecretFileKind {
  /** What the file is, for messages. */
  description: string;
  /**
   * Whether a file of this name (`base`, its lowercased `words` split at `-`, `_` and `.`, and the path as
   * written, `/` or `\`-separated) may be one.
   */
  test(base: string, words: readonly string[], path: string): boolean;
  /**
   * Whether the file's text holds the secret (a value, not a placeholder such as `${NPM_TOKEN}`); absent:
   * the name is enough (a binary key store). Asked only by readers that can read the file.
   */
  holdsSecret?: (text: string) => boolean;
  /** Known by content only: `secretFileKind` (name only) never answers it. */
  contentOnly?: boolean;
  source: string;
}

/** A `KEY=value` line with a value (a dotenv file with only comments or empty values holds nothing). */
const DOTENV_VALUE = /^[ \t]*(?:export[ \t]+)?[A-Za-z_][\w.-]*[ \t]*=[ \t]*[^\s#]/mu;
/** A PEM private key block (RFC 7468 section 10 and 11; OpenSSH's own format, PROTOCOL.key). */
const PEM_PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/u;
/**
 * An npm auth setting with a literal value (npm's `.npmrc` auth settings: `_authToken`, `_auth`,
 * `_password`, `username`+`_password`; `${NPM_TOKEN}` is substituted from the environment, no secret).
 */
const NPMRC_AUTH = /^[ \t]*(?:\/\/[^\s=]*:)?(?:_authToken|_auth|_password|password)[ \t]*=[ \t]*(?!["']?\$\{)[^\s#;]/mu;
/** Yarn Berry's `npmAuthToken`/`npmAuthIdent` with a literal value (`${NPM_TOKEN}` is read from the environment). */
const YARNRC_AUTH = /^[ \t]*(?:npmAuthToken|npmAuthIdent|npmPassword)[ \t]*:[ \t]*(?!["']?\$\{)["']?[^\s#"']/mu;
/** A `password` key of an INI file (`.pypirc`, `.my.cnf`). */
const INI_PASSWORD = /^[ \t]*password[ \t]*[=:][ \t]*\S/mu;

/** `.env` templates committed on purpose, holding no real values. */
const DOTENV_TEMPLATES: ReadonlySet<string> = new Set(["example", "sample", "template", "dist", "defaults", "default", "tpl", "schema"]);

/**
 * Words in a key or certificate file name that say it is public: certificates and CA bundles, public
 * keys, Diffie-Hellman parameters, package-signing keys.
 */
const PUBLIC_KEY_WORDS: ReadonlySet<string> = new Set([
  "cert",
  "certs",
  "certificate",
  "crt",
  "ca",
  "cacert",
  "chain",
  "fullchain",
  "bundle",
  "pub",
  "public",
  "root",
  "trust",
  "truststore",
  "dh",
  "dhparam",
  "dhparams",
  "gpg",
  "pgp",
  "asc",
  "signing",
  "release",
  "repo",
  "archive",
  "keyring",
]);

const SECRET_FILES: readonly SecretFileKind[] = [
  {
    description: "a dotenv file (.env)",
    test: (base) => base === ".env" || (base.startsWith(".env.") && !base.split(".").slice(2).some((word) => DOTENV_TEMPLATES.has(word.toLowerCase()))),
    holdsSecret: (text) => DOTENV_VALUE.test(text),
    source: "https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/#env-file",
  },
  {
    description: "an SSH private key",
    test: (base) => /^id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$/u.test(base),
    holdsSecret: (text) => PEM_PRIVATE_KEY.test(text),
    source: "https://man.openbsd.org/ssh-keygen.1#FILES",
  },
  {
    description: "a private key or key store",
    test: (base, words) => /\.(?:pem|key)$/iu.test(base) && !words.some((word) => PUBLIC_KEY_WORDS.has(word) || /^ffdhe\d+$/u.test(word)),
    // A `.pem` is as often a certificate: only a PRIVATE KEY block makes it a key (a DER `.key` stays unknown).
    holdsSecret: (text) => PEM_PRIVATE_KEY.test(text),
    source: "https://www.rfc-editor.org/rfc/rfc7468 (PEM)",
  },
  {
    description: "a private key or key store",
    test: (base, words) => /\.(?:p12|pfx|jks|keystore)$/iu.test(base) && !words.some((word) => PUBLIC_KEY_WORDS.has(word)),
    source: "https://www.rfc-editor.org/rfc/rfc7292 (PKCS #12); https://docs.oracle.com/en/java/javase/21/docs/specs/man/keytool.html",
  },
  {
    description: "a package registry credentials file",
    test: (base) => base === ".npmrc" || base === ".pypirc" || base === ".yarnrc.yml" || base === ".gem-credentials",
    holdsSecret: (text) => NPMRC_AUTH.test(text) || YARNRC_AUTH.test(text) || INI_PASSWORD.test(text) || /^:rubygems_api_key:[ \t]*\S/mu.test(text),
    source:
      "https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration; https://packaging.python.org/en/latest/specifications/pypirc/; https://yarnpkg.com/configuration/yarnrc#npmAuthToken; https://guides.rubygems.org/command-reference/#gem-push",
  },
  {
    description: "a credentials file",
    test: (base) => base === ".netrc" || base === ".git-credentials" || base === ".htpasswd" || base === ".dockercfg" || base === "credentials" || base === "credentials.json" || base === ".pgpass" || base === ".my.cnf",
    holdsSecret: (text) =>
      /\bpassword[ \t]+\S/u.test(text) || // .netrc
      /^[a-z][\w+.-]*:\/\/[^:/\s@]+:[^@\s]+@/mu.test(text) || // .git-credentials
      /^[^:#\s]+:\S{4,}/mu.test(text) || // .htpasswd, .pgpass (host:port:db:user:password)
      INI_PASSWORD.test(text) || // .my.cnf
      /^:rubygems_api_key:[ \t]*\S/mu.test(text) || // ~/.gem/credentials
      /aws_secret_access_key[ \t]*=[ \t]*\S|"(?:private_key|client_secret|refresh_token|auth)"[ \t]*:[ \t]*"[^"]/u.test(text), // AWS, OAuth/gcloud JSON, .dockercfg
    source:
      "https://everything.curl.dev/usingcurl/netrc; https://git-scm.com/docs/git-credential-store; https://www.postgresql.org/docs/current/libpq-pgpass.html; https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html; https://httpd.apache.org/docs/2.4/programs/htpasswd.html",
  },
  {
    description: "a Google Cloud service-account key",
    test: (base) => /\.json$/iu.test(base),
    holdsSecret: (text) => /"type"[ \t]*:[ \t]*"service_account"/u.test(text) && /"private_key"[ \t]*:[ \t]*"-----BEGIN/u.test(text),
    contentOnly: true,
    source: "https://cloud.google.com/iam/docs/keys-create-delete#creating (the key file's `type` and `private_key` fields)",
  },
  {
    description: "a Docker client config with registry credentials",
    test: (base, _words, path) => base === "config.json" && /(?:^|[/\\])\.docker[/\\]config\.json$/u.test(path),
    // `auths` entries with an `auth` (base64 user:password) or an `identitytoken`; a config with only `credsStore` holds none.
    holdsSecret: (text) => /"(?:auth|identitytoken)"[ \t]*:[ \t]*"[^"]/u.test(text),
    contentOnly: true,
    source: "https://docs.docker.com/reference/cli/docker/login/#credential-stores",
  },
];

/** The words of a file name: lowercased, split at `-`, `_` and `.`. */
function wordsOf(base: string): string[] {
  return base.toLowerCase().split(/[-_.]+/u).filter((word) => word !== "");
}

/**
 * The kind of secret a file of a build context is, judged by name and then, when the kind says a
 * name is not enough, by `read()` (the file's text, or null when it cannot or should not be read:
 * then the file is not judged one). `relativePath` is `/`-separated, relative to the context.
 */
export function contextSecretKind(relativePath: string, read: () => string | null): SecretFileKind | null {
  const base = relativePath.split("/").at(-1) ?? "";
  if (base === "") return null;
  const words = wordsOf(base);
  for (const kind of SECRET_FILES) {
    if (!kind.test(base, words, relativePath)) continue;
    if (!kind.holdsSecret) return kind;
    const text = read();
    if (text !== null && kind.holdsSecret(text)) return kind;
    // One read answers every kind of this name (`credentials.json` is also tried as a service-account key).
  }
  return null;
}

/** The kind of secret file `path` (a COPY/ADD source, forward or back slashes) names, or null. */
export function secretFileKind(path: string): SecretFileKind | null {
  const base = path.replace(/[/\\]+$/u, "").split(/[/\\]/u).at(-1) ?? "";
  if (base === "" || base.includes("*") || base.includes("?")) {
    // A glob is judged by its literal extension: `*.pem` copies keys, `*` may copy anything (the .dockerignore's business).
    const extension = /\*(\.[A-Za-z\d]+)$/u.exec(base)?.[1];
    return extension ? (SECRET_FILES.find((kind) => !kind.contentOnly && kind.test(`x${extension}`, ["x"], `x${extension}`)) ?? null) : null;
  }
  return SECRET_FILES.find((kind) => !kind.contentOnly && kind.test(base, wordsOf(base), path)) ?? null;
}
