import type { ExecForm, Instruction, ShellForm } from "../lib/dockerfile/ast.js";
import { readMalformedExecForm } from "../lib/dockerfile/malformed-exec-form.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { createRule } from "../lib/utils/create-rule.js";
import { locOfRange } from "../lib/utils/range-loc.js";

type MessageIds = "malformed" | "trailingText" | "useJson" | "moveIntoArray";

/** The exec-or-shell form of the instructions that take one (SHELL must be JSON: a shell-form SHELL is a build error reported on its own). */
function formOf(instruction: Instruction): ExecForm | ShellForm | null {
  switch (instruction.type) {
    case "Run":
      return instruction.heredocs.length > 0 ? null : instruction.form;
    case "Cmd":
    case "Entrypoint":
      return instruction.form;
    case "Healthcheck":
      return instruction.kind === "cmd" ? instruction.command : null;
    default:
      return null;
  }
}

/** Words after the `]` that can become array elements as they are (no quotes, escapes or expansions a shell would have interpreted). */
const PLAIN_WORD = /^[^\s"'\\$`]+$/u;

export default createRule<DockerfileRuleTypes<[], MessageIds>>("valid-exec-form", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow CMD, ENTRYPOINT, RUN and HEALTHCHECK arguments that look like a JSON array but are not one, which Docker silently runs through a shell",
      category: "hygiene",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["SonarQube S7030"],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      malformed:
        "{{keyword}} is meant as a JSON array but uses {{faults}}, so it is not JSON: Docker silently runs the whole text through '/bin/sh -c' as a command, which fails when the container starts or runs something else. Write it as JSON: {{json}}.",
      trailingText:
        "Text after the closing ']' of {{keyword}}: BuildKit since v0.15 (Docker 27.1) runs the whole line through '/bin/sh -c' as a shell command; older builders silently dropped the text. Move it into the array or remove it.",
      useJson: "Write {{keyword}} {{json}}.",
      moveIntoArray: "Move the words into the array: {{json}}.",
    },
  },
  create(context) {
    const { sourceCode } = context;

    function check(instruction: Instruction): void {
      const form = formOf(instruction);
      if (!form) return;
      const keyword = instruction.keyword.value.toUpperCase();
      if (form.type === "ShellForm") {
        const meant = readMalformedExecForm(form.shell.text);
        if (!meant) return;
        const json = `[${meant.elements.map((element) => JSON.stringify(element)).join(", ")}]`;
        const faults = meant.faults.length === 1 ? meant.faults[0]! : `${meant.faults.slice(0, -1).join(", ")} and ${meant.faults.at(-1)!}`;
        context.report({
          loc: locOfRange(sourceCode, form.range),
          messageId: "malformed",
          data: { keyword, faults, json },
          suggest: [{ messageId: "useJson", data: { keyword, json }, fix: (fixer) => fixer.replaceTextRange(form.range, json) }],
        });
        return;
      }
      const trailing = form.trailingRange;
      if (!trailing) return;
      const words = sourceCode.text.slice(trailing[0], trailing[1]).split(/\s+/u).filter((word) => word !== "");
      const movable = words.length > 0 && words.every((word) => PLAIN_WORD.test(word));
      const json = `[${[...form.elements.map((element) => element.value), ...words].map((value) => JSON.stringify(value)).join(", ")}]`;
      context.report({
        loc: locOfRange(sourceCode, trailing),
        messageId: "trailingText",
        data: { keyword },
        suggest: movable ? [{ messageId: "moveIntoArray", data: { json }, fix: (fixer) => fixer.replaceTextRange([form.range[0], trailing[1]], json) }] : [],
      });
    }

    return {
      Program(program) {
        // Two loops, not `flatMap` (an array per file, through V8's generic path).
        for (const stage of program.stages) for (const instruction of stage.instructions) check(instruction);
      },
    };
  },
});
