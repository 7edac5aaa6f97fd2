/**
 * Shell model of RUN bodies: public entry point.
 *
 * Rules call `getShellScript(shellText)`: the body is parsed once (lazily, on first request) and the
 * result is shared by every rule through a WeakMap keyed by the `ShellText` object.
 */
import type { ShellParseResult } from "./model.js";
import { parseShell } from "./parser/index.js";
import type { ParseShellOptions } from "./parser/index.js";
import type { ShellText } from "./shell-text.js";

export type * from "./model.js";
export type { ShellText } from "./shell-text.js";
export { contiguousShellText } from "./shell-text.js";
export { parseShell } from "./parser/index.js";
export type { ParseShellOptions } from "./parser/index.js";
export { parseExecForm } from "./parser/exec-form.js";
export {
  commandName,
  wordBaseName,
  findShellStringArgument,
  findOptionWords,
} from "./commands.js";
export {
  classifyPackageManagerCommand,
  classifyCacheCleanup,
  cacheAreasForPath,
  cacheAreasCoveredByMount,
  commandEnvironment,
  normalizeCachePath,
  requirementLine,
  pathCoversDirectory,
  removesDirectory,
  invocationHasOption,
} from "./package-managers/index.js";
export type {
  PackageManagerId,
  PackageManagerAction,
  PackageManagerInvocation,
  PackageArgument,
  CacheArea,
  EnvironmentLookup,
} from "./package-managers/index.js";
export { parseCli } from "./cli.js";

const cache = new WeakMap<ShellText, ShellParseResult>();
const posixCache = new WeakMap<ShellText, ShellParseResult>();

/**
 * The parsed shell model of a RUN body, cached by object identity (one parse per `ShellText` shared by
 * all rules). Returns a `ShellParseFailure` (`ok: false`) for bodies the parser rejects.
 */
export function getShellScript(shell: ShellText, options: Pick<ParseShellOptions, "dialect"> = {}): ShellParseResult {
  const store = options.dialect === "posix" ? posixCache : cache;
  let result = store.get(shell);
  if (result === undefined) {
    result = parseShell(shell, options);
    store.set(shell, result);
  }
  return result;
}
