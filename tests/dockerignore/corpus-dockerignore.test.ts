/**
 * Parses, validates and applies every `.dockerignore` of the awesome-compose sample tree of the
 * shared corpus (`../shared/corpus`, outside the repository; skipped with a printed reason when
 * absent). The tree keeps every path of the repository, so the matcher runs on a real context.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createIgnoreMatcher, parseDockerignore, validateDockerignore } from "../../lib/dockerignore/index.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const projectRoot = path.resolve(repoRoot, "../shared/corpus/projects/docker__awesome-compose");

function walk(directory: string, out: string[] = [], base = directory): string[] {
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) walk(full, out, base);
    else if (entry.isFile()) out.push(path.relative(base, full).split(path.sep).join("/"));
  }
  return out;
}

const present = fs.existsSync(projectRoot);
if (!present) console.log(`corpus-dockerignore: skipped, the shared corpus is not at ${projectRoot}`);

describe.skipIf(!present)(".dockerignore files of the awesome-compose corpus", () => {
  it("parses, validates and matches every one", () => {
    const files = walk(projectRoot).filter((file) => /(?:^|\/)(?:\.dockerignore|[^/]+\.dockerignore)$/.test(file)).sort();
    expect(files.length).toBeGreaterThan(0);
    const lines: string[] = [`corpus-dockerignore: ${files.length} files under ${path.relative(repoRoot, projectRoot)}`];
    for (const file of files) {
      const text = fs.readFileSync(path.join(projectRoot, file), "utf8");
      const result = parseDockerignore(text);
      expect(result.ok, file).toBe(true);
      if (!result.ok) continue;
      const problems = validateDockerignore(result.ast);
      const matcher = createIgnoreMatcher(result.ast.patterns);
      const contextDir = path.posix.dirname(file);
      const contextFiles = walk(path.join(projectRoot, contextDir));
      const excluded = contextFiles.filter((relative) => matcher(relative));
      const byPattern = new Map<string, number>();
      for (const relative of excluded) {
        const raw = matcher.explain(relative).pattern?.node?.raw ?? "?";
        byPattern.set(raw, (byPattern.get(raw) ?? 0) + 1);
      }
      lines.push(
        `  ${file}: ${result.ast.patterns.length} patterns, ${result.ast.comments.length} comments, ` +
          `${problems.length} problems${problems.map((p) => ` [${p.kind} ${JSON.stringify(p.node.raw)}]`).join("")}; ` +
          `excludes ${excluded.length} of ${contextFiles.length} context files` +
          (byPattern.size ? ` (${[...byPattern].map(([raw, count]) => `${raw}: ${count}`).join(", ")})` : ""),
      );
      // every pattern node points at its own text
      for (const pattern of result.ast.patterns) {
        expect(text.slice(pattern.range[0], pattern.range[1])).toBe(pattern.raw);
      }
      // the file excludes itself when it says so
      if (result.ast.patterns.some((pattern) => pattern.pattern === ".dockerignore")) {
        expect(matcher(".dockerignore")).toBe(true);
      }
    }
    console.log(lines.join("\n"));
  });
});
