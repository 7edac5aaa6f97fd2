import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { defineRunVisitor } from "../lib/languages/dockerfile/visitors.js";
import { wordBaseName } from "../lib/shell/commands.js";
import type { ShellWord } from "../lib/shell/model.js";
import { createRule } from "../lib/utils/create-rule.js";
import { matchesNamePattern, namePattern, type NamePattern } from "../lib/utils/name-pattern.js";
import { locOfRange } from "../lib/utils/range-loc.js";

type MessageId = "restricted" | "restrictedWithMessage";

/** One deny entry: a command name pattern, arguments that must all be present, and what to say. */
interface RestrictedCommand {
  name: string;
  arguments?: string[];
  message?: string;
}

type Options = [{ commands?: RestrictedCommand[] }];

interface CompiledEntry {
  entry: RestrictedCommand;
  name: NamePattern;
  arguments: NamePattern[];
  /** How the entry is shown: `chmod` or `chmod 777`. */
  shown: string;
}

function compile(entry: RestrictedCommand): CompiledEntry {
  const args = entry.arguments ?? [];
  return { entry, name: namePattern(entry.name.trim()), arguments: args.map(namePattern), shown: [entry.name.trim(), ...args].join(" ") };
}

/**
 * Whether a command named `name` with `args` is what `compiled` forbids: its base name (`/usr/bin/curl`
 * is `curl`) matches, and each argument pattern matches some argument whose value is known. An
 * argument from an expansion matches nothing: the rule cannot know it, so it does not claim it.
 */
function commandMatches(compiled: CompiledEntry, name: ShellWord | null, args: readonly ShellWord[]): boolean {
  const base = wordBaseName(name);
  if (base === null || !matchesNamePattern(compiled.name, base)) return false;
  return compiled.arguments.every((pattern) => args.some((arg) => arg.value !== null && matchesNamePattern(pattern, arg.value)));
}

export default createRule<DockerfileRuleTypes<Options, MessageId>>("no-restricted-commands", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow the commands listed in the `commands` option in RUN, by name and optional arguments",
      category: "run",
      config: null,
      fileKinds: ["dockerfile"],
      peers: [],
    },
    schema: [
      {
        type: "object",
        properties: {
          commands: {
            type: "array",
            description: "Deny entries; a command a RUN runs that matches an entry is reported with the entry's message.",
            items: {
              type: "object",
              properties: {
                name: { type: "string", description: "The command's base name pattern (`telnet`, `ssh*`; `*` any characters, `?` one); `/usr/bin/x` is `x`." },
                arguments: {
                  type: "array",
                  items: { type: "string" },
                  description: "Argument patterns that must all be present, in any order, each as one word (`777`, `--insecure`, `-*k*`).",
                },
                message: { type: "string", description: "What to do instead, shown with the finding." },
              },
              required: ["name"],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ commands: [] }],
    messages: {
      restricted: "Command '{{command}}' is restricted by the policy ({{entry}}).",
      restrictedWithMessage: "Command '{{command}}' is restricted by the policy ({{entry}}): {{message}}",
    },
  },
  create(context) {
    const entries = (context.options[0]?.commands ?? []).map(compile);
    if (entries.length === 0) return {};
    const { sourceCode } = context;

    function report(word: ShellWord, found: CompiledEntry): void {
      const { message } = found.entry;
      const data = { command: wordBaseName(word) ?? word.raw, entry: found.shown, ...(message === undefined ? {} : { message }) };
      context.report({ loc: locOfRange(sourceCode, word.range), messageId: message === undefined ? "restricted" : "restrictedWithMessage", data });
    }

    return defineRunVisitor(context, {
      onRun({ commands }) {
        // Every command the shell runs (nested, `sh -c` strings, exec form, heredoc scripts), never the words
        // of a string or a comment; each seen as written and through its wrappers (`sudo -u app telnet`).
        for (const { unwrapped } of commands) {
          for (const wrapper of unwrapped.wrappers) {
            const found = entries.find((entry) => commandMatches(entry, wrapper.word, wrapper.options));
            if (found) report(wrapper.word, found);
          }
          if (!unwrapped.name) continue;
          const found = entries.find((entry) => commandMatches(entry, unwrapped.name, unwrapped.args));
          if (found) report(unwrapped.name, found);
        }
      },
    });
  },
});
