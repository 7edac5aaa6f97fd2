import type { Expose, Word } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { stageOf } from "../lib/semantics/stages/stages.js";
import { resolveWordAt } from "../lib/semantics/variables/resolve-word.js";
import { createRule } from "../lib/utils/create-rule.js";

type MessageIds = "mapping" | "protocolCasing" | "outOfRange" | "notAPort" | "unknownProtocol";

/** Protocols Docker's port parser accepts (`go-connections/nat`, `validateProto`). */
const PROTOCOLS = new Set(["tcp", "udp", "sctp"]);
const PORT = /^\d+$/u;

export default createRule<DockerfileRuleTypes<[], MessageIds>>("valid-expose", {
  meta: {
    type: "problem",
    docs: {
      description: "Require EXPOSE ports to be container ports (no IP or host mapping) in 0-65535 with a lower-case protocol",
      category: "networking",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL3011", "BuildKit ExposeInvalidFormat", "BuildKit ExposeProtoCasing", "Trivy DS-0008", "KICS UNIX Ports Out Of Range"],
    },
    fixable: "code",
    schema: [],
    messages: {
      mapping:
        "EXPOSE '{{port}}' names an IP address or a host port: EXPOSE only documents the container port (publishing is `docker run -p` or compose `ports:`). Write '{{container}}'.",
      protocolCasing: "The protocol in EXPOSE '{{port}}' should be lower case: '{{expected}}'.",
      outOfRange: "Port {{number}} in EXPOSE '{{port}}' is outside 0-65535: `docker build` rejects it.",
      notAPort: "EXPOSE '{{port}}' is not a port number or range: `docker build` rejects it.",
      unknownProtocol: "EXPOSE '{{port}}' uses protocol '{{protocol}}': Docker knows tcp, udp and sctp.",
    },
  },
  create(context) {
    const program = context.sourceCode.ast;
    const text = context.sourceCode.text;

    function checkPort(node: Expose, word: Word): void {
      const stage = stageOf(program, node);
      const value = stage ? resolveWordAt(program, stage, node, word) : null;
      if (value === null || value === "") return;
      const slash = value.lastIndexOf("/");
      const spec = slash === -1 ? value : value.slice(0, slash);
      const protocol = slash === -1 ? null : value.slice(slash + 1);
      const parts = spec.split(":");
      const container = parts[parts.length - 1]!;
      if (parts.length > 1) {
        context.report({ loc: word.loc, messageId: "mapping", data: { port: value, container: protocol === null ? container : `${container}/${protocol.toLowerCase()}` } });
        return;
      }
      const ends = container.split("-");
      if (ends.length > 2 || !ends.every((end) => PORT.test(end))) {
        context.report({ loc: word.loc, messageId: "notAPort", data: { port: value } });
        return;
      }
      const tooBig = ends.find((end) => Number(end) > 65535);
      if (tooBig !== undefined) {
        context.report({ loc: word.loc, messageId: "outOfRange", data: { port: value, number: tooBig } });
        return;
      }
      if (protocol === null) return;
      const lower = protocol.toLowerCase();
      if (!PROTOCOLS.has(lower)) {
        context.report({ loc: word.loc, messageId: "unknownProtocol", data: { port: value, protocol } });
        return;
      }
      if (protocol === lower) return;
      // Fixed only when the protocol is written literally after the last `/` of the word.
      const raw = text.slice(word.range[0], word.range[1]);
      const rawSlash = raw.lastIndexOf("/");
      const canFix = rawSlash !== -1 && raw.slice(rawSlash + 1) === protocol;
      context.report({
        loc: word.loc,
        messageId: "protocolCasing",
        data: { port: value, expected: `${spec}/${lower}` },
        fix: canFix ? (fixer) => fixer.replaceTextRange([word.range[0] + rawSlash + 1, word.range[1]], lower) : null,
      });
    }

    return {
      Expose(node) {
        for (const port of node.ports) checkPort(node, port);
      },
    };
  },
});
