import { alphabetical, findUnsorted, orderText, pairSortKey } from "../lib/compose/sort.js";
import { sourceText } from "../lib/languages/compose/rule-support.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { defineComposeFileVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

export default createRule<ComposeRuleTypes<[], "unsorted">>("sort-services", {
  meta: {
    type: "layout",
    docs: {
      description: "Require the services of a compose file in alphabetical order",
      category: "compose",
      config: "stylistic",
      fileKinds: ["compose"],
      peers: ["dclint services-alphabetical-order"],
    },
    fixable: "code",
    schema: [],
    messages: {
      unsorted: "Services are not in alphabetical order ('{{key}}' is out of place): expected {{expected}}.",
    },
  },
  create(context) {
    const text = sourceText(context.sourceCode);
    return defineComposeFileVisitor(context, {
      // One finding per `services:` mapping, on its first misplaced service.
      onDocument({ model, firstSighting }) {
        const services = model.fields.get("services")?.value.node;
        if (services?.type !== "YAMLMapping" || !firstSighting(services)) return;
        const found = findUnsorted(text, services, pairSortKey, alphabetical);
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
