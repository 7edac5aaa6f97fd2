/**
 * Database and cache images as data: which images keep state, where they keep it inside the container,
 * and the port they serve. Read by `no-published-database-port`, `require-persistent-database-volume`
 * and `no-localhost-service-url` through `databaseOfImage`; rules never list images themselves.
 *
 * Every row names the documentation that states its facts (the image's Docker Hub page, "Where to
 * Store Data" / "Caveats" and the EXPOSE of its Dockerfile).
 */
import { normalizedImageName, parseImageReference } from "../dockerfile/image-reference.js";
import { effectiveValue, type ProjectService } from "./project.js";

export interface DatabaseImage {
  /** Normalized repository names (`docker.io/library/postgres`) that run this database. */
  images: readonly string[];
  /** What it is, for messages ("PostgreSQL"). */
  label: string;
  kind: "database" | "cache" | "search" | "queue";
  /** The server programs of the image: a `command:` starting with anything else (a script, a client) does not run the database. */
  servers: readonly string[];
  /** Container paths where the image keeps its data (the first is the documented one). */
  dataDirs: readonly string[];
  /** An environment variable of the image that moves the data directory (`PGDATA`), if any. */
  dataDirVariable?: string;
  /** The TCP ports the image serves by default. */
  ports: readonly number[];
  /** Where the facts come from. */
  source: string;
}

const hub = (name: string) => `https://hub.docker.com/_/${name}`;

/** The table. Images under other names (a vendor's fork, a private mirror) are not known: rules stay silent. */
export const DATABASE_IMAGES: readonly DatabaseImage[] = [
  { images: ["docker.io/library/postgres", "docker.io/postgis/postgis", "docker.io/bitnami/postgresql", "docker.io/timescale/timescaledb"], label: "PostgreSQL", servers: ["postgres"], kind: "database", dataDirs: ["/var/lib/postgresql/data", "/var/lib/postgresql", "/bitnami/postgresql", "/home/postgres/pgdata"], dataDirVariable: "PGDATA", ports: [5432], source: hub("postgres") },
  { images: ["docker.io/library/mysql", "docker.io/bitnami/mysql", "docker.io/mysql/mysql-server"], label: "MySQL", servers: ["mysqld"], kind: "database", dataDirs: ["/var/lib/mysql", "/bitnami/mysql"], ports: [3306, 33060], source: hub("mysql") },
  { images: ["docker.io/library/mariadb", "docker.io/bitnami/mariadb"], label: "MariaDB", servers: ["mariadbd", "mysqld"], kind: "database", dataDirs: ["/var/lib/mysql", "/bitnami/mariadb"], ports: [3306], source: hub("mariadb") },
  { images: ["docker.io/library/mongo", "docker.io/bitnami/mongodb", "docker.io/mongodb/mongodb-community-server"], label: "MongoDB", servers: ["mongod"], kind: "database", dataDirs: ["/data/db", "/bitnami/mongodb"], ports: [27017], source: hub("mongo") },
  { images: ["docker.io/library/redis", "docker.io/bitnami/redis", "docker.io/redis/redis-stack", "docker.io/redis/redis-stack-server"], label: "Redis", servers: ["redis-server", "redis-stack-server"], kind: "cache", dataDirs: ["/data", "/bitnami/redis/data"], ports: [6379], source: hub("redis") },
  { images: ["docker.io/valkey/valkey", "docker.io/bitnami/valkey"], label: "Valkey", servers: ["valkey-server"], kind: "cache", dataDirs: ["/data", "/bitnami/valkey/data"], ports: [6379], source: "https://hub.docker.com/r/valkey/valkey" },
  { images: ["docker.io/library/memcached", "docker.io/bitnami/memcached"], label: "Memcached", servers: ["memcached"], kind: "cache", dataDirs: [], ports: [11211], source: hub("memcached") },
  { images: ["docker.io/library/elasticsearch", "docker.elastic.co/elasticsearch/elasticsearch"], label: "Elasticsearch", servers: ["elasticsearch", "eswrapper"], kind: "search", dataDirs: ["/usr/share/elasticsearch/data"], ports: [9200, 9300], source: hub("elasticsearch") },
  { images: ["docker.io/opensearchproject/opensearch"], label: "OpenSearch", servers: ["opensearch"], kind: "search", dataDirs: ["/usr/share/opensearch/data"], ports: [9200, 9300], source: "https://hub.docker.com/r/opensearchproject/opensearch" },
  { images: ["docker.io/library/cassandra"], label: "Cassandra", servers: ["cassandra"], kind: "database", dataDirs: ["/var/lib/cassandra"], ports: [9042], source: hub("cassandra") },
  { images: ["docker.io/library/couchdb"], label: "CouchDB", servers: ["couchdb"], kind: "database", dataDirs: ["/opt/couchdb/data"], ports: [5984], source: hub("couchdb") },
  { images: ["docker.io/library/neo4j"], label: "Neo4j", servers: ["neo4j"], kind: "database", dataDirs: ["/data"], ports: [7474, 7687], source: hub("neo4j") },
  { images: ["docker.io/library/influxdb"], label: "InfluxDB", servers: ["influxd"], kind: "database", dataDirs: ["/var/lib/influxdb2", "/var/lib/influxdb"], ports: [8086], source: hub("influxdb") },
  { images: ["docker.io/library/rabbitmq"], label: "RabbitMQ", servers: ["rabbitmq-server"], kind: "queue", dataDirs: ["/var/lib/rabbitmq"], ports: [5672], source: hub("rabbitmq") },
  { images: ["docker.io/clickhouse/clickhouse-server"], label: "ClickHouse", servers: ["clickhouse-server", "clickhouse"], kind: "database", dataDirs: ["/var/lib/clickhouse"], ports: [8123, 9000], source: "https://hub.docker.com/r/clickhouse/clickhouse-server" },
  { images: ["mcr.microsoft.com/mssql/server"], label: "SQL Server", servers: ["/opt/mssql/bin/sqlservr"], kind: "database", dataDirs: ["/var/opt/mssql"], ports: [1433], source: "https://hub.docker.com/r/microsoft/mssql-server" },
];

const byImage = new Map<string, DatabaseImage>();
for (const row of DATABASE_IMAGES) for (const image of row.images) byImage.set(image, row);

/**
 * The database row of an image reference as written in compose (`postgres:16`, `docker.io/library/redis`,
 * `bitnami/mysql@sha256:…`), or null for any other image or an image whose name is not known
 * (`${DB_IMAGE}` unresolved: pass the interpolated text, or null).
 */
export function databaseOfImage(image: string | null | undefined): DatabaseImage | null {
  if (!image) return null;
  const reference = parseImageReference(image);
  if (reference.path === "" || reference.path.includes("$")) return null;
  return byImage.get(normalizedImageName(reference).toLowerCase()) ?? null;
}

/**
 * Whether `target` (a container path) is, or contains, one of the data directories (the row's, or the
 * one the service moved it to with the row's `dataDirVariable`).
 */
export function coversDataDir(dataDirs: readonly string[], target: string): boolean {
  const normalized = target.replace(/\/+$/u, "") || "/";
  return dataDirs.some((dir) => dir === normalized || dir.startsWith(normalized === "/" ? "/" : `${normalized}/`));
}

/**
 * The database a project service runs: the image of its merged definition (the last layer that names
 * one), unless it builds its own image (then `image:` is only the tag it gets). Null otherwise.
 */
export function databaseOfService(service: ProjectService): DatabaseImage | null {
  const built = effectiveValue(service, (s) => s.build);
  if (built) return null;
  const image = effectiveValue(service, (s) => s.image);
  // `postgres:${PG_VERSION}`: the tag is unknown but the repository is not.
  return databaseOfImage(image ? (image.value.resolved ?? image.value.text) : null);
}

/**
 * Whether the service runs the image's server: no `entrypoint`, and a `command` that is absent, starts
 * with an option (`--log-bin`: arguments to the server), or names one of the row's server programs.
 * A `mariadb-dump` job or a migration script on a database image keeps no data.
 */
export function runsDatabaseServer(row: DatabaseImage, service: ProjectService): boolean {
  if (effectiveValue(service, (s) => s.entrypoint)) return false;
  const command = effectiveValue(service, (s) => s.command)?.value;
  if (!command) return true;
  const first = Array.isArray(command) ? command[0]?.resolved : command.resolved?.trim().split(/\s+/u)[0];
  if (first === undefined || first === null) return true;
  return first.startsWith("-") || row.servers.includes(first);
}
