import type { Directive } from "@eslint/plugin-kit";
import { allInstructions } from "../../dockerfile/ast-helpers.js";
import type { DockerfileProgram } from "../../dockerfile/ast.js";
import { LINE_ENDING_PATTERN } from "../../dockerfile/positions.js";
import { visitorKeys } from "../../dockerfile/visitor-keys.js";
import type { VisitorKeys } from "../shared/syntax.js";
import { DockerSourceCode } from "../shared/docker-source-code.js";
import { toDirective, type ParsedDirective } from "../shared/inline-config.js";
import { readPeerPragmas, type PeerPragmas } from "../../peers/pragmas.js";
import type { FileProblem } from "@eslint/core";

const NO_LINES: readonly (readonly [number, number])[] = Object.freeze([]);

export class DockerfileSourceCode extends DockerSourceCode<DockerfileProgram> {
  /** `languageOptions.peerSuppressions: false` turns other tools' suppression comments off. */
  readonly #peerSuppressionsOn: boolean;
  #peerPragmas: PeerPragmas | undefined;

  constructor({ text, ast, hasBOM, languageOptions = {} }: { text: string; ast: DockerfileProgram; hasBOM: boolean; languageOptions?: Record<string, unknown> }) {
    // Lines as BuildKit splits them (at `\n`, a lone `\r` is inside a line); the AST's loc does, so getLocFromIndex must agree.
    super({
      text,
      ast,
      hasBOM,
      comments: ast.comments,
      // `# syntax=docker/dockerfile:1` is a comment line to everything but BuildKit (see `LineComment`).
      otherComments: ast.directives.map((directive) => ({ type: "Shebang", value: text.slice(directive.range[0] + 1, directive.range[1]), range: directive.range, loc: directive.loc })),
      visitorKeys: visitorKeys as unknown as VisitorKeys,
      wholeLineComments: true,
      lineEndingPattern: LINE_ENDING_PATTERN,
    });
    this.#peerSuppressionsOn = languageOptions["peerSuppressions"] !== false;
  }

  get #pragmas(): PeerPragmas {
    this.#peerPragmas ??= this.#peerSuppressionsOn ? readPeerPragmas(this.ast) : { suppressions: [], problems: [] };
    return this.#peerPragmas;
  }

  /**
   * The lines (1-based, inclusive ranges) on which findings of `rule` (our id, without `docker/`) are
   * dropped because another tool's comment suppresses the check it corresponds to
   * (`lib/peers/pragmas.ts`); empty when there are none or `peerSuppressions` is false.
   */
  peerSuppressedLines(rule: string): readonly (readonly [number, number])[] {
    const { suppressions } = this.#pragmas;
    // Asked by every rule for every file: most files have no peer comment, and get no new array.
    if (suppressions.length === 0) return NO_LINES;
    return suppressions.filter((suppression) => suppression.rules.has(rule)).map((suppression) => [suppression.startLine, suppression.endLine] as const);
  }

  /** A peer comment naming a check its tool does not have suppresses nothing: say so, as ESLint does for a malformed directive. */
  protected override commentProblems(): FileProblem[] {
    return this.#pragmas.problems.map((problem) => ({ ruleId: null, message: problem.message, loc: problem.loc }));
  }

  /**
   * As plugin-kit's, but an index inside a line's terminator (the `\n` of `\r\n`) is shown at the
   * end of the line's content, as the AST's `loc` is: a finding's end column never lies past its line.
   */
  override getLocFromIndex(index: number): { line: number; column: number } {
    const loc = super.getLocFromIndex(index);
    const length = this.lines[loc.line - 1]?.length;
    return length !== undefined && loc.column > length ? { line: loc.line, column: length } : loc;
  }

  /**
   * `# eslint-disable-next-line` above an instruction covers the whole instruction, however many
   * lines its continuations take (as hadolint's `# hadolint ignore=` does): findings of a long RUN
   * are reported on the line of the command they name, not on the RUN line. ESLint's own
   * next-line directive would only cover the first line, so a multi-line instruction gets a
   * disable/enable pair around it instead.
   */
  protected override expandDirective(parsed: ParsedDirective): Directive[] {
    const { comment, value, justification } = parsed;
    if (parsed.type !== "disable-next-line") return super.expandDirective(parsed);
    const nextLine = comment.loc.end.line + 1;
    const instruction = allInstructions(this.ast).find((candidate) => candidate.loc.start.line === nextLine);
    if (!instruction || instruction.loc.end.line === nextLine) return super.expandDirective(parsed);
    const end = instruction.loc.end;
    const enableNode = {
      type: "DirectiveEnd",
      range: [instruction.range[1], instruction.range[1]] as [number, number],
      loc: { start: { line: end.line, column: end.column + 1 }, end: { line: end.line, column: end.column + 1 } },
    };
    return [
      toDirective({ type: "disable", node: comment, value, justification }),
      toDirective({ type: "enable", node: enableNode, value, justification }),
    ];
  }
}
