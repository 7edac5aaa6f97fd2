import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { defineRunVisitor } from "../lib/languages/dockerfile/visitors.js";
import { runExitStatusFlow } from "../lib/semantics/shell-environment/errexit.js";
import { unwrappedCommand } from "../lib/shell/unwrapped.js";
import { createRule } from "../lib/utils/create-rule.js";
import { locOfRange } from "../lib/utils/range-loc.js";

export default createRule<DockerfileRuleTypes<[], "ineffective" | "exitWhenTrue">>("no-ineffective-negation", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow `! cmd` as a check under `set -e`, where its failure never stops the RUN",
      category: "run",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: [],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      ineffective:
        "`! {{name}}` cannot stop this RUN: `set -e` ignores the status of a command negated with `!`, so the script goes on whatever `{{name}}` does. Write `if {{name}} …; then exit 1; fi` (or `{{name}} … && exit 1`).",
      exitWhenTrue: "Replace `! …` with `if …; then exit 1; fi`.",
    },
  },
  create(context) {
    const text = context.sourceCode.text;
    return defineRunVisitor(context, {
      onRun({ program, run, script }) {
        const flow = runExitStatusFlow(program, run, script);
        for (const list of script.lists) {
          list.items.forEach((item, index) => {
            // A negated statement starts at its first pipeline element; it stands on its own (not after `&&`/`||`).
            const previous = index > 0 ? list.items[index - 1]!.operator : null;
            if (!item.negated || previous === "|" || previous === "|&" || previous === "&&" || previous === "||") return;
            const first = item.commands[0];
            if (!first || first.inSubstitution || first.inCondition || !flow.errexitInEffectAt(first, list)) return;
            // The last element of the pipeline carries the statement's status.
            let last = index;
            while (list.items[last]!.operator === "|" || list.items[last]!.operator === "|&") last++;
            const fate = flow.fate(list, last, null);
            if (fate !== "ignored" && fate !== "masked-by-loop") return;
            const end = list.items[last]!.range[1];
            const start = item.range[0];
            const name = unwrappedCommand(first).baseName ?? "…";
            // `if P; then exit 1; fi` is `! P` made effective, for any pipeline P (the text of an exec
            // form's JSON string would need escaping: no suggestion there).
            const negated = text.slice(start + 1, end).replace(/^\s+/u, "");
            const canSuggest = text[start] === "!" && negated.length > 0 && script.form !== "exec";
            context.report({
              loc: locOfRange(context.sourceCode, [start, end]),
              messageId: "ineffective",
              data: { name },
              suggest: canSuggest ? [{ messageId: "exitWhenTrue", fix: (fixer) => fixer.replaceTextRange([start, end], `if ${negated}; then exit 1; fi`) }] : [],
            });
          });
        }
      },
    });
  },
});
