import type { DockerignoreProgram } from "../../dockerignore/ast.js";
import { visitorKeys } from "../../dockerignore/visitor-keys.js";
import type { VisitorKeys } from "../shared/syntax.js";
import { DockerSourceCode } from "../shared/docker-source-code.js";

export class DockerignoreSourceCode extends DockerSourceCode<DockerignoreProgram> {
  constructor({ text, ast, hasBOM }: { text: string; ast: DockerignoreProgram; hasBOM: boolean }) {
    super({ text, ast, hasBOM, comments: ast.comments, visitorKeys: visitorKeys as unknown as VisitorKeys, wholeLineComments: true });
  }
}
