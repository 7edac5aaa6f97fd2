import type { Word } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { isNonSecretValue, isPathValue, isSecretName } from "../lib/semantics/secrets/secrets.js";
import { createRule } from "../lib/utils/create-rule.js";

/** A value that is only a reference (`$TOKEN`, `${TOKEN}`, `"${TOKEN}"`): it holds no literal secret of its own. */
function isOnlyReference(word: Word): boolean {
  const variable = word.variables[0];
  if (word.variables.length !== 1 || !variable) return false;
  const rest = word.value.slice(0, variable.range[0] - word.range[0]) + word.value.slice(variable.range[1] - word.range[0]);
  return /^["']*$/u.test(rest);
}

/** Empty, a switch (`no`), an auth method of an `…_AUTH` name, a file path (`/run/secrets/x`), or only a reference: nothing secret in the value itself. */
function isHarmlessValue(word: Word, name: string): boolean {
  const unquoted = word.value.replace(/^(["'])(.*)\1$/su, "$2");
  return isNonSecretValue(unquoted, name) || isPathValue(unquoted) || isOnlyReference(word);
}

export default createRule<DockerfileRuleTypes<[], "argSecret" | "envSecret">>("no-secret-in-arg-env", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow ARG and ENV that carry a secret (a password, token, API key…) into the image",
      category: "security",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3064", "BuildKit SecretsUsedInArgOrEnv", "Trivy DS-0031", "KICS Secrets Stored In Dockerfile", "KICS Passwords And Secrets", "SonarQube S6472"],
    },
    schema: [],
    messages: {
      argSecret:
        "ARG {{name}} looks like a secret: build arguments are recorded in the image history and build provenance. Use a secret mount (RUN --mount=type=secret,id={{id}}) instead.",
      envSecret:
        "ENV {{name}} looks like a secret: it is stored in the image config, readable by anyone who can pull the image. Pass it at run time (or read it from a secret file, e.g. {{name}}_FILE).",
    },
  },
  create(context) {
    return {
      Arg(node) {
        for (const declaration of node.args) {
          if (!isSecretName(declaration.name)) continue;
          const value = declaration.defaultValue;
          // `ARG TOKEN` (filled by --build-arg) is the classic case; an empty or switch-like default, or one that only forwards another variable, carries nothing itself.
          if (value && isHarmlessValue(value, declaration.name)) continue;
          // The value when there is one (that is what leaks), else the name (`ARG TOKEN`, filled by --build-arg).
          const range = value ? value.range : declaration.nameRange;
          context.report({
            loc: { start: context.sourceCode.getLocFromIndex(range[0]), end: context.sourceCode.getLocFromIndex(range[1]) },
            messageId: "argSecret",
            data: { name: declaration.name, id: declaration.name.toLowerCase() },
          });
        }
      },
      Env(node) {
        for (const pair of node.pairs) {
          if (!isSecretName(pair.key.value) || !pair.value) continue;
          if (isHarmlessValue(pair.value, pair.key.value)) continue;
          context.report({ loc: pair.value.loc, messageId: "envSecret", data: { name: pair.key.value } });
        }
      },
    };
  },
});
