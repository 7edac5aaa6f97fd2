/**
 * The POSIX RUN bodies of the shared corpus (`../shared/corpus/dockerfiles`), as the runtime sees them
 * (`posixShellText`: exec form, non-POSIX SHELLs, Windows stages and non-shell heredocs left out).
 * Returns null when the corpus is absent (tests then skip with a printed reason).
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseDockerfile } from "../../lib/dockerfile/parse.js";
import type { DockerfileProgram, Run } from "../../lib/dockerfile/ast.js";
import { posixShellText } from "../../lib/semantics/run/run-shell.js";
import type { ShellText } from "../../lib/shell/shell-text.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const corpusDockerfiles = path.resolve(repoRoot, "../shared/corpus/dockerfiles");

export interface CorpusBody {
  /** Path relative to the corpus's `dockerfiles/` folder. */
  file: string;
  /** 1-based line of the RUN. */
  line: number;
  shell: ShellText;
  /** The file's AST and the RUN, for questions about its stage (its shell, its variables). */
  program: DockerfileProgram;
  run: Run;
}

/** Every file under `dir`, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const p = path.join(dir, entry);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out.sort();
}

export function corpusRunBodies(): CorpusBody[] | null {
  if (!existsSync(corpusDockerfiles)) return null;
  const bodies: CorpusBody[] = [];
  for (const file of listFiles(corpusDockerfiles)) {
    const source = readFileSync(file, "utf8");
    const result = parseDockerfile(source);
    if (!result.ok) continue;
    for (const stage of result.ast.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.type !== "Run") continue;
        const shell = posixShellText(result.ast, instruction);
        if (!shell) continue;
        bodies.push({
          file: path.relative(corpusDockerfiles, file),
          line: source.slice(0, instruction.range[0]).split("\n").length,
          shell,
          program: result.ast,
          run: instruction,
        });
      }
    }
  }
  return bodies;
}
