import path from "node:path";
import { reportNode } from "../lib/languages/compose/rule-support.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { isFile } from "../lib/project/project-model.js";
import { defineComposeProjectVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

export default createRule<ComposeRuleTypes<[], "missing">>("require-env-file", {
  meta: {
    type: "problem",
    docs: {
      description: "Require every required `env_file` to exist",
      category: "environment",
      config: "recommended",
      fileKinds: ["compose"],
      peers: [],
    },
    schema: [],
    messages: {
      missing:
        "Service '{{service}}' reads env_file {{path}}, which does not exist: Compose stops with \"env file … not found\". Create it (and keep it out of git if it holds secrets), or mark it `required: false`.",
    },
  },
  create(context) {
    return defineComposeProjectVisitor(context, {
      onDocument({ model, project }) {
        // A file that is not on disk (stdin) has no folder to look in.
        if (!path.isAbsolute(project.file)) return;
        const dir = path.dirname(project.file);
        for (const service of model.services.values()) {
          for (const entry of service.envFile) {
            if (!entry.required || entry.resolvedPath === null || entry.resolvedPath === "") continue;
            // An `extends` base file resolves its env_file from its own folder; own entries from ours.
            const resolved = path.resolve(dir, entry.resolvedPath);
            if (isFile(resolved)) continue;
            context.report({ loc: reportNode(entry.pathNode).loc, messageId: "missing", data: { service: service.name, path: entry.path } });
          }
        }
      },
    });
  },
});
