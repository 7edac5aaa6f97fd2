import rule from "../../rules/no-duplicate-container-name.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("compose").run("no-duplicate-container-name", rule, {
  valid: [
    dedent`
      services:
        a:
          container_name: app-a
        b:
          container_name: app_b.1
    `,
    dedent`
      services:
        a:
          container_name: \${NAME}
        b:
          container_name: \${NAME}
    `,
    dedent`
      services:
        dev:
          profiles: [dev]
          container_name: app
        prod:
          profiles: [prod]
          container_name: app
    `,
  ],
  invalid: [
    {
      code: dedent`
        services:
          a:
            container_name: app
          b:
            container_name: app
          c:
            container_name: "\${NAME:-app}"
      `,
      errors: [
        { messageId: "duplicate", line: 5, column: 21, endColumn: 24, data: { service: "b", name: "app", other: "a", where: "" } },
        { messageId: "duplicate", line: 7, column: 21, data: { service: "c", name: "app", other: "a", where: "" } },
      ],
    },
    {
      code: dedent`
        services:
          a:
            container_name: my app
          b:
            container_name: -x
      `,
      errors: [
        { messageId: "invalid", line: 3, column: 21, data: { name: "my app" } },
        { messageId: "invalid", line: 5, column: 21, data: { name: "-x" } },
      ],
    },
  ],
});
