import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/require-no-new-privileges.js";
import { ruleTester } from "../support/rule-tester.js";

const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-nnp-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// The default override file sets the option for `api`.
writeFileSync(path.join(dir, "compose.override.yaml"), "services:\n  api:\n    security_opt: [no-new-privileges]\n");

ruleTester("compose").run("require-no-new-privileges", rule, {
  valid: [
    // A development environment is not deployed.
    { code: "services:\n  sut:\n    build: .\n", filename: path.join(dir, "docker-compose.test.yml") },
    "services:\n  app:\n    security_opt:\n      - no-new-privileges:true\n",
    "services:\n  app:\n    security_opt: ['no-new-privileges=true', 'label:type:x']\n",
    "x-hardening: &hardening\n  security_opt: [no-new-privileges]\nservices:\n  app:\n    <<: *hardening\n",
    { filename: path.join(dir, "compose.yaml"), code: "services:\n  api:\n    image: api:1.0\n" },
  ],
  invalid: [
    {
      // An explicit opt-out is still reported in a development file.
      code: "services:\n  app:\n    security_opt: ['no-new-privileges:false']\n",
      filename: path.join(dir, "compose.ci.yaml"),
      errors: [{ messageId: "disabled", line: 3, column: 20, data: { service: "app" } }],
    },
    {
      code: "services:\n  app:\n    image: nginx:1.27\n",
      errors: [{ messageId: "missing", line: 2, column: 3, endColumn: 6, data: { service: "app" }, suggestions: [{ messageId: "addOption", output: "services:\n  app:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:true\n" }] }],
    },
    {
      // A trailing comment stays on its line; four-space indentation is kept.
      code: "services:\n    app:\n        image: nginx:1.27 # web\n    db:\n        image: postgres:16.2\n",
      errors: [
        {
          messageId: "missing",
          line: 2,
          column: 5,
          suggestions: [{ messageId: "addOption", output: "services:\n    app:\n        image: nginx:1.27 # web\n        security_opt:\n            - no-new-privileges:true\n    db:\n        image: postgres:16.2\n" }],
        },
        {
          messageId: "missing",
          line: 4,
          column: 5,
          suggestions: [{ messageId: "addOption", output: "services:\n    app:\n        image: nginx:1.27 # web\n    db:\n        image: postgres:16.2\n        security_opt:\n            - no-new-privileges:true\n" }],
        },
      ],
    },
    {
      code: "services:\n  app:\n    security_opt:\n      - label:disable\n    image: x\n",
      errors: [{ messageId: "missing", line: 2, column: 3, suggestions: [{ messageId: "addOption", output: "services:\n  app:\n    security_opt:\n      - label:disable\n      - no-new-privileges:true\n    image: x\n" }] }],
    },
    {
      code: "services:\n  app:\n    security_opt: [apparmor:custom]\n",
      errors: [{ messageId: "missing", line: 2, column: 3, suggestions: [{ messageId: "addOption", output: "services:\n  app:\n    security_opt: [apparmor:custom, no-new-privileges:true]\n" }] }],
    },
    {
      // A list merged from an anchor would be replaced by one written here: no fix.
      code: "x-o: &o\n  security_opt: [label:disable]\nservices:\n  app:\n    <<: *o\n",
      errors: [{ messageId: "missing", line: 4, column: 3, suggestions: [] }],
    },
    {
      // `!reset` removes the list, but a second `security_opt:` key would be a duplicate: no fix.
      code: "services:\n  app:\n    security_opt: !reset []\n",
      errors: [{ messageId: "missing", line: 2, column: 3, suggestions: [] }],
    },
    {
      // A flow mapping: no fix.
      code: "services:\n  app: {image: x}\n",
      errors: [{ messageId: "missing", line: 2, column: 3, suggestions: [] }],
    },
    {
      code: "services:\n  app:\n    security_opt: ['no-new-privileges:false']\n",
      errors: [{ messageId: "disabled", line: 3, column: 20 }],
    },
    {
      filename: path.join(dir, "compose.yaml"),
      code: "services:\n  api:\n    image: api:1.0\n  web:\n    image: web:1.0\n",
      errors: [{ messageId: "missing", line: 4, column: 3, data: { service: "web" }, suggestions: [{ messageId: "addOption", output: "services:\n  api:\n    image: api:1.0\n  web:\n    image: web:1.0\n    security_opt:\n      - no-new-privileges:true\n" }] }],
    },
  ],
});

// An override that replaces the options with `!override` drops the base file's setting: the override's finding.
const replacing = mkdtempSync(path.join(tmpdir(), "docker-policy-nnp-override-"));
afterAll(() => rmSync(replacing, { recursive: true, force: true }));
writeFileSync(path.join(replacing, "compose.yaml"), "services:\n  api:\n    image: a:1\n    security_opt: [no-new-privileges:true]\n  web:\n    image: a:1\n    security_opt: [no-new-privileges:true]\n");

ruleTester("compose").run("require-no-new-privileges (!override)", rule, {
  valid: [
    { filename: path.join(replacing, "compose.override.yaml"), code: "services:\n  web:\n    security_opt: ['label:disable']\n" },
    // The base file sets it; the override that drops it is where the finding goes.
    { filename: path.join(replacing, "compose.yaml"), code: "services:\n  api:\n    image: a:1\n    security_opt: [no-new-privileges:true]\n" },
  ],
  invalid: [
    {
      filename: path.join(replacing, "compose.override.yaml"),
      code: "services:\n  api:\n    security_opt: !override ['label:disable']\n",
      errors: [{ messageId: "missing", line: 2, data: { service: "api" }, suggestions: [{ messageId: "addOption", output: "services:\n  api:\n    security_opt: !override ['label:disable', no-new-privileges:true]\n" }] }],
    },
  ],
});
