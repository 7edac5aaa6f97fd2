/** The generated sources (rules index, config rule lists, docs parts) must match the rules on disk, their meta and the AST types. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { generatedFiles, repoRoot } from "../scripts/generated-sources.js";

it("rules/index.ts, the config rule lists, the docs rendered from the peer table and the AST reference of docs/ast.md are up to date (run `npm run update`)", async () => {
  for (const file of await generatedFiles()) {
    expect(readFileSync(path.join(repoRoot, file.path), "utf8"), file.path).toBe(file.content);
  }
});
