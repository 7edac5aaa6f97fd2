import { TextSourceCodeBase } from "@eslint/plugin-kit";
import type { Directive } from "@eslint/plugin-kit";
import type { FileProblem, RulesConfig, SourceLocation, TraversalStep } from "@eslint/core";
import { createFakeGlobalScope, createFakeScopeManager } from "./javascript-compat.js";
import { isInlineConfigComment, readDisableDirectives, readInlineRuleConfigs, toDirective, type ParsedDirective } from "./inline-config.js";
import type { CommentLike, SyntaxElement, VisitorKeys } from "./syntax.js";
import { nodeAtIndex, traversalSteps } from "./traverse.js";

export interface DockerSourceCodeInit<Root extends SyntaxElement> {
  text: string;
  ast: Root;
  comments: readonly CommentLike[];
  visitorKeys: VisitorKeys;
  hasBOM: boolean;
  /**
   * True where a `#` comment always takes a whole line (Dockerfile, `.dockerignore`), so that
   * `eslint-disable-line` could only ever disable the comment itself and is reported as a mistake.
   */
  wholeLineComments: boolean;
  /** What ends a line in this language, when it is not ESLint's default `\r?\n`. */
  lineEndingPattern?: RegExp;
}

/**
 * What the SourceCode objects of our three languages share: traversal by visitor keys, `# eslint-…`
 * comments, and the JavaScript compatibility surface. Each language subclasses it with its own AST.
 */
export class DockerSourceCode<Root extends SyntaxElement> extends TextSourceCodeBase<{
  LangOptions: Record<string, unknown>;
  RootNode: Root;
  SyntaxElementWithLoc: SyntaxElement;
  ConfigNode: CommentLike;
}> {
  readonly hasBOM: boolean;
  readonly visitorKeys: VisitorKeys;
  readonly comments: readonly CommentLike[];
  /** Core JavaScript rules look for these; our files have none. */
  readonly parserServices: Record<string, never> = {};
  readonly tokensAndComments: readonly CommentLike[];
  readonly #wholeLineComments: boolean;
  #steps: TraversalStep[] | null = null;

  constructor(init: DockerSourceCodeInit<Root>) {
    super({ text: init.text, ast: init.ast, ...(init.lineEndingPattern ? { lineEndingPattern: init.lineEndingPattern } : {}) });
    this.hasBOM = init.hasBOM;
    this.visitorKeys = init.visitorKeys;
    this.comments = init.comments;
    this.tokensAndComments = init.comments;
    this.#wholeLineComments = init.wholeLineComments;
  }

  override traverse(): Iterable<TraversalStep> {
    this.#steps ??= traversalSteps(this.ast, this.visitorKeys);
    return this.#steps;
  }

  getAllComments(): readonly CommentLike[] {
    return this.comments;
  }

  getInlineConfigNodes(): CommentLike[] {
    return this.comments.filter(isInlineConfigComment);
  }

  getDisableDirectives(): { problems: FileProblem[]; directives: Directive[] } {
    const problems: FileProblem[] = [];
    const directives: Directive[] = [];
    for (const parsed of readDisableDirectives(this.comments)) {
      if (parsed.type === "disable-line" && this.#wholeLineComments) {
        problems.push({ ruleId: null, message: this.disableLineMessage(), loc: parsed.comment.loc });
        continue;
      }
      directives.push(...this.expandDirective(parsed));
    }
    return { problems, directives };
  }

  private disableLineMessage(): string {
    return "eslint-disable-line cannot apply here: a # comment takes the whole line. Use eslint-disable-next-line above the line instead.";
  }

  /** A language may widen what one directive covers (see the Dockerfile language). */
  protected expandDirective(parsed: ParsedDirective): Directive[] {
    return [toDirective({ type: parsed.type, node: parsed.comment, value: parsed.value, justification: parsed.justification })];
  }

  applyInlineConfig(): { configs: { config: { rules: RulesConfig }; loc: SourceLocation }[]; problems: FileProblem[] } {
    return readInlineRuleConfigs(this.comments);
  }

  getNodeByRangeIndex(index: number): SyntaxElement | null {
    return nodeAtIndex(this.ast, this.visitorKeys, index);
  }

  /** @deprecated JavaScript compatibility: our languages have no scopes. */
  getScope(node: unknown) {
    return node === this.ast ? createFakeGlobalScope(this.ast) : null;
  }

  /** @deprecated JavaScript compatibility: our languages have no scopes. */
  get scopeManager() {
    return createFakeScopeManager(this.ast);
  }

  /** @deprecated JavaScript compatibility: our languages have no variables. */
  getDeclaredVariables(): [] {
    return [];
  }

  /** @deprecated JavaScript compatibility: there are no tokens besides comments. */
  getTokens(): [] {
    return [];
  }

  /** @deprecated JavaScript compatibility. */
  markVariableAsUsed(): boolean {
    return false;
  }
}
