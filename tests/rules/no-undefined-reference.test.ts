import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/no-undefined-reference.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-undef-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, "infra.yaml"), dedent`
  services:
    db:
      image: postgres:16.2
  networks:
    backend:
  volumes:
    pgdata:
`);
writeFileSync(path.join(dir, "base.yaml"), dedent`
  services:
    common:
      image: alpine:3.20
`);
writeFileSync(path.join(dir, "broken.yaml"), "services: [\n");
const file = (name: string) => path.join(dir, name);

ruleTester("compose").run("no-undefined-reference", rule, {
  valid: [
    dedent`
      services:
        app:
          depends_on: [db]
          links: ['db:database']
          networks: [default, back]
          volumes: ['data:/data', './src:/src', '/cache']
          secrets: [token]
          configs:
            - source: conf
              target: /etc/app.conf
        db:
          image: postgres:16.2
      networks:
        back:
      volumes:
        data:
      secrets:
        token:
          file: ./token.txt
      configs:
        conf:
          file: ./app.conf
    `,
    dedent`
      services:
        app:
          network_mode: service:vpn
          volumes_from: ['vpn:ro', 'container:other']
        vpn:
          image: vpn:1
    `,
    // Build secrets defined at the top level, short and long syntax.
    dedent`
      services:
        app:
          build:
            context: .
            secrets:
              - npmrc
              - source: token
                target: api_token
      secrets:
        npmrc:
          file: ./.npmrc
        token:
          environment: API_TOKEN
    `,
    // A short-form build has no secrets.
    dedent`
      services:
        app:
          build: .
    `,
    // required: false only warns.
    dedent`
      services:
        app:
          depends_on:
            optional:
              required: false
    `,
    // Defined by an included file.
    { filename: file("a.yaml"), code: dedent`
      include: [infra.yaml]
      services:
        app:
          depends_on: [db]
          networks: [backend]
          volumes: ['pgdata:/x']
    ` },
    { filename: file("b.yaml"), code: dedent`
      services:
        app:
          extends:
            file: base.yaml
            service: common
    ` },
    // A file that cannot be read could define anything.
    { filename: file("c.yaml"), code: dedent`
      include: [broken.yaml]
      services:
        app:
          depends_on: [nowhere]
    ` },
    { filename: file("d.yaml"), code: dedent`
      include: [missing.yaml]
      services:
        app:
          depends_on: [nowhere]
    ` },
    // An overlay for `-f compose.yaml -f compose.prod.yaml -f …`: the other files are unknown.
    { filename: file("compose.prod.yaml"), code: dedent`
      services:
        app:
          depends_on: [elsewhere]
    ` },
  ],
  invalid: [
    {
      code: dedent`
        services:
          web:
            depends_on:
              - api
          app:
            image: app:1
      `,
      errors: [{ messageId: "undefined", line: 4, column: 9, endColumn: 12, data: { service: "web", kind: "service", name: "api", field: "depends_on", where: "the file", suggestion: " (did you mean 'app'?)" } }],
    },
    {
      code: dedent`
        services:
          web:
            extends: base
            networks:
              frontend:
            volumes:
              - type: volume
                source: dta
                target: /data
            secrets: [api_key]
        volumes:
          data:
      `,
      errors: [
        { messageId: "undefined", line: 3, column: 14, data: { service: "web", kind: "service", name: "base", field: "extends", where: "the file", suggestion: "" } },
        { messageId: "undefined", line: 5, column: 7, data: { service: "web", kind: "network", name: "frontend", field: "networks", where: "the file", suggestion: "" } },
        { messageId: "undefined", line: 8, column: 17, data: { service: "web", kind: "volume", name: "dta", field: "volumes", where: "the file", suggestion: " (did you mean 'data'?)" } },
        { messageId: "undefined", line: 10, column: 15, data: { service: "web", kind: "secret", name: "api_key", field: "secrets", where: "the file", suggestion: "" } },
      ],
    },
    {
      // compose-go: 'service "app" refers to undefined build secret npmrc'.
      code: dedent`
        services:
          app:
            build:
              context: .
              secrets:
                - npmrc
      `,
      errors: [{ messageId: "undefined", line: 6, column: 11, endColumn: 16, data: { service: "app", kind: "secret", name: "npmrc", field: "build.secrets", where: "the file", suggestion: "" } }],
    },
    {
      // Long syntax: the `source:` names the secret; the usual "did you mean".
      code: dedent`
        services:
          app:
            build:
              context: .
              secrets:
                - source: npmrcc
                  target: npmrc
        secrets:
          npmrc:
            file: ./.npmrc
      `,
      errors: [{ messageId: "undefined", line: 6, column: 19, data: { service: "app", kind: "secret", name: "npmrcc", field: "build.secrets", where: "the file", suggestion: " (did you mean 'npmrc'?)" } }],
    },
    {
      // Defined in an included file is fine; a build secret missing from the whole project is not.
      filename: file("g.yaml"),
      code: dedent`
        include: [infra.yaml]
        services:
          app:
            build:
              context: .
              secrets: [gh_token]
      `,
      errors: [{ messageId: "undefined", line: 6, column: 17, data: { service: "app", kind: "secret", name: "gh_token", field: "build.secrets", where: "the project (this file and the files Compose merges with it)", suggestion: "" } }],
    },
    {
      filename: file("e.yaml"),
      code: dedent`
        include: [infra.yaml]
        services:
          app:
            networks: [frontend]
      `,
      errors: [{ messageId: "undefined", line: 4, column: 16, data: { service: "app", kind: "network", name: "frontend", field: "networks", where: "the project (this file and the files Compose merges with it)", suggestion: "" } }],
    },
    {
      filename: file("f.yaml"),
      code: dedent`
        services:
          app:
            extends:
              file: base.yaml
              service: comon
      `,
      errors: [{ messageId: "undefined", line: 5, column: 16, data: { service: "app", kind: "service", name: "comon", field: "extends", where: "base.yaml", suggestion: " (did you mean 'common'?)" } }],
    },
  ],
});

ruleTester("compose").run("no-undefined-reference (every document)", rule, {
  valid: [
    // Compose merges every document of the file: `cache` and `back` are defined by the second one.
    dedent`
      services:
        web:
          image: nginx:1.27.0
          depends_on:
            - cache
          networks: [back]
      ---
      services:
        cache:
          image: redis:7.4.1
      networks:
        back: {}
    `,
  ],
  invalid: [
    {
      code: dedent`
        services:
          web:
            image: nginx:1.27.0
        ---
        services:
          api:
            image: a:1
            depends_on: [db]
      `,
      errors: [{ messageId: "undefined", line: 8 }],
    },
  ],
});
