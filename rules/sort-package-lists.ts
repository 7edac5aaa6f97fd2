import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { packageManagerInvocations } from "../lib/semantics/package-manager-invocations.js";
import type { ShellWord } from "../lib/shell/index.js";
import { createRule } from "../lib/utils/create-rule.js";

/** Alphanumeric order as Docker's guide means it: by character code of the text as written. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export default createRule<DockerfileRuleTypes<[], "unsorted">>("sort-package-lists", {
  meta: {
    type: "layout",
    docs: {
      description: "Require multi-line package lists (one package per line) to be sorted",
      category: "run",
      config: "strict",
      fileKinds: ["dockerfile"],
      peers: [],
    },
    fixable: "code",
    schema: [],
    messages: {
      unsorted: "The package list is not sorted: `{{word}}` should come before `{{previous}}`.",
    },
  },
  create(context) {
    const program = context.sourceCode.ast;
    const lineOf = (offset: number) => context.sourceCode.getLocFromIndex(offset).line;
    return {
      Run(run) {
        for (const { invocation, command } of packageManagerInvocations(program, run)) {
          if (command.fromShellString || invocation.packages.length < 2) continue;
          const words: ShellWord[] = invocation.packages.map((argument) => argument.word);
          // One package per line: the multi-line list Docker's best-practice guide asks to sort.
          const lines = words.map((word) => lineOf(word.range[0]));
          if (new Set(lines).size !== lines.length || words.some((word) => lineOf(word.range[1]) !== lineOf(word.range[0]))) continue;
          const unsorted = words.findIndex((word, index) => index > 0 && compare(words[index - 1]!.raw, word.raw) > 0);
          if (unsorted === -1) continue;
          const sorted = [...words].sort((a, b) => compare(a.raw, b.raw));
          const word = words[unsorted]!;
          context.report({
            loc: { start: context.sourceCode.getLocFromIndex(word.range[0]), end: context.sourceCode.getLocFromIndex(word.range[1]) },
            messageId: "unsorted",
            data: { word: word.raw, previous: words[unsorted - 1]!.raw },
            // Each line keeps its indentation and continuation: only the package words change places.
            fix: (fixer) => words.flatMap((original, index) => (original.raw === sorted[index]!.raw ? [] : [fixer.replaceTextRange(original.range, sorted[index]!.raw)])),
          });
        }
      },
    };
  },
});
