import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/no-published-database-port.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-dbport-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, "compose.yaml"), dedent`
  services:
    db:
      image: postgres:16.2
`);

ruleTester("compose").run("no-published-database-port", rule, {
  valid: [
    dedent`
      services:
        db:
          image: postgres:16.2
          expose: ['5432']
    `,
    dedent`
      services:
        db:
          image: postgres:16.2
          ports: ['127.0.0.1:5432:5432']
    `,
    dedent`
      services:
        web:
          image: nginx:1.27
          ports: ['80:80']
    `,
    // A port the database does not serve as a database (the RabbitMQ UI).
    dedent`
      services:
        mq:
          image: rabbitmq:3-management
          ports: ['15672:15672']
    `,
    // Builds its own image: `image:` is only its tag.
    dedent`
      services:
        db:
          image: postgres
          build: ./db
          ports: ['5432:5432']
    `,
    dedent`
      services:
        db:
          image: \${DB_IMAGE}
          ports: ['5432:5432']
    `,
  ],
  invalid: [
    {
      code: dedent`
        services:
          db:
            image: postgres:16.2
            ports:
              - "5432:5432"
      `,
      errors: [{ messageId: "published", line: 5, column: 9, endColumn: 20, data: { service: "db", database: "PostgreSQL", port: "5432" } }],
    },
    {
      code: dedent`
        services:
          cache:
            image: docker.io/library/redis:7.2-alpine
            ports:
              - target: 6379
                published: 16379
          search:
            image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0
            ports: ['0.0.0.0:9200:9200']
      `,
      errors: [
        { messageId: "published", line: 5, column: 9, data: { service: "cache", database: "Redis", port: "6379" } },
        { messageId: "published", line: 9, column: 13, data: { service: "search", database: "Elasticsearch", port: "9200" } },
      ],
    },
    {
      // The image comes from the base file this override is merged over.
      filename: path.join(dir, "compose.override.yaml"),
      code: dedent`
        services:
          db:
            ports: ['5432:5432']
      `,
      errors: [{ messageId: "published", line: 3, column: 13, data: { service: "db", database: "PostgreSQL", port: "5432" } }],
    },
  ],
});
