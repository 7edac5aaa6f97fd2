/**
 * The Dockerfile AST.
 *
 * Every node has `type`, `range` (`[start, end)` UTF-16 offsets into the text ESLint hands the parser,
 * BOM already removed), `loc` (1-based line, 0-based column; lines as BuildKit splits them: at `\n`,
 * the `\r`s before it belonging to the line end, a lone `\r` inside the line) and `parent` (null only for the Program). Children listed in `visitorKeys` never overlap
 * each other and lie inside their parent's range, so "innermost node at offset" is well defined.
 *
 * Offsets that are not nodes of their own (a tag inside an image reference, a flag's name…) are
 * plain `Range`s; turn them into a location with `sourceCode.getLocFromIndex()`.
 *
 * The shapes follow BuildKit's parser (moby/buildkit `frontend/dockerfile/parser`), the reference
 * for what Docker accepts; where BuildKit rejects an instruction only later (in
 * `instructions/parse.go`, e.g. `FROM` with two arguments), this AST stays tolerant and represents
 * the input so a rule can report it.
 */

import type { Range, SourceLocation } from "../utils/range.js";
export type { Position, Range, SourceLocation } from "../utils/range.js";

/** Fields every node has. `parent` and `loc` are filled in once the whole tree is built. */
export interface BaseNode {
  type: string;
  range: Range;
  loc: SourceLocation;
  parent: DockerfileNode | null;
}

// ---------------------------------------------------------------------------------------------
// Shell text

// The ShellText contract (the text Docker hands a shell, with a map back to the source) is defined
// by the shell model that consumes it; see lib/shell/shell-text.ts.
import type { ShellText } from "../shell/shell-text.js";
import type { ParsedImageReference } from "./image-reference.js";
import type { VariableModifier } from "./variables.js";
export type { VariableModifier } from "./variables.js";
export type { ShellText,  } from "../shell/shell-text.js";

// ---------------------------------------------------------------------------------------------
// Program, directives, comments

export type EscapeChar = "\\" | "`";

export interface DockerfileProgram extends BaseNode {
  type: "Program";
  parent: null;
  /** From the `# escape=` directive; `\` by default. It is both the line-continuation and the escape character. */
  escapeChar: EscapeChar;
  directives: ParserDirective[];
  /**
   * Instructions before the first FROM: global ARGs, and anything else a user wrote there (BuildKit
   * rejects every other instruction before FROM; rules report it).
   */
  preamble: Instruction[];
  stages: Stage[];
  /** Every `#` comment line (also those inside continuations), in source order; not parser directives. */
  comments: Comment[];
}

export type DirectiveName = "syntax" | "escape" | "check";

/**
 * `# syntax=…`, `# escape=…`, `# check=…` at the top of the file.
 *
 * BuildKit (`parser/directives.go`, `DirectiveParser.ParseLine`) reads directives only until the
 * first line that is not one: an instruction, a blank line, an ordinary comment, or a
 * directive-looking comment with an unknown name all end the block. A `#!` first line ends the
 * block for the parser (so a later `# escape=` is just a comment), but `DetectSyntax`/
 * `ParseDirective`, which pick the frontend image and the build checks, skip that shebang line, so a
 * `# syntax=` or `# check=` right after it still applies.
 */
export interface ParserDirective extends BaseNode {
  type: "ParserDirective";
  /** Lowercased. */
  name: DirectiveName;
  /** As written, surrounding blanks trimmed. */
  value: string;
  nameRange: Range;
  valueRange: Range;
}

/** A `#` comment line. `value` is the text after `#` (not trimmed). The range starts at `#`. */
export interface Comment extends BaseNode {
  type: "Comment";
  value: string;
}

// ---------------------------------------------------------------------------------------------
// Stages and instructions

export interface Stage extends BaseNode {
  type: "Stage";
  /** 0-based, in file order (what `--target`/`COPY --from=<index>` count). */
  index: number;
  /** The stage name as written after AS, or null. */
  name: string | null;
  from: From;
  /** The instructions after this FROM, up to the next FROM. */
  instructions: Instruction[];
}

/** An instruction keyword (`RUN`, `from`…) or the `AS` of a FROM, as written. */
export interface Keyword extends BaseNode {
  type: "Keyword";
  value: string;
}

/** Fields every instruction has. The range runs from the keyword to the end of the last line (blanks after it excluded) or the end of its last heredoc terminator. */
export interface InstructionBase extends BaseNode {
  keyword: Keyword;
  /** Leading `--name[=value]` words, as BuildKit's `extractBuilderFlags` splits them (on any instruction). */
  flags: Flag[];
}

export type Instruction =
  | From
  | Run
  | Cmd
  | Entrypoint
  | Shell
  | Healthcheck
  | Copy
  | Add
  | Env
  | Arg
  | Label
  | User
  | Workdir
  | Expose
  | Volume
  | StopSignal
  | Onbuild
  | Maintainer
  | UnknownInstruction;

// ---------------------------------------------------------------------------------------------
// Flags

/**
 * The value of a flag. BuildKit removes quotes and backslashes from flag words (backslash is the
 * flag escape whatever `# escape=` says), so `value` is that processed text and `raw` what was
 * written (`"a b"` → value `a b`).
 */
export interface FlagValue extends BaseNode {
  type: "FlagValue";
  value: string;
  raw: string;
  /** Variable references in the processed value; BuildKit expands them for most flags. */
  variables: VariableReference[];
}

interface FlagBase extends BaseNode {
  type: "Flag";
  /** Without the leading `--` (`mount`, `platform`…), as written (BuildKit matches it case-sensitively). */
  name: string;
  nameRange: Range;
  /** Null for `--link` (no `=`); an empty FlagValue for `--link=`. */
  value: FlagValue | null;
}

/** Any flag other than a `--mount=…` with a value. */
export interface PlainFlag extends FlagBase {
  mount: null;
}

/** `--mount=…` (RUN): the value split into typed options. */
export interface MountFlag extends FlagBase {
  name: "mount";
  value: FlagValue;
  mount: MountSpec;
}

/** Discriminate with `flag.mount !== null`. */
export type Flag = PlainFlag | MountFlag;

export type MountKind = "bind" | "cache" | "tmpfs" | "secret" | "ssh";

/** One `key[=value]` field of a `--mount` value (BuildKit reads the value as one CSV record). */
export interface MountOption {
  /** As written (BuildKit lowercases keys when matching). */
  key: string;
  /** Null for a bare key (`ro`, `rw`, `required`). */
  value: string | null;
  range: Range;
  keyRange: Range;
  valueRange: Range | null;
}

/**
 * The options of a `--mount` flag (BuildKit `instructions/commands_runmount.go`, `parseMount`).
 * Values are as written (variables not expanded); aliases are folded (`src` → source,
 * `dst`/`destination` → target, `ro`/`readonly`, `rw`/`readwrite`). When a key is repeated the last
 * one wins, as in BuildKit.
 */
export interface MountSpec {
  /** `bind` when no `type=` is given; null when `type=` names something BuildKit does not support. */
  kind: MountKind | null;
  target: string | null;
  source: string | null;
  from: string | null;
  id: string | null;
  sharing: string | null;
  /**
   * Set explicitly (`ro`, `readonly=true`, `rw`, `readwrite=false`…), else null. When null BuildKit
   * mounts bind, secret and ssh read-only and cache and tmpfs read-write.
   */
  readonly: boolean | null;
  required: boolean | null;
  mode: string | null;
  uid: string | null;
  gid: string | null;
  /** Every field, in order. */
  options: MountOption[];
}

// ---------------------------------------------------------------------------------------------
// Words and variables

/**
 * A whitespace-separated argument. `value` is the argument as written (quotes and escapes kept),
 * taken from the joined logical line, so a word split by a line continuation reads as one; `range`
 * covers it in the source.
 */
export interface Word extends BaseNode {
  type: "Word";
  value: string;
  /**
   * The `$name`/`${…}` references Docker's own substitution would see (not inside single quotes,
   * not after the escape character), in source order. References inside a modifier's argument
   * (`${A:-$B}`) are in the outer reference's `nested` (`flattenVariables` lists them all).
   * Instructions that do not substitute (MAINTAINER) have none.
   */
  variables: VariableReference[];
}

interface VariableReferenceBase extends BaseNode {
  type: "VariableReference";
  /** `FOO`, or a special parameter (`1`, `@`…). */
  name: string;
  nameRange: Range;
  /** References inside the argument (`$B` in `${A:-$B}`); empty for other forms. */
  nested: VariableReference[];
}

/** `$FOO` */
export interface SimpleVariableReference extends VariableReferenceBase {
  braced: false;
  modifier: null;
  argument: null;
  argumentRange: null;
}

/** `${FOO}` */
export interface BracedVariableReference extends VariableReferenceBase {
  braced: true;
  modifier: null;
  argument: null;
  argumentRange: null;
}

/**
 * `${FOO:-word}`, `${FOO#pattern}`, `${FOO/pattern/replacement}`… `argument` is the raw text after
 * the modifier up to the closing brace (for `/` and `//`: `pattern/replacement`).
 */
export interface ModifiedVariableReference extends VariableReferenceBase {
  braced: true;
  modifier: VariableModifier;
  argument: string;
  argumentRange: Range;
}

export type VariableReference = SimpleVariableReference | BracedVariableReference | ModifiedVariableReference;

// ---------------------------------------------------------------------------------------------
// Exec form, shell form, heredocs

/**
 * A JSON string of an exec-form array. `value` is `JSON.parse` of `raw`, so escapes and spaces are
 * decoded; `raw` includes the quotes.
 */
export interface JsonString extends BaseNode {
  type: "JsonString";
  value: string;
  raw: string;
}

/**
 * `["executable", "arg"]`. BuildKit decodes the first JSON value and ignores whatever follows it
 * (`CMD ["a"] b` runs `a`); `trailingRange` covers such leftover text.
 */
export interface ExecForm extends BaseNode {
  type: "ExecForm";
  elements: JsonString[];
  trailingRange: Range | null;
}

/** A shell-form body: `raw` is the source slice, `shell` the text Docker hands `sh -c` (or the SHELL). */
export interface ShellForm extends BaseNode {
  type: "ShellForm";
  raw: string;
  shell: ShellText;
}

/**
 * A heredoc (BuildKit dockerfile syntax 1.4+) on a RUN, COPY or ADD line.
 *
 * The range covers the body and the terminator line (from the first body line to the end of the
 * terminator), not the `<<EOF` marker on the instruction line, so that it never overlaps the
 * instruction's other children (two heredocs can start on one line); `markerRange` is the marker.
 */
export interface Heredoc extends BaseNode {
  type: "Heredoc";
  /** The terminator word with quotes removed (`EOF` for `<<"EOF"`). */
  delimiter: string;
  /** Part of the delimiter was quoted: BuildKit does not expand variables in the body. */
  quoted: boolean;
  /** `<<-`: leading tabs are removed from the body lines and the terminator line. */
  stripTabs: boolean;
  /** `3<<EOF` → 3; null without a file descriptor prefix. */
  fd: number | null;
  /** `3<<-"EOF"` on the instruction line. */
  markerRange: Range;
  /** The body lines with their line breaks (empty range at the terminator for an empty body). */
  bodyRange: Range;
  /** The terminator line (leading tabs included for `<<-`). */
  terminatorRange: Range;
  /**
   * The body as Docker uses it (the file content for COPY/ADD, stdin or the script for RUN):
   * the body lines with their line breaks, leading tabs removed for `<<-`.
   */
  content: ShellText;
}

/**
 * What `RUN`'s shell form runs (BuildKit `dockerfile2llb/convert.go`, `dispatchRun`):
 * - `command`: the text handed to the shell. Without heredocs it is the shell form; with heredocs
 *   that are not the whole command (`RUN python3 <<EOF`), BuildKit rebuilds a real shell heredoc:
 *   the command line, then for each heredoc `"\n" + body + delimiter`. The inserted line breaks map
 *   to the source line breaks before each body and the delimiter to the terminator line.
 * - `heredoc`: the command is a lone heredoc (`RUN <<EOF`): the body itself is the script
 *   (tabs stripped for `<<-`). When it starts with `#!`, BuildKit runs it as a file with that
 *   interpreter instead of the shell (`shebang` is the interpreter line after `#!`).
 */
export type RunScript =
  | { kind: "command"; text: ShellText }
  | { kind: "heredoc"; text: ShellText; heredoc: Heredoc; shebang: string | null };

// ---------------------------------------------------------------------------------------------
// Image references

/**
 * A docker image reference as written in FROM: `[registry/]path[:tag][@digest]`.
 * Registry detection follows `distribution/reference` (`ParseNormalizedNamed`): the first
 * `/`-separated component is a registry when it contains `.` or `:`, is `localhost`, or has an
 * uppercase letter. Separators inside `${…}` are ignored; components containing variables are
 * classified on the raw text (use `resolveImageReference` to substitute ARG values first).
 */
export interface ImageReference extends BaseNode, Omit<ParsedImageReference, "variables"> {
  type: "ImageReference";
  /** As nodes (the parsed form has plain offsets). */
  variables: VariableReference[];
}

// ---------------------------------------------------------------------------------------------
// Instructions

/** `FROM [--platform=…] image [AS name]`. The platform is in `flags`. */
export interface From extends InstructionBase {
  type: "From";
  /** Null for a bare `FROM`. */
  image: ImageReference | null;
  asKeyword: Keyword | null;
  stageName: { value: string; range: Range } | null;
  /** Words BuildKit would reject: anything after `image` that is not `AS name`, or after the name. */
  extraArguments: Word[];
}

/** RUN: exec or shell form (null when nothing follows the keyword and flags), plus heredocs. */
export interface Run extends InstructionBase {
  type: "Run";
  form: ExecForm | ShellForm | null;
  heredocs: Heredoc[];
  /** What runs in the shell (null for exec form or an empty RUN). See {@link RunScript}. */
  script: RunScript | null;
}

export interface Cmd extends InstructionBase {
  type: "Cmd";
  form: ExecForm | ShellForm | null;
}

export interface Entrypoint extends InstructionBase {
  type: "Entrypoint";
  form: ExecForm | ShellForm | null;
}

/** SHELL must be exec form; BuildKit rejects a ShellForm here (a rule reports it). */
export interface Shell extends InstructionBase {
  type: "Shell";
  form: ExecForm | ShellForm | null;
}

interface HealthcheckBase extends InstructionBase {
  type: "Healthcheck";
}

/** `HEALTHCHECK [--interval=…] CMD …`; command null when nothing follows CMD. */
export interface HealthcheckCmd extends HealthcheckBase {
  kind: "cmd";
  subcommand: Keyword;
  command: ExecForm | ShellForm | null;
}

/** `HEALTHCHECK NONE` */
export interface HealthcheckNone extends HealthcheckBase {
  kind: "none";
  subcommand: Keyword;
  command: null;
}

/** A bare `HEALTHCHECK` (subcommand null) or an unknown subcommand, which BuildKit rejects. */
export interface HealthcheckInvalid extends HealthcheckBase {
  kind: "invalid";
  subcommand: Keyword | null;
  command: null;
}

export type Healthcheck = HealthcheckCmd | HealthcheckNone | HealthcheckInvalid;

/** A COPY/ADD/VOLUME argument: a Word in the whitespace-separated form, a JsonString in the JSON form. */
export type PathArgument = Word | JsonString;

interface CopyLike extends InstructionBase {
  /** Written as a JSON array (no heredocs then). */
  json: boolean;
  /** Source paths; heredoc markers are not listed here but in `heredocs` (each is one more source). */
  sources: PathArgument[];
  /** The last argument; null when there is none or it is a heredoc marker (BuildKit rejects both). */
  destination: PathArgument | null;
  heredocs: Heredoc[];
  /**
   * The first flag that takes a value but is written without `=` (`COPY --from build /src /dst`), or
   * null. BuildKit's `BFlags.Parse` fails the instruction there ("missing a value on flag"), before its
   * arguments are read, so the words after the flags are not taken as paths: `sources` is empty and
   * `destination` null, and no rule derives a finding from the would-be value read as a source.
   */
  malformedFlag: Flag | null;
}

export interface Copy extends CopyLike {
  type: "Copy";
}

export interface Add extends CopyLike {
  type: "Add";
}

/**
 * One `key=value` of ENV/LABEL. `legacy` is the one-pair `ENV key value` form (value = the rest of
 * the line). `value` is null when the `=` is missing (BuildKit rejects that), an empty Word for
 * `key=`.
 */
export interface KeyValuePair extends BaseNode {
  type: "KeyValuePair";
  key: Word;
  value: Word | null;
  legacy: boolean;
}

export interface Env extends InstructionBase {
  type: "Env";
  pairs: KeyValuePair[];
}

export interface Label extends InstructionBase {
  type: "Label";
  pairs: KeyValuePair[];
}

/** One name of an ARG: `defaultValue` null for `ARG NAME`, an empty Word for `ARG NAME=`. */
export interface ArgDeclaration extends BaseNode {
  type: "ArgDeclaration";
  name: string;
  nameRange: Range;
  defaultValue: Word | null;
}

export interface Arg extends InstructionBase {
  type: "Arg";
  args: ArgDeclaration[];
}

/** `USER user[:group]`: the argument split at the first `:` outside `${…}`. */
export interface User extends InstructionBase {
  type: "User";
  user: Word | null;
  group: Word | null;
}

export interface Workdir extends InstructionBase {
  type: "Workdir";
  /** BuildKit takes the whole rest of the line as the path. */
  path: Word | null;
}

export interface Expose extends InstructionBase {
  type: "Expose";
  ports: Word[];
}

export interface Volume extends InstructionBase {
  type: "Volume";
  json: boolean;
  paths: PathArgument[];
}

export interface StopSignal extends InstructionBase {
  type: "StopSignal";
  signal: Word | null;
}

export interface Maintainer extends InstructionBase {
  type: "Maintainer";
  /** The whole rest of the line (no variable substitution). */
  value: Word | null;
}

/** `ONBUILD <instruction>`: the trigger parsed like any instruction (null for a bare ONBUILD). */
export interface Onbuild extends InstructionBase {
  type: "Onbuild";
  trigger: Instruction | null;
}

/** A keyword BuildKit does not know (it rejects the file when building; rules report it). */
export interface UnknownInstruction extends InstructionBase {
  type: "UnknownInstruction";
  /** The rest of the logical line after the keyword and flags, trimmed. */
  args: string;
  argsRange: Range | null;
}

// ---------------------------------------------------------------------------------------------

export type DockerfileNode =
  | DockerfileProgram
  | ParserDirective
  | Comment
  | Stage
  | Keyword
  | Flag
  | FlagValue
  | Word
  | VariableReference
  | JsonString
  | ExecForm
  | ShellForm
  | Heredoc
  | ImageReference
  | KeyValuePair
  | ArgDeclaration
  | Instruction;

export type DockerfileNodeType = DockerfileNode["type"];

export interface DockerfileParseError {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export type DockerfileParseResult = { ok: true; ast: DockerfileProgram } | { ok: false; errors: DockerfileParseError[] };
