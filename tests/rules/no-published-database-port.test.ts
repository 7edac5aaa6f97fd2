import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/no-published-database-port.js";
import { ruleTester } from "../support/rule-tester.js";

const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-dbport-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, "compose.yaml"), "services:\n  db:\n    image: postgres:16.2\n");

ruleTester("compose").run("no-published-database-port", rule, {
  valid: [
    "services:\n  db:\n    image: postgres:16.2\n    expose: ['5432']\n",
    "services:\n  db:\n    image: postgres:16.2\n    ports: ['127.0.0.1:5432:5432']\n",
    "services:\n  web:\n    image: nginx:1.27\n    ports: ['80:80']\n",
    // A port the database does not serve as a database (the RabbitMQ UI).
    "services:\n  mq:\n    image: rabbitmq:3-management\n    ports: ['15672:15672']\n",
    // Builds its own image: `image:` is only its tag.
    "services:\n  db:\n    image: postgres\n    build: ./db\n    ports: ['5432:5432']\n",
    "services:\n  db:\n    image: ${DB_IMAGE}\n    ports: ['5432:5432']\n",
  ],
  invalid: [
    {
      code: "services:\n  db:\n    image: postgres:16.2\n    ports:\n      - \"5432:5432\"\n",
      errors: [{ messageId: "published", line: 5, column: 9, endColumn: 20, data: { service: "db", database: "PostgreSQL", port: "5432" } }],
    },
    {
      code: "services:\n  cache:\n    image: docker.io/library/redis:7.2-alpine\n    ports:\n      - target: 6379\n        published: 16379\n  search:\n    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0\n    ports: ['0.0.0.0:9200:9200']\n",
      errors: [
        { messageId: "published", line: 5, column: 9, data: { service: "cache", database: "Redis", port: "6379" } },
        { messageId: "published", line: 9, column: 13, data: { service: "search", database: "Elasticsearch", port: "9200" } },
      ],
    },
    {
      // The image comes from the base file this override is merged over.
      filename: path.join(dir, "compose.override.yaml"),
      code: "services:\n  db:\n    ports: ['5432:5432']\n",
      errors: [{ messageId: "published", line: 3, column: 13, data: { service: "db", database: "PostgreSQL", port: "5432" } }],
    },
  ],
});
