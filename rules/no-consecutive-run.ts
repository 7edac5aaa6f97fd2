import type { DockerfileProgram, Run, Stage } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { shippedImageStages } from "../lib/semantics/stages/build-target.js";
import { runShellScript } from "../lib/semantics/run/run-shell.js";
import type { ShellScript } from "../lib/shell/model.js";
import { createRule } from "../lib/utils/create-rule.js";

/** The text of a RUN's flags (`--mount=…`): two RUNs merge only when they run with the same ones. */
function flagsText(text: string, run: Run): string {
  return run.flags.map((flag) => text.slice(flag.range[0], flag.range[1])).join(" ");
}

/** A shell-form RUN without heredocs, whose script a POSIX shell runs. */
function mergeableScript(program: DockerfileProgram, run: Run): ShellScript | null {
  if (run.form?.type !== "ShellForm" || run.heredocs.length > 0 || run.script?.kind !== "command") return null;
  return runShellScript(program, run);
}

/**
 * Whether `first && second` runs exactly the two scripts one after the other, failing where either
 * would fail: the first must end with its last command (no `&`, `;` or comment after it); the second
 * must be one `&&`-chain (a `;` or `||` in it would bind looser than the new `&&`).
 */
function joinsWithAnd(first: ShellScript, firstText: string, second: ShellScript): boolean {
  const top = first.lists[0];
  const last = top?.items.at(-1);
  if (!top || !last || last.background || firstText.slice(last.textRange[1]).trim() !== "") return false;
  const operators = second.lists[0]?.items.slice(0, -1).map((item) => item.operator) ?? [];
  return operators.every((operator) => operator === "&&" || operator === "|" || operator === "|&");
}

export default createRule<DockerfileRuleTypes<[], "consecutive" | "merge">>("no-consecutive-run", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow consecutive RUN instructions that could be one layer",
      category: "run",
      config: "strict",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3059", "SonarQube S7031"],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      consecutive: "This RUN follows another RUN: each makes a layer, and files the first creates and the second deletes stay in the image. Join them with `&&`.",
      merge: "Join this RUN to the one before with `&&` (the second then runs in the shell state the first leaves, such as its current directory).",
    },
  },
  create(context) {
    const program = context.sourceCode.ast;
    const { text } = context.sourceCode;
    const escape = program.escapeChar;
    let shipped: ReadonlySet<Stage> | null = null;
    return {
      Stage(stage) {
        // Only layers that reach the image: a builder stage's layers are thrown away (COPY --from takes
        // files, not layers), and a stage the build does not reach is never built.
        shipped ??= new Set(shippedImageStages(program, context.filename));
        if (!shipped.has(stage)) return;
        for (let i = 1; i < stage.instructions.length; i++) {
          const previous = stage.instructions[i - 1]!;
          const current = stage.instructions[i]!;
          if (previous.type !== "Run" || current.type !== "Run") continue;
          const first = mergeableScript(program, previous);
          const second = mergeableScript(program, current);
          if (!first || !second || flagsText(text, previous) !== flagsText(text, current)) continue;
          const between = text.slice(previous.range[1], current.range[0]);
          const firstBody = previous.form!.range;
          const secondBody = current.form!.range;
          const safe = between.trim() === "" && joinsWithAnd(first, previous.script!.text.text, second);
          const eol = between.includes("\r\n") ? "\r\n" : "\n";
          context.report({
            loc: current.keyword.loc,
            messageId: "consecutive",
            suggest: safe
              ? [{ messageId: "merge", fix: (fixer) => fixer.replaceTextRange([firstBody[1], secondBody[0]], ` ${escape}${eol}    && `) }]
              : [],
          });
        }
      },
    };
  },
});
