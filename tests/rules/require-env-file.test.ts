import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/require-env-file.js";
import { ruleTester } from "../support/rule-tester.js";

const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-envfile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, ".env"), "A=1\n");
writeFileSync(path.join(dir, "app.env"), "B=2\n");
const filename = path.join(dir, "compose.yaml");

ruleTester("compose").run("require-env-file", rule, {
  valid: [
    { filename, code: "services:\n  app:\n    env_file: .env\n" },
    { filename, code: "services:\n  app:\n    env_file:\n      - ./app.env\n      - path: ./local.env\n        required: false\n" },
    { filename, code: "services:\n  app:\n    env_file: ${ENV_FILE}\n" },
    { filename, code: "services:\n  app:\n    env_file: ${ENV_FILE:-app.env}\n" },
    // Not on disk: nothing to compare with.
    "services:\n  app:\n    env_file: missing.env\n",
  ],
  invalid: [
    {
      filename,
      code: "services:\n  app:\n    env_file:\n      - .env\n      - secrets.env\n      - path: ./local.env\n        format: raw\n",
      errors: [
        { messageId: "missing", line: 5, column: 9, endColumn: 20, data: { service: "app", path: "secrets.env" } },
        { messageId: "missing", line: 6, column: 15, data: { service: "app", path: "./local.env" } },
      ],
    },
    {
      filename,
      code: "services:\n  app:\n    env_file: ${ENV:-prod}.env\n",
      errors: [{ messageId: "missing", line: 3, column: 15, data: { service: "app", path: "${ENV:-prod}.env" } }],
    },
  ],
});
