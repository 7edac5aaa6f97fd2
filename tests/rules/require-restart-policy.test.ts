import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
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
