/**
 * Which shell a stage's base image provides: the program at `/bin/sh` (what runs every shell-form RUN
 * that no SHELL instruction changes), whether bash is at `/bin/bash`, or no shell at all (scratch,
 * distroless). One table, `DISTRIBUTION_SHELLS`, says it per distribution with the source of each fact,
 * and `IMAGE_DISTRIBUTIONS` / the tag words say which distribution an image is built on. Fixes and
 * suggestions that write a shell into the Dockerfile (a `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`,
 * a GNU-only `wget` flag) and the rules about shell syntax (`no-bashism`) ask this, and stay out when
 * the answer is not certain: an image the tables do not know is `unknown`.
 *
 * A stage built on another stage inherits that stage's answer (`stage-shell.ts` follows SHELL
 * instructions and RUNs that relink `/bin/sh`).
 */
import type { DockerfileProgram, Stage } from "../../dockerfile/ast.js";
import type { ParsedImageReference } from "../../dockerfile/image-reference.js";
import { normalizedImageName } from "../../dockerfile/image-reference.js";
import type { DashFeature } from "../../shell/bashisms.js";
import { imageFamily, readTag } from "../images/image-families.js";
import { getStageGraph } from "../stages/stages.js";

export type ImageShellFamily =
  /** bash is at /bin/bash; coreutils and GNU tools are the norm. */
  | "bash"
  /** BusyBox: /bin/ash, BusyBox applets (wget, tar…). */
  | "busybox"
  /** No shell: scratch, distroless. */
  | "none"
  /** A base the file does not let us know (an ARG without default, an unfamiliar image). */
  | "unknown";

/**
 * The program `/bin/sh` is in an image: `dash` (the Debian Almquist shell), `busybox-ash` (BusyBox's
 * ash applet), `bash`, `none` (no shell: scratch, distroless) or `unknown`.
 */
export type BinSh = "dash" | "busybox-ash" | "bash" | "none" | "unknown";

/** What a distribution's images hold: `/bin/sh`, whether `/bin/bash` is there, and where that is written. */
export interface DistributionShell {
  binSh: BinSh;
  /** bash is installed at /bin/bash (null: not known). */
  hasBash: boolean | null;
  source: string;
}

/** The distributions the table knows. */
export type ShellDistribution = "debian" | "ubuntu" | "alpine" | "busybox" | "rhel" | "distroless";

/**
 * `/bin/sh` per distribution, with the source of each fact.
 * - Debian: dash is `/bin/sh` since Debian 6.0 "squeeze"; bash is an Essential package, so every image has it.
 * - Ubuntu: dash is `/bin/sh` since Ubuntu 6.10; bash is Essential too.
 * - Alpine: `/bin/sh` is a link to BusyBox (the `busybox` package's `busybox --install`), bash is not installed.
 * - busybox: the `busybox` image is BusyBox alone, built with BusyBox's default config (`sh` is ash).
 * - Fedora and the distributions built from its packages (CentOS, RHEL/UBI, Rocky, Alma, Oracle Linux,
 *   Amazon Linux): the `bash` package owns `/bin/sh` (a link to bash, in bash.spec).
 * - Distroless: no shell at all.
 */
export const DISTRIBUTION_SHELLS: Readonly<Record<ShellDistribution, DistributionShell>> = {
  debian: { binSh: "dash", hasBash: true, source: "https://wiki.debian.org/Shell (\"dash is the default /bin/sh since Debian 6.0 squeeze\"); https://www.debian.org/doc/debian-policy/ch-files.html#scripts (bash is Essential)" },
  ubuntu: { binSh: "dash", hasBash: true, source: "https://wiki.ubuntu.com/DashAsBinSh (\"since Ubuntu 6.10, the default system shell, /bin/sh, was changed to dash\")" },
  alpine: { binSh: "busybox-ash", hasBash: false, source: "https://hub.docker.com/_/alpine (\"based on musl libc and busybox\"); https://gitlab.alpinelinux.org/alpine/aports/-/blob/master/main/busybox/APKBUILD (/bin/sh is a busybox link)" },
  busybox: { binSh: "busybox-ash", hasBash: false, source: "https://hub.docker.com/_/busybox; https://github.com/docker-library/busybox (BusyBox defconfig: SH_IS_ASH)" },
  rhel: { binSh: "bash", hasBash: true, source: "https://src.fedoraproject.org/rpms/bash/blob/rawhide/f/bash.spec (`ln -sf bash %{_bindir}/sh`: the bash package provides /bin/sh; CentOS, RHEL/UBI, Rocky, Alma, Oracle Linux and Amazon Linux build the same package)" },
  distroless: { binSh: "none", hasBash: false, source: "https://github.com/GoogleContainerTools/distroless (README: \"no shells\")" },
};

/**
 * The distribution of an image's default tag, by repository (as Docker normalizes it), from each image's
 * Dockerfile (`FROM` line) as published on its Docker Hub page or repository. A tag can say otherwise
 * (`-alpine`, `-bookworm`, `-ubi9-minimal`): the tag's words win (see `distributionOfTag`).
 */
const IMAGE_DISTRIBUTIONS: Readonly<Record<string, ShellDistribution>> = {
  // The distributions themselves.
  "docker.io/library/debian": "debian",
  "docker.io/library/ubuntu": "ubuntu",
  "docker.io/library/alpine": "alpine",
  "docker.io/library/busybox": "busybox",
  "docker.io/library/fedora": "rhel",
  "docker.io/library/centos": "rhel",
  "quay.io/centos/centos": "rhel",
  "docker.io/library/rockylinux": "rhel",
  "docker.io/rockylinux/rockylinux": "rhel",
  "docker.io/library/almalinux": "rhel",
  "docker.io/library/oraclelinux": "rhel",
  "docker.io/library/amazonlinux": "rhel",
  "public.ecr.aws/amazonlinux/amazonlinux": "rhel",
  "docker.io/library/amazoncorretto": "rhel",
  // Official images whose default variant is built FROM Debian (buildpack-deps or debian:*-slim;
  // https://github.com/docker-library/<image>, each image's Dockerfiles).
  ...Object.fromEntries(
    ["node", "python", "pypy", "ruby", "golang", "php", "perl", "rust", "buildpack-deps", "gcc", "haskell", "julia", "r-base", "erlang", "elixir",
      "postgres", "redis", "nginx", "httpd", "wordpress", "memcached", "haproxy", "nextcloud", "drupal", "joomla", "ghost", "odoo"]
      .map((name) => [`docker.io/library/${name}`, "debian" as const]),
  ),
  // The docker image (Docker in Docker, the CLI) is built FROM alpine (https://github.com/docker-library/docker).
  "docker.io/library/docker": "alpine",
  // .NET images: the default tags are Debian 12 up to .NET 9 and Ubuntu 24.04 from .NET 10, dash either way
  // (https://github.com/dotnet/dotnet-docker, "Linux amd64 Tags"; other bases are named in the tag).
  ...Object.fromEntries(["sdk", "runtime", "aspnet", "runtime-deps"].map((image) => [`mcr.microsoft.com/dotnet/${image}`, "debian" as const])),
  // Official images whose default variant is built FROM Ubuntu (eclipse-temurin is; maven, gradle,
  // tomcat, groovy and clojure are built FROM eclipse-temurin; mariadb, mongo, rabbitmq, swift FROM ubuntu).
  ...Object.fromEntries(
    ["eclipse-temurin", "maven", "gradle", "tomcat", "groovy", "clojure", "mariadb", "mongo", "rabbitmq", "swift"]
      .map((name) => [`docker.io/library/${name}`, "ubuntu" as const]),
  ),
};

/**
 * Images whose variants differ in their base, so only the tag can tell `/bin/sh` (`mysql:8` is built on
 * Oracle Linux, `mysql:5.7-debian` on Debian; `openjdk:11` on Debian, `openjdk:17` on Oracle Linux), but
 * every variant has bash; and `composer` (built FROM php:*-alpine, which it adds bash to).
 */
const BASH_WITHOUT_KNOWN_BIN_SH: ReadonlySet<string> = new Set(["mysql", "openjdk", "composer"].map((name) => `docker.io/library/${name}`));

/** Tag words naming a Fedora-family base (`-ubi9-minimal`, `-oraclelinux8`, `-oracle`, `-amazoncorretto-17`, `-al2023`). */
const RHEL_TAG_WORD = /^(?:ubi\d*|oraclelinux\d*|oracle|amazoncorretto|amazonlinux\d*|al2(?:023)?|centos\d*|rockylinux\d*|almalinux\d*|fedora\d*)$/u;

/** Tag words naming a base the table does not describe (Ubuntu chiseled and distroless variants have no shell; Azure Linux, CBL-Mariner). */
const OTHER_BASE_TAG_WORD = /^(?:chiseled|distroless|azurelinux\d*(?:\.\d+)?|cbl|mariner\d*(?:\.\d+)?)$/u;

/** The distribution an image's tag names (`python:3.12-alpine`, `golang:1.22-bookworm`, `maven:3-amazoncorretto-17`), or null. */
function distributionOfTag(reference: ParsedImageReference, official: boolean): ShellDistribution | "other" | null {
  if (reference.tag === null) return null;
  const words = reference.tag.toLowerCase().split(/[-_]/u);
  if (words.some((word) => OTHER_BASE_TAG_WORD.test(word))) return "other";
  if (words.some((word) => RHEL_TAG_WORD.test(word))) return "rhel";
  const reading = readTag(imageFamily(reference), reference.tag);
  if (reading.distribution) return reading.distribution.family;
  // The official images' `slim` variants are built FROM debian:*-slim (each image's "Image Variants").
  if (official && words.includes("slim")) return "debian";
  return null;
}

/** The dash one release of a distribution ships, and which of the `DashFeature`s it has. */
export interface DashBuild {
  /** The package version (`0.5.12-2`): the source of the facts, as measured. */
  version: string;
  /** How messages name the release (`Debian 12 (bookworm)`). */
  release: string;
  features: Readonly<Record<DashFeature, boolean>>;
}

/**
 * The dash of each Debian and Ubuntu release, keyed `debian 12`, `ubuntu 22.04` (the release line as
 * `image-families.ts` reads it from a tag), with whether it has `set -o pipefail`.
 * Upstream dash gained the option after 0.5.12, in commit 6347b9fc ("jobs: Implement pipefail option",
 * https://kernel.googlesource.com/pub/scm/utils/dash/dash/+/6347b9fc52d742f36a0276cdea06cd9ad1f02c77);
 * a distribution's package may carry it as a patch, so the version number alone does not tell.
 * Measured 2026-12-06: each release's `dash` package as its archive lists it (deb.debian.org
 * `dists/<codename>/main/binary-amd64/Packages.xz`, archive.ubuntu.com the same, `-updates` and `-security`
 * holding no newer dash), the .deb extracted with `dpkg-deb -x` and run as
 * `dash -c 'set -o pipefail; false | true; echo $?'`: `set: Illegal option -o pipefail` and exit 2
 * (false), or `1` (true). Releases whose package could not be fetched (Debian 10 buster, Ubuntu 24.10
 * oracular: moved off the archives) and rolling targets (Debian testing/sid) are left out: unknown.
 */
export const DASH_BUILDS: Readonly<Record<string, DashBuild>> = {
  "debian 11": { version: "0.5.11+git20200708+dd9ef66-5", release: "Debian 11 (bullseye)", features: { pipefail: false } },
  "debian 12": { version: "0.5.12-2", release: "Debian 12 (bookworm)", features: { pipefail: false } },
  "debian 13": { version: "0.5.12-12", release: "Debian 13 (trixie)", features: { pipefail: true } },
  "ubuntu 16.04": { version: "0.5.8-2.1ubuntu2", release: "Ubuntu 16.04 (xenial)", features: { pipefail: false } },
  "ubuntu 18.04": { version: "0.5.8-2.10", release: "Ubuntu 18.04 (bionic)", features: { pipefail: false } },
  "ubuntu 20.04": { version: "0.5.10.2-6", release: "Ubuntu 20.04 (focal)", features: { pipefail: false } },
  "ubuntu 22.04": { version: "0.5.11+git20210903+057cd650a4ed-3build1", release: "Ubuntu 22.04 (jammy)", features: { pipefail: false } },
  "ubuntu 24.04": { version: "0.5.12-6ubuntu5", release: "Ubuntu 24.04 (noble)", features: { pipefail: false } },
  "ubuntu 25.04": { version: "0.5.12-12ubuntu1", release: "Ubuntu 25.04 (plucky)", features: { pipefail: true } },
  "ubuntu 25.10": { version: "0.5.12-12ubuntu2", release: "Ubuntu 25.10 (questing)", features: { pipefail: true } },
};

/** The dash build of a release (`release` as `ImageShell.release` writes it), or null when the table does not know it. */
export function dashBuildOf(release: string | null | undefined): DashBuild | null {
  return release && Object.hasOwn(DASH_BUILDS, release) ? DASH_BUILDS[release]! : null;
}

/**
 * The Debian or Ubuntu release an image's tag names, as `debian 12` / `ubuntu 22.04`: a codename word
 * (`node:20-bookworm`, `python:3.12-slim-bookworm`, `ubuntu:jammy`) or the distribution image's own
 * version (`debian:12.5-slim`, `ubuntu:22.04`). Null for a floating tag (`debian:latest`, `node:20`,
 * `python:3.12-slim`, `debian:stable`): the release it points to changes.
 */
function releaseOfTag(reference: ParsedImageReference, name: string, distribution: ShellDistribution): string | null {
  if (reference.tag === null || (distribution !== "debian" && distribution !== "ubuntu")) return null;
  // By the name with the architecture namespace taken off (`arm64v8/debian` is `debian`).
  const slash = name.indexOf("/");
  const family = imageFamily({ registry: name.slice(0, slash), path: name.slice(slash + 1) });
  const reading = readTag(family, reference.tag);
  let line: string | null = null;
  if (reading.distribution) line = reading.distribution.family === distribution ? reading.distribution.line : null;
  else if (family?.id === distribution) line = reading.line;
  if (line === null) return null;
  // Debian's point releases (12.5) are the release 12; Ubuntu's are the year and month (22.04).
  const release = distribution === "debian" ? /^(\d+)(?:\.\d+)*$/u.exec(line)?.[1] : /^(\d+\.\d+)(?:\.\d+)?$/u.exec(line)?.[1];
  return release === undefined ? null : `${distribution} ${release}`;
}

const ARCHITECTURE_NAMESPACE = /^docker\.io\/(?:amd64|arm32v5|arm32v6|arm32v7|arm64v8|i386|mips64le|ppc64le|riscv64|s390x|windows-amd64)\/(?=[^/]+$)/u;

/** What an image's shell is: `/bin/sh` and whether bash is there. */
export interface ImageShell {
  binSh: BinSh;
  hasBash: boolean | null;
  /** The distribution the answer comes from (null: unknown, or known otherwise). */
  distribution: ShellDistribution | null;
  /** For an image the tables do not know, the distribution its tag names (`myorg/app:1-alpine`): a hint, not a fact about /bin/sh. */
  tagDistribution?: ShellDistribution;
  /** The Debian or Ubuntu release the tag names (`debian 12`, `ubuntu 22.04`; absent: a floating tag or another distribution), keys of `DASH_BUILDS`. */
  release?: string;
}

const UNKNOWN_SHELL: ImageShell = { binSh: "unknown", hasBash: null, distribution: null };

function shellOf(distribution: ShellDistribution, reference?: ParsedImageReference, name?: string): ImageShell {
  const { binSh, hasBash } = DISTRIBUTION_SHELLS[distribution];
  const release = reference && name !== undefined ? releaseOfTag(reference, name, distribution) : null;
  return release === null ? { binSh, hasBash, distribution } : { binSh, hasBash, distribution, release };
}

/** `/bin/sh` of an image reference with no variables left (`node:20-alpine`, `registry.access.redhat.com/ubi9/ubi-minimal`). */
export function imageShellOf(reference: ParsedImageReference): ImageShell {
  if (reference.isScratch) return { binSh: "none", hasBash: false, distribution: null };
  if (reference.variables.length > 0) return UNKNOWN_SHELL;
  // The official images per architecture (`arm64v8/alpine`, `amd64/buildpack-deps`) are the same images
  // (https://github.com/docker-library/official-images#architectures-other-than-amd64).
  const name = normalizedImageName(reference).toLowerCase().replace(ARCHITECTURE_NAMESPACE, "docker.io/library/");
  if (/(?:^|\/)distroless\//u.test(name)) return shellOf("distroless");
  // Red Hat's UBI images (registry.access.redhat.com/ubi9, …/ubi9/ubi-minimal, redhat/ubi8); ubi-micro is left out (its contents are not in the sources above).
  if (/^(?:registry\.access\.redhat\.com|registry\.redhat\.io|docker\.io\/redhat)\/(?:ubi\d+\/)?ubi\d*(?:-minimal|-init)?$/u.test(name)) return shellOf("rhel");
  const official = name.startsWith("docker.io/library/");
  const fromTag = distributionOfTag(reference, official);
  if (fromTag === "other") return UNKNOWN_SHELL;
  if (fromTag) {
    // A tag names the distribution of an image we know (`python:3-alpine`) or of any image: for an image the
    // tables do not know, a codename says what it was built on, not that its author kept /bin/sh.
    if (official || name in IMAGE_DISTRIBUTIONS) return shellOf(fromTag, reference, name);
    return { binSh: "unknown", hasBash: DISTRIBUTION_SHELLS[fromTag].hasBash, distribution: null, tagDistribution: fromTag };
  }
  const byName = IMAGE_DISTRIBUTIONS[name];
  if (byName) return shellOf(byName, reference, name);
  if (BASH_WITHOUT_KNOWN_BIN_SH.has(name)) return { binSh: "unknown", hasBash: true, distribution: null };
  return UNKNOWN_SHELL;
}

/** The older three-way view (`bash` / `busybox` / `none` / `unknown`) that suggestions writing a SHELL line ask. */
function familyOf(shell: ImageShell): ImageShellFamily {
  if (shell.binSh === "none") return "none";
  if (shell.hasBash === true) return "bash";
  if (shell.binSh === "busybox-ash" || shell.tagDistribution === "alpine") return "busybox";
  return "unknown";
}

const cache = new WeakMap<DockerfileProgram, Map<Stage, ImageShell>>();

/** The shell of the image `stage` is built on (through earlier stages), computed once per file. */
export function stageImageShell(program: DockerfileProgram, stage: Stage): ImageShell {
  let byStage = cache.get(program);
  if (!byStage) {
    byStage = new Map();
    const graph = getStageGraph(program);
    for (const each of program.stages) {
      const base = graph.baseOf(each);
      let shell: ImageShell;
      if (base.kind === "stage") shell = byStage.get(base.stage) ?? UNKNOWN_SHELL;
      else if (base.kind === "scratch") shell = { binSh: "none", hasBash: false, distribution: null };
      else if (base.kind === "image") shell = imageShellOf(base.reference);
      else shell = UNKNOWN_SHELL;
      byStage.set(each, shell);
    }
    cache.set(program, byStage);
  }
  return byStage.get(stage) ?? UNKNOWN_SHELL;
}

/** The shell family of the image `stage` is built on (through earlier stages), computed once per file. */
export function imageShellFamily(program: DockerfileProgram, stage: Stage): ImageShellFamily {
  return familyOf(stageImageShell(program, stage));
}
