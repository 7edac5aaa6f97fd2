import { describe, expect, it } from "vitest";
import rule, { quoteLabelValue } from "../../rules/no-maintainer.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("no-maintainer", rule, {
  valid: [
    'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="jane@example.com"\n',
    dedent`
      FROM alpine:3.20
      # MAINTAINER in a comment is fine
      RUN echo MAINTAINER
    `,
  ],
  invalid: [
    {
      code: dedent`
        FROM alpine:3.20
        MAINTAINER Jane Doe <jane@example.com>
        RUN true
      `,
      output: dedent`
        FROM alpine:3.20
        LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
        RUN true
      `,
      errors: [{ messageId: "deprecated", line: 2, column: 1, endLine: 2, endColumn: 11 }],
    },
    {
      // Quotes, `$` (MAINTAINER substitutes nothing; LABEL would) and the escape character are escaped.
      code: 'FROM alpine:3.20\nmaintainer "Ops" $TEAM \\o/\n',
      output: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="\\"Ops\\" \\$TEAM \\\\o/"\n',
      errors: [{ messageId: "deprecated", line: 2, column: 1 }],
    },
    {
      // With `# escape=\``, the backtick escapes.
      code: dedent`
        # escape=\`
        FROM alpine:3.20
        MAINTAINER a\`b "c"
      `,
      output: dedent`
        # escape=\`
        FROM alpine:3.20
        LABEL org.opencontainers.image.authors="a\`\`b \`"c\`""
      `,
      errors: [{ messageId: "deprecated", line: 3, column: 1 }],
    },
    {
      // Nothing to move into a label: reported, not fixed.
      code: "FROM alpine:3.20\nMAINTAINER\n",
      output: null,
      errors: [{ messageId: "deprecated", line: 2, column: 1 }],
    },
  ],
});

describe("quoteLabelValue", () => {
  it("escapes only what BuildKit's double-quote lexing treats specially", () => {
    expect(quoteLabelValue("a 'b' c", "\\")).toBe(`"a 'b' c"`);
    expect(quoteLabelValue('x"$\\', "\\")).toBe(`"x\\"\\$\\\\"`);
  });
});
