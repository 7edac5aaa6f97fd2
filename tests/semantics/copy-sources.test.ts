import { describe, expect, it } from "vitest";
import type { Add, Copy } from "../../lib/dockerfile/ast.js";
import { parseDockerfile } from "../../lib/dockerfile/parse.js";
import { contextSources } from "../../lib/semantics/files/copy-sources.js";

function sources(text: string) {
  const parsed = parseDockerfile(text);
  if (!parsed.ok) throw new Error("does not parse");
  const program = parsed.ast;
  const copies = program.stages.flatMap((stage) => stage.instructions).filter((node): node is Copy | Add => node.type === "Copy" || node.type === "Add");
  return copies.flatMap((node) => contextSources(program, node).map((source) => `${source.kind}:${source.path}`));
}

describe("contextSources", () => {
  it("reads paths as BuildKit does: cleaned, relative to the context root", () => {
    expect(sources("FROM a\nCOPY ./dist/ /dist/./app.js a/../b /x/\n")).toEqual(["path:dist", "path:dist/app.js", "path:b"]);
    expect(sources("FROM a\nCOPY . ./ / x/.. /srv/\n")).toEqual(["root:", "root:", "root:", "root:"]);
    expect(sources('FROM a\nCOPY ["src/*.js", "/app/"]\n')).toEqual(["glob:src/*.js"]);
  });

  it("resolves what the file fixes and leaves the rest out", () => {
    expect(sources("FROM a\nARG SRC=dist\nARG OTHER\nCOPY $SRC ${OTHER} /app/\n")).toEqual(["path:dist"]);
  });

  it("leaves out what does not come from the context", () => {
    expect(sources("FROM a\nCOPY --from=b dist /\nADD https://example.com/x.tgz git@github.com:a/b.git /\nONBUILD COPY dist /\nCOPY ../up /\n")).toEqual([]);
  });
});
