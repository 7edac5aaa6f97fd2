import type { Add, Copy } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { isAbsolutePath, resolveCopyDestination, workdirBefore } from "../lib/semantics/files/workdir.js";
import { createRule } from "../lib/utils/create-rule.js";

export default createRule<DockerfileRuleTypes<[], "noWorkdir">>("require-workdir-for-relative-copy", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Require a WORKDIR before a COPY or ADD to a relative destination",
      category: "hygiene",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3045"],
    },
    schema: [],
    messages: {
      noWorkdir:
        "{{keyword}} to the relative destination '{{destination}}' with no WORKDIR set in this stage (nor in the stage it is built on): the files land under the base image's working directory, which can change. Set WORKDIR first or write an absolute destination.",
    },
  },
  create(context) {
    const program = context.sourceCode.ast;
    function check(node: Copy | Add): void {
      const destination = node.destination;
      // ONBUILD triggers run in another build, whose WORKDIR this file cannot know.
      if (!destination || node.parent?.type === "Onbuild") return;
      const value = resolveCopyDestination(program, node);
      if (value === null || value === "" || isAbsolutePath(value)) return;
      // A relative WORKDIR before it is workdir-absolute's finding; any other WORKDIR settles it.
      if (workdirBefore(program, node).kind !== "unset") return;
      context.report({
        loc: destination.loc,
        messageId: "noWorkdir",
        data: { keyword: node.keyword.value.toUpperCase(), destination: destination.type === "Word" ? destination.value : destination.raw },
      });
    }
    return { Copy: check, Add: check };
  },
});
