import path from "node:path";
import { readPackageManifest } from "../lib/project/package-manifest.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { buildToolsLeftIn, devDependenciesLeftIn } from "../lib/semantics/packages/build-tools.js";
import { defineBuildVisitor } from "../lib/languages/dockerfile/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";
import { locOfRange } from "../lib/utils/range-loc.js";

/** How each manager leaves devDependencies out, for the message. */
const PRODUCTION_SWITCH: Readonly<Record<string, string>> = {
  npm: "npm ci --omit=dev",
  yarn: "yarn install --production",
  pnpm: "pnpm install --prod",
  bun: "bun install --production",
};

export default createRule<DockerfileRuleTypes<[], "buildTools" | "devDependencies">>("no-build-tools-in-final-stage", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow compilers, `-dev` packages and devDependencies left in the image a build ships; build in a builder stage",
      category: "stages",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: [],
    },
    schema: [],
    messages: {
      devDependencies:
        "{{where}} installs the project's dependencies with `{{command}}` including devDependencies (test, lint and build tools), so they ship in the image. Install them in a separate build stage, or use `{{production}}` (or NODE_ENV=production), or prune them after the build.",
      buildTools:
        "{{where}} installs build tools ({{packages}}) with {{manager}} and never removes them, so they ship in the image (size, attack surface). Compile in a separate build stage and COPY --from it only the result, or remove them in the same RUN.",
    },
  },
  create(context) {
    const { sourceCode } = context;
    return defineBuildVisitor(context, {
      onShippedApplication({ program, stage: shipped }) {
        const whereOf = (stage: typeof shipped): string =>
          stage === shipped
            ? shipped.name
              ? `The final stage "${shipped.name}"`
              : "The final stage"
            : `Stage "${stage.name ?? String(stage.index)}", which the final stage is built FROM,`;
        // Whether devDependencies exist is in the build context's package.json (the Dockerfile's folder,
        // Docker's default context): without it, an install that keeps them may install none, so say nothing.
        const manifest = path.isAbsolute(context.filename) ? readPackageManifest(path.dirname(context.filename)) : null;
        const devDependencies = manifest && manifest.devDependencies.length > 0 ? devDependenciesLeftIn(program, shipped) : [];
        for (const left of devDependencies) {
          const { invocation } = left;
          const words = [invocation.tool, ...invocation.subcommandWords];
          context.report({
            loc: locOfRange(sourceCode, [invocation.tool.range[0], (words.at(-1) ?? invocation.tool).range[1]]),
            messageId: "devDependencies",
            data: { where: whereOf(left.stage), command: words.map((word) => word.raw).join(" "), production: PRODUCTION_SWITCH[invocation.manager] ?? "a production install" },
          });
        }
        for (const left of buildToolsLeftIn(program, shipped)) {
          const first = left.packages[0];
          if (!first) continue;
          const where = whereOf(left.stage);
          context.report({
            loc: locOfRange(sourceCode, [first.word.range[0], (left.packages.at(-1) ?? first).word.range[1]]),
            messageId: "buildTools",
            data: { where, packages: left.packages.map((argument) => argument.name ?? argument.word.raw).join(", "), manager: left.invocation.manager },
          });
        }
      },
    });
  },
});
