/**
 * `eslint --fix` over a copy of the shared corpus's Dockerfiles with the `strict` config: every fixed file
 * still parses, a second pass changes nothing, and only files with a fixable finding change. Skips,
 * saying why, when the corpus is not next to this repository (`DOCKER_POLICY_CORPUS` points elsewhere).
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../lib/index.js";
import { FILES } from "../lib/configs/files.js";
import { parseDockerfile } from "../lib/dockerfile/parse.js";

const corpus = process.env.DOCKER_POLICY_CORPUS ?? path.resolve(import.meta.dirname, "../../shared/corpus");
const present = existsSync(path.join(corpus, "dockerfiles"));
if (!present) console.log(`corpus fix skipped: no corpus at ${corpus}`);

describe.skipIf(!present)("eslint --fix on the shared corpus", () => {
  const copy = mkdtempSync(path.join(tmpdir(), "docker-policy-fix-"));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it("keeps every fixed Dockerfile parsing, and a second pass changes nothing", async () => {
    cpSync(path.join(corpus, "dockerfiles"), path.join(copy, "dockerfiles"), { recursive: true });
    const lint = () =>
      new ESLint({ cwd: copy, fix: true, overrideConfigFile: true, overrideConfig: [...plugin.configs.strict], errorOnUnmatchedPattern: false }).lintFiles([...FILES.dockerfile]);
    const findings = await new ESLint({ cwd: copy, overrideConfigFile: true, overrideConfig: [...plugin.configs.strict], errorOnUnmatchedPattern: false }).lintFiles([...FILES.dockerfile]);
    const fixable = new Set(findings.filter((result) => result.messages.some((message) => message.fix)).map((result) => result.filePath));
    const first = await lint();
    await ESLint.outputFixes(first);
    const changed = first.filter((result) => result.output !== undefined);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((result) => !fixable.has(result.filePath)).map((result) => result.filePath)).toEqual([]);
    expect(changed.filter((result) => !parseDockerfile(result.output!).ok).map((result) => result.filePath)).toEqual([]);
    const second = await lint();
    expect(second.filter((result) => result.output !== undefined).map((result) => result.filePath)).toEqual([]);
  }, 600_000);
});
