import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/require-cap-drop-all.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("compose").run("require-cap-drop-all", rule, {
  valid: [
    "services:\n  app:\n    image: nginx:1.27\n    cap_drop: [ALL]\n    cap_add: [NET_BIND_SERVICE]\n",
    // Docker upper-cases capability names.
    "services:\n  app:\n    image: nginx:1.27\n    cap_drop:\n      - all\n",
    // Through a merge key.
    "x-hardened: &hardened\n  cap_drop: [ALL]\nservices:\n  app:\n    <<: *hardened\n    image: nginx:1.27\n",
    // Unknown until deployment: silent.
    "services:\n  app:\n    image: nginx:1.27\n    cap_drop: ['${DROP}']\n",
    // Privileged: cap_drop is moot (no-privileged reports it).
    "services:\n  app:\n    image: nginx:1.27\n    privileged: true\n",
    // Development environments are not deployed.
    { code: "services:\n  app:\n    image: node:22.12\n", filename: "/repo/.devcontainer/docker-compose.yml" },
    { code: "services:\n  app:\n    image: node:22.12\n", filename: "/repo/docker-compose.test.yml" },
    "services:\n  shell:\n    image: debian:12\n    command: sleep infinity\n",
  ],
  invalid: [
    {
      code: "services:\n  app:\n    image: nginx:1.27\n",
      errors: [{ messageId: "missing", line: 2, column: 3, endColumn: 6, data: { service: "app" } }],
    },
    {
      code: "services:\n  app:\n    image: nginx:1.27\n    cap_drop:\n      - NET_RAW\n      - MKNOD\n",
      errors: [{ messageId: "partial", line: 4, column: 5, data: { service: "app" } }],
    },
    {
      // cap_add alone restricts nothing.
      code: "services:\n  app:\n    image: nginx:1.27\n    cap_add: [NET_ADMIN]\n",
      errors: [{ messageId: "missing", line: 2 }],
    },
  ],
});

// The merged service: a default override file's cap_drop counts, a `!reset` removes it.
const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-capdrop-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, "compose.override.yaml"), "services:\n  app:\n    cap_drop: [ALL]\n  b:\n    cap_drop: !reset []\n");

ruleTester("compose").run("require-cap-drop-all (override file)", rule, {
  valid: [{ filename: path.join(dir, "compose.yaml"), code: "services:\n  app:\n    image: nginx:1.27\n" }],
  invalid: [
    {
      filename: path.join(dir, "compose.yaml"),
      code: "services:\n  b:\n    image: nginx:1.27\n    cap_drop: [ALL]\n",
      errors: [{ messageId: "missing", line: 2, data: { service: "b" } }],
    },
  ],
});
