/**
 * A shell command of a RUN with its unwrapped view, for rules that look at commands one by one (the
 * Dockerfile visitors build them once per RUN: `lib/languages/dockerfile/visitors.ts`, `runShellOf`).
 */
import type { UnwrappedCommand } from "../../shell/commands.js";
import type { ShellCommand } from "../../shell/model.js";

export interface RunCommand {
  command: ShellCommand;
  /** The command seen through `sudo`, `env`, `xargs`… (see `seeThroughWrappers`). */
  unwrapped: UnwrappedCommand;
}
