/** Docker image references in FROM. */
import { describe, expect, it } from "vitest";
import { normalizedImageName, parseImageReference, resolveImageReference } from "../../lib/dockerfile/image-reference.js";
import { only, slice } from "./support/helpers.js";

describe("parseImageReference", () => {
  const cases: [string, string | null, string, string | null, string | null][] = [
    // raw, registry, path, tag, digest
    ["node", null, "node", null, null],
    ["node:20-alpine", null, "node", "20-alpine", null],
    ["library/node:20", null, "library/node", "20", null],
    ["docker.io/library/node", "docker.io", "library/node", null, null],
    ["localhost/app", "localhost", "app", null, null],
    ["localhost:5000/a/b:tag@sha256:abc123", "localhost:5000", "a/b", "tag", "sha256:abc123"],
    ["ghcr.io/org/app@sha256:0123", "ghcr.io", "org/app", null, "sha256:0123"],
    ["mcr.microsoft.com/dotnet/sdk:8.0", "mcr.microsoft.com", "dotnet/sdk", "8.0", null],
    ["myregistry:5000/app", "myregistry:5000", "app", null, null],
    ["localhost:5000", null, "localhost", "5000", null],
    ["org/app", null, "org/app", null, null],
    ["$REGISTRY/x:${TAG:-1}", "$REGISTRY", "x", "${TAG:-1}", null],
    ["${BASE}", null, "${BASE}", null, null],
    ["${REG:-docker.io}/library/${IMG}:${V:-1.0}@${DIGEST}", "${REG:-docker.io}", "library/${IMG}", "${V:-1.0}", "${DIGEST}"],
    ["$org/app", null, "$org/app", null, null],
    ["scratch", null, "scratch", null, null],
  ];

  it.each(cases)("%s", (raw, registry, path, tag, digest) => {
    const parsed = parseImageReference(raw, 100);
    expect([parsed.registry, parsed.path, parsed.tag, parsed.digest]).toEqual([registry, path, tag, digest]);
    const at = (range: [number, number] | null): string | null => (range ? raw.slice(range[0] - 100, range[1] - 100) : null);
    expect(at(parsed.registryRange)).toBe(registry);
    expect(at(parsed.pathRange)).toBe(path);
    expect(at(parsed.tagRange)).toBe(tag);
    expect(at(parsed.digestRange)).toBe(digest);
    expect(parsed.isScratch).toBe(raw === "scratch");
  });

  it("lists variables with shifted offsets", () => {
    const parsed = parseImageReference("$R/x:${T:-1}", 10);
    expect(parsed.variables.map((v) => [v.name, v.start, v.end])).toEqual([
      ["R", 10, 12],
      ["T", 15, 22],
    ]);
  });

  it("resolves variables with ARG values, then parses", () => {
    const resolved = resolveImageReference("${REGISTRY:-docker.io}/library/node:${NODE_VERSION}-alpine", (name) => ({ NODE_VERSION: "20" })[name]);
    expect(resolved).toMatchObject({ ok: true, value: "docker.io/library/node:20-alpine", unresolved: ["REGISTRY"] });
    if (!resolved.ok) throw new Error("unexpected");
    expect([resolved.reference.registry, resolved.reference.path, resolved.reference.tag]).toEqual(["docker.io", "library/node", "20-alpine"]);
    expect(resolveImageReference("${X?needed}", () => undefined)).toMatchObject({ ok: false });
  });

  it("normalizes names as Docker pulls them", () => {
    expect(normalizedImageName(parseImageReference("node:20"))).toBe("docker.io/library/node");
    expect(normalizedImageName(parseImageReference("bitnami/redis"))).toBe("docker.io/bitnami/redis");
    expect(normalizedImageName(parseImageReference("ghcr.io/a/b"))).toBe("ghcr.io/a/b");
  });
});

describe("FROM", () => {
  it("reads flags (several), the image and AS name with exact ranges", () => {
    const text = "FROM --platform=$BUILDPLATFORM --foo=bar  ghcr.io/org/app:1.2@sha256:ab  as Build\n";
    const from = only(text, "From");
    expect(from.flags.map((f) => [f.name, f.value?.value])).toEqual([
      ["platform", "$BUILDPLATFORM"],
      ["foo", "bar"],
    ]);
    const image = from.image!;
    expect(slice(text, image.range)).toBe("ghcr.io/org/app:1.2@sha256:ab");
    expect(slice(text, image.registryRange)).toBe("ghcr.io");
    expect(slice(text, image.pathRange)).toBe("org/app");
    expect(slice(text, image.tagRange)).toBe("1.2");
    expect(slice(text, image.digestRange)).toBe("sha256:ab");
    expect(from.asKeyword?.value).toBe("as");
    expect(from.stageName).toEqual({ value: "Build", range: [76, 81] });
    expect(from.extraArguments).toEqual([]);
    expect(image.loc).toEqual({ start: { line: 1, column: 42 }, end: { line: 1, column: 71 } });
  });

  it("keeps arguments BuildKit would reject", () => {
    const from = only("FROM a b c AS d e\n", "From");
    expect(from.asKeyword).toBe(null);
    expect(from.extraArguments.map((w) => w.value)).toEqual(["b", "c", "AS", "d", "e"]);
    const named = only("FROM a AS b c\n", "From");
    expect(named.stageName?.value).toBe("b");
    expect(named.extraArguments.map((w) => w.value)).toEqual(["c"]);
    expect(only("FROM a AS\n", "From")).toMatchObject({ stageName: null, asKeyword: { value: "AS" } });
    expect(only("FROM\n", "From").image).toBe(null);
  });

  it("image variables become VariableReference nodes", () => {
    const text = "ARG TAG=1\nFROM node:${TAG}\n";
    const from = only(text, "From");
    expect(from.image?.variables.map((v) => slice(text, v.range))).toEqual(["${TAG}"]);
  });
});
