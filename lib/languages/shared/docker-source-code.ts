import { TextSourceCodeBase } from "@eslint/plugin-kit";
import type { Directive } from "@eslint/plugin-kit";
import type { FileProblem, RulesConfig, SourceLocation, TraversalStep } from "@eslint/core";
import { addJavaScriptProgramShape, createFakeGlobalScope, createFakeScopeManager, untypedTypeScriptServices, type FakeScope } from "./javascript-compat.js";
import { isInlineConfigComment, readDisableDirectives, readInlineRuleConfigs, toDirective, type ParsedDirective } from "./inline-config.js";
import type { CommentLike, SyntaxElement, VisitorKeys } from "./syntax.js";
import { TokenStore, type CursorOptions, type Ranged } from "./token-store.js";
import { nodeAtIndex, traversalSteps } from "./traverse.js";
import { lineTokens } from "./line-tokens.js";

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
  /**
   * The language's tokens, as rules that walk tokens see them. By default, one token per line of
   * content outside comments (`line-tokens.ts`).
   */
  tokens?: readonly SyntaxElement[];
  /**
   * Comment-like lines that are not in `comments` because they are no inline-config candidates, such as
   * a Dockerfile's parser directives (`# syntax=…`): text-level rules see them as the comments they look like.
   */
  otherComments?: readonly CommentLike[];
  /**
   * What the parser offers rules beyond what every language of ours offers (typescript-eslint's services
   * of a file without type information): `{ isYAML: true }` for compose files (eslint-plugin-yml's rules check it).
   */
  parserServices?: Record<string, unknown>;
}

/**
 * A comment as ESLint's rules expect one: `{ type, value, range, loc }`. ESLint knows three types, and
 * to the rules that edit comments "Line" means `//` and "Block" means `/* … *\/`: their fixes write those
 * delimiters and edit the value at `range[0] + 2`. A `#` comment is neither; ESLint's one comment type
 * that starts with `#` is "Shebang", which comment-style rules (`capitalized-comments`, `spaced-comment`,
 * `multiline-comment-style`, `no-inline-comments`, `no-warning-comments`) leave alone. Typed "Line",
 * a Dockerfile's comments were rewritten by those fixes into `#nN space` or a `/*` line that breaks the
 * build. So the `#` comments of a Dockerfile and a `.dockerignore` are "Shebang" comments; a compose
 * file's keep the type yaml-eslint-parser gives them ("Block"), which eslint-plugin-yml's rules expect.
 */
export interface RuleComment extends CommentLike {
  type: "Line" | "Block" | "Shebang";
}

function isRuleComment(comment: CommentLike): comment is RuleComment {
  return comment.type === "Line" || comment.type === "Block" || comment.type === "Shebang";
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
  /** The AST's own comment nodes (a Dockerfile's are `type: "Comment"`); `getAllComments()` gives them as rules expect (`RuleComment`). */
  readonly comments: readonly CommentLike[];
  readonly parserServices: Record<string, unknown>;
  /** Our ASTs are not ESTree: rules that check this (`@stylistic/indent`) step aside. */
  readonly isESTree = false;
  readonly #wholeLineComments: boolean;
  readonly #lineEndingPattern: RegExp | undefined;
  readonly #tokenInit: Pick<DockerSourceCodeInit<Root>, "tokens" | "otherComments" | "comments">;
  #tokenStoreCache: TokenStore<SyntaxElement, RuleComment> | null = null;
  #steps: TraversalStep[] | null = null;
  #globalScope: FakeScope | null = null;

  constructor(init: DockerSourceCodeInit<Root>) {
    super({ text: init.text, ast: init.ast, ...(init.lineEndingPattern ? { lineEndingPattern: init.lineEndingPattern } : {}) });
    this.hasBOM = init.hasBOM;
    this.visitorKeys = init.visitorKeys;
    this.comments = init.comments;
    this.parserServices = { ...untypedTypeScriptServices(), ...init.parserServices };
    this.#wholeLineComments = init.wholeLineComments;
    this.#lineEndingPattern = init.lineEndingPattern;
    this.#tokenInit = { comments: init.comments, ...(init.tokens ? { tokens: init.tokens } : {}), ...(init.otherComments ? { otherComments: init.otherComments } : {}) };
    addJavaScriptProgramShape(init.ast);
  }

  override traverse(): Iterable<TraversalStep> {
    this.#steps ??= traversalSteps(this.ast, this.visitorKeys);
    return this.#steps;
  }

  /** Built on first use: our own rules never ask for tokens, only JavaScript rules a user enabled everywhere do. */
  get #tokenStore(): TokenStore<SyntaxElement, RuleComment> {
    if (this.#tokenStoreCache) return this.#tokenStoreCache;
    const comments = [...this.#tokenInit.comments, ...(this.#tokenInit.otherComments ?? [])]
      .map((comment): RuleComment => (isRuleComment(comment) ? comment : { type: "Shebang", value: comment.value, range: comment.range, loc: comment.loc }))
      .sort((a, b) => a.range[0] - b.range[0]);
    const tokens = this.#tokenInit.tokens ?? lineTokens(this.text, comments.map((comment) => comment.range), (index) => this.getLocFromIndex(index), this.#lineEndingPattern);
    this.#tokenStoreCache = new TokenStore(tokens, comments);
    return this.#tokenStoreCache;
  }

  /** The text's lines, split where the language ends a line (as `lines`). */
  getLines(): string[] {
    return this.lines;
  }

  /** Every comment, in source order, as `{ type, value, range, loc }` (`RuleComment` says which type). */
  getAllComments(): readonly RuleComment[] {
    return this.#tokenStore.getAllComments();
  }

  /** Tokens and comments in source order. */
  get tokensAndComments(): readonly (SyntaxElement | RuleComment)[] {
    return this.#tokenStore.tokensAndComments;
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
    problems.push(...this.commentProblems());
    return { problems, directives };
  }

  /** Problems with other comments a language reads (the Dockerfile language: other tools' suppression comments). */
  protected commentProblems(): FileProblem[] {
    return [];
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

  // -------------------------------------------------------------------------------------------
  // ESLint's token-store API (lib/languages/shared/token-store.ts): the language's tokens (none in a
  // Dockerfile or `.dockerignore`: they have no JavaScript tokens) and its comments.

  getFirstToken(node: Ranged, options?: CursorOptions<Ranged>) {
    return this.#tokenStore.getFirstToken(node, options);
  }
  getFirstTokens(node: Ranged, options?: CursorOptions<Ranged>) {
    return this.#tokenStore.getFirstTokens(node, options);
  }
  getLastToken(node: Ranged, options?: CursorOptions<Ranged>) {
    return this.#tokenStore.getLastToken(node, options);
  }
  getLastTokens(node: Ranged, options?: CursorOptions<Ranged>) {
    return this.#tokenStore.getLastTokens(node, options);
  }
  getTokenBefore(node: Ranged, options?: CursorOptions<Ranged>) {
    return this.#tokenStore.getTokenBefore(node, options);
  }
  getTokensBefore(node: Ranged, options?: CursorOptions<Ranged>) {
    return this.#tokenStore.getTokensBefore(node, options);
  }
  getTokenAfter(node: Ranged, options?: CursorOptions<Ranged>) {
    return this.#tokenStore.getTokenAfter(node, options);
  }
  getTokensAfter(node: Ranged, options?: CursorOptions<Ranged>) {
    return this.#tokenStore.getTokensAfter(node, options);
  }
  getFirstTokenBetween(left: Ranged, right: Ranged, options?: CursorOptions<Ranged>) {
    return this.#tokenStore.getFirstTokenBetween(left, right, options);
  }
  getFirstTokensBetween(left: Ranged, right: Ranged, options?: CursorOptions<Ranged>) {
    return this.#tokenStore.getFirstTokensBetween(left, right, options);
  }
  getLastTokenBetween(left: Ranged, right: Ranged, options?: CursorOptions<Ranged>) {
    return this.#tokenStore.getLastTokenBetween(left, right, options);
  }
  getLastTokensBetween(left: Ranged, right: Ranged, options?: CursorOptions<Ranged>) {
    return this.#tokenStore.getLastTokensBetween(left, right, options);
  }
  getTokens(node: Ranged, beforeCount?: CursorOptions<Ranged>, afterCount?: number) {
    return this.#tokenStore.getTokens(node, beforeCount, afterCount);
  }
  getTokensBetween(left: Ranged, right: Ranged, padding?: CursorOptions<Ranged>) {
    return this.#tokenStore.getTokensBetween(left, right, padding);
  }
  getTokenByRangeStart(offset: number, options?: { includeComments?: boolean }) {
    return this.#tokenStore.getTokenByRangeStart(offset, options);
  }
  getCommentsBefore(nodeOrToken: Ranged): RuleComment[] {
    return this.#tokenStore.getCommentsBefore(nodeOrToken);
  }
  getCommentsAfter(nodeOrToken: Ranged): RuleComment[] {
    return this.#tokenStore.getCommentsAfter(nodeOrToken);
  }
  getCommentsInside(node: Ranged): RuleComment[] {
    return this.#tokenStore.getCommentsInside(node);
  }
  commentsExistBetween(left: Ranged, right: Ranged): boolean {
    return this.#tokenStore.commentsExistBetween(left, right);
  }
  /** Whether whitespace separates two nodes or tokens (outside the tokens and comments between them). */
  isSpaceBetween(first: Ranged, second: Ranged): boolean {
    return this.#tokenStore.isSpaceBetween(this.text, first, second);
  }
  /** @deprecated ESLint's older name of `isSpaceBetween`. */
  isSpaceBetweenTokens(first: Ranged, second: Ranged): boolean {
    return this.isSpaceBetween(first, second);
  }

  // -------------------------------------------------------------------------------------------
  // JavaScript scope compatibility: our files have one, empty, global scope and no variables.

  /** The (empty) global scope, whatever the node: there is no other scope. */
  getScope(_node?: unknown): FakeScope {
    this.#globalScope ??= createFakeGlobalScope(this.ast);
    return this.#globalScope;
  }

  get scopeManager() {
    return createFakeScopeManager(this.ast, this.getScope());
  }

  /** No declarations: always `[]`. */
  getDeclaredVariables(_node?: unknown): [] {
    return [];
  }

  /** No variables: nothing is marked. */
  markVariableAsUsed(_name?: string, _node?: unknown): boolean {
    return false;
  }

  /** No JavaScript references: nothing refers to a global. */
  isGlobalReference(_node?: unknown): boolean {
    return false;
  }
}
