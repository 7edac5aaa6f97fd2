import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/require-node-modules-volume.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-nodemodules-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, "package.json"), "{}\n");
mkdirSync(path.join(dir, "docs"));
const filename = path.join(dir, "compose.yaml");

ruleTester("compose").run("require-node-modules-volume", rule, {
  valid: [
    { filename, code: dedent`
      services:
        app:
          build: .
          volumes:
            - .:/app
            - /app/node_modules
    ` },
    { filename, code: dedent`
      services:
        app:
          build: .
          volumes:
            - ./:/app/
            - modules:/app/node_modules
    ` },
    // Not a Node project: no package.json in the mounted folder.
    { filename, code: dedent`
      services:
        docs:
          image: nginx:1.27
          volumes:
            - ./docs:/usr/share/nginx/html
    ` },
    // Not on disk: judged by the image.
    dedent`
      services:
        app:
          image: python:3.12
          volumes:
            - .:/app
    `,
  ],
  invalid: [
    {
      filename,
      code: dedent`
        services:
          app:
            build: .
            volumes:
              - .:/app
      `,
      errors: [{
        messageId: "hidden", line: 5, column: 9, endColumn: 15, data: { service: "app", source: ".", target: "/app" },
        suggestions: [{ messageId: "addVolume", data: { volume: "/app/node_modules" }, output: dedent`
          services:
            app:
              build: .
              volumes:
                - .:/app
                - /app/node_modules
        ` }],
      }],
    },
    {
      code: dedent`
        services:
          web:
            image: node:20.11-alpine
            volumes: ['./:/usr/src/app']
      `,
      errors: [{
        messageId: "hidden", line: 4, column: 15, data: { service: "web", source: "./", target: "/usr/src/app" },
        suggestions: [{ messageId: "addVolume", output: dedent`
          services:
            web:
              image: node:20.11-alpine
              volumes: ['./:/usr/src/app', /usr/src/app/node_modules]
        ` }],
      }],
    },
  ],
});
