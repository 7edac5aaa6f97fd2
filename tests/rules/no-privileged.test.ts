import rule from "../../rules/no-privileged.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("compose").run("no-privileged", rule, {
  valid: [
    "services:\n  app:\n    image: nginx:1.27\n",
    "services:\n  app:\n    image: nginx:1.27\n    privileged: false\n",
    // Unknown until deployment: silent.
    "services:\n  app:\n    image: nginx:1.27\n    privileged: ${PRIVILEGED}\n",
    // An extension field is not a service field.
    "x-defaults:\n  privileged: true\nservices:\n  app:\n    image: nginx:1.27\n",
  ],
  invalid: [
    {
      code: "services:\n  app:\n    image: nginx:1.27\n    privileged: true\n",
      errors: [{ messageId: "privileged", line: 4, column: 17, endColumn: 21, data: { service: "app" } }],
    },
    {
      // Interpolated with a default, and the string form.
      code: "services:\n  app:\n    privileged: ${PRIV:-true}\n  b:\n    privileged: 'true'\n",
      errors: [
        { messageId: "privileged", line: 3, column: 17 },
        { messageId: "privileged", line: 5, column: 17, data: { service: "b" } },
      ],
    },
    {
      // Reached through a merge key: reported at the alias in each service, not once on the anchor.
      code: "x-base: &base\n  privileged: true\nservices:\n  a:\n    <<: *base\n  b:\n    <<: *base\n",
      errors: [
        { messageId: "privileged", line: 5, column: 9, data: { service: "a" } },
        { messageId: "privileged", line: 7, column: 9, data: { service: "b" } },
      ],
    },
  ],
});
