import { describe, expect, it } from "vitest";
import rule from "../../rules/prefer-multi-stage-build.js";
import { buildStepOf } from "../../lib/semantics/stages/build-steps.js";
import { getShellScript } from "../../lib/shell/index.js";
import { contiguousShellText } from "../../lib/shell/index.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("prefer-multi-stage-build", rule, {
  valid: [
    'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\nCMD ["/app"]\n',
    // No build step.
    'FROM node:20-slim\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n',
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\nCMD ["flask", "run"]\n',
    // `go test`, `npm run lint`, `npm test` are not builds.
    'FROM golang:1.22\nRUN go test ./... && go vet ./...\nCMD ["go", "run", "."]\n',
    'FROM node:20\nRUN npm run lint && npm test\nCMD ["npm", "start"]\n',
    // A toolbox image (no command of its own) is not an application image.
    "FROM golang:1.22\nRUN go build ./...\n",
  ],
  invalid: [
    {
      code: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "dist/server.js"]\n',
      errors: [{ messageId: "singleStageBuild", line: 4, column: 15, endColumn: 28, data: { step: "npm run build" } }],
    },
    {
      code: 'FROM golang:1.22\nRUN CGO_ENABLED=0 go build -o /app . && go build -o /tool ./cmd/tool\nENTRYPOINT ["/app"]\n',
      errors: [{ messageId: "singleStageBuild", line: 2, column: 5, data: { step: "go build" } }],
    },
    {
      code: 'FROM eclipse-temurin:21\nCOPY . .\nRUN ./mvnw -B -DskipTests package\nCMD ["java", "-jar", "target/app.jar"]\n',
      errors: [{ messageId: "singleStageBuild", line: 3, column: 5, data: { step: "mvn package" } }],
    },
    {
      code: 'FROM node:20\nRUN yarn install --frozen-lockfile && yarn build:prod\nCMD ["yarn", "start"]\n',
      errors: [{ messageId: "singleStageBuild", line: 2, column: 39, data: { step: "yarn build:prod" } }],
    },
  ],
});

describe("buildStepOf", () => {
  it.each([
    ["cargo build --release", "cargo build"],
    ["./gradlew --no-daemon bootJar", "gradle bootJar"],
    ["dotnet publish -c Release -o /out", "dotnet publish"],
    ["pnpm -r build", "pnpm build"],
    ["npx tsc -p .", "npx tsc"],
    ["npx next build", "npx next build"],
    ["npm install", null],
    ["go mod download", null],
    ["mvn dependency:go-offline", null],
  ] as const)("%s", (line, label) => {
    const script = getShellScript(contiguousShellText(line));
    expect(script.ok).toBe(true);
    const [command] = script.ok ? script.commands : [];
    expect(command && buildStepOf(command)?.label).toBe(label ?? undefined);
  });
});
