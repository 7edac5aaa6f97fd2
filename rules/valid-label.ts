import type { KeyValuePair, Label, Stage } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { LABEL_FORMATS, labelKeyProblem, matchesLabelFormat, type LabelFormat } from "../lib/semantics/instructions/label-formats.js";
import { getStageGraph, stageOf } from "../lib/semantics/stages/stages.js";
import { resolveWordAt } from "../lib/semantics/variables/resolve-word.js";
import { createRule } from "../lib/utils/create-rule.js";
import { imagesOfBuilds } from "../lib/semantics/stages/build-target.js";

type Options = [{ schema?: Record<string, LabelFormat>; strictLabels?: boolean }];
type MessageIds = "invalidKey" | "missing" | "missingInServices" | "empty" | "badFormat" | "superfluous";

const FORMAT_NAMES: Record<LabelFormat, string> = {
  text: "a non-empty text",
  url: "a URL",
  semver: "a semantic version (2.0.0)",
  rfc3339: "an RFC 3339 date-time",
  spdx: "an SPDX license expression",
  email: "an e-mail address",
  hash: "a git commit hash",
};

export default createRule<DockerfileRuleTypes<Options, MessageIds>>("valid-label", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Require label keys to follow Docker's conventions and, with a schema, required labels in their formats",
      category: "hygiene",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3048", "hadolint DL3049", "hadolint DL3050", "hadolint DL3051", "hadolint DL3052", "hadolint DL3053", "hadolint DL3054", "hadolint DL3055", "hadolint DL3056", "hadolint DL3058", "SonarQube S7028"],
    },
    schema: [
      {
        type: "object",
        properties: {
          schema: {
            type: "object",
            description: "Labels the built image must carry, each with its value format (text, url, semver, rfc3339, spdx, email, hash).",
            additionalProperties: { enum: [...LABEL_FORMATS] },
          },
          strictLabels: { type: "boolean", description: "Also report labels that the schema does not list." },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ schema: {}, strictLabels: false }],
    messages: {
      invalidKey: "Label key '{{key}}' breaks Docker's key conventions: {{problem}}.",
      missing: "The image this stage builds has no label '{{key}}', which the label schema requires.",
      missingInServices:
        "The image {{services}} build{{s}} from this stage has no label '{{key}}' (neither a LABEL nor build.labels), which the label schema requires.",
      empty: "Label '{{key}}' is empty; the schema requires {{format}}.",
      badFormat: "Label '{{key}}' is '{{value}}', not {{format}}.",
      superfluous: "Label '{{key}}' is not in the label schema.",
    },
  },
  create(context) {
    const program = context.sourceCode.ast;
    const schema = context.options[0]?.schema ?? {};
    const strict = context.options[0]?.strictLabels ?? false;

    /** The key as Docker reads it (quotes removed, variables resolved), or null when unknowable. */
    function keyOf(label: Label, stage: Stage | null, pair: KeyValuePair): string | null {
      if (pair.key.variables.length === 0 && !/["'\\`]/u.test(pair.key.value)) return pair.key.value;
      return stage ? resolveWordAt(program, stage, label, pair.key) : null;
    }

    function checkLabel(label: Label): void {
      const stage = stageOf(program, label);
      for (const pair of label.pairs) {
        const key = keyOf(label, stage, pair);
        if (key === null || key === "") continue;
        const problem = labelKeyProblem(key);
        if (problem) context.report({ loc: pair.key.loc, messageId: "invalidKey", data: { key, problem } });
        const format = Object.hasOwn(schema, key) ? schema[key] : undefined;
        if (format === undefined) {
          if (strict) context.report({ loc: pair.key.loc, messageId: "superfluous", data: { key } });
          continue;
        }
        const value = pair.value && stage ? resolveWordAt(program, stage, label, pair.value) : pair.value ? null : "";
        if (value === null) continue;
        if (value.trim() === "") context.report({ loc: pair.loc, messageId: "empty", data: { key, format: FORMAT_NAMES[format] } });
        else if (!matchesLabelFormat(value, format)) context.report({ loc: pair.value!.loc, messageId: "badFormat", data: { key, value, format: FORMAT_NAMES[format] } });
      }
    }

    return {
      Label: checkLabel,
      "Program:exit"() {
        const required = Object.keys(schema);
        if (required.length === 0) return;
        // Every image the builds of the file ship (each compose build's target, else the last stage), with
        // the labels its own LABELs and the stages it is built FROM give it; compose adds `build.labels`.
        const byStage = new Map<Stage, { present: Set<string> | null; builds: (string[] | null)[]; services: string[] }>();
        for (const { stage, build } of imagesOfBuilds(program, context.filename)) {
          let image = byStage.get(stage);
          if (!image) byStage.set(stage, (image = { present: labelsOf(stage), builds: [], services: [] }));
          image.builds.push(build ? build.labels : []);
          image.services.push(build?.service ?? "");
        }
        for (const [stage, image] of byStage) {
          // A key the file cannot resolve might be any of them: do not claim one is missing.
          if (image.present === null) continue;
          for (const key of required) {
            if (image.present.has(key)) continue;
            // A build whose label keys cannot be known may set it.
            const lacking = image.builds.flatMap((labels, index) => (labels !== null && !labels.includes(key) ? [image.services[index]!] : []));
            if (lacking.length === 0) continue;
            const services = lacking.filter((service) => service !== "");
            if (services.length === lacking.length) {
              context.report({
                loc: stage.from.keyword.loc,
                messageId: "missingInServices",
                data: { key, services: `compose service${services.length > 1 ? "s" : ""} ${services.map((service) => `'${service}'`).join(", ")}`, s: services.length > 1 ? "" : "s" },
              });
            } else context.report({ loc: stage.from.keyword.loc, messageId: "missing", data: { key } });
          }
        }
      },
    };

    /** The label keys the stage's image carries from this file (its LABELs and those of the stages it is built FROM); null when one cannot be resolved. */
    function labelsOf(final: Stage): Set<string> | null {
      const present = new Set<string>();
      for (const stage of getStageGraph(program).ancestry(final)) {
        for (const instruction of stage.instructions) {
          if (instruction.type !== "Label") continue;
          for (const pair of instruction.pairs) {
            const key = keyOf(instruction, stage, pair);
            if (key === null) return null;
            present.add(key);
          }
        }
      }
      return present;
    }
  },
});
