import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/require-healthy-dependency.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-healthy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// The db's healthcheck lives in the override file.
writeFileSync(path.join(dir, "compose.override.yaml"), dedent`
  services:
    db:
      healthcheck:
        test: [CMD, pg_isready]
`);
writeFileSync(path.join(dir, "Dockerfile"), "FROM node:20.11-alpine\nHEALTHCHECK CMD wget -qO- http://localhost:3000/ || exit 1\n");

const healthyDb = "  db:\n    image: postgres:16.2\n    healthcheck:\n      test: [CMD, pg_isready]\n";

ruleTester("compose").run("require-healthy-dependency", rule, {
  valid: [
    `services:\n  app:\n    depends_on:\n      db:\n        condition: service_healthy\n${healthyDb}`,
    // No health check: service_started is all Compose can do.
    dedent`
      services:
        app:
          depends_on: [cache]
        cache:
          image: redis:7.2
    `,
    `services:\n  app:\n    depends_on:\n      db:\n        condition: service_completed_successfully\n${healthyDb}`,
    dedent`
      services:
        app:
          depends_on: [db]
        db:
          image: postgres:16.2
          healthcheck:
            disable: true
    `,
  ],
  invalid: [
    {
      code: `services:\n  app:\n    image: node:20\n    depends_on:\n      - db\n      - "cache"\n  cache:\n    image: redis:7.2\n${healthyDb}`,
      errors: [{
        messageId: "notHealthy", line: 5, column: 9, endColumn: 11, data: { dependent: "app", service: "db", how: "the short syntax (service_started)" },
        suggestions: [{
          messageId: "waitHealthy",
          output: `services:\n  app:\n    image: node:20\n    depends_on:\n      db:\n        condition: service_healthy\n      "cache":\n        condition: service_started\n  cache:\n    image: redis:7.2\n${healthyDb}`,
        }],
      }],
    },
    {
      // A sequence at the key's column, four-space indentation.
      code: dedent`
        services:
            app:
                depends_on:
                - db
            db:
                image: postgres:16.2
                healthcheck:
                    test: [CMD, pg_isready]
      `,
      errors: [{
        messageId: "notHealthy", line: 4, column: 11,
        suggestions: [{ messageId: "waitHealthy", output: dedent`
          services:
              app:
                  depends_on:
                      db:
                          condition: service_healthy
              db:
                  image: postgres:16.2
                  healthcheck:
                      test: [CMD, pg_isready]
        ` }],
      }],
    },
    {
      code: `services:\n  app:\n    depends_on: [db]\n${healthyDb}`,
      errors: [{ messageId: "notHealthy", line: 3, column: 18, suggestions: [{ messageId: "waitHealthy", output: `services:\n  app:\n    depends_on: {db: {condition: service_healthy}}\n${healthyDb}` }] }],
    },
    {
      code: `services:\n  app:\n    depends_on:\n      db:\n        condition: 'service_started'\n${healthyDb}`,
      errors: [{ messageId: "notHealthy", line: 4, column: 7, data: { dependent: "app", service: "db", how: "condition: service_started" }, suggestions: [{ messageId: "waitHealthy", output: `services:\n  app:\n    depends_on:\n      db:\n        condition: 'service_healthy'\n${healthyDb}` }] }],
    },
    {
      code: `services:\n  app:\n    depends_on:\n      db:\n        restart: true\n${healthyDb}`,
      errors: [{ messageId: "notHealthy", line: 4, column: 7, suggestions: [{ messageId: "waitHealthy", output: `services:\n  app:\n    depends_on:\n      db:\n        restart: true\n        condition: service_healthy\n${healthyDb}` }] }],
    },
    {
      // A comment inside the list: no rewrite that would drop it.
      code: `services:\n  app:\n    depends_on:\n      - db # the database\n${healthyDb}`,
      errors: [{ messageId: "notHealthy", line: 4, column: 9, suggestions: [] }],
    },
    {
      // The healthcheck comes from the default override file; the HEALTHCHECK from the Dockerfile built.
      filename: path.join(dir, "compose.yaml"),
      code: dedent`
        services:
          app:
            depends_on: [db, api]
          db:
            image: postgres:16.2
          api:
            build: .
      `,
      errors: [
        { messageId: "notHealthy", line: 3, column: 18, suggestions: [{ messageId: "waitHealthy", output: dedent`
          services:
            app:
              depends_on: {db: {condition: service_healthy}, api: {condition: service_healthy}}
            db:
              image: postgres:16.2
            api:
              build: .
        ` }] },
        { messageId: "notHealthy", line: 3, column: 22, suggestions: [{ messageId: "waitHealthy", output: dedent`
          services:
            app:
              depends_on: {db: {condition: service_healthy}, api: {condition: service_healthy}}
            db:
              image: postgres:16.2
            api:
              build: .
        ` }] },
      ],
    },
  ],
});
