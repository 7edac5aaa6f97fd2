/**
 * The switches that turn off TLS certificate or package signature verification in the tools a build
 * runs: environment variables, command-line options and `config set` commands, and lines of the
 * configuration files those tools read. One table, each row with its source; read by
 * `no-disabled-verification` (downloads that skip verification, `curl -k`, `wget
 * --no-check-certificate`, are `no-insecure-download`'s, through `lib/shell/http-clients.ts`).
 */

/** What a switch turns off, for messages. */
export type VerificationKind = "tls" | "signature";

/** An environment variable that turns verification off for the value(s) `disables` accepts. */
export interface EnvironmentSwitch {
  name: string;
  /** Whether this value (as the process sees it) turns verification off. */
  disables: (value: string) => boolean;
  tool: string;
  kind: VerificationKind;
  source: string;
}

const isFalse = (value: string): boolean => /^(?:false|0|no|off)$/iu.test(value.trim());
const isNonEmpty = (value: string): boolean => value.trim() !== "";

const ENVIRONMENT_SWITCHES: readonly EnvironmentSwitch[] = [
  {
    name: "NODE_TLS_REJECT_UNAUTHORIZED",
    disables: (value) => value === "0",
    tool: "Node.js",
    kind: "tls",
    source: "Node.js CLI documentation, NODE_TLS_REJECT_UNAUTHORIZED: \"If value equals '0', certificate validation is disabled for TLS connections\"",
  },
  { name: "PYTHONHTTPSVERIFY", disables: (value) => value === "0", tool: "Python", kind: "tls", source: "PEP 493: PYTHONHTTPSVERIFY=0 restores the unverified default of Python < 2.7.9" },
  {
    name: "GIT_SSL_NO_VERIFY",
    // git's http.c: `if (getenv("GIT_SSL_NO_VERIFY")) curl_ssl_verify = 0;` — any value, even "false" or empty.
    disables: () => true,
    tool: "git",
    kind: "tls",
    source: "git(1) ENVIRONMENT, GIT_SSL_NO_VERIFY; git http.c reads only whether it is set",
  },
  { name: "PIP_TRUSTED_HOST", disables: isNonEmpty, tool: "pip", kind: "tls", source: "pip user guide, Environment variables (PIP_<OPTION>) and `--trusted-host`" },
  { name: "NPM_CONFIG_STRICT_SSL", disables: isFalse, tool: "npm", kind: "tls", source: "npm config docs, strict-ssl; environment variables npm_config_<key> (case-insensitive)" },
  { name: "YARN_ENABLE_STRICT_SSL", disables: isFalse, tool: "Yarn", kind: "tls", source: "Yarn (berry) configuration, enableStrictSsl; YARN_<SETTING> environment variables" },
  { name: "BUNDLE_SSL_VERIFY_MODE", disables: (value) => value.trim() === "0", tool: "Bundler", kind: "tls", source: "bundle-config(1), ssl_verify_mode (BUNDLE_SSL_VERIFY_MODE); 0 is OpenSSL::SSL::VERIFY_NONE" },
  { name: "GOINSECURE", disables: isNonEmpty, tool: "Go", kind: "tls", source: "`go help environment`: GOINSECURE module path patterns fetched without HTTPS or certificate checks" },
  { name: "GOSUMDB", disables: (value) => value.trim() === "off", tool: "Go", kind: "signature", source: "`go help module-auth`: GOSUMDB=off turns off the checksum database" },
];

/** The environment switches by name (asked for every ENV, ARG and assignment of every file). */
const ENVIRONMENT_SWITCHES_BY_NAME: ReadonlyMap<string, EnvironmentSwitch> = new Map(ENVIRONMENT_SWITCHES.map((entry) => [entry.name, entry]));

/** Case-insensitive lookup (npm reads `npm_config_strict_ssl` too). */
export function environmentSwitch(name: string): EnvironmentSwitch | null {
  const entry = ENVIRONMENT_SWITCHES_BY_NAME.get(name.toUpperCase());
  return entry !== undefined && (entry.name.startsWith("NPM_CONFIG_") || entry.name === name) ? entry : null;
}

/**
 * A command-line option that turns verification off. `option` is matched as a whole word or as the
 * name part of `--option=value`; `value`, when given, must match the option's value (the next word, or
 * the part after `=`).
 */
export interface OptionSwitch {
  commands: readonly string[];
  option: string;
  value?: RegExp;
  /**
   * The sub-commands that fetch or install (the first word that is not an option): `apt-get purge
   * --force-yes` downloads nothing, `apk index --allow-untrusted` indexes local files. Absent: any.
   */
  subcommands?: ReadonlySet<string>;
  /**
   * Whether the switch is harmless when every operand is a local file (`apk add --allow-untrusted
   * /tmp/pkg.apk` built by an earlier stage, `rpm -i --nosignature ./x.rpm`): nothing crosses the
   * network, so nothing can be swapped on the way.
   */
  localFilesExempt?: boolean;
  kind: VerificationKind;
  source: string;
}

/** apt-get(8) commands that download packages or indexes. */
const APT_FETCHING = new Set(["install", "upgrade", "dist-upgrade", "full-upgrade", "build-dep", "source", "download", "update", "reinstall", "safe-upgrade"]);
/** apk(8) applets that fetch and install. */
const APK_FETCHING = new Set(["add", "fix", "upgrade", "fetch"]);
/** dnf(8)/yum(8) commands that download packages, and `config-manager`, whose `--setopt` persists into the repository files. */
const RPM_FETCHING = new Set(["config-manager", "install", "upgrade", "update", "reinstall", "downgrade", "groupinstall", "localinstall", "builddep", "download", "distro-sync", "makecache", "swap", "group"]);

const APT = ["apt-get", "apt", "aptitude"];
const RPM_FAMILY = ["yum", "dnf", "microdnf", "tdnf", "dnf5"];
const OCI_COPIERS = ["skopeo", "podman", "buildah"];

const OPTION_SWITCHES: readonly OptionSwitch[] = [
  { commands: APT, option: "--allow-unauthenticated", subcommands: APT_FETCHING, localFilesExempt: true, kind: "signature", source: "apt-get(8) --allow-unauthenticated" },
  { commands: APT, option: "--allow-insecure-repositories", subcommands: APT_FETCHING, kind: "signature", source: "apt-get(8) --allow-insecure-repositories, apt-secure(8)" },
  { commands: APT, option: "--force-yes", subcommands: APT_FETCHING, localFilesExempt: true, kind: "signature", source: "apt-get(8) --force-yes: \"may be used to ... install unauthenticated packages\" (deprecated)" },
  { commands: ["aptitude"], option: "--allow-untrusted", subcommands: APT_FETCHING, localFilesExempt: true, kind: "signature", source: "aptitude(8) --allow-untrusted" },
  {
    commands: APT,
    option: "-o",
    subcommands: APT_FETCHING,
    value: /^(?:APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|Acquire::AllowDowngradeToInsecureRepositories)\s*=\s*(?:true|1|yes)$|^Acquire::https?(?:::[^:=]+)?::Verify-(?:Peer|Host)\s*=\s*(?:false|0|no)$/iu,
    kind: "signature",
    source: "apt.conf(5): APT::Get::AllowUnauthenticated, Acquire::AllowInsecureRepositories, Acquire::https::Verify-Peer/Verify-Host",
  },
  { commands: ["apk"], option: "--allow-untrusted", subcommands: APK_FETCHING, localFilesExempt: true, kind: "signature", source: "apk(8) --allow-untrusted: install packages with untrusted signature or no signature" },
  { commands: RPM_FAMILY, option: "--nogpgcheck", subcommands: RPM_FETCHING, localFilesExempt: true, kind: "signature", source: "dnf(8) --nogpgcheck, yum(8) --nogpgcheck, microdnf --nogpgcheck" },
  {
    commands: RPM_FAMILY,
    option: "--setopt",
    subcommands: RPM_FETCHING,
    localFilesExempt: true,
    value: /^(?:[^=]*\.)?(?:repo_|localpkg_)?(?:gpgcheck|sslverify)\s*=\s*(?:0|false|no|off)$/iu,
    kind: "signature",
    source: "dnf.conf(5) gpgcheck, repo_gpgcheck, localpkg_gpgcheck, sslverify; set per command with --setopt",
  },
  { commands: ["zypper"], option: "--no-gpg-checks", kind: "signature", source: "zypper(8) --no-gpg-checks: ignore GPG check failures and continue" },
  { commands: ["rpm"], option: "--nosignature", localFilesExempt: true, kind: "signature", source: "rpm(8) --nosignature: don't verify package or header signatures" },
  { commands: ["rpm"], option: "--nodigest", localFilesExempt: true, kind: "signature", source: "rpm(8) --nodigest: don't verify package or header digests" },
  { commands: ["rpm"], option: "--noverify", localFilesExempt: true, kind: "signature", source: "rpm(8) --noverify (install: --nodigest --nosignature); Checkov CKV2_DOCKER_10" },
  { commands: ["rpm"], option: "--nofiledigest", localFilesExempt: true, kind: "signature", source: "rpm(8) --nofiledigest: don't verify per-file digests" },
  { commands: ["yum-config-manager"], option: "--setopt", value: /^(?:[^=]*\.)?(?:repo_)?(?:gpgcheck|sslverify)\s*=\s*(?:0|false|no|off)$/iu, kind: "signature", source: "yum-config-manager --setopt writes the setting into the repository configuration (yum-utils)" },
  { commands: ["pip", "pip3"], option: "--trusted-host", kind: "tls", source: "pip install --trusted-host: mark the host as trusted even without valid HTTPS" },
  { commands: ["npm", "pnpm", "yarn"], option: "--strict-ssl", value: /^(?:false|0)$/iu, kind: "tls", source: "npm config strict-ssl, given on the command line" },
  { commands: ["npm", "pnpm"], option: "--no-strict-ssl", kind: "tls", source: "npm config strict-ssl (the --no-<flag> form sets it false)" },
  { commands: ["helm"], option: "--insecure-skip-tls-verify", kind: "tls", source: "helm repo add / pull --insecure-skip-tls-verify" },
  { commands: OCI_COPIERS, option: "--tls-verify", value: /^false$/iu, kind: "tls", source: "skopeo(1), podman(1), buildah(1) --tls-verify=false" },
  { commands: ["skopeo"], option: "--src-tls-verify", value: /^false$/iu, kind: "tls", source: "skopeo-copy(1) --src-tls-verify=false" },
  { commands: ["skopeo"], option: "--dest-tls-verify", value: /^false$/iu, kind: "tls", source: "skopeo-copy(1) --dest-tls-verify=false" },
  { commands: ["git"], option: "-c", value: /^http(?:\..+)?\.sslverify\s*=\s*(?:false|0|no|off)$/iu, kind: "tls", source: "git-config(1) http.sslVerify, set per command with git -c" },
];

/** Option switches by command name, in table order (a RUN's every command looks itself up here). */
const OPTION_SWITCHES_BY_COMMAND: ReadonlyMap<string, readonly OptionSwitch[]> = groupBy(OPTION_SWITCHES.flatMap((entry) => entry.commands.map((command) => [command, entry] as const)));

/** The option switches of the command named `command` (`apt-get`), in table order; none for a command the table does not name. */
export function optionSwitchesOf(command: string): readonly OptionSwitch[] {
  return OPTION_SWITCHES_BY_COMMAND.get(command) ?? [];
}

function groupBy<T>(pairs: readonly (readonly [string, T])[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const [key, value] of pairs) {
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}

/**
 * A `config set` style command that turns verification off: the command, the words after it that select
 * the setting (matched case-insensitively, `=` joining key and value allowed), and the values that
 * disable it.
 */
export interface ConfigCommandSwitch {
  command: string;
  /** Sub-command words before the key (`config set`), alternatives per position. */
  verbs: readonly (readonly string[])[];
  /** The key, case-insensitive. */
  key: RegExp;
  disables: (value: string) => boolean;
  kind: VerificationKind;
  source: string;
}

const NPM_SET = [["config", "c"], ["set"]] as const;

const CONFIG_COMMAND_SWITCHES: readonly ConfigCommandSwitch[] = [
  { command: "npm", verbs: NPM_SET, key: /^strict-ssl$/iu, disables: isFalse, kind: "tls", source: "npm config set strict-ssl false" },
  { command: "npm", verbs: [["set"]], key: /^strict-ssl$/iu, disables: isFalse, kind: "tls", source: "npm set (alias of npm config set) strict-ssl false" },
  { command: "pnpm", verbs: NPM_SET, key: /^strict-ssl$/iu, disables: isFalse, kind: "tls", source: "pnpm config set strict-ssl false" },
  { command: "yarn", verbs: [["config"], ["set"]], key: /^(?:strict-ssl|enableStrictSsl)$/iu, disables: isFalse, kind: "tls", source: "yarn config set strict-ssl false (Yarn 1), enableStrictSsl false (Yarn 2+)" },
  { command: "git", verbs: [["config"]], key: /^http(?:\..+)?\.sslverify$/iu, disables: isFalse, kind: "tls", source: "git-config(1) http.sslVerify / http.<url>.sslVerify" },
  { command: "pip", verbs: [["config"], ["set"]], key: /^(?:global|install|download)\.trusted-host$/iu, disables: isNonEmpty, kind: "tls", source: "pip config set global.trusted-host" },
  { command: "pip3", verbs: [["config"], ["set"]], key: /^(?:global|install|download)\.trusted-host$/iu, disables: isNonEmpty, kind: "tls", source: "pip config set global.trusted-host" },
  { command: "composer", verbs: [["config"]], key: /^secure-http$/iu, disables: isFalse, kind: "tls", source: "Composer config secure-http false (allow plain HTTP)" },
  { command: "composer", verbs: [["config"]], key: /^disable-tls$/iu, disables: (value) => /^(?:true|1)$/iu.test(value), kind: "tls", source: "Composer config disable-tls true" },
  { command: "conda", verbs: [["config"]], key: /^ssl_verify$/iu, disables: isFalse, kind: "tls", source: "conda config --set ssl_verify false" },
];

const CONFIG_COMMAND_SWITCHES_BY_COMMAND: ReadonlyMap<string, readonly ConfigCommandSwitch[]> = groupBy(CONFIG_COMMAND_SWITCHES.map((entry) => [entry.command, entry] as const));

/** The `config set` switches of the command named `command` (`npm`), in table order. */
export function configCommandSwitchesOf(command: string): readonly ConfigCommandSwitch[] {
  return CONFIG_COMMAND_SWITCHES_BY_COMMAND.get(command) ?? [];
}

/** A line, written into a configuration file a tool reads, that turns verification off. */
export interface ConfigFileSwitch {
  /** Files the tool reads this from (path as the RUN names it, absolute or under `~`). */
  path: RegExp;
  line: RegExp;
  tool: string;
  kind: VerificationKind;
  source: string;
}

export const CONFIG_FILE_SWITCHES: readonly ConfigFileSwitch[] = [
  {
    path: /(?:^|\/)(?:yum\.repos\.d\/[^/]+\.repo|yum\.conf|dnf\/dnf\.conf|zypp\/repos\.d\/[^/]+\.repo)$/u,
    line: /^\s*(?:repo_|localpkg_|pkg_)?gpgcheck\s*=\s*(?:0|false|no|off)\s*$/imu,
    tool: "yum/dnf/zypper",
    kind: "signature",
    source: "dnf.conf(5) and yum.conf(5) gpgcheck=0; zypper repo files, repo_gpgcheck/pkg_gpgcheck",
  },
  { path: /(?:^|\/)(?:yum\.repos\.d\/[^/]+\.repo|yum\.conf|dnf\/dnf\.conf)$/u, line: /^\s*sslverify\s*=\s*(?:0|false|no|off)\s*$/imu, tool: "yum/dnf", kind: "tls", source: "dnf.conf(5) sslverify" },
  { path: /(?:^|\/)sources\.list(?:\.d\/[^/]+\.list)?$/u, line: /^\s*deb(?:-src)?\s+\[[^\]]*\btrusted=yes\b[^\]]*\]/imu, tool: "APT", kind: "signature", source: "sources.list(5) option trusted=yes: \"APT will not check the repository's signatures\"" },
  { path: /(?:^|\/)sources\.list\.d\/[^/]+\.sources$/u, line: /^\s*Trusted:\s*yes\s*$/imu, tool: "APT", kind: "signature", source: "sources.list(5), deb822 field Trusted: yes" },
  {
    path: /(?:^|\/)apt\.conf(?:\.d\/[^/]+)?$/u,
    line: /(?:APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories)\s*"?(?:true|1|yes)"?|Verify-(?:Peer|Host)\s*"?(?:false|0|no)"?/iu,
    tool: "APT",
    kind: "signature",
    source: "apt.conf(5): APT::Get::AllowUnauthenticated, Acquire::AllowInsecureRepositories, Acquire::https::Verify-Peer",
  },
  { path: /(?:^|\/)\.curlrc$/u, line: /^\s*(?:-k|(?:--)?insecure)\s*$/imu, tool: "curl", kind: "tls", source: "curl(1) --insecure; ~/.curlrc holds one option per line, dashes optional" },
  { path: /(?:^|\/)(?:\.wgetrc|wgetrc)$/u, line: /^\s*check_certificate\s*=\s*(?:off|0|no|false)\s*$/imu, tool: "wget", kind: "tls", source: "wget(1) info: wgetrc command check_certificate = off" },
  { path: /(?:^|\/)\.npmrc$/u, line: /^\s*strict-ssl\s*=\s*false\s*$/imu, tool: "npm", kind: "tls", source: "npmrc: strict-ssl=false" },
  { path: /(?:^|\/)\.yarnrc(?:\.yml)?$/u, line: /^\s*(?:strict-ssl\s+false|enableStrictSsl:\s*false)\s*$/imu, tool: "Yarn", kind: "tls", source: "Yarn 1 .yarnrc strict-ssl false; Yarn 2+ .yarnrc.yml enableStrictSsl: false" },
  { path: /(?:^|\/)(?:pip\.conf|pip\.ini)$/u, line: /^\s*trusted-host\s*=\s*\S/imu, tool: "pip", kind: "tls", source: "pip configuration file, trusted-host" },
  { path: /(?:^|\/)(?:\.gitconfig|gitconfig)$/u, line: /^\s*sslverify\s*=\s*(?:false|0|no|off)\s*$/imu, tool: "git", kind: "tls", source: "git-config(1) http.sslVerify in a config file" },
  { path: /(?:^|\/)\.condarc$/u, line: /^\s*ssl_verify:\s*(?:false|no)\s*$/imu, tool: "conda", kind: "tls", source: "conda configuration ssl_verify: false" },
];
