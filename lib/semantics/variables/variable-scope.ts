/**
 * Which variable names Docker's own substitution can see, following BuildKit's scoping
 * (https://docs.docker.com/reference/dockerfile/#scope, #predefined-args, #automatic-platform-args-in-the-global-scope):
 * - FROM lines see the global ARGs (before the first FROM) and the automatic platform ARGs;
 * - a stage body sees its own ARGs and ENVs declared before the instruction, and the ARGs and ENVs
 *   of the stage it is built FROM; a global ARG only when the stage declares it again (`ARG NAME`);
 * - the predefined proxy ARGs are available everywhere without a declaration;
 * - the automatic platform ARGs reach a stage body only when it declares them;
 * - variables of the base image's ENV are visible too: known to be none for `scratch`, unknown for
 *   any pulled image (`complete: false`).
 */
import type { DockerfileProgram, Instruction, Stage } from "../../dockerfile/ast.js";
import { getStageGraph } from "../stages/stages.js";

/** Proxy build args Docker predefines: usable in any instruction without an ARG. */
export const PREDEFINED_PROXY_ARGS: ReadonlySet<string> = new Set(
  ["HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY", "ALL_PROXY"].flatMap((name) => [name, name.toLowerCase()]),
);

/** Names an ARG or ENV instruction declares, in order. */
export function declaredNames(instruction: Instruction): string[] {
  if (instruction.type === "Arg") return instruction.args.map((declaration) => declaration.name);
  if (instruction.type === "Env") return instruction.pairs.map((pair) => pair.key.value);
  return [];
}

export interface InheritedScope {
  /** Names set when the stage's body starts: the ARGs and ENVs of the stages it is built on. */
  names: ReadonlySet<string>;
  /** Whether the base image's environment is known (the chain ends in `scratch`). */
  complete: boolean;
}

const scopes = new WeakMap<DockerfileProgram, Map<Stage, { inherited: InheritedScope; atEnd: Set<string> }>>();

function compute(program: DockerfileProgram): Map<Stage, { inherited: InheritedScope; atEnd: Set<string> }> {
  const graph = getStageGraph(program);
  const byStage = new Map<Stage, { inherited: InheritedScope; atEnd: Set<string> }>();
  for (const stage of program.stages) {
    const base = graph.baseOf(stage);
    const parent = base.kind === "stage" ? byStage.get(base.stage) : undefined;
    const inherited: InheritedScope = parent
      ? { names: parent.atEnd, complete: parent.inherited.complete }
      : { names: new Set(), complete: base.kind === "scratch" };
    const atEnd = new Set(inherited.names);
    for (const instruction of stage.instructions) for (const name of declaredNames(instruction)) atEnd.add(name);
    byStage.set(stage, { inherited, atEnd });
  }
  return byStage;
}

/** What a stage inherits (see {@link InheritedScope}); computed once per file. */
export function inheritedScope(program: DockerfileProgram, stage: Stage): InheritedScope {
  let byStage = scopes.get(program);
  if (!byStage) {
    byStage = compute(program);
    scopes.set(program, byStage);
  }
  return byStage.get(stage)?.inherited ?? { names: new Set(), complete: false };
}
