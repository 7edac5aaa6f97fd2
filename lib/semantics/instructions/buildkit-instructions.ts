/**
 * What BuildKit's Dockerfile frontend accepts, as data: the instruction names and the flags each
 * instruction declares. Sources: moby/buildkit `frontend/dockerfile/command/command.go` (names),
 * `frontend/dockerfile/instructions/parse.go` (each `parseX` declares its flags with `req.flags.AddX`
 * before `req.flags.Parse()`), `instructions/commands_runmount.go`, `commands_runnetwork.go`,
 * `commands_runsecurity.go`, `commands_rundevice.go` (RUN flags), and the Dockerfile reference
 * https://docs.docker.com/reference/dockerfile/ (flags of the labs channel included: a file that uses
 * them builds with `# syntax=docker/dockerfile:1-labs`).
 */

/** The instruction keywords BuildKit knows, lower case (`command.Commands`). */
export const INSTRUCTION_NAMES: readonly string[] = [
  "add",
  "arg",
  "cmd",
  "copy",
  "entrypoint",
  "env",
  "expose",
  "from",
  "healthcheck",
  "label",
  "maintainer",
  "onbuild",
  "run",
  "shell",
  "stopsignal",
  "user",
  "volume",
  "workdir",
];

// The flags each instruction declares are read by the parser too (a COPY whose value flag has no `=` is
// not read further), so the table lives in the parser's layer.
export { INSTRUCTION_FLAGS, type FlagKind } from "../../dockerfile/buildkit-flags.js";
