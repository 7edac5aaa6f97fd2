import { alphabetical, findUnsorted, itemScalarText, orderText, pairSortKey, type SortEntry } from "../lib/compose/sort.js";
import { getServiceField } from "../lib/compose/model.js";
import { sourceText } from "../lib/languages/compose/rule-support.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { defineComposeFileVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

/** The service an entry of `depends_on` names: the item (list form) or the key (map form). */
function dependencyName(entry: SortEntry): string | null | undefined {
  return entry.type === "YAMLPair" ? pairSortKey(entry) : itemScalarText(entry);
}

export default createRule<ComposeRuleTypes<[], "unsorted">>("sort-dependencies", {
  meta: {
    type: "layout",
    docs: {
      description: "Require the services of each `depends_on` in alphabetical order",
      category: "compose",
      config: "stylistic",
      fileKinds: ["compose"],
      peers: ["dclint service-dependencies-alphabetical-order"],
    },
    fixable: "code",
    schema: [],
    messages: {
      unsorted: "The depends_on of service '{{service}}' is not in alphabetical order ('{{key}}' is out of place): expected {{expected}}.",
    },
  },
  create(context) {
    const text = sourceText(context.sourceCode);
    return defineComposeFileVisitor(context, {
      onService(service, { firstSighting }) {
        const dependsOn = getServiceField(service, "depends_on")?.node;
        // An anchored list shared by several services is judged once, where it is written.
        if (!dependsOn || dependsOn.type === "YAMLScalar" || !firstSighting(dependsOn)) return;
        const found = findUnsorted(text, dependsOn, dependencyName, alphabetical);
        if (!found) return;
        const edit = found.edit;
        const at = found.misplaced.type === "YAMLPair" ? found.misplaced.key ?? found.misplaced : found.misplaced;
        context.report({
          loc: at.loc,
          messageId: "unsorted",
          data: { service: service.name, key: dependencyName(found.misplaced) ?? "", expected: orderText(found.expected) },
          fix: edit ? (fixer) => fixer.replaceTextRange(edit.range, edit.text) : null,
        });
      },
    });
  },
});
