import { composeModelOfDocument } from "../lib/languages/compose/rule-types.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import type { DockerfileProgram, Instruction, Run } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import type { KeyValueEntry } from "../lib/compose/types.js";
import { resolveWordAt } from "../lib/semantics/variables/resolve-word.js";
import { runShellOf } from "../lib/languages/dockerfile/visitors.js";
import { stageOf } from "../lib/semantics/stages/stages.js";
import {
  CONFIG_FILE_SWITCHES,
  configCommandSwitchesOf,
  environmentSwitch,
  optionSwitchesOf,
  type VerificationKind,
} from "../lib/semantics/packages/verification-switches.js";
import { textsWrittenByScript } from "../lib/semantics/files/written-files.js";
import type { ShellWord } from "../lib/shell/model.js";
import { unwrappedCommand } from "../lib/shell/unwrapped.js";
import { createRule } from "../lib/utils/create-rule.js";
import { fileKindOf } from "../lib/utils/file-kind.js";
import { locOfRange } from "../lib/utils/range-loc.js";

type MessageIds = "environment" | "option" | "configCommand" | "configFile";

/** A report location (1-based lines, 0-based columns), as ESLint takes it. */
type Location = { start: { line: number; column: number }; end: { line: number; column: number } };

const WHAT: Readonly<Record<VerificationKind, string>> = {
  tls: "TLS certificate verification",
  signature: "package signature verification",
};

/** `NAME=value` as written in a shell word (an assignment given to `env`, `export` or a declaration). */
function splitAssignment(text: string): [string, string] | null {
  const match = /^([A-Za-z_]\w*)=(.*)$/su.exec(text);
  return match ? [match[1]!, match[2]!] : null;
}

/** Option words of a command that match `option` (whole, or `--option=value`), with the value they carry. */
function optionValues(args: readonly ShellWord[], option: string): { word: ShellWord; value: string | null }[] {
  const found: { word: ShellWord; value: string | null }[] = [];
  for (let index = 0; index < args.length; index++) {
    const value = args[index]!.value;
    if (value === null) continue;
    if (value === "--") break;
    if (value === option) found.push({ word: args[index]!, value: args[index + 1]?.value ?? null });
    else if (value.startsWith(`${option}=`)) found.push({ word: args[index]!, value: value.slice(option.length + 1) });
    // `-oAPT::…=true`: a short option glued to its value.
    else if (/^-[a-zA-Z]$/u.test(option) && value.startsWith(option) && value.length > 2) found.push({ word: args[index]!, value: value.slice(2) });
  }
  return found;
}

/** Options whose value is the next word, for the commands the option table names (so the value is not taken for an operand). */
const OPTIONS_WITH_VALUE = new Set(["-o", "--option", "--setopt", "-X", "--repository", "-c", "--root", "--installroot", "-t", "--target-release", "--repo", "--enablerepo", "--disablerepo"]);

/** The sub-command (first operand) and the other operands of a command's arguments. */
function operandsOf(args: readonly ShellWord[]): { subcommand: string | null; rest: ShellWord[] } {
  const operands: ShellWord[] = [];
  for (let index = 0; index < args.length; index++) {
    const value = args[index]!.value;
    if (value !== null && value.startsWith("-")) {
      if (OPTIONS_WITH_VALUE.has(value)) index++;
      continue;
    }
    operands.push(args[index]!);
  }
  return { subcommand: operands[0]?.value ?? null, rest: operands.slice(1) };
}

/** A word naming a file on the build machine (a path, not a package name or a URL), as written. */
function isLocalFile(word: ShellWord): boolean {
  const text = word.value ?? word.raw;
  return !text.includes("://") && (/^(?:\/|\.\.?\/|~\/|\$)/u.test(text) || /\.(?:apk|rpm|deb)$/u.test(text)) && text.includes("/");
}

export default createRule<DockerfileRuleTypes<[], MessageIds> & ComposeRuleTypes<[], MessageIds>>("no-disabled-verification", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow turning off TLS certificate or package signature verification in the tools a build or a service runs",
      category: "security",
      config: "recommended",
      fileKinds: ["dockerfile", "compose"],
      peers: [
        "Checkov CKV2_DOCKER_4",
        "Checkov CKV2_DOCKER_5",
        "Checkov CKV2_DOCKER_6",
        "Checkov CKV2_DOCKER_7",
        "Checkov CKV2_DOCKER_8",
        "Checkov CKV2_DOCKER_9",
        "Checkov CKV2_DOCKER_10",
        "Checkov CKV2_DOCKER_11",
        "Checkov CKV2_DOCKER_12",
        "Checkov CKV2_DOCKER_13",
        "Checkov CKV2_DOCKER_14",
        "Checkov CKV2_DOCKER_15",
        "Checkov CKV2_DOCKER_16",
        "Checkov CKV2_DOCKER_18",
      ],
    },
    schema: [],
    messages: {
      environment:
        "{{name}}={{value}} turns off {{what}} for {{tool}}: anyone between this machine and the server (a proxy, a hijacked mirror, a DNS spoof) can swap what it downloads. Install the CA certificate it needs instead (`COPY ca.crt /usr/local/share/ca-certificates/` and `update-ca-certificates`).",
      option:
        "`{{option}}` turns off {{what}} for {{tool}}: anyone between the build and the repository can swap what it installs. Import the repository's key or CA certificate instead.",
      configCommand:
        "`{{command}}` turns off {{what}} for every later {{tool}} command in this image: anyone between it and the server can swap what it downloads. Configure the CA certificate ({{tool}}'s cafile setting) instead.",
      configFile:
        "This writes a line into {{path}} that turns off {{what}} for {{tool}}: every later install reads it, and anyone between the build and the repository can swap packages. Import the repository's key or CA certificate instead.",
    },
  },
  create(context) {
    const { sourceCode } = context;

    function reportEnvironment(loc: Location, name: string, value: string | null): void {
      if (value === null) return;
      const entry = environmentSwitch(name);
      if (!entry || !entry.disables(value)) return;
      context.report({ loc, messageId: "environment", data: { name, value, what: WHAT[entry.kind], tool: entry.tool } });
    }

    function checkRun(program: DockerfileProgram, run: Run): void {
      const script = runShellOf(program, run)?.script;
      if (!script) return;
      const loc = (range: readonly [number, number]) => locOfRange(sourceCode, [range[0], range[1]]);
      for (const command of script.commands) {
        for (const assignment of command.assignments) reportEnvironment(loc(assignment.range), assignment.name, assignment.value?.value ?? (assignment.value === null ? "" : null));
        const unwrapped = unwrappedCommand(command);
        for (const word of unwrapped.envAssignments) {
          const pair = word.value === null ? null : splitAssignment(word.value);
          if (pair) reportEnvironment(loc(word.range), pair[0], pair[1]);
        }
        if (command.kind === "declaration") {
          // `export NAME=value`: the operands, unless the model already gave them as assignments.
          for (const word of command.args) {
            const pair = word.value === null ? null : splitAssignment(word.value);
            if (pair && !command.assignments.some((assignment) => assignment.range[0] === word.range[0])) reportEnvironment(loc(word.range), pair[0], pair[1]);
          }
        }
        const name = unwrapped.baseName;
        if (name === null) continue;
        for (const entry of optionSwitchesOf(name)) {
          const operands = entry.subcommands || entry.localFilesExempt ? operandsOf(unwrapped.args) : null;
          // rpm takes its mode as an option (`rpm -i file`): every operand is a file.
          const files = name === "rpm" ? [...(operands?.subcommand === null ? [] : [unwrapped.args.find((word) => word.value === operands?.subcommand)!]), ...(operands?.rest ?? [])] : (operands?.rest ?? []);
          if (entry.subcommands && (operands?.subcommand === null || !entry.subcommands.has(operands!.subcommand))) continue;
          if (entry.localFilesExempt && files.length > 0 && files.every(isLocalFile)) continue;
          for (const { word, value } of optionValues(unwrapped.args, entry.option)) {
            if (entry.value && (value === null || !entry.value.test(value))) continue;
            context.report({ loc: loc(word.range), messageId: "option", data: { option: word.value!, what: WHAT[entry.kind], tool: name } });
          }
        }
        for (const entry of configCommandSwitchesOf(name)) {
          const words = unwrapped.args.map((word) => word.value);
          let index = 0;
          let matched = 0;
          for (const verb of entry.verbs) {
            // Options before or between the verbs (`git config --global`, `npm config --location=global set`).
            while (index < words.length && words[index]?.startsWith("-")) index++;
            if (!verb.includes(words[index] ?? "")) break;
            index++;
            matched++;
          }
          if (matched < entry.verbs.length) continue;
          // `conda config --set ssl_verify false`: the key may follow an option such as --set or --global.
          while (index < words.length && words[index]?.startsWith("-")) index++;
          const keyWord = words[index];
          if (keyWord === undefined || keyWord === null) continue;
          const [key, inlineValue] = keyWord.includes("=") ? [keyWord.slice(0, keyWord.indexOf("=")), keyWord.slice(keyWord.indexOf("=") + 1)] : [keyWord, words[index + 1]];
          if (!entry.key.test(key) || inlineValue === undefined || inlineValue === null || !entry.disables(inlineValue)) continue;
          context.report({ loc: loc(command.range), messageId: "configCommand", data: { command: `${name} ${words.slice(0, index).join(" ")} ${key} ${inlineValue}`.replace(/\s+/gu, " "), what: WHAT[entry.kind], tool: name } });
        }
      }
      for (const written of textsWrittenByScript(script)) checkWrittenText(written.path, written.text, locOfRange(sourceCode, written.range));
    }

    function checkWrittenText(path: string, text: string, loc: ReturnType<typeof locOfRange>): void {
      for (const entry of CONFIG_FILE_SWITCHES) {
        if (!entry.path.test(path) || !entry.line.test(text)) continue;
        context.report({ loc, messageId: "configFile", data: { path, what: WHAT[entry.kind], tool: entry.tool } });
        return;
      }
    }

    function checkInstruction(program: DockerfileProgram, instruction: Instruction): void {
      switch (instruction.type) {
        case "Env":
          for (const pair of instruction.pairs) {
            // The value is resolved (ARG and ENV substitutions) only for a name that can turn verification off.
            if (!pair.value || !environmentSwitch(pair.key.value)) continue;
            reportEnvironment(pair.loc, pair.key.value, resolveWordAt(program, stageOf(program, instruction), instruction, pair.value));
          }
          return;
        case "Arg":
          // A build argument is in the environment of every later RUN of the stage.
          for (const declaration of instruction.args) {
            if (!declaration.defaultValue || declaration.defaultValue.variables.length > 0) continue;
            reportEnvironment(declaration.loc, declaration.name, declaration.defaultValue.value.replace(/^(["'])(.*)\1$/su, "$2"));
          }
          return;
        case "Run":
          checkRun(program, instruction);
          return;
        case "Copy":
        case "Add": {
          const destination = instruction.destination?.value;
          if (!destination || instruction.heredocs.length !== 1) return;
          checkWrittenText(destination, instruction.heredocs[0]!.content.text, instruction.heredocs[0]!.loc);
          return;
        }
        default:
      }
    }

    function checkEntry(entry: KeyValueEntry): void {
      reportEnvironment(entry.node.loc, entry.key, entry.resolved);
    }

    return {
      Program(program: DockerfileProgram) {
        if (fileKindOf(program) !== "dockerfile") return;
        for (const stage of program.stages) {
          for (const instruction of stage.instructions) checkInstruction(program, instruction);
        }
      },
      YAMLDocument(document) {
        const model = composeModelOfDocument(document, context.physicalFilename);
        if (!model) return;
        for (const service of model.services.values()) {
          for (const entry of service.environment) checkEntry(entry);
          for (const entry of service.build?.args ?? []) checkEntry(entry);
        }
      },
    };
  },
});
