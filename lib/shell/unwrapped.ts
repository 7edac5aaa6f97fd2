/**
 * The unwrapped view of each shell command (`sudo -E env X=1 wget …` seen as `wget …`), computed once per
 * command and shared by every rule that asks, instead of each rule unwrapping the same command again.
 */
import { seeThroughWrappers, type UnwrappedCommand } from "./commands.js";
import type { ShellCommand } from "./model.js";

/**
 * The memo lives on the command itself, under a symbol: every RUN rule asks for every command, and a
 * property read costs a fraction of a WeakMap lookup (measured: the WeakMap was 2 % of a `strict` run).
 * The shell model is cached per RUN, so the memo lives exactly as long as the command.
 */
const UNWRAPPED = Symbol("unwrapped");

type Memo = ShellCommand & { [UNWRAPPED]?: UnwrappedCommand };

/** `seeThroughWrappers(command)`, memoised on the command. */
export function unwrappedCommand(command: ShellCommand): UnwrappedCommand {
  const memo = command as Memo;
  return (memo[UNWRAPPED] ??= seeThroughWrappers(command));
}
