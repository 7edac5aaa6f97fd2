import type { EscapeChar } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { createRule } from "../lib/utils/create-rule.js";

const AUTHORS_LABEL = "org.opencontainers.image.authors";

/**
 * A double-quoted LABEL value as BuildKit's lexer reads it: inside double quotes the escape character
 * escapes `"`, `$` and itself, and `$` would otherwise start a variable (MAINTAINER substitutes none).
 */
export function quoteLabelValue(value: string, escapeChar: EscapeChar): string {
  let quoted = "";
  for (const char of value) {
    if (char === '"' || char === "$" || char === escapeChar) quoted += escapeChar;
    quoted += char;
  }
  return `"${quoted}"`;
}

export default createRule<DockerfileRuleTypes<[], "deprecated">>("no-maintainer", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow the deprecated MAINTAINER instruction; use the `org.opencontainers.image.authors` label",
      category: "hygiene",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL4000", "BuildKit MaintainerDeprecated", "Trivy DS-0022", "Checkov CKV_DOCKER_6", "KICS MAINTAINER Instruction Being Used", "SonarQube S6586"],
    },
    fixable: "code",
    schema: [],
    messages: {
      deprecated: `MAINTAINER is deprecated: use LABEL ${AUTHORS_LABEL}=… instead.`,
    },
  },
  create(context) {
    const { escapeChar } = context.sourceCode.ast;
    return {
      Maintainer(node) {
        const value = node.value?.value.trim() ?? "";
        context.report({
          loc: node.keyword.loc,
          messageId: "deprecated",
          fix:
            value === ""
              ? null
              : (fixer) =>
                  fixer.replaceTextRange(
                    [node.keyword.range[0], node.range[1]],
                    `LABEL ${AUTHORS_LABEL}=${quoteLabelValue(value, escapeChar)}`,
                  ),
        });
      },
    };
  },
});
