import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { commandName } from "../lib/shell/commands.js";
import type { ShellWord } from "../lib/shell/model.js";
import { defineRunVisitor } from "../lib/languages/dockerfile/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";
import { locOfRange } from "../lib/utils/range-loc.js";

export default createRule<DockerfileRuleTypes<[], "sudo">>("no-sudo", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow `sudo` in RUN; switch users with USER instead",
      category: "run",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3004", "Trivy DS-0010", "Checkov CKV2_DOCKER_1", "KICS Run Using Sudo"],
    },
    schema: [],
    messages: {
      sudo: "Do not use `sudo` in RUN: RUN already runs as the current USER. Put `USER root` before the commands that need it and switch back to the app user after.",
    },
  },
  create(context) {
    return defineRunVisitor(context, {
      onRun({ commands }) {
        for (const { command, unwrapped } of commands) {
          // `sudo x`, `env A=1 sudo x`, `xargs sudo rm`: every sudo the command goes through.
          const wrappers = unwrapped.wrappers;
          if (commandName(command) !== "sudo" && !wrappers.some((wrapper) => wrapper.name === "sudo")) continue;
          const words = new Set<ShellWord>();
          if (commandName(command) === "sudo" && command.name) words.add(command.name);
          for (const wrapper of wrappers) if (wrapper.name === "sudo") words.add(wrapper.word);
          for (const word of words) context.report({ loc: locOfRange(context.sourceCode, word.range), messageId: "sudo" });
        }
      },
    });
  },
});
