import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/require-restart-policy.js";
import { ruleTester } from "../support/rule-tester.js";

// An empty folder: the file names matter, not files around them.
const tmp = mkdtempSync(path.join(tmpdir(), "restart-policy-"));

ruleTester("compose").run("require-restart-policy", rule, {
  valid: [
    "services:\n  app:\n    restart: unless-stopped\n",
    "services:\n  app:\n    restart: 'no'\n",
    "services:\n  app:\n    deploy:\n      restart_policy:\n        condition: on-failure\n",
    // A one-shot migration that another service waits for.
    "services:\n  app:\n    restart: always\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n  migrate:\n    image: app:1.0\n",
    // Development environments are not deployed: a dev container, a test or CI compose file, a container kept idle to exec into.
    { code: "services:\n  app:\n    image: mcr.microsoft.com/devcontainers/base:1\n", filename: path.join(tmp, ".devcontainer", "docker-compose.yml") },
    { code: "services:\n  sut:\n    build: .\n", filename: path.join(tmp, "docker-compose.test.yml") },
    { code: "services:\n  app:\n    image: node:22.12\n", filename: path.join(tmp, "compose-ci.yaml") },
    "services:\n  tools:\n    image: alpine:3.22\n    command: sleep infinity\n",
    "services:\n  tools:\n    image: alpine:3.22\n    command: [\"tail\", \"-f\", \"/dev/null\"]\n",
    "services:\n  app:\n    image: node:22.12\n    command: /bin/sh -c \"while sleep 1000; do :; done\"\n",
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
    {
      // "latest" or "contest" is not a test file; a short sleep is a real command.
      code: "services:\n  app:\n    image: node:22.12\n    command: sleep 5\n",
      filename: path.join(tmp, "compose.contest.yaml"),
      errors: [{ messageId: "noRestart", line: 2, column: 3, data: { service: "app" } }],
    },
  ],
});

// A policy an override removes with `!reset` is gone; one a later document sets counts.
const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-restart-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, "compose.override.yaml"), "services:\n  app:\n    restart: !reset null\n");

ruleTester("compose").run("require-restart-policy (!reset, documents)", rule, {
  valid: ["services:\n  app:\n    image: a:1\n---\nservices:\n  app:\n    restart: always\n"],
  invalid: [
    {
      filename: path.join(dir, "compose.yaml"),
      code: "services:\n  app:\n    restart: always\n",
      errors: [{ messageId: "noRestart", line: 2, data: { service: "app" } }],
    },
  ],
});
