import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/require-env-file.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-envfile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, ".env"), "A=1\n");
writeFileSync(path.join(dir, "app.env"), "B=2\n");
const filename = path.join(dir, "compose.yaml");

ruleTester("compose").run("require-env-file", rule, {
  valid: [
    { filename, code: dedent`
      services:
        app:
          env_file: .env
    ` },
    { filename, code: dedent`
      services:
        app:
          env_file:
            - ./app.env
            - path: ./local.env
              required: false
    ` },
    { filename, code: dedent`
      services:
        app:
          env_file: \${ENV_FILE}
    ` },
    { filename, code: dedent`
      services:
        app:
          env_file: \${ENV_FILE:-app.env}
    ` },
    // Not on disk: nothing to compare with.
    dedent`
      services:
        app:
          env_file: missing.env
    `,
  ],
  invalid: [
    {
      filename,
      code: dedent`
        services:
          app:
            env_file:
              - .env
              - secrets.env
              - path: ./local.env
                format: raw
      `,
      errors: [
        { messageId: "missing", line: 5, column: 9, endColumn: 20, data: { service: "app", path: "secrets.env" } },
        { messageId: "missing", line: 6, column: 15, data: { service: "app", path: "./local.env" } },
      ],
    },
    {
      filename,
      code: dedent`
        services:
          app:
            env_file: \${ENV:-prod}.env
      `,
      errors: [{ messageId: "missing", line: 3, column: 15, data: { service: "app", path: "${ENV:-prod}.env" } }],
    },
  ],
});
