import type { AST } from "yaml-eslint-parser";
import { appendToMapping, endOfLine, indentStep } from "../lib/compose/edit.js";
import { sourceText } from "../lib/languages/compose/rule-support.js";
import type { ComposeService, DependsOnEntry } from "../lib/compose/types.js";
import { getScalarContentRange } from "../lib/compose/yaml.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { serviceHealthcheck } from "../lib/semantics/health/service-healthcheck.js";
import { defineComposeProjectVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

type Edit = { range: [number, number]; text: string };

export default createRule<ComposeRuleTypes<[], "notHealthy" | "waitHealthy">>("require-healthy-dependency", {
  meta: {
    type: "problem",
    docs: {
      description: "Require `condition: service_healthy` on a dependency that has a health check",
      category: "compose",
      config: "recommended",
      fileKinds: ["compose"],
      peers: [],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      notHealthy:
        "'{{dependent}}' depends on '{{service}}' with {{how}}, so it starts as soon as the '{{service}}' container starts, before it is ready, although '{{service}}' has a health check. Wait with condition: service_healthy.",
      waitHealthy: "Wait for '{{service}}' to be healthy (condition: service_healthy).",
    },
  },
  create(context) {
    const text = sourceText(context.sourceCode);
    const comments = ((context.sourceCode as { ast?: { comments?: AST.Comment[] } }).ast?.comments ?? []);
    return defineComposeProjectVisitor(context, {
      onDocument({ model, project, firstSighting: first }) {
        const verdicts = new Map<string, boolean>();
        const isHealthy = (name: string): boolean => {
          if (!verdicts.has(name)) {
            const service = project.services.get(name);
            verdicts.set(name, service ? serviceHealthcheck(service).kind === "present" : false);
          }
          return verdicts.get(name)!;
        };
        for (const service of model.services.values()) {
          for (const dependency of service.dependsOn) {
            if (dependency.condition !== "service_started" || !isHealthy(dependency.service)) continue;
            if (!first(dependency.serviceNode)) continue;
            const how = dependency.form === "short" ? "the short syntax (service_started)" : dependency.conditionNode ? "condition: service_started" : "no condition (service_started)";
            const edit = suggestion(text, comments, service, dependency, isHealthy);
            context.report({
              loc: dependency.serviceNode.loc,
              messageId: "notHealthy",
              data: { dependent: service.name, service: dependency.service, how },
              suggest: edit ? [{ messageId: "waitHealthy", data: { service: dependency.service }, fix: (fixer) => fixer.replaceTextRange(edit.range, edit.text) }] : [],
            });
          }
        }
      },
    });
  },
});

/** The edit that makes the dependency wait for health, or null when it cannot be written safely. */
function suggestion(text: string, comments: AST.Comment[], service: ComposeService, dependency: DependsOnEntry, isHealthy: (name: string) => boolean): Edit | null {
  const field = service.fields.get("depends_on");
  // Values shared through an anchor or merged from one: editing them changes other services.
  if (!field || field.via || field.merged) return null;
  if (dependency.form === "long") {
    if (dependency.conditionNode) {
      if (dependency.conditionNode.via) return null;
      const [start, end] = getScalarContentRange(dependency.conditionNode.node);
      return { range: [start, end], text: "service_healthy" };
    }
    if (dependency.node?.type !== "YAMLMapping") return null;
    const edit = appendToMapping(text, dependency.node, ["condition: service_healthy"]);
    return edit ? { range: [edit.offset, edit.offset], text: edit.insert } : null;
  }
  const sequence = field.node;
  if (sequence?.type !== "YAMLSequence") return null;
  // A comment in the list or at the end of its last line would be lost.
  const end = endOfLine(text, sequence.range[1]);
  if (comments.some((comment) => comment.range[0] >= sequence.range[0] && comment.range[0] < end)) return null;
  const items: { key: string; condition: string }[] = [];
  for (const entry of service.dependsOn) {
    if (entry.form !== "short" || entry.serviceNode.parent !== sequence) return null;
    // Keep each name as written (quotes included).
    const key = text.slice(entry.serviceNode.range[0], entry.serviceNode.range[1]);
    // The others keep what the short syntax meant.
    const condition = isHealthy(entry.service) ? "service_healthy" : "service_started";
    items.push({ key, condition });
  }
  if (sequence.style === "flow") {
    return { range: sequence.range, text: `{${items.map((item) => `${item.key}: {condition: ${item.condition}}`).join(", ")}}` };
  }
  const keyColumn = field.keyNode.loc.start.column;
  const itemColumn = sequence.loc.start.column;
  const fileStep = service.node ? indentStep(service.node) : 2;
  const indent = itemColumn > keyColumn ? itemColumn : keyColumn + fileStep;
  const step = indent - keyColumn;
  const lineStart = sequence.range[0] - itemColumn;
  if (text.slice(lineStart, sequence.range[0]).trim() !== "") return null;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = items.flatMap((item) => [`${" ".repeat(indent)}${item.key}:`, `${" ".repeat(indent + step)}condition: ${item.condition}`]);
  return { range: [lineStart, sequence.range[1]], text: lines.join(eol) };
}
