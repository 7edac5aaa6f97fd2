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
import type { DockerfileProgram, Instruction, Stage } from "../../dockerfile/ast.js";
import { normalizedImageName, type ParsedImageReference } from "../../dockerfile/image-reference.js";
import { imageFamily, readTag } from "./image-families.js";
import { packageManagerInvocations } from "../packages/package-manager-invocations.js";
import { getStageGraph } from "../stages/stages.js";

/** The tools the table knows about. */
export type ImageTool = "wget" | "curl";

/** The implementation of a tool: BusyBox's applet, GNU Wget, or curl itself. */
export type ToolImplementation = "busybox" | "gnu" | "curl";

/** A base image's own system: what is on it before any RUN. */
export interface BaseSystem {
  id: "alpine" | "busybox" | "debian" | "ubuntu" | "buildpack-deps" | "scratch";
  /** The tools it ships, with their implementation; a tool not listed is absent. */
  tools: Readonly<Partial<Record<ImageTool, ToolImplementation>>>;
  /** The distribution's package manager family, whose packages (`packageTools`) can add tools; null: none. */
  packages: "apk" | "deb" | null;
  source: string;
}

/**
 * Base systems (facts):
 * - Alpine's image is its minirootfs: `busybox` (with the `wget` and `nc` applets, `CONFIG_WGET=y` in
 *   aports `main/busybox/busyboxconfig`), `apk-tools`, `ssl_client`, no curl
 *   (https://gitlab.alpinelinux.org/alpine/aports/-/blob/master/main/busybox/busyboxconfig,
 *   https://alpinelinux.org/downloads/ "Mini root filesystem"). The official images' `-alpine` variants
 *   are `FROM alpine:3.x` (each image's "Image Variants" section).
 * - `busybox` is BusyBox alone, `wget` applet included (https://hub.docker.com/_/busybox).
 * - `debian` and `ubuntu` images are a minimal base (debuerreotype's `minbase`; Ubuntu's minimized
 *   image): neither curl nor wget (https://github.com/debuerreotype/debuerreotype,
 *   https://hub.docker.com/_/ubuntu). So are the official language images' `-slim` variants, which
 *   install their build tools and purge them again (docker-library/python, node, ruby
 *   slim Dockerfiles: `apt-get purge -y --auto-remove` after the build).
 * - `buildpack-deps:<codename>-curl` installs `curl` and `wget` (GNU); its `-scm` and full variants are
 *   built on it (https://github.com/docker-library/buildpack-deps, `debian/bookworm/curl/Dockerfile`).
 *   The default (full) variants of the official images below are `FROM buildpack-deps:<codename>`
 *   (or `-scm`), each image's `Dockerfile` in its docker-library repository.
 */
const BASE_SYSTEMS: Readonly<Record<BaseSystem["id"], BaseSystem>> = {
  alpine: { id: "alpine", tools: { wget: "busybox" }, packages: "apk", source: "https://gitlab.alpinelinux.org/alpine/aports/-/blob/master/main/busybox/busyboxconfig" },
  busybox: { id: "busybox", tools: { wget: "busybox" }, packages: null, source: "https://hub.docker.com/_/busybox" },
  debian: { id: "debian", tools: {}, packages: "deb", source: "https://github.com/debuerreotype/debuerreotype" },
  ubuntu: { id: "ubuntu", tools: {}, packages: "deb", source: "https://hub.docker.com/_/ubuntu" },
  "buildpack-deps": { id: "buildpack-deps", tools: { curl: "curl", wget: "gnu" }, packages: "deb", source: "https://github.com/docker-library/buildpack-deps" },
  scratch: { id: "scratch", tools: {}, packages: null, source: "https://docs.docker.com/build/building/base-images/#create-a-minimal-base-image-using-scratch" },
};

/** Official images whose default (full) Debian variant is built on `buildpack-deps` (their docker-library Dockerfiles). */
const ON_BUILDPACK_DEPS: ReadonlySet<string> = new Set(["node", "python", "pypy", "ruby", "golang", "rust", "perl", "gcc", "erlang", "elixir"]);
/** Official images whose `-slim` variant is `debian:<codename>-slim` plus the runtime, no download tool. */
const SLIM_ON_DEBIAN: ReadonlySet<string> = new Set(["node", "python", "ruby"]);

/**
 * What the distributions' `wget` and `curl` packages install: GNU Wget (Alpine's `wget` package
 * replaces the BusyBox applet's link, https://pkgs.alpinelinux.org/package/edge/main/x86_64/wget;
 * Debian's https://packages.debian.org/stable/wget; Fedora's and SUSE's are GNU Wget too) and curl
 * (`curl-minimal` is Fedora's default curl).
 */
const PACKAGE_TOOLS: Readonly<Record<string, { tool: ImageTool; implementation: ToolImplementation }>> = {
  wget: { tool: "wget", implementation: "gnu" },
  curl: { tool: "curl", implementation: "curl" },
  "curl-minimal": { tool: "curl", implementation: "curl" },
};
/** The package managers whose packages are the distribution's (not a language's). */
const SYSTEM_PACKAGE_MANAGERS: ReadonlySet<string> = new Set(["apt-get", "apt", "aptitude", "apk", "yum", "dnf", "microdnf", "zypper", "pacman"]);

/** The base system of an image reference, or null when the table cannot place it. */
export function baseSystemOf(reference: Pick<ParsedImageReference, "registry" | "path" | "tag">): BaseSystem | null {
  if (reference.path === "") return null;
  const name = normalizedImageName(reference);
  if (name === "docker.io/library/busybox") return BASE_SYSTEMS.busybox;
  const family = imageFamily(reference);
  const reading = readTag(family, reference.tag ?? "latest");
  // A tag that names Alpine (`-alpine`, `alpine3.22`) is built on it, official or not (`dotnet/aspnet:8.0-alpine3.22`).
  if (family?.id === "alpine" || reading.distribution?.family === "alpine") return BASE_SYSTEMS.alpine;
  if (!family) return null;
  if (family.id === "debian") return BASE_SYSTEMS.debian;
  if (family.id === "ubuntu") return BASE_SYSTEMS.ubuntu;
  const onlyCodenames = reading.variants.every((part) => part === reading.distribution?.codename);
  if (family.id === "buildpack-deps") return reading.variants.every((part) => part === "curl" || part === "scm") ? BASE_SYSTEMS["buildpack-deps"] : null;
  if (ON_BUILDPACK_DEPS.has(family.id) && onlyCodenames && reading.distribution?.family !== "ubuntu") return BASE_SYSTEMS["buildpack-deps"];
  if (SLIM_ON_DEBIAN.has(family.id) && reading.variants.includes("slim") && reading.variants.every((part) => part === "slim" || part === reading.distribution?.codename)) return BASE_SYSTEMS.debian;
  return null;
}

/** Whether a stage can run a tool, and which one it gets. */
export type ToolAvailability =
  | { state: "present"; implementation: ToolImplementation; via: "base" | "install" }
  /**
   * The base system does not ship it and no RUN seen installs it; `packaged` is what the
   * distribution's package would be if something unseen installs it (null: no package manager known).
   */
  | { state: "absent"; packaged: ToolImplementation | null }
  | { state: "unknown" };

function installedBy(program: DockerfileProgram, instruction: Instruction, tool: ImageTool): ToolImplementation | null {
  if (instruction.type !== "Run") return null;
  let found: ToolImplementation | null = null;
  for (const { invocation } of packageManagerInvocations(program, instruction)) {
    if (invocation.action !== "install" || !SYSTEM_PACKAGE_MANAGERS.has(invocation.manager)) continue;
    for (const item of invocation.packages) {
      const provided = item.name !== null && Object.hasOwn(PACKAGE_TOOLS, item.name) ? PACKAGE_TOOLS[item.name] : undefined;
      if (provided?.tool === tool) found = provided.implementation;
    }
  }
  return found;
}

/** Per stage and tool, the stage's own instructions that install it: [position, what they install], in order. */
const installIndex = new WeakMap<Stage, Map<ImageTool, [number, ToolImplementation][]>>();

/**
 * The installs of `tool` in `stage`'s own instructions, indexed once per stage and tool: wget-progress
 * asks at every wget command, which scanned the stage again each time (20,000 RUNs with wget took 55 s).
 */
function installsIn(program: DockerfileProgram, stage: Stage, tool: ImageTool): [number, ToolImplementation][] {
  let byTool = installIndex.get(stage);
  if (!byTool) installIndex.set(stage, (byTool = new Map()));
  let installs = byTool.get(tool);
  if (!installs) {
    installs = [];
    for (const [position, instruction] of stage.instructions.entries()) {
      const found = installedBy(program, instruction, tool);
      if (found !== null) installs.push([position, found]);
    }
    byTool.set(tool, installs);
  }
  return installs;
}

/**
 * Whether `tool` is there for the instructions of `stage` up to `upTo` (that instruction included,
 * so a RUN that installs a tool and then runs it counts as having it; `"start"`: before the stage's
 * own instructions, i.e. what its base brings; `"end"`: after all of them). The answer starts from the
 * base image's system (through `FROM <stage>` to the image at the root) and follows what each
 * RUN installs with the distribution's package manager; a later install wins (`apk add wget` puts
 * GNU Wget over BusyBox's).
 */
export function toolAvailability(program: DockerfileProgram, stage: Stage, tool: ImageTool, upTo: Instruction | "start" | "end"): ToolAvailability {
  const graph = getStageGraph(program);
  const chain = [...graph.ancestry(stage)].reverse();
  const root = chain[0];
  if (!root) return { state: "unknown" };
  const base = graph.baseOf(root);
  const system = base.kind === "scratch" ? BASE_SYSTEMS.scratch : base.kind === "image" ? baseSystemOf(base.reference) : null;
  // The position in `stage` up to which installs count (that instruction included).
  const located = typeof upTo === "object" ? graph.locate(upTo) : null;
  const limit = upTo === "start" ? -1 : located?.stage === stage ? located.position : Number.POSITIVE_INFINITY;
  let installed: ToolImplementation | null = null;
  for (const member of chain) {
    for (const [position, implementation] of installsIn(program, member, tool)) {
      if (member === stage && position > limit) break;
      installed = implementation;
    }
  }
  if (installed !== null) return { state: "present", implementation: installed, via: "install" };
  if (!system) return { state: "unknown" };
  const shipped = system.tools[tool];
  if (shipped !== undefined) return { state: "present", implementation: shipped, via: "base" };
  const packaged = system.packages === null ? null : Object.values(PACKAGE_TOOLS).find((entry) => entry.tool === tool)?.implementation ?? null;
  return { state: "absent", packaged };
}
