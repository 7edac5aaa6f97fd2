import { isIP } from "node:net";
import { getServiceField } from "../lib/compose/model.js";
import { findUnsorted, numericAlphabetical, orderText, type SortEntry } from "../lib/compose/sort.js";
import { getEntry, resolveNode, scalarText } from "../lib/compose/yaml.js";
import { sourceText } from "../lib/languages/compose/rule-support.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { defineComposeFileVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

/**
 * The host (published) port a `ports:` item sorts by, as dclint reads it
 * (`extractPublishedPortValueWithProtocol`, src/util/service-ports-parser.ts): in the short syntax the
 * text before the first `:` outside brackets, or the second part after an IP address
 * (`127.0.0.1:8001:8001` → `8001`), the protocol left out; a container port alone (`"3000"`) sorts by
 * itself; in the long syntax `published:`, or the empty string without one. Written text, not
 * interpolated: `"${WEB_PORT}:80"` sorts by `${WEB_PORT}`.
 */
function publishedPort(entry: SortEntry): string | undefined {
  if (entry.type === "YAMLPair") return undefined;
  const node = resolveNode(entry).node;
  if (node?.type === "YAMLMapping") {
    const published = getEntry(node, "published")?.value.node;
    if (!published) return "";
    return published.type === "YAMLScalar" ? scalarText(published) : undefined;
  }
  if (node?.type !== "YAMLScalar") return undefined;
  const [spec = ""] = scalarText(node).split("/");
  const parts = spec.split(/:(?![^[]*\])/u);
  let first = parts[0] ?? "";
  if (first.startsWith("[") && first.endsWith("]")) first = first.slice(1, -1);
  return isIP(first) ? (parts[1] ?? "") : first;
}

/** How a sort key reads in the message: a long-syntax port with no `published:` sorts by the empty string. */
function portLabel(key: string): string {
  return key === "" ? "no published port" : key;
}

export default createRule<ComposeRuleTypes<[], "unsorted">>("sort-ports", {
  meta: {
    type: "layout",
    docs: {
      description: "Require the `ports` of each service in order of their published port",
      category: "compose",
      config: "stylistic",
      fileKinds: ["compose"],
      peers: ["dclint service-ports-alphabetical-order"],
    },
    fixable: "code",
    schema: [],
    messages: {
      unsorted: "The ports of service '{{service}}' are not in order of their published port ('{{key}}' is out of place): expected {{expected}}.",
    },
  },
  create(context) {
    const text = sourceText(context.sourceCode);
    return defineComposeFileVisitor(context, {
      onService(service, { firstSighting }) {
        const ports = getServiceField(service, "ports")?.node;
        // An anchored list shared by several services is judged once, where it is written.
        if (ports?.type !== "YAMLSequence" || !firstSighting(ports)) return;
        const found = findUnsorted(text, ports, publishedPort, numericAlphabetical);
        if (!found) return;
        const edit = found.edit;
        context.report({
          loc: found.misplaced.loc,
          messageId: "unsorted",
          data: { service: service.name, key: portLabel(publishedPort(found.misplaced) ?? ""), expected: orderText(found.expected.map(portLabel)) },
          fix: edit ? (fixer) => fixer.replaceTextRange(edit.range, edit.text) : null,
        });
      },
    });
  },
});
