import type { AST } from "yaml-eslint-parser";
import { parseComposeText } from "../lib/compose/parse.js";
import { sourceText } from "../lib/languages/compose/rule-support.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { defineComposeFileVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

/** Words a YAML 1.1 reader (and some tools still are one) types as booleans or null when plain. */
const YAML11_SPECIAL = /^(?:[yn~]|yes|no|on|off|true|false|null)$/iu;

/**
 * Whether `value` can be written as a plain scalar in the place of `node` and read back as the same
 * string: it parses (in a block or flow sequence like the one it sits in) as one plain string scalar
 * equal to it, and no YAML 1.1 reader would type it as a number, boolean or null either.
 */
function plainReadsAs(value: string, node: AST.YAMLScalar): boolean {
  if (value === "" || /[\n\r\t]/u.test(value) || value !== value.trim()) return false;
  if (YAML11_SPECIAL.test(value) || /^[-+.\d:_]+$/u.test(value)) return false;
  // Only an item written directly in a sequence (not tagged, anchored or reached through an alias).
  if (node.parent.type !== "YAMLSequence") return false;
  const flow = node.parent.style === "flow";
  const parsed = parseComposeText(flow ? `[${value}]\n` : `- ${value}\n`);
  if (!parsed.ok) return false;
  const sequence = parsed.program.body[0]?.content;
  if (sequence?.type !== "YAMLSequence" || sequence.entries.length !== 1) return false;
  const item = sequence.entries[0];
  return item?.type === "YAMLScalar" && item.style === "plain" && item.value === value;
}

export default createRule<ComposeRuleTypes<[], "quoted">>("no-quoted-volumes", {
  meta: {
    type: "layout",
    docs: {
      description: "Disallow quotes around short-syntax service volumes that read the same without them",
      category: "compose",
      config: "stylistic",
      fileKinds: ["compose"],
      peers: ["dclint no-quotes-in-volumes"],
    },
    fixable: "code",
    schema: [],
    messages: {
      quoted: "Volume {{text}} of service '{{service}}' is quoted but reads the same without quotes: write it plain.",
    },
  },
  create(context) {
    const text = sourceText(context.sourceCode);
    return defineComposeFileVisitor(context, {
      // Anchored entries are shared: `first` reports (and fixes) a scalar once, where it is written.
      onService(service, { firstSighting: first }) {
        for (const volume of service.volumes) {
          const node = volume.form === "short" ? volume.spec?.node : null;
          if (!node || (node.style !== "double-quoted" && node.style !== "single-quoted") || typeof node.value !== "string") continue;
          // Quotes that change how the text reads (`#`, `: `, leading `*`, `${…}` in flow…) are needed: not reported.
          if (!plainReadsAs(node.value, node) || !first(node)) continue;
          const value = node.value;
          context.report({
            loc: node.loc,
            messageId: "quoted",
            data: { service: service.name, text: text.slice(node.range[0], node.range[1]) },
            fix: (fixer) => fixer.replaceTextRange(node.range, value),
          });
        }
      },
    });
  },
});
