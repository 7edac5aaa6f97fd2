/**
 * Absolute, normal paths without the cost of `path.resolve` when they already are: the project model's
 * questions come with ESLint's `physicalFilename` and with paths the model joined itself, and each
 * `path.resolve` of one (a scan and a new string) was a tenth of the model's time in a profile of the
 * corpus (docs/design.md, issue 25).
 */
import path from "node:path";

/** `path.resolve(file)`: `file` itself when it is already absolute and normal (POSIX only; elsewhere always resolved). */
export function resolvedPath(file: string): string {
  return isNormalAbsolute(file) ? file : path.resolve(file);
}

/** `path.join(dir, name)` for a plain `name` (no separator, not `.` or `..`): a concatenation when `dir` is absolute and normal. */
export function joinedPath(dir: string, name: string): string {
  if (!isNormalAbsolute(dir)) return path.join(dir, name);
  return dir.length === 1 ? `/${name}` : `${dir}/${name}`;
}

/** An empty, `.` or `..` segment, or a trailing `/`: what `path.resolve` would remove. */
const NOT_NORMAL = /\/(?:\.\.?)?(?:\/|$)/u;

/** Whether `file` is what `path.resolve` makes of it on POSIX: rooted, no empty, `.` or `..` segment, no trailing `/`. */
function isNormalAbsolute(file: string): boolean {
  if (path.sep !== "/" || file.charCodeAt(0) !== 47 /* / */) return false;
  // One scan of the string (a regular expression), not one per pattern.
  return file.length === 1 || !NOT_NORMAL.test(file);
}
