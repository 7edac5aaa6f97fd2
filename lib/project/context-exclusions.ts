/**
 * What the `.dockerignore` a build reads keeps out of its context, for rules that ask whether a file
 * of the context reaches the image (`COPY . .` copies only what the file lets through; naming an
 * excluded file fails the build). Which file a build reads is the build-context model's answer
 * (`dockerignoreOfBuild`); it is parsed through the shared FileCache with the same matcher the
 * `.dockerignore` rules use (Docker's patternmatcher semantics: lib/dockerignore/matcher.ts).
 */
import { createIgnoreMatcherFromText, type IgnoreMatcher } from "../dockerignore/index.js";
import { dockerignoreOfBuild, type BuildOfDockerfile } from "./build-contexts.js";
import { FileCache } from "./file-cache.js";
import { isFile } from "./project-model.js";

const matchers = new FileCache<IgnoreMatcher | null>((text) => createIgnoreMatcherFromText(text));

/** Excludes nothing: a build without a `.dockerignore` sends its whole context. */
const NOTHING_EXCLUDED = (): boolean => false;

/**
 * Whether a context-relative path (`package-lock.json`, `app/yarn.lock`) is kept out of the build's
 * context by its `.dockerignore`; null when that file exists but cannot be read or parsed (then
 * nobody knows what reaches the image).
 */
export function contextExclusions(build: Pick<BuildOfDockerfile, "context" | "dockerfile">): ((relativePath: string) => boolean) | null {
  const file = dockerignoreOfBuild(build).path;
  if (!isFile(file)) return NOTHING_EXCLUDED;
  const matcher = matchers.get(file);
  return matcher ? (relativePath) => matcher(relativePath) : null;
}

/** The `.dockerignore` a build reads, with Docker's matcher of it (see `contextIgnoreFile`). */
export interface BuildIgnoreFile {
  /** The file Docker reads for the build (absolute). */
  path: string;
  via: "context" | "dockerfile";
  matcher: IgnoreMatcher;
}

/**
 * The `.dockerignore` a build reads and its matcher: `"none"` when the build has no such file (its
 * whole context is sent), null when the file exists but cannot be read or parsed.
 */
export function contextIgnoreFile(build: Pick<BuildOfDockerfile, "context" | "dockerfile">): BuildIgnoreFile | "none" | null {
  const chosen = dockerignoreOfBuild(build);
  if (!isFile(chosen.path)) return "none";
  const matcher = matchers.get(chosen.path);
  return matcher ? { path: chosen.path, via: chosen.via, matcher } : null;
}
