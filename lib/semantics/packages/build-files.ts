/**
 * Which project files a stage has copied into the image before an instruction: COPY/ADD sources of the
 * stage (and of the stages it is built on) from the build context, and, for a whole-folder COPY
 * (`COPY . .`), the files of the build context that the project model can see on disk (the Dockerfile's
 * folder is the default context). Answers "yes", "no" or "unknown" so rules can stay silent when they
 * cannot know.
 */
import path from "node:path";
import type { Add, Copy, DockerfileProgram, Instruction, Stage } from "../../dockerfile/ast.js";
import { existsIn, isDirectory } from "../../project/project-model.js";
import { segmentMatches } from "../../shell/package-managers/index.js";
import { getStageGraph } from "../stages/stages.js";

export type Copied = "yes" | "no" | "unknown";

function fromContext(instruction: Copy | Add): boolean {
  return !instruction.flags.some((flag) => flag.name === "from");
}

/** The COPY/ADD instructions from the build context that run before `before` in `stage` (ancestors' included). */
function contextCopiesBefore(program: DockerfileProgram, stage: Stage, before: Instruction): (Copy | Add)[] {
  const graph = getStageGraph(program);
  const position = graph.locate(before)?.position ?? Number.POSITIVE_INFINITY;
  const out: (Copy | Add)[] = [];
  for (const ancestor of [...graph.ancestry(stage)].reverse()) {
    ancestor.instructions.forEach((instruction, index) => {
      if (ancestor === stage && index >= position) return;
      if ((instruction.type === "Copy" || instruction.type === "Add") && fromContext(instruction)) out.push(instruction);
    });
  }
  return out;
}

/** A source that copies a whole folder of the context (`.`, `./`, `src/`, `app`), not one named file. */
function isFolderSource(source: string): boolean {
  return source === "." || source === "./" || source.endsWith("/") || !path.posix.basename(source).includes(".");
}

/**
 * Has `fileName` (a base name, `package-lock.json`) been copied into the stage before `before`?
 * "yes": a source names it or a glob matches it (`package*.json`), or a whole-folder COPY copies a
 * context (`contextDir`, when known) that holds it; "no": the context is readable and no source can
 * bring it; "unknown" otherwise.
 *
 * `excluded` says whether a context-relative path is kept out of the context by the build's
 * `.dockerignore` (lib/project/context-exclusions.ts): such a file is not in the context, so neither a
 * glob nor a whole folder brings it (and a COPY that names it fails the build). Omitted: nothing is
 * excluded; null: the `.dockerignore` cannot be read, so no copy from the context is known.
 */
export function fileCopiedBefore(
  program: DockerfileProgram,
  stage: Stage,
  before: Instruction,
  fileName: string,
  contextDir: string | null,
  excluded: ((relativePath: string) => boolean) | null = () => false,
): Copied {
  const readable = contextDir !== null && isDirectory(contextDir);
  let unknown = false;
  for (const copy of contextCopiesBefore(program, stage, before)) {
    for (const source of copy.sources) {
      const value = source.value;
      if (value.includes("$")) {
        unknown = true;
        continue;
      }
      const folder = isFolderSource(value);
      const inContext = folder ? path.posix.join(value, fileName) : path.posix.join(path.posix.dirname(value), fileName);
      if (!folder && !segmentMatches(path.posix.basename(value), fileName)) continue;
      if (excluded === null) {
        unknown = true;
        continue;
      }
      if (excluded(inContext.replace(/^\/+/u, ""))) continue;
      if (!folder) return "yes";
      if (!readable) unknown = true;
      else if (existsIn(path.join(contextDir, value), fileName)) return "yes";
    }
  }
  return unknown || !readable ? "unknown" : "no";
}
