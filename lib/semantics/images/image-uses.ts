/**
 * Every image a file pulls: Dockerfile `FROM` bases, `COPY`/`ADD --from=<image>` and
 * `RUN --mount=…,from=<image>`, and compose `image:` of services that are not built. Image rules
 * (`require-image-digest`, `allowed-registries`, `prefer-minimal-base-image`, `no-end-of-life-image`)
 * read this one list, so a FROM and a compose `image:` are judged alike.
 */
import type { AST } from "yaml-eslint-parser";
import type { ComposeFile, ComposeService } from "../../compose/types.js";
import type { DockerfileProgram, Instruction, Range, Stage } from "../../dockerfile/ast.js";
import { parseImageReference, type ParsedImageReference } from "../../dockerfile/image-reference.js";
import { stageReferences, type StageReference, type StageReferenceSite } from "../stages/stage-references.js";
import { getStageGraph } from "../stages/stages.js";

/**
 * Docker refuses repository names with capitals (`FROM REPLACE-ME`, a template placeholder): that is an
 * invalid reference, not an image anyone pulls, and no image rule judges it.
 */
function isValidRepository(path: string): boolean {
  return path !== "" && path === path.toLowerCase();
}

export interface DockerfileImageUse {
  site: StageReferenceSite;
  stage: Stage;
  instruction: Instruction;
  /** The reference with ARG defaults substituted (`node:20.11-slim`). */
  value: string;
  /** `value` parsed; its ranges are offsets into `value`, not the source. */
  reference: ParsedImageReference;
  /** Source range (UTF-16 offsets) of the reference as written. */
  range: Range;
  /** Source range of the tag when the reference is written without variables, else null. */
  tagRange: Range | null;
  /** The stage reference this use comes from (as the file alone resolves it). */
  stageReference: StageReference;
}

const dockerfileUses = new WeakMap<DockerfileProgram, DockerfileImageUse[]>();

/**
 * The images a Dockerfile pulls, in source order; references only `--build-arg` decides are left out.
 * With `filename` (the Dockerfile's path), names that a build of the file declares as named contexts
 * (`build.additional_contexts`) are left out too: in that build nothing is pulled under that name.
 */
export function dockerfileImageUses(program: DockerfileProgram, filename?: string): readonly DockerfileImageUse[] {
  const uses = fileImageUses(program);
  if (filename === undefined) return uses;
  const resolved = new Set(stageReferences(program, filename));
  return uses.every((use) => resolved.has(use.stageReference)) ? uses : uses.filter((use) => resolved.has(use.stageReference));
}

function fileImageUses(program: DockerfileProgram): readonly DockerfileImageUse[] {
  const cached = dockerfileUses.get(program);
  if (cached) return cached;
  const graph = getStageGraph(program);
  const uses: DockerfileImageUse[] = [];
  for (const reference of stageReferences(program)) {
    if (reference.target.kind !== "image") continue;
    let parsed: ParsedImageReference;
    let value: string;
    if (reference.site === "from") {
      const base = graph.baseOf(reference.stage);
      if (base.kind !== "image") continue;
      parsed = base.reference;
      value = base.value;
    } else {
      value = reference.target.value;
      parsed = parseImageReference(value);
    }
    if (!isValidRepository(parsed.path)) continue;
    const tagRange = reference.literal ? parseImageReference(reference.written, reference.range[0], program.escapeChar).tagRange : null;
    uses.push({ site: reference.site, stage: reference.stage, instruction: reference.instruction, value, reference: parsed, range: reference.range, tagRange, stageReference: reference });
  }
  dockerfileUses.set(program, uses);
  return uses;
}

export interface ComposeImageUse {
  service: ComposeService;
  /** The `image:` value interpolated with defaults (`${TAG:-16}` → `16`). */
  value: string;
  reference: ParsedImageReference;
  /** Where to report: the scalar, or the alias through which the service reached it. */
  node: AST.YAMLScalar | AST.YAMLAlias;
}

const composeUses = new WeakMap<ComposeFile, ComposeImageUse[]>();

/**
 * The images a compose file pulls: `image:` of every service without `build:` (with `build:` it names
 * the image Compose builds), when its value is known without the environment.
 */
export function composeImageUses(model: ComposeFile): readonly ComposeImageUse[] {
  const cached = composeUses.get(model);
  if (cached) return cached;
  const uses: ComposeImageUse[] = [];
  for (const service of model.services.values()) {
    if (service.build || !service.image || service.image.resolved === null) continue;
    const reference = parseImageReference(service.image.resolved);
    if (!isValidRepository(reference.path)) continue;
    uses.push({ service, value: service.image.resolved, reference, node: service.image.via ?? service.image.node });
  }
  composeUses.set(model, uses);
  return uses;
}
