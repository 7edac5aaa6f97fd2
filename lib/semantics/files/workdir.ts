/**
 * The working directory at each instruction: what WORKDIRs of the stage, and of the stages it is
 * built on (`FROM builder AS final` inherits the builder's WORKDIR), have set before it. Values are
 * resolved with the ARG/ENV the Dockerfile sets (`WORKDIR $HOME/app` with `ENV HOME=/root`); a value
 * that depends on something the file does not set is "unknown", and rules stay silent on it.
 * Computed once per Program.
 */
import type { Add, Copy, DockerfileProgram, Instruction, Stage } from "../../dockerfile/ast.js";
import { resolveWordAt } from "../variables/resolve-word.js";
import { getStageGraph, stageOf } from "../stages/stages.js";
import { codePointsOf, simplifyWildcard, wildcardMatches, type WildcardToken } from "../../utils/wildcard.js";

/**
 * The working directory before an instruction:
 * - `unset`: no WORKDIR in the stage nor in the stages it is built on (the base image's, often `/`);
 * - `absolute`: an absolute WORKDIR was set, or the stage starts from scratch (`/`) (`path` null
 *   when it is not knowable from the file: a variable the file does not set, a base stage chosen at
 *   build time);
 * - `relative`: only relative WORKDIRs were set, so the result depends on the base image's WORKDIR.
 */
export type WorkdirBefore = { kind: "unset" } | { kind: "absolute"; path: string | null } | { kind: "relative" };

const WINDOWS_ABSOLUTE = /^(?:[A-Za-z]:)?[\\/]/u;

/**
 * Whether `path` (already resolved) is absolute: `/…` (Linux), and on Windows also `C:\…`, `C:/…`
 * and `\…` (BuildKit `system.IsAbs` for the Windows platform). Drive letters are accepted on every
 * platform: a Linux path never starts with one in practice.
 */
export function isAbsolutePath(path: string): boolean {
  return WINDOWS_ABSOLUTE.test(path);
}

/**
 * The destination of a COPY/ADD as Docker reads it: a word resolved like {@link resolveWordAt}, a JSON
 * string as decoded (null when it holds a variable, which Docker would expand). Null when there is no
 * destination or it cannot be known.
 */
export function resolveCopyDestination(program: DockerfileProgram, node: Copy | Add): string | null {
  const destination = node.destination;
  const stage = stageOf(program, node);
  if (!destination || !stage) return null;
  if (destination.type === "JsonString") return destination.value.includes("$") ? null : destination.value;
  return resolveWordAt(program, stage, node, destination);
}

/** `base` joined with a relative `path` (POSIX separators; `..` and `.` folded). */
function join(base: string, path: string): string {
  const parts = base.split("/");
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length > 1) parts.pop();
    } else parts.push(part);
  }
  const joined = parts.join("/");
  return joined === "" ? "/" : joined;
}

interface WorkdirIndex {
  before: Map<Instruction, WorkdirBefore>;
  atEnd: Map<Stage, WorkdirBefore>;
}

/**
 * The working directory a stage starts with: its base stage's at the end; `/` for scratch (an empty
 * image config, always the root); for a base only known at build time (`FROM base-${TARGETARCH}`),
 * the state shared by every earlier stage whose name the reference can expand to, unknown if they
 * differ; `unset` for an image.
 */
/**
 * A FROM reference with variables as a pattern over stage names: each `$X`/`${…}` can be anything, the
 * rest matches case-insensitively (BuildKit matches stage names so). Matched in linear time by
 * lib/utils/wildcard.ts: a RegExp of `.*`s built from the user's text would backtrack.
 */
function stageNamePattern(raw: string): WildcardToken[] {
  const tokens: WildcardToken[] = [];
  raw.toLowerCase().split(/\$\{[^}]*\}|\$\w+/u).forEach((part, index) => {
    if (index > 0) tokens.push({ kind: "star" });
    for (const codePoint of codePointsOf(part)) tokens.push({ kind: "char", codePoint });
  });
  return simplifyWildcard(tokens);
}

function initialState(program: DockerfileProgram, stage: Stage, atEnd: ReadonlyMap<Stage, WorkdirBefore>): WorkdirBefore {
  const base = getStageGraph(program).baseOf(stage);
  if (base.kind === "stage") return atEnd.get(base.stage) ?? { kind: "unset" };
  if (base.kind === "scratch") return { kind: "absolute", path: "/" };
  if (base.kind === "image" || !stage.from.image) return { kind: "unset" };
  const pattern = stageNamePattern(stage.from.image.raw);
  const candidates = program.stages.slice(0, stage.index).filter((earlier) => earlier.name !== null && wildcardMatches(pattern, earlier.name.toLowerCase()));
  if (candidates.length === 0) return { kind: "unset" };
  const states = candidates.map((candidate) => atEnd.get(candidate) ?? { kind: "unset" as const });
  return states.every((candidate) => candidate.kind === "unset") ? { kind: "unset" } : { kind: "absolute", path: null };
}

function compute(program: DockerfileProgram): WorkdirIndex {
  const before = new Map<Instruction, WorkdirBefore>();
  const atEnd = new Map<Stage, WorkdirBefore>();
  for (const stage of program.stages) {
    let state = initialState(program, stage, atEnd);
    for (const instruction of stage.instructions) {
      before.set(instruction, state);
      if (instruction.type !== "Workdir" || !instruction.path) continue;
      const path = resolveWordAt(program, stage, instruction, instruction.path);
      // A value the file does not determine may well be absolute: stay silent from here on.
      if (path === null) state = { kind: "absolute", path: null };
      else if (isAbsolutePath(path)) state = { kind: "absolute", path: path.startsWith("/") ? join("/", path) : path };
      else if (state.kind === "absolute") state = { kind: "absolute", path: state.path === null || !state.path.startsWith("/") ? null : join(state.path, path) };
      else state = { kind: "relative" };
    }
    atEnd.set(stage, state);
  }
  return { before, atEnd };
}

const cache = new WeakMap<DockerfileProgram, WorkdirIndex>();

/** The working directory in effect before `instruction` (a stage-body instruction); `unset` elsewhere (preamble, ONBUILD triggers). */
export function workdirBefore(program: DockerfileProgram, instruction: Instruction): WorkdirBefore {
  let index = cache.get(program);
  if (!index) {
    index = compute(program);
    cache.set(program, index);
  }
  return index.before.get(instruction) ?? { kind: "unset" };
}

/** The working directory in effect at the end of `stage` (what a container of its image starts in, unless the base image sets one). */
export function workdirAtEnd(program: DockerfileProgram, stage: Stage): WorkdirBefore {
  let index = cache.get(program);
  if (!index) {
    index = compute(program);
    cache.set(program, index);
  }
  return index.atEnd.get(stage) ?? { kind: "unset" };
}
