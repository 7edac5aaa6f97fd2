import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/require-restart-policy.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

// An empty folder: the file names matter, not files around them.
const tmp = mkdtempSync(path.join(tmpdir(), "restart-policy-"));

ruleTester("compose").run("require-restart-policy", rule, {
  valid: [
    dedent`
      services:
        app:
          restart: unless-stopped
    `,
    dedent`
      services:
        app:
          restart: 'no'
    `,
    dedent`
      services:
        app:
          deploy:
            restart_policy:
              condition: on-failure
    `,
    // A one-shot migration that another service waits for.
    dedent`
      services:
        app:
          restart: always
          depends_on:
            migrate:
              condition: service_completed_successfully
        migrate:
          image: app:1.0
    `,
    // Development environments are not deployed: a dev container, a test or CI compose file, a container kept idle to exec into.
    { code: dedent`
      services:
        app:
          image: mcr.microsoft.com/devcontainers/base:1
    `, filename: path.join(tmp, ".devcontainer", "docker-compose.yml") },
    { code: dedent`
      services:
        sut:
          build: .
    `, filename: path.join(tmp, "docker-compose.test.yml") },
    { code: dedent`
      services:
        app:
          image: node:22.12
    `, filename: path.join(tmp, "compose-ci.yaml") },
    dedent`
      services:
        tools:
          image: alpine:3.22
          command: sleep infinity
    `,
    dedent`
      services:
        tools:
          image: alpine:3.22
          command: ["tail", "-f", "/dev/null"]
    `,
    dedent`
      services:
        app:
          image: node:22.12
          command: /bin/sh -c "while sleep 1000; do :; done"
    `,
  ],
  invalid: [
    {
      code: dedent`
        services:
          app:
            image: nginx:1.27
      `,
      errors: [{ messageId: "noRestart", line: 2, column: 3, endColumn: 6, data: { service: "app" } }],
    },
    {
      code: dedent`
        services:
          app:
            restart: always
          db:
            image: postgres:16.2
      `,
      errors: [{ messageId: "noRestart", line: 4, column: 3, data: { service: "db" } }],
    },
    {
      // "latest" or "contest" is not a test file; a short sleep is a real command.
      code: dedent`
        services:
          app:
            image: node:22.12
            command: sleep 5
      `,
      filename: path.join(tmp, "compose.contest.yaml"),
      errors: [{ messageId: "noRestart", line: 2, column: 3, data: { service: "app" } }],
    },
  ],
});

// A policy an override removes with `!reset` is gone; one a later document sets counts.
const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-restart-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, "compose.override.yaml"), dedent`
  services:
    app:
      restart: !reset null
`);

ruleTester("compose").run("require-restart-policy (!reset, documents)", rule, {
  valid: [dedent`
    services:
      app:
        image: a:1
    ---
    services:
      app:
        restart: always
  `],
  invalid: [
    {
      filename: path.join(dir, "compose.yaml"),
      code: dedent`
        services:
          app:
            restart: always
      `,
      errors: [{ messageId: "noRestart", line: 2, data: { service: "app" } }],
    },
  ],
});
