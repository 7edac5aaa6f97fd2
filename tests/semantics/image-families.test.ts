/**
 * The image-family table is data with a source for every fact (issue 17): each end-of-life line is
 * dated (or explicitly open), sourced, unique in its family, and the lines that ended in 2026 are there.
 */
import { describe, expect, it } from "vitest";
import { parseImageReference } from "../../lib/dockerfile/image-reference.js";
import { endOfLifeFindings, IMAGE_FAMILIES, imageFamily, lineOfVersion, readTag } from "../../lib/semantics/images/image-families.js";

describe("the end-of-life table", () => {
  it("dates every line with a real day (or null), a https source, and no line twice in a family", () => {
    for (const family of IMAGE_FAMILIES) {
      const seen = new Set<string>();
      for (const entry of family.endOfLife) {
        expect(seen.has(entry.line), `${family.id} ${entry.line} twice`).toBe(false);
        seen.add(entry.line);
        expect(entry.source).toMatch(/^https:\/\//u);
        if (entry.endOfLife !== null) {
          expect(entry.endOfLife).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
          expect(new Date(`${entry.endOfLife}T00:00:00Z`).toISOString().slice(0, 10)).toBe(entry.endOfLife);
        }
      }
      expect(family.tagSource).toMatch(/^https:\/\//u);
    }
  });

  it("gives every repository to one family", () => {
    const owners = new Map<string, string>();
    for (const family of IMAGE_FAMILIES) for (const repository of family.repositories) {
      expect(owners.get(repository), repository).toBeUndefined();
      owners.set(repository, family.id);
    }
  });

  // The lines that ended in 2026 before 2026-12-06, the table's "as of" day.
  it.each([
    ["node:25", "2026-06-01"],
    ["node:20", "2026-04-30"],
    ["ruby:3.2", "2026-03-31"],
    ["golang:1.24", "2026-02-10"],
    ["golang:1.25", "2026-08-19"],
    ["python:3.10", "2026-10-31"],
    ["postgres:14", "2026-11-12"],
    ["alpine:3.20", "2026-04-01"],
    ["alpine:3.21", "2026-11-01"],
    ["debian:11", "2026-08-31"],
    ["ubuntu:25.04", "2026-01-17"],
    ["ubuntu:25.10", "2026-07-01"],
    ["mysql:8.0", "2026-04-30"],
    ["mariadb:10.6", "2026-07-06"],
    ["redis:8.0", "2026-12-01"],
    ["nginx:1.28", "2026-04-14"],
    ["fedora:42", "2026-05-27"],
    ["amazonlinux:2", "2026-06-30"],
    ["mcr.microsoft.com/dotnet/aspnet:8.0", "2026-11-10"],
    ["mcr.microsoft.com/dotnet/aspnet:9.0", "2026-11-10"],
    ["elasticsearch:7.17.1", "2026-01-15"],
  ])("%s ended on %s", (image, day) => {
    const [finding] = endOfLifeFindings(parseImageReference(image), "2026-12-06");
    expect(finding?.endOfLife).toBe(day);
  });
});

describe("lineOfVersion", () => {
  const family = (image: string) => imageFamily(parseImageReference(image))!;
  it("resolves a major-only tag of a closed major to its newest line", () => {
    expect(lineOfVersion(family("postgres"), "9")?.entry.line).toBe("9.6");
    expect(lineOfVersion(family("mysql"), "8")?.entry.line).toBe("8.4");
    expect(lineOfVersion(family("python"), "2")?.subject).toBe("Python 2 (its last line, 2.7)");
  });
  it("leaves a major that still grows, and families whose major tags are not known to follow the newest line, unknown", () => {
    expect(lineOfVersion(family("python"), "3")).toBeNull();
    expect(lineOfVersion(family("golang"), "1")).toBeNull();
    expect(lineOfVersion(family("mongo"), "7")).toBeNull();
    expect(lineOfVersion(family("mongo"), "7.0.12")?.entry.line).toBe("7.0");
  });
});

describe("readTag", () => {
  it("reads a version written after the family's word and a distribution named as the version", () => {
    expect(readTag(family("centos"), "centos7.9.2009").line).toBe("7.9.2009");
    expect(readTag(family("buildpack-deps"), "bookworm-scm").distribution).toEqual({ family: "debian", line: "12", codename: "bookworm" });
    expect(readTag(family("rust"), "buster")).toMatchObject({ version: null, distribution: { family: "debian", line: "10" } });
    expect(readTag(null, "bookworm").version).toBe("bookworm");
  });
  function family(name: string) {
    return imageFamily(parseImageReference(name));
  }
});
