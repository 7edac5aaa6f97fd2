/**
 * Which project files a stage has copied into the image before an instruction: COPY/ADD sources of the
 * stage (and of the stages it is built on) from the build context, and, for a whole-folder COPY
 * (`COPY . .`), the files of the build context that the project model can see on disk (the Dockerfile's
 * folder is the default context). Answers "yes", "no" or "unknown" so rules can stay silent when they
 * cannot know.
 */
import path from "node:path";
import type { Add, Copy, DockerfileProgram, Instruction, Stage } from "../dockerfile/ast.js";
import { existsIn, isDirectory } from "../project/project-model.js";
import { segmentMatches } from "../shell/package-managers/index.js";
import { getStageGraph } from "./stages.js";

export type Copied = "yes" | "no" | "unknown";

function fromContext(instruction: Copy | Add): boolean {
  return !instruction.flags.some((flag) => flag.name === "from");
}

/** The COPY/ADD instructions from the build context that run before `before` in `stage` (ancestors' included). */
export function contextCopiesBefore(program: DockerfileProgram, stage: Stage, before: Instruction): (Copy | Add)[] {
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
 */
export function fileCopiedBefore(program: DockerfileProgram, stage: Stage, before: Instruction, fileName: string, contextDir: string | null): Copied {
  const readable = contextDir !== null && isDirectory(contextDir);
  let unknown = false;
  for (const copy of contextCopiesBefore(program, stage, before)) {
    for (const source of copy.sources) {
      const value = source.value;
      if (value.includes("$")) {
        unknown = true;
        continue;
      }
      if (segmentMatches(path.posix.basename(value), fileName) && !isFolderSource(value)) return "yes";
      if (isFolderSource(value)) {
        if (!readable) unknown = true;
        else if (existsIn(path.join(contextDir, value), fileName)) return "yes";
      }
    }
  }
  return unknown || !readable ? "unknown" : "no";
}
