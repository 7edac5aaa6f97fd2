import { ConfigCommentParser, Directive } from "@eslint/plugin-kit";
import type { DirectiveType, FileProblem, RulesConfig } from "@eslint/core";
import type { CommentLike } from "./syntax.js";

const commentParser = new ConfigCommentParser();

/** `eslint`, `eslint-enable`, `eslint-disable`, `eslint-disable-line`, `eslint-disable-next-line`. */
const INLINE_CONFIG = /^\s*eslint(?:-enable|-disable(?:(?:-next)?-line)?)?(?:\s|$)/u;

export function isInlineConfigComment(comment: CommentLike): boolean {
  return INLINE_CONFIG.test(comment.value);
}

export interface ParsedDirective {
  type: DirectiveType;
  comment: CommentLike;
  value: string;
  justification: string;
}

/** Reads the disable/enable directives of `# eslint-…` comments. */
export function readDisableDirectives(comments: readonly CommentLike[]): ParsedDirective[] {
  const directives: ParsedDirective[] = [];
  for (const comment of comments) {
    if (!isInlineConfigComment(comment)) continue;
    const parsed = commentParser.parseDirective(comment.value);
    if (!parsed || parsed.label === "eslint") continue;
    directives.push({
      type: parsed.label.slice("eslint-".length) as DirectiveType,
      comment,
      value: parsed.value,
      justification: parsed.justification,
    });
  }
  return directives;
}

export function toDirective(directive: { type: DirectiveType; node: unknown; value: string; justification: string }): Directive {
  return new Directive(directive);
}

/** The `# eslint rule: "error"` comments, as ESLint's `applyInlineConfig()` wants them. */
export function readInlineRuleConfigs(comments: readonly CommentLike[]): {
  configs: { config: { rules: RulesConfig }; loc: CommentLike["loc"] }[];
  problems: FileProblem[];
} {
  const configs: { config: { rules: RulesConfig }; loc: CommentLike["loc"] }[] = [];
  const problems: FileProblem[] = [];
  for (const comment of comments) {
    if (!isInlineConfigComment(comment)) continue;
    const parsed = commentParser.parseDirective(comment.value);
    if (parsed?.label !== "eslint") continue;
    const result = commentParser.parseJSONLikeConfig(parsed.value);
    if (result.ok) configs.push({ config: { rules: result.config }, loc: comment.loc });
    else problems.push({ ruleId: null, message: result.error.message, loc: comment.loc });
  }
  return { configs, problems };
}
