import type { AST } from "yaml-eslint-parser";
import type { Healthcheck, Range } from "../lib/dockerfile/ast.js";
import { asBoolean } from "../lib/compose/model.js";
import type { ComposeHealthcheck, ScalarValue } from "../lib/compose/types.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { composeModelOfDocument } from "../lib/languages/compose/rule-types.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { MINIMUM_HEALTHCHECK_DURATION, formatNanoseconds, parseGoDuration } from "../lib/semantics/health/durations.js";
import { createRule } from "../lib/utils/create-rule.js";

type MessageId =
  | "unknownFlag"
  | "badDuration"
  | "tooShort"
  | "badRetries"
  | "negativeRetries"
  | "zeroRetries"
  | "noneWithOptions"
  | "missingCommand"
  | "badSubcommand"
  | "badTestKind"
  | "disableWithTest";

/** HEALTHCHECK's options (Dockerfile reference, HEALTHCHECK); all but `retries` are durations. */
const DURATION_FLAGS: ReadonlySet<string> = new Set(["interval", "timeout", "start-period", "start-interval"]);

type Problem = { messageId: MessageId; data?: Record<string, string> } | null;

/** What is wrong with a duration value as written, or null when Docker accepts it. */
function durationProblem(name: string, text: string): Problem {
  const nanoseconds = parseGoDuration(text);
  if (nanoseconds === null) return { messageId: "badDuration", data: { name, value: text } };
  if (nanoseconds !== 0 && nanoseconds < MINIMUM_HEALTHCHECK_DURATION) {
    return { messageId: "tooShort", data: { name, value: text, minimum: formatNanoseconds(MINIMUM_HEALTHCHECK_DURATION) } };
  }
  return null;
}

/** What is wrong with a retries value (Go `strconv.ParseInt`, base 10), or null. */
function retriesProblem(text: string): Problem {
  if (!/^[+-]?\d+$/u.test(text)) return { messageId: "badRetries", data: { value: text } };
  const retries = Number(text);
  if (retries < 0) return { messageId: "negativeRetries", data: { value: text } };
  if (retries === 0) return { messageId: "zeroRetries", data: { value: text } };
  return null;
}

export default createRule<DockerfileRuleTypes<[], MessageId> & ComposeRuleTypes<[], MessageId>>("valid-healthcheck", {
  meta: {
    type: "problem",
    docs: {
      description: "Require HEALTHCHECK instructions and compose `healthcheck:` blocks that Docker accepts and that mean what they say",
      category: "healthchecks",
      config: "recommended",
      fileKinds: ["dockerfile", "compose"],
      peers: [],
    },
    schema: [],
    messages: {
      unknownFlag: "HEALTHCHECK has no option '--{{name}}' (it knows --interval, --timeout, --start-period, --start-interval and --retries): the build fails.",
      badDuration: "'{{value}}' is not a duration for {{name}}: Docker wants a number with a unit, such as 30s, 1m30s or 500ms.",
      tooShort: "{{name}} '{{value}}' is below Docker's minimum of {{minimum}} (0 means the default).",
      badRetries: "retries '{{value}}' is not a whole number.",
      negativeRetries: "retries '{{value}}' is negative: Docker rejects it.",
      zeroRetries: "retries 0 does not mean 'no retries': Docker treats it as unset and uses the default (3). Write the count you want.",
      noneWithOptions: "HEALTHCHECK NONE only turns the inherited health check off: {{what}} here {{verb}} nothing.",
      missingCommand: "The health check has no command to run.",
      badSubcommand: "HEALTHCHECK needs CMD <command> or NONE{{found}}: the build fails.",
      badTestKind: "A healthcheck test list starts with CMD, CMD-SHELL or NONE, not '{{kind}}'.",
      disableWithTest: "`disable: true` together with a `test`: Compose rejects the pair. Keep one of them.",
    },
  },
  create(context) {
    const { sourceCode } = context;

    function reportRange(range: Range, problem: NonNullable<Problem>): void {
      context.report({ loc: { start: sourceCode.getLocFromIndex(range[0]), end: sourceCode.getLocFromIndex(range[1]) }, ...problem });
    }

    function checkInstruction(node: Healthcheck): void {
      const text = sourceCode.text;
      for (const flag of node.flags) {
        if (node.kind === "none") break;
        if (!DURATION_FLAGS.has(flag.name) && flag.name !== "retries") {
          reportRange([flag.range[0], flag.range[1]], { messageId: "unknownFlag", data: { name: flag.name } });
          continue;
        }
        const value = flag.value;
        // HEALTHCHECK does not expand variables: `$X` is taken literally, but a template may fill it in; not our call.
        if (!value || value.value.includes("$")) continue;
        const problem = flag.name === "retries" ? retriesProblem(value.value) : durationProblem(`--${flag.name}`, value.value);
        if (problem) reportRange(value.range, problem);
      }
      if (node.kind === "invalid") {
        const found = node.subcommand ? ` (found '${node.subcommand.value}')` : "";
        reportRange(node.subcommand?.range ?? node.keyword.range, { messageId: "badSubcommand", data: { found } });
      } else if (node.kind === "none") {
        const trailing = text.slice(node.subcommand.range[1], node.range[1]).trim() !== "";
        if (node.flags.length > 0) {
          reportRange([node.flags[0]!.range[0], node.flags.at(-1)!.range[1]], { messageId: "noneWithOptions", data: { what: "the options", verb: "change" } });
        }
        if (trailing) reportRange([node.subcommand.range[1], node.range[1]], { messageId: "noneWithOptions", data: { what: "the text after NONE", verb: "does" } });
      } else if (node.command === null || (node.command.type === "ExecForm" && node.command.elements.length === 0)) {
        reportRange(node.subcommand.range, { messageId: "missingCommand" });
      }
    }

    function reportNode(node: AST.YAMLNode, problem: NonNullable<Problem>): void {
      context.report({ loc: node.loc, ...problem });
    }

    function scalarReportNode(value: ScalarValue): AST.YAMLNode {
      return value.via ?? value.node;
    }

    function checkCompose(healthcheck: ComposeHealthcheck): void {
      const durations: [string, ScalarValue | null][] = [
        ["interval", healthcheck.interval],
        ["timeout", healthcheck.timeout],
        ["start_period", healthcheck.startPeriod],
        ["start_interval", healthcheck.startInterval],
      ];
      for (const [name, value] of durations) {
        if (!value || value.value === null) continue;
        // A bare number has no unit (the Compose Specification wants a duration string); 0 is fine.
        const text = typeof value.value === "number" ? String(value.value) : value.resolved;
        if (text === null) continue;
        const problem = durationProblem(name, text);
        if (problem) reportNode(scalarReportNode(value), problem);
      }
      const retries = healthcheck.retries;
      if (retries && retries.value !== null) {
        const text = typeof retries.value === "number" ? String(retries.value) : retries.resolved;
        const problem = text === null ? null : retriesProblem(text);
        if (problem) reportNode(scalarReportNode(retries), problem);
      }
      const test = healthcheck.test;
      if (!test) return;
      if (asBoolean(healthcheck.disable) === true && test.kind !== "NONE") reportNode(healthcheck.disable!.via ?? healthcheck.disable!.node, { messageId: "disableWithTest" });
      if (test.form === "list") {
        const kindNode = test.kindNode;
        // `test: []` inherits the image's check.
        if (!kindNode) return;
        if (test.kind === null) {
          if (kindNode.resolved !== null) reportNode(scalarReportNode(kindNode), { messageId: "badTestKind", data: { kind: kindNode.resolved } });
          return;
        }
        if (test.kind === "NONE") {
          if (test.command.length > 0) reportNode(test.command[0]!.node, { messageId: "noneWithOptions", data: { what: "the items after NONE", verb: "do" } });
          return;
        }
        if (test.command.length === 0 || test.command.every((item) => item.text.trim() === "")) reportNode(scalarReportNode(kindNode), { messageId: "missingCommand" });
      } else if (test.command.every((item) => item.text.trim() === "")) {
        reportNode(test.node, { messageId: "missingCommand" });
      }
    }

    return {
      Healthcheck: checkInstruction,
      YAMLDocument(document: AST.YAMLDocument) {
        const model = composeModelOfDocument(document, context.physicalFilename);
        if (!model) return;
        const seen = new Set<AST.YAMLNode>();
        for (const service of model.services.values()) {
          const healthcheck = service.healthcheck;
          // A healthcheck shared through an anchor is checked once.
          if (!healthcheck?.node || seen.has(healthcheck.node)) continue;
          seen.add(healthcheck.node);
          checkCompose(healthcheck);
        }
      },
    };
  },
});
