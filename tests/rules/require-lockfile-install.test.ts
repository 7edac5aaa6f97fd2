import path from "node:path";
import rule from "../../rules/require-lockfile-install.js";
import { ruleTester } from "../support/rule-tester.js";

const fixtures = path.resolve(import.meta.dirname, "../fixtures/projects/lockfiles");
const dockerfile = (project: string) => path.join(fixtures, project, "Dockerfile");

ruleTester("dockerfile").run("require-lockfile-install", rule, {
  valid: [
    "FROM node:20.11\nCOPY package.json package-lock.json ./\nRUN npm ci\n",
    "FROM node:20.11\nCOPY package*.json ./\nRUN npm ci --omit=dev\n",
    "FROM node:20.11\nCOPY package.json pnpm-lock.yaml ./\nRUN pnpm install --frozen-lockfile\n",
    "FROM node:20.11\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\n",
    "FROM node:20.11\nCOPY package.json yarn.lock .yarnrc.yml ./\nRUN yarn install --immutable\n",
    "FROM oven/bun:1\nCOPY package.json bun.lock ./\nRUN bun install --frozen-lockfile\n",
    // No lockfile known to be in the image: `npm ci` would fail, nothing to say.
    "FROM node:20.11\nCOPY package.json ./\nRUN npm install\n",
    { filename: dockerfile("no-lock"), code: "FROM node:20.11\nCOPY . .\nRUN npm install\n" },
    // Installing named packages or global tools is not a lockfile install.
    "FROM node:20.11\nCOPY package*.json ./\nRUN npm install -g npm@10.5.0 && npm install express@4.18.2\n",
    // Requirements files: every requirement pinned, or hashes required, or a constraints file.
    { filename: dockerfile("python"), code: "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n" },
    { filename: dockerfile("python-loose"), code: "FROM python:3.12-slim\nRUN pip install --require-hashes -r requirements.txt\n" },
    { filename: dockerfile("python-loose"), code: "FROM python:3.12-slim\nRUN pip install -r requirements.txt -c constraints.txt\n" },
    // Not in the build context as written: nothing to read.
    { filename: dockerfile("python-loose"), code: "FROM python:3.12-slim\nRUN pip install -r requirements/prod.txt\n" },
    "FROM node:20.11\nCOPY pnpm-lock.yaml ./\nRUN pnpm fetch\n",
    // The build's .dockerignore keeps the lockfile out of the context, so out of the image (`npm ci` would fail):
    // the context's file, a `**/` pattern, and `<Dockerfile>.dockerignore` beside the Dockerfile.
    { filename: dockerfile("npm-ignored"), code: "FROM node:24.11-alpine\nWORKDIR /app\nCOPY . .\nRUN npm install --omit=dev\n" },
    { filename: dockerfile("npm-ignored"), code: "FROM node:24.11-alpine\nCOPY package*.json ./\nRUN npm install\n" },
    { filename: dockerfile("npm-ignored-deep"), code: "FROM node:24.11-alpine\nCOPY ./ /app/\nRUN npm install\n" },
    { filename: dockerfile("npm-dockerfile-ignore"), code: "FROM node:24.11-alpine\nCOPY . .\nRUN npm install\n" },
  ],
  invalid: [
    {
      filename: dockerfile("python-loose"),
      code: "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN python3 -m pip install --no-cache-dir -r requirements.txt\n",
      errors: [{ messageId: "unpinnedRequirements", line: 3, column: 46, endColumn: 62, data: { file: "requirements.txt", requirement: "flask>=3  # not pinned", line: "7" } }],
    },
    {
      filename: dockerfile("python-loose"),
      code: "FROM python:3.12-slim\nRUN uv pip install --system --requirement=requirements.txt\n",
      // An attached value: reported on the option word.
      errors: [{ messageId: "unpinnedRequirements", line: 2, column: 29, endColumn: 59 }],
    },
    {
      code: "FROM node:20.11\nCOPY package*.json ./\nRUN npm install\n",
      errors: [
        {
          messageId: "unlocked",
          line: 3,
          column: 5,
          endColumn: 16,
          data: { command: "npm install", lockfile: "package-lock.json", remedy: "`npm ci`" },
          suggestions: [{ messageId: "useCi", output: "FROM node:20.11\nCOPY package*.json ./\nRUN npm ci\n" }],
        },
      ],
    },
    {
      // Excluded by one pattern, brought back by a later `!` exception: in the context.
      filename: dockerfile("npm-reincluded"),
      code: "FROM node:24.11-alpine\nCOPY . .\nRUN npm install\n",
      errors: [{ messageId: "unlocked", line: 3, column: 5, suggestions: [{ messageId: "useCi", output: "FROM node:24.11-alpine\nCOPY . .\nRUN npm ci\n" }] }],
    },
    {
      filename: dockerfile("npm"),
      code: "FROM node:20.11\nWORKDIR /app\nCOPY . .\nRUN npm i --omit=dev\n",
      errors: [{ messageId: "unlocked", line: 4, column: 5, suggestions: [{ messageId: "useCi", output: "FROM node:20.11\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\n" }] }],
    },
    {
      // The lockfile copied in a stage this one is built on counts.
      code: "FROM node:20.11 AS deps\nCOPY package.json pnpm-lock.yaml ./\nFROM deps\nRUN pnpm install --frozen-lockfile --no-frozen-lockfile\n",
      // Switched off again on purpose: reported, nothing to suggest.
      errors: [{ messageId: "unlocked", line: 4, column: 5, suggestions: [] }],
    },
    {
      // `yarn` alone installs.
      code: "FROM node:20.11\nCOPY package.json yarn.lock ./\nRUN yarn && yarn build\n",
      errors: [{ messageId: "unlocked", line: 3, column: 5, endColumn: 9, suggestions: [{ messageId: "addFlag", output: "FROM node:20.11\nCOPY package.json yarn.lock ./\nRUN yarn --frozen-lockfile && yarn build\n" }] }],
    },
    {
      // Yarn berry (.yarnrc.yml): --immutable.
      code: "FROM node:20.11\nCOPY package.json yarn.lock .yarnrc.yml ./\nRUN corepack enable && yarn install\n",
      errors: [{ messageId: "unlocked", line: 3, column: 24, suggestions: [{ messageId: "addFlag", output: "FROM node:20.11\nCOPY package.json yarn.lock .yarnrc.yml ./\nRUN corepack enable && yarn install --immutable\n" }] }],
    },
    {
      code: "FROM oven/bun:1\nCOPY package.json bun.lockb ./\nRUN bun install\n",
      errors: [{ messageId: "unlocked", line: 3, column: 5, suggestions: [{ messageId: "addFlag", output: "FROM oven/bun:1\nCOPY package.json bun.lockb ./\nRUN bun install --frozen-lockfile\n" }] }],
    },
  ],
});
