import type { DockerfileProgram, Range, Run, ShellText } from "../lib/dockerfile/ast.js";
import { reparseEdited, replacedShellText, runTexts, type TextEdit } from "../lib/dockerfile/reparse.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { packageManagerInvocations } from "../lib/semantics/packages/package-manager-invocations.js";
import type { ShellWord } from "../lib/shell/index.js";
import { createRule } from "../lib/utils/create-rule.js";
import { lineStartAt } from "../lib/utils/line-ends.js";

/** Alphanumeric order as Docker's guide means it: by character code of the text as written. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const COMMENT_LINE = /^\s*#/u;

/**
 * The comment lines directly above the line that starts at `lineStart`, inside the instruction
 * (not above `floor`): the offset where the first of them starts, or `lineStart` when there is none.
 */
function commentBlockStart(text: string, lineStart: number, floor: number): number {
  let start = lineStart;
  while (start > floor) {
    const previous = lineStartAt(text, start - 1, "buildkit");
    if (previous < floor || !COMMENT_LINE.test(text.slice(previous, start))) break;
    start = previous;
  }
  return start;
}

/**
 * The edits that sort `words` (one per line), each package moving with the comment lines directly
 * above it, or null when that cannot be done safely: comment lines in the list that belong to no
 * single package (some packages have comments, others not: a comment may describe a group), or an
 * edit whose result BuildKit would read otherwise (a word ending in an escaped blank, `zz\ `, moved to
 * the end of the list would continue the instruction into the next one). The result is checked by
 * parsing the edited instruction again: the shell must see the same text with the words reordered.
 */
function sortEdits(text: string, program: DockerfileProgram, run: Run, words: readonly ShellWord[], sorted: readonly ShellWord[]): TextEdit[] | null {
  const lineStarts = words.map((word) => lineStartAt(text, word.range[0], "buildkit"));
  const runLineEnd = lineStartAt(text, run.range[0], "buildkit");
  const blocks = words.map((_, index) => commentBlockStart(text, lineStarts[index]!, index === 0 ? runLineEnd + 1 : lineStarts[index - 1]! + 1));
  const commented = blocks.map((start, index) => start < lineStarts[index]!);
  // Comment lines between the packages that sit in no block directly above one.
  const listText = text.slice(lineStarts[0]!, words.at(-1)!.range[1]);
  const commentLines = listText.split("\n").filter((line) => COMMENT_LINE.test(line)).length;
  const blockLines = words.reduce((count, _, index) => (index === 0 ? count : count + text.slice(blocks[index]!, lineStarts[index]!).split("\n").length - 1), 0);
  let edits: TextEdit[];
  if (!commented.some(Boolean) && commentLines === 0) {
    edits = words.flatMap((original, index) => (original.raw === sorted[index]!.raw ? [] : [{ range: original.range, text: sorted[index]!.raw }]));
  } else if (commented.every(Boolean) && commentLines === blockLines) {
    const order = new Map(words.map((word, index) => [word, index]));
    edits = words.map((word, index) => {
      const source = order.get(sorted[index]!)!;
      const comments = text.slice(blocks[source]!, lineStarts[source]!);
      const prefix = text.slice(lineStarts[index]!, word.range[0]);
      return { range: [blocks[index]!, word.range[1]] as Range, text: `${comments}${prefix}${sorted[index]!.raw}` };
    });
  } else {
    return null;
  }
  const after = reparseEdited(text, program, run, edits);
  if (!after || after.type !== "Run") return null;
  const ranges = words.map((word) => word.range);
  const texts = sorted.map((word) => word.raw);
  const expected = shellTexts(run).map((shell) => (shell ? (replacedShellText(shell, ranges, texts) ?? shell.text) : ""));
  const got = runTexts(after);
  return expected[0] === got[0] && expected[1] === got[1] ? edits : null;
}

function shellTexts(run: Run): [ShellText | null, ShellText | null] {
  return [run.form?.type === "ShellForm" ? run.form.shell : null, run.script?.text ?? null];
}

export default createRule<DockerfileRuleTypes<[], "unsorted">>("sort-package-lists", {
  meta: {
    type: "layout",
    docs: {
      description: "Require multi-line package lists (one package per line) to be sorted",
      category: "run",
      config: "stylistic",
      fileKinds: ["dockerfile"],
      peers: ["SonarQube S7018"],
    },
    fixable: "code",
    schema: [],
    messages: {
      unsorted: "The package list is not sorted: `{{word}}` should come before `{{previous}}`.",
    },
  },
  create(context) {
    const program = context.sourceCode.ast;
    const { text } = context.sourceCode;
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
          const edits = sortEdits(text, program, run, words, sorted);
          context.report({
            loc: { start: context.sourceCode.getLocFromIndex(word.range[0]), end: context.sourceCode.getLocFromIndex(word.range[1]) },
            messageId: "unsorted",
            data: { word: word.raw, previous: words[unsorted - 1]!.raw },
            // Each line keeps its indentation and continuation; a package moves with its comment lines.
            fix: edits ? (fixer) => edits.map((edit) => fixer.replaceTextRange(edit.range, edit.text)) : null,
          });
        }
      },
    };
  },
});
