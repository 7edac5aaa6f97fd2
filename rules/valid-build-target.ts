import path from "node:path";
import { reportNode } from "../lib/languages/compose/rule-support.js";
import { locateDockerfile } from "../lib/project/dockerfile-names.js";
import { isDirectory, isFile, isRemoteContext, readDockerfile } from "../lib/project/project-model.js";
import { getStageGraph } from "../lib/semantics/stages/stages.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { defineComposeProjectVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";
import { closestMatch } from "../lib/utils/did-you-mean.js";

export default createRule<ComposeRuleTypes<[], "noContext" | "noDockerfile" | "noStage">>("valid-build-target", {
  meta: {
    type: "problem",
    docs: {
      description: "Require `build.context` and `build.dockerfile` to exist and `build.target` to name a stage of that Dockerfile",
      category: "compose",
      config: "recommended",
      fileKinds: ["compose"],
      peers: [],
    },
    schema: [],
    messages: {
      noContext: "Service '{{service}}' builds from {{context}}, which is not a folder: Compose stops with \"unable to prepare context: path not found\".",
      noDockerfile: "Service '{{service}}' builds with {{dockerfile}}, which does not exist in its context: Compose stops with \"failed to read dockerfile\".",
      noStage: "Service '{{service}}' builds target '{{target}}', but {{dockerfile}} has no stage of that name (stages: {{stages}}){{suggestion}}: the build fails with \"target stage could not be found\".",
    },
  },
  create(context) {
    return defineComposeProjectVisitor(context, {
      onDocument({ model, project, firstSighting: first }) {
        if (!path.isAbsolute(project.file)) return;
        const dir = path.dirname(project.file);
        for (const service of model.services.values()) {
          const build = service.build;
          if (!build || build.contextPath === null || isRemoteContext(build.contextPath)) continue;
          const contextDir = path.resolve(dir, build.contextPath);
          if (!isDirectory(contextDir)) {
            const node = build.context ? reportNode(build.context) : build.node;
            if (first(node)) context.report({ loc: node.loc, messageId: "noContext", data: { service: service.name, context: build.contextPath } });
            continue;
          }
          if (build.dockerfileInline || build.dockerfilePath === null) continue;
          // A missing `Dockerfile` is also found spelled `dockerfile` (and, without `dockerfile:`, as
          // podman-compose's `Containerfile`), as the builders look it up.
          const dockerfilePath = locateDockerfile(path.resolve(contextDir, build.dockerfilePath), { defaulted: !build.dockerfile });
          if (!isFile(dockerfilePath)) {
            const node = build.dockerfile ? reportNode(build.dockerfile) : build.context ? reportNode(build.context) : build.node;
            if (first(node)) context.report({ loc: node.loc, messageId: "noDockerfile", data: { service: service.name, dockerfile: path.relative(dir, dockerfilePath) } });
            continue;
          }
          const target = build.target;
          if (!target || target.resolved === null) continue;
          const program = readDockerfile(dockerfilePath);
          if (!program) continue;
          const graph = getStageGraph(program);
          if (graph.stagesByName.has(target.resolved.toLowerCase())) continue;
          const names = program.stages.map((stage) => stage.name).filter((name): name is string => name !== null);
          const guess = closestMatch(target.resolved, names);
          const node = reportNode(target);
          if (!first(node)) continue;
          context.report({
            loc: node.loc,
            messageId: "noStage",
            data: { service: service.name, target: target.resolved, dockerfile: path.relative(dir, dockerfilePath), stages: names.length > 0 ? names.join(", ") : "none named", suggestion: guess ? `; did you mean '${guess}'?` : "" },
          });
        }
      },
    });
  },
});
