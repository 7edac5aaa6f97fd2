/**
 * What BuildKit's instruction parser (moby/buildkit `frontend/dockerfile/instructions/parse.go`,
 * `ParseInstruction`, and the line parsers of `parser/line_parsers.go`) rejects on a known keyword,
 * while our tolerant parser builds a node: argument counts, ENV/LABEL/ARG forms, SHELL outside JSON,
 * HEALTHCHECK types, COPY/ADD destinations, and flags (`instructions/bflag.go`, `BFlags.Parse`).
 *
 * Not here, because another rule owns them: `ONBUILD ONBUILD|FROM|MAINTAINER` (`valid-onbuild`),
 * HEALTHCHECK durations and retries (`valid-healthcheck`), EXPOSE port formats (`valid-expose`).
 */
import type { Instruction, Range } from "../../dockerfile/ast.js";
import { closestMatch } from "../../utils/edit-distance.js";
import { INSTRUCTION_FLAGS, type FlagKind } from "./buildkit-instructions.js";

/** One thing BuildKit rejects: where to report it, and what to say (our words; BuildKit's message quoted). */
export interface ParseProblem {
  /** What to report on: the keyword, a flag, a word (UTF-16 offsets in the file). */
  range: Range;
  kind: "invalid" | "unknownFlag";
  /** For `invalid`: what is wrong and what to do. */
  problem?: string;
  /** For `unknownFlag`: the flag name without `--`, and a near-miss declared flag or null. */
  flag?: string;
  suggestion?: string | null;
}

const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/u;

function argumentsMissing(name: string, what: string): string {
  return `${name} needs ${what} (BuildKit: "${name} requires ${what === "an argument" ? "exactly one argument" : what}")`;
}

/** The flags of `instruction` that BuildKit's `BFlags.Parse` rejects. */
function flagProblems(instruction: Instruction, declared: Readonly<Record<string, FlagKind>>): ParseProblem[] {
  const problems: ParseProblem[] = [];
  const used = new Set<string>();
  const keyword = instruction.keyword.value.toUpperCase();
  for (const flag of instruction.flags) {
    const kind = declared[flag.name];
    if (kind === undefined) {
      problems.push({ range: flag.range, kind: "unknownFlag", flag: flag.name, suggestion: closestMatch(flag.name, Object.keys(declared)) });
      continue;
    }
    if (used.has(flag.name) && kind !== "strings") {
      problems.push({ range: flag.range, kind: "invalid", problem: `--${flag.name} is given twice on ${keyword} (BuildKit: "duplicate flag specified: ${flag.name}")` });
    }
    used.add(flag.name);
    if (kind === "bool") {
      const value = flag.value === null ? "true" : flag.value.value.toLowerCase();
      if (flag.value !== null && flag.value.value === "") {
        problems.push({ range: flag.range, kind: "invalid", problem: `--${flag.name}= has no value (BuildKit: "missing a value on flag: ${flag.name}"): write --${flag.name} or --${flag.name}=false` });
      } else if (value !== "true" && value !== "false") {
        problems.push({ range: flag.range, kind: "invalid", problem: `--${flag.name} takes true or false, not "${flag.value!.value}" (BuildKit: "expecting boolean value for flag ${flag.name}")` });
      }
    } else if (flag.value === null) {
      problems.push({ range: flag.range, kind: "invalid", problem: `--${flag.name} needs a value: --${flag.name}=… (BuildKit: "missing a value on flag: ${flag.name}")` });
    }
  }
  return problems;
}

/** Instructions whose parser never calls `BFlags.Parse`: their flags are ignored, not rejected. */
const FLAGS_IGNORED = new Set(["Arg", "StopSignal", "UnknownInstruction", "Onbuild"]);

/**
 * The problems BuildKit's instruction parser finds in one instruction (ONBUILD triggers are checked
 * as instructions of their own by the caller). `text` is the file's text. Empty when BuildKit accepts it.
 */
export function buildkitParseProblems(instruction: Instruction, text: string): ParseProblem[] {
  const problems: ParseProblem[] = [];
  const at = instruction.keyword.range;
  const keyword = instruction.keyword.value.toUpperCase();
  const invalid = (problem: string, range: Range = at): void => {
    problems.push({ range, kind: "invalid", problem });
  };
  const healthNone = instruction.type === "Healthcheck" && instruction.kind === "none";
  // Most instructions have no flag: nothing to look up or check.
  if (instruction.flags.length > 0 && !FLAGS_IGNORED.has(instruction.type) && !healthNone) {
    problems.push(...flagProblems(instruction, INSTRUCTION_FLAGS[instruction.keyword.value.toLowerCase()] ?? {}));
  }

  for (const flag of instruction.type === "Run" ? instruction.flags : []) {
    if (!flag.mount) continue;
    // `instructions/commands_runmount.go`, parseMount: the mount types and sharing modes it accepts.
    const type = flag.mount.options.findLast((option) => option.key.toLowerCase() === "type");
    if (flag.mount.kind === null && type?.value != null) {
      problems.push({ range: type.range, kind: "invalid", problem: `--mount type "${type.value}" does not exist: use bind, cache, tmpfs, secret or ssh (BuildKit: "unsupported mount type")` });
    }
    const sharing = flag.mount.sharing;
    if (sharing !== null && !["shared", "private", "locked"].includes(sharing.toLowerCase())) {
      const option = flag.mount.options.findLast((candidate) => candidate.key.toLowerCase() === "sharing");
      problems.push({ range: option?.range ?? flag.range, kind: "invalid", problem: `--mount sharing "${sharing}" does not exist: use shared, private or locked (BuildKit: "unsupported sharing value")` });
    }
  }

  switch (instruction.type) {
    case "From": {
      const count = (instruction.image ? 1 : 0) + (instruction.asKeyword ? 1 : 0) + (instruction.stageName ? 1 : 0) + instruction.extraArguments.length;
      const threeWithAs = count === 3 && instruction.asKeyword !== null && instruction.stageName !== null;
      if (!instruction.image) invalid(`FROM needs an image (BuildKit: "FROM requires either one or three arguments")`);
      else if (count !== 1 && !threeWithAs) {
        const extra = instruction.extraArguments[0] ?? instruction.asKeyword;
        invalid(`FROM takes an image and optionally "AS name", nothing else (BuildKit: "FROM requires either one or three arguments")`, extra?.range ?? at);
      } else if (instruction.stageName && !instruction.stageName.value.includes("$") && !STAGE_NAME.test(instruction.stageName.value.toLowerCase())) {
        invalid(
          `stage name "${instruction.stageName.value}" must start with a letter and hold only letters, digits, "-", "_" and "." (BuildKit: "invalid name for build stage")`,
          instruction.stageName.range,
        );
      }
      break;
    }
    case "Env":
    case "Label": {
      if (instruction.pairs.length === 0) {
        invalid(`${keyword} needs at least one key=value pair (BuildKit: "${keyword} requires at least one argument")`);
        break;
      }
      for (const pair of instruction.pairs) {
        if (pair.legacy && pair.value === null) {
          invalid(`${keyword} ${pair.key.value} has no value: write ${pair.key.value}=value (BuildKit: "${keyword} must have two arguments")`, pair.range);
        } else if (!pair.legacy && pair.value === null) {
          invalid(`"${pair.key.value}" has no "=": every word of ${keyword} must be name=value (BuildKit: "Syntax error - can't find = in ...")`, pair.range);
        } else if (pair.key.value === "") {
          invalid(`a ${keyword} name is empty (BuildKit: "${keyword} names can not be blank")`, pair.range);
        }
      }
      break;
    }
    case "Arg": {
      if (instruction.args.length === 0) invalid(`ARG needs a name (BuildKit: "ARG requires at least one argument")`);
      for (const declaration of instruction.args) {
        if (declaration.name === "" && declaration.defaultValue !== null) invalid(`an ARG name is empty (BuildKit: "ARG names can not be blank")`, declaration.range);
      }
      break;
    }
    case "User":
      if (!instruction.user && !instruction.group) invalid(argumentsMissing("USER", "an argument"));
      break;
    case "Workdir":
      if (!instruction.path) invalid(argumentsMissing("WORKDIR", "an argument"));
      break;
    case "StopSignal":
      if (!instruction.signal) invalid(argumentsMissing("STOPSIGNAL", "an argument"));
      break;
    case "Maintainer":
      if (!instruction.value) invalid(argumentsMissing("MAINTAINER", "an argument"));
      break;
    case "Expose":
      if (instruction.ports.length === 0) invalid(argumentsMissing("EXPOSE", "at least one argument"));
      break;
    case "Volume":
      if (instruction.paths.length === 0) invalid(argumentsMissing("VOLUME", "at least one argument"));
      for (const path of instruction.paths) {
        if (path.value.trim() === "") invalid(`a VOLUME path is empty (BuildKit: "VOLUME specified can not be an empty string")`, path.range);
      }
      break;
    case "Onbuild":
      if (!instruction.trigger) invalid(argumentsMissing("ONBUILD", "at least one argument"));
      break;
    case "Shell":
      if (instruction.form?.type === "ShellForm") invalid(`SHELL must be a JSON array, e.g. SHELL ["/bin/sh", "-c"] (BuildKit: "SHELL requires the arguments to be in JSON form")`);
      else if (!instruction.form || instruction.form.elements.length === 0) invalid(argumentsMissing("SHELL", "at least one argument"));
      break;
    case "Healthcheck": {
      if (instruction.kind === "invalid") {
        if (!instruction.subcommand) invalid(`HEALTHCHECK needs CMD … or NONE (BuildKit: "HEALTHCHECK requires at least one argument")`);
        else invalid(`HEALTHCHECK takes CMD or NONE, not "${instruction.subcommand.value}" (BuildKit: "Unknown type in HEALTHCHECK (try CMD)")`, instruction.subcommand.range);
      } else if (instruction.kind === "none") {
        const rest = text.slice(instruction.subcommand.range[1], instruction.range[1]).replace(/[\\`\s]/gu, "");
        if (rest !== "") invalid(`HEALTHCHECK NONE takes nothing after it (BuildKit: "HEALTHCHECK NONE takes no arguments")`, instruction.subcommand.range);
      } else if (!instruction.command || (instruction.command.type === "ExecForm" && instruction.command.elements.length === 0)) {
        invalid(`HEALTHCHECK CMD needs a command (BuildKit: "Missing command after HEALTHCHECK CMD")`, instruction.subcommand.range);
      }
      break;
    }
    case "Copy":
    case "Add": {
      const count = instruction.sources.length + instruction.heredocs.length + (instruction.destination ? 1 : 0);
      // BuildKit fails at the malformed flag (reported above) and never counts the arguments.
      if (instruction.malformedFlag) {
        // Nothing more to say.
      } else if (count < 2) {
        invalid(`${keyword} needs a source and a destination (BuildKit: "${keyword} requires at least two arguments, but only one was provided")`);
      } else if (!instruction.destination) {
        invalid(`the last argument of ${keyword} is its destination and cannot be a heredoc (BuildKit: "${keyword} cannot accept a heredoc as a destination")`);
      }
      for (const heredoc of instruction.heredocs) {
        const marker = text.slice(heredoc.markerRange[0], heredoc.markerRange[1]);
        if (/\s/u.test(marker.replace(/(["']).*\1/su, ""))) {
          invalid(
            `BuildKit's ${keyword} splits "${marker}" into separate source paths (its parser still reads the lines below as the body): write "${marker.replace(/^(\d*<<-?)\s+/u, "$1")}"`,
            heredoc.markerRange,
          );
        }
      }
      break;
    }
    default:
      break;
  }
  return problems;
}
