import { findUnsorted, listedOrder, orderText, pairSortKey } from "../lib/compose/sort.js";
import { sourceText } from "../lib/languages/compose/rule-support.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { defineComposeFileVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

/**
 * dclint's default order of service keys (`service-keys-order`, src/rules/service-keys-order-rule.ts):
 * its groups core, dependencies, data, environment, networking, runtime, metadata, security, flattened.
 */
const DEFAULT_SERVICE_KEY_ORDER: readonly string[] = [
  "image",
  "build",
  "container_name",
  "depends_on",
  "volumes",
  "volumes_from",
  "configs",
  "secrets",
  "environment",
  "env_file",
  "ports",
  "networks",
  "network_mode",
  "extra_hosts",
  "command",
  "entrypoint",
  "working_dir",
  "restart",
  "healthcheck",
  "logging",
  "labels",
  "user",
  "isolation",
];

type Options = [{ order?: string[] }];

export default createRule<ComposeRuleTypes<Options, "unsorted">>("sort-service-keys", {
  meta: {
    type: "layout",
    docs: {
      description: "Require the keys of each service in a fixed order (dclint's by default)",
      category: "compose",
      config: "stylistic",
      fileKinds: ["compose"],
      peers: ["dclint service-keys-order"],
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
              "The service keys in the wanted order; keys not listed come after them, alphabetically.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ order: [...DEFAULT_SERVICE_KEY_ORDER] }],
    messages: {
      unsorted: "The keys of service '{{service}}' are not in order ('{{key}}' is out of place): expected {{expected}}.",
    },
  },
  create(context) {
    const text = sourceText(context.sourceCode);
    const order = context.options[0]?.order ?? DEFAULT_SERVICE_KEY_ORDER;
    const compare = listedOrder(order);
    return defineComposeFileVisitor(context, {
      onService(service, { firstSighting }) {
        // A service mapping reached through an alias is judged once, where it is written.
        if (!service.node || !firstSighting(service.node)) return;
        const found = findUnsorted(text, service.node, pairSortKey, compare);
        if (!found || found.misplaced.type !== "YAMLPair" || !found.misplaced.key) return;
        const edit = found.edit;
        context.report({
          loc: found.misplaced.key.loc,
          messageId: "unsorted",
          data: { service: service.name, key: pairSortKey(found.misplaced) ?? "", expected: orderText(found.expected) },
          fix: edit ? (fixer) => fixer.replaceTextRange(edit.range, edit.text) : null,
        });
      },
    });
  },
});
