import type { RuleFixer } from "@eslint/core";
import type { Env, Stage, VariableReference } from "../lib/dockerfile/ast.js";
import { flattenVariables } from "../lib/dockerfile/ast-helpers.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { variableBefore } from "../lib/semantics/variables/declared-values.js";
import { stageOf } from "../lib/semantics/stages/stages.js";
import { createRule } from "../lib/utils/create-rule.js";
import { indentationAt } from "../lib/utils/line-edits.js";

export default createRule<DockerfileRuleTypes<[], "sameInstruction" | "split">>("no-self-referencing-env", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow an ENV value that uses a variable set earlier in the same ENV instruction",
      category: "environment",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3044"],
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
    messages: {
      sameInstruction:
        "'{{reference}}' is expanded before this ENV sets {{name}}, so it gets {{previous}}, not the value set on line {{line}}. Put {{key}} in an ENV of its own after it.",
      split: "Split the ENV before {{key}}, so that it sees the new value of {{name}}.",
    },
  },
  create(context) {
    const { sourceCode } = context;
    const program = sourceCode.ast;

    function check(node: Env): void {
      const stage = stageOf(program, node);
      const definedAt = new Map<string, number>();
      // The split goes before the first pair that needs it; later findings of the same ENV share it.
      let splitBefore: number | null = null;
      node.pairs.forEach((pair, index) => {
        for (const reference of pair.value ? flattenVariables(pair.value.variables) : []) {
          const earlier = definedAt.get(reference.name);
          if (earlier === undefined) continue;
          splitBefore ??= index;
          report(node, reference, pair.key.value, earlier, splitBefore, stage);
        }
        definedAt.set(pair.key.value, index);
      });
    }

    function report(node: Env, reference: VariableReference, key: string, earlier: number, splitIndex: number, stage: Stage | null): void {
      const name = reference.name;
      const previous = stage ? variableBefore(program, stage, node, name) : undefined;
      const earlierPair = node.pairs[earlier]!;
      const newValue = earlierPair.value && earlierPair.value.variables.length === 0 ? earlierPair.value.value.replace(/^(["'])(.*)\1$/su, "$2") : null;
      const describedPrevious = previous === undefined ? "its value from before this line (empty unless the base image sets it)" : previous === null ? "its earlier value" : `'${previous}'`;
      const pair = node.pairs[splitIndex]!;
      const before = node.pairs[splitIndex - 1]!;
      const gap = sourceCode.text.slice(before.range[1], pair.range[0]);
      // Splitting keeps the build's result only when the variable already held the value the ENV sets.
      const keepsMeaning = previous !== undefined && previous !== null && previous === newValue;
      const splitText = `\n${indentationAt(sourceCode.text, node.range[0])}${node.keyword.value} `;
      const canSplit = !gap.includes("#");
      const split: RuleFixer = (fixer) => fixer.replaceTextRange([before.range[1], pair.range[0]], splitText);
      context.report({
        loc: reference.loc,
        messageId: "sameInstruction",
        data: { reference: sourceCode.text.slice(...reference.range), name, previous: describedPrevious, line: String(earlierPair.loc.start.line), key },
        fix: canSplit && keepsMeaning ? split : null,
        suggest: canSplit && !keepsMeaning ? [{ messageId: "split", data: { key: node.pairs[splitIndex]!.key.value, name }, fix: split }] : [],
      });
    }

    return {
      Env: check,
    };
  },
});
