import type { From, Instruction, Run, Stage, VariableReference } from "../lib/dockerfile/ast.js";
import { evaluateWord } from "../lib/dockerfile/variables.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { closestName } from "../lib/semantics/variables/spelling.js";
import { AUTOMATIC_PLATFORM_ARGS, getStageGraph } from "../lib/semantics/stages/stages.js";
import { PREDEFINED_PROXY_ARGS, declaredNames, inheritedScope } from "../lib/semantics/variables/variable-scope.js";
import { runShellOf } from "../lib/languages/dockerfile/visitors.js";
import { posixShellText } from "../lib/semantics/run/run-shell.js";
import { mayWrite, mayWriteAnything, parameterReferences } from "../lib/shell/parameter-references.js";
import { createRule } from "../lib/utils/create-rule.js";
import { locOfRange } from "../lib/utils/range-loc.js";

type MessageId =
  | "undefinedVar"
  | "undefinedVarUnlessBase"
  | "typo"
  | "globalArgNotInStage"
  | "platformArgNotInStage"
  | "undefinedArgInFrom"
  | "invalidDefaultArgInFrom"
  | "invalidDefaultValueInFrom"
  | "runGlobalArg"
  | "runPlatformArg"
  | "runOtherStageArg";

/** Modifiers that say what to do when the variable is unset (`${A:-default}`, `${A:?message}`): using an unset one is deliberate. */
const HANDLES_UNSET: ReadonlySet<string> = new Set([":-", "-", ":+", "+", ":?", "?"]);

/** A platform for evaluating FROM lines: what the automatic platform ARGs hold on a linux/amd64 build. */
const SAMPLE_PLATFORM: Readonly<Record<string, string>> = {
  TARGETPLATFORM: "linux/amd64",
  TARGETOS: "linux",
  TARGETARCH: "amd64",
  TARGETVARIANT: "",
  BUILDPLATFORM: "linux/amd64",
  BUILDOS: "linux",
  BUILDARCH: "amd64",
  BUILDVARIANT: "",
};

/** PATH is in every image's config, and BuildKit gives images without one the default PATH. */
const ALWAYS_SET: ReadonlySet<string> = new Set(["PATH"]);

const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * A valid image reference or stage name (distribution/reference grammar, simplified to what an
 * empty substitution breaks: an empty name, a trailing `:`/`@`/`/`, a tag starting with `-` or `.`).
 */
const REFERENCE = /^(?:[\w.-]+(?::\d+)?\/)?[a-z\d]+(?:(?:[._]|__|-+)[a-z\d]+)*(?:\/[a-z\d]+(?:(?:[._]|__|-+)[a-z\d]+)*)*(?::\w[\w.-]{0,127})?(?:@[a-z][a-z\d]*(?:[+._-][a-z][a-z\d]*)*:[\da-f]{32,})?$/iu;

/** The references of an instruction that Docker itself expands (not RUN/CMD/ENTRYPOINT bodies, not ONBUILD triggers). */
function expandedReferences(instruction: Instruction): VariableReference[] {
  const references: VariableReference[] = [];
  // HEALTHCHECK options are not expanded (BuildKit reads them as written); ONBUILD triggers expand in a later build.
  if (instruction.type === "Healthcheck" || instruction.type === "Onbuild") return references;
  for (const flag of instruction.flags) if (flag.value) references.push(...flag.value.variables);
  switch (instruction.type) {
    case "Copy":
    case "Add":
      for (const argument of [...instruction.sources, instruction.destination]) if (argument?.type === "Word") references.push(...argument.variables);
      break;
    case "Env":
    case "Label":
      for (const pair of instruction.pairs) references.push(...pair.key.variables, ...(pair.value?.variables ?? []));
      break;
    case "Arg":
      for (const declaration of instruction.args) references.push(...(declaration.defaultValue?.variables ?? []));
      break;
    case "User":
      references.push(...(instruction.user?.variables ?? []), ...(instruction.group?.variables ?? []));
      break;
    case "Workdir":
      references.push(...(instruction.path?.variables ?? []));
      break;
    case "Expose":
      for (const port of instruction.ports) references.push(...port.variables);
      break;
    case "Volume":
      for (const path of instruction.paths) if (path.type === "Word") references.push(...path.variables);
      break;
    case "StopSignal":
      references.push(...(instruction.signal?.variables ?? []));
      break;
    default:
      break;
  }
  return references.filter((reference) => /^[A-Za-z_]\w*$/u.test(reference.name) && (reference.modifier === null || !HANDLES_UNSET.has(reference.modifier)));
}

export default createRule<DockerfileRuleTypes<[], MessageId>>("no-undefined-variable", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow `$VAR` in Dockerfile instructions when no ARG or ENV in scope sets it",
      category: "environment",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["BuildKit InvalidDefaultArgInFrom", "BuildKit UndefinedArgInFrom", "BuildKit UndefinedVar", "SonarQube S6579", "ShellCheck SC2154"],
    },
    schema: [],
    messages: {
      undefinedVar: "'${{name}}' is not set here (no ARG or ENV before this line, and the base image has no environment): Docker expands it to an empty string.",
      undefinedVarUnlessBase:
        "'${{name}}' is not set by any ARG or ENV before this line: unless the base image's ENV sets it, Docker expands it to an empty string.",
      typo: "'${{name}}' is not set by any ARG or ENV before this line: did you mean ${{suggestion}}?",
      globalArgNotInStage:
        "'${{name}}' is a global ARG (declared before the first FROM), which only FROM lines see: declare 'ARG {{name}}' in this stage to use it here.",
      platformArgNotInStage: "'${{name}}' is an automatic platform ARG, which only FROM lines see: declare 'ARG {{name}}' in this stage to use it here.",
      undefinedArgInFrom: "FROM uses '${{name}}', which no ARG before the first FROM declares{{hint}}: Docker expands it to an empty string.",
      invalidDefaultArgInFrom:
        "With the ARG defaults, this FROM names '{{image}}', which is not a valid image: give {{names}} a default, or always pass --build-arg.",
      invalidDefaultValueInFrom:
        "With the ARG defaults, this FROM names '{{image}}', which is not a valid image reference: fix the default of {{names}} (BuildKit: InvalidDefaultArgInFrom).",
      runGlobalArg:
        "'${{name}}' is a global ARG (declared before the first FROM), which a RUN does not get: declare 'ARG {{name}}' in this stage, or the shell sees the base image's value or nothing, never the ARG's.",
      runPlatformArg: "'${{name}}' is an automatic platform ARG, which a RUN gets only when the stage declares 'ARG {{name}}': here the shell sees it unset.",
      runOtherStageArg: "'${{name}}' is an ARG of another stage, which this stage does not get: declare 'ARG {{name}}' in this stage, or the shell sees it unset.",
    },
  },
  create(context) {
    const { sourceCode } = context;
    const program = sourceCode.ast;
    const graph = getStageGraph(program);
    const globalNames = new Set(graph.globalArgs.keys());

    function checkFrom(from: From): void {
      const references = expandedReferences(from);
      if (from.image) references.push(...from.image.variables.filter((reference) => reference.modifier === null || !HANDLES_UNSET.has(reference.modifier)));
      for (const reference of references) {
        if (!/^[A-Za-z_]\w*$/u.test(reference.name)) continue;
        if (globalNames.has(reference.name) || AUTOMATIC_PLATFORM_ARGS.has(reference.name) || PREDEFINED_PROXY_ARGS.has(reference.name)) continue;
        const suggestion = closestName(reference.name, [...globalNames, ...AUTOMATIC_PLATFORM_ARGS]);
        context.report({ loc: reference.loc, messageId: "undefinedArgInFrom", data: { name: reference.name, hint: suggestion ? ` (did you mean $${suggestion}?)` : "" } });
      }
      checkDefaults(from);
    }

    /**
     * The global ARG values a build without any --build-arg gets: defaults evaluated in order, the
     * automatic platform ARGs set (any platform gives a non-empty value), ARGs without a default unset.
     * `noDefault` lists the ARGs declared without a default.
     */
    let defaultsMemo: { values: Map<string, string>; noDefault: Set<string> } | undefined;
    const defaults = (): { values: Map<string, string>; noDefault: Set<string> } => (defaultsMemo ??= computeDefaults());
    function computeDefaults(): { values: Map<string, string>; noDefault: Set<string> } {
      const values = new Map<string, string>(Object.entries(SAMPLE_PLATFORM));
      const noDefault = new Set<string>();
      for (const instruction of program.preamble) {
        if (instruction.type !== "Arg") continue;
        for (const declaration of instruction.args) {
          if (!declaration.defaultValue) {
            // A re-declaration without default keeps an earlier default.
            if (!values.has(declaration.name)) noDefault.add(declaration.name);
            continue;
          }
          try {
            values.set(declaration.name, evaluateWord(declaration.defaultValue.value, program.escapeChar, (name) => values.get(name)).value);
            noDefault.delete(declaration.name);
          } catch {
            values.delete(declaration.name);
          }
        }
      }
      return { values, noDefault };
    }

    /**
     * BuildKit's InvalidDefaultArgInFrom (`validateBaseImagesWithDefaultArgs`): the FROM expanded with the
     * ARG defaults alone (no --build-arg) must be a valid image reference. Blamed on the ARGs without a
     * default when there are any (`FROM busybox:${TAG}`), else on the defaults themselves
     * (`ARG SFX="box:"` + `FROM busy${SFX}`). A name declared nowhere is undefinedArgInFrom's finding.
     */
    function checkDefaults(from: From): void {
      const image = from.image;
      if (!image || image.variables.length === 0) return;
      const names = [...new Set(image.variables.map((reference) => reference.name))];
      const { values, noDefault } = defaults();
      const blamed = names.filter((name) => noDefault.has(name));
      if (blamed.length === 0 && names.some((name) => !values.has(name))) return;
      let value: string;
      try {
        value = evaluateWord(image.raw, program.escapeChar, (name) => values.get(name)).value;
      } catch {
        return;
      }
      if (value === "scratch" || REFERENCE.test(value)) return;
      if (blamed.length > 0) {
        context.report({ loc: image.loc, messageId: "invalidDefaultArgInFrom", data: { image: value, names: blamed.join(", ") } });
      } else {
        const set = names.filter((name) => !AUTOMATIC_PLATFORM_ARGS.has(name));
        context.report({ loc: image.loc, messageId: "invalidDefaultValueInFrom", data: { image: value, names: set.join(", ") } });
      }
    }

    /** Every name an ARG of some stage declares (not the global ones). */
    let stageArgsMemo: Set<string> | undefined;
    function stageArgs(): Set<string> {
      if (stageArgsMemo) return stageArgsMemo;
      stageArgsMemo = new Set();
      for (const stage of program.stages) {
        for (const instruction of stage.instructions) if (instruction.type === "Arg") for (const name of declaredNames(instruction)) stageArgsMemo.add(name);
      }
      return stageArgsMemo;
    }

    /**
     * `$NAME` in a RUN's script (the shell expands it, with the stage's ARGs and ENVs in its environment)
     * where NAME is an ARG the RUN does not get: a global ARG or an automatic platform ARG the stage did
     * not declare again, or an ARG of another stage. Only those: any other name may come from the base
     * image's ENV or the shell, which is ShellCheck's SC2154 ground. Silent when the script may set the
     * name itself (see lib/shell/parameter-references.ts) or handles it unset (`${NAME:-x}`).
     */
    function checkRun(run: Run, visible: ReadonlySet<string>, baseKnown: boolean): void {
      const shell = posixShellText(program, run);
      const view = shell ? runShellOf(program, run) : null;
      if (!shell || !view || view.script.form === "exec" || mayWriteAnything(view.script)) return;
      const reported = new Set<string>();
      for (const reference of parameterReferences(shell, view.script)) {
        const name = reference.name;
        if (reference.unsetOperator !== null || visible.has(name) || ALWAYS_SET.has(name) || PREDEFINED_PROXY_ARGS.has(name)) continue;
        let messageId: MessageId;
        if (globalNames.has(name)) messageId = "runGlobalArg";
        else if (AUTOMATIC_PLATFORM_ARGS.has(name)) messageId = "runPlatformArg";
        // An upper-case name may come from an unknown base image's ENV (image ENV names are upper case by convention).
        else if (stageArgs().has(name) && (baseKnown || /[a-z]/u.test(name))) messageId = "runOtherStageArg";
        else continue;
        const key = `${reference.range[0]}:${name}`;
        if (reported.has(key) || mayWrite(shell, name)) continue;
        reported.add(key);
        context.report({ loc: locOfRange(sourceCode, reference.range), messageId, data: { name } });
      }
    }

    function checkStage(stage: Stage): void {
      checkFrom(stage.from);
      const inherited = inheritedScope(program, stage);
      const visible = new Set(inherited.names);
      for (const instruction of stage.instructions) {
        if (instruction.type === "Run") checkRun(instruction, visible, inherited.complete);
        // Within one ARG, earlier names are visible to later defaults; within one ENV, using an earlier pair is no-self-referencing-env's finding.
        const declared = declaredNames(instruction);
        // Only ARG and ENV declare names: no Set for every other instruction.
        const sameInstruction: ReadonlySet<string> = declared.length === 0 ? NO_NAMES : new Set(declared);
        for (const reference of expandedReferences(instruction)) {
          const name = reference.name;
          if (visible.has(name) || ALWAYS_SET.has(name) || PREDEFINED_PROXY_ARGS.has(name) || sameInstruction.has(name)) continue;
          if (AUTOMATIC_PLATFORM_ARGS.has(name)) {
            context.report({ loc: reference.loc, messageId: "platformArgNotInStage", data: { name } });
            continue;
          }
          // With a base image's unknown ENV, only names this file declares are suggested ($GOPATH from a golang image is not a typo of $PATH).
          const suggestion = closestName(name, inherited.complete ? [...visible, ...sameInstruction, ...ALWAYS_SET] : [...visible, ...sameInstruction]);
          if (suggestion) {
            context.report({ loc: reference.loc, messageId: "typo", data: { name, suggestion } });
          } else if (globalNames.has(name)) {
            // Even when the base image's ENV has the name, the stage gets that value, not the global ARG's.
            context.report({ loc: reference.loc, messageId: "globalArgNotInStage", data: { name } });
          } else if (inherited.complete) {
            context.report({ loc: reference.loc, messageId: "undefinedVar", data: { name } });
          } else if (/[a-z]/u.test(name)) {
            // Image ENV names are upper case by convention (PATH, JAVA_HOME, PYTHON_VERSION): a lower-case one is almost surely unset.
            context.report({ loc: reference.loc, messageId: "undefinedVarUnlessBase", data: { name } });
          }
          // Otherwise the base image's ENV may set it: BuildKit, which reads that ENV, decides; we cannot.
        }
        for (const name of declared) visible.add(name);
      }
    }

    return {
      Stage: checkStage,
    };
  },
});
