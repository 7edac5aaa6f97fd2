/**
 * The read-only project model behind cross-file rules: the Dockerfile a compose service builds, the
 * files of a build context. It reads through the same parsers as the languages, caches by path and
 * file version (FileCache, fs-snapshot.ts), never writes, never runs anything, never touches the network, and answers null
 * when a file is missing or unreadable: the rule decides whether that absence is a finding.
 */
import path from "node:path";
import type { DockerfileProgram } from "../dockerfile/ast.js";
import { parseDockerfile } from "../dockerfile/parse.js";
import type { ComposeBuild } from "../compose/types.js";
import { FileCache } from "./file-cache.js";
import { isDockerfileName, locateDockerfile } from "./dockerfile-names.js";
import { directoryEntries, pathFacts } from "./fs-snapshot.js";

const dockerfiles = new FileCache<DockerfileProgram | null>((text) => {
  const result = parseDockerfile(text);
  return result.ok ? result.ast : null;
});

/** The parsed Dockerfile at `file`, or null when it is missing, unreadable or does not parse. */
export function readDockerfile(file: string): DockerfileProgram | null {
  return dockerfiles.get(file);
}

const inlineDockerfiles = new Map<string, DockerfileProgram | null>();

function parseInlineDockerfile(text: string): DockerfileProgram | null {
  if (!inlineDockerfiles.has(text)) {
    // Inline Dockerfiles are small and few; keep the map from growing without bound in an editor.
    if (inlineDockerfiles.size > 256) inlineDockerfiles.clear();
    const result = parseDockerfile(text);
    inlineDockerfiles.set(text, result.ok ? result.ast : null);
  }
  return inlineDockerfiles.get(text) ?? null;
}

/** A remote build context (a Git URL, an HTTP tarball): nothing on disk to read. */
export function isRemoteContext(context: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//iu.test(context) || context.startsWith("git@") || context.startsWith("github.com/");
}

export interface ServiceBuildFiles {
  /** The build context folder (absolute). */
  contextDir: string;
  /** Where the Dockerfile is, or null for `dockerfile_inline`. */
  dockerfilePath: string | null;
  /** The parsed Dockerfile; null when missing, unreadable or invalid. */
  dockerfile: DockerfileProgram | null;
}

/**
 * The files a compose service's `build:` uses, resolved the way Compose does: `context` relative to
 * the compose file's folder (default "."), `dockerfile` relative to the context (default
 * "Dockerfile"), or `dockerfile_inline`. A `Dockerfile` that is not there is looked up as the builders
 * do (a lower-case `dockerfile`; without `dockerfile:`, podman-compose's `Containerfile`: see
 * `locateDockerfile`). Null when any part depends on an unknown variable or the context is remote.
 */
export function serviceBuildFiles(composeFile: string, build: ComposeBuild): ServiceBuildFiles | null {
  if (build.contextPath === null || isRemoteContext(build.contextPath)) return null;
  const contextDir = path.resolve(path.dirname(composeFile), build.contextPath);
  if (build.dockerfileInline) {
    const text = build.dockerfileInline.resolved;
    return text === null ? null : { contextDir, dockerfilePath: null, dockerfile: parseInlineDockerfile(text) };
  }
  if (build.dockerfilePath === null) return null;
  const dockerfilePath = locateDockerfile(path.resolve(contextDir, build.dockerfilePath), { defaulted: build.dockerfile === null });
  return { contextDir, dockerfilePath, dockerfile: readDockerfile(dockerfilePath) };
}

/** Whether `relativePath` exists in `dir` (a file or a folder). */
export function existsIn(dir: string, relativePath: string): boolean {
  return pathFacts(path.join(dir, relativePath)).kind !== "missing";
}

/** Whether `file` exists and is a regular file (not a folder). */
export function isFile(file: string): boolean {
  return pathFacts(file).kind === "file";
}

/** Whether `dir` exists and is a folder. */
export function isDirectory(dir: string): boolean {
  return pathFacts(dir).kind === "directory";
}

/** The parsed Dockerfiles directly in `dir` (those that parse, by the names `isDockerfileName` takes), with their paths. */
export function dockerfilesIn(dir: string): { path: string; program: DockerfileProgram }[] {
  const found: { path: string; program: DockerfileProgram }[] = [];
  for (const { name } of directoryEntries(dir)) {
    if (!isDockerfileName(name)) continue;
    const file = path.join(dir, name);
    const program = readDockerfile(file);
    if (program) found.push({ path: file, program });
  }
  return found;
}
