import rule from "../../rules/no-obsolete-version.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("compose").run("no-obsolete-version", rule, {
  valid: [
    "services:\n  web:\n    image: nginx:1.27\n",
    // Only the top-level field: a service's or an extension's `version` is something else.
    "services:\n  web:\n    image: nginx:1.27\n    labels:\n      version: '3'\n",
    "x-version: '3.8'\nservices: {}\n",
    "",
  ],
  invalid: [
    {
      code: 'version: "3.9"\nservices:\n  web:\n    image: nginx:1.27\n',
      output: "services:\n  web:\n    image: nginx:1.27\n",
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
      code: "version: '3.8'\n\nservices:\n  web:\n    image: nginx:1.27\n",
      output: "services:\n  web:\n    image: nginx:1.27\n",
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
      code: "name: app\n\nversion: '3'\n\nservices: {}\n",
      output: "name: app\n\nservices: {}\n",
      errors: [{ messageId: "obsolete", line: 3, column: 1 }],
    },
    {
      // Under a header comment: the blank line that separates the comment from the rest stays.
      code: "# the stack\nversion: '3'\n\nservices: {}\n",
      output: "# the stack\n\nservices: {}\n",
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
