import type { DockerfileNode, DockerfileProgram } from "../../dockerfile/ast.js";
import { parseDockerfile } from "../../dockerfile/parse.js";
import { visitorKeys } from "../../dockerfile/visitor-keys.js";
import { startLint } from "../../semantics/stages/outside-facts.js";
import { createTextLanguage } from "../shared/create-language.js";
import { DOCKER_FILE_PARSES } from "../shared/parse-cache.js";
import type { VisitorKeys } from "../shared/syntax.js";
import { DockerfileSourceCode } from "./dockerfile-source-code.js";

/** `docker/dockerfile`: Dockerfiles and Containerfiles. */
export const dockerfileLanguage = createTextLanguage<DockerfileProgram, DockerfileNode, DockerfileSourceCode>({
  visitorKeys: visitorKeys as unknown as VisitorKeys,
  parse: parseDockerfile,
  createSourceCode: (init) => {
    // Once per lint: the models this lint derives from the project around the file are of this version.
    startLint(init.ast);
    return new DockerfileSourceCode(init);
  },
  // An editor lints the open file again and again (see parse-cache.ts); the bounds keep a command-line
  // run, which lints each file once, from holding more than a few files' models.
  reuseParses: DOCKER_FILE_PARSES,
});
