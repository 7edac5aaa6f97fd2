import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { defineRunVisitor } from "../lib/languages/dockerfile/visitors.js";
import { runIneffectiveNegations } from "../lib/semantics/shell-environment/errexit.js";
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
      peers: ["ShellCheck SC2251"],
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
        for (const { list, index, lastIndex, first } of runIneffectiveNegations(program, run, script)) {
            const item = list.items[index]!;
            const end = list.items[lastIndex]!.range[1];
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
        }
      },
    });
  },
});
