import type { Add, Copy, Range } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { specialFilesCreatedBefore } from "../lib/semantics/files/created-files.js";
import { classifyMode } from "../lib/semantics/files/file-mode.js";
import type { ShellScript, ShellWord } from "../lib/shell/index.js";
import { defineRunVisitor, type RunShell } from "../lib/languages/dockerfile/visitors.js";
import { unwrappedCommand } from "../lib/shell/unwrapped.js";
import { createRule } from "../lib/utils/create-rule.js";

/** The mode operand of a `chmod` argument list: the first word that is not an option (`-R`, `--verbose`). */
function chmodMode(args: readonly ShellWord[]): ShellWord | null {
  for (const arg of args) {
    const value = arg.value;
    if (value === null) return null;
    if (value === "--") continue;
    if (value.startsWith("--reference")) return null;
    // `-R`, `-v`, `--recursive` are options; `-w`/`-x` are modes (chmod reads them as `a-w`), and a removal is never a finding.
    if (value.startsWith("-")) continue;
    return arg;
  }
  return null;
}

/** The value of `-m MODE`, `-mMODE`, `--mode=MODE` or `--mode MODE` (mkdir, install), with the word that holds it. */
function modeOption(args: readonly ShellWord[]): { word: ShellWord; mode: string } | null {
  for (let index = 0; index < args.length; index += 1) {
    const value = args[index]!.value;
    if (value === null) continue;
    if (value === "--") return null;
    if (value === "-m" || value === "--mode") {
      const next = args[index + 1];
      return next?.value ? { word: next, mode: next.value } : null;
    }
    if (value.startsWith("--mode=")) return { word: args[index]!, mode: value.slice(7) };
    // Clustered short options: `-pm777`, `-m0777`.
    const clustered = /^-[a-ln-zA-Z]*m(.+)$/u.exec(value);
    if (clustered && !value.startsWith("--")) return { word: args[index]!, mode: clustered[1]! };
  }
  return null;
}

/**
 * Whether every path is deleted by a later `rm -r` of the same RUN (as written, so `"$tempDir"`
 * matches `"$tempDir"`): a scratch directory made world-writable for an unprivileged build step and
 * removed before the layer is committed never reaches the image. The `rm` may sit in a branch
 * (`if [ -n "$tempDir" ]; then rm -rf "$tempDir"; fi`, as nginx's official image guards it).
 */
function removedLater(script: ShellScript, after: number, paths: readonly string[]): boolean {
  if (paths.length === 0) return false;
  const removed = new Set<string>();
  for (const command of script.commands.slice(after + 1)) {
    const unwrapped = unwrappedCommand(command);
    if (unwrapped.baseName !== "rm") continue;
    const recursive = unwrapped.args.some((arg) => arg.value !== null && /^-[a-zA-Z]*[rR]/u.test(arg.value));
    if (!recursive) continue;
    for (const arg of unwrapped.args) removed.add(arg.raw);
  }
  return paths.every((path) => removed.has(path));
}

export default createRule<DockerfileRuleTypes<[], "worldWritable">>("no-chmod-777", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow world-writable permissions (`chmod 777`, `COPY --chmod=777`, `mkdir -m 777`)",
      category: "security",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["SonarQube S2612"],
    },
    schema: [],
    messages: {
      worldWritable:
        "Mode '{{mode}}' lets every user of the container write here ({{where}}): any process, however unprivileged, can replace the files. Grant write to the owner only (e.g. 755/644, or chown to the user that needs it).",
    },
  },
  create(context) {
    const { sourceCode } = context;

    function report(range: Range, mode: string, where: string): void {
      context.report({
        loc: { start: sourceCode.getLocFromIndex(range[0]), end: sourceCode.getLocFromIndex(range[1]) },
        messageId: "worldWritable",
        data: { mode, where },
      });
    }

    function checkRun({ script, commands }: RunShell): void {
      for (const { command, unwrapped } of commands) {
        const name = unwrapped.baseName;
        if (name === "chmod") {
          const word = chmodMode(unwrapped.args);
          if (!word?.value || classifyMode(word.value) !== "world-writable") continue;
          const targets = unwrapped.args.slice(unwrapped.args.indexOf(word) + 1).map((arg) => arg.raw);
          if (removedLater(script, command.index, targets)) continue;
          // A FIFO this RUN made: writing to it hands bytes to its reader and replaces nothing (fifo(7));
          // replacing the pipe itself needs write permission on its directory.
          if (targets.length > 0) {
            const made = specialFilesCreatedBefore(script, command.index);
            if (targets.every((target) => made.get(target) === "fifo")) continue;
          }
          report(word.range, word.value, "chmod");
        } else if (name === "mkdir" || name === "install") {
          const option = modeOption(unwrapped.args);
          if (option && classifyMode(option.mode) === "world-writable") report(option.word.range, option.mode, `${name} -m`);
        }
      }
    }

    function checkChmodFlag(node: Copy | Add): void {
      for (const flag of node.flags) {
        if (flag.name !== "chmod" || !flag.value) continue;
        if (classifyMode(flag.value.value) === "world-writable") report(flag.value.range, flag.value.value, `${node.keyword.value.toUpperCase()} --chmod`);
      }
    }

    return {
      ...defineRunVisitor(context, { onRun: checkRun }),
      Copy: checkChmodFlag,
      Add: checkChmodFlag,
    };
  },
});
