/**
 * Which statements of a script run on every path through it, for questions such as "is the cache
 * removed whichever branch runs": an `if … else … fi` whose every branch does it does it, whereas an
 * `if` without `else`, or a command after `||`, may not run. Read from the shell model's lists
 * (`ShellList.owner` is the construct a block belongs to; every branch of one `if` has the same owner
 * range, `if-body` for `then`/`elif` blocks and `else-body` for the `else` block).
 */
import type { ShellCommand, ShellList, ShellListItem, ShellScript } from "./model.js";

/**
 * Values by text range, two number-keyed levels: no key string per lookup (a `"start,end"` key per
 * list item was a tenth of the heap a 4,000-RUN Dockerfile kept).
 */
class ByRange<V> {
  private readonly byStart = new Map<number, Map<number, V>>();

  get(range: readonly [number, number]): V | undefined {
    return this.byStart.get(range[0])?.get(range[1]);
  }

  set(range: readonly [number, number], value: V): void {
    let byEnd = this.byStart.get(range[0]);
    if (!byEnd) this.byStart.set(range[0], (byEnd = new Map()));
    byEnd.set(range[1], value);
  }
}

/** The lists that belong to each construct (by its text range): an `if`'s branches, a group's body. */
function listsByOwner(script: ShellScript): ByRange<ShellList[]> {
  const owned = new ByRange<ShellList[]>();
  for (const list of script.lists) {
    if (!list.owner) continue;
    const lists = owned.get(list.owner.textRange);
    if (lists) lists.push(list);
    else owned.set(list.owner.textRange, [list]);
  }
  return owned;
}

/** Owners whose block runs and then goes on with the statement after the construct. */
const CONTINUING_OWNERS: ReadonlySet<string> = new Set(["subshell", "group", "if-body", "else-body", "if-condition", "case-body", "while-body", "until-body", "for-body", "select-body", "while-condition", "until-condition", "time"]);

/** Built on the first question that needs each part: most scripts are one flat list and need neither. */
class ScriptIndex {
  private ownedLists: ByRange<ShellList[]> | undefined;
  private items: ByRange<{ list: ShellList; item: ShellListItem }> | undefined;
  /** Per question (`key`): per list, the `after` array of `ensuredAfter`. */
  readonly answers = new Map<string, Map<ShellList, boolean[]>>();

  constructor(private readonly script: ShellScript) {}

  /** The lists a construct at `range` owns (its branches or body). */
  owned(range: readonly [number, number]): ShellList[] | undefined {
    return (this.ownedLists ??= listsByOwner(this.script)).get(range);
  }

  /** The list item at `range` and its list. */
  itemAt(range: readonly [number, number]): { list: ShellList; item: ShellListItem } | undefined {
    if (!this.items) {
      this.items = new ByRange();
      for (const list of this.script.lists) for (const item of list.items) this.items.set(item.textRange, { list, item });
    }
    return this.items.get(range);
  }
}

const indexes = new WeakMap<ShellScript, ScriptIndex>();

function indexOf(script: ShellScript): ScriptIndex {
  let index = indexes.get(script);
  if (!index) {
    index = new ScriptIndex(script);
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
  const index = indexOf(script);
  const answers = index.answers;
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
    const lists = index.owned(item.textRange) ?? [];
    if (item.kind === "group" || item.kind === "subshell") return lists.some((list) => listEnsures(list));
    if (item.kind !== "if") return false;
    const branches = lists.filter((list) => list.owner?.kind === "if-body" || list.owner?.kind === "else-body");
    return branches.some((list) => list.owner?.kind === "else-body") && branches.every((list) => listEnsures(list));
  }

  let list: ShellList | undefined = command.list;
  let anchor: ShellListItem | undefined = command.list.items[command.listIndex];
  while (list && anchor) {
    const position = list.items.indexOf(anchor);
    if (anchor.background) return false;
    if (after(list)[position + 1]) return true;
    const owner: ShellList["owner"] = list.owner;
    if (!owner || !CONTINUING_OWNERS.has(owner.kind)) return false;
    const parent = index.itemAt(owner.textRange);
    list = parent?.list;
    anchor = parent?.item;
  }
  return false;
}
