/**
 * The environment in effect at each command of a RUN: which variables a command sees, from
 * - the command's own prefixes (`X=1 cmd`) and `env X=1 cmd` / `sudo X=1 cmd`;
 * - `export X=1` (also `declare -x`, `typeset -x`) and plain `X=1` assignments earlier in the same script,
 *   on the path that reaches the command;
 * - the stage's ENV and ARG (and the ENV of the stages it is built on), see `environment.ts`.
 *
 * Conservative by design, so that a rule never reports a setting that may be in effect:
 * - an assignment on a path that may not run before the command (`false || export X=1; cmd`,
 *   `a && export X=1; cmd`, inside an `if` body or a loop, in a function body) makes the variable
 *   "possibly set": its value is `null` (unknown);
 * - `a && export X=1 && cmd` is certain: `cmd` runs only when the export did;
 * - assignments inside a subshell, a command or process substitution, a pipeline element or an
 *   `sh -c` string do not reach commands outside them; exported variables do reach an `sh -c` script;
 * - a plain `X=1` reaches child processes only when X is already exported (ENV, ARG, an earlier
 *   `export`); otherwise it counts as possibly set (`set -a` or an `export X` later cannot be excluded).
 *
 * Computed lazily, once per RUN script, and cached: every rule that reads a variable asks this model.
 */
import type { DockerfileProgram, Run } from "../../dockerfile/ast.js";
import { commandEnvironment } from "../../shell/index.js";
import type { EnvironmentLookup, ShellCommand, ShellContext, ShellScript } from "../../shell/index.js";
import { unwrappedCommand } from "../../shell/unwrapped.js";
import { variableBefore } from "../variables/declared-values.js";
import { stageOf } from "../stages/stages.js";

/** One `export`/assignment/`unset` in a script. */
interface ScriptAssignment {
  command: ShellCommand;
  name: string;
  /** The value (null: not static); undefined for `unset`. */
  value: string | null | undefined;
  exported: boolean;
}

/** Contexts that run in another process: what is assigned inside them does not reach outside. */
const ISOLATING: ReadonlySet<ShellContext["kind"]> = new Set(["subshell", "command-substitution", "process-substitution", "shell-string", "coproc"]);

const DECLARATION_EXPORTS: Readonly<Record<string, (args: readonly string[]) => boolean>> = {
  export: () => true,
  declare: (args) => args.some((a) => /^-[a-zA-Z]*x/u.test(a)),
  typeset: (args) => args.some((a) => /^-[a-zA-Z]*x/u.test(a)),
};

function assignmentsOf(script: ShellScript): ScriptAssignment[] {
  const out: ScriptAssignment[] = [];
  for (const command of script.commands) {
    const keyword = command.name?.value ?? null;
    if (command.kind === "declaration" && keyword !== null && keyword in DECLARATION_EXPORTS) {
      const args = command.args.map((w) => w.value ?? "");
      const exported = DECLARATION_EXPORTS[keyword]!(args);
      for (const a of command.assignments) out.push({ command, name: a.name, value: a.value ? a.value.value : "", exported });
      // `export NAME` (no value) marks an existing variable exported: it does not change its value.
    } else if (command.kind === "simple" && command.name === null) {
      for (const a of command.assignments) out.push({ command, name: a.name, value: a.value ? a.value.value : "", exported: false });
    } else if (command.kind === "simple" && keyword === "unset") {
      for (const w of command.args) if (w.value !== null && !w.value.startsWith("-")) out.push({ command, name: w.value, value: undefined, exported: true });
    }
  }
  return out;
}

function sameContext(a: ShellContext, b: ShellContext): boolean {
  return a.kind === b.kind && a.textRange[0] === b.textRange[0] && a.textRange[1] === b.textRange[1];
}

type Reach = "certain" | "possible" | "none";

/** Does the assignment made by `from` take effect before `to` runs? */
function reach(from: ShellCommand, to: ShellCommand): Reach {
  if (from.range[0] >= to.range[0] || from.pipeline !== null) return "none";
  let shared = 0;
  while (shared < from.context.length && shared < to.context.length && sameContext(from.context[shared]!, to.context[shared]!)) shared++;
  const extra = from.context.slice(shared);
  if (extra.some((context) => ISOLATING.has(context.kind))) return "none";
  if (extra.length > 0) return "possible";
  // `from` is an item of a list that holds `to` (directly or inside a later item): follow the operators.
  const items = from.list.items;
  const target = items.findIndex((item, index) => index > from.listIndex && item.range[0] <= to.range[0] && to.range[1] <= item.range[1]);
  if (target === -1) return "possible";
  const prev = from.prevOperator;
  if (prev === null || prev === ";" || prev === "newline" || prev === "&") return "certain";
  if (prev === "&&" && items.slice(from.listIndex, target).every((item) => item.operator === "&&")) return "certain";
  return "possible";
}

interface ScriptEnvironment {
  assignments: ScriptAssignment[];
}

const scripts = new WeakMap<ShellScript, ScriptEnvironment>();

function scriptEnvironment(script: ShellScript): ScriptEnvironment {
  let environment = scripts.get(script);
  if (!environment) {
    environment = { assignments: assignmentsOf(script) };
    scripts.set(script, environment);
  }
  return environment;
}

/**
 * The variables in effect where `command` (a command of `script`, the parsed body of `run`) runs.
 * Returns a lookup: the value, `null` when set (or possibly set) to a value that cannot be known, or
 * `undefined` when not set.
 */
export function environmentAt(program: DockerfileProgram, run: Run, script: ShellScript, command: ShellCommand): EnvironmentLookup {
  const own = commandEnvironment(unwrappedCommand(command));
  const { assignments } = scriptEnvironment(script);
  const stage = stageOf(program, run);
  const fromDockerfile = (name: string): string | null | undefined => (stage ? variableBefore(program, stage, run, name) : undefined);
  return (name) => {
    const prefixed = own(name);
    if (prefixed !== undefined) return prefixed;
    let value: string | null | undefined = fromDockerfile(name);
    let exported = value !== undefined;
    for (const assignment of assignments) {
      if (assignment.name !== name) continue;
      const reached = reach(assignment.command, command);
      if (reached === "none") continue;
      const passes = assignment.exported || exported;
      if (reached === "certain" && passes) {
        value = assignment.value;
        exported = assignment.value !== undefined;
      } else if (assignment.value !== undefined || value !== undefined) {
        // Possibly set (or possibly unset): the value cannot be known.
        value = null;
      }
    }
    return value;
  };
}
