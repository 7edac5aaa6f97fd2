import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { runSyntaxErrors } from "../lib/semantics/run/run-syntax.js";
import { createRule } from "../lib/utils/create-rule.js";
import { locOfRange } from "../lib/utils/range-loc.js";

/**
 * A RUN whose script is not valid shell: bash, dash and BusyBox ash all reject it, so the shell stops
 * with a syntax error (status 2) and the build fails every time. Reported at the place the shell
 * parser stopped (or at the construct an unterminated script left open), with the parser's reason; the
 * same for the script of an `sh -c '…'` / `bash -c '…'` / `su -c '…'` string. The judgement and what
 * it leaves out are `runSyntaxErrors` (lib/semantics/run/run-syntax.ts) and `whyNotSyntaxError`
 * (lib/shell/syntax-errors.ts).
 */
export default createRule<DockerfileRuleTypes<[], "invalidScript" | "invalidShellString">>("valid-run-script", {
  meta: {
    type: "problem",
    docs: {
      description: "Require every RUN script to be valid shell syntax",
      category: "run",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["ShellCheck SC1070", "ShellCheck SC1072", "ShellCheck SC1073", "ShellCheck SC1088", "ShellCheck SC1089"],
    },
    schema: [],
    messages: {
      invalidScript: "This RUN script is not valid shell ({{reason}}): the shell stops with a syntax error and the build fails.",
      invalidShellString: "The script given to `{{shell}} -c` is not valid shell ({{reason}}): that shell stops with a syntax error.",
    },
  },
  create(context) {
    const program = context.sourceCode.ast;
    return {
      Run(run) {
        for (const error of runSyntaxErrors(program, run)) {
          // One character at the place (none at a line end or the end of the file).
          const next = context.sourceCode.text.charAt(error.offset);
          const loc = locOfRange(context.sourceCode, [error.offset, next === "" || next === "\n" || next === "\r" ? error.offset : error.offset + 1]);
          if (error.shellString) context.report({ loc, messageId: "invalidShellString", data: { shell: error.shellString.shell, reason: error.message } });
          else context.report({ loc, messageId: "invalidScript", data: { reason: error.message } });
        }
      },
    };
  },
});
