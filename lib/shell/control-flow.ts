/**
 * Which statements of a script run on every path through it, for questions such as "is the cache
 * removed whichever branch runs": an `if … else … fi` whose every branch does it does it, whereas an
 * `if` without `else`, or a command after `||`, may not run. Read from the shell model's lists
 * (`ShellList.owner` is the construct a block belongs to; every branch of one `if` has the same owner
 * range, `if-body` for `then`/`elif` blocks and `else-body` for the `else` block).
 */
import type { ShellCommand, ShellList, ShellListItem, ShellScript } from "./model.js";

function rangeKey(range: readonly [number, number]): string {
  return `${range[0]},${range[1]}`;
}

/** The lists that belong to each construct (by its text range): an `if`'s branches, a group's body. */
function listsByOwner(script: ShellScript): Map<string, ShellList[]> {
  const owned = new Map<string, ShellList[]>();
  for (const list of script.lists) {
    if (!list.owner) continue;
    const key = rangeKey(list.owner.textRange);
    owned.set(key, [...(owned.get(key) ?? []), list]);
  }
  return owned;
}

/**
 * The items of a list that run whenever the list runs: not after `||` (`a || b`: `b` runs only when
 * `a` fails) and not backgrounded. An item after `&&` counts, as a failing command before it fails the
 * RUN anyway.
 */
function alwaysRunItems(list: ShellList): ShellListItem[] {
  return list.items.filter((item, index) => !item.background && (index === 0 || list.items[index - 1]!.operator !== "||"));
}

/**
 * Source start offsets of the `if` statements that run on every path through the script (at its top
 * level, or in `{ }` groups and subshells that do) and in which, whichever branch runs, a command for
 * which `test` holds runs too: every branch has such a command (or such an `if`, recursively), and
 * there is an `else`. A `case` is not credited (its arms' patterns are not in the model).
 */
export function ifStatementsEnsuring(script: ShellScript, test: (command: ShellCommand) => boolean): number[] {
  const owned = listsByOwner(script);
  const found: number[] = [];

  function listEnsures(list: ShellList): boolean {
    return alwaysRunItems(list).some((item) => itemEnsures(item));
  }

  function itemEnsures(item: ShellListItem): boolean {
    if (item.kind === "command") return item.command !== null && test(item.command);
    const lists = owned.get(rangeKey(item.textRange)) ?? [];
    if (item.kind === "group" || item.kind === "subshell") return lists.some((list) => listEnsures(list));
    if (item.kind !== "if") return false;
    const branches = lists.filter((list) => list.owner?.kind === "if-body" || list.owner?.kind === "else-body");
    return branches.some((list) => list.owner?.kind === "else-body") && branches.every((list) => listEnsures(list));
  }

  function visit(list: ShellList): void {
    for (const item of alwaysRunItems(list)) {
      if (item.kind === "if" && itemEnsures(item)) found.push(item.range[0]);
      else if (item.kind === "group" || item.kind === "subshell") for (const inner of owned.get(rangeKey(item.textRange)) ?? []) visit(inner);
    }
  }

  const top = script.lists[0];
  if (top) visit(top);
  return found;
}
