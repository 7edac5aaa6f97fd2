import { findUnsorted, listedOrder, orderText, pairSortKey } from "../lib/compose/sort.js";
import { sourceText } from "../lib/languages/compose/rule-support.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { defineComposeFileVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

/** The entry of `order` that stands for every extension key (`x-…`), which sort alphabetically among themselves. */
const EXTENSIONS = "x-*";

/**
 * dclint's default order of top-level keys (`top-level-properties-order`,
 * src/rules/top-level-properties-order-rule.ts; its `x-properties` is our `x-*`).
 */
const DEFAULT_TOP_LEVEL_ORDER: readonly string[] = [EXTENSIONS, "version", "name", "include", "services", "networks", "volumes", "secrets", "configs"];

type Options = [{ order?: string[] }];

export default createRule<ComposeRuleTypes<Options, "unsorted">>("sort-top-level-keys", {
  meta: {
    type: "layout",
    docs: {
      description: "Require the top-level keys of a compose file in a fixed order (dclint's by default)",
      category: "compose",
      config: "stylistic",
      fileKinds: ["compose"],
      peers: ["dclint top-level-properties-order"],
    },
    fixable: "code",
    schema: [
      {
        type: "object",
        properties: {
          order: {
            type: "array",
            items: { type: "string" },
            uniqueItems: true,
            description:
              "The top-level keys in the wanted order; `x-*` stands for the extension keys (alphabetically among themselves); keys not listed come last, alphabetically.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ order: [...DEFAULT_TOP_LEVEL_ORDER] }],
    messages: {
      unsorted: "The top-level keys are not in order ('{{key}}' is out of place): expected {{expected}}.",
    },
  },
  create(context) {
    const text = sourceText(context.sourceCode);
    const order = context.options[0]?.order ?? DEFAULT_TOP_LEVEL_ORDER;
    const compare = listedOrder(order, (key) => (key.startsWith("x-") ? EXTENSIONS : undefined));
    return defineComposeFileVisitor(context, {
      onDocument({ model }) {
        const found = findUnsorted(text, model.root, pairSortKey, compare);
        if (!found || found.misplaced.type !== "YAMLPair" || !found.misplaced.key) return;
        const edit = found.edit;
        context.report({
          loc: found.misplaced.key.loc,
          messageId: "unsorted",
          data: { key: pairSortKey(found.misplaced) ?? "", expected: orderText(found.expected) },
          fix: edit ? (fixer) => fixer.replaceTextRange(edit.range, edit.text) : null,
        });
      },
    });
  },
});
