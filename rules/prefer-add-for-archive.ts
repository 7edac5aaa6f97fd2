import type { Copy, DockerfileProgram, PathArgument, Stage } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { runShellOf } from "../lib/languages/dockerfile/visitors.js";
import type { ShellCommand } from "../lib/shell/model.js";
import { unwrappedCommand } from "../lib/shell/unwrapped.js";
import { createRule } from "../lib/utils/create-rule.js";

/**
 * Local archives ADD unpacks into its destination: tar, uncompressed or compressed with gzip, bzip2,
 * xz or zstd (Dockerfile reference, ADD: "local tar archive … recognized compression format
 * (identity, gzip, bzip2 or xz)"; BuildKit unpacks through moby's `archive.DecompressStream`, which
 * also detects zstd). ADD does not unpack zip files.
 */
const TAR_ARCHIVE = /\.(?:tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst)$/iu;

function basename(path: string): string {
  return path.replace(/["']/gu, "").split(/[/\\]/u).at(-1) ?? path;
}

/** Whether a shell command extracts a tar archive (`tar -xzf`, `tar xf`, `tar --extract`) whose operands name `archive` (by file name, as hadolint matches). */
function extractsArchive(command: ShellCommand, archive: string): boolean {
  const unwrapped = unwrappedCommand(command);
  if (unwrapped.baseName !== "tar" && unwrapped.baseName !== "bsdtar") return false;
  const values = unwrapped.args.map((word) => word.value ?? word.raw);
  const first = values[0] ?? "";
  // tar's traditional form takes its first word as letters without a dash (`tar xzf file`).
  const extracts = values.some((value) => value === "--extract" || value === "--get" || (/^-[A-Za-z]+$/u.test(value) && value.includes("x"))) || (/^[A-Za-z]+$/u.test(first) && first.includes("x"));
  return extracts && values.some((value) => basename(value.startsWith("--file=") ? value.slice("--file=".length) : value) === archive);
}

export default createRule<DockerfileRuleTypes<[], "copyThenExtract">>("prefer-add-for-archive", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Prefer ADD for a local tar archive that a later RUN only extracts, so the archive is not stored in a layer",
      category: "run",
      config: "strict",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3010"],
    },
    schema: [],
    messages: {
      copyThenExtract:
        "'{{archive}}' is copied in and then extracted by the RUN at line {{line}}: the archive stays in the COPY's layer next to its extracted files. `ADD {{source}} <folder>` extracts a local tar archive itself and stores only the files.",
    },
  },
  create(context) {
    function check(program: DockerfileProgram, stage: Stage): void {
      const copies: { copy: Copy; source: PathArgument; archive: string }[] = [];
      for (const instruction of stage.instructions) {
        if (instruction.type === "Copy" && !instruction.flags.some((flag) => flag.name === "from") && instruction.heredocs.length === 0 && instruction.destination) {
          const destination = instruction.destination.value;
          for (const source of instruction.sources) {
            if (!TAR_ARCHIVE.test(source.value) || source.value.includes("://")) continue;
            // `COPY app.tgz /opt/app.tgz` renames it; `COPY app.tgz /opt/` keeps the name.
            const archive = TAR_ARCHIVE.test(destination) && instruction.sources.length === 1 ? basename(destination) : basename(source.value);
            copies.push({ copy: instruction, source, archive });
          }
          continue;
        }
        if (instruction.type !== "Run" || copies.length === 0) continue;
        const script = runShellOf(program, instruction)?.script;
        if (!script) continue;
        for (let index = copies.length - 1; index >= 0; index--) {
          const candidate = copies[index]!;
          if (!script.commands.some((command) => extractsArchive(command, candidate.archive))) continue;
          context.report({
            loc: candidate.source.loc,
            messageId: "copyThenExtract",
            data: { archive: candidate.archive, line: String(instruction.loc.start.line), source: candidate.source.value },
          });
          copies.splice(index, 1);
        }
      }
    }
    return {
      Program(program: DockerfileProgram) {
        for (const stage of program.stages) check(program, stage);
      },
    };
  },
});
