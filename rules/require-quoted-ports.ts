import { sourceText } from "../lib/languages/compose/rule-support.js";
import type { AST } from "yaml-eslint-parser";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { defineComposeFileVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

export default createRule<ComposeRuleTypes<[], "unquoted">>("require-quoted-ports", {
  meta: {
    type: "problem",
    docs: {
      description: "Require `ports` and `expose` entries to be quoted strings",
      category: "networking",
      config: "recommended",
      fileKinds: ["compose"],
      peers: ["dclint require-quotes-in-ports"],
    },
    fixable: "code",
    schema: [],
    messages: {
      unquoted:
        "Quote the {{field}} entry {{text}}: a YAML 1.1 reader turns an unquoted `22:22` into the base-60 number 1342, and a bare number makes the file depend on how each tool types it.",
    },
  },
  create(context) {
    const text = sourceText(context.sourceCode);
    return defineComposeFileVisitor(context, {
      onService(service, { firstSighting: first }) {
        // Anchored entries are shared: report (and fix) the scalar once, where it is written.
        const check = (node: AST.YAMLScalar, field: string) => {
          if (node.style !== "plain" || !first(node)) return;
          const raw = text.slice(node.range[0], node.range[1]);
          context.report({
            loc: node.loc,
            messageId: "unquoted",
            data: { field, text: raw },
            // A plain scalar never contains `"` or `\`... except when it does: then leave it to the user.
            fix: /["\\]/u.test(raw) ? null : (fixer) => fixer.replaceTextRange(node.range, `"${raw}"`),
          });
        };
        for (const port of service.ports) if (port.form === "short" && port.spec) check(port.spec.node, "ports");
        for (const value of service.expose) check(value.node, "expose");
      },
    });
  },
});
