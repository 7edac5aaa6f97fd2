/**
 * What a curl or wget command downloads, and how: its URL operands, whether it writes the body to
 * standard output (so a pipe receives it), and whether it turns TLS verification off. One reading of
 * both tools' command lines for every rule about downloads.
 *
 * Facts (curl(1): https://curl.se/docs/manpage.html; GNU Wget manual:
 * https://www.gnu.org/software/wget/manual/wget.html):
 * - curl writes the body to stdout unless `-o/--output`, `-O/--remote-name`, `--remote-name-all` or
 *   `--output-dir` with `-O` is given; `-o -` is stdout again. `-k/--insecure` skips certificate checks.
 * - wget writes to a file named after the URL unless `-O -`/`--output-document=-`.
 *   `--no-check-certificate` skips certificate checks.
 */
import type { UnwrappedCommand } from "./commands.js";
import { parseCli, type CliOption } from "./cli.js";
import type { ShellWord } from "./model.js";
import { CURL, WGET } from "./tool-specs.js";

export type HttpClient = "curl" | "wget";

export interface Download {
  client: HttpClient;
  /** Operands that are URLs (a static value with a scheme), in order. */
  urls: ShellWord[];
  /** The body goes to standard output (and so into a pipe, when there is one). */
  toStdout: boolean;
  /** The option that turns certificate verification off, if any. */
  insecureOption: CliOption | null;
}

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//iu;

/** Reads `unwrapped` as a curl or wget download; null for any other command. */
export function readDownload(unwrapped: UnwrappedCommand): Download | null {
  const client = unwrapped.baseName;
  if (client !== "curl" && client !== "wget") return null;
  const parsed = parseCli(unwrapped.args, client === "curl" ? CURL : WGET, { noSubcommand: true });
  const urls = parsed.operands.filter((word) => word.value === null ? word.raw.includes("://") : URL_SCHEME.test(word.value));
  const named = (...names: string[]) => parsed.options.filter((option) => names.includes(option.name));
  let toStdout: boolean;
  let insecureOption: CliOption | null;
  if (client === "curl") {
    const outputs = named("-o", "--output", "-O", "--remote-name", "--remote-name-all");
    toStdout = outputs.length === 0 || outputs.every((option) => option.value === "-");
    insecureOption = named("-k", "--insecure")[0] ?? null;
  } else {
    toStdout = named("-O", "--output-document").some((option) => option.value === "-");
    insecureOption = named("--no-check-certificate")[0] ?? null;
  }
  return { client, urls, toStdout, insecureOption };
}
