import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { createRule } from "../lib/utils/create-rule.js";
import { locOfRange } from "../lib/utils/range-loc.js";

export default createRule<DockerfileRuleTypes<[], "duplicate">>("no-duplicate-stage-name", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow two stages with the same name (stage names are case-insensitive)",
      category: "stages",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3024", "BuildKit DuplicateStageName", "Trivy DS-0012", "Checkov CKV_DOCKER_11", "KICS Same Alias In Different Froms"],
    },
    schema: [],
    messages: {
      duplicate:
        'Stage name "{{name}}" is already used by the stage on line {{line}} (names match case-insensitively): BuildKit rejects the file. Give each stage its own name.',
    },
  },
  create(context) {
    const { sourceCode } = context;
    return {
      Program(program) {
        const seen = new Map<string, number>();
        for (const stage of program.stages) {
          const name = stage.from.stageName;
          if (!name) continue;
          const key = name.value.toLowerCase();
          const first = seen.get(key);
          if (first === undefined) {
            seen.set(key, stage.loc.start.line);
            continue;
          }
          context.report({ loc: locOfRange(sourceCode, name.range), messageId: "duplicate", data: { name: name.value, line: String(first) } });
        }
      },
    };
  },
});
