/**
 * Database and cache images as data: which images keep state, where they keep it inside the container,
 * and the port they serve. Read by `no-published-database-port`, `require-persistent-database-volume`
 * and `no-localhost-service-url` through `databaseOfImage`; rules never list images themselves.
 *
 * Every row names the documentation that states its facts (the image's Docker Hub page, "Where to
 * Store Data" / "Caveats" and the EXPOSE of its Dockerfile).
 */
import { normalizedImageName, parseImageReference } from "../../dockerfile/image-reference.js";
import { effectiveValue, type ProjectService } from "../../project/compose-project.js";

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
  /**
   * Where the data of each image of the row really is, by the image's major version, when its
   * Dockerfiles have been read (keyed by normalized image name). With a layout, a mount counts only
   * where it holds the data (see `dataHolder`); without one, any mount on a data directory or a parent
   * of it is accepted, since the image's VOLUMEs are not known.
   */
  layouts?: Readonly<Record<string, readonly DataLayout[]>>;
}

/** Where an image keeps its data, from one major version on (until the next layout of its list). */
export interface DataLayout {
  /** The first major version (the tag's leading number) with this layout; null: every earlier version. */
  fromMajor: number | null;
  /** The data directory of the server (the default of `dataDirVariable` when the row has one). */
  dataDir: string;
  /**
   * The image's `VOLUME`s. Docker gives every one of them that has no mount at exactly that path an
   * anonymous volume (moby `daemon/create_unix.go`, `container.HasMountFor`: exact destination match).
   */
  volumes: readonly string[];
  /** The Dockerfile lines these facts come from. */
  source: string;
}

const hub = (name: string) => `https://hub.docker.com/_/${name}`;

const POSTGRES_LAYOUTS: readonly DataLayout[] = [
  {
    fromMajor: null,
    dataDir: "/var/lib/postgresql/data",
    volumes: ["/var/lib/postgresql/data"],
    source: "docker-library/postgres 17/bookworm/Dockerfile (and every earlier major): ENV PGDATA /var/lib/postgresql/data, VOLUME /var/lib/postgresql/data",
  },
  {
    fromMajor: 18,
    dataDir: "/var/lib/postgresql/18/docker",
    volumes: ["/var/lib/postgresql"],
    source:
      "docker-library/postgres 18/trixie/Dockerfile: ENV PGDATA /var/lib/postgresql/18/docker, VOLUME /var/lib/postgresql (\"in 18+, PGDATA has changed … and the VOLUME has moved\"; docker-library/postgres#1259); PGDATA is /var/lib/postgresql/<major>/docker",
  },
];

/** The table. Images under other names (a vendor's fork, a private mirror) are not known: rules stay silent. */
const DATABASE_IMAGES: readonly DatabaseImage[] = [
  { images: ["docker.io/library/postgres", "docker.io/postgis/postgis", "docker.io/bitnami/postgresql", "docker.io/timescale/timescaledb"], label: "PostgreSQL", servers: ["postgres"], kind: "database", dataDirs: ["/var/lib/postgresql/data", "/var/lib/postgresql", "/bitnami/postgresql", "/home/postgres/pgdata"], dataDirVariable: "PGDATA", ports: [5432], source: hub("postgres"), layouts: { "docker.io/library/postgres": POSTGRES_LAYOUTS } },
  { images: ["docker.io/library/mysql", "docker.io/bitnami/mysql", "docker.io/mysql/mysql-server"], label: "MySQL", servers: ["mysqld"], kind: "database", dataDirs: ["/var/lib/mysql", "/bitnami/mysql"], ports: [3306, 33060], source: hub("mysql"), layouts: { "docker.io/library/mysql": [{ fromMajor: null, dataDir: "/var/lib/mysql", volumes: ["/var/lib/mysql"], source: "docker-library/mysql 8.4/Dockerfile.oracle (and 5.7, 8.0, innovation): VOLUME /var/lib/mysql, the server's datadir" }] } },
  { images: ["docker.io/library/mariadb", "docker.io/bitnami/mariadb"], label: "MariaDB", servers: ["mariadbd", "mysqld"], kind: "database", dataDirs: ["/var/lib/mysql", "/bitnami/mariadb"], ports: [3306], source: hub("mariadb"), layouts: { "docker.io/library/mariadb": [{ fromMajor: null, dataDir: "/var/lib/mysql", volumes: ["/var/lib/mysql"], source: "MariaDB/mariadb-docker 11.4/Dockerfile (every version): VOLUME /var/lib/mysql" }] } },
  { images: ["docker.io/library/mongo", "docker.io/bitnami/mongodb", "docker.io/mongodb/mongodb-community-server"], label: "MongoDB", servers: ["mongod"], kind: "database", dataDirs: ["/data/db", "/bitnami/mongodb"], ports: [27017], source: hub("mongo"), layouts: { "docker.io/library/mongo": [{ fromMajor: null, dataDir: "/data/db", volumes: ["/data/db", "/data/configdb"], source: "docker-library/mongo 8.0/Dockerfile (every Linux version): VOLUME /data/db /data/configdb; mongod's dbPath defaults to /data/db" }] } },
  { images: ["docker.io/library/redis", "docker.io/bitnami/redis", "docker.io/redis/redis-stack", "docker.io/redis/redis-stack-server"], label: "Redis", servers: ["redis-server", "redis-stack-server"], kind: "cache", dataDirs: ["/data", "/bitnami/redis/data"], ports: [6379], source: hub("redis") },
  { images: ["docker.io/valkey/valkey", "docker.io/bitnami/valkey"], label: "Valkey", servers: ["valkey-server"], kind: "cache", dataDirs: ["/data", "/bitnami/valkey/data"], ports: [6379], source: "https://hub.docker.com/r/valkey/valkey" },
  { images: ["docker.io/library/memcached", "docker.io/bitnami/memcached"], label: "Memcached", servers: ["memcached"], kind: "cache", dataDirs: [], ports: [11211], source: hub("memcached") },
  { images: ["docker.io/library/elasticsearch", "docker.elastic.co/elasticsearch/elasticsearch"], label: "Elasticsearch", servers: ["elasticsearch", "eswrapper"], kind: "search", dataDirs: ["/usr/share/elasticsearch/data"], ports: [9200, 9300], source: hub("elasticsearch") },
  { images: ["docker.io/opensearchproject/opensearch"], label: "OpenSearch", servers: ["opensearch"], kind: "search", dataDirs: ["/usr/share/opensearch/data"], ports: [9200, 9300], source: "https://hub.docker.com/r/opensearchproject/opensearch" },
  { images: ["docker.io/library/cassandra"], label: "Cassandra", servers: ["cassandra"], kind: "database", dataDirs: ["/var/lib/cassandra"], ports: [9042], source: hub("cassandra"), layouts: { "docker.io/library/cassandra": [{ fromMajor: null, dataDir: "/var/lib/cassandra", volumes: ["/var/lib/cassandra"], source: "docker-library/cassandra 5.0/Dockerfile: VOLUME /var/lib/cassandra ($CASSANDRA_HOME/data links there)" }] } },
  { images: ["docker.io/library/couchdb"], label: "CouchDB", servers: ["couchdb"], kind: "database", dataDirs: ["/opt/couchdb/data"], ports: [5984], source: hub("couchdb"), layouts: { "docker.io/library/couchdb": [{ fromMajor: null, dataDir: "/opt/couchdb/data", volumes: ["/opt/couchdb/data"], source: "apache/couchdb-docker 3.4.3/Dockerfile: VOLUME /opt/couchdb/data" }] } },
  { images: ["docker.io/library/neo4j"], label: "Neo4j", servers: ["neo4j"], kind: "database", dataDirs: ["/data"], ports: [7474, 7687], source: hub("neo4j") },
  { images: ["docker.io/library/influxdb"], label: "InfluxDB", servers: ["influxd"], kind: "database", dataDirs: ["/var/lib/influxdb2", "/var/lib/influxdb"], ports: [8086], source: hub("influxdb") },
  { images: ["docker.io/library/rabbitmq"], label: "RabbitMQ", servers: ["rabbitmq-server"], kind: "queue", dataDirs: ["/var/lib/rabbitmq"], ports: [5672], source: hub("rabbitmq"), layouts: { "docker.io/library/rabbitmq": [{ fromMajor: null, dataDir: "/var/lib/rabbitmq", volumes: ["/var/lib/rabbitmq"], source: "docker-library/rabbitmq 4.1/ubuntu/Dockerfile: ENV RABBITMQ_DATA_DIR=/var/lib/rabbitmq, VOLUME $RABBITMQ_DATA_DIR" }] } },
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
 * The layouts an image reference may run with (see `DataLayout`): the one of its tag's major version
 * (`18.1`, `18-alpine`, `17.6-bookworm` → 18, 18, 17), or every layout of the image when the tag says
 * no version (`latest`, `alpine`, none, a digest only, a variable): a rule then accepts only what is
 * right for every version, and reports only what is wrong for every version. Null when the table has
 * no layouts for the image.
 */
export function dataLayoutsOf(row: DatabaseImage, image: string): readonly DataLayout[] | null {
  const reference = parseImageReference(image);
  const layouts = row.layouts?.[normalizedImageName(reference).toLowerCase()];
  if (!layouts) return null;
  const major = reference.tag && !reference.tag.includes("$") ? /^(\d+)(?:[.-]|$)/u.exec(reference.tag)?.[1] : undefined;
  if (major === undefined) return layouts;
  const version = Number(major);
  const layout = layouts.findLast((candidate) => candidate.fromMajor === null || candidate.fromMajor <= version);
  if (!layout) return layouts;
  // PGDATA of the 18+ layout names the major itself (/var/lib/postgresql/<major>/docker).
  return [layout.fromMajor !== null && layout.dataDir.includes(`/${layout.fromMajor}/`) ? { ...layout, dataDir: layout.dataDir.replace(`/${layout.fromMajor}/`, `/${version}/`) } : layout];
}

/** A mount of a container: its destination and what backs it. */
export interface ContainerMount {
  /** Container path, without a trailing `/`. */
  target: string;
  /** `named`: a named volume; `bind`: a host path; `anonymous`: an anonymous volume the service declares; `image`: the anonymous volume Docker makes for an image VOLUME; `tmpfs`: memory. */
  kind: "named" | "bind" | "anonymous" | "image" | "tmpfs";
}

/** A container path without trailing slashes (`/` stays `/`). */
export function normalizeContainerPath(target: string): string {
  return target.replace(/\/+$/u, "") || "/";
}

/**
 * The mount that holds `dataDir`: of the service's mounts plus an anonymous volume for every image
 * VOLUME without a mount at exactly its path, the one with the longest destination that is `dataDir`
 * or a parent of it (a mount hides what is under its destination in the mounts above it). Null when
 * none does: the data is in the container's writable layer.
 */
export function dataHolder(layout: Pick<DataLayout, "volumes">, dataDir: string, mounts: readonly ContainerMount[]): ContainerMount | null {
  const all: ContainerMount[] = [...mounts];
  for (const volume of layout.volumes) if (!mounts.some((mount) => mount.target === volume)) all.push({ target: volume, kind: "image" });
  let holder: ContainerMount | null = null;
  for (const mount of all) {
    const within = mount.target === dataDir || dataDir.startsWith(mount.target === "/" ? "/" : `${mount.target}/`);
    if (within && (!holder || mount.target.length > holder.target.length)) holder = mount;
  }
  return holder;
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
