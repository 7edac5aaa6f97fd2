import path from "node:path";
import rule from "../../rules/no-copy-all-before-install.js";
import { ruleTester } from "../support/rule-tester.js";

const fixtures = path.resolve(import.meta.dirname, "../fixtures/projects/lockfiles");
const dockerfile = (project: string) => path.join(fixtures, project, "Dockerfile");

ruleTester("dockerfile").run("no-copy-all-before-install", rule, {
  valid: [
    "FROM node:20.11\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n",
    "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n",
    // A COPY from another stage, or of one folder, is not the whole context.
    "FROM node:20.11\nCOPY --from=deps /app/node_modules ./node_modules\nCOPY src ./src\nRUN npm ci\n",
    // Installing named packages does not read the project's manifests.
    "FROM node:20.11\nCOPY . .\nRUN npm install -g pm2@5.3.1 && pip install --no-cache-dir requests==2.31.0\n",
    // Another stage's COPY does not matter.
    "FROM golang:1.22 AS src\nCOPY . .\nFROM golang:1.22\nCOPY go.mod go.sum ./\nRUN go mod download\n",
  ],
  invalid: [
    {
      filename: dockerfile("npm"),
      code: "FROM node:20.11\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"server.js\"]\n",
      errors: [
        {
          messageId: "copyAll",
          line: 3,
          column: 6,
          endColumn: 7,
          data: { source: ".", command: "npm ci", line: "4" },
          suggestions: [
            {
              messageId: "copyManifestsFirst",
              data: { files: "package.json, package-lock.json", source: "." },
              output: "FROM node:20.11\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nCMD [\"node\", \"server.js\"]\n",
            },
          ],
        },
      ],
    },
    {
      // Flags of the COPY are kept on both; CRLF and indentation too.
      filename: dockerfile("python"),
      code: "FROM python:3.12-slim\r\n  COPY --chown=app:app . /srv\r\n  ENV PIP_NO_CACHE_DIR=1\r\n  RUN pip install -r requirements.txt\r\n",
      errors: [
        {
          messageId: "copyAll",
          line: 2,
          column: 24,
          suggestions: [
            {
              messageId: "copyManifestsFirst",
              output: "FROM python:3.12-slim\r\n  COPY --chown=app:app requirements.txt /srv/\r\n  ENV PIP_NO_CACHE_DIR=1\r\n  RUN pip install -r requirements.txt\r\n  COPY --chown=app:app . /srv\r\n",
            },
          ],
        },
      ],
    },
    {
      filename: dockerfile("go"),
      code: "FROM golang:1.22\nCOPY ./ .\nRUN go mod download && go build -o /app .\n",
      // The RUN also builds: moving the sources after it would break the build, so no suggestion.
      errors: [{ messageId: "copyAll", line: 2, column: 6, data: { source: "./", command: "go mod download", line: "3" }, suggestions: [] }],
    },
    {
      // The build context cannot be read: reported, no suggestion (nothing is known to exist).
      code: "FROM ruby:3.3\nCOPY . .\nRUN bundle install\n",
      errors: [{ messageId: "copyAll", line: 2, column: 6, suggestions: [] }],
    },
    {
      code: "FROM node:20.11\nCOPY . .\nRUN set -eux; \\\n    yarn install --frozen-lockfile\n",
      errors: [{ messageId: "copyAll", line: 2, column: 6, data: { source: ".", command: "yarn install", line: "3" }, suggestions: [] }],
    },
  ],
});
