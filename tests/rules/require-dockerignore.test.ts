import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/require-dockerignore.js";
import { makeTree } from "../support/fix-safety.js";
import { ruleTester } from "../support/rule-tester.js";

const tree = makeTree({
  // Issue 19: a folder with `.env`, `id_rsa`, no `.dockerignore`, and `COPY . .`.
  "keys/.env": "TOKEN=1",
  "keys/id_rsa": "",
  "keys/app.py": "",
  // A repository root (its history), a host node_modules, a key in a sub-folder.
  "repo/.git/HEAD": "",
  "repo/package.json": "{}",
  "repo/node_modules/left-pad/index.js": "",
  "repo/web/node_modules/x/index.js": "",
  "repo/src/index.js": "",
  "repo/src/certs/server.key": "",
  // Many secrets: the message names four and counts the others.
  "many/.env": "",
  "many/.env.local": "",
  "many/a/.env": "",
  "many/b/.env": "",
  "many/c/.env": "",
  "many/c/.env.production": "",
  // Templates only, and nothing else of the kind.
  "clean/.env.example": "",
  "clean/src/main.go": "",
  // A .dockerignore, even one that excludes nothing, or the Dockerfile's own ignore file.
  "ignored/.dockerignore": "",
  "ignored/.env": "",
  "specific/Dockerfile.dockerignore": ".env\n",
  "specific/.env": "",
  // A compose build whose context is a sub-folder without a .dockerignore.
  "compose/compose.yaml": "services:\n  api:\n    build:\n      context: ./api\n      dockerfile: ../docker/api.Dockerfile\n",
  "compose/docker/api.Dockerfile": "",
  "compose/api/.env": "",
  "compose/api/main.go": "",
  // A context outside the repository of the Dockerfile (and the lint folder): unknown.
  "outside/.env": "",
  "outside/repo/.git/HEAD": "",
  "outside/repo/compose.yaml": "services:\n  a:\n    build:\n      context: ..\n      dockerfile: repo/Dockerfile\n",
});
afterAll(tree.cleanup);
const dockerfile = (folder: string, name = "Dockerfile") => path.join(tree.root, folder, name);

ruleTester("dockerfile").run("require-dockerignore", rule, {
  valid: [
    // Only named files are sent (BuildKit sends what COPY/ADD name): nothing unwanted.
    { filename: dockerfile("keys"), code: "FROM python:3.13\nCOPY app.py /app/\n" },
    { filename: dockerfile("repo"), code: "FROM node:22\nCOPY package.json ./\nCOPY src/index.js ./src/\n" },
    // Nothing of the kind in the context (a template is not a secret).
    { filename: dockerfile("clean"), code: "FROM golang:1.24\nCOPY . .\n" },
    // A .dockerignore is there (what it should hold is dockerignore-required-entries' business).
    { filename: dockerfile("ignored"), code: "FROM alpine:3.21\nCOPY . .\n" },
    { filename: dockerfile("specific"), code: "FROM alpine:3.21\nCOPY . .\n" },
    // Not from the context.
    { filename: dockerfile("keys"), code: "FROM python:3.13\nCOPY --from=build / /app/\nONBUILD COPY . /app/\n" },
    // Unknown: a variable without a value, a context outside the lint folder, text without a file.
    { filename: dockerfile("keys"), code: "FROM python:3.13\nARG SRC\nCOPY $SRC /app/\n" },
    { filename: dockerfile("outside/repo"), code: "FROM alpine:3.21\nCOPY . .\n" },
    { code: "FROM alpine:3.21\nCOPY . .\n" },
  ],
  invalid: [
    {
      filename: dockerfile("keys"),
      code: "FROM python:3.13\nWORKDIR /app\nCOPY . .\n",
      errors: [
        {
          messageId: "noDockerignore",
          line: 3,
          column: 6,
          endColumn: 7,
          data: { context: "(this folder)", instruction: "COPY", holds: "secret files (`.env`, `id_rsa`)", where: "`.dockerignore`" },
        },
      ],
    },
    {
      // Reported once, at the first COPY/ADD that sends something unwanted.
      filename: dockerfile("repo"),
      code: "FROM node:22\nCOPY package.json ./\nADD ./ /srv/\nCOPY . .\n",
      errors: [
        {
          messageId: "noDockerignore",
          line: 3,
          column: 5,
          data: {
            context: "(this folder)",
            instruction: "ADD",
            holds: "the Git history (`.git`), a host `node_modules` (`node_modules`, `web/node_modules`) and a private key or key store (`src/certs/server.key`)",
            where: "`.dockerignore`",
          },
        },
      ],
    },
    {
      // A folder source sends what is below it; a glob what it matches.
      filename: dockerfile("repo"),
      code: "FROM node:22\nCOPY src ./src\n",
      errors: [{ messageId: "noDockerignore", data: { context: "(this folder)", instruction: "COPY", holds: "a private key or key store (`src/certs/server.key`)", where: "`.dockerignore`" } }],
    },
    {
      filename: dockerfile("repo"),
      code: "FROM node:22\nCOPY web/* ./web/\n",
      errors: [{ messageId: "noDockerignore", data: { context: "(this folder)", instruction: "COPY", holds: "a host `node_modules` (`web/node_modules`)", where: "`.dockerignore`" } }],
    },
    {
      filename: dockerfile("many"),
      code: "FROM alpine:3.21\nCOPY . .\n",
      errors: [{ messageId: "noDockerignore", data: { context: "(this folder)", instruction: "COPY", holds: "secret files (`.env`, `.env.local`, `a/.env`, `b/.env` and 2 more)", where: "`.dockerignore`" } }],
    },
    {
      // The compose build's context, named from the Dockerfile's folder.
      filename: dockerfile("compose/docker", "api.Dockerfile"),
      code: "FROM golang:1.24\nCOPY . .\n",
      errors: [{ messageId: "noDockerignore", data: { context: "`../api`", instruction: "COPY", holds: "a dotenv file (`.env`)", where: "`../api/.dockerignore`" } }],
    },
  ],
});
