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

/** Owners whose block runs and then goes on with the statement after the construct. */
const CONTINUING_OWNERS: ReadonlySet<string> = new Set(["subshell", "group", "if-body", "else-body", "if-condition", "case-body", "while-body", "until-body", "for-body", "select-body", "while-condition", "until-condition", "time"]);

/**
 * Does a command for which `test` holds run after `command` on every path from it to the end of the
 * script? It does when, in the block of `command` or a block around it, a statement after the one
 * that holds `command` runs whenever that one does (not after `||`, not in the background) and ensures
 * it: a command for which `test` holds, a `{ }` group or subshell with such a statement, or an
 * `if … else … fi` every branch of which has one (recursively). So `if x; then dnf install -y a && dnf
 * clean all; fi` cleans after its install, and so does `…; if y; then rm -rf L; else apt-get dist-clean;
 * fi`. Blocks are climbed through branches, loops and groups, not out of a function body, a command
 * substitution or an `sh -c` string. A `case` is never credited (its arms' patterns are not in the model).
 */
export function ensuredAfter(script: ShellScript, command: ShellCommand, test: (command: ShellCommand) => boolean): boolean {
  const owned = listsByOwner(script);
  const itemsByRange = new Map<string, { list: ShellList; item: ShellListItem }>();
  for (const list of script.lists) for (const item of list.items) itemsByRange.set(rangeKey(item.textRange), { list, item });

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

  let list: ShellList | undefined = command.list;
  let anchor: ShellListItem | undefined = command.list.items[command.listIndex];
  while (list && anchor) {
    const index = list.items.indexOf(anchor);
    const after = list.items.slice(index + 1);
    // Items after the anchor that run whenever it does: stop at the first `||` (what follows may not run).
    for (let k = 0; k < after.length; k++) {
      const previous = k === 0 ? anchor : after[k - 1]!;
      if (previous.operator === "||" || previous.background) break;
      if (itemEnsures(after[k]!)) return true;
    }
    const owner: ShellList["owner"] = list.owner;
    if (!owner || !CONTINUING_OWNERS.has(owner.kind)) return false;
    const parent = itemsByRange.get(rangeKey(owner.textRange));
    list = parent?.list;
    anchor = parent?.item;
  }
  return false;
}
