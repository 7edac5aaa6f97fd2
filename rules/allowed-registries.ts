import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { normalizedImageName, type ParsedImageReference } from "../lib/dockerfile/image-reference.js";
import { composeImageUses, dockerfileImageUses } from "../lib/semantics/images/image-uses.js";
import { registryAllows } from "../lib/semantics/images/registry-match.js";
import { defineComposeFileVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";
import { fileKindOf } from "../lib/utils/file-kind.js";
import { locOfRange } from "../lib/utils/range-loc.js";

type MessageId = "notAllowed";
type Options = [{ registries?: string[] }];

export default createRule<DockerfileRuleTypes<Options, MessageId> & ComposeRuleTypes<Options, MessageId>>("allowed-registries", {
  meta: {
    type: "problem",
    docs: {
      description: "Allow images only from the registries listed in the `registries` option",
      category: "images",
      config: null,
      fileKinds: ["dockerfile", "compose"],
      peers: ["hadolint DL3026"],
    },
    schema: [
      {
        type: "object",
        properties: {
          registries: {
            type: "array",
            items: { type: "string" },
            uniqueItems: true,
            description:
              "Registries images may come from: a host (`ghcr.io`, `registry.local:5000`), a host wildcard (`*.corp.example`), or a host and path prefix (`ghcr.io/my-org`). `docker.io` covers unqualified names (`node`). An empty list allows everything.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ registries: [] }],
    messages: {
      notAllowed: 'Image "{{image}}" comes from {{registry}}, which is not an allowed registry ({{allowed}}). Use a mirror of it in an allowed registry.',
    },
  },
  create(context) {
    const registries = context.options[0]?.registries ?? [];
    const { sourceCode } = context;
    if (registries.length === 0) return {};
    const allowed = registries.join(", ");

    function problem(reference: ParsedImageReference): { registry: string } | null {
      const name = normalizedImageName(reference);
      if (registries.some((entry) => registryAllows(entry, name))) return null;
      return { registry: name.slice(0, name.indexOf("/")) };
    }

    return {
      Program(program) {
        if (fileKindOf(program) !== "dockerfile") return;
        for (const use of dockerfileImageUses(program, context.filename)) {
          // A registry spelled through a variable the file cannot resolve is skipped by dockerfileImageUses.
          const found = problem(use.reference);
          if (found) context.report({ loc: locOfRange(sourceCode, use.range), messageId: "notAllowed", data: { image: use.value, registry: found.registry, allowed } });
        }
      },
      ...defineComposeFileVisitor(context, {
        onDocument({ model }) {
          for (const use of composeImageUses(model)) {
            const found = problem(use.reference);
            if (found) context.report({ node: use.node, messageId: "notAllowed", data: { image: use.value, registry: found.registry, allowed } });
          }
        },
      }),
    };
  },
});
