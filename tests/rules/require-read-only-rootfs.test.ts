import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/require-read-only-rootfs.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-rofs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, "base.yaml"), dedent`
  services:
    hardened:
      read_only: true
`);

ruleTester("compose").run("require-read-only-rootfs", rule, {
  valid: [
    // A development environment (a dev container's, a test file's or an idle toolbox service) is not deployed.
    { code: dedent`
      services:
        app:
          image: node:22.12
    `, filename: path.join(dir, ".devcontainer", "compose.yaml") },
    dedent`
      services:
        toolbox:
          image: alpine:3.22
          command: [sleep, infinity]
    `,
    dedent`
      services:
        app:
          image: nginx:1.27
          read_only: true
    `,
    dedent`
      services:
        app:
          read_only: \${RO}
    `,
    // Inherited through extends, from this file and from another one.
    dedent`
      services:
        base:
          read_only: true
        app:
          extends: base
    `,
    { filename: path.join(dir, "compose.yaml"), code: dedent`
      services:
        app:
          extends:
            file: base.yaml
            service: hardened
    ` },
  ],
  invalid: [
    {
      // An explicit opt-out is still reported, in a development file too.
      code: dedent`
        services:
          app:
            image: node:22.12
            read_only: false
      `,
      filename: path.join(dir, "compose.dev.yaml"),
      errors: [{ messageId: "writable", line: 4, column: 16, data: { service: "app" } }],
    },
    {
      code: dedent`
        services:
          app:
            image: nginx:1.27
      `,
      errors: [{ messageId: "writable", line: 2, column: 3, endColumn: 6, data: { service: "app" } }],
    },
    {
      code: dedent`
        services:
          app:
            read_only: false
      `,
      errors: [{ messageId: "writable", line: 3, column: 16 }],
    },
    {
      // A later layer (this file) turns it off again.
      filename: path.join(dir, "compose.yaml"),
      code: dedent`
        services:
          app:
            extends:
              file: base.yaml
              service: hardened
            read_only: false
      `,
      errors: [{ messageId: "writable", line: 6, column: 16 }],
    },
  ],
});
