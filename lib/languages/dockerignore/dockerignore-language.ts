import type { File, Language, OkParseResult, ParseResult } from "@eslint/core";
import type { DockerignoreNode, DockerignoreProgram } from "../../dockerignore/ast.js";
import { parseDockerignore } from "../../dockerignore/parse.js";
import { visitorKeys } from "../../dockerignore/visitor-keys.js";
import type { VisitorKeys } from "../shared/syntax.js";
import { acceptAnyLanguageOptions, fileText } from "../shared/language-helpers.js";
import { DockerignoreSourceCode } from "./dockerignore-source-code.js";

/** `docker/dockerignore`: `.dockerignore` and `<Dockerfile>.dockerignore` files. */
export const dockerignoreLanguage = {
  fileType: "text",
  lineStart: 1,
  columnStart: 0,
  nodeTypeKey: "type",
  // ESLint types visitor keys as mutable arrays; it never writes to them.
  visitorKeys: visitorKeys as unknown as VisitorKeys,
  defaultLanguageOptions: {},
  validateLanguageOptions: acceptAnyLanguageOptions,
  parse(file: File): ParseResult<DockerignoreProgram> {
    const result = parseDockerignore(fileText(file));
    return result.ok ? { ok: true, ast: result.ast } : { ok: false, errors: result.errors };
  },
  createSourceCode(file: File, parseResult: OkParseResult<DockerignoreProgram>): DockerignoreSourceCode {
    return new DockerignoreSourceCode({ text: fileText(file), ast: parseResult.ast, hasBOM: file.bom });
  },
} satisfies Language<{ LangOptions: Record<string, unknown>; Code: DockerignoreSourceCode; RootNode: DockerignoreProgram; Node: DockerignoreNode }>;
