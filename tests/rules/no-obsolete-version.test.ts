import rule from "../../rules/no-obsolete-version.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("compose").run("no-obsolete-version", rule, {
  valid: [
    dedent`
      services:
        web:
          image: nginx:1.27
    `,
    // Only the top-level field: a service's or an extension's `version` is something else.
    dedent`
      services:
        web:
          image: nginx:1.27
          labels:
            version: '3'
    `,
    "x-version: '3.8'\nservices: {}\n",
    "",
  ],
  invalid: [
    {
      code: dedent`
        version: "3.9"
        services:
          web:
            image: nginx:1.27
      `,
      output: dedent`
        services:
          web:
            image: nginx:1.27
      `,
      errors: [{ messageId: "obsolete", line: 1, column: 1, endLine: 1, endColumn: 8 }],
    },
    {
      // Not the first key; its trailing comment goes with it; CRLF is kept intact.
      code: "name: app\r\nversion: '3' # compose file format\r\nservices: {}\r\n",
      output: "name: app\r\nservices: {}\r\n",
      errors: [{ messageId: "obsolete", line: 2, column: 1 }],
    },
    {
      // The last line, without a final line break.
      code: "services: {}\nversion: 2.4",
      output: "services: {}\n",
      errors: [{ messageId: "obsolete", line: 2, column: 1 }],
    },
    {
      // The first line, followed by a blank line: the fix leaves no blank first line.
      code: dedent`
        version: '3.8'

        services:
          web:
            image: nginx:1.27
      `,
      output: dedent`
        services:
          web:
            image: nginx:1.27
      `,
      errors: [{ messageId: "obsolete", line: 1, column: 1 }],
    },
    {
      // Blank lines before it too (CRLF): all of them go, up to the first content line.
      code: "\r\nversion: '3.8'\r\n\r\nservices: {}\r\n",
      output: "services: {}\r\n",
      errors: [{ messageId: "obsolete", line: 2, column: 1 }],
    },
    {
      // Lone CR line ends (a YAML line break): the file is read, fixed and located as Compose reads it.
      code: 'version: "3.8" # legacy\rservices:\r  web:\r    image: nginx:1.27\r',
      output: "services:\r  web:\r    image: nginx:1.27\r",
      errors: [{ messageId: "obsolete", line: 1, column: 1 }],
    },
    {
      code: "name: app\rversion: '3'\r\rservices: {}\r",
      output: "name: app\r\rservices: {}\r",
      errors: [{ messageId: "obsolete", line: 2, column: 1 }],
    },
    {
      // Between two blank lines: one blank line stays, not two in a row.
      code: dedent`
        name: app

        version: '3'

        services: {}
      `,
      output: dedent`
        name: app

        services: {}
      `,
      errors: [{ messageId: "obsolete", line: 3, column: 1 }],
    },
    {
      // Under a header comment: the blank line that separates the comment from the rest stays.
      code: dedent`
        # the stack
        version: '3'

        services: {}
      `,
      output: dedent`
        # the stack

        services: {}
      `,
      errors: [{ messageId: "obsolete", line: 2, column: 1 }],
    },
    {
      // A flow mapping: removing the line would remove everything, so no fix.
      code: "{version: '3', services: {}}\n",
      output: null,
      errors: [{ messageId: "obsolete", line: 1, column: 2 }],
    },
  ],
});
