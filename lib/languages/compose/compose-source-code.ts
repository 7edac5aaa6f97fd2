import type { AST } from "yaml-eslint-parser";
import { yamlEslintParser } from "../../utils/yaml-parser.js";
import { LINE_BREAK_PATTERN } from "../../utils/line-ends.js";
import { DockerSourceCode } from "../shared/docker-source-code.js";
import type { CommentLike, SyntaxElement } from "../shared/syntax.js";

/**
 * The compose SourceCode keeps yaml-eslint-parser's AST untouched: compose rules read only the AST,
 * so they run the same when a user's eslint-plugin-yml language parsed the file instead of ours. It also
 * offers what eslint-plugin-yml's rules read (`parserServices.isYAML`, YAML tokens and comments through
 * the token store), so `yml/*` rules keep reporting on compose files that our language claims.
 */
export class ComposeSourceCode extends DockerSourceCode<AST.YAMLProgram & SyntaxElement> {
  /** yaml-eslint-parser's tokens, for rules that want them. */
  readonly tokens: readonly AST.Token[];

  constructor({ text, ast, hasBOM }: { text: string; ast: AST.YAMLProgram; hasBOM: boolean }) {
    super({
      text,
      ast,
      hasBOM,
      comments: ast.comments as readonly CommentLike[],
      visitorKeys: yamlEslintParser().VisitorKeys,
      // A YAML comment can follow a value on its line: `image: x # eslint-disable-line …` is right.
      wholeLineComments: false,
      tokens: ast.tokens as unknown as readonly SyntaxElement[],
      parserServices: { isYAML: true },
      // A lone `\r` ends a YAML line, as it does for the parse (`lib/compose/parse.ts`).
      lineEndingPattern: LINE_BREAK_PATTERN.yaml,
    });
    this.tokens = ast.tokens;
  }
}
