import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/no-localhost-service-url.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-localhost-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(path.join(dir, "api"));
writeFileSync(path.join(dir, "api/Dockerfile"), "FROM node:20.11-alpine\nEXPOSE 3000/tcp\n");
writeFileSync(path.join(dir, "app.env"), dedent`
  # settings
  export NODE_ENV=production
  DATABASE_URL="postgres://app@localhost:5432/app"
  PUBLIC_URL=http://localhost:5432 # for browsers
`);

ruleTester("compose").run("no-localhost-service-url", rule, {
  valid: [
    dedent`
      services:
        app:
          environment:
            DATABASE_URL: postgres://db:5432/app
        db:
          image: postgres:16.2
    `,
    // Nobody in the file serves 9999.
    dedent`
      services:
        app:
          environment:
            METRICS: http://localhost:9999
        db:
          image: postgres:16.2
    `,
    // The service's own port, and where it listens.
    dedent`
      services:
        app:
          ports: ['8080:8080']
          environment:
            SELF: http://localhost:8080/health
            LISTEN_ADDR: 127.0.0.1:5432
            PUBLIC_URL: http://localhost:5432
            CORS_ORIGINS: http://localhost:5432
        db:
          image: postgres:16.2
    `,
    // Sharing another network stack: localhost is right.
    dedent`
      services:
        app:
          network_mode: service:db
          environment:
            DB: localhost:5432
        db:
          image: postgres:16.2
    `,
    // A listen address is not a target.
    dedent`
      services:
        app:
          environment:
            ADDR: 0.0.0.0:5432
        db:
          image: postgres:16.2
    `,
  ],
  invalid: [
    {
      code: dedent`
        services:
          app:
            environment:
              DATABASE_URL: postgres://user@localhost:5432/app
          db:
            image: postgres:16.2
      `,
      errors: [{
        messageId: "localhost", line: 4, column: 37, endColumn: 51,
        data: { service: "app", target: "localhost:5432", key: "DATABASE_URL", other: "db", port: "5432", replacement: "db:5432" },
        suggestions: [{ messageId: "useService", data: { replacement: "db:5432" }, output: dedent`
          services:
            app:
              environment:
                DATABASE_URL: postgres://user@db:5432/app
            db:
              image: postgres:16.2
        ` }],
      }],
    },
    {
      // List form, expose, and a host port that maps to another container port.
      code: dedent`
        services:
          app:
            environment:
              - "CACHE=redis://127.0.0.1:6380"
              - SEARCH=http://localhost:9200
          cache:
            image: redis:7.2
            ports: ['6380:6379']
          search:
            image: acme/search:1
            expose: ['9200']
      `,
      errors: [
        { messageId: "localhost", line: 4, column: 24, data: { service: "app", target: "127.0.0.1:6380", key: "CACHE", other: "cache", port: "6380", replacement: "cache:6379" }, suggestions: [{ messageId: "useService", data: { replacement: "cache:6379" }, output: dedent`
          services:
            app:
              environment:
                - "CACHE=redis://cache:6379"
                - SEARCH=http://localhost:9200
            cache:
              image: redis:7.2
              ports: ['6380:6379']
            search:
              image: acme/search:1
              expose: ['9200']
        ` }] },
        { messageId: "localhost", line: 5, column: 23, data: { service: "app", target: "localhost:9200", key: "SEARCH", other: "search", port: "9200", replacement: "search:9200" }, suggestions: [{ messageId: "useService", data: { replacement: "search:9200" }, output: dedent`
          services:
            app:
              environment:
                - "CACHE=redis://127.0.0.1:6380"
                - SEARCH=http://search:9200
            cache:
              image: redis:7.2
              ports: ['6380:6379']
            search:
              image: acme/search:1
              expose: ['9200']
        ` }] },
      ],
    },
    {
      // The EXPOSE of the Dockerfile a service builds; an interpolation default: reported at the value, no suggestion.
      filename: path.join(dir, "compose.yaml"),
      code: dedent`
        services:
          web:
            environment:
              API: \${API_URL:-http://localhost:3000}
          api:
            build: ./api
      `,
      errors: [{ messageId: "localhost", line: 4, column: 12, data: { service: "web", target: "localhost:3000", key: "API", other: "api", port: "3000", replacement: "api:3000" }, suggestions: [] }],
    },
    {
      // env_file contents: reported at the env_file entry of the compose file, naming the line.
      filename: path.join(dir, "compose.yaml"),
      code: dedent`
        services:
          web:
            env_file: app.env
          db:
            image: postgres:16.2
      `,
      errors: [{ messageId: "localhostInEnvFile", line: 3, column: 15, data: { service: "web", target: "localhost:5432", key: "DATABASE_URL", file: "app.env", line: "3", other: "db", port: "5432", replacement: "db:5432" } }],
    },
  ],
});
