import rule from "../../rules/no-privileged.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("compose").run("no-privileged", rule, {
  valid: [
    dedent`
      services:
        app:
          image: nginx:1.27
    `,
    dedent`
      services:
        app:
          image: nginx:1.27
          privileged: false
    `,
    // Unknown until deployment: silent.
    dedent`
      services:
        app:
          image: nginx:1.27
          privileged: \${PRIVILEGED}
    `,
    // An extension field is not a service field.
    dedent`
      x-defaults:
        privileged: true
      services:
        app:
          image: nginx:1.27
    `,
  ],
  invalid: [
    {
      code: dedent`
        services:
          app:
            image: nginx:1.27
            privileged: true
      `,
      errors: [{ messageId: "privileged", line: 4, column: 17, endColumn: 21, data: { service: "app" } }],
    },
    {
      // Interpolated with a default, and the string form.
      code: dedent`
        services:
          app:
            privileged: \${PRIV:-true}
          b:
            privileged: 'true'
      `,
      errors: [
        { messageId: "privileged", line: 3, column: 17 },
        { messageId: "privileged", line: 5, column: 17, data: { service: "b" } },
      ],
    },
    {
      // Reached through a merge key: reported at the alias in each service, not once on the anchor.
      code: dedent`
        x-base: &base
          privileged: true
        services:
          a:
            <<: *base
          b:
            <<: *base
      `,
      errors: [
        { messageId: "privileged", line: 5, column: 9, data: { service: "a" } },
        { messageId: "privileged", line: 7, column: 9, data: { service: "b" } },
      ],
    },
  ],
});
