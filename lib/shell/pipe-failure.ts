/**
 * Which pipelines hide a failure without `pipefail`. A POSIX shell gives a pipeline the status of its
 * last command (POSIX "Pipelines"), so a failure before a `|` matters only when the last command still
 * succeeds on the empty or truncated input it then reads.
 *
 * Facts, from each tool's manual:
 * - Commands that fail on empty or truncated input, and so already catch the failure: tar (GNU tar
 *   manual, "gzip: stdin: unexpected end of file"), the decompressors gzip/xz/bzip2/zstd, `sha*sum -c`
 *   and `md5sum -c` ("no properly formatted checksum lines found"), `apt-key add`, `gpg --import`
 *   ("no valid OpenPGP data found"), and `grep` without `-v` (status 1 when nothing matches, grep(1)).
 * - Commands whose job is to pass on what they read, and which succeed on any input: `tee`, and a shell
 *   or interpreter reading its program from stdin (`sh`, `bash`, `python -`…): they hide a failure
 *   whatever comes before them.
 * - Downloads (`curl`, `wget`) fail often (network, HTTP errors with `-f`) and are the usual reason a
 *   pipe's failure matters in a build.
 */
import { findOptionWords } from "./commands.js";
import type { ShellCommand, ShellPipelineElement } from "./model.js";
import { STDIN_INTERPRETERS } from "./shells.js";
import { unwrappedCommand } from "./unwrapped.js";

const CANNOT_FAIL = new Set(["echo", "printf", "yes", "true"]);
const DECOMPRESSORS = new Set(["tar", "gzip", "gunzip", "zcat", "xz", "unxz", "xzcat", "bzip2", "bunzip2", "bzcat", "zstd", "unzstd", "zstdcat", "unzip", "bsdtar"]);
const CHECKSUM = /^(?:sha(?:1|224|256|384|512)sum|shasum|md5sum|b2sum)$/u;
const PASS_THROUGH = new Set(["tee"]);
const DOWNLOADERS = new Set(["curl", "wget", "aria2c", "fetch"]);

function nameOf(element: ShellPipelineElement | undefined): string | null {
  return element?.command ? unwrappedCommand(element.command).baseName : null;
}

function commandCannotFail(command: ShellCommand): boolean {
  const name = unwrappedCommand(command).baseName;
  if (name !== null && CANNOT_FAIL.has(name)) return true;
  return name === "cat" && command.args.length === 0 && command.redirects.some((redirect) => redirect.heredoc !== null);
}

/**
 * The element only prints its arguments or a heredoc (`echo`, `printf`, `cat <<EOF`, or a `{ …; }`
 * group of only such commands, the docker-library way of writing a config file): it cannot fail.
 */
function cannotFail(element: ShellPipelineElement): boolean {
  // Commands inside a `$(…)` of an argument are not the element's own: their failure is not the pipe's.
  const depths = element.commands.map(substitutionDepth);
  const own = Math.min(...depths);
  return element.commands.length > 0 && element.commands.every((command, index) => depths[index] !== own || commandCannotFail(command));
}

function substitutionDepth(command: ShellCommand): number {
  return command.context.filter((context) => context.kind === "command-substitution" || context.kind === "process-substitution").length;
}

/** The last element fails by itself when what comes before it fails (see the facts above). */
function catchesUpstreamFailure(last: ShellPipelineElement): boolean {
  const command = last.command;
  if (!command) return false;
  const unwrapped = unwrappedCommand(command);
  const name = unwrapped.baseName;
  if (name === null) return false;
  if (DECOMPRESSORS.has(name)) return true;
  if (CHECKSUM.test(name)) return findOptionWords(unwrapped.args, ["-c", "--check"]).length > 0;
  if (name === "apt-key") return unwrapped.args.some((word) => word.value === "add");
  if (name === "gpg" || name === "gpg2") return findOptionWords(unwrapped.args, ["--import"], { clusters: false }).length > 0;
  if (name === "grep" || name === "egrep" || name === "fgrep") return findOptionWords(unwrapped.args, ["-v", "--invert-match", "-c", "--count"]).length === 0;
  return false;
}

/**
 * Whether a failure in the pipeline would likely go unnoticed, in the cases that matter in builds: a
 * download piped into anything that does not catch its failure, or any command piped into `tee` or an
 * interpreter. With `everyPipeline`, any pipeline whose earlier commands can fail (hadolint DL4006).
 */
export function hidesFailure(elements: readonly ShellPipelineElement[], everyPipeline: boolean): boolean {
  const upstream = elements.slice(0, -1).filter((element) => !cannotFail(element));
  const last = elements.at(-1);
  if (upstream.length === 0 || !last || catchesUpstreamFailure(last)) return false;
  if (everyPipeline) return true;
  // `tee` writes files the build itself names: as a source of failures it is not what this rule is for.
  if (upstream.every((element) => PASS_THROUGH.has(nameOf(element) ?? ""))) return false;
  const lastName = nameOf(last);
  if (lastName !== null && (PASS_THROUGH.has(lastName) || STDIN_INTERPRETERS.has(lastName))) return true;
  return upstream.some((element) => {
    const name = nameOf(element);
    return name !== null && DOWNLOADERS.has(name);
  });
}
