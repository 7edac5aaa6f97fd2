import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/require-node-modules-volume.js";
import { ruleTester } from "../support/rule-tester.js";

const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-nodemodules-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, "package.json"), "{}\n");
mkdirSync(path.join(dir, "docs"));
const filename = path.join(dir, "compose.yaml");

ruleTester("compose").run("require-node-modules-volume", rule, {
  valid: [
    { filename, code: "services:\n  app:\n    build: .\n    volumes:\n      - .:/app\n      - /app/node_modules\n" },
    { filename, code: "services:\n  app:\n    build: .\n    volumes:\n      - ./:/app/\n      - modules:/app/node_modules\n" },
    // Not a Node project: no package.json in the mounted folder.
    { filename, code: "services:\n  docs:\n    image: nginx:1.27\n    volumes:\n      - ./docs:/usr/share/nginx/html\n" },
    // Not on disk: judged by the image.
    "services:\n  app:\n    image: python:3.12\n    volumes:\n      - .:/app\n",
  ],
  invalid: [
    {
      filename,
      code: "services:\n  app:\n    build: .\n    volumes:\n      - .:/app\n",
      errors: [{
        messageId: "hidden", line: 5, column: 9, endColumn: 15, data: { service: "app", source: ".", target: "/app" },
        suggestions: [{ messageId: "addVolume", data: { volume: "/app/node_modules" }, output: "services:\n  app:\n    build: .\n    volumes:\n      - .:/app\n      - /app/node_modules\n" }],
      }],
    },
    {
      code: "services:\n  web:\n    image: node:20.11-alpine\n    volumes: ['./:/usr/src/app']\n",
      errors: [{
        messageId: "hidden", line: 4, column: 15, data: { service: "web", source: "./", target: "/usr/src/app" },
        suggestions: [{ messageId: "addVolume", output: "services:\n  web:\n    image: node:20.11-alpine\n    volumes: ['./:/usr/src/app', /usr/src/app/node_modules]\n" }],
      }],
    },
  ],
});
