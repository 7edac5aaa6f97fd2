/** The data layouts of database images by version, and which mount holds the data (moby: exact VOLUME match). */
import { describe, expect, it } from "vitest";
import { databaseOfImage, dataHolder, dataLayoutsOf } from "../../lib/semantics/services/databases.js";

const postgres = databaseOfImage("postgres")!;
const dirsOf = (image: string) => dataLayoutsOf(databaseOfImage(image)!, image)?.map((layout) => [layout.dataDir, layout.volumes]) ?? null;

describe("dataLayoutsOf", () => {
  it("picks the layout of the tag's major version", () => {
    expect(dirsOf("postgres:16.4")).toEqual([["/var/lib/postgresql/data", ["/var/lib/postgresql/data"]]]);
    expect(dirsOf("postgres:17-alpine3.22")).toEqual([["/var/lib/postgresql/data", ["/var/lib/postgresql/data"]]]);
    expect(dirsOf("postgres:18.1-bookworm")).toEqual([["/var/lib/postgresql/18/docker", ["/var/lib/postgresql"]]]);
    expect(dirsOf("docker.io/library/postgres:19")).toEqual([["/var/lib/postgresql/19/docker", ["/var/lib/postgresql"]]]);
  });
  it("keeps every layout when the tag says no version", () => {
    for (const image of ["postgres", "postgres:latest", "postgres:alpine", "postgres:${PG_TAG}", "postgres@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"]) {
      expect(dirsOf(image)).toHaveLength(2);
    }
  });
  it("has no layouts for images whose Dockerfiles were not read", () => {
    expect(dirsOf("bitnami/postgresql:17")).toBeNull();
    expect(dirsOf("timescale/timescaledb:latest-pg17")).toBeNull();
  });
  it("knows the VOLUMEs of mysql, mariadb and mongo", () => {
    expect(dirsOf("mysql:8.4")).toEqual([["/var/lib/mysql", ["/var/lib/mysql"]]]);
    expect(dirsOf("mariadb:11")).toEqual([["/var/lib/mysql", ["/var/lib/mysql"]]]);
    expect(dirsOf("mongo:7")).toEqual([["/data/db", ["/data/db", "/data/configdb"]]]);
  });
});

describe("dataHolder", () => {
  const [old, current] = postgres.layouts!["docker.io/library/postgres"]!;
  it("is the deepest mount over the data directory, image VOLUMEs included", () => {
    expect(dataHolder(current!, "/var/lib/postgresql/18/docker", [{ target: "/var/lib/postgresql/data", kind: "named" }])).toEqual({ target: "/var/lib/postgresql", kind: "image" });
    expect(dataHolder(current!, "/var/lib/postgresql/18/docker", [{ target: "/var/lib/postgresql", kind: "named" }])).toEqual({ target: "/var/lib/postgresql", kind: "named" });
    expect(dataHolder(old!, "/var/lib/postgresql/data", [{ target: "/var/lib/postgresql", kind: "named" }])).toEqual({ target: "/var/lib/postgresql/data", kind: "image" });
    expect(dataHolder(old!, "/srv/pg", [])).toBeNull();
  });
});
