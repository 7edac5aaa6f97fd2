import rule from "../../rules/sort-dependencies.js";
import { dedent } from "../support/dedent.js";
import { ruleTester } from "../support/rule-tester.js";

const unsorted = (service: string, key: string, expected: string) => ({ messageId: "unsorted" as const, data: { service, key, expected } });

ruleTester("compose").run("sort-dependencies", rule, {
  valid: [
    // dclint's correct fixtures (tests/rules/service-dependencies-alphabetical-order-rule.spec.ts), list and map form.
    "services:\n  web:\n    image: nginx\n    depends_on:\n      - db\n      - redis\n",
    "services:\n  web:\n    image: nginx\n    depends_on:\n      db:\n        condition: service_healthy\n      redis:\n        condition: service_started\n",
    // Flow forms, one dependency, none.
    "services:\n  web:\n    depends_on: [api, db]\n",
    "services:\n  web:\n    depends_on: {api: {condition: service_started}, db: {condition: service_healthy}}\n",
    "services:\n  web:\n    depends_on: [db]\n",
    "services:\n  web:\n    image: nginx\n",
  ],
  invalid: [
    {
      // dclint's short-syntax fixture.
      code: "services:\n  web:\n    image: nginx\n    depends_on:\n      - redis\n      - db\n",
      output: "services:\n  web:\n    image: nginx\n    depends_on:\n      - db\n      - redis\n",
      errors: [{ ...unsorted("web", "redis", "'db', 'redis'"), line: 5, column: 9 }],
    },
    {
      // dclint's long-syntax fixture.
      code: dedent`
        services:
          web:
            image: nginx
            depends_on:
              redis:
                condition: service_started
              db:
                condition: service_healthy
      `,
      output: dedent`
        services:
          web:
            image: nginx
            depends_on:
              db:
                condition: service_healthy
              redis:
                condition: service_started
      `,
      errors: [{ ...unsorted("web", "redis", "'db', 'redis'"), line: 5, column: 7 }],
    },
    {
      // Flow list, and comments moving with their entries in the map form.
      code: dedent`
        services:
          a:
            depends_on: [db, cache]
          b:
            depends_on:
              # migrations first
              migrate:
                condition: service_completed_successfully
              db:
                condition: service_healthy # slow to start
      `,
      output: dedent`
        services:
          a:
            depends_on: [cache, db]
          b:
            depends_on:
              db:
                condition: service_healthy # slow to start
              # migrations first
              migrate:
                condition: service_completed_successfully
      `,
      errors: [unsorted("a", "db", "'cache', 'db'"), unsorted("b", "migrate", "'db', 'migrate'")],
    },
  ],
});
