/**
 * File names that hold secrets, for COPY/ADD sources: dotenv files, private keys, credential stores.
 * Read by `secretFileKind` only.
 */

export interface SecretFileKind {
  /** What the file is, for messages. */
  description: string;
  test(base: string, words: readonly string[]): boolean;
  source: string;
}

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
    source: "https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/#env-file",
  },
  {
    description: "an SSH private key",
    test: (base) => /^id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$/u.test(base),
    source: "https://man.openbsd.org/ssh-keygen.1#FILES",
  },
  {
    description: "a private key or key store",
    test: (base, words) => /\.(?:pem|key|p12|pfx|jks|keystore)$/iu.test(base) && !words.some((word) => PUBLIC_KEY_WORDS.has(word) || /^ffdhe\d+$/u.test(word)),
    source: "https://www.rfc-editor.org/rfc/rfc7468 (PEM); https://www.rfc-editor.org/rfc/rfc7292 (PKCS #12)",
  },
  {
    description: "a package registry credentials file",
    test: (base) => base === ".npmrc" || base === ".pypirc" || base === ".yarnrc.yml" || base === ".gem-credentials",
    source: "https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration; https://packaging.python.org/en/latest/specifications/pypirc/",
  },
  {
    description: "a credentials file",
    test: (base) => base === ".netrc" || base === ".git-credentials" || base === ".htpasswd" || base === ".dockercfg" || base === "credentials" || base === "credentials.json" || base === ".pgpass" || base === ".my.cnf",
    source: "https://everything.curl.dev/usingcurl/netrc; https://git-scm.com/docs/git-credential-store; https://www.postgresql.org/docs/current/libpq-pgpass.html",
  },
];

/** The kind of secret file `path` (a COPY/ADD source, forward or back slashes) names, or null. */
export function secretFileKind(path: string): SecretFileKind | null {
  const base = path.replace(/[/\\]+$/u, "").split(/[/\\]/u).at(-1) ?? "";
  if (base === "" || base.includes("*") || base.includes("?")) {
    // A glob is judged by its literal extension: `*.pem` copies keys, `*` may copy anything (the .dockerignore's business).
    const extension = /\*(\.[A-Za-z\d]+)$/u.exec(base)?.[1];
    return extension ? (SECRET_FILES.find((kind) => kind.test(`x${extension}`, ["x"])) ?? null) : null;
  }
  const words = base.toLowerCase().split(/[-_.]+/u).filter((word) => word !== "");
  return SECRET_FILES.find((kind) => kind.test(base, words)) ?? null;
}
