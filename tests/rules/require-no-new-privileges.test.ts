import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/require-no-new-privileges.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-nnp-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// The default override file sets the option for `api`.
writeFileSync(path.join(dir, "compose.override.yaml"), dedent`
  services:
    api:
      security_opt: [no-new-privileges]
`);

ruleTester("compose").run("require-no-new-privileges", rule, {
  valid: [
    // A development environment is not deployed.
    { code: dedent`
      services:
        sut:
          build: .
    `, filename: path.join(dir, "docker-compose.test.yml") },
    dedent`
      services:
        app:
          security_opt:
            - no-new-privileges:true
    `,
    dedent`
      services:
        app:
          security_opt: ['no-new-privileges=true', 'label:type:x']
    `,
    dedent`
      x-hardening: &hardening
        security_opt: [no-new-privileges]
      services:
        app:
          <<: *hardening
    `,
    { filename: path.join(dir, "compose.yaml"), code: dedent`
      services:
        api:
          image: api:1.0
    ` },
  ],
  invalid: [
    {
      // An explicit opt-out is still reported in a development file.
      code: dedent`
        services:
          app:
            security_opt: ['no-new-privileges:false']
      `,
      filename: path.join(dir, "compose.ci.yaml"),
      errors: [{ messageId: "disabled", line: 3, column: 20, data: { service: "app" } }],
    },
    {
      code: dedent`
        services:
          app:
            image: nginx:1.27
      `,
      errors: [{ messageId: "missing", line: 2, column: 3, endColumn: 6, data: { service: "app" }, suggestions: [{ messageId: "addOption", output: dedent`
        services:
          app:
            image: nginx:1.27
            security_opt:
              - no-new-privileges:true
      ` }] }],
    },
    {
      // A trailing comment stays on its line; four-space indentation is kept.
      code: dedent`
        services:
            app:
                image: nginx:1.27 # web
            db:
                image: postgres:16.2
      `,
      errors: [
        {
          messageId: "missing",
          line: 2,
          column: 5,
          suggestions: [{ messageId: "addOption", output: dedent`
            services:
                app:
                    image: nginx:1.27 # web
                    security_opt:
                        - no-new-privileges:true
                db:
                    image: postgres:16.2
          ` }],
        },
        {
          messageId: "missing",
          line: 4,
          column: 5,
          suggestions: [{ messageId: "addOption", output: dedent`
            services:
                app:
                    image: nginx:1.27 # web
                db:
                    image: postgres:16.2
                    security_opt:
                        - no-new-privileges:true
          ` }],
        },
      ],
    },
    {
      code: dedent`
        services:
          app:
            security_opt:
              - label:disable
            image: x
      `,
      errors: [{ messageId: "missing", line: 2, column: 3, suggestions: [{ messageId: "addOption", output: dedent`
        services:
          app:
            security_opt:
              - label:disable
              - no-new-privileges:true
            image: x
      ` }] }],
    },
    {
      code: dedent`
        services:
          app:
            security_opt: [apparmor:custom]
      `,
      errors: [{ messageId: "missing", line: 2, column: 3, suggestions: [{ messageId: "addOption", output: dedent`
        services:
          app:
            security_opt: [apparmor:custom, no-new-privileges:true]
      ` }] }],
    },
    {
      // A list merged from an anchor would be replaced by one written here: no fix.
      code: dedent`
        x-o: &o
          security_opt: [label:disable]
        services:
          app:
            <<: *o
      `,
      errors: [{ messageId: "missing", line: 4, column: 3, suggestions: [] }],
    },
    {
      // `!reset` removes the list, but a second `security_opt:` key would be a duplicate: no fix.
      code: dedent`
        services:
          app:
            security_opt: !reset []
      `,
      errors: [{ messageId: "missing", line: 2, column: 3, suggestions: [] }],
    },
    {
      // A flow mapping: no fix.
      code: "services:\n  app: {image: x}\n",
      errors: [{ messageId: "missing", line: 2, column: 3, suggestions: [] }],
    },
    {
      code: dedent`
        services:
          app:
            security_opt: ['no-new-privileges:false']
      `,
      errors: [{ messageId: "disabled", line: 3, column: 20 }],
    },
    {
      filename: path.join(dir, "compose.yaml"),
      code: dedent`
        services:
          api:
            image: api:1.0
          web:
            image: web:1.0
      `,
      errors: [{ messageId: "missing", line: 4, column: 3, data: { service: "web" }, suggestions: [{ messageId: "addOption", output: dedent`
        services:
          api:
            image: api:1.0
          web:
            image: web:1.0
            security_opt:
              - no-new-privileges:true
      ` }] }],
    },
  ],
});

// An override that replaces the options with `!override` drops the base file's setting: the override's finding.
const replacing = mkdtempSync(path.join(tmpdir(), "docker-policy-nnp-override-"));
afterAll(() => rmSync(replacing, { recursive: true, force: true }));
writeFileSync(path.join(replacing, "compose.yaml"), dedent`
  services:
    api:
      image: a:1
      security_opt: [no-new-privileges:true]
    web:
      image: a:1
      security_opt: [no-new-privileges:true]
`);

ruleTester("compose").run("require-no-new-privileges (!override)", rule, {
  valid: [
    { filename: path.join(replacing, "compose.override.yaml"), code: dedent`
      services:
        web:
          security_opt: ['label:disable']
    ` },
    // The base file sets it; the override that drops it is where the finding goes.
    { filename: path.join(replacing, "compose.yaml"), code: dedent`
      services:
        api:
          image: a:1
          security_opt: [no-new-privileges:true]
    ` },
  ],
  invalid: [
    {
      filename: path.join(replacing, "compose.override.yaml"),
      code: dedent`
        services:
          api:
            security_opt: !override ['label:disable']
      `,
      errors: [{ messageId: "missing", line: 2, data: { service: "api" }, suggestions: [{ messageId: "addOption", output: dedent`
        services:
          api:
            security_opt: !override ['label:disable', no-new-privileges:true]
      ` }] }],
    },
  ],
});
