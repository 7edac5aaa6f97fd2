/**
 * The secret files a build context holds (`.env`, private keys, registry and cloud credentials: the
 * one table in `secret-files.ts`), and whether a file a stage copies from the context reaches the
 * image a build ships. Read by no-secret-in-context.
 *
 * The context is walked with the build-context model's bounded listing (`listContext`: 20,000 entries,
 * 12 levels, `node_modules` and `.git` not entered). A file whose name says "maybe" (`.npmrc`, `*.pem`,
 * `credentials`, any `*.json` for a service-account key) is read to tell, through a FileCache (once per
 * file version), and only when it is at most {@link MAX_READ_BYTES}; only its first
 * {@link KEPT_CHARS} characters are kept and judged. A file that cannot be read is not a finding.
 */
import path from "node:path";
import type { Add, Copy, DockerfileProgram, Stage } from "../../dockerfile/ast.js";
import { createIgnoreMatcherFromText } from "../../dockerignore/index.js";
import { dockerignoreOfBuild, listContext, type BuildOfDockerfile } from "../../project/build-contexts.js";
import { FileCache } from "../../project/file-cache.js";
import { FreshCache, pathFacts } from "../../project/fs-snapshot.js";
import { resolvedPath } from "../../project/resolved-path.js";
import { contextSecretKind, type SecretFileKind } from "./secret-files.js";
import { unwrappedCommand } from "../../shell/unwrapped.js";
import { runShellScript } from "../run/run-shell.js";
import { stageReferences } from "../stages/stage-references.js";
import { getStageGraph } from "../stages/stages.js";
import { argumentValue } from "../variables/word-value.js";
import { resolveCopyDestination, workdirBefore } from "../files/workdir.js";

/** Files larger than this are not read (a credentials file is a few KB; a large `.json` is data). */
const MAX_READ_BYTES = 256 * 1024;
/** What is kept of a file read: every marker the table looks for sits at its top. */
const KEPT_CHARS = 16 * 1024;
/** A `*.json` is read only up to this size: a service-account key is about 2 KB, bigger JSON is data. */
const MAX_JSON_BYTES = 32 * 1024;
/** At most this many files of one context are read (each `*.json` is a candidate service-account key). */
const MAX_READS_PER_CONTEXT = 1000;

const heads = new FileCache<string>((text) => text.slice(0, KEPT_CHARS), 1024);

const rejected = new FileCache<boolean>((text) => (createIgnoreMatcherFromText(text)?.invalid.length ?? 0) > 0);

/**
 * Whether the `.dockerignore` a build reads has a pattern Docker rejects: such a build fails before
 * anything is copied (valid-dockerignore reports the pattern), so it ships nothing.
 */
export function buildFailsOnDockerignore(build: Pick<BuildOfDockerfile, "context" | "dockerfile">): boolean {
  return rejected.get(dockerignoreOfBuild(build).path) === true;
}

/** One secret file of a build context. */
export interface ContextSecret {
  /** Relative to the context, `/`-separated. */
  path: string;
  kind: SecretFileKind;
}

function readHead(file: string): string | null {
  const facts = pathFacts(file);
  if (facts.kind !== "file" || facts.size > (/\.json$/iu.test(file) ? MAX_JSON_BYTES : MAX_READ_BYTES)) return null;
  return heads.get(file);
}

function findSecrets(contextDir: string): ContextSecret[] | null {
  const entries = listContext(contextDir);
  if (entries === null) return null;
  const found: ContextSecret[] = [];
  let reads = 0;
  for (const entry of entries) {
    if (entry.isDir) continue;
    const kind = contextSecretKind(entry.path, () => (reads++ < MAX_READS_PER_CONTEXT ? readHead(path.join(contextDir, entry.path)) : null));
    if (kind) found.push({ path: entry.path, kind });
  }
  return found;
}

/**
 * Every Dockerfile of a context asks the same question: answered once per file-system window, and
 * reused in later windows while no folder listed nor file read for it changed (one stat of each).
 */
const secretsNear = new FreshCache<ContextSecret[] | null>(1024, { revalidate: true });

/** The secret files of a build context folder (absolute), in listing order; null when the folder cannot be read. */
export function secretsInContext(contextDir: string): readonly ContextSecret[] | null {
  return secretsNear.get(resolvedPath(contextDir), findSecrets);
}

/** `/`-rooted, cleaned (POSIX). */
function rooted(value: string): string {
  return path.posix.normalize(`/${value}`).replace(/(.)\/+$/u, "$1");
}

/**
 * Where a COPY/ADD puts its sources in the stage's file system: the destination made absolute with the
 * working directory. Null when it cannot be known (a variable the file does not set, a relative
 * destination on a base image whose WORKDIR we cannot see).
 */
export function absoluteDestination(program: DockerfileProgram, node: Copy | Add): string | null {
  const destination = resolveCopyDestination(program, node);
  if (destination === null) return null;
  if (destination.startsWith("/")) return rooted(destination);
  const workdir = workdirBefore(program, node);
  if (workdir.kind !== "absolute" || workdir.path === null || !workdir.path.startsWith("/")) return null;
  return rooted(path.posix.join(workdir.path, destination));
}

const MAX_HOPS = 4;

const deleting = new WeakMap<Stage, boolean>();

/** Whether a stage's RUNs delete files (`rm`, `unlink`, `shred`, `find … -delete`). */
function deletesFiles(program: DockerfileProgram, stage: Stage): boolean {
  let known = deleting.get(stage);
  if (known === undefined) {
    known = stage.instructions.some((instruction) => {
      if (instruction.type !== "Run") return false;
      const script = runShellScript(program, instruction);
      if (!script) return true;
      return script.commands.some((command) => {
        const name = unwrappedCommand(command).baseName;
        return name === "rm" || name === "unlink" || name === "shred" || (name === "find" && command.args.some((arg) => arg.value === "-delete"));
      });
    });
    deleting.set(stage, known);
  }
  return known;
}

/**
 * Whether the file at absolute path `file` of `stage` ends up in the image whose stages are `shipped`
 * (the produced stage and the stages it is built FROM): `stage` is one of them, or a stage built on it
 * is read by a `COPY --from` whose source (a plain path, no glob) is the file or a folder above it,
 * into a stage that (in turn, at most four hops) ships it. Anything that cannot be followed (a glob or
 * variable in the source, an unknown destination) is "no": the caller stays silent.
 */
export function fileReachesImage(program: DockerfileProgram, stage: Stage, file: string, shipped: ReadonlySet<Stage>, filename?: string, hops = 0): boolean {
  if (shipped.has(stage)) return true;
  if (hops >= MAX_HOPS) return false;
  const graph = getStageGraph(program);
  for (const reference of stageReferences(program, filename)) {
    if (reference.site !== "copy-from" || reference.target.kind !== "stage") continue;
    const chain = graph.ancestry(reference.target.stage);
    if (!chain.includes(stage)) continue;
    // A builder that deletes files before they are copied out may have deleted this one: only the
    // copied-out layers' contents count, so stay silent rather than guess what `rm` removed.
    if (chain.slice(0, chain.indexOf(stage) + 1).some((member) => deletesFiles(program, member))) continue;
    const copy = reference.instruction;
    if (copy.type !== "Copy" && copy.type !== "Add") continue;
    const destination = absoluteDestination(program, copy);
    if (destination === null) continue;
    const single = copy.sources.length === 1 && !(copy.destination?.type === "Word" ? copy.destination.value : copy.destination?.value ?? "").endsWith("/");
    for (const source of copy.sources) {
      const value = argumentValue(program, copy, source);
      if (value === null || /[*?[\\]/u.test(value)) continue;
      const from = rooted(value);
      const inside = from === "/" ? file : file === from ? "" : file.startsWith(`${from}/`) ? file.slice(from.length) : null;
      if (inside === null) continue;
      // A folder's contents land in the destination; a file lands on it, or in it when it is a folder.
      const landed = inside !== "" ? rooted(`${destination}${inside}`) : single ? destination : rooted(`${destination}/${path.posix.basename(file)}`);
      if (fileReachesImage(program, reference.stage, landed, shipped, filename, hops + 1)) return true;
    }
  }
  return false;
}
