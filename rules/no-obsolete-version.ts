import type { AST } from "yaml-eslint-parser";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { defineComposeFileVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";
import { lineStartAt } from "../lib/utils/line-ends.js";

/**
 * The range that removes a top-level `version:` pair with its whole line(s): from the start of its
 * line through the line break after it, taking a comment that ends the line along. When nothing but
 * blank lines precedes it (the file's start) or the line above is blank, the blank lines after it go
 * too, so that the fix leaves neither a blank first line nor two blank lines in a row. Null when the
 * pair shares a line with something else (a flow mapping), where removing a line would remove more.
 */
function wholeLinesRange(text: string, pair: AST.YAMLPair): [number, number] | null {
  const lineStart = lineStartAt(text, pair.range[0], "yaml");
  if (text.slice(lineStart, pair.range[0]).trim() !== "") return null;
  let end = pair.range[1];
  const rest = /^[ \t]*(?:#[^\r\n]*)?(?:\r\n|\r|\n|$)/u.exec(text.slice(end));
  if (!rest) return null;
  end += rest[0].length;
  const before = text.slice(0, lineStart);
  if (before.trim() === "" || /(?:^|\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)$/u.test(before)) {
    end += /^(?:[ \t]*(?:\r\n|\r|\n))*/u.exec(text.slice(end))![0].length;
  }
  return [before.trim() === "" ? 0 : lineStart, end];
}

export default createRule<ComposeRuleTypes<[], "obsolete">>("no-obsolete-version", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow the top-level `version` field, obsolete and ignored since Compose v2",
      category: "environment",
      config: "recommended",
      fileKinds: ["compose"],
      peers: ["dclint no-version-field"],
    },
    fixable: "code",
    schema: [],
    messages: {
      obsolete: "`version` is obsolete: Compose v2 ignores it (and warns). Remove it; the Compose Specification has no version.",
    },
  },
  create(context) {
    const { text } = context.sourceCode as unknown as { text: string };
    return defineComposeFileVisitor(context, {
      onDocument({ model }) {
        const pair = model.version;
        if (!pair?.key) return;
        const range = wholeLinesRange(text, pair);
        context.report({
          loc: pair.key.loc,
          messageId: "obsolete",
          fix: range ? (fixer) => fixer.removeRange(range) : null,
        });
      },
    });
  },
});
