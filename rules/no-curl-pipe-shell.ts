import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { defineRunVisitor } from "../lib/languages/dockerfile/visitors.js";
import { findShellStringArgument } from "../lib/shell/commands.js";
import { readDownload } from "../lib/shell/http-clients.js";
import type { ShellCommand, ShellScript, ShellWord } from "../lib/shell/model.js";
import { STDIN_INTERPRETERS } from "../lib/shell/shells.js";
import { unwrappedCommand } from "../lib/shell/unwrapped.js";
import { createRule } from "../lib/utils/create-rule.js";
import { locOfRange } from "../lib/utils/range-loc.js";


/** The interpreter reads its program from stdin: no operand but options (or only `-`/`-s`). */
function readsProgramFromStdin(command: ShellCommand): boolean {
  const unwrapped = unwrappedCommand(command);
  if (unwrapped.baseName === null || !STDIN_INTERPRETERS.has(unwrapped.baseName)) return false;
  for (const word of unwrapped.args) {
    const value = word.value;
    if (value === null) return false;
    if (value === "-" || value === "-s" || value === "--" || value === "/dev/stdin") return true;
    if (value.startsWith("-")) {
      // `-c` / `-e` / `-m`: the program is an argument, not stdin.
      if (/^-[a-zA-Z]*[cem]/u.test(value) && !value.startsWith("--")) return false;
      continue;
    }
    return false;
  }
  return true;
}

/** Whether a download to stdout runs inside `word` (`"$(curl -fsSL …)"`, `<(wget -qO- …)`), however quoted. */
function downloadsInside(script: ShellScript, word: ShellWord): boolean {
  return script.commands.some(
    (inner) =>
      inner.inSubstitution &&
      inner.range[0] >= word.range[0] &&
      inner.range[1] <= word.range[1] &&
      readDownload(unwrappedCommand(inner))?.toStdout === true,
  );
}

export default createRule<DockerfileRuleTypes<[], "pipe" | "substitution">>("no-curl-pipe-shell", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow piping a downloaded script straight into a shell or interpreter",
      category: "run",
      config: "strict",
      fileKinds: ["dockerfile"],
      peers: [],
    },
    schema: [],
    messages: {
      pipe: "`{{client}} … | {{shell}}` runs whatever the server sends, unverified. Download to a file, check its checksum or signature, then run it.",
      substitution: "`{{shell}}` runs a script downloaded in the same command, unverified. Download to a file, check its checksum or signature, then run it.",
    },
  },
  create(context) {
    return defineRunVisitor(context, {
      onRun({ script }) {
        for (const pipeline of script.pipelines) {
          for (let i = 0; i + 1 < pipeline.elements.length; i++) {
            const source = pipeline.elements[i]!.command;
            const sink = pipeline.elements[i + 1]!.command;
            const download = source ? readDownload(unwrappedCommand(source)) : null;
            if (!download?.toStdout || !sink || !readsProgramFromStdin(sink)) continue;
            context.report({
              loc: locOfRange(context.sourceCode, [source!.range[0], sink.range[1]]),
              messageId: "pipe",
              data: { client: download.client, shell: unwrappedCommand(sink).baseName! },
            });
          }
        }
        for (const command of script.commands) {
          const unwrapped = unwrappedCommand(command);
          if (unwrapped.baseName === null || !STDIN_INTERPRETERS.has(unwrapped.baseName)) continue;
          // `sh -c "$(curl …)"` and `bash <(curl …)`.
          const argument = findShellStringArgument(command);
          const words = argument ? [argument.word] : unwrapped.args;
          if (words.some((word) => downloadsInside(script, word))) {
            context.report({ loc: locOfRange(context.sourceCode, command.range), messageId: "substitution", data: { shell: unwrapped.baseName } });
          }
        }
      },
    });
  },
});
