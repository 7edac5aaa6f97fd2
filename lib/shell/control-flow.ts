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

/** Owners whose block runs and then goes on with the statement after the construct. */
const CONTINUING_OWNERS: ReadonlySet<string> = new Set(["subshell", "group", "if-body", "else-body", "if-condition", "case-body", "while-body", "until-body", "for-body", "select-body", "while-condition", "until-condition", "time"]);

interface ScriptIndex {
  owned: Map<string, ShellList[]>;
  itemsByRange: Map<string, { list: ShellList; item: ShellListItem }>;
  /** Per question (`key`): per list, the `after` array of `ensuredAfter`. */
  answers: Map<string, Map<ShellList, boolean[]>>;
}

const indexes = new WeakMap<ShellScript, ScriptIndex>();

function indexOf(script: ShellScript): ScriptIndex {
  let index = indexes.get(script);
  if (!index) {
    const itemsByRange = new Map<string, { list: ShellList; item: ShellListItem }>();
    for (const list of script.lists) for (const item of list.items) itemsByRange.set(rangeKey(item.textRange), { list, item });
    index = { owned: listsByOwner(script), itemsByRange, answers: new Map() };
    indexes.set(script, index);
  }
  return index;
}

/**
 * Does a command for which `test` holds run after `command` on every path from it to the end of the
 * script? It does when, in the block of `command` or a block around it, a statement after the one
 * that holds `command` runs whenever that one does (not after `||`, not in the background) and ensures
 * it: a command for which `test` holds, a `{ }` group or subshell with such a statement, or an
 * `if … else … fi` every branch of which has one (recursively). So `if x; then dnf install -y a && dnf
 * clean all; fi` cleans after its install, and so does `…; if y; then rm -rf L; else apt-get dist-clean;
 * fi`. Blocks are climbed through branches, loops and groups, not out of a function body, a command
 * substitution or an `sh -c` string. A `case` is never credited (its arms' patterns are not in the model).
 * `key` names the question `test` answers: answers are kept per script and key, so asking for every
 * command of a long script stays linear.
 */
export function ensuredAfter(script: ShellScript, command: ShellCommand, test: (command: ShellCommand) => boolean, key: string): boolean {
  const { owned, itemsByRange, answers } = indexOf(script);
  let perList = answers.get(key);
  if (!perList) {
    perList = new Map();
    answers.set(key, perList);
  }
  const memo = perList;

  /**
   * Per list, `after[m]`: some statement j ≥ m ensures it and runs whenever statement j - 1 has run
   * (statement j - 1 is not joined to it by `||`; `a || b` runs `b` only when `a` fails), and is not
   * backgrounded. Computed once per list, from the end.
   */
  function after(list: ShellList): boolean[] {
    let known = memo.get(list);
    if (known) return known;
    const items = list.items;
    known = new Array<boolean>(items.length + 1).fill(false);
    memo.set(list, known);
    for (let j = items.length - 1; j >= 1; j--) {
      const item = items[j]!;
      known[j] = (items[j - 1]!.operator !== "||" && !item.background && itemEnsures(item)) || known[j + 1]!;
    }
    return known;
  }

  /** The block ensures it: its first statement does, or a later one reached as `after` says. */
  function listEnsures(list: ShellList): boolean {
    const first = list.items[0];
    return first !== undefined && ((!first.background && itemEnsures(first)) || after(list)[1]!);
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
    if (anchor.background) return false;
    if (after(list)[index + 1]) return true;
    const owner: ShellList["owner"] = list.owner;
    if (!owner || !CONTINUING_OWNERS.has(owner.kind)) return false;
    const parent = itemsByRange.get(rangeKey(owner.textRange));
    list = parent?.list;
    anchor = parent?.item;
  }
  return false;
}
