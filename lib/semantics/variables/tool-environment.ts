/**
 * Environment variables that programs of a build read by name, without a `$NAME` in the RUN text: an
 * ARG of one of these names reaches the tools of every later RUN as an environment variable (Dockerfile
 * reference, "ARG": "ARG variables are available to RUN instructions as environment variables"), so
 * declaring it is using it. Names and prefixes, each with the documentation that says the tool reads it.
 * When a name is not known, `no-unused-arg` treats it as unread only if no later text names it.
 */

/** Exact names. */
const TOOL_ENVIRONMENT_NAMES: ReadonlySet<string> = new Set([
  // BuildKit's predefined proxy ARGs, read by apt, curl, wget, pip, npm… in both cases
  // (https://docs.docker.com/build/building/variables/#predefined-build-arguments).
  ...["HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY", "ALL_PROXY"].flatMap((name) => [name, name.toLowerCase()]),
  // Automatic platform ARGs: tonistiigi/xx's xx-apt-get, xx-go, xx-info, xx-cc read TARGETPLATFORM and
  // its parts from the environment (https://github.com/tonistiigi/xx#usage, `src/xx-info`).
  "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT", "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
  // Build args BuildKit itself reads (https://docs.docker.com/build/building/variables/#buildkit-built-in-build-args).
  "SOURCE_DATE_EPOCH",
  // debconf(7): the frontend apt's package scripts ask through.
  "DEBIAN_FRONTEND", "DEBCONF_NONINTERACTIVE_SEEN", "DEBIAN_PRIORITY",
  // npm's `.npmrc` expands `${NPM_TOKEN}` (https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration);
  // NODE_ENV decides what npm installs and how apps build (https://nodejs.org/en/learn/getting-started/nodejs-the-difference-between-development-and-production).
  "NPM_TOKEN", "NODE_AUTH_TOKEN", "NODE_ENV", "NODE_OPTIONS", "NODE_EXTRA_CA_CERTS",
  // CPython (https://docs.python.org/3/using/cmdline.html#environment-variables).
  "PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED", "PYTHONPATH", "PYTHONHASHSEED", "PYTHONOPTIMIZE",
  // Go (`go help environment`).
  "CGO_ENABLED", "CGO_CFLAGS", "CGO_CXXFLAGS", "CGO_LDFLAGS", "GOFLAGS", "GOOS", "GOARCH", "GOARM", "GOAMD64", "GO386",
  "GOPROXY", "GOPRIVATE", "GONOPROXY", "GONOSUMDB", "GOSUMDB", "GOINSECURE", "GOEXPERIMENT", "GOTOOLCHAIN", "GOPATH",
  "GOCACHE", "GOMODCACHE", "GOBIN", "GOWORK", "GODEBUG", "GOTELEMETRY",
  // Rust (https://doc.rust-lang.org/cargo/reference/environment-variables.html).
  "RUSTFLAGS", "RUSTC_WRAPPER",
  // JVM and its build tools.
  "JAVA_TOOL_OPTIONS", "MAVEN_OPTS", "MAVEN_CONFIG", "GRADLE_OPTS", "JAVA_OPTS",
  // make(1) and the C toolchain conventions (GNU make manual, "Implicit Variables").
  "CC", "CXX", "CFLAGS", "CXXFLAGS", "CPPFLAGS", "LDFLAGS", "MAKEFLAGS", "PKG_CONFIG_PATH", "AR", "LD",
  // Locale, time zone, TLS trust (locale(7), tzset(3), OpenSSL, requests, curl).
  "LANG", "LC_ALL", "LANGUAGE", "TZ", "SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE",
  // Generic CI switch many tools read (npm, yarn, pnpm, Gatsby, Next.js…).
  "CI", "HOME", "PATH", "TERM", "USER", "SHELL",
]);

/** Prefixes: every name starting with one is a setting of that tool. */
const TOOL_ENVIRONMENT_PREFIXES: readonly string[] = [
  // BuildKit frontend settings (BUILDKIT_INLINE_CACHE, BUILDKIT_SYNTAX, BUILDKIT_CONTEXT_KEEP_GIT_DIR…).
  "BUILDKIT_",
  // pip: every option as PIP_<OPTION> (https://pip.pypa.io/en/stable/topics/configuration/#environment-variables).
  "PIP_", "PIPENV_", "POETRY_", "UV_", "CONDA_", "MAMBA_",
  // npm: every config key as npm_config_<key> (https://docs.npmjs.com/cli/v10/using-npm/config#environment-variables); yarn, pnpm.
  "NPM_CONFIG_", "npm_config_", "YARN_", "PNPM_",
  // Cargo and rustup (https://doc.rust-lang.org/cargo/reference/environment-variables.html).
  "CARGO_", "RUSTUP_",
  // Bundler, RubyGems, Composer, .NET, NuGet, git.
  "BUNDLE_", "GEM_", "COMPOSER_", "DOTNET_", "NUGET_", "GIT_",
];

/** Whether tools of a RUN read `name` from the environment without the RUN naming it. */
export function isToolEnvironmentName(name: string): boolean {
  return TOOL_ENVIRONMENT_NAMES.has(name) || TOOL_ENVIRONMENT_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/**
 * Commands that read no environment variable by name beyond the ones POSIX and their manuals document
 * for them (locale, `TZ`, `HOME`, `PATH`, the proxy variables: all in {@link TOOL_ENVIRONMENT_NAMES}),
 * so a RUN made only of these cannot read an ARG it does not name. POSIX.1-2017, each utility's
 * "ENVIRONMENT VARIABLES" section; coreutils, shadow-utils and curl/wget manuals. Everything else
 * (interpreters, compilers, build tools, package managers whose maintainer scripts read what they like:
 * Wazuh's RPM reads `WAZUH_MANAGER`) may read any variable, and `awk` (`ENVIRON`), `find`/`xargs` (they
 * run other commands) and `env`/`printenv` (print them all) are left out on purpose.
 */
export const ENVIRONMENT_BLIND_COMMANDS: ReadonlySet<string> = new Set([
  "echo", "printf", "true", "false", "test", "[", "cd", "exit", "set", "export", "unset", "shift", "return", ":", "sleep", "umask",
  "mkdir", "rmdir", "rm", "cp", "mv", "ln", "chmod", "chown", "chgrp", "touch", "cat", "tee", "ls", "stat", "readlink", "realpath",
  "dirname", "basename", "install", "sed", "grep", "egrep", "fgrep", "cut", "tr", "sort", "uniq", "head", "tail", "wc",
  "tar", "gzip", "gunzip", "zcat", "unzip", "bzip2", "xz", "sha256sum", "sha512sum", "sha1sum", "md5sum", "base64",
  "curl", "wget", "useradd", "groupadd", "usermod", "groupmod", "adduser", "addgroup", "id", "whoami", "ldconfig",
]);
