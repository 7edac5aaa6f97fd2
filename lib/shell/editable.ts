import type { ShellCommand, ShellScript } from "./model.js";

/**
 * Whether a fix may insert or replace plain text at `command`'s words. Not for the command of an
 * exec-form RUN itself: its words are whole JSON strings (quotes included), so text inserted after one
 * lands between the strings and breaks the array. Inside the `sh -c` script of an exec-form RUN, words map
 * into the JSON string, and plain text (no `"` or `\`) can be inserted there as in a shell-form RUN.
 */
export function commandWordsEditable(script: Pick<ShellScript, "form">, command: Pick<ShellCommand, "fromShellString">): boolean {
  return script.form !== "exec" || command.fromShellString;
}
