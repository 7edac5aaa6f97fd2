import type { Add, Copy } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { resolveCopyDestination } from "../lib/semantics/files/workdir.js";
import { createRule } from "../lib/utils/create-rule.js";

/** A destination Docker treats as a directory: ends with `/` (or `\` on Windows), or is `.`/`..`. */
function namesDirectory(path: string): boolean {
  return /[\\/]$/u.test(path) || /(?:^|[\\/])\.\.?$/u.test(path);
}

export default createRule<DockerfileRuleTypes<[], "noSlash">>("copy-destination-slash", {
  meta: {
    type: "problem",
    docs: {
      description: "Require the destination of a COPY or ADD with several sources to end with `/`",
      category: "hygiene",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3021", "Trivy DS-0011", "KICS Copy With More Than Two Arguments Not Ending With Slash"],
    },
    fixable: "code",
    schema: [],
    messages: {
      noSlash:
        "{{keyword}} has {{count}} sources, so its destination '{{destination}}' must be a directory ending with '/': `docker build` stops with \"When using COPY with more than one source file, the destination must be a directory and end with a /\".",
    },
  },
  create(context) {
    const program = context.sourceCode.ast;
    function check(node: Copy | Add): void {
      const destination = node.destination;
      const count = node.sources.length + node.heredocs.length;
      if (!destination || count < 2) return;
      const value = resolveCopyDestination(program, node);
      if (value === null) return;
      if (namesDirectory(value)) return;
      const raw = context.sourceCode.text.slice(destination.range[0], destination.range[1]);
      // Inside a closing quote (`"/app"` → `"/app/"`), else after the word.
      const at = /["']$/u.test(raw) && raw.length > 1 ? destination.range[1] - 1 : destination.range[1];
      context.report({
        loc: destination.loc,
        messageId: "noSlash",
        data: { keyword: node.keyword.value.toUpperCase(), count: String(count), destination: destination.type === "Word" ? destination.value : raw },
        fix: (fixer) => fixer.insertTextAfterRange([at, at], "/"),
      });
    }
    return { Copy: check, Add: check };
  },
});
