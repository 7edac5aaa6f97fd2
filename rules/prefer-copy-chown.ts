import path from "node:path";
import type { Add, Copy, DockerfileProgram, Run, Stage } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { runShellOf } from "../lib/languages/dockerfile/visitors.js";
import { getStageGraph } from "../lib/semantics/stages/stages.js";
import { resolveCopyDestination, workdirBefore } from "../lib/semantics/files/workdir.js";
import type { ShellCommand, ShellWord } from "../lib/shell/index.js";
import { unwrappedCommand } from "../lib/shell/unwrapped.js";
import { createRule } from "../lib/utils/create-rule.js";

/**
 * coreutils chown(1)/chmod(1) and BusyBox: the options that take no value (`-R`, `-h`, `-v`…), the
 * long ones with a value (`--from=OWNER`, `--reference=FILE`), and `-R`/`--recursive`.
 */
const FLAG_LETTERS = /^-[RcfvhHLP]+$/u;
const LONG_FLAGS = new Set(["--recursive", "--changes", "--silent", "--quiet", "--verbose", "--dereference", "--no-dereference", "--preserve-root", "--no-preserve-root"]);

interface OwnershipChange {
  tool: "chown" | "chmod";
  recursive: boolean;
  /** The owner or mode, null when it cannot be moved onto a COPY flag (`--reference`, a variable). */
  setting: string | null;
  /** `--from` makes it conditional: not judged. */
  conditional: boolean;
  paths: ShellWord[];
}

/** Reads `chown [opts] OWNER PATH…` / `chmod [opts] MODE PATH…`; null for a form not understood. */
function readChange(tool: "chown" | "chmod", args: readonly ShellWord[]): OwnershipChange | null {
  let recursive = false;
  let conditional = false;
  let reference = false;
  let optionsEnded = false;
  const operands: ShellWord[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const word = args[index]!;
    const value = word.value;
    if (value === null) {
      operands.push(word);
      continue;
    }
    if (!optionsEnded && value === "--") optionsEnded = true;
    else if (!optionsEnded && (value === "--from" || value === "--reference")) {
      if (value === "--from") conditional = true;
      else reference = true;
      index += 1;
    } else if (!optionsEnded && value.startsWith("--from=")) conditional = true;
    else if (!optionsEnded && value.startsWith("--reference=")) reference = true;
    else if (!optionsEnded && LONG_FLAGS.has(value)) recursive ||= value === "--recursive";
    // chmod reads `-x`, `-w` as modes (`a-x`): only the flag letters are options.
    else if (!optionsEnded && FLAG_LETTERS.test(value)) recursive ||= value.includes("R");
    else if (!optionsEnded && value.startsWith("--")) return null;
    else operands.push(word);
  }
  const setting = reference ? null : operands.shift();
  if (setting === undefined) return null;
  return { tool, recursive, setting: setting === null ? null : setting.value, conditional, paths: operands };
}

/**
 * Whether a later command of the RUN removes `target` (`chmod +x /tmp/x.sh && /tmp/x.sh && rm /tmp/x.sh`):
 * the layer then holds a deletion, not a second copy.
 */
function removedLater(commands: readonly ShellCommand[], target: string): boolean {
  return commands.some((command) => {
    const unwrapped = unwrappedCommand(command);
    if (unwrapped.baseName !== "rm") return false;
    return unwrapped.args.some((arg) => arg.value !== null && arg.value.startsWith("/") && (path.posix.normalize(arg.value).replace(/(.)\/+$/u, "$1") === target || target.startsWith(`${path.posix.normalize(arg.value).replace(/\/+$/u, "")}/`)));
  });
}

/** What a COPY/ADD wrote at a path: its destination (file or folder), or a named file in its destination folder. */
interface Written {
  copy: Copy | Add;
  /** The COPY's destination is exactly this path. */
  exact: boolean;
  /** The path is a regular file (a non-recursive change rewrites it whole). */
  file: boolean;
}

/** A plain file name as a source: no glob, no variable, an extension (`entrypoint.sh`, `app.jar`). */
function fileSource(source: string): boolean {
  return !/[*?[$]/u.test(source) && /[^/.][^/]*\.[A-Za-z0-9]+$/u.test(source);
}

/** An absolute, normalised path (null when relative to a WORKDIR the file does not determine). */
function absolute(program: DockerfileProgram, at: Run | Copy | Add, written: string): string | null {
  if (written.startsWith("/")) return path.posix.normalize(written).replace(/(.)\/+$/u, "$1");
  const workdir = workdirBefore(program, at);
  if (workdir.kind !== "absolute" || workdir.path === null || !workdir.path.startsWith("/")) return null;
  return path.posix.join(workdir.path, written).replace(/(.)\/+$/u, "$1");
}

/** What the COPY/ADD instructions of a stage wrote, by absolute path, each with its position in the stage (latest last). */
type WriteIndex = Map<string, (Written & { position: number })[]>;

function indexWrites(program: DockerfileProgram, stage: Stage): WriteIndex {
  const index: WriteIndex = new Map();
  const add = (target: string, entry: Written & { position: number }): void => {
    const list = index.get(target);
    if (list) list.push(entry);
    else index.set(target, [entry]);
  };
  stage.instructions.forEach((instruction, position) => {
    if (instruction.type !== "Copy" && instruction.type !== "Add") return;
    const written = resolveCopyDestination(program, instruction);
    if (written === null) return;
    const destination = absolute(program, instruction, written);
    if (destination === null) return;
    const sources = instruction.sources.map((source) => source.value);
    const intoFolder = written.endsWith("/") || written === "." || sources.length + instruction.heredocs.length > 1;
    // `/` and other folders the image already holds are not what the COPY wrote.
    if (destination !== "/" && !intoFolder) add(destination, { copy: instruction, exact: true, file: sources.length === 1 && fileSource(sources[0]!), position });
    else if (destination !== "/" && sources.length === 1 && !fileSource(sources[0]!) && instruction.heredocs.length === 0) add(destination, { copy: instruction, exact: true, file: false, position });
    if (intoFolder) for (const source of sources) if (fileSource(source)) add(path.posix.join(destination, path.posix.basename(source)), { copy: instruction, exact: false, file: true, position });
  });
  return index;
}

/** The latest COPY/ADD of the stage before `position` that wrote `target`. */
function writerOf(index: WriteIndex, position: number, target: string): Written | null {
  const entries = index.get(target) ?? [];
  for (let at = entries.length - 1; at >= 0; at -= 1) if (entries[at]!.position < position) return entries[at]!;
  return null;
}

export default createRule<DockerfileRuleTypes<[], "storedTwice" | "moveOntoCopy">>("prefer-copy-chown", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Prefer `COPY --chown`/`--chmod` to a RUN that changes the owner or mode of the files a COPY brought in",
      category: "run",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: [],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      storedTwice:
        "`{{tool}}` rewrites {{path}}, which the {{keyword}} on line {{line}} brought in: the image stores those files twice (once in the {{keyword}} layer, again in this RUN's). Set the {{what}} on the {{keyword}} with `--{{tool}}`.",
      moveOntoCopy: "Add `--{{tool}}={{setting}}` to the {{keyword}} on line {{line}} and remove this RUN.",
    },
  },
  create(context) {
    const { sourceCode } = context;
    const program = sourceCode.ast;
    const writes = new Map<Stage, WriteIndex>();
    return {
      Run(run) {
        // Stage bodies only (not ONBUILD triggers): `locate` answers where the RUN is.
        const located = getStageGraph(program).locate(run);
        if (!located || located.position < 0) return;
        const { stage, position } = located;
        const script = runShellOf(program, run)?.script ?? null;
        if (!script) return;
        for (const command of script.commands) {
          const unwrapped = unwrappedCommand(command);
          const tool = unwrapped.baseName;
          if (tool !== "chown" && tool !== "chmod") continue;
          const change = readChange(tool, unwrapped.args);
          if (!change || change.conditional) continue;
          for (const word of change.paths) {
            if (word.value === null || word.hasGlob) continue;
            const target = absolute(program, run, word.value);
            if (target === null || removedLater(script.commands.slice(command.index + 1), target)) continue;
            let index = writes.get(stage);
            if (!index) writes.set(stage, (index = indexWrites(program, stage)));
            const written = writerOf(index, position, target);
            // A non-recursive change of a folder rewrites only the folder's own entry.
            if (!written || !(change.recursive || written.file)) continue;
            const { copy } = written;
            const line = String(copy.loc.start.line);
            const keyword = copy.keyword.value.toUpperCase();
            const data = { tool, path: word.value, keyword, line, what: tool === "chown" ? "owner" : "mode" };
            const suggest = suggestion(run, stage, position, copy, change, written, command.index, script.commands.length);
            context.report({
              loc: { start: sourceCode.getLocFromIndex(word.range[0]), end: sourceCode.getLocFromIndex(word.range[1]) },
              messageId: "storedTwice",
              data,
              suggest: suggest ? [{ messageId: "moveOntoCopy", data: { tool, setting: suggest, keyword, line }, fix: (fixer) => [
                fixer.insertTextAfterRange(copy.keyword.range, ` --${tool}=${suggest}`),
                fixer.removeRange(lineRange(run)),
              ] }] : [],
            });
          }
        }
      },
    };

    /** The setting to move, when the RUN is this one change of exactly the COPY's destination and nothing between could have written there. */
    function suggestion(run: Run, stage: Stage, position: number, copy: Copy | Add, change: OwnershipChange, written: Written, index: number, commands: number): string | null {
      if (commands !== 1 || index !== 0 || run.heredocs.length > 0 || change.paths.length !== 1 || !written.exact) return null;
      const setting = change.setting;
      if (setting === null || !/^[\w.-]+(?::[\w.-]*)?$/u.test(setting)) return null;
      // COPY --chmod takes an octal mode (BuildKit); `+x` would not mean the same.
      if (change.tool === "chmod" && !/^[0-7]{3,4}$/u.test(setting)) return null;
      if (copy.flags.some((flag) => flag.name === change.tool)) return null;
      const between = stage.instructions.slice(stage.instructions.indexOf(copy) + 1, position);
      if (between.some((instruction) => instruction.type === "Run" || instruction.type === "Copy" || instruction.type === "Add")) return null;
      return setting;
    }

    /** The RUN's lines, with the line end after them. */
    function lineRange(run: Run): [number, number] {
      const text = sourceCode.text;
      let end = run.range[1];
      const newline = text.indexOf("\n", end);
      end = newline === -1 ? text.length : newline + 1;
      return [run.range[0], end];
    }
  },
});
