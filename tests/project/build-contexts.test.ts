import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildsOfDockerfile, composeFilesAround, contextsServedBy, dockerignoreOfBuild, listContext } from "../../lib/project/build-contexts.js";
import { makeTree } from "../support/fix-safety.js";
import { dedent } from "../support/dedent.js";

const tree = makeTree({
  // Issue 5, item 10.
  "shop/compose.yaml": dedent`
    services:
      shipping:
        build:
          context: ./
          dockerfile: src/shipping/Dockerfile
          target: runtime
      web:
        build: ./web
      redis:
        image: redis:7
  `,
  "shop/compose.override.yaml": dedent`
    services:
      debug:
        build:
          context: ./src/shipping
  `,
  "shop/src/shipping/Dockerfile": "FROM golang:1.22\n",
  "shop/src/shipping/.dockerignore": "node_modules\n",
  "shop/web/Dockerfile": "FROM nginx:1.27\n",
  "shop/web/Dockerfile.dockerignore": ".git\n",
  "shop/.dockerignore": ".git\n",
  "alone/Dockerfile": "FROM alpine:3.20\n",
  "alone/sub/deep/file.txt": "",
  "alone/node_modules/x/index.js": "",
  "nothing/.dockerignore": "",
  "child/app/Dockerfile": "FROM alpine:3.20\n",
  "child/app/docker/compose.yml": dedent`
    services:
      app:
        build:
          context: ..
  `,
  "vars/compose.yaml": dedent`
    services:
      app:
        build:
          context: \${CTX}
  `,
  "vars/Dockerfile": "FROM alpine:3.20\n",
  // Issue 16 (a1): a Dockerfile path from an unset variable may name any Dockerfile under its context.
  "unset/compose.yaml": dedent`
    services:
      docs:
        build:
          context: ./src
          dockerfile: \${DOCS_DOCKERFILE}
  `,
  "unset/src/docs/Dockerfile": "FROM nginx:1.27\n",
  "unset/tools/Dockerfile": "FROM alpine:3.20\n",
  "unset/src/docs/.dockerignore": "node_modules\n",
  // Named contexts in both syntaxes and every form of value.
  "named/compose.yaml":
    dedent`
      services:
        app:
          build:
            context: ./app
            additional_contexts:
              assets: ./assets
              base: docker-image://alpine:3.20
              tools: service:toolbox
              repo: https://github.com/org/repo.git
              other: \${OTHER}
        worker:
          build:
            context: ./app
            additional_contexts:
              - assets=./shared/assets
              - layout=oci-layout:///tmp/layout
              - tgt=target:base
    `,
  "named/app/Dockerfile": "FROM base\nCOPY --from=assets / /srv\n",
  // dockerfile_inline: the context's .dockerignore is read by that build; the text may be unknown.
  "inline/compose.yaml": dedent`
    services:
      site:
        build:
          context: ./site
          dockerfile_inline: |
            FROM nginx:1.27
            COPY . /usr/share/nginx/html
      vars:
        build:
          context: ./other
          dockerfile_inline: "FROM \${BASE}"
  `,
  "inline/site/.dockerignore": "node_modules\n",
  "inline/other/.dockerignore": "node_modules\n",
  "inline/site/Dockerfile.dockerignore": ".git\n",
});
afterAll(tree.cleanup);
const at = (...parts: string[]) => path.join(tree.root, ...parts);

describe("buildsOfDockerfile", () => {
  it("finds the compose builds of a Dockerfile in a parent folder's compose files, with their targets", () => {
    expect(buildsOfDockerfile(at("shop/src/shipping/Dockerfile"))).toEqual([
      { composeFile: at("shop/compose.override.yaml"), service: "debug", context: at("shop/src/shipping"), dockerfile: at("shop/src/shipping/Dockerfile"), inline: null, target: null, namedContexts: [], labels: [] },
      { composeFile: at("shop/compose.yaml"), service: "shipping", context: at("shop"), dockerfile: at("shop/src/shipping/Dockerfile"), inline: null, target: "runtime", namedContexts: [], labels: [] },
    ]);
  });
  it("falls back to the Dockerfile's own folder when no compose file builds it", () => {
    expect(buildsOfDockerfile(at("alone/Dockerfile"))).toEqual([{ composeFile: null, service: null, context: at("alone"), dockerfile: at("alone/Dockerfile"), inline: null, target: null, namedContexts: [], labels: [] }]);
  });
  it("reads compose files in sub-folders (a docker/ folder that builds its parent)", () => {
    expect(buildsOfDockerfile(at("child/app/Dockerfile")).map((build) => [build.composeFile, build.context])).toEqual([[at("child/app/docker/compose.yml"), at("child/app")]]);
  });
  it("knows no build of a Dockerfile that a build with an unknown context may build (not `docker build` of its folder)", () => {
    expect(buildsOfDockerfile(at("vars/Dockerfile"))).toEqual([]);
  });
  it("knows no build of a Dockerfile under the context of a build whose Dockerfile is unknown, and the default build of one outside it", () => {
    expect(buildsOfDockerfile(at("unset/src/docs/Dockerfile"))).toEqual([]);
    expect(contextsServedBy(at("unset/src/docs/.dockerignore"))).toEqual([]);
    expect(buildsOfDockerfile(at("unset/tools/Dockerfile")).map((build) => [build.composeFile, build.context])).toEqual([[null, at("unset/tools")]]);
  });
});

describe("named build contexts", () => {
  it("carries build.additional_contexts (map and list syntax) with the kind of each value", () => {
    const builds = buildsOfDockerfile(at("named/app/Dockerfile"));
    expect(builds.map((build) => [build.service, build.namedContexts])).toEqual([
      [
        "app",
        [
          { name: "assets", kind: "local", value: at("named/assets") },
          { name: "base", kind: "image", value: "alpine:3.20" },
          { name: "tools", kind: "service", value: "toolbox" },
          { name: "repo", kind: "remote", value: "https://github.com/org/repo.git" },
          { name: "other", kind: "unknown", value: null },
        ],
      ],
      [
        "worker",
        [
          { name: "assets", kind: "local", value: at("named/shared/assets") },
          { name: "layout", kind: "oci-layout", value: "oci-layout:///tmp/layout" },
          { name: "tgt", kind: "target", value: "base" },
        ],
      ],
    ]);
  });
});

describe("dockerfile_inline builds", () => {
  it("serve their context's .dockerignore, with the inline Dockerfile parsed", () => {
    const served = contextsServedBy(at("inline/site/.dockerignore"));
    expect(served.map((build) => [build.service, build.dockerfile, build.via])).toEqual([["site", null, "context"]]);
    expect(served[0]?.inline?.stages.map((stage) => stage.from.image?.raw)).toEqual(["nginx:1.27"]);
    // No Dockerfile to sit beside: a `Dockerfile.dockerignore` in the context is not the one read.
    expect(contextsServedBy(at("inline/site/Dockerfile.dockerignore"))).toEqual([]);
  });
  it("serve their context even when the inline text depends on an unknown variable", () => {
    const served = contextsServedBy(at("inline/other/.dockerignore"));
    expect(served.map((build) => [build.service, build.inline])).toEqual([["vars", null]]);
  });
});

describe("contextsServedBy", () => {
  it("item 10: the small file beside a Dockerfile built with the root as context serves only the override's build", () => {
    expect(contextsServedBy(at("shop/src/shipping/.dockerignore")).map((build) => build.service)).toEqual(["debug"]);
    expect(contextsServedBy(at("shop/.dockerignore")).map((build) => build.service)).toEqual(["shipping"]);
  });
  it("a <Dockerfile>.dockerignore beside the Dockerfile wins over the context's file", () => {
    expect(dockerignoreOfBuild({ context: at("shop/web"), dockerfile: at("shop/web/Dockerfile") })).toEqual({ path: at("shop/web/Dockerfile.dockerignore"), via: "dockerfile" });
    expect(contextsServedBy(at("shop/web/Dockerfile.dockerignore")).map((build) => [build.service, build.via])).toEqual([["web", "dockerfile"]]);
    expect(contextsServedBy(at("shop/web/.dockerignore"))).toEqual([]);
  });
  it("serves nothing where no build can be found", () => {
    expect(contextsServedBy(at("nothing/.dockerignore"))).toEqual([]);
  });
});

describe("composeFilesAround and listContext", () => {
  it("stops at the repository root", () => {
    expect(composeFilesAround(at("shop/src/shipping"))).toEqual([at("shop/compose.override.yaml"), at("shop/compose.yaml")]);
  });
  it("lists a context breadth first without entering node_modules", () => {
    expect(listContext(at("alone"))).toEqual([
      { path: "Dockerfile", isDir: false },
      { path: "node_modules", isDir: true },
      { path: "sub", isDir: true },
      { path: "sub/deep", isDir: true },
      { path: "sub/deep/file.txt", isDir: false },
    ]);
    expect(listContext(at("alone"), { maxEntries: 2 })).toHaveLength(2);
    expect(listContext(at("missing"))).toBeNull();
  });
});
