import type { Arg, ArgDeclaration, DockerfileProgram, Instruction, Run, Stage } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { runShellOf } from "../lib/languages/dockerfile/visitors.js";
import { getStageGraph } from "../lib/semantics/stages/stages.js";
import { ENVIRONMENT_BLIND_COMMANDS, isToolEnvironmentName } from "../lib/semantics/variables/tool-environment.js";
import { unwrappedCommand } from "../lib/shell/unwrapped.js";
import { createRule } from "../lib/utils/create-rule.js";

/**
 * The words of a text (maximal runs of `\w`): an ARG's name among them is a mention as a whole word
 * (`$NAME`, `${NAME:-x}`, `printenv NAME`, another `ARG NAME`), and any mention counts as a read.
 */
function wordsOf(text: string): Set<string> {
  return new Set(text.match(/\w+/gu) ?? []);
}

/** A name `wordsOf` can return: one run of `\w`. */
const WORD = /^\w+$/u;
/** Above this many names, a file's ARG names are found among all its words instead of by one alternation. */
const MAX_ALTERNATIVES = 64;

/**
 * Whether a RUN may read variables it does not name: a command outside the environment-blind ones (a
 * script, a compiler, a package install), an exec-form or non-POSIX RUN, an indirect `${!name}`.
 */
function readsUnnamed(program: DockerfileProgram, run: Run, text: string): boolean {
  if (text.includes("${!")) return true;
  const script = runShellOf(program, run)?.script ?? null;
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
          const start = instruction.range[0] - instruction.loc.start.column;
          const newline = sourceCode.text.indexOf("\n", instruction.range[1]);
          return fixer.removeRange([start, newline === -1 ? sourceCode.text.length : newline + 1]);
        } }] : [],
      });
    }

    /** `ARG A=1 B=${A}`: a later declaration's default on the same line reads it. */
    function readLater(instruction: Arg, declaration: ArgDeclaration): boolean {
      const rest = instruction.args.slice(instruction.args.indexOf(declaration) + 1);
      return rest.some((other) => other.defaultValue !== null && wordsOf(sourceCode.text.slice(other.defaultValue.range[0], other.defaultValue.range[1])).has(declaration.name));
    }

    return {
      Program() {
        // Only the declared names are ever looked up: each instruction's mentions of them (whole `\w+`
        // words, as `wordsOf` reads them), not every word of the file. A file without ARG costs nothing.
        const names = new Set<string>();
        for (const instruction of program.preamble) if (instruction.type === "Arg") for (const declaration of instruction.args) names.add(declaration.name);
        for (const stage of program.stages) for (const instruction of stage.instructions) if (instruction.type === "Arg") for (const declaration of instruction.args) names.add(declaration.name);
        if (names.size === 0) return;
        const searched = [...names].filter((name) => WORD.test(name));
        // An alternation of the names while they are few (a regular expression tries each alternative at
        // each position), else every word filtered by the names.
        const mention = searched.length === 0 ? null : searched.length <= MAX_ALTERNATIVES ? new RegExp(`(?<!\\w)(?:${searched.join("|")})(?!\\w)`, "gu") : /\w+/gu;
        const mentions = new Map<Instruction, Set<string>>();
        const wordsAt = (instruction: Instruction): Set<string> => {
          let found = mentions.get(instruction);
          if (!found) {
            found = new Set();
            for (const word of mention === null ? [] : text(instruction).match(mention) ?? []) if (names.has(word)) found.add(word);
            mentions.set(instruction, found);
          }
          return found;
        };
        /** Per stage: the last position each name appears at, the last RUN that may read unnamed variables, and every name its FROM and body mention. */
        const summaries = new Map<Stage, { lastMention: Map<string, number>; lastOpaqueRun: number; all: Set<string> }>();
        const summaryOf = (stage: Stage) => {
          let summary = summaries.get(stage);
          if (summary) return summary;
          const lastMention = new Map<string, number>();
          const all = new Set(wordsAt(stage.from));
          let lastOpaqueRun = -1;
          stage.instructions.forEach((instruction, index) => {
            for (const word of wordsAt(instruction)) {
              lastMention.set(word, index);
              all.add(word);
            }
            if (instruction.type === "Run" && readsUnnamed(program, instruction, text(instruction))) lastOpaqueRun = index;
          });
          summaries.set(stage, (summary = { lastMention, lastOpaqueRun, all }));
          return summary;
        };
        // Global ARGs: read by a FROM line, a later global ARG's default, or a stage that declares it again.
        const globalReaders = new Map<string, number>();
        program.preamble.forEach((instruction, index) => {
          for (const word of wordsAt(instruction)) globalReaders.set(word, index);
        });
        const stageReaders = new Set<string>();
        for (const stage of program.stages) {
          for (const word of wordsAt(stage.from)) stageReaders.add(word);
          for (const instruction of stage.instructions) if (instruction.type === "Arg") for (const declaration of instruction.args) stageReaders.add(declaration.name);
        }
        program.preamble.forEach((instruction, index) => {
          if (instruction.type !== "Arg") return;
          for (const declaration of instruction.args) {
            const name = declaration.name;
            if (isToolEnvironmentName(name) || stageReaders.has(name) || (globalReaders.get(name) ?? -1) > index || readLater(instruction, declaration)) continue;
            report(instruction, declaration, "no FROM line uses it and no stage declares it again (a stage body sees a global ARG only through its own `ARG NAME`)");
          }
        });
        // Stage ARGs: read by anything after them in the stage, or in the stages built on it.
        for (const stage of program.stages) {
          if (!stage.instructions.some((instruction) => instruction.type === "Arg")) continue;
          const own = summaryOf(stage);
          const inheritors = heirs(program, stage).filter((other) => other !== stage).map(summaryOf);
          // Any program of a later RUN may read an ARG from its environment by name.
          const heirsOpaque = inheritors.some((other) => other.lastOpaqueRun >= 0);
          stage.instructions.forEach((instruction, index) => {
            if (instruction.type !== "Arg" || heirsOpaque || own.lastOpaqueRun > index) return;
            for (const declaration of instruction.args) {
              const name = declaration.name;
              if (isToolEnvironmentName(name) || (own.lastMention.get(name) ?? -1) > index || readLater(instruction, declaration) || inheritors.some((other) => other.all.has(name))) continue;
              const next = program.stages[stage.index + 1];
              const beforeFrom = index === stage.instructions.length - 1 && next !== undefined && wordsAt(next.from).has(name);
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
