import rule from "../../rules/require-restart-policy.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("compose").run("require-restart-policy", rule, {
  valid: [
    "services:\n  app:\n    restart: unless-stopped\n",
    "services:\n  app:\n    restart: 'no'\n",
    "services:\n  app:\n    deploy:\n      restart_policy:\n        condition: on-failure\n",
    // A one-shot migration that another service waits for.
    "services:\n  app:\n    restart: always\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n  migrate:\n    image: app:1.0\n",
  ],
  invalid: [
    {
      code: "services:\n  app:\n    image: nginx:1.27\n",
      errors: [{ messageId: "noRestart", line: 2, column: 3, endColumn: 6, data: { service: "app" } }],
    },
    {
      code: "services:\n  app:\n    restart: always\n  db:\n    image: postgres:16.2\n",
      errors: [{ messageId: "noRestart", line: 4, column: 3, data: { service: "db" } }],
    },
  ],
});
