/**
 * The stage graph of a Dockerfile: what each FROM builds on (an earlier stage, an image, scratch, or
 * something only known at build time), and the global ARG defaults FROM lines are expanded with.
 * Computed once per Program and shared by every rule.
 */
import type { DockerfileProgram, EscapeChar, From, Instruction, Stage } from "../../dockerfile/ast.js";
import { parseImageReference, resolveImageReference, type ParsedImageReference } from "../../dockerfile/image-reference.js";
import type { VariableLookup } from "../../dockerfile/variables.js";
import { evaluateWord } from "../../dockerfile/variables.js";

/** What a FROM line starts from. */
export type StageBase =
  | { kind: "stage"; stage: Stage }
  | { kind: "scratch" }
  /** An image to pull; `value` is the reference with global ARG defaults substituted. */
  | { kind: "image"; value: string; reference: ParsedImageReference }
  /** Depends on a build argument without a default, or on `--build-arg` values we cannot know. */
  | { kind: "unknown"; reason: string };

export interface StageGraph {
  /** Global ARG defaults (ARGs before the first FROM): the values FROM lines are expanded with. */
  globalArgs: ReadonlyMap<string, string | null>;
  /** Stages by lowercased name (BuildKit matches stage names case-insensitively). */
  stagesByName: ReadonlyMap<string, Stage>;
  baseOf(stage: Stage): StageBase;
  /** The stage a `COPY --from=`/`--mount from=` value names (a name or a 0-based index), or null. */
  stageNamed(reference: string): Stage | null;
  /** The stage itself, then what it is built on, up to an image or scratch (cycles cut). */
  ancestry(stage: Stage): Stage[];
  /** The last stage: what `docker build` produces without `--target`. */
  finalStage: Stage | null;
  /**
   * Whether the stage's layers can end up in a built image: it is the final stage, a stage nothing
   * else uses (a likely `--target`), or a stage one of those is built FROM. A stage only read by
   * `COPY --from`/`--mount from=` is a builder: what it leaves behind is never shipped.
   */
  isShipped(stage: Stage): boolean;
  /** Where an instruction of a stage body is: its stage and its position there (-1 for the FROM); null elsewhere (preamble, ONBUILD triggers). */
  locate(instruction: Instruction): { stage: Stage; position: number } | null;
}

/**
 * Platform ARGs BuildKit defines in the global scope. Their values depend on the build machine, so a
 * FROM that uses one stays "unknown".
 */
export const AUTOMATIC_PLATFORM_ARGS: ReadonlySet<string> = new Set([
  "BUILDPLATFORM",
  "BUILDOS",
  "BUILDARCH",
  "BUILDVARIANT",
  "TARGETPLATFORM",
  "TARGETOS",
  "TARGETARCH",
  "TARGETVARIANT",
]);

function readGlobalArgs(program: DockerfileProgram): Map<string, string | null> {
  const args = new Map<string, string | null>();
  const lookup: VariableLookup = (name) => args.get(name) ?? undefined;
  for (const instruction of program.preamble) {
    if (instruction.type !== "Arg") continue;
    for (const declaration of instruction.args) {
      let value: string | null = null;
      if (declaration.defaultValue) {
        try {
          const evaluation = evaluateWord(declaration.defaultValue.value, program.escapeChar, lookup);
          value = evaluation.unresolved.length === 0 ? evaluation.value : null;
        } catch {
          value = null;
        }
      }
      args.set(declaration.name, value);
    }
  }
  return args;
}

/**
 * Expands an image reference with the global ARG defaults. Docker expands an undeclared or
 * default-less ARG to "", but `--build-arg` can set a declared one, so a reference that uses either
 * is not knowable from the file: the result says so instead of guessing.
 */
function resolveWithGlobalArgs(
  raw: string,
  globalArgs: ReadonlyMap<string, string | null>,
  escapeChar: EscapeChar,
): { ok: true; value: string; reference: ParsedImageReference } | { ok: false; reason: string } {
  const missing: string[] = [];
  const lookup: VariableLookup = (name) => {
    const value = globalArgs.get(name);
    if (value === undefined || value === null) {
      missing.push(name);
      return undefined;
    }
    return value;
  };
  const resolved = resolveImageReference(raw, lookup, escapeChar);
  if (!resolved.ok) return { ok: false, reason: resolved.error };
  if (missing.length > 0) return { ok: false, reason: `depends on ${[...new Set(missing)].map((name) => `$${name}`).join(", ")}` };
  return { ok: true, value: resolved.value, reference: resolved.reference };
}

function computeGraph(program: DockerfileProgram): StageGraph {
  const globalArgs = readGlobalArgs(program);
  const stagesByName = new Map<string, Stage>();
  const bases = new Map<Stage, StageBase>();

  for (const stage of program.stages) {
    bases.set(stage, resolveBase(stage.from));
    // A stage becomes visible by name only after its own FROM (no self-reference).
    if (stage.name !== null) stagesByName.set(stage.name.toLowerCase(), stage);
  }

  function resolveBase(from: From): StageBase {
    if (!from.image) return { kind: "unknown", reason: "FROM has no image" };
    const resolved = from.image.variables.length === 0
      ? { ok: true as const, value: from.image.raw, reference: parseImageReference(from.image.raw, 0, program.escapeChar) }
      : resolveWithGlobalArgs(from.image.raw, globalArgs, program.escapeChar);
    if (!resolved.ok) return { kind: "unknown", reason: resolved.reason };
    const earlier = stagesByName.get(resolved.value.toLowerCase());
    if (earlier) return { kind: "stage", stage: earlier };
    if (resolved.reference.isScratch) return { kind: "scratch" };
    return { kind: "image", value: resolved.value, reference: resolved.reference };
  }

  function stageNamed(reference: string): Stage | null {
    const byName = stagesByName.get(reference.toLowerCase());
    if (byName) return byName;
    return /^\d+$/u.test(reference) ? (program.stages[Number(reference)] ?? null) : null;
  }

  function ancestry(stage: Stage): Stage[] {
    const chain: Stage[] = [];
    for (let current: Stage | null = stage; current && !chain.includes(current); ) {
      chain.push(current);
      const base = bases.get(current);
      current = base?.kind === "stage" ? base.stage : null;
    }
    return chain;
  }

  // Stages something refers to: as a FROM base, or as a COPY/ADD --from or RUN --mount from= source.
  const referenced = new Set<Stage>();
  for (const stage of program.stages) {
    const base = bases.get(stage);
    if (base?.kind === "stage") referenced.add(base.stage);
    for (const instruction of stage.instructions) {
      for (const flag of instruction.flags) {
        const source = flag.mount ? flag.mount.from : flag.name === "from" ? (flag.value?.value ?? null) : null;
        const named = source === null ? null : stageNamed(source);
        if (named) referenced.add(named);
      }
    }
  }
  const locations = new Map<Instruction, { stage: Stage; position: number }>();
  for (const stage of program.stages) {
    locations.set(stage.from, { stage, position: -1 });
    stage.instructions.forEach((instruction, position) => locations.set(instruction, { stage, position }));
  }
  const shipped = new Set<Stage>();
  for (const stage of program.stages) {
    if (stage === program.stages.at(-1) || !referenced.has(stage)) for (const member of ancestry(stage)) shipped.add(member);
  }

  return {
    globalArgs,
    stagesByName,
    baseOf: (stage) => bases.get(stage) ?? { kind: "unknown", reason: "not a stage of this file" },
    stageNamed,
    isShipped: (stage) => shipped.has(stage),
    locate: (instruction) => locations.get(instruction) ?? null,
    ancestry,
    finalStage: program.stages.at(-1) ?? null,
  };
}

const graphs = new WeakMap<DockerfileProgram, StageGraph>();

export function getStageGraph(program: DockerfileProgram): StageGraph {
  let graph = graphs.get(program);
  if (!graph) {
    graph = computeGraph(program);
    graphs.set(program, graph);
  }
  return graph;
}

/** The stage that contains `node` (an instruction of a stage body, its FROM, or an ONBUILD trigger), or null. */
export function stageOf(program: DockerfileProgram, node: Instruction): Stage | null {
  const located = getStageGraph(program).locate(node);
  if (located) return located.stage;
  return program.stages.find((stage) => stage.range[0] <= node.range[0] && node.range[1] <= stage.range[1]) ?? null;
}
