/**
 * Which commands a stage can run without installing them, and which implementation it gets: the tools
 * its base image's own system provides (a table, one row per base system, with the source of each
 * fact), then what the RUNs of the stage and of the stages it is built on install with the
 * distribution's package manager (the shared package-manager invocations model). Read by
 * `wget-progress` (BusyBox `wget` has no dot output), `single-http-client` (a client the base image
 * already has is not one the stage adds) and meant for any rule that asks "is `curl` here?".
 *
 * Unknown stays unknown: an image the table cannot place (a private image, an ARG only the build
 * knows) has unknown tools, and a caller must not guess.
 */
import path from "node:path";
import type { DockerfileProgram, Instruction, Stage } from "../../dockerfile/ast.js";
import { normalizedImageName, type ParsedImageReference } from "../../dockerfile/image-reference.js";
import { unwrappedCommand } from "../../shell/unwrapped.js";
import { imageFamily, readTag, type TagReading } from "./image-families.js";
import { packageManagerInvocations } from "../packages/package-manager-invocations.js";
import { runShellScript } from "../run/run-shell.js";
import { getStageGraph } from "../stages/stages.js";
import { argumentValue } from "../variables/word-value.js";

/**
 * The tools the table knows about: the HTTP clients, netcat, and the database clients health checks
 * call (`pg_isready`, `mysqladmin`, `redis-cli`, `mongosh`…).
 */
export const IMAGE_TOOLS = ["wget", "curl", "nc", "pg_isready", "psql", "mysqladmin", "mysql", "mariadb-admin", "mariadb", "redis-cli", "mongosh", "mongo"] as const;
export type ImageTool = (typeof IMAGE_TOOLS)[number];

/** Whether a command name is one of the tools the table knows. */
export function isImageTool(name: string): name is ImageTool {
  return (IMAGE_TOOLS as readonly string[]).includes(name);
}

/**
 * The implementation of a tool: BusyBox's applet, GNU Wget, curl itself, or the program of its own
 * package (`native`: a database client, a binary copied in).
 */
export type ToolImplementation = "busybox" | "gnu" | "curl" | "native";

/** A base image's own system: what is on it before any RUN. */
export interface BaseSystem {
  id: "alpine" | "busybox" | "debian" | "ubuntu" | "buildpack-deps" | "scratch" | "distroless";
  /** The tools it ships, with their implementation; a tool not listed is absent. */
  tools: Readonly<Partial<Record<ImageTool, ToolImplementation>>>;
  /** The distribution's package manager family, whose packages (`packageTools`) can add tools; null: none. */
  packages: "apk" | "deb" | null;
  /** Whether it has `/bin/sh` (a shell-form health check or `CMD-SHELL` needs one). */
  shell: boolean;
  source: string;
}

/**
 * Base systems (facts):
 * - Alpine's image is its minirootfs: `busybox` (with the `wget` and `nc` applets, `CONFIG_WGET=y` and
 *   `CONFIG_NC=y` in aports `main/busybox/busyboxconfig`), `apk-tools`, `ssl_client`, no curl
 *   (https://gitlab.alpinelinux.org/alpine/aports/-/blob/master/main/busybox/busyboxconfig,
 *   https://alpinelinux.org/downloads/ "Mini root filesystem"). The official images' `-alpine` variants
 *   are `FROM alpine:3.x` (each image's "Image Variants" section).
 * - `busybox` is BusyBox alone, `wget` and `nc` applets included (https://hub.docker.com/_/busybox).
 * - `debian` and `ubuntu` images are a minimal base (debuerreotype's `minbase`; Ubuntu's minimized
 *   image): neither curl nor wget nor netcat (https://github.com/debuerreotype/debuerreotype,
 *   https://hub.docker.com/_/ubuntu). So are the official language images' `-slim` variants, which
 *   install their build tools and purge them again (docker-library/python, node, ruby
 *   slim Dockerfiles: `apt-get purge -y --auto-remove` after the build).
 * - `buildpack-deps:<codename>-curl` installs `curl` and `wget` (GNU); its `-scm` and full variants are
 *   built on it and add version control and build libraries, no netcat
 *   (https://github.com/docker-library/buildpack-deps, `debian/bookworm/{curl,scm,}/Dockerfile`).
 *   The default (full) variants of the official images below are `FROM buildpack-deps:<codename>`
 *   (or `-scm`), each image's `Dockerfile` in its docker-library repository.
 * - Distroless images hold an application's runtime and nothing else: no shell, no package manager,
 *   no tools (https://github.com/GoogleContainerTools/distroless, README "What is in there?"); their
 *   `:debug` tags add a BusyBox shell, so those stay unknown.
 * - `scratch` is empty.
 */
const BASE_SYSTEMS: Readonly<Record<BaseSystem["id"], BaseSystem>> = {
  alpine: { id: "alpine", tools: { wget: "busybox", nc: "busybox" }, packages: "apk", shell: true, source: "https://gitlab.alpinelinux.org/alpine/aports/-/blob/master/main/busybox/busyboxconfig" },
  busybox: { id: "busybox", tools: { wget: "busybox", nc: "busybox" }, packages: null, shell: true, source: "https://hub.docker.com/_/busybox" },
  debian: { id: "debian", tools: {}, packages: "deb", shell: true, source: "https://github.com/debuerreotype/debuerreotype" },
  ubuntu: { id: "ubuntu", tools: {}, packages: "deb", shell: true, source: "https://hub.docker.com/_/ubuntu" },
  "buildpack-deps": { id: "buildpack-deps", tools: { curl: "curl", wget: "gnu" }, packages: "deb", shell: true, source: "https://github.com/docker-library/buildpack-deps" },
  scratch: { id: "scratch", tools: {}, packages: null, shell: false, source: "https://docs.docker.com/build/building/base-images/#create-a-minimal-base-image-using-scratch" },
  distroless: { id: "distroless", tools: {}, packages: null, shell: false, source: "https://github.com/GoogleContainerTools/distroless#what-is-in-there" },
};

/** Official images whose default (full) Debian variant is built on `buildpack-deps` (their docker-library Dockerfiles). */
const ON_BUILDPACK_DEPS: ReadonlySet<string> = new Set(["node", "python", "pypy", "ruby", "golang", "rust", "perl", "gcc", "erlang", "elixir"]);
/** Official images whose `-slim` variant is `debian:<codename>-slim` plus the runtime, no download tool. */
const SLIM_ON_DEBIAN: ReadonlySet<string> = new Set(["node", "python", "ruby"]);

/** The major version a tag names (`16.2-alpine` → 16), or null when it names none (`latest`, `alpine`: the newest). */
function majorOf(reading: TagReading): number | null {
  const major = reading.version === null ? NaN : Number.parseInt(reading.version, 10);
  return Number.isNaN(major) ? null : major;
}

/** An official service image: the clients it ships, and the system it is built on for a tag. */
interface ServiceImage {
  /** The tools the image adds to its system, present or (false) known absent, for a tag. */
  tools(reading: TagReading): Readonly<Partial<Record<ImageTool, ToolImplementation | false>>>;
  /** The base system of a tag, or null when the image's Dockerfile for it is not one we read. */
  system(reading: TagReading): BaseSystem | null;
  source: string;
}

/**
 * A tag's system for an image published on Alpine and on one other distribution: Alpine for an Alpine
 * tag, `other` for a tag with no variant but the distribution's codename (`16.4`, `16-bookworm`), null
 * for any other variant (`windowsservercore`, a tag the table has not read).
 */
const alpineOr = (other: BaseSystem) => (reading: TagReading) => {
  if (reading.distribution?.family === "alpine") return BASE_SYSTEMS.alpine;
  const plain = reading.variants.every((part) => part === reading.distribution?.codename);
  return plain && (reading.distribution === null || reading.distribution.family === other.id) ? other : null;
};

/**
 * Official database images (facts, from each image's docker-library Dockerfiles):
 * - `postgres`: `FROM debian:<codename>-slim` (or `alpine:3.x`), installs `postgresql-<major>` whose
 *   `bin` (pg_isready, psql) is on PATH; the `wget` used to fetch gosu is purged again
 *   (https://github.com/docker-library/postgres, `Dockerfile-debian.template`, `Dockerfile-alpine.template`).
 * - `redis` up to 7.x: `FROM debian:bookworm-slim` (or alpine) with redis-server and redis-cli built
 *   from source, the download and build tools purged (https://github.com/docker-library/redis,
 *   `Dockerfile.template`). Redis 8 images come from another repository: their system is not read.
 * - `mongo`: `FROM ubuntu:<codename>`, mongosh from 6.0 on, the legacy `mongo` shell up to 5.0 (removed
 *   in 6.0, https://www.mongodb.com/docs/manual/release-notes/6.0-compatibility/#legacy-mongo-shell-removed);
 *   the `wget` used for gosu is purged (https://github.com/docker-library/mongo, `Dockerfile-linux.template`).
 * - `mariadb`: `FROM ubuntu:<codename>`, `mariadb` and `mariadb-admin`; the `mysql*` compatibility names
 *   are gone from 11.0 on (https://github.com/MariaDB/mariadb-docker, README "mysql symlinks removed";
 *   https://mariadb.com/kb/en/mariadb-11-0-0-release-notes/).
 * - `mysql`: `mysql` and `mysqladmin` (https://github.com/docker-library/mysql); built on Oracle Linux
 *   (or Debian for some tags): its system is not judged.
 */
const SERVICE_IMAGES: Readonly<Record<string, ServiceImage>> = {
  postgres: { tools: () => ({ pg_isready: "native", psql: "native" }), system: alpineOr(BASE_SYSTEMS.debian), source: "https://github.com/docker-library/postgres" },
  redis: {
    tools: () => ({ "redis-cli": "native" }),
    system: (reading) => {
      const major = majorOf(reading);
      return major !== null && major <= 7 ? alpineOr(BASE_SYSTEMS.debian)(reading) : null;
    },
    source: "https://github.com/docker-library/redis",
  },
  mongo: {
    tools: (reading) => {
      const major = majorOf(reading);
      if (major === null || major >= 6) return { mongosh: "native", mongo: false };
      return major === 5 ? { mongosh: "native", mongo: "native" } : { mongo: "native" };
    },
    system: (reading) => (reading.variants.every((part) => part === reading.distribution?.codename) && (reading.distribution === null || reading.distribution.family === "ubuntu") ? BASE_SYSTEMS.ubuntu : null),
    source: "https://github.com/docker-library/mongo",
  },
  mariadb: {
    tools: (reading) => {
      const major = majorOf(reading);
      const clients = { mariadb: "native", "mariadb-admin": "native" } as const;
      if (major === null || major >= 11) return { ...clients, mysqladmin: false, mysql: false };
      return major === 10 ? { ...clients, mysqladmin: "native", mysql: "native" } : {};
    },
    system: (reading) => (reading.variants.every((part) => part === reading.distribution?.codename) && (reading.distribution === null || reading.distribution.family === "ubuntu") ? BASE_SYSTEMS.ubuntu : null),
    source: "https://github.com/MariaDB/mariadb-docker",
  },
  mysql: { tools: () => ({ mysqladmin: "native", mysql: "native" }), system: () => null, source: "https://github.com/docker-library/mysql" },
};

/**
 * What the distributions' packages install: GNU Wget (Alpine's `wget` package replaces the BusyBox
 * applet's link, https://pkgs.alpinelinux.org/package/edge/main/x86_64/wget; Debian's
 * https://packages.debian.org/stable/wget; Fedora's and SUSE's are GNU Wget too), curl (`curl-minimal`
 * is Fedora's default curl), netcat (Debian's `netcat-openbsd`/`netcat-traditional`, Alpine's
 * `netcat-openbsd`, Fedora's `nmap-ncat`), and the database clients (Debian's `postgresql-client[-N]`,
 * Alpine's `postgresql[N]-client`, `default-mysql-client`/`mariadb-client`/`mysql-client`, Debian's
 * `redis-tools` and Alpine's `redis`, MongoDB's `mongodb-mongosh`). A package that may provide a
 * tool counts as providing it: presence only keeps rules silent.
 */
const PACKAGE_TOOLS: readonly { name: RegExp; tools: Readonly<Partial<Record<ImageTool, ToolImplementation>>> }[] = [
  { name: /^wget$/u, tools: { wget: "gnu" } },
  { name: /^curl(?:-minimal)?$/u, tools: { curl: "curl" } },
  { name: /^(?:netcat(?:-openbsd|-traditional)?|nmap-ncat|ncat|nc|openbsd-netcat|gnu-netcat)$/u, tools: { nc: "native" } },
  { name: /^postgresql(?:\d*-client(?:-\d+)?|-client-common)?$/u, tools: { pg_isready: "native", psql: "native" } },
  { name: /^(?:default-mysql-client|mysql-client(?:-core)?(?:-[\d.]+)?|mariadb-client(?:-core)?|mariadb|mysql|mysql-community-client|community-mysql)$/u, tools: { mysqladmin: "native", mysql: "native", "mariadb-admin": "native", mariadb: "native" } },
  { name: /^(?:redis(?:-tools)?|redis-server|valkey(?:-tools)?)$/u, tools: { "redis-cli": "native" } },
  { name: /^(?:mongodb-mongosh|mongodb-org(?:-shell)?|mongodb-clients)$/u, tools: { mongosh: "native", mongo: "native" } },
];
/** The package a distribution installs a tool with, and what it gets (for `absent.packaged`). */
const PACKAGED: Readonly<Partial<Record<ImageTool, ToolImplementation>>> = { wget: "gnu", curl: "curl", nc: "native", pg_isready: "native", psql: "native", mysqladmin: "native", mysql: "native", "mariadb-admin": "native", mariadb: "native", "redis-cli": "native", mongosh: "native" };
/** The package managers whose packages are the distribution's (not a language's). */
const SYSTEM_PACKAGE_MANAGERS: ReadonlySet<string> = new Set(["apt-get", "apt", "aptitude", "apk", "yum", "dnf", "microdnf", "zypper", "pacman"]);

/** The base system of an image reference, or null when the table cannot place it. */
export function baseSystemOf(reference: Pick<ParsedImageReference, "registry" | "path" | "tag">): BaseSystem | null {
  if (reference.path === "") return null;
  const name = normalizedImageName(reference);
  if (name === "docker.io/library/busybox") return BASE_SYSTEMS.busybox;
  if (name.startsWith("gcr.io/distroless/")) return /debug/u.test(reference.tag ?? "") ? null : BASE_SYSTEMS.distroless;
  const family = imageFamily(reference);
  const reading = readTag(family, reference.tag ?? "latest");
  // A tag that names Alpine (`-alpine`, `alpine3.22`) is built on it, official or not (`dotnet/aspnet:8.0-alpine3.22`).
  if (family?.id === "alpine" || reading.distribution?.family === "alpine") return BASE_SYSTEMS.alpine;
  if (!family) return null;
  if (family.id === "debian") return BASE_SYSTEMS.debian;
  if (family.id === "ubuntu") return BASE_SYSTEMS.ubuntu;
  const service = Object.hasOwn(SERVICE_IMAGES, family.id) ? SERVICE_IMAGES[family.id] : undefined;
  if (service) return service.system(reading);
  const onlyCodenames = reading.variants.every((part) => part === reading.distribution?.codename);
  if (family.id === "buildpack-deps") return reading.variants.every((part) => part === "curl" || part === "scm") ? BASE_SYSTEMS["buildpack-deps"] : null;
  if (ON_BUILDPACK_DEPS.has(family.id) && onlyCodenames && reading.distribution?.family !== "ubuntu") return BASE_SYSTEMS["buildpack-deps"];
  if (SLIM_ON_DEBIAN.has(family.id) && reading.variants.includes("slim") && reading.variants.every((part) => part === "slim" || part === reading.distribution?.codename)) return BASE_SYSTEMS.debian;
  return null;
}

/**
 * Official images whose `-alpine` variant adds no HTTP client or netcat of its own to Alpine's (their
 * docker-library Dockerfiles install the runtime and delete the build dependencies, `apk del
 * .build-deps`). Other images' Alpine variants may add some (nginx's installs curl, php's curl): for
 * those only what Alpine itself ships is known, not what is missing.
 */
const ALPINE_ONLY_RUNTIME: ReadonlySet<string> = new Set(["node", "python", "ruby", "golang", "rust"]);

/**
 * Whether the table knows everything an image's system ships (so a tool it does not list is absent),
 * not only the system it is built on: the distribution images themselves, `buildpack-deps`, distroless,
 * the language images whose variants the table reads (`ON_BUILDPACK_DEPS`, `SLIM_ON_DEBIAN`,
 * `ALPINE_ONLY_RUNTIME`) and the service images of `SERVICE_IMAGES`.
 */
function contentsKnown(reference: Pick<ParsedImageReference, "registry" | "path" | "tag">, system: BaseSystem): boolean {
  if (system.id === "busybox" || system.id === "distroless" || system.id === "scratch") return true;
  const family = imageFamily(reference);
  if (!family) return false;
  if (family.id === "alpine" || family.id === "debian" || family.id === "ubuntu" || family.id === "buildpack-deps") return true;
  // A service image whose Dockerfile for this tag the table read (not Redis 8's, not MySQL's).
  if (Object.hasOwn(SERVICE_IMAGES, family.id)) return SERVICE_IMAGES[family.id]!.system(readTag(family, reference.tag ?? "latest")) !== null;
  if (system.id === "alpine") return ALPINE_ONLY_RUNTIME.has(family.id);
  return ON_BUILDPACK_DEPS.has(family.id) || SLIM_ON_DEBIAN.has(family.id);
}

/** Whether a stage can run a tool, and which one it gets. */
export type ToolAvailability =
  | { state: "present"; implementation: ToolImplementation; via: "base" | "install" | "copy" }
  /**
   * The base system does not ship it and no RUN seen installs it; `packaged` is what the
   * distribution's package would be if something unseen installs it (null: no package manager known).
   * `unseen`: something the file does not show may add it (a package list from a variable, a script
   * the build runs, a folder of programs copied in): a rule that reports an absence treats it as unknown.
   */
  | { state: "absent"; packaged: ToolImplementation | null; unseen: boolean }
  | { state: "unknown" };

/**
 * What an image reference alone provides (no Dockerfile: a compose `image:`): its system's tools and,
 * for an official service image, its own clients. Unknown when the table cannot place it.
 */
export function imageToolAvailability(reference: Pick<ParsedImageReference, "registry" | "path" | "tag">, tool: ImageTool): ToolAvailability {
  const system = baseSystemOf(reference);
  const family = reference.path === "" ? null : imageFamily(reference);
  const service = family && Object.hasOwn(SERVICE_IMAGES, family.id) ? SERVICE_IMAGES[family.id] : undefined;
  const own = service?.tools(readTag(family, reference.tag ?? "latest"))[tool];
  if (own) return { state: "present", implementation: own, via: "base" };
  if (!system) return { state: "unknown" };
  // A service image's client it does not ship is known absent only where its table says so.
  if (service && own === undefined && !isSystemTool(tool)) return { state: "unknown" };
  const shipped = system.tools[tool];
  if (shipped !== undefined) return { state: "present", implementation: shipped, via: "base" };
  if (!contentsKnown(reference, system)) return { state: "unknown" };
  return { state: "absent", packaged: system.packages === null ? null : (PACKAGED[tool] ?? null), unseen: false };
}

/** Tools a base system's table answers for (the others are database clients, known per image). */
function isSystemTool(tool: ImageTool): boolean {
  return tool === "wget" || tool === "curl" || tool === "nc";
}

/** Whether an image reference has `/bin/sh`: false for scratch-like systems, null when unknown. */
export function imageHasShell(reference: Pick<ParsedImageReference, "registry" | "path" | "tag">): boolean | null {
  return baseSystemOf(reference)?.shell ?? null;
}

function installedBy(program: DockerfileProgram, instruction: Instruction, tool: ImageTool): ToolImplementation | null {
  if (instruction.type !== "Run") return null;
  let found: ToolImplementation | null = null;
  for (const { invocation } of packageManagerInvocations(program, instruction)) {
    if (invocation.action !== "install" || !SYSTEM_PACKAGE_MANAGERS.has(invocation.manager)) continue;
    for (const item of invocation.packages) {
      if (item.name === null) continue;
      const provided = PACKAGE_TOOLS.find((entry) => entry.name.test(item.name!))?.tools[tool];
      if (provided !== undefined) found = provided;
    }
  }
  return found;
}

/** Folders of programs: a COPY of one (or of the whole file system) may bring any tool. */
const PROGRAM_FOLDERS = /^\/(?:(?:usr\/(?:local\/)?)?s?bin|usr(?:\/local)?|opt\/[^/]+\/bin)?\/?$/u;

/**
 * What a COPY/ADD brings of `tool`: "present" when a source or the destination is named like it
 * (`COPY --from=curl /usr/bin/curl /usr/bin/`), "unseen" when it copies a folder of programs (or a
 * glob, or a path that cannot be known), null otherwise.
 */
function copiedBy(program: DockerfileProgram, instruction: Instruction, tool: ImageTool): "present" | "unseen" | null {
  if (instruction.type !== "Copy" && instruction.type !== "Add") return null;
  const destination = instruction.destination ? argumentValue(program, instruction, instruction.destination) : null;
  if (destination !== null && path.posix.basename(destination) === tool) return "present";
  let unseen = false;
  for (const source of instruction.sources) {
    const value = argumentValue(program, instruction, source);
    if (value === null || /[*?[]/u.test(value)) unseen = true;
    else if (path.posix.basename(value) === tool) return "present";
    else if (instruction.flags.some((flag) => flag.name === "from") && PROGRAM_FOLDERS.test(path.posix.normalize(`/${value}`))) unseen = true;
  }
  return unseen ? "unseen" : null;
}

/**
 * Whether a RUN may add programs the file does not show: a system package install whose package list
 * cannot be read (a variable, a file), or a script it runs (`./install.sh`, `sh setup.sh`, `curl … | sh`).
 */
function mayInstallUnseen(program: DockerfileProgram, instruction: Instruction): boolean {
  if (instruction.type !== "Run") return false;
  for (const { invocation } of packageManagerInvocations(program, instruction)) {
    if (invocation.action === "install" && SYSTEM_PACKAGE_MANAGERS.has(invocation.manager) && invocation.packages.some((item) => item.name === null || item.kind !== "name")) return true;
  }
  const script = runShellScript(program, instruction);
  if (!script) return true;
  for (const command of script.commands) {
    const unwrapped = unwrappedCommand(command);
    const name = unwrapped.name?.value ?? null;
    if (name === null) continue;
    // A program of the build's own (`/root/app/scripts/setup/install`, `./configure.sh`): it may install anything.
    if (/\.sh$/u.test(name) || name.includes("/")) return true;
    // `dpkg -i x.deb`, `rpm -i x.rpm`: a package file whose contents the file does not show.
    if ((name === "dpkg" || name === "rpm") && unwrapped.args.some((arg) => arg.value === "--install" || (/^-[a-zA-Z]+$/u.test(arg.value ?? "") && /[iU]/u.test(arg.value!)))) return true;
    if (/^(?:python[\d.]*|perl|ruby|node|php)$/u.test(name)) {
      const first = unwrapped.args.find((arg) => !(arg.value ?? "-").startsWith("-"));
      if (first && /\.(?:py|pl|rb|js|mjs|php)$/u.test(first.value ?? "")) return true;
    }
    if (/^(?:(?:\/usr)?\/bin\/)?(?:ba|da|a|z)?sh$/u.test(name)) {
      const first = unwrapped.args.find((arg) => !(arg.value ?? "").startsWith("-"));
      // `sh -c '…'` runs text the model parsed; `sh file` or `… | sh` runs what it cannot see.
      if (!unwrapped.args.some((arg) => arg.value === "-c") && (first !== undefined || command.pipedFrom)) return true;
    }
  }
  return false;
}

interface StageTools {
  /** [position, what it brings, how] per instruction that installs or copies the tool (or may: "unseen"), in order. */
  events: [number, ToolImplementation | "unseen", "install" | "copy"][];
}

/** Per stage and tool, the stage's own instructions that install it: [position, what they install], in order. */
const installIndex = new WeakMap<Stage, Map<ImageTool, StageTools>>();

/**
 * The installs of `tool` in `stage`'s own instructions, indexed once per stage and tool: wget-progress
 * asks at every wget command, which scanned the stage again each time (20,000 RUNs with wget took 55 s).
 */
function installsIn(program: DockerfileProgram, stage: Stage, tool: ImageTool): StageTools {
  let byTool = installIndex.get(stage);
  if (!byTool) installIndex.set(stage, (byTool = new Map()));
  let installs = byTool.get(tool);
  if (!installs) {
    installs = { events: [] };
    for (const [position, instruction] of stage.instructions.entries()) {
      const found = installedBy(program, instruction, tool);
      if (found !== null) installs.events.push([position, found, "install"]);
      else {
        const copied = copiedBy(program, instruction, tool);
        if (copied === "present") installs.events.push([position, "native", "copy"]);
        else if (copied === "unseen" || mayInstallUnseen(program, instruction)) installs.events.push([position, "unseen", "install"]);
      }
    }
    byTool.set(tool, installs);
  }
  return installs;
}

/**
 * Whether `tool` is there for the instructions of `stage` up to `upTo` (that instruction included,
 * so a RUN that installs a tool and then runs it counts as having it; `"start"`: before the stage's
 * own instructions, i.e. what its base brings; `"end"`: after all of them). The answer starts from the
 * base image's system (through `FROM <stage>` to the image at the root; an official database image
 * adds its own clients) and follows what each RUN installs with the distribution's package manager
 * and what COPY/ADD bring; a later install wins (`apk add wget` puts GNU Wget over BusyBox's).
 */
export function toolAvailability(program: DockerfileProgram, stage: Stage, tool: ImageTool, upTo: Instruction | "start" | "end"): ToolAvailability {
  const graph = getStageGraph(program);
  const chain = [...graph.ancestry(stage)].reverse();
  const root = chain[0];
  if (!root) return { state: "unknown" };
  const base = graph.baseOf(root);
  // The position in `stage` up to which installs count (that instruction included).
  const located = typeof upTo === "object" ? graph.locate(upTo) : null;
  const limit = upTo === "start" ? -1 : located?.stage === stage ? located.position : Number.POSITIVE_INFINITY;
  let installed: { implementation: ToolImplementation; via: "install" | "copy" } | null = null;
  let unseen = false;
  for (const member of chain) {
    for (const [position, implementation, via] of installsIn(program, member, tool).events) {
      if (member === stage && position > limit) break;
      if (implementation === "unseen") unseen = true;
      else installed = { implementation, via };
    }
  }
  if (installed !== null) return { state: "present", ...installed };
  const fromBase: ToolAvailability =
    base.kind === "scratch" ? { state: "absent", packaged: null, unseen: false } : base.kind === "image" ? imageToolAvailability(base.reference, tool) : { state: "unknown" };
  if (fromBase.state === "absent") return { ...fromBase, unseen };
  return fromBase;
}

/**
 * Whether the image a stage makes has `/bin/sh` to run a shell-form command: false on scratch and
 * distroless when nothing the stage chain copies or installs could add one, null when unknown.
 */
export function stageHasShell(program: DockerfileProgram, stage: Stage): boolean | null {
  const graph = getStageGraph(program);
  const chain = graph.ancestry(stage);
  const root = chain.at(-1);
  if (!root) return null;
  const base = graph.baseOf(root);
  const shell = base.kind === "scratch" ? false : base.kind === "image" ? imageHasShell(base.reference) : null;
  if (shell !== false) return shell;
  // Anything copied into a shell-less image may bring a shell (a static BusyBox): only an image whose
  // COPY/ADD sources are all named files that are not shells is known to have none.
  for (const member of chain) {
    for (const instruction of member.instructions) {
      if (instruction.type !== "Copy" && instruction.type !== "Add") continue;
      for (const source of instruction.sources) {
        const value = argumentValue(program, instruction, source);
        if (value === null || /[*?[]/u.test(value) || /(?:^|\/)(?:busybox|sh|bash|ash|dash)$/u.test(value)) return null;
        if (instruction.flags.some((flag) => flag.name === "from") && PROGRAM_FOLDERS.test(path.posix.normalize(`/${value}`))) return null;
      }
      const destination = instruction.destination ? argumentValue(program, instruction, instruction.destination) : null;
      if (destination === null || /(?:^|\/)(?:busybox|sh)$/u.test(destination) || /^\/bin\/?$/u.test(destination)) return null;
    }
  }
  return false;
}
