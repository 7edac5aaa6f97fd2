/**
 * What a COPY/ADD source names in a build context, for the cross-file rules that ask whether the
 * context (after its `.dockerignore`) holds it. Sources are read as BuildKit reads them
 * (dockerfile2llb `dispatchCopy`): the processed word, cleaned (`./a/` → `a`, `/a` → `a`: sources are
 * relative to the context root whatever the WORKDIR), `.`/`/` for the whole context; URLs and Git
 * references are not context paths. A source with a `*`, `?` or `[` is a pattern that BuildKit matches
 * against the context's paths (Go `filepath.Match`, one name per `*`).
 */
import type { Add, Copy, DockerfileProgram, PathArgument } from "../../dockerfile/ast.js";
import { goClean } from "../../dockerignore/go-path.js";
import { classifyAddSource, isRemoteUrl } from "./add-sources.js";
import { argumentValue } from "../variables/word-value.js";

/** One source of a COPY/ADD that reads the build context. */
export interface ContextSource {
  node: PathArgument;
  /** The processed value, as written after variable substitution. */
  value: string;
  /** `root`: the whole context; `path`: one file or folder; `glob`: a wildcard pattern. */
  kind: "root" | "path" | "glob";
  /** The cleaned, context-relative path or pattern (`""` for the root). */
  path: string;
}

/**
 * Whether a COPY/ADD reads the main build context: not `COPY --from` (a stage, an image or a named
 * context), not inside ONBUILD (the trigger runs in another build, with another context).
 */
function readsBuildContext(instruction: Copy | Add): boolean {
  if (instruction.flags.some((flag) => flag.name === "from")) return false;
  return instruction.parent?.type !== "Onbuild";
}

/**
 * The context sources of a COPY/ADD (see the module comment). A source whose value depends on a
 * variable the file does not fix is left out (unknown), and so are URLs, Git references and paths
 * that leave the context (`..`).
 */
export function contextSources(program: DockerfileProgram, instruction: Copy | Add): ContextSource[] {
  if (!readsBuildContext(instruction)) return [];
  const sources: ContextSource[] = [];
  for (const node of instruction.sources) {
    const value = argumentValue(program, instruction, node);
    if (value === null || value === "") continue;
    if (isRemoteUrl(value) || (instruction.type === "Add" && classifyAddSource(value) === "git")) continue;
    // `COPY --parents a/./b`: the part after `/./` keeps its parents; the context path is the same.
    let cleaned = goClean(value.replace(/\/\.\//gu, "/"));
    while (cleaned.startsWith("/")) cleaned = cleaned.slice(1);
    if (cleaned === "" || cleaned === ".") {
      sources.push({ node, value, kind: "root", path: "" });
      continue;
    }
    // `..` cannot leave the context; how a builder reads it is not modelled: unknown.
    if (cleaned === ".." || cleaned.startsWith("../")) continue;
    sources.push({ node, value, kind: /[*?[]/u.test(cleaned) ? "glob" : "path", path: cleaned });
  }
  return sources;
}
