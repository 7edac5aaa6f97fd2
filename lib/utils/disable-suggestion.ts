/**
 * The "Disable docker/<id> for this instruction" suggestion every finding carries: an edit that writes
 * `# eslint-disable-next-line docker/<id>` where it works in each file kind. Editors offer their own
 * "disable for this line" action, but vscode-eslint writes `// eslint-disable-next-line` for languages it
 * does not know, which breaks a Dockerfile (an unknown instruction), a compose file (a YAML error) and a
 * `.dockerignore` (a pattern).
 *
 * Where the comment goes:
 * - Dockerfile: above the instruction the finding is in (the Dockerfile language makes the comment cover
 *   the whole instruction, continuation lines and heredocs included); never above a parser directive,
 *   which a comment before it would turn into a comment.
 * - compose file: above the finding's line when that line starts a block mapping entry or a block
 *   sequence item (elsewhere, inside a block scalar or a multi-line flow value, a `#` line is content).
 * - `.dockerignore`: above the entry; a finding on line 1 is one about the whole file (a missing entry),
 *   which a comment line above would move to line 2, so it gets `# eslint-disable docker/<id>` there.
 * A `# eslint-disable-next-line` comment already on the line above gets the rule added to its list.
 */
import type { FileKind } from "./rule-docs.js";

/** A text insertion: `text` goes at offset `at`. */
export interface DisableEdit {
  at: number;
  text: string;
}

interface Located {
  loc: { start: { line: number; column: number }; end: { line: number; column: number } };
}

interface YamlLike extends Located {
  type: string;
  style?: string;
  [key: string]: unknown;
}

/** Lines (1-based) on which a comment line may be put above: per AST, built once. */
const targets = new WeakMap<object, (line: number) => number | null>();

/** Dockerfile: the first line of the instruction covering `line`, or null within the directives. */
function dockerfileTargets(ast: { directives: Located[]; preamble: Located[]; stages: { from: Located; instructions: Located[] }[] }): (line: number) => number | null {
  const spans: [number, number][] = [];
  for (const instruction of ast.preamble) spans.push([instruction.loc.start.line, instruction.loc.end.line]);
  for (const stage of ast.stages) {
    spans.push([stage.from.loc.start.line, stage.from.loc.end.line]);
    for (const instruction of stage.instructions) spans.push([instruction.loc.start.line, instruction.loc.end.line]);
  }
  const lastDirectiveLine = ast.directives.at(-1)?.loc.end.line ?? 0;
  return (line) => {
    if (line <= lastDirectiveLine) return null;
    // Binary search on start lines (spans are in file order and never overlap).
    let low = 0;
    let high = spans.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const [start, end] = spans[middle]!;
      if (line < start) high = middle - 1;
      else if (line > end) low = middle + 1;
      else return start;
    }
    return line;
  };
}

/** Compose: the lines on which a block mapping entry or a block sequence item starts. */
function composeTargets(ast: YamlLike): (line: number) => number | null {
  const lines = new Set<number>();
  const stack: unknown[] = [ast];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const node = stack.pop() as YamlLike | null;
    if (!node || typeof node !== "object" || seen.has(node)) continue;
    seen.add(node);
    if ((node.type === "YAMLMapping" || node.type === "YAMLSequence") && node.style === "block") {
      for (const child of (node.type === "YAMLMapping" ? node["pairs"] : node["entries"]) as (YamlLike | null)[]) if (child) lines.add(child.loc.start.line);
    }
    for (const key of ["body", "content", "pairs", "entries", "key", "value"]) {
      const value = node[key];
      if (Array.isArray(value)) stack.push(...value);
      else if (value && typeof value === "object") stack.push(value);
    }
  }
  return (line) => (lines.has(line) ? line : null);
}

/** The line above which the disable comment goes for a finding on `line`, or null when no comment can go there. */
export function disableTargetLine(kind: FileKind, ast: object, line: number): number | null {
  let find = targets.get(ast);
  if (!find) {
    find = kind === "dockerfile" ? dockerfileTargets(ast as Parameters<typeof dockerfileTargets>[0]) : kind === "compose" ? composeTargets(ast as YamlLike) : (target) => target;
    targets.set(ast, find);
  }
  return find(line);
}

/** A `# eslint-disable-next-line a, b -- why` line: where its rule list ends (offset in the line) and the rules. */
function nextLineDirective(line: string): { listEnd: number; rules: string[] } | null {
  const head = /^[ \t]*#[ \t]*eslint-disable-next-line(?=[ \t])/u.exec(line);
  if (!head) return null;
  const rest = line.slice(head[0].length);
  // ESLint's justification separator: `--` after a blank.
  const justification = rest.search(/[ \t]--/u);
  const list = justification === -1 ? rest : rest.slice(0, justification);
  const rules = list.split(",").map((rule) => rule.trim()).filter((rule) => rule !== "");
  return rules.length === 0 ? null : { listEnd: head[0].length + list.trimEnd().length, rules };
}

let lastText: string | null = null;
let lastHasCrLf = false;

/**
 * Whether `text` has a `\r\n`, remembered for the last text asked about: every finding of every rule
 * asks it of its file's text, which a search would read whole each time when it has none.
 */
function hasCrLf(text: string): boolean {
  if (text !== lastText) {
    lastText = text;
    lastHasCrLf = text.includes("\r\n");
  }
  return lastHasCrLf;
}

/**
 * The edit that disables `ruleId` for `line` (1-based): a comment line above it, indented like it, with
 * the file's line ending; or the rule added to a next-line directive already on the line above.
 * `lineStart(n)` is the offset where line n starts; `directive` is the comment's directive (`eslint-disable`
 * for a whole-file finding); `loneCarriageReturnEndsLines` says the file kind ends lines at a lone `\r`
 * (YAML does; BuildKit and Docker's `.dockerignore` reader do not).
 */
export function disableEdit(
  text: string,
  line: number,
  ruleId: string,
  lineStart: (line: number) => number,
  { directive = "eslint-disable-next-line", loneCarriageReturnEndsLines = false }: { directive?: string; loneCarriageReturnEndsLines?: boolean } = {},
): DisableEdit | null {
  const start = lineStart(line);
  const indent = /^[ \t]*/u.exec(text.slice(start, start + 200))![0];
  if (line > 1) {
    const previousStart = lineStart(line - 1);
    const previous = text.slice(previousStart, start).replace(/\r?\n$|\r$/u, "");
    const directive = nextLineDirective(previous);
    if (directive) return directive.rules.includes(ruleId) ? null : { at: previousStart + directive.listEnd, text: `, ${ruleId}` };
  }
  // The file's own line end; a lone `\r` only where it ends a line (YAML), never in a Dockerfile or a `.dockerignore`.
  const newline = hasCrLf(text) ? "\r\n" : loneCarriageReturnEndsLines && !text.includes("\n") && text.includes("\r") ? "\r" : "\n";
  return { at: start, text: `${indent}# ${directive} ${ruleId}${newline}` };
}
