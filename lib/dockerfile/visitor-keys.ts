/**
 * Child keys per node type, in source order. Comments are not children (as in ESLint's JavaScript
 * AST): they are listed in `Program.comments`.
 */
import type { DockerfileNodeType } from "./ast.js";

const instruction = ["keyword", "flags"] as const;

export const visitorKeys: Readonly<Record<DockerfileNodeType, readonly string[]>> = Object.freeze({
  Program: ["directives", "preamble", "stages"],
  ParserDirective: [],
  Comment: [],
  Stage: ["from", "instructions"],
  Keyword: [],
  Flag: ["value"],
  FlagValue: ["variables"],
  Word: ["variables"],
  VariableReference: ["nested"],
  JsonString: [],
  ExecForm: ["elements"],
  ShellForm: [],
  Heredoc: [],
  ImageReference: ["variables"],
  KeyValuePair: ["key", "value"],
  ArgDeclaration: ["defaultValue"],
  From: [...instruction, "image", "asKeyword", "extraArguments"],
  Run: [...instruction, "form", "heredocs"],
  Cmd: [...instruction, "form"],
  Entrypoint: [...instruction, "form"],
  Shell: [...instruction, "form"],
  Healthcheck: [...instruction, "subcommand", "command"],
  Copy: [...instruction, "sources", "destination", "heredocs"],
  Add: [...instruction, "sources", "destination", "heredocs"],
  Env: [...instruction, "pairs"],
  Arg: [...instruction, "args"],
  Label: [...instruction, "pairs"],
  User: [...instruction, "user", "group"],
  Workdir: [...instruction, "path"],
  Expose: [...instruction, "ports"],
  Volume: [...instruction, "paths"],
  StopSignal: [...instruction, "signal"],
  Onbuild: [...instruction, "trigger"],
  Maintainer: [...instruction, "value"],
  UnknownInstruction: [...instruction],
});
