import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/require-read-only-rootfs.js";
import { ruleTester } from "../support/rule-tester.js";

const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-rofs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, "base.yaml"), "services:\n  hardened:\n    read_only: true\n");

ruleTester("compose").run("require-read-only-rootfs", rule, {
  valid: [
    // A development environment (a dev container's, a test file's or an idle toolbox service) is not deployed.
    { code: "services:\n  app:\n    image: node:22.12\n", filename: path.join(dir, ".devcontainer", "compose.yaml") },
    "services:\n  toolbox:\n    image: alpine:3.22\n    command: [sleep, infinity]\n",
    "services:\n  app:\n    image: nginx:1.27\n    read_only: true\n",
    "services:\n  app:\n    read_only: ${RO}\n",
    // Inherited through extends, from this file and from another one.
    "services:\n  base:\n    read_only: true\n  app:\n    extends: base\n",
    { filename: path.join(dir, "compose.yaml"), code: "services:\n  app:\n    extends:\n      file: base.yaml\n      service: hardened\n" },
  ],
  invalid: [
    {
      // An explicit opt-out is still reported, in a development file too.
      code: "services:\n  app:\n    image: node:22.12\n    read_only: false\n",
      filename: path.join(dir, "compose.dev.yaml"),
      errors: [{ messageId: "writable", line: 4, column: 16, data: { service: "app" } }],
    },
    {
      code: "services:\n  app:\n    image: nginx:1.27\n",
      errors: [{ messageId: "writable", line: 2, column: 3, endColumn: 6, data: { service: "app" } }],
    },
    {
      code: "services:\n  app:\n    read_only: false\n",
      errors: [{ messageId: "writable", line: 3, column: 16 }],
    },
    {
      // A later layer (this file) turns it off again.
      filename: path.join(dir, "compose.yaml"),
      code: "services:\n  app:\n    extends:\n      file: base.yaml\n      service: hardened\n    read_only: false\n",
      errors: [{ messageId: "writable", line: 6, column: 16 }],
    },
  ],
});
