/**
 * Named build contexts (compose `build.additional_contexts`): a name a build of the Dockerfile declares
 * resolves to the context, before any image (BuildKit `dockerfile2llb/convert.go`, `namedContext`).
 */
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { DockerfileProgram } from "../../lib/dockerfile/ast.js";
import { parseDockerfile } from "../../lib/dockerfile/index.js";
import { dockerfileImageUses } from "../../lib/semantics/images/image-uses.js";
import { fromReference, namedContextKey, stageReferences } from "../../lib/semantics/stages/stage-references.js";
import { makeTree } from "../support/fix-safety.js";
import { dedent } from "../support/dedent.js";

const DOCKERFILE = [
  "FROM base AS build", // a named context (docker-image://)
  "RUN --mount=from=tools,target=/t /t/run", // a named context (service:)
  "COPY --from=assets /logo.png /srv/", // map syntax in one build, list syntax in the other
  "COPY --from=only-app /x /x", // declared by one build of two
  "COPY --from=nowhere /y /y", // declared by none
  "COPY --from=7 /z /z", // an index is never a context name
  "FROM docker.io/library/runtime:latest", // normalised to `runtime` before the lookup
  "",
].join("\n");

const tree = makeTree({
  "proj/compose.yaml": [
    "services:",
    "  app:",
    "    build:",
    "      context: .",
    "      additional_contexts:",
    "        base: docker-image://alpine:3.20",
    "        tools: service:toolbox",
    "        assets: ./assets",
    "        only-app: ./x",
    "        runtime: docker-image://gcr.io/distroless/static",
    "  worker:",
    "    build:",
    "      context: .",
    "      additional_contexts:",
    "        - base=docker-image://alpine:3.20",
    "        - tools=service:toolbox",
    "        - assets=./shared/assets",
    "        - runtime=./rootfs",
    "  toolbox:",
    "    build: ./tools",
    "",
  ].join("\n"),
  "proj/Dockerfile": DOCKERFILE,
  "alone/Dockerfile": DOCKERFILE,
  // The default override file adds a named context to a build compose.yaml declares.
  "merged/compose.yaml": dedent`
    services:
      web:
        build:
          context: ./app
  `,
  "merged/compose.override.yaml": dedent`
    services:
      web:
        build:
          additional_contexts:
            assets: ./assets
  `,
  "merged/app/Dockerfile": "FROM nginx:1.27.0\nCOPY --from=assets /logo.png /srv/\n",
});
afterAll(tree.cleanup);
const at = (...parts: string[]) => path.join(tree.root, ...parts);

function parse(text: string): DockerfileProgram {
  const result = parseDockerfile(text);
  if (!result.ok) throw new Error(result.errors[0]?.message);
  return result.ast;
}

const summary = (program: DockerfileProgram, filename?: string) =>
  stageReferences(program, filename).map((reference) => {
    const { target } = reference;
    return [reference.written, target.kind === "context" ? `context${target.everyBuild ? "" : " (some builds)"}: ${target.contexts.map((context) => context.kind).join(",")}` : target.kind];
  });

describe("named build contexts in stage references", () => {
  it("resolves names the builds declare (map and list syntax) to the context, not an image or a missing stage", () => {
    expect(summary(parse(DOCKERFILE), at("proj/Dockerfile"))).toEqual([
      ["base", "context: image,image"],
      ["tools", "context: service,service"],
      ["assets", "context: local,local"],
      ["only-app", "context (some builds): local"],
      ["nowhere", "missing"],
      ["7", "missing"],
      ["docker.io/library/runtime:latest", "context: image,local"],
    ]);
  });
  it("leaves the file alone decide without a path, or where no build declares a context", () => {
    const program = parse(DOCKERFILE);
    expect(summary(program).map(([, kind]) => kind)).toEqual(["image", "missing", "missing", "missing", "missing", "missing", "image"]);
    expect(summary(program, at("alone/Dockerfile")).map(([, kind]) => kind)).toEqual(["image", "missing", "missing", "missing", "missing", "missing", "image"]);
    expect(summary(program, "Dockerfile").map(([, kind]) => kind)).toEqual(["image", "missing", "missing", "missing", "missing", "missing", "image"]);
  });
  it("drops named contexts from the images a Dockerfile pulls", () => {
    const program = parse(DOCKERFILE);
    expect(dockerfileImageUses(program).map((use) => use.value)).toEqual(["base", "docker.io/library/runtime:latest"]);
    expect(dockerfileImageUses(program, at("proj/Dockerfile"))).toEqual([]);
    expect(fromReference(program, program.stages[0]!, at("proj/Dockerfile"))?.target.kind).toBe("context");
  });
  it("merges additional_contexts over the files Compose merges (an override adds one)", () => {
    const program = parse("FROM nginx:1.27.0\nCOPY --from=assets /logo.png /srv/\n");
    expect(summary(program, at("merged/app/Dockerfile"))).toEqual([
      ["nginx:1.27.0", "image"],
      ["assets", "context: local"],
    ]);
  });
  it("looks names up as BuildKit does (familiar form, without :latest)", () => {
    expect(namedContextKey("assets")).toBe("assets");
    expect(namedContextKey("docker.io/library/alpine:latest")).toBe("alpine");
    expect(namedContextKey("index.docker.io/library/alpine:3.20")).toBe("alpine:3.20");
    expect(namedContextKey("ghcr.io/org/app:latest")).toBe("ghcr.io/org/app");
    expect(namedContextKey("docker.io/org/app")).toBe("org/app");
    expect(namedContextKey("Assets")).toBeNull();
  });
});
