/**
 * The build-context model: which builds a Dockerfile takes part in, and which of them a
 * `.dockerignore` file serves. Cross-file rules ask it instead of guessing from folder layout.
 *
 * Facts it follows (Docker's documentation, "Build context" → ".dockerignore files",
 * https://docs.docker.com/build/concepts/context/#dockerignore-files, and the Compose build
 * specification, https://docs.docker.com/reference/compose-file/build/):
 * - Docker reads `<context>/.dockerignore`, unless a file named `<Dockerfile name>.dockerignore`
 *   sits beside the Dockerfile: that one wins, and the context's file is not read.
 * - Compose builds a service with `build.context` (relative to the compose file's folder, default
 *   ".") and `build.dockerfile` (relative to the context, default "Dockerfile", which the builders
 *   also find spelled `dockerfile`: dockerfile-names.ts).
 *
 * Which builds exist is found, not known: every compose file of the default names (compose.yaml,
 * docker-compose.yml and their `.override`/`-prod` variants) in the folder of interest, its
 * ancestors (up to the repository root: the first folder with `.git`, at most 8 levels) and its
 * sub-folders (2 levels, skipping `node_modules` and `.git`). A Dockerfile that no compose file
 * builds is assumed built as `docker build <its folder>` (its own folder is the context). Builds
 * started from scripts or CI with other paths are invisible here.
 *
 * Read-only: it parses through the shared parsers and caches (FileCache: path + file version; folder
 * listings and stats through fs-snapshot.ts, reused for up to `FRESH_FOR_MS`), never writes or runs
 * anything. Paths are absolute; results are in a stable order.
 */
import path from "node:path";
import { getComposeProject, readComposeFile, type ProjectService } from "./compose-project.js";
import type { ComposeBuild, ComposeService } from "../compose/types.js";
import type { DockerfileProgram } from "../dockerfile/ast.js";
import { isDockerfileName } from "./dockerfile-names.js";
import { directoryEntries, FreshCache, listDirectory, type DirectoryEntry } from "./fs-snapshot.js";
import { isRemoteContext, serviceBuildFiles } from "./project-model.js";
import { joinedPath, resolvedPath } from "./resolved-path.js";

/**
 * What a named build context (compose `build.additional_contexts`, `docker buildx build
 * --build-context NAME=VALUE`) stands for, by the form of its value (Compose build reference,
 * "additional_contexts"; buildx `build.go`, `toBuildOpt` context prefixes):
 * - `local`: a folder (relative to the compose file's folder, as compose-go's path resolver makes it);
 * - `image`: `docker-image://<reference>`, an image used in place of the name;
 * - `service`: `service:<name>`, the image Compose builds for another service;
 * - `target`: `target:<bake target>`; `oci-layout`: `oci-layout://…`; `remote`: a Git or HTTP URL;
 * - `unknown`: a value that depends on a variable without a value.
 */
export type NamedContextKind = "local" | "image" | "service" | "target" | "oci-layout" | "remote" | "unknown";

/** One named build context a build declares. */
export interface NamedBuildContext {
  /** The name the Dockerfile uses (`FROM <name>`, `COPY --from=<name>`, `RUN --mount=from=<name>`). */
  name: string;
  kind: NamedContextKind;
  /** The value after interpolation (a `local` one made absolute), or null when unknown. */
  value: string | null;
}

/** One build of a Dockerfile. */
export interface BuildOfDockerfile {
  /** The compose file that declares it, or null for the default `docker build <Dockerfile's folder>`. */
  composeFile: string | null;
  /** The compose service, or null for the default build. */
  service: string | null;
  /** The build context folder (absolute). */
  context: string;
  /** The Dockerfile (absolute), or null for a `dockerfile_inline` build. */
  dockerfile: string | null;
  /** A `dockerfile_inline` build's Dockerfile, parsed (null for other builds, or when its text is unknown or does not parse). */
  inline: DockerfileProgram | null;
  /** `build.target`, when given and known. */
  target: string | null;
  /** The named contexts the build declares (`build.additional_contexts`, map or list syntax), in file order. */
  namedContexts: NamedBuildContext[];
  /**
   * The label keys the build sets on the image besides the Dockerfile's LABELs (compose `build.labels`,
   * merged over the service's files); empty for the default build, null when a key cannot be known.
   */
  labels: string[] | null;
}

/** A build a `.dockerignore` file serves. */
export interface ServedBuild extends BuildOfDockerfile {
  /** How the file is picked: `<context>/.dockerignore`, or `<Dockerfile>.dockerignore` beside the Dockerfile. */
  via: "context" | "dockerfile";
}

const COMPOSE_NAME = /^(?:docker-)?compose(?:[.-][^/]*)?\.ya?ml$/u;
const SKIPPED_FOLDERS = new Set(["node_modules", ".git", ".venv", "vendor", "__pycache__"]);
const MAX_PARENT_LEVELS = 8;
const MAX_CHILD_LEVELS = 2;

/** Compose files of the default names in `dir`. */
function composeFilesIn(dir: string): string[] {
  return directoryEntries(dir)
    .filter((entry) => !entry.isDir && COMPOSE_NAME.test(entry.name))
    .map((entry) => path.join(dir, entry.name));
}

/**
 * Every Dockerfile of a folder asks the same walk: it is reused while the listings it read are (checked
 * with one stat of each folder per window, not walked again).
 */
const composeFilesNear = new FreshCache<readonly string[]>(4096, { revalidate: true });

/** The compose files that may declare builds touching `dir` (see the module comment). */
export function composeFilesAround(dir: string): readonly string[] {
  return composeFilesNear.get(resolvedPath(dir), findComposeFilesAround);
}

/** `dir` is absolute and normal (the cache's key). */
function findComposeFilesAround(dir: string): string[] {
  const found = new Set<string>(composeFilesUpFrom(dir, MAX_PARENT_LEVELS));
  const queue: { dir: string; level: number }[] = [{ dir, level: 0 }];
  while (queue.length > 0) {
    const { dir: folder, level } = queue.shift()!;
    if (level > 0) for (const file of composeFilesIn(folder)) found.add(file);
    if (level >= MAX_CHILD_LEVELS) continue;
    for (const entry of directoryEntries(folder)) {
      if (entry.isDir && !SKIPPED_FOLDERS.has(entry.name)) queue.push({ dir: path.join(folder, entry.name), level: level + 1 });
    }
  }
  return [...found].sort();
}

/**
 * The compose files in `dir` and its ancestors, up to the repository root (the first folder with
 * `.git`) and at most `levels` levels above it. Kept per folder and level, so that the Dockerfiles of
 * sibling folders share their parents' part: a later window checks each folder once, not once per
 * Dockerfile below it.
 */
function composeFilesUpFrom(dir: string, levels: number): readonly string[] {
  return composeFilesUp.get(`${levels}\0${dir}`, findComposeFilesUpFrom);
}

const composeFilesUp = new FreshCache<readonly string[]>(4096, { revalidate: true });

/** `key` is `<levels>\0<dir>` (see {@link composeFilesUpFrom}). */
function findComposeFilesUpFrom(key: string): readonly string[] {
  const split = key.indexOf("\0");
  const levels = Number(key.slice(0, split));
  const dir = key.slice(split + 1);
  const here = composeFilesIn(dir);
  if (levels === 0 || directoryEntries(dir).some((entry) => entry.name === ".git")) return here;
  const parent = path.dirname(dir);
  if (parent === dir) return here;
  return [...here, ...composeFilesUpFrom(parent, levels - 1)];
}

/** The named contexts of a compose build, each value read by its form (see `NamedContextKind`). */
function namedContextsOf(composeFile: string, build: ComposeBuild): NamedBuildContext[] {
  return build.additionalContexts.map((entry): NamedBuildContext => {
    const value = entry.resolved;
    if (value === null) return { name: entry.key, kind: "unknown", value: null };
    if (value.startsWith("docker-image://")) return { name: entry.key, kind: "image", value: value.slice("docker-image://".length) };
    if (value.startsWith("service:")) return { name: entry.key, kind: "service", value: value.slice("service:".length) };
    if (value.startsWith("target:")) return { name: entry.key, kind: "target", value: value.slice("target:".length) };
    if (value.startsWith("oci-layout://")) return { name: entry.key, kind: "oci-layout", value };
    if (isRemoteContext(value)) return { name: entry.key, kind: "remote", value };
    return { name: entry.key, kind: "local", value: path.resolve(path.dirname(composeFile), value) };
  });
}

/**
 * The named contexts of a service's build over the layers Compose merges (extended service, the file,
 * its default override file, included files): `additional_contexts` is a mapping, merged name by name,
 * the later layer winning. An override file that only adds a context to a build declared elsewhere is
 * seen this way.
 */
function mergedNamedContexts(service: ProjectService): NamedBuildContext[] {
  const byName = new Map<string, NamedBuildContext>();
  for (const layer of service.layers) {
    if (!layer.service.build) continue;
    for (const context of namedContextsOf(layer.file, layer.service.build)) byName.set(context.name, context);
  }
  return [...byName.values()];
}

/**
 * The label keys a service's `build.labels` set on the image, over its layers in merge order (Compose
 * merges `labels` mappings key by key: compose-spec "Merge and override", mappings); null when a key is
 * spelled through a variable and cannot be known.
 */
function mergedBuildLabels(layers: readonly ComposeService[]): string[] | null {
  const keys = new Set<string>();
  for (const layer of layers) {
    for (const entry of layer.build?.labels ?? []) {
      if (entry.key.includes("$")) return null;
      keys.add(entry.key);
    }
  }
  return [...keys];
}

/**
 * The builds the compose files around `dir` declare (services with a local `build:`), including
 * `dockerfile_inline` builds: they send their context, and Docker applies `<context>/.dockerignore`
 * to it like to any other (docker/compose#10746).
 */
function composeBuilds(dir: string): readonly BuildOfDockerfile[] {
  return composeBuildsAround(dir).builds;
}

/**
 * A compose build whose Dockerfile cannot be known (`dockerfile: ${X}` with X unset and no default):
 * it may build any Dockerfile under its context (`context` null: under any folder).
 */
interface UndecidedBuild {
  context: string | null;
}

/**
 * Every rule that asks about a Dockerfile's builds (its target, named contexts, `.dockerignore`, whether
 * its sources are bind-mounted) asks this for the same folder: the answer is reused within the
 * file-system window it was computed in, like the compose files it is derived from, and in later
 * windows while none of the files and folders it was derived from changed (compose files, their
 * `.env` and override files, the Dockerfiles they name, the folders listed).
 */
const buildsNear = new FreshCache<{ builds: BuildOfDockerfile[]; undecided: UndecidedBuild[] }>(4096, { revalidate: true });

/** The builds the compose files around `dir` declare, and those whose Dockerfile is unknown (`UndecidedBuild`). */
function composeBuildsAround(dir: string): { readonly builds: readonly BuildOfDockerfile[]; readonly undecided: readonly UndecidedBuild[] } {
  return buildsNear.get(resolvedPath(dir), computeComposeBuildsAround);
}

function computeComposeBuildsAround(dir: string): { builds: BuildOfDockerfile[]; undecided: UndecidedBuild[] } {
  const builds: BuildOfDockerfile[] = [];
  const undecided: UndecidedBuild[] = [];
  for (const composeFile of composeFilesAround(dir)) {
    // Interpolated with the `.env` of the file's project (a `dockerfile: ${X_DOCKERFILE}` is known),
    // every YAML document of it.
    const model = readComposeFile(composeFile);
    if (!model) continue;
    for (const document of model.documents) {
      for (const [name, service] of document.services) {
        const build = service.build;
        if (!build) continue;
        const files = serviceBuildFiles(composeFile, build);
        let context: string;
        const inline = build.dockerfileInline !== null;
        const knownContext = build.contextPath !== null && !isRemoteContext(build.contextPath) ? path.resolve(path.dirname(composeFile), build.contextPath) : null;
        if (files) context = files.contextDir;
        // An inline Dockerfile whose text is not known still sends a known context.
        else if (inline && knownContext !== null) context = knownContext;
        else {
          // A local build whose context or Dockerfile depends on an unset variable.
          if (!inline && (build.contextPath === null || !isRemoteContext(build.contextPath))) undecided.push({ context: knownContext });
          continue;
        }
        if (!inline && files?.dockerfilePath == null) continue;
        const merged = getComposeProject(document, composeFile).services.get(name);
        builds.push({
          composeFile,
          service: name,
          context,
          dockerfile: inline ? null : files!.dockerfilePath,
          inline: inline ? (files?.dockerfile ?? null) : null,
          target: build.target?.resolved ?? null,
          namedContexts: merged ? mergedNamedContexts(merged) : namedContextsOf(composeFile, build),
          labels: merged ? mergedBuildLabels(merged.layers.map((layer) => layer.service)) : mergedBuildLabels([service]),
        });
      }
    }
  }
  return { builds, undecided };
}

/**
 * The builds of a Dockerfile: those compose files around it declare, or else the default build
 * with the Dockerfile's own folder as the context. Empty when that cannot be known: no compose build
 * names this Dockerfile, but one whose Dockerfile depends on an unset variable may build it (its
 * context is unknown or holds the Dockerfile), so neither its context nor its target is known, and
 * the rules that need them stay silent rather than assume `docker build <its folder>`.
 */
export function buildsOfDockerfile(dockerfilePath: string): readonly BuildOfDockerfile[] {
  // Seven rules ask it of every Dockerfile: one answer per file and window, the same array each time.
  return buildsOfFile.get(resolvedPath(dockerfilePath), findBuildsOfDockerfile);
}

const buildsOfFile = new FreshCache<readonly BuildOfDockerfile[]>(4096, { revalidate: true });

/** `dockerfile` is absolute and normal (the cache's key). */
function findBuildsOfDockerfile(dockerfile: string): readonly BuildOfDockerfile[] {
  const { builds, undecided } = composeBuildsAround(path.dirname(dockerfile));
  const declared = builds.filter((build) => build.dockerfile === dockerfile);
  if (declared.length > 0) return declared;
  const within = (dir: string) => dockerfile.startsWith(dir.endsWith(path.sep) ? dir : `${dir}${path.sep}`);
  if (undecided.some((build) => build.context === null || within(build.context))) return [];
  return [{ composeFile: null, service: null, context: path.dirname(dockerfile), dockerfile, inline: null, target: null, namedContexts: [], labels: [] }];
}

/**
 * The `.dockerignore` Docker reads for a build: `<Dockerfile>.dockerignore` beside it, else
 * `<context>/.dockerignore` (always the latter for an inline Dockerfile, which has no file to sit beside).
 */
export function dockerignoreOfBuild(build: Pick<BuildOfDockerfile, "context" | "dockerfile">): { path: string; via: "context" | "dockerfile" } {
  if (build.dockerfile !== null) {
    // Several rules ask it of each build of each Dockerfile: the look at the Dockerfile's folder is kept per window.
    const specific = specificIgnoreFiles.get(build.dockerfile, specificIgnoreFile);
    if (specific !== null) return { path: specific, via: "dockerfile" };
  }
  return { path: joinedPath(build.context, ".dockerignore"), via: "context" };
}

/** `<dockerfile>.dockerignore` when that file sits beside the Dockerfile, else null. */
function specificIgnoreFile(dockerfile: string): string | null {
  const name = `${path.basename(dockerfile)}.dockerignore`;
  const beside = directoryEntries(path.dirname(dockerfile)).some((entry) => !entry.isDir && entry.name === name);
  return beside ? `${dockerfile}.dockerignore` : null;
}

const specificIgnoreFiles = new FreshCache<string | null>(4096, { revalidate: true });

/** Dockerfiles directly in `dir`, by the names the Dockerfile language claims. */
function dockerfilesInDir(dir: string): string[] {
  return directoryEntries(dir)
    .filter((entry) => !entry.isDir && isDockerfileName(entry.name))
    .map((entry) => path.join(dir, entry.name));
}

/**
 * The builds a `.dockerignore` file serves: the builds whose Docker-chosen ignore file is this one.
 * Candidates are the builds declared by the compose files around its folder and the default builds
 * of the Dockerfiles in its folder. An empty list means no build the model can find reads it.
 */
export function contextsServedBy(dockerignorePath: string): ServedBuild[] {
  const file = resolvedPath(dockerignorePath);
  const dir = path.dirname(file);
  const candidates = new Map<string, BuildOfDockerfile>();
  const add = (build: BuildOfDockerfile) => candidates.set(`${build.composeFile ?? ""}\0${build.service ?? ""}\0${build.context}\0${build.dockerfile}`, build);
  for (const build of composeBuilds(dir)) add(build);
  for (const dockerfile of dockerfilesInDir(dir)) for (const build of buildsOfDockerfile(dockerfile)) add(build);
  const served: ServedBuild[] = [];
  for (const build of candidates.values()) {
    const chosen = dockerignoreOfBuild(build);
    if (chosen.path === file) served.push({ ...build, via: chosen.via });
  }
  return served;
}

/** One path of a build context, relative, `/`-separated. */
export interface ContextEntry {
  path: string;
  isDir: boolean;
}

/** Folders listed as entries but not descended into (large, and each has its own required entry). */
const OPAQUE_FOLDERS = new Set(["node_modules", ".git"]);

/**
 * The files and folders of a build context, walked breadth first: at most `maxEntries` entries
 * (default 20,000) and `maxDepth` levels (default 12); `node_modules` and `.git` are listed but not
 * entered. Null when the context folder cannot be read.
 */
export function listContext(contextDir: string, { maxEntries = 20_000, maxDepth = 12 }: { maxEntries?: number; maxDepth?: number } = {}): ContextEntry[] | null {
  const top = listDirectory(contextDir);
  if (top === null) return null;
  const entries: ContextEntry[] = [];
  const queue: { relative: string; children: readonly DirectoryEntry[]; depth: number }[] = [{ relative: "", children: top, depth: 1 }];
  while (queue.length > 0 && entries.length < maxEntries) {
    const { relative, children, depth } = queue.shift()!;
    for (const child of children) {
      if (entries.length >= maxEntries) break;
      const childPath = relative ? `${relative}/${child.name}` : child.name;
      entries.push({ path: childPath, isDir: child.isDir });
      if (child.isDir && !OPAQUE_FOLDERS.has(child.name) && depth < maxDepth) {
        queue.push({ relative: childPath, children: directoryEntries(path.join(contextDir, childPath)), depth: depth + 1 });
      }
    }
  }
  return entries;
}
