import type { Add } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { ADD_ONLY_FLAGS, COPY_FLAGS, classifyAddSource } from "../lib/semantics/files/add-sources.js";
import { argumentValue } from "../lib/semantics/variables/word-value.js";
import { createRule } from "../lib/utils/create-rule.js";

/** COPY in the case the ADD keyword was written in (`add` → `copy`, `Add` → `Copy`). */
function copyKeyword(keyword: string): string {
  if (keyword === keyword.toLowerCase()) return "copy";
  if (keyword === keyword.toUpperCase()) return "COPY";
  return "Copy";
}

export default createRule<DockerfileRuleTypes<[], "preferCopy">>("prefer-copy", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Prefer COPY to ADD for local files and directories",
      category: "security",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3020", "Trivy DS-0005", "Checkov CKV_DOCKER_4", "KICS Add Instead of Copy", "SonarQube S7029"],
    },
    fixable: "code",
    schema: [],
    messages: {
      preferCopy: "ADD of local files only copies them here: use COPY, which does not download URLs or unpack archives behind your back.",
    },
  },
  create(context) {
    const { sourceCode } = context;
    const program = sourceCode.ast;

    function check(node: Add): void {
      if (node.flags.some((flag) => ADD_ONLY_FLAGS.has(flag.name))) return;
      if (node.sources.length === 0 && node.heredocs.length === 0) return;
      // Every source must be a plain local path; a heredoc is inline content, which COPY takes too.
      if (!node.sources.every((source) => classifyAddSource(argumentValue(program, node, source)) === "local")) return;
      const fixable = node.flags.every((flag) => COPY_FLAGS.has(flag.name) && flag.name !== "from");
      context.report({
        loc: node.keyword.loc,
        messageId: "preferCopy",
        fix: fixable ? (fixer) => fixer.replaceTextRange(node.keyword.range, copyKeyword(node.keyword.value)) : null,
      });
    }

    return {
      Add: check,
    };
  },
});
