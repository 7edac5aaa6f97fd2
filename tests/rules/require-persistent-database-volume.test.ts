import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import rule from "../../rules/require-persistent-database-volume.js";
import { ruleTester } from "../support/rule-tester.js";

const dir = mkdtempSync(path.join(tmpdir(), "docker-policy-dbvol-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, "compose.override.yaml"), "services:\n  db:\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n");

ruleTester("compose").run("require-persistent-database-volume", rule, {
  valid: [
    "services:\n  db:\n    image: postgres:16.2\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n",
    "services:\n  db:\n    image: mysql:8.4\n    volumes:\n      - ./data:/var/lib/mysql\n",
    "services:\n  db:\n    image: mongo:7\n    volumes:\n      - type: volume\n        source: mongo\n        target: /data/db\n",
    // A parent folder counts; PGDATA moved under the volume counts.
    "services:\n  db:\n    image: postgres:18\n    volumes: ['pg:/var/lib/postgresql']\n",
    "services:\n  db:\n    image: postgres:16\n    environment:\n      PGDATA: /pg/data\n    volumes: ['pg:/pg']\n",
    // Deliberately throw-away (tests), caches, images we do not know, volumes_from.
    "services:\n  db:\n    image: postgres:16\n    tmpfs: /var/lib/postgresql/data\n",
    "services:\n  cache:\n    image: redis:7.2\n",
    "services:\n  db:\n    image: ghcr.io/acme/db:1\n",
    "services:\n  db:\n    image: postgres:16\n    volumes_from: [data]\n",
    // A client job on a database image.
    "services:\n  dump:\n    image: mariadb:11\n    command: /scripts/dump.sh\n  psql:\n    image: postgres:16\n    entrypoint: [psql]\n",
    // PostgreSQL 18+: the VOLUME is /var/lib/postgresql and PGDATA /var/lib/postgresql/18/docker (docker-library/postgres#1259).
    "services:\n  db:\n    image: postgres:18.1-alpine\n    volumes: ['pg:/var/lib/postgresql']\n",
    "services:\n  db:\n    image: postgres:19\n    volumes: ['pg:/var/lib/postgresql']\n",
    // A mount on the data directory itself holds the data too (Docker still adds the VOLUME's anonymous volume above it).
    "services:\n  db:\n    image: postgres:18\n    volumes: ['pg:/var/lib/postgresql/18/docker']\n",
    // PGDATA set back to the old path, with the mount there.
    "services:\n  db:\n    image: postgres:18\n    environment:\n      PGDATA: /var/lib/postgresql/data\n    volumes: ['pg:/var/lib/postgresql/data']\n",
    // A tag without a version: the old path is right up to 17, so it is not reported (unknown stays unknown).
    "services:\n  db:\n    image: postgres\n    volumes: ['pg:/var/lib/postgresql/data']\n",
    "services:\n  db:\n    image: postgres:${PG_TAG}\n    volumes: ['pg:/var/lib/postgresql/data']\n",
    "services:\n  db:\n    image: postgres:alpine\n    volumes: ['pg:/var/lib/postgresql']\n",
    // Every VOLUME-covered data directory, exactly: mongo, mysql, mariadb, cassandra, rabbitmq.
    "services:\n  a:\n    image: mongo:8.0\n    volumes: ['mongo:/data/db/']\n  b:\n    image: mariadb:11.4\n    volumes: ['./db:/var/lib/mysql']\n  c:\n    image: cassandra:5.0\n    volumes: ['cass:/var/lib/cassandra']\n  d:\n    image: rabbitmq:4.1\n    volumes: ['rabbit:/var/lib/rabbitmq']\n",
    // Images whose VOLUMEs the table does not know keep the former rule: a parent folder counts.
    "services:\n  db:\n    image: bitnami/postgresql:17\n    volumes: ['pg:/bitnami']\n",
    // The default override file adds the volume.
    { filename: path.join(dir, "compose.yaml"), code: "services:\n  db:\n    image: postgres:16.2\n" },
  ],
  invalid: [
    {
      // compose-project case 04: from 18 the data is under VOLUME /var/lib/postgresql, not in /var/lib/postgresql/data.
      code: "services:\n  db:\n    image: postgres:18.1\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n  reports-db:\n    image: postgres:18.1\n    volumes:\n      - reports:/var/lib/postgresql\nvolumes:\n  pgdata:\n  reports:\n",
      errors: [{ messageId: "wrongPath", line: 5, column: 9, data: { service: "db", database: "PostgreSQL", target: "/var/lib/postgresql/data", dataDir: "/var/lib/postgresql" } }],
    },
    {
      // A mount on a parent of an image VOLUME: Docker still puts an anonymous volume on the VOLUME (exact path match).
      code: "services:\n  db:\n    image: postgres:17\n    volumes: ['pg:/var/lib/postgresql']\n  my:\n    image: mysql:8.4\n    volumes: ['dbdata:/var/lib']\n  mongo:\n    image: mongo:7.0\n    volumes:\n      - type: volume\n        source: mongo\n        target: /data\n",
      errors: [
        { messageId: "wrongPath", line: 4, data: { service: "db", database: "PostgreSQL", target: "/var/lib/postgresql", dataDir: "/var/lib/postgresql/data" } },
        { messageId: "wrongPath", line: 7, data: { service: "my", database: "MySQL", target: "/var/lib", dataDir: "/var/lib/mysql" } },
        { messageId: "wrongPath", line: 11, data: { service: "mongo", database: "MongoDB", target: "/data", dataDir: "/data/db" } },
      ],
    },
    {
      // No version in the tag: wrong for every version (a parent of both layouts), reported with both paths.
      code: "services:\n  db:\n    image: postgres:latest\n    volumes: ['pg:/var/lib']\n  bare:\n    image: postgres\n",
      errors: [
        { messageId: "wrongPath", line: 4, data: { service: "db", database: "PostgreSQL", target: "/var/lib", dataDir: "/var/lib/postgresql/data (up to 17) or /var/lib/postgresql (18 and later)" } },
        { messageId: "noVolume", line: 6, data: { service: "bare", database: "PostgreSQL", dataDir: "/var/lib/postgresql/data (up to 17) or /var/lib/postgresql (18 and later)" } },
      ],
    },
    {
      code: "services:\n  db:\n    image: postgres:16.2\n",
      errors: [{ messageId: "noVolume", line: 3, column: 12, endColumn: 25, data: { service: "db", database: "PostgreSQL", dataDir: "/var/lib/postgresql/data" } }],
    },
    {
      code: "services:\n  db:\n    image: mariadb:11\n    volumes:\n      - ./init:/docker-entrypoint-initdb.d\n      - /var/lib/mysql\n",
      errors: [{ messageId: "anonymous", line: 6, column: 9, data: { service: "db", database: "MariaDB", dataDir: "/var/lib/mysql" } }],
    },
    {
      // PGDATA moved out of the volume.
      code: "services:\n  db:\n    image: postgres:16\n    environment:\n      PGDATA: /srv/pg\n    volumes: ['pg:/var/lib/postgresql/data']\n",
      errors: [{ messageId: "noVolume", line: 3, column: 12, data: { service: "db", database: "PostgreSQL", dataDir: "/srv/pg" } }],
    },
    {
      // No version, an anonymous volume on the old path: anonymous for 17 and older, unused by 18+; named as anonymous.
      code: "services:\n  db:\n    image: postgres\n    volumes:\n      - /var/lib/postgresql/data\n",
      errors: [{ messageId: "anonymous", line: 5, column: 9, data: { service: "db", database: "PostgreSQL", dataDir: "/var/lib/postgresql/data" } }],
    },
  ],
});
