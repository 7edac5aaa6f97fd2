import { VisitorKeys, type AST } from "yaml-eslint-parser";
import { parseComposeText } from "../../compose/parse.js";
import { createTextLanguage } from "../shared/create-language.js";
import { ComposeSourceCode } from "./compose-source-code.js";

/** `docker/compose`: compose files, parsed by yaml-eslint-parser (eslint-plugin-yml's AST). */
export const composeLanguage = createTextLanguage<AST.YAMLProgram, AST.YAMLNode, ComposeSourceCode>({
  visitorKeys: VisitorKeys,
  parse(text) {
    const result = parseComposeText(text);
    return result.ok ? { ok: true, ast: result.program } : result;
  },
  createSourceCode: (init) => new ComposeSourceCode(init),
});
