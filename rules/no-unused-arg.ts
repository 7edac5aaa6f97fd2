import type { Arg, ArgDeclaration, DockerfileProgram, Instruction, Run, Stage } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { runShellScript } from "../lib/semantics/run-shell.js";
import { getStageGraph } from "../lib/semantics/stages.js";
import { ENVIRONMENT_BLIND_COMMANDS, isToolEnvironmentName } from "../lib/semantics/tool-environment.js";
import { unwrappedCommand } from "../lib/shell/unwrapped.js";
import { createRule } from "../lib/utils/create-rule.js";

/** `name` as a whole word of `text` (`$NAME`, `${NAME:-x}`, `printenv NAME`, `ARG NAME`): any mention counts as a read. */
function mentions(text: string, name: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(name, from);
    if (at === -1) return false;
    const before = at === 0 ? "" : text[at - 1]!;
    const after = text[at + name.length] ?? "";
    if (!/\w/u.test(before) && !/\w/u.test(after)) return true;
    from = at + 1;
  }
}

/**
 * Whether a RUN may read variables it does not name: a command outside the environment-blind ones (a
 * script, a compiler, a package install), an exec-form or non-POSIX RUN, an indirect `${!name}`.
 */
function readsUnnamed(program: DockerfileProgram, run: Run, text: string): boolean {
  if (text.includes("${!")) return true;
  const script = runShellScript(program, run);
  if (!script) return true;
  return script.commands.some((command) => {
    if (command.name === null) return false;
    const name = unwrappedCommand(command).baseName;
    return name === null || !ENVIRONMENT_BLIND_COMMANDS.has(name);
  });
}

/** The stages whose bodies may see what `stage` declares: itself and those built on it (all, when a FROM is only known at build time). */
function heirs(program: DockerfileProgram, stage: Stage): Stage[] {
  const graph = getStageGraph(program);
  return program.stages.filter((other) => other === stage || graph.ancestry(other).includes(stage) || graph.baseOf(other).kind === "unknown");
}

export default createRule<DockerfileRuleTypes<[], "unused" | "remove">>("no-unused-arg", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow an ARG that no later instruction, RUN script or stage reads",
      category: "hygiene",
      config: "strict",
      fileKinds: ["dockerfile"],
      peers: [],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      unused: "ARG `{{name}}` is never read: {{where}}. A `--build-arg {{name}}=…` changes nothing; remove the declaration or use it.",
      remove: "Remove `ARG {{name}}`.",
    },
  },
  create(context) {
    const { sourceCode } = context;
    const program = sourceCode.ast;
    const text = (instruction: Instruction): string => sourceCode.text.slice(instruction.range[0], instruction.range[1]);

    function report(instruction: Arg, declaration: ArgDeclaration, where: string): void {
      const line = sourceCode.lines[instruction.loc.start.line - 1] ?? "";
      const whole = instruction.args.length === 1 && instruction.loc.start.line === instruction.loc.end.line && line.trim() === text(instruction);
      context.report({
        loc: { start: sourceCode.getLocFromIndex(declaration.nameRange[0]), end: sourceCode.getLocFromIndex(declaration.nameRange[1]) },
        messageId: "unused",
        data: { name: declaration.name, where },
        suggest: whole ? [{ messageId: "remove", data: { name: declaration.name }, fix: (fixer) => {
          const start = instruction.range[0] - (instruction.loc.start.column);
          const newline = sourceCode.text.indexOf("\n", instruction.range[1]);
          return fixer.removeRange([start, newline === -1 ? sourceCode.text.length : newline + 1]);
        } }] : [],
      });
    }

    return {
      Program() {
        // Global ARGs: read by a FROM line, a later global ARG's default, or a stage that declares it again.
        program.preamble.forEach((instruction, index) => {
          if (instruction.type !== "Arg") return;
          const later = [...program.preamble.slice(index + 1), ...program.stages.flatMap((stage) => [stage.from, ...stage.instructions.filter((each) => each.type === "Arg")])];
          for (const declaration of instruction.args) {
            if (isToolEnvironmentName(declaration.name)) continue;
            if (later.some((each) => mentions(text(each), declaration.name))) continue;
            report(instruction, declaration, "no FROM line uses it and no stage declares it again (a stage body sees a global ARG only through its own `ARG NAME`)");
          }
        });
        // Stage ARGs: read by anything after them in the stage, or in the stages built on it.
        for (const stage of program.stages) {
          const inheritors = heirs(program, stage).filter((other) => other !== stage);
          stage.instructions.forEach((instruction, index) => {
            if (instruction.type !== "Arg") return;
            const after = [...stage.instructions.slice(index + 1), ...inheritors.flatMap((other) => [other.from, ...other.instructions])];
            // Any program of a later RUN may read the ARG from its environment by name.
            const opaque = after.some((each) => each.type === "Run" && readsUnnamed(program, each, text(each)));
            if (opaque) return;
            for (const declaration of instruction.args) {
              if (isToolEnvironmentName(declaration.name)) continue;
              if (after.some((each) => mentions(text(each), declaration.name))) continue;
              const next = program.stages[stage.index + 1];
              const beforeFrom = index === stage.instructions.length - 1 && next !== undefined && mentions(text(next.from), declaration.name);
              report(instruction, declaration, beforeFrom
                ? "the FROM after it sees only global ARGs (declared before the first FROM), not this stage's"
                : "no later instruction of this stage, and no stage built on it, names it");
            }
          });
        }
      },
    };
  },
});
