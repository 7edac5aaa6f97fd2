/**
 * The shell model of an exec-form RUN (`RUN ["/bin/sh", "-c", "apt-get update"]`, Dockerfile
 * reference: "RUN [\"executable\", \"param1\"]": no shell, the JSON strings are the arguments).
 *
 * The RUN is one command whose words are the JSON strings, known exactly (value = the decoded string,
 * range = the string's source range, quotes included). When that command runs a shell with a script
 * (`sh -c`, `/bin/bash -ec`, `su -c`… through wrappers, as `findShellStringArgument` decides), the
 * script is parsed like a shell-form body, with every offset mapped back through the JSON escapes
 * (`\"`, `\\`, `\n`, `\uXXXX`: a decoded character's range is its whole escape). The model says
 * `form: "exec"` so rules leave out fixes that would have to be written inside JSON.
 */
import type { ShellCommand, ShellList, ShellListItem, ShellScript, ShellWord } from "../model.js";
import { findShellStringArgument } from "../commands.js";
import type { ShellText } from "../shell-text.js";
import { toSourceRange } from "../shell-text.js";
import { finishScript } from "./index.js";
import type { Frame, Output } from "./parser.js";
import { ROOT_STATE, parseShellString } from "./parser.js";
import { newSink } from "./sink.js";
import { SourceMapper } from "./source-map.js";

/** One JSON string of the exec form: its decoded value, its raw text (quotes included), and where the raw text starts in `shell.text`. */
export interface ExecFormArgument {
  value: string;
  raw: string;
  textStart: number;
}

/**
 * Build the model of an exec-form RUN. `shell` is the text the offsets refer to (usually the exec
 * form's source slice, `contiguousShellText(raw, formStart)`); `args` are its JSON strings in order.
 * Returns null when there is no argument.
 */
export function parseExecForm(shell: ShellText, args: readonly ExecFormArgument[]): ShellScript | null {
  if (args.length === 0) return null;
  const out: Output = { shell, dialect: "posix", parseShellStrings: true, commands: [], failures: [], emptyLists: [], mapper: new SourceMapper(shell) };
  const sink = newSink();
  const words = args.map((arg): ShellWord => {
    const textRange: [number, number] = [arg.textStart, arg.textStart + arg.raw.length];
    const range = toSourceRange(shell, textRange[0], textRange[1]);
    return {
      value: arg.value,
      raw: arg.raw,
      textRange,
      range,
      hasExpansion: false,
      quoted: true,
      hasGlob: false,
      parts: [{ kind: "double-quoted", value: arg.value, raw: arg.raw, textRange, range }],
    };
  });
  const first = words[0]!;
  const last = words[words.length - 1]!;
  const textRange: [number, number] = [first.textRange[0], last.textRange[1]];
  const range = toSourceRange(shell, textRange[0], textRange[1]);
  const list: ShellList = { items: [], owner: null, textRange, range };
  const command: ShellCommand = {
    kind: "simple",
    name: first,
    args: words.slice(1),
    assignments: [],
    redirects: [],
    textRange,
    range,
    index: 0,
    pipeline: null,
    pipelineIndex: -1,
    pipedTo: false,
    pipedFrom: false,
    list,
    listIndex: 0,
    nextOperator: null,
    prevOperator: null,
    negated: false,
    background: false,
    context: [],
    inSubstitution: false,
    inCondition: false,
    conditional: false,
    fromShellString: false,
  };
  const item: ShellListItem = { kind: "command", command, commands: [command], operator: null, negated: false, background: false, textRange, range };
  list.items.push(item);
  sink.lists.push(list);
  out.commands.push(command);

  const script = findShellStringArgument(command);
  if (script) {
    const index = words.indexOf(script.word);
    const arg = args[index];
    if (arg) {
      const frame = jsonFrame(arg);
      parseShellString(out, sink, frame, script.word, ROOT_STATE, script.dialect === "posix");
      // The inner commands are part of the RUN's one item.
      item.commands = out.commands.slice();
    }
  }
  return { ...finishScript(out, sink), form: "exec" };
}

/**
 * A frame for the decoded value of a JSON string: decoded offset → offset in the text the raw string
 * starts at (`textStart` is the opening quote). A character written as an escape starts at its
 * backslash and ends after the escape. If `raw` does not decode to `value` (it should), every offset
 * maps to the whole string.
 */
function jsonFrame(arg: ExecFormArgument): Frame {
  const raw = arg.raw;
  const value = arg.value;
  const starts = new Int32Array(value.length + 1);
  const ends = new Int32Array(value.length + 1);
  let decoded = "";
  let i = 1;
  const limit = raw.length - 1;
  while (i < limit) {
    const at = i;
    let chunk: string;
    if (raw[i] === "\\") {
      const e = raw[i + 1];
      if (e === "u") {
        chunk = String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16));
        i += 6;
      } else {
        chunk = e === "n" ? "\n" : e === "t" ? "\t" : e === "r" ? "\r" : e === "b" ? "\b" : e === "f" ? "\f" : (e ?? "");
        i += 2;
      }
    } else {
      chunk = raw[i]!;
      i += 1;
    }
    const k = decoded.length;
    if (k < starts.length) {
      starts[k] = arg.textStart + at;
      ends[k + 1] = arg.textStart + i;
    }
    decoded += chunk;
  }
  if (decoded !== value) {
    const s = arg.textStart;
    const e = arg.textStart + raw.length;
    return { src: value, start: () => s, end: () => e, depth: 1 };
  }
  starts[value.length] = arg.textStart + limit;
  ends[0] = arg.textStart + 1;
  return { src: value, start: (o) => starts[o] ?? arg.textStart + limit, end: (o) => ends[o] ?? arg.textStart + limit, depth: 1 };
}
