import path from "node:path";
import rule from "../../rules/require-lockfile-install.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

const fixtures = path.resolve(import.meta.dirname, "../fixtures/projects/lockfiles");
const dockerfile = (project: string) => path.join(fixtures, project, "Dockerfile");

ruleTester("dockerfile").run("require-lockfile-install", rule, {
  valid: [
    dedent`
      FROM node:20.11
      COPY package.json package-lock.json ./
      RUN npm ci
    `,
    dedent`
      FROM node:20.11
      COPY package*.json ./
      RUN npm ci --omit=dev
    `,
    dedent`
      FROM node:20.11
      COPY package.json pnpm-lock.yaml ./
      RUN pnpm install --frozen-lockfile
    `,
    dedent`
      FROM node:20.11
      COPY package.json yarn.lock ./
      RUN yarn install --frozen-lockfile
    `,
    dedent`
      FROM node:20.11
      COPY package.json yarn.lock .yarnrc.yml ./
      RUN yarn install --immutable
    `,
    dedent`
      FROM oven/bun:1
      COPY package.json bun.lock ./
      RUN bun install --frozen-lockfile
    `,
    // No lockfile known to be in the image: `npm ci` would fail, nothing to say.
    dedent`
      FROM node:20.11
      COPY package.json ./
      RUN npm install
    `,
    { filename: dockerfile("no-lock"), code: dedent`
      FROM node:20.11
      COPY . .
      RUN npm install
    ` },
    // Installing named packages or global tools is not a lockfile install.
    dedent`
      FROM node:20.11
      COPY package*.json ./
      RUN npm install -g npm@10.5.0 && npm install express@4.18.2
    `,
    // Requirements files: every requirement pinned, or hashes required, or a constraints file.
    { filename: dockerfile("python"), code: dedent`
      FROM python:3.12-slim
      COPY requirements.txt .
      RUN pip install --no-cache-dir -r requirements.txt
    ` },
    { filename: dockerfile("python-loose"), code: "FROM python:3.12-slim\nRUN pip install --require-hashes -r requirements.txt\n" },
    { filename: dockerfile("python-loose"), code: "FROM python:3.12-slim\nRUN pip install -r requirements.txt -c constraints.txt\n" },
    // Not in the build context as written: nothing to read.
    { filename: dockerfile("python-loose"), code: "FROM python:3.12-slim\nRUN pip install -r requirements/prod.txt\n" },
    dedent`
      FROM node:20.11
      COPY pnpm-lock.yaml ./
      RUN pnpm fetch
    `,
    // The build's .dockerignore keeps the lockfile out of the context, so out of the image (`npm ci` would fail):
    // the context's file, a `**/` pattern, and `<Dockerfile>.dockerignore` beside the Dockerfile.
    { filename: dockerfile("npm-ignored"), code: dedent`
      FROM node:24.11-alpine
      WORKDIR /app
      COPY . .
      RUN npm install --omit=dev
    ` },
    { filename: dockerfile("npm-ignored"), code: dedent`
      FROM node:24.11-alpine
      COPY package*.json ./
      RUN npm install
    ` },
    { filename: dockerfile("npm-ignored-deep"), code: dedent`
      FROM node:24.11-alpine
      COPY ./ /app/
      RUN npm install
    ` },
    { filename: dockerfile("npm-dockerfile-ignore"), code: dedent`
      FROM node:24.11-alpine
      COPY . .
      RUN npm install
    ` },
  ],
  invalid: [
    {
      filename: dockerfile("python-loose"),
      code: dedent`
        FROM python:3.12-slim
        COPY requirements.txt .
        RUN python3 -m pip install --no-cache-dir -r requirements.txt
      `,
      errors: [{ messageId: "unpinnedRequirements", line: 3, column: 46, endColumn: 62, data: { file: "requirements.txt", requirement: "flask>=3  # not pinned", line: "7" } }],
    },
    {
      filename: dockerfile("python-loose"),
      code: "FROM python:3.12-slim\nRUN uv pip install --system --requirement=requirements.txt\n",
      // An attached value: reported on the option word.
      errors: [{ messageId: "unpinnedRequirements", line: 2, column: 29, endColumn: 59 }],
    },
    {
      code: dedent`
        FROM node:20.11
        COPY package*.json ./
        RUN npm install
      `,
      errors: [
        {
          messageId: "unlocked",
          line: 3,
          column: 5,
          endColumn: 16,
          data: { command: "npm install", lockfile: "package-lock.json", remedy: "`npm ci`" },
          suggestions: [{ messageId: "useCi", output: dedent`
            FROM node:20.11
            COPY package*.json ./
            RUN npm ci
          ` }],
        },
      ],
    },
    {
      // Excluded by one pattern, brought back by a later `!` exception: in the context.
      filename: dockerfile("npm-reincluded"),
      code: dedent`
        FROM node:24.11-alpine
        COPY . .
        RUN npm install
      `,
      errors: [{ messageId: "unlocked", line: 3, column: 5, suggestions: [{ messageId: "useCi", output: dedent`
        FROM node:24.11-alpine
        COPY . .
        RUN npm ci
      ` }] }],
    },
    {
      filename: dockerfile("npm"),
      code: dedent`
        FROM node:20.11
        WORKDIR /app
        COPY . .
        RUN npm i --omit=dev
      `,
      errors: [{ messageId: "unlocked", line: 4, column: 5, suggestions: [{ messageId: "useCi", output: dedent`
        FROM node:20.11
        WORKDIR /app
        COPY . .
        RUN npm ci --omit=dev
      ` }] }],
    },
    {
      // The lockfile copied in a stage this one is built on counts.
      code: dedent`
        FROM node:20.11 AS deps
        COPY package.json pnpm-lock.yaml ./
        FROM deps
        RUN pnpm install --frozen-lockfile --no-frozen-lockfile
      `,
      // Switched off again on purpose: reported, nothing to suggest.
      errors: [{ messageId: "unlocked", line: 4, column: 5, suggestions: [] }],
    },
    {
      // `yarn` alone installs.
      code: dedent`
        FROM node:20.11
        COPY package.json yarn.lock ./
        RUN yarn && yarn build
      `,
      errors: [{ messageId: "unlocked", line: 3, column: 5, endColumn: 9, suggestions: [{ messageId: "addFlag", output: dedent`
        FROM node:20.11
        COPY package.json yarn.lock ./
        RUN yarn --frozen-lockfile && yarn build
      ` }] }],
    },
    {
      // Yarn berry (.yarnrc.yml): --immutable.
      code: dedent`
        FROM node:20.11
        COPY package.json yarn.lock .yarnrc.yml ./
        RUN corepack enable && yarn install
      `,
      errors: [{ messageId: "unlocked", line: 3, column: 24, suggestions: [{ messageId: "addFlag", output: dedent`
        FROM node:20.11
        COPY package.json yarn.lock .yarnrc.yml ./
        RUN corepack enable && yarn install --immutable
      ` }] }],
    },
    {
      code: dedent`
        FROM oven/bun:1
        COPY package.json bun.lockb ./
        RUN bun install
      `,
      errors: [{ messageId: "unlocked", line: 3, column: 5, suggestions: [{ messageId: "addFlag", output: dedent`
        FROM oven/bun:1
        COPY package.json bun.lockb ./
        RUN bun install --frozen-lockfile
      ` }] }],
    },
  ],
});
