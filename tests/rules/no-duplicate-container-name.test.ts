import rule from "../../rules/no-duplicate-container-name.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("compose").run("no-duplicate-container-name", rule, {
  valid: [
    "services:\n  a:\n    container_name: app-a\n  b:\n    container_name: app_b.1\n",
    "services:\n  a:\n    container_name: ${NAME}\n  b:\n    container_name: ${NAME}\n",
    "services:\n  dev:\n    profiles: [dev]\n    container_name: app\n  prod:\n    profiles: [prod]\n    container_name: app\n",
  ],
  invalid: [
    {
      code: "services:\n  a:\n    container_name: app\n  b:\n    container_name: app\n  c:\n    container_name: \"${NAME:-app}\"\n",
      errors: [
        { messageId: "duplicate", line: 5, column: 21, endColumn: 24, data: { service: "b", name: "app", other: "a", where: "" } },
        { messageId: "duplicate", line: 7, column: 21, data: { service: "c", name: "app", other: "a", where: "" } },
      ],
    },
    {
      code: "services:\n  a:\n    container_name: my app\n  b:\n    container_name: -x\n",
      errors: [
        { messageId: "invalid", line: 3, column: 21, data: { name: "my app" } },
        { messageId: "invalid", line: 5, column: 21, data: { name: "-x" } },
      ],
    },
  ],
});
