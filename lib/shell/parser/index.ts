/**
 * `parseShell`: a RUN body (`ShellText`) → the shell model (`../model.ts`), with our own parser.
 *
 * Dialect: bash first. Docker's default shell is `/bin/sh -c` (dash, busybox ash…), but RUN bodies are
 * full of bash-isms (`[[ ]]`, `$'…'`, arrays, `<(…)`), and bash syntax is a superset of POSIX syntax for
 * everything a linter cares about. If bash parsing fails, POSIX is tried (it differs on e.g.
 * `((cmd); cmd)`, which bash reads as arithmetic); the bash error is reported if both fail. Pass
 * `dialect: "posix"` to try POSIX first. Never throws: a body the parser rejects gives a
 * `ShellParseFailure`.
 */
import type { ShellList, ShellParseFailure, ShellPipeline, ShellScript } from "../model.js";
import type { ShellText } from "../shell-text.js";
import { toSourceRange, toSourceStartOffset } from "../shell-text.js";
import type { Output } from "./parser.js";
import { ROOT_STATE, ShellParser } from "./parser.js";
import { ShellSyntaxError } from "./scan.js";
import { flatten, newSink } from "./sink.js";
import type { Sink } from "./sink.js";
import { SourceMapper } from "./source-map.js";

export interface ParseShellOptions {
  /** Dialect tried first (default "bash"); the other one is tried if the first fails. */
  dialect?: "bash" | "posix";
  /** Parse the scripts of `sh -c '…'` & co. (default true). */
  parseShellStrings?: boolean;
}

/** Parse a RUN body. Never throws on bad shell syntax: returns a `ShellParseFailure`. */
export function parseShell(shell: ShellText, options: ParseShellOptions = {}): ShellScript | ShellParseFailure {
  const preferred = options.dialect ?? "bash";
  const order: ("bash" | "posix")[] = preferred === "posix" ? ["posix", "bash"] : ["bash", "posix"];
  let firstError: unknown = null;
  for (const dialect of order) {
    try {
      return parseWith(shell, dialect, options.parseShellStrings !== false);
    } catch (error) {
      firstError ??= error;
    }
  }
  if (firstError instanceof ShellSyntaxError) {
    const textOffset = Math.min(firstError.offset, shell.text.length);
    return { ok: false, message: firstError.message, offset: toSourceStartOffset(shell, textOffset), textOffset, incomplete: firstError.incomplete, ...(firstError.inParameterExpansion ? { inParameterExpansion: true } : {}) };
  }
  // Defensive: a state this parser does not expect must not crash a lint run.
  const message = firstError instanceof Error ? firstError.message : String(firstError);
  return { ok: false, message: `internal shell model error: ${message}`, offset: toSourceStartOffset(shell, 0), textOffset: 0, incomplete: false };
}

function parseWith(shell: ShellText, dialect: "bash" | "posix", parseShellStrings: boolean): ShellScript {
  const out: Output = { shell, dialect, parseShellStrings, commands: [], failures: [], emptyLists: [], mapper: new SourceMapper(shell) };
  const sink = newSink();
  const frame = { src: shell.text, start: null, end: null, depth: 0 };
  new ShellParser(out, frame, dialect === "posix", sink).parseScript(ROOT_STATE, null);
  return finishScript(out, sink);
}

/** The script from what the parsers wrote: commands in source order and indexed, lists and pipelines flattened. */
export function finishScript(out: Output, sink: Sink): ShellScript {
  const shell = out.shell;
  for (const list of out.emptyLists) {
    const at = list.owner ? list.owner.textRange[0] : 0;
    list.textRange = [at, at];
    list.range = toSourceRange(shell, at, at);
  }
  // A command is written when it ends, so one with substitutions comes after the commands in them.
  const commands = out.commands.slice();
  if (!isSorted(commands)) commands.sort(byStart);
  for (let i = 0; i < commands.length; i++) commands[i]!.index = i;
  const lists = flatten<ShellList>(sink.lists);
  const pipelines = flatten<ShellPipeline>(sink.pipelines);
  for (const list of lists) for (const item of list.items) if (item.commands.length > 1 && !isSorted(item.commands)) item.commands.sort(byStart);
  return { ok: true, commands, pipelines, lists, dialect: out.dialect, shellStringFailures: out.failures };
}

/** Whether `byStart` would leave the array as it is (the sort is stable). */
function isSorted(array: readonly { textRange: readonly number[] }[]): boolean {
  for (let i = 1; i < array.length; i++) if (array[i - 1]!.textRange[0]! > array[i]!.textRange[0]!) return false;
  return true;
}

function byStart(a: { textRange: readonly number[] }, b: { textRange: readonly number[] }): number {
  return a.textRange[0]! - b.textRange[0]!;
}
