import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/require-persistent-database-volume.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-dbvol-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, "compose.override.yaml"), dedent`
  services:
    db:
      volumes:
        - pgdata:/var/lib/postgresql/data
`);

ruleTester("compose").run("require-persistent-database-volume", rule, {
  valid: [
    dedent`
      services:
        db:
          image: postgres:16.2
          volumes:
            - pgdata:/var/lib/postgresql/data
      volumes:
        pgdata:
    `,
    dedent`
      services:
        db:
          image: mysql:8.4
          volumes:
            - ./data:/var/lib/mysql
    `,
    dedent`
      services:
        db:
          image: mongo:7
          volumes:
            - type: volume
              source: mongo
              target: /data/db
    `,
    // A parent folder counts; PGDATA moved under the volume counts.
    dedent`
      services:
        db:
          image: postgres:18
          volumes: ['pg:/var/lib/postgresql']
    `,
    dedent`
      services:
        db:
          image: postgres:16
          environment:
            PGDATA: /pg/data
          volumes: ['pg:/pg']
    `,
    // Deliberately throw-away (tests), caches, images we do not know, volumes_from.
    dedent`
      services:
        db:
          image: postgres:16
          tmpfs: /var/lib/postgresql/data
    `,
    dedent`
      services:
        cache:
          image: redis:7.2
    `,
    dedent`
      services:
        db:
          image: ghcr.io/acme/db:1
    `,
    dedent`
      services:
        db:
          image: postgres:16
          volumes_from: [data]
    `,
    // A client job on a database image.
    dedent`
      services:
        dump:
          image: mariadb:11
          command: /scripts/dump.sh
        psql:
          image: postgres:16
          entrypoint: [psql]
    `,
    // PostgreSQL 18+: the VOLUME is /var/lib/postgresql and PGDATA /var/lib/postgresql/18/docker (docker-library/postgres#1259).
    dedent`
      services:
        db:
          image: postgres:18.1-alpine
          volumes: ['pg:/var/lib/postgresql']
    `,
    dedent`
      services:
        db:
          image: postgres:19
          volumes: ['pg:/var/lib/postgresql']
    `,
    // A mount on the data directory itself holds the data too (Docker still adds the VOLUME's anonymous volume above it).
    dedent`
      services:
        db:
          image: postgres:18
          volumes: ['pg:/var/lib/postgresql/18/docker']
    `,
    // PGDATA set back to the old path, with the mount there.
    dedent`
      services:
        db:
          image: postgres:18
          environment:
            PGDATA: /var/lib/postgresql/data
          volumes: ['pg:/var/lib/postgresql/data']
    `,
    // A tag without a version: the old path is right up to 17, so it is not reported (unknown stays unknown).
    dedent`
      services:
        db:
          image: postgres
          volumes: ['pg:/var/lib/postgresql/data']
    `,
    dedent`
      services:
        db:
          image: postgres:\${PG_TAG}
          volumes: ['pg:/var/lib/postgresql/data']
    `,
    dedent`
      services:
        db:
          image: postgres:alpine
          volumes: ['pg:/var/lib/postgresql']
    `,
    // Every VOLUME-covered data directory, exactly: mongo, mysql, mariadb, cassandra, rabbitmq.
    dedent`
      services:
        a:
          image: mongo:8.0
          volumes: ['mongo:/data/db/']
        b:
          image: mariadb:11.4
          volumes: ['./db:/var/lib/mysql']
        c:
          image: cassandra:5.0
          volumes: ['cass:/var/lib/cassandra']
        d:
          image: rabbitmq:4.1
          volumes: ['rabbit:/var/lib/rabbitmq']
    `,
    // Images whose VOLUMEs the table does not know keep the former rule: a parent folder counts.
    dedent`
      services:
        db:
          image: bitnami/postgresql:17
          volumes: ['pg:/bitnami']
    `,
    // The default override file adds the volume.
    { filename: path.join(dir, "compose.yaml"), code: dedent`
      services:
        db:
          image: postgres:16.2
    ` },
  ],
  invalid: [
    {
      // compose-project case 04: from 18 the data is under VOLUME /var/lib/postgresql, not in /var/lib/postgresql/data.
      code: dedent`
        services:
          db:
            image: postgres:18.1
            volumes:
              - pgdata:/var/lib/postgresql/data
          reports-db:
            image: postgres:18.1
            volumes:
              - reports:/var/lib/postgresql
        volumes:
          pgdata:
          reports:
      `,
      errors: [{ messageId: "wrongPath", line: 5, column: 9, data: { service: "db", database: "PostgreSQL", target: "/var/lib/postgresql/data", dataDir: "/var/lib/postgresql" } }],
    },
    {
      // A mount on a parent of an image VOLUME: Docker still puts an anonymous volume on the VOLUME (exact path match).
      code: dedent`
        services:
          db:
            image: postgres:17
            volumes: ['pg:/var/lib/postgresql']
          my:
            image: mysql:8.4
            volumes: ['dbdata:/var/lib']
          mongo:
            image: mongo:7.0
            volumes:
              - type: volume
                source: mongo
                target: /data
      `,
      errors: [
        { messageId: "wrongPath", line: 4, data: { service: "db", database: "PostgreSQL", target: "/var/lib/postgresql", dataDir: "/var/lib/postgresql/data" } },
        { messageId: "wrongPath", line: 7, data: { service: "my", database: "MySQL", target: "/var/lib", dataDir: "/var/lib/mysql" } },
        { messageId: "wrongPath", line: 11, data: { service: "mongo", database: "MongoDB", target: "/data", dataDir: "/data/db" } },
      ],
    },
    {
      // No version in the tag: wrong for every version (a parent of both layouts), reported with both paths.
      code: dedent`
        services:
          db:
            image: postgres:latest
            volumes: ['pg:/var/lib']
          bare:
            image: postgres
      `,
      errors: [
        { messageId: "wrongPath", line: 4, data: { service: "db", database: "PostgreSQL", target: "/var/lib", dataDir: "/var/lib/postgresql/data (up to 17) or /var/lib/postgresql (18 and later)" } },
        { messageId: "noVolume", line: 6, data: { service: "bare", database: "PostgreSQL", dataDir: "/var/lib/postgresql/data (up to 17) or /var/lib/postgresql (18 and later)" } },
      ],
    },
    {
      code: dedent`
        services:
          db:
            image: postgres:16.2
      `,
      errors: [{ messageId: "noVolume", line: 3, column: 12, endColumn: 25, data: { service: "db", database: "PostgreSQL", dataDir: "/var/lib/postgresql/data" } }],
    },
    {
      code: dedent`
        services:
          db:
            image: mariadb:11
            volumes:
              - ./init:/docker-entrypoint-initdb.d
              - /var/lib/mysql
      `,
      errors: [{ messageId: "anonymous", line: 6, column: 9, data: { service: "db", database: "MariaDB", dataDir: "/var/lib/mysql" } }],
    },
    {
      // PGDATA moved out of the volume.
      code: dedent`
        services:
          db:
            image: postgres:16
            environment:
              PGDATA: /srv/pg
            volumes: ['pg:/var/lib/postgresql/data']
      `,
      errors: [{ messageId: "noVolume", line: 3, column: 12, data: { service: "db", database: "PostgreSQL", dataDir: "/srv/pg" } }],
    },
    {
      // No version, an anonymous volume on the old path: anonymous for 17 and older, unused by 18+; named as anonymous.
      code: dedent`
        services:
          db:
            image: postgres
            volumes:
              - /var/lib/postgresql/data
      `,
      errors: [{ messageId: "anonymous", line: 5, column: 9, data: { service: "db", database: "PostgreSQL", dataDir: "/var/lib/postgresql/data" } }],
    },
  ],
});
