/**
 * Variables a RUN sees from the Dockerfile: ENV (inherited through FROM an earlier stage) and ARG
 * (declared in the stage; a global ARG only when re-declared there). Indexed once per file, so a
 * lookup costs the same in the 100,000th RUN as in the first.
 */
import type { DockerfileProgram, Instruction, Stage } from "../../dockerfile/ast.js";
import { getStageGraph } from "../stages/stages.js";

/** `null` value: declared, but not known from the file (an ARG without default, a value with variables). */
export type DeclaredValue = string | null;

interface Declaration {
  position: number;
  kind: "env" | "arg";
  value: DeclaredValue;
}

interface StageVariables {
  /** Declarations of this stage's body, by name, in position order. */
  own: Map<string, Declaration[]>;
  /** ENV values in effect at the end of the stage (inherited ones included). */
  envAtEnd: Map<string, DeclaredValue>;
  /** ENV values inherited from the stage it is built on. */
  inherited: Map<string, DeclaredValue>;
  /**
   * The image the stage's ancestry starts from is only known at build time (`FROM ${BASE}` with no
   * default): its ENV, whatever it is, is in effect too, so a variable the file does not set is unknown.
   */
  baseUnknown: boolean;
}

function unquote(value: string): string {
  return /^(["']).*\1$/su.test(value) ? value.slice(1, -1) : value;
}

function literal(word: { value: string; variables: readonly unknown[] } | null): DeclaredValue {
  return word && word.variables.length === 0 ? unquote(word.value) : null;
}

const indexes = new WeakMap<DockerfileProgram, Map<Stage, StageVariables>>();

function index(program: DockerfileProgram): Map<Stage, StageVariables> {
  let byStage = indexes.get(program);
  if (byStage) return byStage;
  byStage = new Map();
  const graph = getStageGraph(program);
  for (const stage of program.stages) {
    const base = graph.baseOf(stage);
    const inherited = base.kind === "stage" ? new Map(byStage.get(base.stage)?.envAtEnd ?? []) : new Map<string, DeclaredValue>();
    const baseUnknown = base.kind === "unknown" || (base.kind === "stage" && byStage.get(base.stage)?.baseUnknown === true);
    const own = new Map<string, Declaration[]>();
    const envAtEnd = new Map(inherited);
    const declare = (name: string, declaration: Declaration) => {
      const list = own.get(name);
      if (list) list.push(declaration);
      else own.set(name, [declaration]);
    };
    stage.instructions.forEach((instruction, position) => {
      if (instruction.type === "Env") {
        for (const pair of instruction.pairs) {
          const value = literal(pair.value);
          declare(pair.key.value, { position, kind: "env", value });
          envAtEnd.set(pair.key.value, value);
        }
      } else if (instruction.type === "Arg") {
        for (const declaration of instruction.args) declare(declaration.name, { position, kind: "arg", value: literal(declaration.defaultValue) });
      }
    });
    byStage.set(stage, { own, envAtEnd, inherited, baseUnknown });
  }
  indexes.set(program, byStage);
  return byStage;
}

/**
 * The value of `name` for `instruction` of `stage`: undefined when the Dockerfile does not set it (and
 * the base image is known); null when its value is unknown, which includes a variable the file does not
 * set in a stage built on an image only known at build time (that image's ENV may set it). An ENV wins
 * over an ARG of the same name, as in Docker.
 */
export function variableBefore(program: DockerfileProgram, stage: Stage, instruction: Instruction, name: string): DeclaredValue | undefined {
  const variables = index(program).get(stage);
  if (!variables) return undefined;
  const position = getStageGraph(program).locate(instruction)?.position ?? Number.POSITIVE_INFINITY;
  let env: DeclaredValue | undefined = variables.inherited.get(name);
  let arg: DeclaredValue | undefined;
  for (const declaration of variables.own.get(name) ?? []) {
    if (declaration.position >= position) break;
    if (declaration.kind === "env") env = declaration.value;
    else arg = declaration.value;
  }
  const value = env !== undefined ? env : arg;
  return value === undefined && variables.baseUnknown ? null : value;
}
