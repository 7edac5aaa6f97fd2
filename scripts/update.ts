/** Writes the generated sources (see generated-sources.ts). */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generatedFiles, repoRoot } from "./generated-sources.js";

for (const file of await generatedFiles()) {
  const target = path.join(repoRoot, file.path);
  let current: string | null = null;
  try {
    current = readFileSync(target, "utf8");
  } catch {
    // a new file
  }
  if (current === file.content) continue;
  writeFileSync(target, file.content);
  console.log(`updated ${file.path}`);
}
