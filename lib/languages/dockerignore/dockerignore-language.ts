import type { DockerignoreNode, DockerignoreProgram } from "../../dockerignore/ast.js";
import { parseDockerignore } from "../../dockerignore/parse.js";
import { visitorKeys } from "../../dockerignore/visitor-keys.js";
import { createTextLanguage } from "../shared/create-language.js";
import { DOCKER_FILE_PARSES } from "../shared/parse-cache.js";
import type { VisitorKeys } from "../shared/syntax.js";
import { DockerignoreSourceCode } from "./dockerignore-source-code.js";

/** `docker/dockerignore`: `.dockerignore` and `<Dockerfile>.dockerignore` files. */
export const dockerignoreLanguage = createTextLanguage<DockerignoreProgram, DockerignoreNode, DockerignoreSourceCode>({
  visitorKeys: visitorKeys as unknown as VisitorKeys,
  parse: parseDockerignore,
  createSourceCode: (init) => new DockerignoreSourceCode(init),
  // No model keyed by a .dockerignore's AST reads anything but its text (see parse-cache.ts).
  reuseParses: DOCKER_FILE_PARSES,
});
