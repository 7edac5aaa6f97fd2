import { describe, expect, it } from "vitest";
import rule from "../../rules/prefer-multi-stage-build.js";
import { buildStepOf } from "../../lib/semantics/stages/build-steps.js";
import { getShellScript } from "../../lib/shell/index.js";
import { contiguousShellText } from "../../lib/shell/index.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("prefer-multi-stage-build", rule, {
  valid: [
    dedent`
      FROM golang:1.22 AS build
      RUN go build -o /app
      FROM gcr.io/distroless/static-debian12
      COPY --from=build /app /app
      CMD ["/app"]
    `,
    // No build step.
    dedent`
      FROM node:20-slim
      COPY . .
      RUN npm ci --omit=dev
      CMD ["node", "server.js"]
    `,
    dedent`
      FROM python:3.12-slim
      RUN pip install --no-cache-dir flask
      CMD ["flask", "run"]
    `,
    // `go test`, `npm run lint`, `npm test` are not builds.
    dedent`
      FROM golang:1.22
      RUN go test ./... && go vet ./...
      CMD ["go", "run", "."]
    `,
    dedent`
      FROM node:20
      RUN npm run lint && npm test
      CMD ["npm", "start"]
    `,
    // A toolbox image (no command of its own) is not an application image.
    "FROM golang:1.22\nRUN go build ./...\n",
  ],
  invalid: [
    {
      code: dedent`
        FROM node:20
        WORKDIR /app
        COPY . .
        RUN npm ci && npm run build
        CMD ["node", "dist/server.js"]
      `,
      errors: [{ messageId: "singleStageBuild", line: 4, column: 15, endColumn: 28, data: { step: "npm run build" } }],
    },
    {
      code: dedent`
        FROM golang:1.22
        RUN CGO_ENABLED=0 go build -o /app . && go build -o /tool ./cmd/tool
        ENTRYPOINT ["/app"]
      `,
      errors: [{ messageId: "singleStageBuild", line: 2, column: 5, data: { step: "go build" } }],
    },
    {
      code: dedent`
        FROM eclipse-temurin:21
        COPY . .
        RUN ./mvnw -B -DskipTests package
        CMD ["java", "-jar", "target/app.jar"]
      `,
      errors: [{ messageId: "singleStageBuild", line: 3, column: 5, data: { step: "mvn package" } }],
    },
    {
      code: dedent`
        FROM node:20
        RUN yarn install --frozen-lockfile && yarn build:prod
        CMD ["yarn", "start"]
      `,
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
