import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { defineRunVisitor } from "../lib/languages/dockerfile/visitors.js";
import { runIgnoredFailures } from "../lib/semantics/shell-environment/errexit.js";
import { unwrappedCommand } from "../lib/shell/unwrapped.js";
import { createRule } from "../lib/utils/create-rule.js";
import { locOfRange } from "../lib/utils/range-loc.js";

type MessageIds = "ignored" | "cd" | "loop" | "addSetE";

export default createRule<DockerfileRuleTypes<[], MessageIds>>("no-ignored-failure", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow RUN scripts that go on after a command fails, so that the RUN can succeed without it",
      category: "run",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["ShellCheck SC2164"],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      ignored:
        "If `{{name}}` fails, this RUN goes on and can still succeed: the shell only checks the last command, and nothing here checks this one{{more}}. Start the script with `set -e`, or join the commands with `&&`.",
      cd: "If `cd` fails, the commands after it run in the wrong directory and this RUN can still succeed{{more}}. Write `cd … &&`, `cd … || exit 1`, or start the script with `set -e` (or use WORKDIR).",
      loop: "If `{{name}}` fails in any iteration but the last, this loop goes on and this RUN can still succeed: a loop has the status of its last iteration{{more}}. Start the script with `set -e`, or add `|| exit 1`.",
      addSetE: "Start the script with `set -e` (the RUN then stops at the first command that fails, except in conditions and before `&&`/`||`).",
    },
  },
  create(context) {
    return defineRunVisitor(context, {
      onRun({ program, run, script }) {
        const failures = runIgnoredFailures(program, run, script);
        const first = failures[0];
        if (!first) return;
        const command = first.command;
        // A bare assignment fails through the command substitution in its value.
        // A negated statement (`! grep -q bad f`) fails when its command succeeds: name it with its `!`.
        const name = command.name === null ? `${command.assignments[0]?.name ?? ""}=$(…)` : `${command.negated ? "! " : ""}${unwrappedCommand(command).baseName ?? command.name.raw}`;
        const others = failures.length - 1;
        const more = others === 0 ? "" : ` (and ${others} more command${others === 1 ? "" : "s"} of this RUN)`;
        const messageId = first.kind === "loop" ? "loop" : name === "cd" && first.kind === "ignored" && command.nextOperator !== "&&" ? "cd" : "ignored";
        // `set -e` at the start reaches every failure only when none is inside an `sh -c` string, and
        // text is inserted only into a shell form (an exec form's JSON would need escaping).
        const start = script.lists[0]?.items[0]?.range[0];
        const canSuggest = script.form !== "exec" && start !== undefined && failures.every((failure) => !failure.command.fromShellString);
        context.report({
          loc: locOfRange(context.sourceCode, (command.name ?? command).range),
          messageId,
          data: { name, more },
          suggest: canSuggest ? [{ messageId: "addSetE", fix: (fixer) => fixer.insertTextBeforeRange([start, start], "set -e; ") }] : [],
        });
      },
    });
  },
});
