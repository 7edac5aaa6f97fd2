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
    // The default override file adds the volume.
    { filename: path.join(dir, "compose.yaml"), code: "services:\n  db:\n    image: postgres:16.2\n" },
  ],
  invalid: [
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
  ],
});
