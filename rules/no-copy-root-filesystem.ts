import type { DockerfileProgram, PathArgument } from "../lib/dockerfile/ast.js";
import { parseImageReference } from "../lib/dockerfile/image-reference.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { imageFamily, type ImageFamily } from "../lib/semantics/images/image-families.js";
import { stageReferences, type StageReference } from "../lib/semantics/stages/stage-references.js";
import { getStageGraph } from "../lib/semantics/stages/stages.js";
import { createRule } from "../lib/utils/create-rule.js";

/** `/`, `/.`, `//`, `/./`: the root of the source. */
function isRoot(source: PathArgument): boolean {
  const value = source.type === "JsonString" ? source.value : source.variables.length === 0 ? source.value.replace(/^(["'])(.*)\1$/u, "$2") : "";
  return value.startsWith("/") && value.split("/").every((segment) => segment === "" || segment === ".");
}

/**
 * The known image whose whole file system a `--from` source holds: the image itself, or the image at
 * the root of the named stage's ancestry. Null for `scratch`-based stages (a stage that exists to
 * hold a few files: `COPY --from=binaries / /usr/local/bin/` is the idiom) and for images the table
 * does not know (`tonistiigi/xx` is a scratch image of helper scripts).
 */
function operatingSystemOf(program: DockerfileProgram, reference: StageReference): { family: ImageFamily; image: string } | null {
  const { target } = reference;
  if (target.kind === "image") {
    const family = imageFamily(parseImageReference(target.value));
    return family ? { family, image: target.value } : null;
  }
  if (target.kind !== "stage") return null;
  const graph = getStageGraph(program);
  const root = graph.ancestry(target.stage).at(-1);
  const base = root ? graph.baseOf(root) : null;
  if (base?.kind !== "image") return null;
  const family = imageFamily(base.reference);
  return family ? { family, image: base.value } : null;
}

export default createRule<DockerfileRuleTypes<[], "rootFilesystem">>("no-copy-root-filesystem", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow `COPY --from=<stage> / …` that copies a whole operating system's file system",
      category: "stages",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3067"],
    },
    schema: [],
    messages: {
      rootFilesystem:
        'COPY --from={{from}} / copies the whole file system of "{{image}}" ({{family}}): its package database, /etc, caches and tools land on top of this stage, overwriting its own. Copy only the paths you need (the binary, /etc/ssl/certs…).',
    },
  },
  create(context) {
    return {
      Program(program) {
        for (const reference of stageReferences(program, context.filename)) {
          if (reference.site !== "copy-from") continue;
          const instruction = reference.instruction;
          if (instruction.type !== "Copy" && instruction.type !== "Add") continue;
          const root = instruction.sources.find(isRoot);
          if (!root) continue;
          const origin = operatingSystemOf(program, reference);
          if (!origin) continue;
          context.report({ loc: root.loc, messageId: "rootFilesystem", data: { from: reference.written, image: origin.image, family: origin.family.displayName } });
        }
      },
    };
  },
});
