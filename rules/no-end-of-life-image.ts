import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import type { ParsedImageReference } from "../lib/dockerfile/image-reference.js";
import { endOfLifeFindings } from "../lib/semantics/images/image-families.js";
import { composeImageUses, dockerfileImageUses } from "../lib/semantics/images/image-uses.js";
import { isDeadStage } from "../lib/semantics/stages/stage-references.js";
import { defineComposeFileVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";
import { fileKindOf } from "../lib/utils/file-kind.js";
import { locOfRange } from "../lib/utils/range-loc.js";
import { composeBuildTarget } from "../lib/semantics/stages/build-target.js";

type MessageId = "endOfLife";
type Options = [{ date?: string }];

let todayMemo = { date: "", from: 0, until: 0 };

/**
 * Today's date (UTC, `YYYY-MM-DD`), made again only when the day changes: this rule runs on every
 * file, and a Date with its ISO string per file was most of its cost in a lint with no image past its
 * end of life.
 */
function today(): string {
  const now = Date.now();
  // The clock may also be set back.
  if (now >= todayMemo.until || now < todayMemo.from) {
    const day = 86_400_000;
    const from = Math.floor(now / day) * day;
    todayMemo = { date: new Date(now).toISOString().slice(0, 10), from, until: from + day };
  }
  return todayMemo.date;
}

export default createRule<DockerfileRuleTypes<Options, MessageId> & ComposeRuleTypes<Options, MessageId>>("no-end-of-life-image", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow images whose version line is past its end of life (`node:16`, `python:3.8`, `debian:buster`)",
      category: "images",
      config: "recommended",
      fileKinds: ["dockerfile", "compose"],
      peers: [],
    },
    schema: [
      {
        type: "object",
        properties: {
          date: {
            type: "string",
            pattern: "^\\d{4}-\\d{2}-\\d{2}$",
            description: "The day to judge on (`YYYY-MM-DD`); default: today. Set it to make results reproducible (tests, audits of a past state).",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{}],
    messages: {
      endOfLife:
        'Image "{{image}}" is past its end of life: {{subject}} stopped receiving security fixes on {{date}} ({{source}}). Move to a supported version line.',
    },
  },
  create(context) {
    const given = context.options[0]?.date;
    const { sourceCode } = context;

    function facts(image: string, reference: ParsedImageReference): Record<string, string> | null {
      const [first] = endOfLifeFindings(reference, given ?? today());
      return first ? { image, subject: first.subject, date: first.endOfLife, source: first.source } : null;
    }

    return {
      Program(program) {
        if (fileKindOf(program) !== "dockerfile") return;
        for (const use of dockerfileImageUses(program, context.filename)) {
          if (isDeadStage(program, use.stage, composeBuildTarget(program, context.filename))) continue;
          const data = facts(use.value, use.reference);
          if (data) context.report({ loc: locOfRange(sourceCode, use.tagRange ?? use.range), messageId: "endOfLife", data });
        }
      },
      ...defineComposeFileVisitor(context, {
        onDocument({ model }) {
          for (const use of composeImageUses(model)) {
            const data = facts(use.value, use.reference);
            if (data) context.report({ node: use.node, messageId: "endOfLife", data });
          }
        },
      }),
    };
  },
});
