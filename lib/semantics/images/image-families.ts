/**
 * What we know about common images, as data: how each family writes its tags (which part is the
 * version, which words are variants), which variants are minimal, and when each version line reaches
 * its end of life, with the source of every fact (the project's own release schedule). Read by
 * `prefer-minimal-base-image`, `no-end-of-life-image`, `no-copy-root-filesystem` and
 * `require-image-tag` through `analyzeImage`; no rule keeps image knowledge of its own.
 *
 * An image the table does not know gets `family: null`: the rules that need a family stay silent.
 */
import { normalizedImageName, type ParsedImageReference } from "../../dockerfile/image-reference.js";

/**
 * A version line and the day it stops receiving fixes (ISO `YYYY-MM-DD`, the first day it is
 * unsupported or the announced end date), or `null` for a line that is supported with no end
 * announced: known, so a major-only tag can resolve to it, but never reported.
 */
export interface EndOfLife {
  /** `20`, `3.8`, `20.04`, `stream9`: matches a version equal to it or starting with it and a dot. */
  line: string;
  endOfLife: string | null;
  source: string;
  /** How messages name the line when `<family> <line>` would not read well (`CentOS Stream 9`). */
  label?: string;
}

export interface ImageFamily {
  id: string;
  /** What people call it, for messages ("Node.js", "Debian"). */
  displayName: string;
  /** Repository names as Docker normalizes them (`docker.io/library/node`). */
  repositories: readonly string[];
  /**
   * `language`: a language runtime or tool (prefer-minimal applies); `distribution`: an OS; `service`:
   * a server. For all but distributions the tag's version is the software's own, so a tag made only
   * of a distribution codename (`rust:buster`, `golang:bookworm`) pins the distribution, not the image.
   */
  kind: "language" | "distribution" | "service";
  /** Where the tag conventions are documented (the image's page). */
  tagSource: string;
  /** Names that stand for a version line in tags (`node:iron` is Node.js 20, `debian:bookworm` is 12). */
  lineAliases?: Readonly<Record<string, string>>;
  /** A word written before the version in some tags (`centos:centos7`, `centos:centos7.9.2009`). */
  versionPrefix?: string;
  /**
   * The tag's version is a distribution's (`buildpack-deps:bookworm-curl`): a codename there is both
   * the version and the distribution whose end of life applies.
   */
  versionIsDistribution?: boolean;
  /**
   * The image publishes major-only tags that follow the newest line of that major (`postgres:9` was
   * the newest 9.6.x, `mysql:8` is 8.4.x, `python:3` the newest 3.x). Once a later major exists the
   * major gets no new line, so such a tag resolves to the newest line of the major the table lists;
   * while the major is the newest one, the tag floats and is not judged. Set only where the image's
   * tag list says so (its `tagSource`).
   */
  majorTagsFollowNewestLine?: boolean;
  /** Tag words that mark a minimal variant (`slim`, `alpine`, `jre`…); `alpine3.19` counts as `alpine`. */
  minimalWords: readonly string[];
  /**
   * Tag words that name the full variant explicitly (`jdk`, `cli`): a deliberate choice (Tomcat's
   * official `jdk` variants), so `minimalAlternative` offers nothing for such a tag.
   */
  fullWords?: readonly string[];
  /**
   * The minimal tag to suggest for a full one: `{version}` is the version as written, `{codename}` the
   * distribution codename when the tag has one. Absent: no minimal variant to suggest.
   */
  minimalTag?: { plain: string; withCodename: string };
  endOfLife: readonly EndOfLife[];
}

/*
 * End-of-life data, as of 2026-12-06 (the date `docs/rules/no-end-of-life-image.md` states). Each
 * family's source is the project's own policy or release page (endoflife.date's page for CentOS,
 * whose project pages for the ended lines are gone); the dates were taken from, and
 * checked against, endoflife.date's product files (github.com/endoflife-date/endoflife.date,
 * `products/<name>.md`, snapshot of 2026-08-22), plus the announcements after that day that the
 * project's page already held (Python 3.10 2026-10-31, PostgreSQL 14 2026-11-12, Alpine 3.21
 * 2026-11-01, .NET 8 and 9 2026-11-10). A line whose end is not announced is listed with `null`; a
 * line missing from a family is unknown, and a tag on it is not judged.
 */
const NODE_SCHEDULE = "https://github.com/nodejs/Release#release-schedule";
const PYTHON_VERSIONS = "https://devguide.python.org/versions/";
const GO_POLICY = "https://go.dev/doc/devel/release#policy";
const DEBIAN_LTS = "https://wiki.debian.org/LTS";
const UBUNTU_CYCLE = "https://ubuntu.com/about/release-cycle";
const ALPINE_RELEASES = "https://alpinelinux.org/releases/";
const POSTGRES_VERSIONING = "https://www.postgresql.org/support/versioning/";
const RUBY_BRANCHES = "https://www.ruby-lang.org/en/downloads/branches/";
const PHP_VERSIONS = "https://www.php.net/supported-versions.php";
const MYSQL_LIFETIME = "https://www.oracle.com/us/support/library/lifetime-support-technology-069183.pdf";
const MARIADB_POLICY = "https://mariadb.org/about/#maintenance-policy";
const REDIS_POLICY = "https://redis.io/docs/latest/operate/oss_and_stack/install/version-mgmt/";
const MONGODB_POLICY = "https://www.mongodb.com/legal/support-policy";
const NGINX_VERSIONS = "https://nginx.org/en/download.html";
const HTTPD_RELEASES = "https://httpd.apache.org/dev/release.html";
const CENTOS_EOL = "https://endoflife.date/centos";
const CENTOS_STREAM = "https://endoflife.date/centos-stream";
const FEDORA_LIFECYCLE = "https://docs.fedoraproject.org/en-US/releases/lifecycle/";
const ROCKY_VERSIONS = "https://wiki.rockylinux.org/rocky/version/";
const ALMA_RELEASES = "https://wiki.almalinux.org/release-notes/";
const ORACLE_LINUX_LIFETIME = "https://www.oracle.com/a/ocom/docs/elsp-lifetime-069338.pdf";
const AMAZON_LINUX_FAQ = "https://aws.amazon.com/amazon-linux-2/faqs/";
const DOTNET_POLICY = "https://dotnet.microsoft.com/platform/support/policy/dotnet-core";
const ELASTIC_POLICY = "https://www.elastic.co/support_policy";
const TEMURIN_SUPPORT = "https://adoptium.net/support/";
const CORRETTO_FAQ = "https://aws.amazon.com/corretto/faqs/";
const RUST_CHANNELS = "https://rust-lang.github.io/rustup/concepts/channels.html";
const TOMCAT_VERSIONS = "https://tomcat.apache.org/whichversion.html";
const RABBITMQ_RELEASES = "https://www.rabbitmq.com/release-information";
const TRAEFIK_RELEASES = "https://doc.traefik.io/traefik/deprecation/releases/";
const PERL_POLICY = "https://perldoc.perl.org/perlpolicy#MAINTENANCE-AND-SUPPORT";
const ELIXIR_SUPPORT = "https://hexdocs.pm/elixir/compatibility-and-deprecations.html";
const ERLANG_SUPPORT = "https://www.erlang.org/doc/system_principles/misc.html";
const HAPROXY_BRANCHES = "https://www.haproxy.org/";
const NEXTCLOUD_SCHEDULE = "https://github.com/nextcloud/server/wiki/Maintenance-and-Release-Schedule";
const MAVEN_HISTORY = "https://maven.apache.org/docs/history.html";
const GRADLE_LIFECYCLE = "https://docs.gradle.org/current/userguide/feature_lifecycle.html#eol_support";
const MEMCACHED_RELEASES = "https://github.com/memcached/memcached/wiki/ReleaseNotes";

function lines(source: string, entries: Readonly<Record<string, string | null>>): EndOfLife[] {
  return Object.entries(entries).map(([line, endOfLife]) => ({ line, endOfLife, source }));
}

/**
 * Distribution codenames used in tags, with the distribution and version line they name
 * (https://wiki.debian.org/DebianReleases, https://wiki.ubuntu.com/Releases). `sid` is left out on
 * purpose: it is Debian unstable, a rolling target, not a release.
 */
const DISTRIBUTION_CODENAMES: Readonly<Record<string, { family: "debian" | "ubuntu"; line: string }>> = {
  squeeze: { family: "debian", line: "6" },
  wheezy: { family: "debian", line: "7" },
  jessie: { family: "debian", line: "8" },
  stretch: { family: "debian", line: "9" },
  buster: { family: "debian", line: "10" },
  bullseye: { family: "debian", line: "11" },
  bookworm: { family: "debian", line: "12" },
  trixie: { family: "debian", line: "13" },
  forky: { family: "debian", line: "14" },
  duke: { family: "debian", line: "15" },
  precise: { family: "ubuntu", line: "12.04" },
  trusty: { family: "ubuntu", line: "14.04" },
  xenial: { family: "ubuntu", line: "16.04" },
  bionic: { family: "ubuntu", line: "18.04" },
  cosmic: { family: "ubuntu", line: "18.10" },
  disco: { family: "ubuntu", line: "19.04" },
  eoan: { family: "ubuntu", line: "19.10" },
  focal: { family: "ubuntu", line: "20.04" },
  groovy: { family: "ubuntu", line: "20.10" },
  hirsute: { family: "ubuntu", line: "21.04" },
  impish: { family: "ubuntu", line: "21.10" },
  jammy: { family: "ubuntu", line: "22.04" },
  kinetic: { family: "ubuntu", line: "22.10" },
  lunar: { family: "ubuntu", line: "23.04" },
  mantic: { family: "ubuntu", line: "23.10" },
  noble: { family: "ubuntu", line: "24.04" },
  oracular: { family: "ubuntu", line: "24.10" },
  plucky: { family: "ubuntu", line: "25.04" },
  questing: { family: "ubuntu", line: "25.10" },
  resolute: { family: "ubuntu", line: "26.04" },
};

const DEBIAN_ALIASES = Object.fromEntries(
  Object.entries(DISTRIBUTION_CODENAMES)
    .filter(([, value]) => value.family === "debian")
    .map(([codename, value]) => [codename, value.line]),
);
const UBUNTU_ALIASES = Object.fromEntries(
  Object.entries(DISTRIBUTION_CODENAMES)
    .filter(([, value]) => value.family === "ubuntu")
    .map(([codename, value]) => [codename, value.line]),
);

const library = (name: string): string => `docker.io/library/${name}`;

/** An official language or tool image the table knows only for its tag conventions (`<version>-<codename>`, a bare codename floats). */
function languageImage(id: string, displayName: string, minimalWords: readonly string[] = ["slim", "alpine"]): ImageFamily {
  return { id, displayName, repositories: [library(id)], kind: "language", tagSource: `https://hub.docker.com/_/${id}`, minimalWords, endOfLife: [] };
}

/** The .NET images on mcr.microsoft.com, current and former paths (https://github.com/dotnet/dotnet-docker, README). */
const DOTNET_REPOSITORIES = ["sdk", "runtime", "aspnet", "runtime-deps"].flatMap((image) => [
  `mcr.microsoft.com/dotnet/${image}`,
  `mcr.microsoft.com/dotnet/core/${image}`,
  `mcr.microsoft.com/dotnet/nightly/${image}`,
]);

export const IMAGE_FAMILIES: readonly ImageFamily[] = [
  {
    id: "node",
    displayName: "Node.js",
    repositories: [library("node")],
    kind: "language",
    tagSource: "https://hub.docker.com/_/node",
    // LTS codenames (https://github.com/nodejs/Release/blob/main/CODENAMES.md) are tags too: `node:iron-slim`.
    lineAliases: { argon: "4", boron: "6", carbon: "8", dubnium: "10", erbium: "12", fermium: "14", gallium: "16", hydrogen: "18", iron: "20", jod: "22", krypton: "24", lithium: "26" },
    minimalWords: ["slim", "alpine"],
    minimalTag: { plain: "{version}-slim", withCodename: "{version}-{codename}-slim" },
    // Odd lines end on June 1st (or June 30th before 12) of the next year, without LTS.
    endOfLife: lines(NODE_SCHEDULE, {
      "4": "2018-04-30",
      "5": "2016-06-30",
      "6": "2019-04-30",
      "7": "2017-06-30",
      "8": "2019-12-31",
      "9": "2018-06-30",
      "10": "2021-04-30",
      "11": "2019-06-30",
      "12": "2022-04-30",
      "13": "2020-06-01",
      "14": "2023-04-30",
      "15": "2021-06-01",
      "16": "2023-09-11",
      "17": "2022-06-01",
      "18": "2025-04-30",
      "19": "2023-06-01",
      "20": "2026-04-30",
      "21": "2024-06-01",
      "22": "2027-04-30",
      "23": "2025-06-01",
      "24": "2028-04-30",
      "25": "2026-06-01",
      "26": "2029-04-30",
      "27": "2030-04-30",
    }),
  },
  {
    id: "python",
    displayName: "Python",
    repositories: [library("python")],
    kind: "language",
    tagSource: "https://hub.docker.com/_/python",
    majorTagsFollowNewestLine: true,
    minimalWords: ["slim", "alpine"],
    minimalTag: { plain: "{version}-slim", withCodename: "{version}-slim-{codename}" },
    endOfLife: lines(PYTHON_VERSIONS, {
      "2.6": "2013-10-29",
      "2.7": "2020-01-01",
      "3.3": "2017-09-29",
      "3.4": "2019-03-18",
      "3.5": "2020-09-30",
      "3.6": "2021-12-23",
      "3.7": "2023-06-27",
      "3.8": "2024-10-07",
      "3.9": "2025-10-31",
      "3.10": "2026-10-31",
      "3.11": "2027-10-31",
      "3.12": "2028-10-31",
      "3.13": "2029-10-31",
      "3.14": "2030-10-31",
    }),
  },
  {
    id: "golang",
    displayName: "Go",
    repositories: [library("golang")],
    kind: "language",
    tagSource: "https://hub.docker.com/_/golang",
    minimalWords: ["alpine"],
    minimalTag: { plain: "{version}-alpine", withCodename: "{version}-alpine" },
    // Each release is supported until two newer major releases exist: the end of 1.N is the release
    // day of 1.(N+2) (release days: https://go.dev/doc/devel/release; 1.26 on 2026-02-10, 1.27 on
    // 2026-08-19). The lines still supported end when a release not yet made ships: `null`.
    endOfLife: lines(GO_POLICY, {
      "1.10": "2019-02-25",
      "1.11": "2019-09-03",
      "1.12": "2020-02-25",
      "1.13": "2020-08-11",
      "1.14": "2021-02-16",
      "1.15": "2021-08-16",
      "1.16": "2022-03-15",
      "1.17": "2022-08-02",
      "1.18": "2023-02-01",
      "1.19": "2023-08-08",
      "1.20": "2024-02-06",
      "1.21": "2024-08-13",
      "1.22": "2025-02-11",
      "1.23": "2025-08-12",
      "1.24": "2026-02-10",
      "1.25": "2026-08-19",
      "1.26": null,
      "1.27": null,
    }),
  },
  {
    id: "ruby",
    displayName: "Ruby",
    repositories: [library("ruby")],
    kind: "language",
    tagSource: "https://hub.docker.com/_/ruby",
    majorTagsFollowNewestLine: true,
    minimalWords: ["slim", "alpine"],
    minimalTag: { plain: "{version}-slim", withCodename: "{version}-slim-{codename}" },
    endOfLife: lines(RUBY_BRANCHES, {
      "2.1": "2017-03-31",
      "2.2": "2018-03-31",
      "2.3": "2019-03-31",
      "2.4": "2020-03-31",
      "2.5": "2021-03-31",
      "2.6": "2022-03-31",
      "2.7": "2023-03-31",
      "3.0": "2024-04-23",
      "3.1": "2025-03-26",
      "3.2": "2026-03-31",
      "3.3": "2027-03-31",
      "3.4": "2028-03-31",
      "4.0": "2029-03-31",
    }),
  },
  {
    id: "php",
    displayName: "PHP",
    repositories: [library("php")],
    kind: "language",
    tagSource: "https://hub.docker.com/_/php",
    majorTagsFollowNewestLine: true,
    minimalWords: ["alpine"],
    fullWords: ["cli"],
    minimalTag: { plain: "{version}-cli-alpine", withCodename: "{version}-cli-alpine" },
    endOfLife: lines(PHP_VERSIONS, {
      "5.3": "2014-08-14",
      "5.4": "2015-09-14",
      "5.5": "2016-07-21",
      "5.6": "2018-12-31",
      "7.0": "2019-01-10",
      "7.1": "2019-12-01",
      "7.2": "2020-11-30",
      "7.3": "2021-12-06",
      "7.4": "2022-11-28",
      "8.0": "2023-11-26",
      "8.1": "2025-12-31",
      "8.2": "2026-12-31",
      "8.3": "2027-12-31",
      "8.4": "2028-12-31",
      "8.5": "2029-12-31",
    }),
  },
  {
    id: "eclipse-temurin",
    displayName: "Eclipse Temurin",
    repositories: [library("eclipse-temurin")],
    kind: "language",
    tagSource: "https://hub.docker.com/_/eclipse-temurin",
    minimalWords: ["jre", "alpine"],
    fullWords: ["jdk"],
    minimalTag: { plain: "{version}-jre", withCodename: "{version}-jre-{codename}" },
    endOfLife: lines(TEMURIN_SUPPORT, {
      "8": "2030-12-31",
      "11": "2027-10-31",
      "16": "2021-09-30",
      "17": "2027-10-31",
      "18": "2022-09-30",
      "19": "2023-03-31",
      "20": "2023-09-19",
      "21": "2029-12-31",
      "22": "2024-09-17",
      "23": "2025-03-18",
      "24": "2025-09-16",
      "25": "2031-09-30",
      "26": "2026-09-15",
    }),
  },
  {
    id: "amazoncorretto",
    displayName: "Amazon Corretto",
    repositories: [library("amazoncorretto")],
    kind: "language",
    tagSource: "https://hub.docker.com/_/amazoncorretto",
    minimalWords: ["alpine"],
    endOfLife: lines(CORRETTO_FAQ, {
      "8": "2030-12-31",
      "11": "2032-01-31",
      "15": "2021-04-20",
      "16": "2021-10-19",
      "17": "2029-10-31",
      "18": "2022-10-18",
      "19": "2023-04-19",
      "20": "2023-10-17",
      "21": "2030-10-31",
      "22": "2024-10-15",
      "23": "2025-04-30",
      "24": "2025-10-31",
      "25": "2032-10-31",
      "26": "2026-10-31",
    }),
  },
  {
    // Deprecated on Docker Hub; its builds have no support lifecycle of their own to date.
    id: "openjdk",
    displayName: "OpenJDK",
    repositories: [library("openjdk")],
    kind: "language",
    tagSource: "https://hub.docker.com/_/openjdk",
    minimalWords: ["slim", "alpine", "jre"],
    fullWords: ["jdk"],
    minimalTag: { plain: "{version}-slim", withCodename: "{version}-slim-{codename}" },
    endOfLife: [],
  },
  {
    id: "dotnet",
    displayName: ".NET",
    repositories: DOTNET_REPOSITORIES,
    kind: "language",
    tagSource: "https://github.com/dotnet/dotnet-docker/blob/main/README.md",
    minimalWords: ["alpine", "chiseled", "distroless"],
    endOfLife: lines(DOTNET_POLICY, {
      "1.0": "2019-06-27",
      "1.1": "2019-06-27",
      "2.0": "2018-10-01",
      "2.1": "2021-08-21",
      "2.2": "2019-12-23",
      "3.0": "2020-03-03",
      "3.1": "2022-12-13",
      "5.0": "2022-05-10",
      "6.0": "2024-11-12",
      "7.0": "2024-05-14",
      "8.0": "2026-11-10",
      "9.0": "2026-11-10",
      "10.0": "2028-11-14",
    }),
  },
  {
    // Rust supports only its newest stable release: 1.N ends the day 1.(N+1) ships, every six weeks.
    id: "rust",
    displayName: "Rust",
    repositories: [library("rust")],
    kind: "language",
    tagSource: "https://hub.docker.com/_/rust",
    minimalWords: ["slim", "alpine"],
    endOfLife: lines(RUST_CHANNELS, {
      "1.29": "2018-10-26", "1.30": "2018-12-07", "1.31": "2019-01-18", "1.32": "2019-03-01", "1.33": "2019-04-12", "1.34": "2019-05-24",
      "1.35": "2019-07-04", "1.36": "2019-08-16", "1.37": "2019-09-27", "1.38": "2019-11-08", "1.39": "2019-12-20", "1.40": "2020-01-31",
      "1.41": "2020-03-13", "1.42": "2020-04-24", "1.43": "2020-06-05", "1.44": "2020-07-17", "1.45": "2020-08-28", "1.46": "2020-10-08",
      "1.47": "2020-11-20", "1.48": "2021-01-01", "1.49": "2021-02-12", "1.50": "2021-03-26", "1.51": "2021-05-07", "1.52": "2021-06-18",
      "1.53": "2021-07-30", "1.54": "2021-09-10", "1.55": "2021-10-22", "1.56": "2021-12-03", "1.57": "2022-01-14", "1.58": "2022-02-25",
      "1.59": "2022-04-08", "1.60": "2022-05-20", "1.61": "2022-07-01", "1.62": "2022-08-12", "1.63": "2022-09-23", "1.64": "2022-11-04",
      "1.65": "2022-12-16", "1.66": "2023-01-27", "1.67": "2023-03-10", "1.68": "2023-04-21", "1.69": "2023-06-02", "1.70": "2023-07-14",
      "1.71": "2023-08-25", "1.72": "2023-10-06", "1.73": "2023-11-17", "1.74": "2023-12-28", "1.75": "2024-02-08", "1.76": "2024-03-21",
      "1.77": "2024-05-02", "1.78": "2024-06-13", "1.79": "2024-07-25", "1.80": "2024-09-05", "1.81": "2024-10-17", "1.82": "2024-11-28",
      "1.83": "2025-01-09", "1.84": "2025-02-20", "1.85": "2025-04-03", "1.86": "2025-05-15", "1.87": "2025-06-26", "1.88": "2025-08-07",
      "1.89": "2025-09-18", "1.90": "2025-10-30", "1.91": "2025-12-11", "1.92": "2026-01-22", "1.93": "2026-03-06", "1.94": "2026-04-16",
      "1.95": "2026-05-28", "1.96": "2026-07-09", "1.97": "2026-08-20",
    }),
  },
  {
    id: "perl",
    displayName: "Perl",
    repositories: [library("perl")],
    kind: "language",
    tagSource: "https://hub.docker.com/_/perl",
    minimalWords: ["slim"],
    endOfLife: lines(PERL_POLICY, {
      "5.26": "2020-05-30",
      "5.28": "2021-06-23",
      "5.30": "2022-05-22",
      "5.32": "2023-06-20",
      "5.34": "2024-05-20",
      "5.36": "2025-05-27",
      "5.38": "2026-07-02",
      "5.40": "2027-06-09",
      "5.42": "2028-07-03",
    }),
  },
  {
    id: "elixir",
    displayName: "Elixir",
    repositories: [library("elixir")],
    kind: "language",
    tagSource: "https://hub.docker.com/_/elixir",
    minimalWords: ["slim", "alpine"],
    endOfLife: lines(ELIXIR_SUPPORT, {
      "1.4": "2019-06-24", "1.5": "2020-01-27", "1.6": "2020-10-06", "1.7": "2021-05-19", "1.8": "2021-12-03", "1.9": "2022-09-01",
      "1.10": "2023-06-19", "1.11": "2023-12-22", "1.12": "2024-06-12", "1.13": "2024-12-19", "1.14": "2025-10-16", "1.15": "2026-06-03",
    }),
  },
  {
    id: "erlang",
    displayName: "Erlang/OTP",
    repositories: [library("erlang")],
    kind: "language",
    tagSource: "https://hub.docker.com/_/erlang",
    minimalWords: ["slim", "alpine"],
    endOfLife: lines(ERLANG_SUPPORT, {
      "17": "2018-10-11", "18": "2018-11-09", "19": "2019-06-21", "20": "2020-06-21", "21": "2021-06-19", "22": "2024-03-18", "23": "2024-03-14",
      "24": "2024-05-10", "25": "2025-05-17", "26": "2026-05-26", "27": "2027-05-20", "28": "2028-05-20",
    }),
  },
  {
    id: "maven",
    displayName: "Apache Maven",
    repositories: [library("maven")],
    kind: "language",
    tagSource: "https://hub.docker.com/_/maven",
    minimalWords: [],
    endOfLife: lines(MAVEN_HISTORY, { "3.0": "2013-06-28", "3.1": "2014-02-14", "3.2": "2015-03-13", "3.3": "2017-04-03", "3.5": "2018-10-24", "3.6": "2021-03-30", "3.8": "2025-06-14", "3.9": null }),
  },
  {
    id: "gradle",
    displayName: "Gradle",
    repositories: [library("gradle")],
    kind: "language",
    tagSource: "https://hub.docker.com/_/gradle",
    minimalWords: ["alpine"],
    endOfLife: lines(GRADLE_LIFECYCLE, { "4": "2018-11-26", "5": "2019-11-08", "6": "2023-02-10", "7": "2025-07-31", "8": null, "9": null }),
  },
  // Official images whose tag is `<version>-<variant>` and whose bare codename floats; no dates kept.
  languageImage("julia", "Julia", ["alpine"]),
  languageImage("swift", "Swift", ["slim"]),
  languageImage("haskell", "Haskell", ["slim"]),
  languageImage("gcc", "GCC", []),
  languageImage("pypy", "PyPy", ["slim"]),
  languageImage("clojure", "Clojure", ["alpine"]),
  languageImage("groovy", "Groovy", ["alpine"]),
  languageImage("composer", "Composer", []),
  {
    id: "buildpack-deps",
    displayName: "buildpack-deps",
    repositories: [library("buildpack-deps")],
    kind: "distribution",
    tagSource: "https://hub.docker.com/_/buildpack-deps",
    versionIsDistribution: true,
    minimalWords: ["curl"],
    endOfLife: [],
  },
  {
    id: "debian",
    displayName: "Debian",
    repositories: [library("debian")],
    kind: "distribution",
    tagSource: "https://hub.docker.com/_/debian",
    lineAliases: DEBIAN_ALIASES,
    minimalWords: ["slim"],
    // The end of Debian LTS (security support of the release by the LTS team), not of regular support.
    endOfLife: lines(DEBIAN_LTS, { "6": "2016-02-29", "7": "2018-05-31", "8": "2020-06-30", "9": "2022-06-30", "10": "2024-06-30", "11": "2026-08-31", "12": "2028-06-30", "13": "2030-06-30" }),
  },
  {
    id: "ubuntu",
    displayName: "Ubuntu",
    repositories: [library("ubuntu")],
    kind: "distribution",
    tagSource: "https://hub.docker.com/_/ubuntu",
    lineAliases: UBUNTU_ALIASES,
    minimalWords: [],
    // Standard support (without Ubuntu Pro); interim releases get nine months.
    endOfLife: lines(UBUNTU_CYCLE, {
      "12.04": "2017-04-28",
      "14.04": "2019-04-02",
      "16.04": "2021-04-02",
      "18.04": "2023-05-31",
      "18.10": "2019-07-18",
      "19.04": "2020-01-23",
      "19.10": "2020-07-06",
      "20.04": "2025-05-31",
      "20.10": "2021-07-22",
      "21.04": "2022-01-20",
      "21.10": "2022-07-14",
      "22.04": "2027-04-01",
      "22.10": "2023-07-20",
      "23.04": "2024-01-20",
      "23.10": "2024-07-12",
      "24.04": "2029-05-31",
      "24.10": "2025-07-10",
      "25.04": "2026-01-17",
      "25.10": "2026-07-01",
      "26.04": "2031-04-30",
    }),
  },
  {
    id: "alpine",
    displayName: "Alpine Linux",
    repositories: [library("alpine")],
    kind: "distribution",
    tagSource: "https://hub.docker.com/_/alpine",
    minimalWords: [],
    endOfLife: lines(ALPINE_RELEASES, {
      "3.0": "2016-05-01", "3.1": "2016-11-01", "3.2": "2017-05-01", "3.3": "2017-11-01", "3.4": "2018-05-01", "3.5": "2018-11-01",
      "3.6": "2019-05-01", "3.7": "2019-11-01", "3.8": "2020-05-01", "3.9": "2020-11-01", "3.10": "2021-05-01", "3.11": "2021-11-01",
      "3.12": "2022-05-01",
      "3.13": "2022-11-01",
      "3.14": "2023-05-01",
      "3.15": "2023-11-01",
      "3.16": "2024-05-23",
      "3.17": "2024-11-22",
      "3.18": "2025-05-09",
      "3.19": "2025-11-01",
      "3.20": "2026-04-01",
      "3.21": "2026-11-01",
      "3.22": "2027-05-01",
      "3.23": "2027-11-01",
      "3.24": "2028-06-01",
    }),
  },
  {
    id: "centos",
    displayName: "CentOS",
    repositories: [library("centos"), "quay.io/centos/centos"],
    kind: "distribution",
    tagSource: "https://hub.docker.com/_/centos",
    versionPrefix: "centos",
    // quay.io/centos/centos tags CentOS Stream as `stream8`, `stream9`, `stream10`.
    lineAliases: { stream8: "stream8", stream9: "stream9", stream10: "stream10" },
    minimalWords: ["minimal"],
    endOfLife: [
      ...lines(CENTOS_EOL, { "5": "2017-03-31", "6": "2020-11-30", "7": "2024-06-30", "8": "2021-12-31" }),
      { line: "stream8", endOfLife: "2024-05-31", source: CENTOS_STREAM, label: "CentOS Stream 8" },
      { line: "stream9", endOfLife: "2027-05-31", source: CENTOS_STREAM, label: "CentOS Stream 9" },
      { line: "stream10", endOfLife: "2030-05-31", source: CENTOS_STREAM, label: "CentOS Stream 10" },
    ],
  },
  {
    id: "fedora",
    displayName: "Fedora",
    repositories: [library("fedora"), "registry.fedoraproject.org/fedora", "quay.io/fedora/fedora"],
    kind: "distribution",
    tagSource: "https://hub.docker.com/_/fedora",
    minimalWords: ["minimal"],
    endOfLife: lines(FEDORA_LIFECYCLE, {
      "26": "2018-05-29", "27": "2018-11-30", "28": "2019-05-28", "29": "2019-11-26", "30": "2020-05-26", "31": "2020-11-24", "32": "2021-05-25",
      "33": "2021-11-30", "34": "2022-06-07", "35": "2022-12-13", "36": "2023-05-16", "37": "2023-12-05", "38": "2024-05-21", "39": "2024-11-26",
      "40": "2025-05-13", "41": "2025-12-15", "42": "2026-05-27", "43": "2026-12-09", "44": "2027-06-02",
    }),
  },
  {
    id: "rockylinux",
    displayName: "Rocky Linux",
    repositories: [library("rockylinux"), "quay.io/rockylinux/rockylinux", "docker.io/rockylinux/rockylinux"],
    kind: "distribution",
    tagSource: "https://hub.docker.com/r/rockylinux/rockylinux",
    minimalWords: ["minimal"],
    endOfLife: lines(ROCKY_VERSIONS, { "8": "2029-05-31", "9": "2032-05-31", "10": "2035-05-31" }),
  },
  {
    id: "almalinux",
    displayName: "AlmaLinux",
    repositories: [library("almalinux"), "quay.io/almalinuxorg/almalinux", "docker.io/almalinux/almalinux"],
    kind: "distribution",
    tagSource: "https://hub.docker.com/_/almalinux",
    minimalWords: ["minimal"],
    endOfLife: lines(ALMA_RELEASES, { "8": "2029-05-31", "9": "2032-05-31", "10": "2035-05-31" }),
  },
  {
    id: "oraclelinux",
    displayName: "Oracle Linux",
    repositories: [library("oraclelinux"), "container-registry.oracle.com/os/oraclelinux"],
    kind: "distribution",
    tagSource: "https://hub.docker.com/_/oraclelinux",
    minimalWords: ["slim"],
    // Premier support; Extended Support is a paid contract.
    endOfLife: lines(ORACLE_LINUX_LIFETIME, { "6": "2021-03-31", "7": "2024-12-31", "8": "2029-07-31", "9": "2032-06-30", "10": null }),
  },
  {
    id: "amazonlinux",
    displayName: "Amazon Linux",
    repositories: [library("amazonlinux"), "public.ecr.aws/amazonlinux/amazonlinux"],
    kind: "distribution",
    tagSource: "https://hub.docker.com/_/amazonlinux",
    minimalWords: ["minimal"],
    // Amazon Linux 1 (tag `2018.03`) ended with its maintenance support.
    endOfLife: lines(AMAZON_LINUX_FAQ, { "2018.03": "2023-12-31", "2": "2026-06-30", "2023": "2029-06-30" }),
  },
  {
    id: "postgres",
    displayName: "PostgreSQL",
    repositories: [library("postgres")],
    kind: "service",
    tagSource: "https://hub.docker.com/_/postgres",
    majorTagsFollowNewestLine: true,
    minimalWords: ["alpine"],
    endOfLife: lines(POSTGRES_VERSIONING, {
      "8.4": "2014-07-24",
      "9.0": "2015-10-08",
      "9.1": "2016-10-27",
      "9.2": "2017-11-09",
      "9.3": "2018-11-08",
      "9.4": "2020-02-13",
      "9.5": "2021-02-11",
      "9.6": "2021-11-11",
      "10": "2022-11-10",
      "11": "2023-11-09",
      "12": "2024-11-21",
      "13": "2025-11-13",
      "14": "2026-11-12",
      "15": "2027-11-11",
      "16": "2028-11-09",
      "17": "2029-11-08",
      "18": "2030-11-14",
    }),
  },
  {
    id: "mysql",
    displayName: "MySQL",
    repositories: [library("mysql"), "container-registry.oracle.com/mysql/community-server"],
    kind: "service",
    tagSource: "https://hub.docker.com/_/mysql",
    majorTagsFollowNewestLine: true,
    minimalWords: [],
    // Innovation releases (8.1-8.3, 9.x but the LTS 9.7) end when the next one ships.
    endOfLife: lines(MYSQL_LIFETIME, {
      "5.5": "2018-12-31",
      "5.6": "2021-02-28",
      "5.7": "2023-10-31",
      "8.0": "2026-04-30",
      "8.1": "2023-10-25",
      "8.2": "2023-12-14",
      "8.3": "2024-04-10",
      "8.4": "2032-04-30",
      "9.0": "2024-10-15",
      "9.1": "2025-01-21",
      "9.2": "2025-04-15",
      "9.3": "2025-07-22",
      "9.4": "2025-10-21",
      "9.5": "2026-01-20",
      "9.6": "2026-04-21",
      "9.7": "2034-04-21",
    }),
  },
  {
    id: "mariadb",
    displayName: "MariaDB",
    repositories: [library("mariadb")],
    kind: "service",
    tagSource: "https://hub.docker.com/_/mariadb",
    majorTagsFollowNewestLine: true,
    minimalWords: [],
    endOfLife: lines(MARIADB_POLICY, {
      "5.5": "2020-04-11",
      "10.0": "2019-03-31",
      "10.1": "2020-10-17",
      "10.2": "2022-05-23",
      "10.3": "2023-05-25",
      "10.4": "2024-06-18",
      "10.5": "2025-06-24",
      "10.6": "2026-07-06",
      "10.7": "2023-02-09",
      "10.8": "2023-05-20",
      "10.9": "2023-08-22",
      "10.10": "2023-11-17",
      "10.11": "2028-02-16",
      "11.0": "2024-06-06",
      "11.1": "2024-08-21",
      "11.2": "2024-11-21",
      "11.3": "2024-05-29",
      "11.4": "2029-05-29",
      "11.5": "2024-11-21",
      "11.6": "2025-02-13",
      "11.7": "2025-05-12",
      "11.8": "2028-06-04",
      "12.0": "2025-11-18",
      "12.1": "2026-02-13",
      "12.2": "2026-05-28",
      "12.3": "2029-06-12",
    }),
  },
  {
    id: "redis",
    displayName: "Redis",
    repositories: [library("redis")],
    kind: "service",
    tagSource: "https://hub.docker.com/_/redis",
    majorTagsFollowNewestLine: true,
    minimalWords: ["alpine"],
    endOfLife: lines(REDIS_POLICY, {
      "5.0": "2022-04-27",
      "6.0": "2022-05-31",
      "6.2": "2027-04-01",
      "7.0": "2024-07-29",
      "7.2": "2029-12-01",
      "7.4": "2029-12-01",
      "8.0": "2026-12-01",
      "8.2": "2030-09-01",
      "8.4": null,
      "8.6": null,
    }),
  },
  {
    // The major releases the official image publishes (rapid releases such as 7.1-7.3 are Atlas-only).
    id: "mongo",
    displayName: "MongoDB",
    repositories: [library("mongo")],
    kind: "service",
    tagSource: "https://hub.docker.com/_/mongo",
    minimalWords: [],
    endOfLife: lines(MONGODB_POLICY, {
      "3.0": "2018-02-28",
      "3.2": "2018-09-30",
      "3.4": "2020-01-31",
      "3.6": "2021-04-30",
      "4.0": "2022-04-30",
      "4.2": "2023-04-30",
      "4.4": "2024-02-29",
      "5.0": "2024-10-31",
      "6.0": "2025-07-31",
      "7.0": "2027-08-31",
      "8.0": "2029-10-31",
    }),
  },
  {
    // Even minor versions are stable branches, odd ones mainline; each ends when its successor ships.
    id: "nginx",
    displayName: "nginx",
    repositories: [library("nginx"), "docker.io/nginxinc/nginx-unprivileged"],
    kind: "service",
    tagSource: "https://hub.docker.com/_/nginx",
    minimalWords: ["alpine", "slim"],
    endOfLife: lines(NGINX_VERSIONS, {
      "1.10": "2017-04-12", "1.12": "2018-04-17", "1.14": "2019-04-23", "1.16": "2020-04-20", "1.18": "2021-04-20",
      "1.19": "2021-05-25", "1.20": "2022-05-24", "1.21": "2022-06-21", "1.22": "2023-04-11", "1.23": "2023-05-23", "1.24": "2024-04-23",
      "1.25": "2024-05-29", "1.26": "2025-04-23", "1.27": "2025-06-24", "1.28": "2026-04-14", "1.29": "2026-05-13", "1.30": null, "1.31": null,
    }),
  },
  {
    id: "httpd",
    displayName: "Apache httpd",
    repositories: [library("httpd")],
    kind: "service",
    tagSource: "https://hub.docker.com/_/httpd",
    minimalWords: ["alpine"],
    endOfLife: lines(HTTPD_RELEASES, { "2.0": "2013-07-10", "2.2": "2017-07-11", "2.4": null }),
  },
  {
    id: "tomcat",
    displayName: "Apache Tomcat",
    repositories: [library("tomcat")],
    kind: "service",
    tagSource: "https://hub.docker.com/_/tomcat",
    minimalWords: ["jre"],
    fullWords: ["jdk"],
    endOfLife: lines(TOMCAT_VERSIONS, { "7": "2021-03-31", "8.0": "2018-06-30", "8.5": "2024-03-31", "9.0": "2027-03-31", "10.0": "2022-10-31", "10.1": null, "11.0": null }),
  },
  {
    // Community support (the free one); commercial support lasts longer.
    id: "rabbitmq",
    displayName: "RabbitMQ",
    repositories: [library("rabbitmq")],
    kind: "service",
    tagSource: "https://hub.docker.com/_/rabbitmq",
    minimalWords: ["alpine"],
    endOfLife: lines(RABBITMQ_RELEASES, {
      "3.6": "2018-05-31", "3.7": "2020-09-30", "3.8": "2022-07-31", "3.9": "2023-01-31", "3.10": "2022-09-28", "3.11": "2023-06-01",
      "3.12": "2024-02-21", "3.13": "2024-09-17", "4.0": "2025-04-15", "4.1": "2026-01-30", "4.2": "2026-07-31", "4.3": null,
    }),
  },
  {
    id: "traefik",
    displayName: "Traefik",
    repositories: [library("traefik")],
    kind: "service",
    tagSource: "https://hub.docker.com/_/traefik",
    minimalWords: [],
    endOfLife: lines(TRAEFIK_RELEASES, {
      "1.7": "2021-12-31", "2.0": "2019-12-11", "2.1": "2020-03-25", "2.2": "2020-09-23", "2.3": "2021-01-19", "2.4": "2021-08-17", "2.5": "2022-01-24",
      "2.6": "2022-05-24", "2.7": "2022-06-29", "2.8": "2022-10-03", "2.9": "2023-04-24", "2.10": "2024-02-12", "2.11": "2026-02-01",
      "3.0": "2024-07-15", "3.1": "2024-10-28", "3.2": "2025-01-06", "3.3": "2025-05-05", "3.4": "2025-07-23", "3.5": "2025-11-07", "3.6": "2026-08-16", "3.7": null,
    }),
  },
  {
    id: "memcached",
    displayName: "Memcached",
    repositories: [library("memcached")],
    kind: "service",
    tagSource: "https://hub.docker.com/_/memcached",
    minimalWords: ["alpine"],
    endOfLife: lines(MEMCACHED_RELEASES, { "1.4": "2017-07-21", "1.5": "2020-03-09", "1.6": null }),
  },
  {
    id: "haproxy",
    displayName: "HAProxy",
    repositories: [library("haproxy"), "docker.io/haproxytech/haproxy-alpine", "docker.io/haproxytech/haproxy-debian"],
    kind: "service",
    tagSource: "https://hub.docker.com/_/haproxy",
    minimalWords: ["alpine"],
    endOfLife: lines(HAPROXY_BRANCHES, {
      "1.5": "2020-01-10", "1.6": "2020-10-01", "1.7": "2021-10-01", "1.8": "2022-12-09", "1.9": "2020-07-31", "2.0": "2024-04-05", "2.1": "2021-03-18",
      "2.2": "2025-04-23", "2.3": "2022-07-27", "2.4": "2026-04-01", "2.5": "2023-05-02", "2.6": "2027-04-01", "2.7": "2024-04-05", "2.8": "2028-04-01",
      "2.9": "2025-03-21", "3.0": "2029-04-01", "3.1": "2026-01-01", "3.2": "2030-04-01", "3.3": "2027-01-01", "3.4": "2031-04-01",
    }),
  },
  {
    // Elastic lists 7.x and 6.x as whole majors and newer ones per minor; minors it does not list are unknown.
    id: "elasticsearch",
    displayName: "Elasticsearch",
    repositories: [library("elasticsearch"), "docker.elastic.co/elasticsearch/elasticsearch"],
    kind: "service",
    tagSource: "https://www.docker.elastic.co/r/elasticsearch",
    minimalWords: [],
    endOfLife: lines(ELASTIC_POLICY, {
      "6": "2022-02-10", "7": "2026-01-15", "8.16": "2025-04-15", "8.17": "2025-08-12", "8.18": "2025-10-21", "8.19": "2027-07-15",
      "9.0": "2025-10-23", "9.1": "2026-02-03", "9.2": "2026-05-05", "9.3": "2026-08-04", "9.4": null, "9.5": null,
    }),
  },
  {
    id: "kibana",
    displayName: "Kibana",
    repositories: [library("kibana"), "docker.elastic.co/kibana/kibana"],
    kind: "service",
    tagSource: "https://www.docker.elastic.co/r/kibana",
    minimalWords: [],
    endOfLife: lines(ELASTIC_POLICY, {
      "6": "2022-02-10", "7": "2026-01-15", "8.14": "2024-11-12", "8.15": "2024-12-12", "8.16": "2025-04-15", "8.17": "2025-08-12", "8.18": "2025-10-21",
      "8.19": "2027-07-15", "9.0": "2025-10-23", "9.1": "2026-02-03", "9.2": "2026-05-05", "9.3": "2026-08-04", "9.4": null, "9.5": null,
    }),
  },
  {
    id: "nextcloud",
    displayName: "Nextcloud",
    repositories: [library("nextcloud")],
    kind: "service",
    tagSource: "https://hub.docker.com/_/nextcloud",
    minimalWords: [],
    endOfLife: lines(NEXTCLOUD_SCHEDULE, {
      "20": "2021-11-30", "21": "2022-02-28", "22": "2022-07-31", "23": "2022-12-31", "24": "2023-04-30", "25": "2023-10-31", "26": "2024-03-31",
      "27": "2024-06-30", "28": "2024-12-31", "29": "2025-04-30", "30": "2025-10-31", "31": "2026-02-28", "32": "2026-09-30", "33": "2027-02-28",
      "34": "2027-06-30",
    }),
  },
];

const byRepository = new Map<string, ImageFamily>(IMAGE_FAMILIES.flatMap((family) => family.repositories.map((name) => [name, family] as const)));

/** The family of an image reference (`node:20`, `docker.io/library/node:20`), or null when the table does not know it. */
export function imageFamily(reference: Pick<ParsedImageReference, "registry" | "path">): ImageFamily | null {
  return byRepository.get(normalizedImageName(reference)) ?? null;
}

/** A numeric version as tags write it: `20`, `3.12.1`, `v1.2`, `3.13.0rc1`, `1.22rc2`. */
const NUMERIC_VERSION = /^v?\d+(?:\.\d+)*(?:[a-z]+\d*)?$/u;
/** `alpine3.19`: the Alpine variant pinned to a release. */
const ALPINE_VARIANT = /^alpine(\d+\.\d+)?$/u;

/** What a tag says, read with its family's conventions. */
export interface TagReading {
  /** The version part as written (`20.11.1`, `bookworm`, `iron`), or null when the tag names none (`alpine`, `lts-slim`). */
  version: string | null;
  /** The version line it belongs to (`20.11.1` → `20.11.1`, `iron` → `20`, `bookworm` → `12`). */
  line: string | null;
  /** The parts after the version (or every part when there is none), lowercased. */
  variants: string[];
  /** The distribution a variant part names (`bookworm`, `alpine3.19`), if any. */
  distribution: { family: "debian" | "ubuntu" | "alpine"; line: string | null; codename: string | null } | null;
  /** A variant part is one of the family's minimal words. */
  minimal: boolean;
}

/**
 * Reads a tag with a family's conventions (`family` null: the general conventions, where the first
 * part is a version when it is numeric or a distribution codename). Parts are separated by `-` or `_`.
 */
export function readTag(family: ImageFamily | null, tag: string): TagReading {
  const parts = tag.toLowerCase().split(/[-_]/u).filter((part) => part !== "");
  let first = parts[0] ?? "";
  // `centos7.9.2009` is `7.9.2009` written after the family's word.
  const prefix = family?.versionPrefix;
  if (prefix !== undefined && first.startsWith(prefix) && /^\d/u.test(first.slice(prefix.length))) first = first.slice(prefix.length);
  let version: string | null = null;
  let line: string | null = null;
  let distribution: TagReading["distribution"] = null;
  const alias = family?.lineAliases && Object.hasOwn(family.lineAliases, first) ? family.lineAliases[first] : undefined;
  const codename = Object.hasOwn(DISTRIBUTION_CODENAMES, first) ? DISTRIBUTION_CODENAMES[first] : undefined;
  if (NUMERIC_VERSION.test(first)) {
    version = first.replace(/^v/u, "");
    line = version;
  } else if (alias !== undefined) {
    version = first;
    line = alias;
  } else if (codename && (family === null || family.versionIsDistribution === true)) {
    // A tag that names its distribution's release as the version: an image we do not know, tagged
    // like its distribution, or one whose version is the distribution's (`buildpack-deps:bookworm`).
    version = first;
    line = codename.line;
    if (family !== null) distribution = { family: codename.family, line: codename.line, codename: first };
  }
  const variants = version === null ? parts : parts.slice(1);
  for (const part of variants) {
    const named = Object.hasOwn(DISTRIBUTION_CODENAMES, part) ? DISTRIBUTION_CODENAMES[part] : undefined;
    if (named) distribution = { family: named.family, line: named.line, codename: part };
    const alpine = ALPINE_VARIANT.exec(part);
    if (alpine) distribution = { family: "alpine", line: alpine[1] ?? null, codename: null };
  }
  const minimalWords = family?.minimalWords ?? [];
  const minimal = variants.some((part) => minimalWords.includes(ALPINE_VARIANT.test(part) ? "alpine" : part));
  return { version, line, variants, distribution, minimal };
}

/** Whether `version` is on `line`: equal to it, or it followed by a dot (`3.8.18` is on `3.8`, `3.80` is not). */
function isOnLine(version: string, line: string): boolean {
  return version === line || version.startsWith(`${line}.`);
}

export interface EndOfLifeFinding {
  /** Whose line ended: the image's own (`node:16`) or its distribution's (`python:3.12-buster`). */
  subject: string;
  line: string;
  endOfLife: string;
  source: string;
}

const DISTRIBUTION_FAMILIES: Readonly<Record<"debian" | "ubuntu" | "alpine", ImageFamily | undefined>> = {
  debian: IMAGE_FAMILIES.find((family) => family.id === "debian"),
  ubuntu: IMAGE_FAMILIES.find((family) => family.id === "ubuntu"),
  alpine: IMAGE_FAMILIES.find((family) => family.id === "alpine"),
};

const NUMERIC_LINE = /^\d+(?:\.\d+)*$/u;

/** Compares two numeric lines part by part (`3.10` after `3.9`); both must match `NUMERIC_LINE`. */
function compareLines(a: string, b: string): number {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? -1) - (right[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

function findLine(family: ImageFamily, version: string): EndOfLife | null {
  // The most specific line wins (`2.7` over `2`).
  let best: EndOfLife | null = null;
  for (const entry of family.endOfLife) if (isOnLine(version, entry.line) && (!best || entry.line.length > best.line.length)) best = entry;
  return best;
}

/**
 * The line a version of `family` is on, with how to name it: the line itself (`postgres:9.6.24` is
 * on 9.6), or, for a major-only tag of a family whose major tags follow the newest line
 * (`majorTagsFollowNewestLine`), the newest line of that major once a later major exists
 * (`postgres:9` is 9.6). Null when the table cannot say (unknown line, a major still growing).
 */
export function lineOfVersion(family: ImageFamily, version: string): { entry: EndOfLife; subject: string } | null {
  const entry = findLine(family, version);
  if (entry) return { entry, subject: entry.label ?? `${family.displayName} ${entry.line}` };
  if (family.majorTagsFollowNewestLine !== true || !NUMERIC_LINE.test(version)) return null;
  const under = family.endOfLife.filter((candidate) => NUMERIC_LINE.test(candidate.line) && candidate.line.startsWith(`${version}.`));
  const closed = family.endOfLife.some((candidate) => NUMERIC_LINE.test(candidate.line) && !candidate.line.startsWith(`${version}.`) && compareLines(candidate.line, version) > 0);
  if (under.length === 0 || !closed) return null;
  const newest = under.reduce((best, candidate) => (compareLines(candidate.line, best.line) > 0 ? candidate : best));
  return { entry: newest, subject: `${family.displayName} ${version} (its last line, ${newest.line})` };
}

/**
 * The end-of-life facts that apply to an image on `date` (ISO `YYYY-MM-DD`): its own version line,
 * then the distribution its tag names. Empty when the table knows none (unknown image, floating tag,
 * supported line).
 */
export function endOfLifeFindings(reference: Pick<ParsedImageReference, "registry" | "path" | "tag">, date: string): EndOfLifeFinding[] {
  const family = imageFamily(reference);
  if (!family || reference.tag === null) return [];
  const reading = readTag(family, reference.tag);
  const findings: EndOfLifeFinding[] = [];
  if (reading.line !== null && !family.versionIsDistribution) {
    const found = lineOfVersion(family, reading.line);
    const end = found?.entry.endOfLife ?? null;
    if (found && end !== null && end <= date) findings.push({ subject: found.subject, line: found.entry.line, endOfLife: end, source: found.entry.source });
  }
  const distribution = reading.distribution;
  if (distribution?.line && distribution.family !== family.id) {
    const distributionFamily = DISTRIBUTION_FAMILIES[distribution.family];
    const entry = distributionFamily ? findLine(distributionFamily, distribution.line) : null;
    if (distributionFamily && entry && entry.endOfLife !== null && entry.endOfLife <= date) {
      const name = distribution.codename ? `${distributionFamily.displayName} ${entry.line} (${distribution.codename})` : `${distributionFamily.displayName} ${entry.line}`;
      findings.push({ subject: name, line: entry.line, endOfLife: entry.endOfLife, source: entry.source });
    }
  }
  return findings;
}

/**
 * For a language image on its default, full variant (`python:3.12`, `node:20-bookworm`,
 * `eclipse-temurin:21`), the minimal tag to use instead; null when the tag is already minimal, names
 * the full variant explicitly (`eclipse-temurin:21-jdk`), names a variant the table does not classify
 * (`php:8.2-apache`, `python:3.12-windowsservercore`), or has no version.
 */
export function minimalAlternative(reference: Pick<ParsedImageReference, "registry" | "path" | "tag">): { family: ImageFamily; tag: string } | null {
  const family = imageFamily(reference);
  if (!family || family.kind !== "language" || !family.minimalTag || reference.tag === null) return null;
  const reading = readTag(family, reference.tag);
  if (reading.version === null || reading.minimal) return null;
  const fullWords = family.fullWords ?? [];
  let codename: string | null = null;
  for (const part of reading.variants) {
    if (fullWords.includes(part)) return null;
    const distribution = Object.hasOwn(DISTRIBUTION_CODENAMES, part) ? DISTRIBUTION_CODENAMES[part] : undefined;
    if (distribution && codename === null) {
      codename = part;
      continue;
    }
    return null;
  }
  // Keep the version exactly as written (`v`, case).
  const writtenVersion = reference.tag.split(/[-_]/u)[0] ?? reading.version;
  const template = codename === null ? family.minimalTag.plain : family.minimalTag.withCodename;
  return { family, tag: template.replace("{version}", writtenVersion).replace("{codename}", codename ?? "") };
}
