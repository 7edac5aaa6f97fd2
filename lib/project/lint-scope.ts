/**
 * Which folders a lint may read as build contexts. A compose build can name any folder
 * (`context: ../..`); what lies outside the project being linted is not the user's to judge and may
 * be another machine's layout at build time, so rules that list or read a context treat such a folder
 * as unknown (silent), like a remote or missing one.
 *
 * The project is ESLint's working folder (`context.cwd`, where the lint runs: the CLI's cwd, the
 * editor's workspace), and the repository the linted file belongs to (the nearest ancestor folder with
 * a `.git` entry, the same root the build-context model stops its upward search at). Read-only, through
 * the shared file-system snapshot.
 */
import path from "node:path";
import { directoryEntries, FreshCache } from "./fs-snapshot.js";
import { resolvedPath } from "./resolved-path.js";

/** Parent levels searched for the repository root, as the build-context model does. */
const MAX_PARENT_LEVELS = 8;

/** Whether `dir` is `root` or below it (both absolute). */
export function isWithin(root: string, dir: string): boolean {
  // Asked for every build of every Dockerfile: `path.relative` resolves both paths each time, which
  // absolute, normal paths need not (its answer for them is what `relativeBelow` computes).
  const relative = resolvedPath(root) === root && resolvedPath(dir) === dir ? relativeBelow(root, dir) : path.relative(root, dir);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/** `path.relative(root, dir)` for absolute, normal paths when `dir` is `root` or below it; otherwise a path starting with `..` (as `path.relative`'s would). */
function relativeBelow(root: string, dir: string): string {
  if (dir === root) return "";
  if (root === path.sep) return dir.slice(1);
  return dir.startsWith(root) && dir.charAt(root.length) === path.sep ? dir.slice(root.length + 1) : "..";
}

/** The nearest folder at or above `dir` that holds a `.git` entry (at most 8 levels up), or null. */
export function repositoryRootOf(dir: string): string | null {
  // Asked for every build of every Dockerfile (contextInLintScope): walked once per folder, then
  // checked with a stat of each folder of the walk per window.
  return repositoryRoots.get(resolvedPath(dir), findRepositoryRoot);
}

const repositoryRoots = new FreshCache<string | null>(4096, { revalidate: true });

/** `dir` is absolute and normal (the cache's key). */
function findRepositoryRoot(dir: string): string | null {
  let current = dir;
  for (let level = 0; level <= MAX_PARENT_LEVELS; level++) {
    if (directoryEntries(current).some((entry) => entry.name === ".git")) return current;
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
  return null;
}

/**
 * Whether a build context folder (absolute) lies in the project being linted: under ESLint's working
 * folder `cwd`, or under the repository of `file` (the linted file, absolute).
 */
export function contextInLintScope(contextDir: string, { cwd, file }: { cwd: string; file: string }): boolean {
  const dir = resolvedPath(contextDir);
  if (path.isAbsolute(cwd) && isWithin(cwd, dir)) return true;
  const repository = repositoryRootOf(path.dirname(resolvedPath(file)));
  return repository !== null && isWithin(repository, dir);
}
