import path from "node:path";
import rule from "../../rules/no-copy-all-before-install.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

const fixtures = path.resolve(import.meta.dirname, "../fixtures/projects/lockfiles");
const dockerfile = (project: string) => path.join(fixtures, project, "Dockerfile");

ruleTester("dockerfile").run("no-copy-all-before-install", rule, {
  valid: [
    dedent`
      FROM node:20.11
      WORKDIR /app
      COPY package.json package-lock.json ./
      RUN npm ci
      COPY . .
      RUN npm run build
    `,
    dedent`
      FROM python:3.12-slim
      COPY requirements.txt .
      RUN pip install --no-cache-dir -r requirements.txt
      COPY . .
    `,
    // A COPY from another stage, or of one folder, is not the whole context.
    dedent`
      FROM node:20.11
      COPY --from=deps /app/node_modules ./node_modules
      COPY src ./src
      RUN npm ci
    `,
    // Installing named packages does not read the project's manifests.
    dedent`
      FROM node:20.11
      COPY . .
      RUN npm install -g pm2@5.3.1 && pip install --no-cache-dir requests==2.31.0
    `,
    // Another stage's COPY does not matter.
    dedent`
      FROM golang:1.22 AS src
      COPY . .
      FROM golang:1.22
      COPY go.mod go.sum ./
      RUN go mod download
    `,
  ],
  invalid: [
    {
      filename: dockerfile("npm"),
      code: dedent`
        FROM node:20.11
        WORKDIR /app
        COPY . .
        RUN npm ci
        CMD ["node", "server.js"]
      `,
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
              output: dedent`
                FROM node:20.11
                WORKDIR /app
                COPY package.json package-lock.json ./
                RUN npm ci
                COPY . .
                CMD ["node", "server.js"]
              `,
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
      code: dedent`
        FROM golang:1.22
        COPY ./ .
        RUN go mod download && go build -o /app .
      `,
      // The RUN also builds: moving the sources after it would break the build, so no suggestion.
      errors: [{ messageId: "copyAll", line: 2, column: 6, data: { source: "./", command: "go mod download", line: "3" }, suggestions: [] }],
    },
    {
      // The build context cannot be read: reported, no suggestion (nothing is known to exist).
      code: dedent`
        FROM ruby:3.3
        COPY . .
        RUN bundle install
      `,
      errors: [{ messageId: "copyAll", line: 2, column: 6, suggestions: [] }],
    },
    {
      code: dedent`
        FROM node:20.11
        COPY . .
        RUN set -eux; \\
            yarn install --frozen-lockfile
      `,
      errors: [{ messageId: "copyAll", line: 2, column: 6, data: { source: ".", command: "yarn install", line: "3" }, suggestions: [] }],
    },
  ],
});
