/**
 * What we know about common images, as data: how each family writes its tags (which part is the
 * version, which words are variants), which variants are minimal, and when each version line reaches
 * its end of life, with the source of every fact (the project's own release schedule). Read by
 * `prefer-minimal-base-image`, `no-end-of-life-image`, `no-copy-root-filesystem` and
 * `require-image-tag` through `analyzeImage`; no rule keeps image knowledge of its own.
 *
 * An image the table does not know gets `family: null`: the rules that need a family stay silent.
 */
import { normalizedImageName, type ParsedImageReference } from "../dockerfile/image-reference.js";

/** A version line and the day it stops receiving fixes (ISO `YYYY-MM-DD`, the first day it is unsupported or the announced end date). */
export interface EndOfLife {
  /** `20`, `3.8`, `20.04`: matches a version equal to it or starting with it and a dot. */
  line: string;
  endOfLife: string;
  source: string;
}

export interface ImageFamily {
  id: string;
  /** What people call it, for messages ("Node.js", "Debian"). */
  displayName: string;
  /** Repository names as Docker normalizes them (`docker.io/library/node`). */
  repositories: readonly string[];
  /** `language`: a language runtime (prefer-minimal applies); `distribution`: an OS; `service`: a server. */
  kind: "language" | "distribution" | "service";
  /** Where the tag conventions are documented (the image's page). */
  tagSource: string;
  /** Names that stand for a version line in tags (`node:iron` is Node.js 20, `debian:bookworm` is 12). */
  lineAliases?: Readonly<Record<string, string>>;
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

function lines(source: string, entries: Readonly<Record<string, string>>): EndOfLife[] {
  return Object.entries(entries).map(([line, endOfLife]) => ({ line, endOfLife, source }));
}

/**
 * Distribution codenames used in tags, with the distribution and version line they name
 * (https://wiki.debian.org/DebianReleases, https://wiki.ubuntu.com/Releases). `sid` is left out on
 * purpose: it is Debian unstable, a rolling target, not a release.
 */
export const DISTRIBUTION_CODENAMES: Readonly<Record<string, { family: "debian" | "ubuntu"; line: string }>> = {
  jessie: { family: "debian", line: "8" },
  stretch: { family: "debian", line: "9" },
  buster: { family: "debian", line: "10" },
  bullseye: { family: "debian", line: "11" },
  bookworm: { family: "debian", line: "12" },
  trixie: { family: "debian", line: "13" },
  forky: { family: "debian", line: "14" },
  duke: { family: "debian", line: "15" },
  trusty: { family: "ubuntu", line: "14.04" },
  xenial: { family: "ubuntu", line: "16.04" },
  bionic: { family: "ubuntu", line: "18.04" },
  focal: { family: "ubuntu", line: "20.04" },
  jammy: { family: "ubuntu", line: "22.04" },
  impish: { family: "ubuntu", line: "21.10" },
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

export const IMAGE_FAMILIES: readonly ImageFamily[] = [
  {
    id: "node",
    displayName: "Node.js",
    repositories: [library("node")],
    kind: "language",
    tagSource: "https://hub.docker.com/_/node",
    // LTS codenames (https://github.com/nodejs/Release/blob/main/CODENAMES.md) are tags too: `node:iron-slim`.
    lineAliases: { argon: "4", boron: "6", carbon: "8", dubnium: "10", erbium: "12", fermium: "14", gallium: "16", hydrogen: "18", iron: "20", jod: "22", krypton: "24" },
    minimalWords: ["slim", "alpine"],
    minimalTag: { plain: "{version}-slim", withCodename: "{version}-{codename}-slim" },
    endOfLife: lines(NODE_SCHEDULE, {
      "4": "2018-04-30",
      "6": "2019-04-30",
      "8": "2019-12-31",
      "10": "2021-04-30",
      "12": "2022-04-30",
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
    }),
  },
  {
    id: "python",
    displayName: "Python",
    repositories: [library("python")],
    kind: "language",
    tagSource: "https://hub.docker.com/_/python",
    minimalWords: ["slim", "alpine"],
    minimalTag: { plain: "{version}-slim", withCodename: "{version}-slim-{codename}" },
    endOfLife: lines(PYTHON_VERSIONS, {
      "2": "2020-01-01",
      "2.7": "2020-01-01",
      "3.5": "2020-09-30",
      "3.6": "2021-12-23",
      "3.7": "2023-06-27",
      "3.8": "2024-10-07",
      "3.9": "2025-10-31",
      "3.10": "2026-10-31",
      "3.11": "2027-10-31",
      "3.12": "2028-10-31",
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
    // day of 1.(N+2) (release days: https://go.dev/doc/devel/release). Lines whose successor's
    // release day is not yet recorded here are left out rather than guessed.
    endOfLife: lines(GO_POLICY, {
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
    }),
  },
  {
    id: "ruby",
    displayName: "Ruby",
    repositories: [library("ruby")],
    kind: "language",
    tagSource: "https://hub.docker.com/_/ruby",
    minimalWords: ["slim", "alpine"],
    minimalTag: { plain: "{version}-slim", withCodename: "{version}-slim-{codename}" },
    endOfLife: lines(RUBY_BRANCHES, { "2.5": "2021-04-05", "2.6": "2022-04-12", "2.7": "2023-03-31", "3.0": "2024-04-23", "3.1": "2025-03-26" }),
  },
  {
    id: "php",
    displayName: "PHP",
    repositories: [library("php")],
    kind: "language",
    tagSource: "https://hub.docker.com/_/php",
    minimalWords: ["alpine"],
    fullWords: ["cli"],
    minimalTag: { plain: "{version}-cli-alpine", withCodename: "{version}-cli-alpine" },
    endOfLife: lines(PHP_VERSIONS, { "5.6": "2018-12-31", "7.0": "2019-01-10", "7.1": "2019-12-01", "7.2": "2020-11-30", "7.3": "2021-12-06", "7.4": "2022-11-28", "8.0": "2023-11-26", "8.1": "2025-12-31" }),
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
    endOfLife: [],
  },
  {
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
    id: "debian",
    displayName: "Debian",
    repositories: [library("debian")],
    kind: "distribution",
    tagSource: "https://hub.docker.com/_/debian",
    lineAliases: DEBIAN_ALIASES,
    minimalWords: ["slim"],
    endOfLife: lines(DEBIAN_LTS, { "8": "2020-06-30", "9": "2022-06-30", "10": "2024-06-30", "11": "2026-08-31", "12": "2028-06-30" }),
  },
  {
    id: "ubuntu",
    displayName: "Ubuntu",
    repositories: [library("ubuntu")],
    kind: "distribution",
    tagSource: "https://hub.docker.com/_/ubuntu",
    lineAliases: UBUNTU_ALIASES,
    minimalWords: [],
    // Standard support (without Ubuntu Pro).
    endOfLife: lines(UBUNTU_CYCLE, {
      "14.04": "2019-04-30",
      "16.04": "2021-04-30",
      "18.04": "2023-05-31",
      "20.04": "2025-05-31",
      // Interim releases: nine months of support (https://wiki.ubuntu.com/Releases).
      "21.10": "2022-07-14",
      "22.10": "2023-07-20",
      "23.04": "2024-01-25",
      "23.10": "2024-07-11",
      "24.10": "2025-07-10",
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
    }),
  },
  {
    id: "postgres",
    displayName: "PostgreSQL",
    repositories: [library("postgres")],
    kind: "service",
    tagSource: "https://hub.docker.com/_/postgres",
    minimalWords: ["alpine"],
    endOfLife: lines(POSTGRES_VERSIONING, { "9.6": "2021-11-11", "10": "2022-11-10", "11": "2023-11-09", "12": "2024-11-21", "13": "2025-11-13", "14": "2026-11-12" }),
  },
  {
    id: "mysql",
    displayName: "MySQL",
    repositories: [library("mysql")],
    kind: "service",
    tagSource: "https://hub.docker.com/_/mysql",
    minimalWords: [],
    endOfLife: lines(MYSQL_LIFETIME, { "5.6": "2021-02-28", "5.7": "2023-10-31", "8.0": "2026-04-30" }),
  },
  { id: "redis", displayName: "Redis", repositories: [library("redis")], kind: "service", tagSource: "https://hub.docker.com/_/redis", minimalWords: ["alpine"], endOfLife: [] },
  { id: "nginx", displayName: "nginx", repositories: [library("nginx")], kind: "service", tagSource: "https://hub.docker.com/_/nginx", minimalWords: ["alpine", "slim"], endOfLife: [] },
  { id: "httpd", displayName: "Apache httpd", repositories: [library("httpd")], kind: "service", tagSource: "https://hub.docker.com/_/httpd", minimalWords: ["alpine"], endOfLife: [] },
  { id: "mongo", displayName: "MongoDB", repositories: [library("mongo")], kind: "service", tagSource: "https://hub.docker.com/_/mongo", minimalWords: [], endOfLife: [] },
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
  const first = parts[0] ?? "";
  let version: string | null = null;
  let line: string | null = null;
  const alias = family?.lineAliases && Object.hasOwn(family.lineAliases, first) ? family.lineAliases[first] : undefined;
  if (NUMERIC_VERSION.test(first)) {
    version = first.replace(/^v/u, "");
    line = version;
  } else if (alias !== undefined) {
    version = first;
    line = alias;
  } else if (family === null && Object.hasOwn(DISTRIBUTION_CODENAMES, first)) {
    // An image we do not know, tagged like its distribution (`buildpack-deps:bookworm`): the codename is its line.
    version = first;
    line = DISTRIBUTION_CODENAMES[first]?.line ?? null;
  }
  const variants = version === null ? parts : parts.slice(1);
  let distribution: TagReading["distribution"] = null;
  for (const part of variants) {
    const codename = Object.hasOwn(DISTRIBUTION_CODENAMES, part) ? DISTRIBUTION_CODENAMES[part] : undefined;
    if (codename) distribution = { family: codename.family, line: codename.line, codename: part };
    const alpine = ALPINE_VARIANT.exec(part);
    if (alpine) distribution = { family: "alpine", line: alpine[1] ?? null, codename: null };
  }
  const minimalWords = family?.minimalWords ?? [];
  const minimal = variants.some((part) => minimalWords.includes(ALPINE_VARIANT.test(part) ? "alpine" : part));
  return { version, line, variants, distribution, minimal };
}

/** Whether `version` is on `line`: equal to it, or it followed by a dot (`3.8.18` is on `3.8`, `3.80` is not). */
export function isOnLine(version: string, line: string): boolean {
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

function findLine(family: ImageFamily, version: string): EndOfLife | null {
  // The most specific line wins (`2.7` over `2`).
  let best: EndOfLife | null = null;
  for (const entry of family.endOfLife) if (isOnLine(version, entry.line) && (!best || entry.line.length > best.line.length)) best = entry;
  return best;
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
  if (reading.line !== null) {
    const entry = findLine(family, reading.line);
    if (entry && entry.endOfLife <= date) findings.push({ subject: `${family.displayName} ${entry.line}`, line: entry.line, endOfLife: entry.endOfLife, source: entry.source });
  }
  const distribution = reading.distribution;
  if (distribution?.line && family.kind !== "distribution") {
    const distributionFamily = DISTRIBUTION_FAMILIES[distribution.family];
    const entry = distributionFamily ? findLine(distributionFamily, distribution.line) : null;
    if (distributionFamily && entry && entry.endOfLife <= date) {
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
