import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/no-localhost-service-url.js";
import { ruleTester } from "../support/rule-tester.js";

const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-localhost-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(path.join(dir, "api"));
writeFileSync(path.join(dir, "api/Dockerfile"), "FROM node:20.11-alpine\nEXPOSE 3000/tcp\n");
writeFileSync(path.join(dir, "app.env"), "# settings\nexport NODE_ENV=production\nDATABASE_URL=\"postgres://app@localhost:5432/app\"\nPUBLIC_URL=http://localhost:5432 # for browsers\n");

ruleTester("compose").run("no-localhost-service-url", rule, {
  valid: [
    "services:\n  app:\n    environment:\n      DATABASE_URL: postgres://db:5432/app\n  db:\n    image: postgres:16.2\n",
    // Nobody in the file serves 9999.
    "services:\n  app:\n    environment:\n      METRICS: http://localhost:9999\n  db:\n    image: postgres:16.2\n",
    // The service's own port, and where it listens.
    "services:\n  app:\n    ports: ['8080:8080']\n    environment:\n      SELF: http://localhost:8080/health\n      LISTEN_ADDR: 127.0.0.1:5432\n      PUBLIC_URL: http://localhost:5432\n      CORS_ORIGINS: http://localhost:5432\n  db:\n    image: postgres:16.2\n",
    // Sharing another network stack: localhost is right.
    "services:\n  app:\n    network_mode: service:db\n    environment:\n      DB: localhost:5432\n  db:\n    image: postgres:16.2\n",
    // A listen address is not a target.
    "services:\n  app:\n    environment:\n      ADDR: 0.0.0.0:5432\n  db:\n    image: postgres:16.2\n",
  ],
  invalid: [
    {
      code: "services:\n  app:\n    environment:\n      DATABASE_URL: postgres://user@localhost:5432/app\n  db:\n    image: postgres:16.2\n",
      errors: [{
        messageId: "localhost", line: 4, column: 37, endColumn: 51,
        data: { service: "app", target: "localhost:5432", key: "DATABASE_URL", other: "db", port: "5432", replacement: "db:5432" },
        suggestions: [{ messageId: "useService", data: { replacement: "db:5432" }, output: "services:\n  app:\n    environment:\n      DATABASE_URL: postgres://user@db:5432/app\n  db:\n    image: postgres:16.2\n" }],
      }],
    },
    {
      // List form, expose, and a host port that maps to another container port.
      code: "services:\n  app:\n    environment:\n      - \"CACHE=redis://127.0.0.1:6380\"\n      - SEARCH=http://localhost:9200\n  cache:\n    image: redis:7.2\n    ports: ['6380:6379']\n  search:\n    image: acme/search:1\n    expose: ['9200']\n",
      errors: [
        { messageId: "localhost", line: 4, column: 24, data: { service: "app", target: "127.0.0.1:6380", key: "CACHE", other: "cache", port: "6380", replacement: "cache:6379" }, suggestions: [{ messageId: "useService", data: { replacement: "cache:6379" }, output: "services:\n  app:\n    environment:\n      - \"CACHE=redis://cache:6379\"\n      - SEARCH=http://localhost:9200\n  cache:\n    image: redis:7.2\n    ports: ['6380:6379']\n  search:\n    image: acme/search:1\n    expose: ['9200']\n" }] },
        { messageId: "localhost", line: 5, column: 23, data: { service: "app", target: "localhost:9200", key: "SEARCH", other: "search", port: "9200", replacement: "search:9200" }, suggestions: [{ messageId: "useService", data: { replacement: "search:9200" }, output: "services:\n  app:\n    environment:\n      - \"CACHE=redis://127.0.0.1:6380\"\n      - SEARCH=http://search:9200\n  cache:\n    image: redis:7.2\n    ports: ['6380:6379']\n  search:\n    image: acme/search:1\n    expose: ['9200']\n" }] },
      ],
    },
    {
      // The EXPOSE of the Dockerfile a service builds; an interpolation default: reported at the value, no suggestion.
      filename: path.join(dir, "compose.yaml"),
      code: "services:\n  web:\n    environment:\n      API: ${API_URL:-http://localhost:3000}\n  api:\n    build: ./api\n",
      errors: [{ messageId: "localhost", line: 4, column: 12, data: { service: "web", target: "localhost:3000", key: "API", other: "api", port: "3000", replacement: "api:3000" }, suggestions: [] }],
    },
    {
      // env_file contents: reported at the env_file entry of the compose file, naming the line.
      filename: path.join(dir, "compose.yaml"),
      code: "services:\n  web:\n    env_file: app.env\n  db:\n    image: postgres:16.2\n",
      errors: [{ messageId: "localhostInEnvFile", line: 3, column: 15, data: { service: "web", target: "localhost:5432", key: "DATABASE_URL", file: "app.env", line: "3", other: "db", port: "5432", replacement: "db:5432" } }],
    },
  ],
});
