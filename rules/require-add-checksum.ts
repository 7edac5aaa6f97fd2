import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { classifyAddSource } from "../lib/semantics/files/add-sources.js";
import { argumentValue } from "../lib/semantics/variables/word-value.js";
import { createRule } from "../lib/utils/create-rule.js";

/** The URL with any `user:password@` part masked: a message must never repeat a secret. */
function withoutCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/iu, "$1…@");
}

export default createRule<DockerfileRuleTypes<[], "missingChecksum">>("require-add-checksum", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Require `--checksum` on ADD of a remote URL",
      category: "security",
      config: "strict",
      fileKinds: ["dockerfile"],
      peers: [],
    },
    schema: [],
    messages: {
      missingChecksum: "ADD downloads '{{url}}' without --checksum: whatever the server sends ends up in the image. Add --checksum=sha256:<digest>.",
    },
  },
  create(context) {
    const program = context.sourceCode.ast;
    return {
      Add(node) {
        if (node.flags.some((flag) => flag.name === "checksum")) return;
        for (const source of node.sources) {
          const value = argumentValue(program, node, source);
          // A URL only known at build time is reported too: its scheme is written literally.
          const written = source.value;
          const kind = value !== null ? classifyAddSource(value) : /^https?:\/\//iu.test(written) ? classifyAddSource(written) : "unknown";
          if (kind !== "url") continue;
          context.report({ loc: source.loc, messageId: "missingChecksum", data: { url: withoutCredentials(value ?? written) } });
        }
      },
    };
  },
});
