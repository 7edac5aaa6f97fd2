import type { DockerfileProgram, Range } from "../lib/dockerfile/ast.js";
import type { KeyValueEntry } from "../lib/compose/types.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { literalCredentials } from "../lib/semantics/secrets/run-credentials.js";
import { runShellOf } from "../lib/languages/dockerfile/visitors.js";
import { findSecretValues, isNonSecretValue, isPathValue, isSecretName, mayHoldSecretValues } from "../lib/semantics/secrets/secrets.js";
import { defineComposeFileVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";
import { fileKindOf } from "../lib/utils/file-kind.js";

type MessageId = "knownFormat" | "secretVariable" | "literalCredential";

/** `text` with the given ranges (relative to `offset`) replaced by spaces, so matches keep their offsets. */
function blankOut(text: string, offset: number, ranges: readonly Range[]): string {
  const parts: string[] = [];
  let kept = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const from = Math.max(kept, start - offset);
    const to = Math.min(text.length, end - offset);
    if (from >= to) continue;
    parts.push(text.slice(kept, from), " ".repeat(to - from));
    kept = to;
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(kept));
  return parts.join("");
}

export default createRule<DockerfileRuleTypes<[], MessageId> & ComposeRuleTypes<[], MessageId>>("no-hardcoded-secret", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow secrets written into Dockerfiles and compose files: known token formats, passwords in URLs, passwords set in RUN, secret-named compose variables with literal values",
      category: "security",
      config: "recommended",
      fileKinds: ["dockerfile", "compose"],
      peers: ["Trivy DS-0031", "KICS Passwords And Secrets", "SonarQube S6437", "Checkov CKV2_DOCKER_17", "gitleaks"],
    },
    schema: [],
    messages: {
      knownFormat: "This looks like {{what}}, written into the file: anyone who can read the file (or the image) has it. Revoke it, and pass it at build or run time as a secret.",
      literalCredential:
        "This is {{what}}, written into the RUN: the command line is stored in the image's history (`docker history --no-trunc` shows it to everyone who pulls the image) and every container of the image shares it. Set it at run time (an entrypoint reading a secret file), or pass it with `RUN --mount=type=secret`.",
      secretVariable: "{{name}} is given a literal value here: a secret in a compose file is shared with everyone who can read it. Use ${{{name}}} from the environment or a .env file kept out of version control, or compose secrets.",
    },
  },
  create(context) {
    const { sourceCode } = context;

    function report(range: Range, messageId: MessageId, data: Record<string, string>): void {
      context.report({ loc: { start: sourceCode.getLocFromIndex(range[0]), end: sourceCode.getLocFromIndex(range[1]) }, messageId, data });
    }

    function scan(text: string, offset: number, reported: Set<number>): void {
      for (const match of findSecretValues(text)) {
        const start = offset + match.range[0];
        if (reported.has(start)) continue;
        reported.add(start);
        report([start, offset + match.range[1]], "knownFormat", { what: match.description });
      }
    }

    function checkDockerfile(program: DockerfileProgram): void {
      // Comments and parser directives never reach the image; a secret there is a repository problem,
      // not the image's. The rest of the file outside the instructions is blank lines, and no format
      // matches across a line break, so one scan of the whole text finds what a scan per instruction would.
      const reported = new Set<number>();
      // Blanking out a copy of the whole file is for files that hold a candidate at all (few do).
      if (mayHoldSecretValues(sourceCode.text)) {
        const notInImage = [...program.directives, ...program.comments].map((node) => node.range);
        scan(blankOut(sourceCode.text, 0, notInImage), 0, reported);
      }
      for (const stage of program.stages) {
        for (const instruction of stage.instructions) {
          if (instruction.type !== "Run") continue;
          const script = runShellOf(program, instruction)?.script;
          if (!script) continue;
          for (const credential of literalCredentials(script)) {
            if (reported.has(credential.range[0])) continue;
            reported.add(credential.range[0]);
            report(credential.range, "literalCredential", { what: credential.what });
          }
        }
      }
    }

    function checkEntry(entry: KeyValueEntry, reported: Set<number>): void {
      if (!isSecretName(entry.key) || entry.value === null || entry.variables.length > 0 || isNonSecretValue(entry.value, entry.key) || isPathValue(entry.value)) return;
      const node = entry.valueNode;
      if (!node) return;
      const start = entry.via ? entry.via.range[0] : node.range[0] + (entry.form === "list" ? entry.valueIndex : 0);
      const end = entry.via ? entry.via.range[1] : node.range[1];
      if (reported.has(start)) return;
      reported.add(start);
      report([start, end], "secretVariable", { name: entry.key });
    }

    return {
      Program(node) {
        // A compose file's Program reaches this listener too: only a Dockerfile's has stages.
        if (fileKindOf(node) === "dockerfile") checkDockerfile(node);
      },
      ...defineComposeFileVisitor(context, {
        onDocument({ document, model }) {
          const reported = new Set<number>();
          for (const service of model.services.values()) {
            for (const entry of service.environment) checkEntry(entry, reported);
            for (const entry of service.build?.args ?? []) checkEntry(entry, reported);
          }
          const [start, end] = document.range;
          const comments = (document.parent?.comments ?? []).map((comment) => comment.range as Range);
          scan(blankOut(sourceCode.text.slice(start, end), start, comments), start, reported);
        },
      }),
    };
  },
});
