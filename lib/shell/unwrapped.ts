/**
 * The unwrapped view of each shell command (`sudo -E env X=1 wget …` seen as `wget …`), computed once per
 * command and shared by every rule that asks, instead of each rule unwrapping the same command again.
 */
import { unwrapCommand, type UnwrappedCommand } from "./commands.js";
import type { ShellCommand } from "./model.js";

const cache = new WeakMap<ShellCommand, UnwrappedCommand>();

/** `unwrapCommand(command)`, memoised by command identity (the shell model is itself cached per RUN). */
export function unwrappedCommand(command: ShellCommand): UnwrappedCommand {
  let unwrapped = cache.get(command);
  if (!unwrapped) {
    unwrapped = unwrapCommand(command);
    cache.set(command, unwrapped);
  }
  return unwrapped;
}
