/**
 * Every place a Dockerfile names a stage (a FROM base, `COPY`/`ADD --from=`, `RUN --mount=…,from=`),
 * what each one resolves to, which stages a build reaches, and the settings a stage inherits from the
 * stage it is built on. Computed once per Program (WeakMap) on top of the stage graph and shared by
 * every stage rule, so no rule walks stages on its own.
 *
 * Resolution follows BuildKit's `dockerfile2llb`: a FROM base is looked up among the stages defined
 * before it (otherwise it is an image to pull); a `--from` value is a stage index (`0`, `1`…), a stage
 * name (case-insensitive, any stage of the file), or an image reference. Values are expanded with the
 * ARGs in scope; what only `--build-arg` can decide stays `unknown` and is never judged.
 *
 * Named build contexts (compose `build.additional_contexts`, `--build-context`): BuildKit looks a name
 * up among the stages first, then among the build's named contexts, and only then takes it for an image
 * to pull (`dockerfile2llb/convert.go`: `findStateByName`, then `namedContext` for the base name of
 * every FROM and of every `--from`/`from=` that names no stage). Given the Dockerfile's path,
 * `stageReferences` asks the build-context model which builds of the file declare which names, and a
 * name any of them declares resolves to `{ kind: "context" }`: not a missing stage, not an image. When
 * builds disagree (one declares it, another does not) the reference is still a context: a rule reports
 * only what is wrong for every build it knows, and in the build that declares the name nothing is.
 */
import path from "node:path";
import type { DockerfileProgram, Flag, FlagValue, Instruction, Range, Stage } from "../../dockerfile/ast.js";
import { evaluateWord, type VariableLookup } from "../../dockerfile/variables.js";
import { buildsOfDockerfile, type NamedBuildContext } from "../../project/build-contexts.js";
import { variableBefore } from "../variables/declared-values.js";
import { outsideFactsVersion } from "./outside-facts.js";
import { getStageGraph } from "./stages.js";

/** Where a stage is named. */
export type StageReferenceSite = "from" | "copy-from" | "mount-from";

/** What a reference resolves to. */
export type StageReferenceTarget =
  | { kind: "stage"; stage: Stage }
  /** An image to pull (`COPY --from=nginx:1.25`, a FROM that names no earlier stage). */
  | { kind: "image"; value: string }
  | { kind: "scratch" }
  /**
   * A `--from` value that looks like a stage name (no `:`, `/` or `@`) but names no stage, or an index
   * past the last stage; or a FROM that names a stage defined only later in the file (BuildKit pulls
   * an image of that name instead).
   */
  | { kind: "missing"; value: string; laterStage: Stage | null }
  /**
   * A named build context that a build of the file declares (`additional_contexts`): a folder, another
   * image or service, a URL. `contexts` are the declarations (one per build that has it); `everyBuild`
   * says whether every known build declares it (see the module comment for builds that disagree).
   */
  | { kind: "context"; value: string; contexts: NamedBuildContext[]; everyBuild: boolean }
  /** Depends on a `--build-arg` value (an ARG without a default) or cannot be evaluated. */
  | { kind: "unknown" };

export interface StageReference {
  site: StageReferenceSite;
  /** The FROM, COPY, ADD or RUN that holds the reference. */
  instruction: Instruction;
  /** The stage whose body (or FROM line) holds it. */
  stage: Stage;
  /** The reference as written (quotes and escapes of flag values already removed by BuildKit's rules). */
  written: string;
  /**
   * Source range (UTF-16 offsets) of the written name: the image reference of a FROM, the value of a
   * `--from` flag, the value of a mount's `from=` option. A fix that renames a stage rewrites exactly
   * this range; `literal` says whether that is safe (no variables, no quotes).
   */
  range: Range;
  literal: boolean;
  target: StageReferenceTarget;
}

/** `COPY --from=node:20` / `alpine/git` / `img@sha256:…`: BuildKit treats these as images, never as stage names. */
function looksLikeImageReference(value: string): boolean {
  return /[:/@]/u.test(value);
}

interface StageIndex {
  references: StageReference[];
  /** References to each stage (those that resolve to it). */
  byStage: Map<Stage, StageReference[]>;
  /** Stages a `--from` or `from=` reads (not FROM bases). */
  readFrom: Map<Stage, Set<Stage>>;
}

function lookupFor(program: DockerfileProgram, stage: Stage, instruction: Instruction): VariableLookup {
  const globalArgs = getStageGraph(program).globalArgs;
  return (name) => {
    const local = variableBefore(program, stage, instruction, name);
    if (local !== undefined && local !== null) return local;
    const global = globalArgs.get(name);
    return global === null ? undefined : global;
  };
}

/** Expands a `--from` value; null when a variable in it has no known value. */
function expandFlagValue(program: DockerfileProgram, stage: Stage, instruction: Instruction, raw: string, hasVariables: boolean): string | null {
  if (!hasVariables) return raw;
  try {
    // A `${VAR:-default}` resolves through its default even when VAR is unknown.
    const evaluation = evaluateWord(raw, "\\", lookupFor(program, stage, instruction));
    return evaluation.unresolved.length === 0 ? evaluation.value : null;
  } catch {
    return null;
  }
}

function resolveFromValue(program: DockerfileProgram, value: string | null): StageReferenceTarget {
  if (value === null || value === "") return { kind: "unknown" };
  if (looksLikeImageReference(value)) return { kind: "image", value };
  const graph = getStageGraph(program);
  if (/^\d+$/u.test(value)) {
    const stage = program.stages[Number(value)];
    return stage ? { kind: "stage", stage } : { kind: "missing", value, laterStage: null };
  }
  const stage = graph.stagesByName.get(value.toLowerCase());
  if (stage) return { kind: "stage", stage };
  if (value.toLowerCase() === "scratch") return { kind: "scratch" };
  return { kind: "missing", value, laterStage: null };
}

function flagValueRange(value: FlagValue): Range {
  return value.range;
}

function computeIndex(program: DockerfileProgram): StageIndex {
  const graph = getStageGraph(program);
  const references: StageReference[] = [];
  for (const stage of program.stages) {
    const from = stage.from;
    if (from.image) {
      const base = graph.baseOf(stage);
      let target: StageReferenceTarget;
      if (base.kind === "stage") target = { kind: "stage", stage: base.stage };
      else if (base.kind === "scratch") target = { kind: "scratch" };
      else if (base.kind === "unknown") target = { kind: "unknown" };
      else {
        // BuildKit looks a FROM base up among earlier stages only: a later stage's name is pulled as an image.
        // The stage's own name is registered only after its base is resolved (`dispatchStates.addState`), so
        // `FROM gcc AS gcc` pulls the gcc image on purpose: only a stage strictly after this one is "later".
        const name = base.value.toLowerCase();
        const later = program.stages.find((candidate) => candidate.index > stage.index && candidate.name?.toLowerCase() === name);
        target = later ? { kind: "missing", value: base.value, laterStage: later } : { kind: "image", value: base.value };
      }
      references.push({
        site: "from",
        instruction: from,
        stage,
        written: from.image.raw,
        range: from.image.range,
        literal: from.image.variables.length === 0,
        target,
      });
    }
    for (const instruction of stage.instructions) {
      for (const flag of instruction.flags) addFlagReference(stage, instruction, flag);
    }
  }

  function addFlagReference(stage: Stage, instruction: Instruction, flag: Flag): void {
    if (flag.mount) {
      if (instruction.type !== "Run") return;
      const option = [...flag.mount.options].reverse().find((candidate) => candidate.key.toLowerCase() === "from");
      if (!option || option.value === null || option.valueRange === null) return;
      const written = option.value;
      const hasVariables = written.includes("$");
      references.push({
        site: "mount-from",
        instruction,
        stage,
        written,
        range: option.valueRange,
        literal: !hasVariables && !/["'\\]/u.test(written),
        target: resolveFromValue(program, expandFlagValue(program, stage, instruction, written, hasVariables)),
      });
      return;
    }
    if (flag.name !== "from" || (instruction.type !== "Copy" && instruction.type !== "Add") || !flag.value) return;
    const value = flag.value;
    const hasVariables = value.variables.length > 0;
    references.push({
      site: "copy-from",
      instruction,
      stage,
      written: value.value,
      range: flagValueRange(value),
      literal: !hasVariables && value.raw === value.value,
      target: resolveFromValue(program, expandFlagValue(program, stage, instruction, value.value, hasVariables)),
    });
  }

  const byStage = new Map<Stage, StageReference[]>();
  const readFrom = new Map<Stage, Set<Stage>>();
  for (const reference of references) {
    if (reference.target.kind !== "stage") continue;
    const list = byStage.get(reference.target.stage);
    if (list) list.push(reference);
    else byStage.set(reference.target.stage, [reference]);
    if (reference.site !== "from") {
      const read = readFrom.get(reference.stage) ?? new Set<Stage>();
      read.add(reference.target.stage);
      readFrom.set(reference.stage, read);
    }
  }
  return { references, byStage, readFrom };
}

const indexes = new WeakMap<DockerfileProgram, StageIndex>();

function stageIndex(program: DockerfileProgram): StageIndex {
  let index = indexes.get(program);
  if (!index) {
    index = computeIndex(program);
    indexes.set(program, index);
  }
  return index;
}

/**
 * The name BuildKit looks a named context up by: a reference normalised to its familiar form without
 * `:latest` (`docker.io/library/alpine:latest` → `alpine`), as `namedContext` does with
 * `reference.ParseNormalizedNamed` + `FamiliarString` (BuildKit `frontend/dockerui/namedcontext.go`).
 * Null when the value is no valid reference (BuildKit looks nothing up for it).
 */
export function namedContextKey(value: string): string | null {
  // ParseNormalizedNamed rejects capitals in a repository name: nothing is looked up.
  if (value === "" || /[A-Z]/u.test(value.split("@")[0]!.split(":")[0]!)) return null;
  let name = value.replace(/^(?:index\.)?docker\.io\//u, "");
  if (/^library\/[^/]+$/u.test(name.split("@")[0]!)) name = name.slice("library/".length);
  return name.endsWith(":latest") ? name.slice(0, -":latest".length) : name;
}

/** The named contexts the builds of one Dockerfile declare, by lookup key. */
interface DeclaredContexts {
  builds: number;
  byKey: Map<string, NamedBuildContext[]>;
}

/** Read from the compose files around: kept with the filename and the file-system facts' version it was read under (outside-facts.ts). */
const declaredByFile = new WeakMap<DockerfileProgram, { filename: string; version: number; declared: DeclaredContexts | null; references: readonly StageReference[] }>();

function declaredContexts(filename: string): DeclaredContexts | null {
  if (!path.isAbsolute(filename)) return null;
  const builds = buildsOfDockerfile(filename);
  const byKey = new Map<string, NamedBuildContext[]>();
  for (const build of builds) {
    // One declaration per build (the last one, as a mapping or a repeated list item leaves it).
    const ofBuild = new Map<string, NamedBuildContext>();
    for (const context of build.namedContexts) {
      const key = namedContextKey(context.name);
      if (key !== null) ofBuild.set(key, context);
    }
    for (const [key, context] of ofBuild) byKey.set(key, [...(byKey.get(key) ?? []), context]);
  }
  return byKey.size > 0 ? { builds: builds.length, byKey } : null;
}

/**
 * Every stage reference of the file, in source order within each stage. With `filename` (the
 * Dockerfile's absolute path), names that its builds declare as named contexts resolve to
 * `{ kind: "context" }` instead of an image or a missing stage (see the module comment); without it,
 * or for a relative or virtual name, the file alone decides.
 */
export function stageReferences(program: DockerfileProgram, filename?: string): readonly StageReference[] {
  const references = stageIndex(program).references;
  if (filename === undefined) return references;
  const known = declaredByFile.get(program);
  const version = outsideFactsVersion(program);
  if (known && known.filename === filename && known.version === version) return known.references;
  const declared = declaredContexts(filename);
  const resolved = declared === null ? references : references.map((reference) => withNamedContext(reference, declared));
  declaredByFile.set(program, { filename, version, declared, references: resolved });
  return resolved;
}

function withNamedContext(reference: StageReference, declared: DeclaredContexts): StageReference {
  const { target } = reference;
  // A stage index (`--from=1`) is never a context name (BuildKit tries `strconv.Atoi` first).
  if (target.kind !== "image" && !(target.kind === "missing" && !/^\d+$/u.test(target.value))) return reference;
  const key = namedContextKey(target.value);
  const contexts = key === null ? undefined : declared.byKey.get(key);
  if (!contexts) return reference;
  return { ...reference, target: { kind: "context", value: target.value, contexts, everyBuild: contexts.length >= declared.builds } };
}

/**
 * The FROM reference of `stage` as the builds of `filename` resolve it (a named context or not); null
 * for a FROM without an image. Rules that judge a base image read this rather than `baseOf`, which
 * knows only the file.
 */
export function fromReference(program: DockerfileProgram, stage: Stage, filename?: string): StageReference | null {
  return stageReferences(program, filename).find((reference) => reference.site === "from" && reference.stage === stage) ?? null;
}

/** The references that resolve to `stage` (FROM bases, `--from`, mount `from=`), in source order. */
export function referencesTo(program: DockerfileProgram, stage: Stage): readonly StageReference[] {
  return stageIndex(program).byStage.get(stage) ?? [];
}

/** Which stages a build reaches, starting from the stage it produces. */
export interface StageReach {
  /** The stage the build produces: the `target` stage when given and found, else the last stage. */
  produced: Stage | null;
  /**
   * The produced stage, the stages it is built FROM, the stages any of those read with `--from` or a
   * mount `from=`, and so on transitively. BuildKit builds only these; every other stage is dead code
   * for this build.
   */
  reachable: ReadonlySet<Stage>;
}

const reaches = new WeakMap<DockerfileProgram, Map<string, StageReach>>();

/**
 * The stages a build of this Dockerfile runs. `target` is the `--target` (or compose `build.target`)
 * stage name, matched case-insensitively; without one (or when it names no stage) the build produces
 * the last stage, as `docker build` does.
 *
 * Hook for the build-context model: a caller that knows the compose `build.target` of a service
 * passes it here; rules that do not know it judge the default build.
 *
 * How this differs from `StageGraph.isShipped`: `isShipped` is the conservative "could this stage's
 * layers end up in some image" (a stage nothing uses may be built with `--target`), right for rules
 * that protect every image the file can make. `reach` answers "what does this build run", right for
 * rules about the image a build ships: a stage outside it (an unused `test` or `dev` stage) is not
 * judged as the production image.
 */
export function stageReach(program: DockerfileProgram, target?: string): StageReach {
  const key = target?.toLowerCase() ?? "";
  let byTarget = reaches.get(program);
  if (!byTarget) {
    byTarget = new Map();
    reaches.set(program, byTarget);
  }
  const cached = byTarget.get(key);
  if (cached) return cached;
  const graph = getStageGraph(program);
  const produced = (key !== "" ? graph.stagesByName.get(key) : undefined) ?? graph.finalStage;
  const { readFrom } = stageIndex(program);
  const reachable = new Set<Stage>();
  const pending: Stage[] = produced ? [produced] : [];
  while (pending.length > 0) {
    const stage = pending.pop();
    if (!stage || reachable.has(stage)) continue;
    for (const member of graph.ancestry(stage)) {
      if (member !== stage && reachable.has(member)) continue;
      reachable.add(member);
      for (const read of readFrom.get(member) ?? []) if (!reachable.has(read)) pending.push(read);
    }
  }
  const reach = { produced, reachable };
  byTarget.set(key, reach);
  return reach;
}

/** Instruction types whose setting a stage inherits from the stage it is built FROM (Docker image config). */
export type InheritedSetting = "User" | "Workdir" | "Shell" | "Healthcheck" | "Entrypoint" | "Cmd" | "StopSignal";

/**
 * The instruction of type `type` in effect for `stage` just before `before` (or at the end of the
 * stage when `before` is omitted): the last one in the stage body before that point, else the last one
 * in the stages it is built FROM (`FROM builder AS final` carries USER, WORKDIR, SHELL, HEALTHCHECK,
 * CMD, ENTRYPOINT and STOPSIGNAL through, as the image config does). Null when no stage of the
 * ancestry sets it, which means the base image's own setting (unknown here). ENV and ARG are in
 * `environment.ts` (`variableBefore`).
 */
export function settingInEffect<T extends InheritedSetting>(
  program: DockerfileProgram,
  stage: Stage,
  type: T,
  before?: Instruction,
): Extract<Instruction, { type: T }> | null {
  const chain = getStageGraph(program).ancestry(stage);
  for (const [depth, member] of chain.entries()) {
    const limit = depth === 0 && before ? member.instructions.indexOf(before) : -1;
    const body = limit >= 0 ? member.instructions.slice(0, limit) : member.instructions;
    for (let i = body.length - 1; i >= 0; i--) {
      const instruction = body[i];
      if (instruction?.type === type) return instruction as Extract<Instruction, { type: T }>;
    }
  }
  return null;
}

/**
 * Dead code for a build: a stage the build does not run, i.e. not the produced stage (the last one,
 * or `target`), not a stage it is built FROM, and not read by `--from`/`from=` from one of those.
 * Rules about what a build ships do not report in such a stage.
 *
 * This is deliberately narrower than `StageGraph.isShipped`, which also counts a stage nothing uses as
 * shipped because someone may build it with `--target`: such a stage (`test`, `dev`, a leftover) is
 * dead for the default build. When the target is known (a compose `build.target`, via the
 * build-context model), pass it and that stage and its inputs become live.
 */
export function isDeadStage(program: DockerfileProgram, stage: Stage, target?: string): boolean {
  return !stageReach(program, target).reachable.has(stage);
}

/**
 * The default of build argument `name` as `instruction` of `stage` sees it: an ARG declared earlier
 * in the stage body, else one declared in a stage it is built FROM (BuildKit carries a base stage's
 * ARGs into `FROM base AS child`), else the global ARG when the stage re-declares it without a value.
 * `undefined`: not declared on that path; `null`: declared without a value the file knows.
 */
export function argInEffect(program: DockerfileProgram, stage: Stage, instruction: Instruction, name: string): string | null | undefined {
  const graph = getStageGraph(program);
  for (const [depth, member] of graph.ancestry(stage).entries()) {
    const limit = depth === 0 ? member.instructions.indexOf(instruction) : -1;
    const body = limit >= 0 ? member.instructions.slice(0, limit) : member.instructions;
    for (let i = body.length - 1; i >= 0; i--) {
      const candidate = body[i];
      if (candidate?.type !== "Arg") continue;
      const declaration = candidate.args.findLast((arg) => arg.name === name);
      if (!declaration) continue;
      if (declaration.defaultValue) return declaration.defaultValue.variables.length === 0 ? declaration.defaultValue.value.replace(/^(["'])(.*)\1$/su, "$2") : null;
      const global = graph.globalArgs.get(name);
      return global === undefined ? null : global;
    }
  }
  return undefined;
}
