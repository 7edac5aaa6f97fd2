import type { Cmd, Entrypoint, ShellForm } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { stageOf } from "../lib/semantics/stages/stages.js";
import { initialShellKind } from "../lib/semantics/run/run-shell.js";
import { shellInstructionBefore } from "../lib/semantics/run/shell-instruction.js";
import { getShellScript } from "../lib/shell/index.js";
import { createRule } from "../lib/utils/create-rule.js";

/** Shell builtins and keywords: no executable of that name exists, so exec form cannot run them. */
const SHELL_ONLY = new Set(["exec", "cd", "source", ".", "set", "export", "eval", "trap", "ulimit", "umask", "wait", "exit", "true", "false", "[", "test", "read", "shift", "unset", "alias", "command", "builtin"]);

/**
 * The exec-form words of a shell-form command when the conversion is exact: one simple command, no
 * operators, redirections, assignments, expansions, globs, `~` or braces. Null otherwise.
 */
function execFormOf(form: ShellForm): string[] | null {
  const script = getShellScript(form.shell, { dialect: "posix" });
  if (!script.ok || script.commands.length !== 1 || script.lists.length !== 1) return null;
  const top = script.lists[0]!;
  if (top.items.length !== 1 || top.items[0]!.kind !== "command") return null;
  const command = script.commands[0]!;
  if (command.kind !== "simple" || !command.name || command.assignments.length > 0 || command.redirects.length > 0) return null;
  const words = [command.name, ...command.args];
  const values: string[] = [];
  for (const word of words) {
    if (word.value === null || word.hasExpansion || word.hasGlob) return null;
    // Tilde and brace expansion happen on unquoted text: keep such words in the shell.
    const unquoted = word.parts.filter((part) => part.kind === "literal").map((part) => part.raw).join("");
    if (/[{}~]/u.test(unquoted)) return null;
    values.push(word.value);
  }
  return SHELL_ONLY.has(values[0]!) ? null : values;
}

export default createRule<DockerfileRuleTypes<[], "shellForm" | "useExecForm">>("json-args", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Prefer the JSON (exec) form for CMD and ENTRYPOINT, so the process gets the container's signals",
      category: "hygiene",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3025", "BuildKit JSONArgsRecommended", "KICS Not Using JSON In CMD And ENTRYPOINT Arguments", "SonarQube S7019"],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      shellForm:
        "{{keyword}} in shell form runs under the default shell ('/bin/sh -c', 'cmd /S /C' on Windows): the shell is PID 1 and does not pass SIGTERM on, so `docker stop` waits and then kills. Use the JSON form, or set SHELL explicitly if you need the shell.",
      useExecForm: "Write {{keyword}} {{json}}.",
    },
  },
  create(context) {
    const program = context.sourceCode.ast;
    function check(node: Cmd | Entrypoint): void {
      const form = node.form;
      if (form?.type !== "ShellForm") return;
      // An explicit SHELL (here or inherited) says the shell form is wanted, as BuildKit sees it.
      if (shellInstructionBefore(program, node)) return;
      const stage = stageOf(program, node);
      const words = stage && initialShellKind(program, stage) === "posix" ? execFormOf(form) : null;
      const keyword = node.keyword.value;
      const json = words ? `[${words.map((word) => JSON.stringify(word)).join(", ")}]` : "";
      context.report({
        loc: node.keyword.loc,
        messageId: "shellForm",
        data: { keyword: keyword.toUpperCase() },
        suggest: words ? [{ messageId: "useExecForm", data: { keyword: keyword.toUpperCase(), json }, fix: (fixer) => fixer.replaceTextRange(form.range, json) }] : [],
      });
    }
    return { Cmd: check, Entrypoint: check };
  },
});
