/**
 * Command-line syntax of the general-purpose tools RUN rules read (HTTP clients, `ln`, `useradd`): which
 * options take a value, so that `curl -o out.sh https://…` is read with `out.sh` as the value of `-o`
 * and not as a URL, and `-fsSLk` is seen to contain `-k`. Read with `parseCli(args, spec, { noSubcommand: true })`.
 *
 * Sources: the tools' manuals, as named per entry. Only value-taking options matter to the scanner; every
 * other option is a flag.
 */
import type { CliSpec } from "./cli.js";

/** curl(1), https://curl.se/docs/manpage.html: the options listed with an argument (`<file>`, `<data>`…). */
export const CURL: CliSpec = {
  short: "AbcCdDeEFHKmoPQrtTuUwxXyYz",
  long: [
    "abstract-unix-socket", "alt-svc", "aws-sigv4", "cacert", "capath", "cert", "cert-type", "ciphers", "config",
    "connect-timeout", "connect-to", "continue-at", "cookie", "cookie-jar", "create-file-mode", "crlfile", "curves",
    "data", "data-ascii", "data-binary", "data-raw", "data-urlencode", "delegation", "dns-interface", "dns-ipv4-addr",
    "dns-ipv6-addr", "dns-servers", "doh-url", "dump-header", "egd-file", "engine", "etag-compare", "etag-save",
    "expect100-timeout", "form", "form-string", "ftp-account", "ftp-alternative-to-user", "ftp-method", "ftp-port",
    "ftp-ssl-ccc-mode", "happy-eyeballs-timeout-ms", "header", "hostpubmd5", "hostpubsha256", "hsts", "interface",
    "ip-tos", "json", "keepalive-time", "key", "key-type", "krb", "libcurl", "limit-rate", "local-port",
    "login-options", "mail-auth", "mail-from", "mail-rcpt", "max-filesize", "max-redirs", "max-time", "netrc-file",
    "noproxy", "oauth2-bearer", "output", "output-dir", "parallel-max", "pass", "pinnedpubkey", "preproxy", "proto",
    "proto-default", "proto-redir", "proxy", "proxy-cacert", "proxy-capath", "proxy-cert", "proxy-cert-type",
    "proxy-ciphers", "proxy-crlfile", "proxy-header", "proxy-key", "proxy-key-type", "proxy-pass",
    "proxy-pinnedpubkey", "proxy-service-name", "proxy-tls13-ciphers", "proxy-tlsauthtype", "proxy-tlspassword",
    "proxy-tlsuser", "proxy-user", "proxy1.0", "pubkey", "quote", "random-file", "range", "rate", "referer",
    "request", "request-target", "resolve", "retry", "retry-delay", "retry-max-time", "sasl-authzid",
    "service-name", "socks4", "socks4a", "socks5", "socks5-gssapi-service", "socks5-hostname", "speed-limit",
    "speed-time", "stderr", "telnet-option", "tftp-blksize", "time-cond", "tls-max", "tls13-ciphers",
    "tlsauthtype", "tlspassword", "tlsuser", "trace", "trace-ascii", "trace-config", "unix-socket", "upload-file",
    "url", "url-query", "user", "user-agent", "variable", "write-out",
  ],
};

/** GNU Wget manual, https://www.gnu.org/software/wget/manual/wget.html: options written with `=value`. */
export const WGET: CliSpec = {
  short: "aABDeIilOoPQRtTUwX",
  long: [
    "accept", "accept-regex", "append-output", "base", "bind-address", "body-data", "body-file", "ca-certificate",
    "ca-directory", "certificate", "certificate-type", "config", "connect-timeout", "crl-file", "cut-dirs",
    "default-page", "directory-prefix", "dns-timeout", "domains", "egd-file", "exclude-directories",
    "exclude-domains", "execute", "ftp-password", "ftp-user", "header", "http-password", "http-user",
    "include-directories", "input-file", "level", "limit-rate", "load-cookies", "local-encoding", "max-redirect",
    "method", "output-document", "output-file", "password", "post-data", "post-file", "private-key",
    "private-key-type", "progress", "proxy-password", "proxy-user", "quota", "random-file", "read-timeout",
    "referer", "reject", "reject-regex", "remote-encoding", "restrict-file-names", "save-cookies",
    "secure-protocol", "timeout", "tries", "use-askpass", "user", "user-agent", "wait", "waitretry",
  ],
};

/** shadow-utils useradd(8), https://man7.org/linux/man-pages/man8/useradd.8.html. */
export const USERADD: CliSpec = {
  short: "bcdefgGkKpRPsuZ",
  long: [
    "base-dir", "comment", "home-dir", "expiredate", "inactive", "gid", "groups", "skel", "key", "password", "root",
    "prefix", "shell", "uid", "selinux-user", "selinux-range",
  ],
};

/** GNU coreutils ln(1), https://www.gnu.org/software/coreutils/manual/html_node/ln-invocation.html. */
export const LN: CliSpec = { short: "St", long: ["suffix", "target-directory"] };
