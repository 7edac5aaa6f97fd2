import type { DockerfileNode, DockerfileProgram } from "../../dockerfile/ast.js";
import { parseDockerfile } from "../../dockerfile/parse.js";
import { visitorKeys } from "../../dockerfile/visitor-keys.js";
import { createTextLanguage } from "../shared/create-language.js";
import type { VisitorKeys } from "../shared/syntax.js";
import { DockerfileSourceCode } from "./dockerfile-source-code.js";

/** `docker/dockerfile`: Dockerfiles and Containerfiles. */
export const dockerfileLanguage = createTextLanguage<DockerfileProgram, DockerfileNode, DockerfileSourceCode>({
  visitorKeys: visitorKeys as unknown as VisitorKeys,
  parse: parseDockerfile,
  createSourceCode: (init) => new DockerfileSourceCode(init),
});
