import type { EscapeChar, KeyValuePair } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { createRule } from "../lib/utils/create-rule.js";

const isBlank = (char: string): boolean => char === " " || char === "\t";

/**
 * Rewrites the value of a legacy `KEY value` pair (BuildKit takes the rest of the line as one word
 * and expands it with `ProcessWord`, keeping inner blanks) as the value of `KEY=value`, where an
 * unquoted blank would end the word. Returns text that `ProcessWord` turns into the same string:
 * - no blank outside quotes: the value as it is;
 * - blanks but no quote or escape character: the value in double quotes (`$` expands the same way
 *   inside them);
 * - otherwise: each blank outside quotes escaped with the escape character, quotes kept as written.
 */
export function keyValueFormValue(value: string, escapeChar: EscapeChar): string {
  let hasOuterBlank = false;
  let rewritten = "";
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index]!;
    if (char === escapeChar) {
      rewritten += value.slice(index, index + 2);
      index += 1;
    } else if (char === "'" || char === '"') {
      let end = index + 1;
      while (end < value.length && value[end] !== char) end += char === '"' && value[end] === escapeChar ? 2 : 1;
      rewritten += value.slice(index, end + 1);
      index = end;
    } else if (isBlank(char)) {
      hasOuterBlank = true;
      rewritten += escapeChar + char;
    } else {
      rewritten += char;
    }
  }
  if (!hasOuterBlank) return value;
  if (!value.includes('"') && !value.includes("'") && !value.includes(escapeChar)) return `"${value}"`;
  return rewritten;
}

export default createRule<DockerfileRuleTypes<[], "legacy">>("env-key-value-format", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Require the `KEY=value` form in ENV and LABEL instead of the legacy `KEY value` form",
      category: "environment",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["BuildKit LegacyKeyValueFormat"],
    },
    fixable: "code",
    schema: [],
    messages: {
      legacy: "Legacy '{{instruction}} {{key}} value' form: write {{key}}=value (the legacy form takes the whole rest of the line as the value and is deprecated).",
    },
  },
  create(context) {
    const { sourceCode } = context;
    const { escapeChar } = sourceCode.ast;

    function check(instruction: string, pair: KeyValuePair): void {
      if (!pair.legacy) return;
      const value = pair.value;
      context.report({
        loc: pair.loc,
        messageId: "legacy",
        data: { instruction, key: pair.key.value },
        // Without a value BuildKit rejects the line ("must have two arguments"): nothing to rewrite.
        fix: value && value.value !== "" ? (fixer) => fixer.replaceTextRange(pair.range, `${pair.key.value}=${keyValueFormValue(value.value, escapeChar)}`) : null,
      });
    }

    return {
      Env(node) {
        for (const pair of node.pairs) check("ENV", pair);
      },
      Label(node) {
        for (const pair of node.pairs) check("LABEL", pair);
      },
    };
  },
});
