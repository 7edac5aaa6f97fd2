/** `# eslint-…` comments in all three languages, through ESLint's Linter and our recommended config. */
import path from "node:path";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../lib/index.js";
import { FIXED_END_OF_LIFE_DATE } from "../support/fixed-date.js";
import { dedent } from "../support/dedent.js";

// An empty folder of the fixtures: cross-file rules find nothing around the linted file.
const dir = path.resolve(import.meta.dirname, "../fixtures/projects/dockerignore/empty");
// A .dockerignore is judged only when a build reads it: this folder's Dockerfile does.
const servedDir = path.resolve(import.meta.dirname, "../fixtures/projects/dockerignore/served");
const folderOf = (filename: string) => (filename.endsWith(".dockerignore") ? servedDir : dir);

function lint(filename: string, code: string, options: { reportUnused?: boolean } = {}) {
  const linter = new Linter({ configType: "flat", cwd: folderOf(filename) });
  const config: Linter.Config[] = [...plugin.configs.recommended, FIXED_END_OF_LIFE_DATE];
  if (options.reportUnused) config.push({ linterOptions: { reportUnusedDisableDirectives: "error" } });
  return linter.verify(code, config, { filename: path.join(folderOf(filename), filename) }).map((message) => `${message.line}:${message.ruleId ?? "-"}:${message.message.slice(0, 40)}`);
}

describe("Dockerfile", () => {
  it("eslint-disable-next-line silences the next instruction", () => {
    expect(lint("Dockerfile", dedent`
      FROM alpine:3.23
      # eslint-disable-next-line docker/no-maintainer -- legacy tooling reads Author
      MAINTAINER ops
      USER app
    `)).toEqual([]);
  });

  it("covers every continuation line of a multi-line instruction", () => {
    const code = dedent`
      FROM debian:12
      # eslint-disable-next-line docker/package-manager-clean-cache
      RUN set -eux; \\
          apt-get update; \\
          apt-get install -y --no-install-recommends curl
      MAINTAINER ops
      USER app
    `;
    expect(lint("Dockerfile", code)).toEqual(["6:docker/no-maintainer:MAINTAINER is deprecated: use LABEL org."]);
  });

  it("only the named rule, only the next instruction", () => {
    const code = dedent`
      FROM alpine:3.23
      # eslint-disable-next-line docker/instruction-casing
      MAINTAINER ops
      MAINTAINER again
      USER app
    `;
    expect(lint("Dockerfile", code)).toEqual([
      // ESLint reports an unused directive by default (a warning): instruction-casing had nothing to say.
      "2:-:Unused eslint-disable directive (no prob",
      "3:docker/no-maintainer:MAINTAINER is deprecated: use LABEL org.",
      "4:docker/no-maintainer:MAINTAINER is deprecated: use LABEL org.",
    ]);
  });

  it("eslint-disable / eslint-enable blocks", () => {
    const code = dedent`
      FROM alpine:3.23
      # eslint-disable docker/no-maintainer
      MAINTAINER a
      MAINTAINER b
      # eslint-enable docker/no-maintainer
      MAINTAINER c
      USER app
    `;
    expect(lint("Dockerfile", code)).toEqual(["6:docker/no-maintainer:MAINTAINER is deprecated: use LABEL org."]);
  });

  it("inline rule configuration", () => {
    expect(lint("Dockerfile", dedent`
      # eslint docker/no-maintainer: off
      FROM alpine:3.23
      MAINTAINER a
      USER app
    `)).toEqual([]);
  });

  it("eslint-disable-line cannot work on a whole-line comment and says so", () => {
    expect(lint("Dockerfile", dedent`
      FROM alpine:3.23
      # eslint-disable-line docker/no-maintainer
      MAINTAINER a
      USER app
    `)).toEqual([
      "2:-:eslint-disable-line cannot apply here: a",
      "3:docker/no-maintainer:MAINTAINER is deprecated: use LABEL org.",
    ]);
  });

  it("an unused disable directive is reported when asked", () => {
    expect(lint("Dockerfile", dedent`
      FROM alpine:3.23
      # eslint-disable-next-line docker/no-maintainer
      RUN true
      USER app
    `, { reportUnused: true })).toEqual([
      "2:-:Unused eslint-disable directive (no prob",
    ]);
  });
});

describe("compose", () => {
  it("next-line, same-line and block directives", () => {
    const code = [
      "services:",
      "  a:",
      "    # eslint-disable-next-line docker/require-image-tag",
      "    image: redis",
      "  b:",
      "    image: redis # eslint-disable-line docker/require-image-tag",
      "  c:",
      "    image: redis",
      "",
    ].join("\n");
    expect(lint("compose.yaml", code)).toEqual(["8:docker/require-image-tag:Image 'redis' has no tag, so it means ':"]);
  });
});

describe(".dockerignore", () => {
  it("a file-wide disable", () => {
    expect(lint(".dockerignore", "# eslint-disable docker/dockerignore-required-entries\nnode_modules\n")).toEqual([]);
    // One finding lists the missing entries.
    expect(lint(".dockerignore", "node_modules\n")).toHaveLength(1);
  });
});
