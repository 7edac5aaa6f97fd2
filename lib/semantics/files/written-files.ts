/**
 * Text a RUN writes into files: `echo … > file`, `printf … >> file`, `echo … | tee [-a] file…`,
 * `cat <<EOF > file` / `tee file <<EOF`, and the replacement text of `sed -i 's/…/…/' file`. The
 * path is the target as written (static words only: `"$F"` is not known); the text is what lands in
 * the file as far as the shell model knows it statically (an expansion contributes nothing).
 *
 * Sources: POSIX Shell Command Language §2.7 (redirections `>`, `>>`, `>|`, here-documents); echo
 * and printf in POSIX (printf's format turns `\n` into a newline); coreutils tee(1) (`-a`, `-i`,
 * `-p` options, every operand a file); GNU sed(1) `-i[SUFFIX]`, `-e script`, `s/regexp/replacement/`
 * with any delimiter.
 */
import type { Range, ShellCommand, ShellScript, ShellWord } from "../../shell/model.js";
import { unwrappedCommand } from "../../shell/unwrapped.js";

export interface WrittenText {
  /** The file's path as written. */
  path: string;
  /** The text that lands in it (what the shell model knows statically). */
  text: string;
  /** Source range of the command that writes it (for reports). */
  range: Range;
}

const OUTPUT_REDIRECTS = new Set([">", ">>", ">|"]);

/** A path word as written when it is static, or only a leading `~` (the home folder) away from it: `~/.curlrc`. */
function pathOf(word: ShellWord | null): string | null {
  if (!word) return null;
  if (word.value !== null) return word.value;
  return /^~\/[\w./-]+$/u.test(word.raw) ? word.raw : null;
}

/** Static files the command's standard output is redirected to. */
function outputFiles(command: ShellCommand): string[] {
  return command.redirects
    .filter((redirect) => OUTPUT_REDIRECTS.has(redirect.op) && (redirect.fd === null || redirect.fd === "1"))
    .map((redirect) => pathOf(redirect.target))
    .filter((path): path is string => path !== null);
}

/** What echo/printf print, as far as it is static; null for another command. */
function printedText(name: string | null, args: readonly ShellWord[]): string | null {
  // Asked for every command of every RUN: the words are read only for the two printers.
  if (name !== "echo" && name !== "printf") return null;
  const values = args.map((word) => word.value ?? "");
  if (name === "echo") {
    let index = 0;
    while (index < values.length && /^-[neE]+$/u.test(values[index]!)) index++;
    return values.slice(index).join(" ").replace(/\\n/gu, "\n");
  }
  const [format = "", ...rest] = values[0] === "--" ? values.slice(1) : values;
  return [format.replace(/\\n/gu, "\n").replace(/%s/gu, () => rest.shift() ?? ""), ...rest].join("\n");
}

/** tee's file operands (options removed). */
function teeFiles(args: readonly ShellWord[]): string[] {
  const files: string[] = [];
  let optionsEnded = false;
  for (const word of args) {
    const value = pathOf(word);
    if (value === null) continue;
    if (!optionsEnded && value === "--") optionsEnded = true;
    else if (!optionsEnded && value.startsWith("-") && value !== "-") continue;
    else files.push(value);
  }
  return files;
}

/** `s<d>regexp<d>replacement<d>flags`: the replacement, or null for another sed command. */
function sedReplacement(expression: string): string | null {
  if (expression[0] !== "s" || expression.length < 4) return null;
  const delimiter = expression[1]!;
  const parts: string[] = [];
  let current = "";
  for (let index = 2; index < expression.length; index++) {
    const c = expression[index]!;
    if (c === "\\" && index + 1 < expression.length) {
      current += expression[index + 1] === delimiter ? delimiter : c + expression[index + 1]!;
      index++;
    } else if (c === delimiter) {
      parts.push(current);
      current = "";
      if (parts.length === 2) break;
    } else current += c;
  }
  return parts.length === 2 ? parts[1]!.replace(/\\n/gu, "\n") : null;
}

/** `sed -i` edits: the replacement texts, into every file operand. */
function sedEdits(args: readonly ShellWord[]): { files: string[]; text: string } | null {
  let inPlace = false;
  const scripts: string[] = [];
  const operands: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const value = args[index]!.value;
    if (value === null) continue;
    if (value === "-i" || value.startsWith("-i") || value === "--in-place" || value.startsWith("--in-place=")) inPlace = true;
    else if (value === "-e" || value === "--expression") scripts.push(args[++index]?.value ?? "");
    else if (value.startsWith("--expression=")) scripts.push(value.slice("--expression=".length));
    else if (/^-[a-zA-Z]+$/u.test(value)) continue;
    else operands.push(value);
  }
  if (!inPlace) return null;
  // Without -e, the first operand is the script.
  if (scripts.length === 0 && operands.length > 0) scripts.push(operands.shift()!);
  const texts = scripts.flatMap((script) => script.split(/;|\n/u)).map((part) => sedReplacement(part.trim())).filter((text): text is string => text !== null);
  return texts.length > 0 && operands.length > 0 ? { files: operands, text: texts.join("\n") } : null;
}

/** The bodies of the command's here-documents, joined; null when it has none (most commands have no redirect at all). */
function heredocText(command: ShellCommand): string | null {
  if (command.redirects.length === 0) return null;
  const heredocs = command.redirects.filter((redirect) => redirect.heredoc !== null).map((redirect) => redirect.heredoc!.raw);
  return heredocs.length > 0 ? heredocs.join("\n") : null;
}

const cache = new WeakMap<ShellScript, readonly WrittenText[]>();

/** Every static text the script's commands write into files, in command order (computed once per script). */
export function textsWrittenByScript(script: ShellScript): readonly WrittenText[] {
  let found = cache.get(script);
  if (found) return found;
  const written: WrittenText[] = [];
  for (const command of script.commands) {
    const unwrapped = unwrappedCommand(command);
    const name = unwrapped.baseName;
    const printed = printedText(name, unwrapped.args);
    const text = printed ?? heredocText(command);
    if (text !== null) {
      const files = [...outputFiles(command), ...(name === "tee" ? teeFiles(unwrapped.args) : [])];
      // `echo … | tee file`: tee writes what the command before it printed.
      const next = command.pipeline?.elements[command.pipelineIndex + 1];
      const tee = printed !== null && next ? nextCommand(script, command) : null;
      if (tee) files.push(...teeFiles(unwrappedCommand(tee).args));
      for (const path of files) written.push({ path, text, range: command.range });
    }
    if (name === "sed") {
      const edit = sedEdits(unwrapped.args);
      if (edit) for (const path of edit.files) written.push({ path, text: edit.text, range: command.range });
    }
  }
  found = written;
  cache.set(script, found);
  return found;
}

/** The command `command` pipes into, when that is a `tee`. */
function nextCommand(script: ShellScript, command: ShellCommand): ShellCommand | null {
  const candidate = script.commands.find((other) => other.pipeline === command.pipeline && other.pipelineIndex === command.pipelineIndex + 1);
  return candidate && unwrappedCommand(candidate).baseName === "tee" ? candidate : null;
}
