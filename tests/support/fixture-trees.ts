import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

/**
 * Fixture trees under one temporary folder for a test file (removed after it): `tree(files)` writes
 * `files` (relative path → content) into a new sub-folder and returns it; `tree(files, name)` names the
 * sub-folder. With `{ repository: true }` the root holds a `.git`, so every tree lies in one repository
 * (the project being linted, for the build-context rules' lint scope).
 */
export function fixtureTrees(prefix: string, { repository = false }: { repository?: boolean } = {}): {
  root: string;
  tree: (files: Readonly<Record<string, string>>, name?: string) => string;
} {
  const root = mkdtempSync(path.join(tmpdir(), `docker-policy-${prefix}-`));
  if (repository) mkdirSync(path.join(root, ".git"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let counter = 0;
  const tree = (files: Readonly<Record<string, string>>, name = `t${counter++}`): string => {
    const dir = path.join(root, name);
    mkdirSync(dir, { recursive: true });
    for (const [relative, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
      writeFileSync(path.join(dir, relative), text);
    }
    return dir;
  };
  return { root, tree };
}
