/**
 * The fixes of the instruction-hygiene rules under `--fix` (all passes): the output parses, a second
 * run changes nothing, and the instructions keep their meaning (what Docker reads is the same, or
 * only the reported defect changes).
 */
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../lib/index.js";
import { allInstructions } from "../../lib/dockerfile/ast-helpers.js";
import { parseDockerfile } from "../../lib/dockerfile/parse.js";
import { dedent } from "../support/dedent.js";

const RULES = ["no-empty-continuation", "valid-expose", "copy-destination-slash", "instruction-casing"] as const;

function fixAll(code: string): { output: string; again: boolean } {
  const linter = new Linter({ configType: "flat" });
  const config = [...plugin.configs.base, { files: ["**/Dockerfile"], rules: Object.fromEntries(RULES.map((rule) => [`docker/${rule}`, "error" as const])) }];
  const first = linter.verifyAndFix(code, config, { filename: "Dockerfile" });
  const second = linter.verifyAndFix(first.output, config, { filename: "Dockerfile" });
  return { output: first.output, again: second.fixed };
}

/** What Docker reads of each instruction: keyword (case-insensitive), and its logical line with blanks collapsed. */
function meaning(code: string): string[] {
  const parsed = parseDockerfile(code);
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return allInstructions(parsed.ast).map((instruction) => `${instruction.type} ${code.slice(instruction.keyword.range[1], instruction.range[1]).replace(/\\\s*\n/gu, "").replace(/\s+/gu, " ")}`);
}

describe("instruction-hygiene fixes", () => {
  it("no-empty-continuation only drops lines Docker skips", () => {
    const code = "FROM alpine:3.20\nRUN apk add --no-cache \\\n\n   \n    curl \\\n\n    git\nEXPOSE 80/TCP\n";
    const { output, again } = fixAll(code);
    expect(again).toBe(false);
    expect(output).toBe(dedent`
      FROM alpine:3.20
      RUN apk add --no-cache \\
          curl \\
          git
      EXPOSE 80/tcp
    `);
    expect(meaning(output).slice(0, 2)).toEqual(meaning(code).slice(0, 2));
  });

  it("copy-destination-slash and valid-expose change only the defect", () => {
    const code = dedent`
      FROM alpine:3.20
      COPY a b "/app"
      COPY ["c", "d", "/opt"]
      expose 53/UDP
    `;
    const { output, again } = fixAll(code);
    expect(again).toBe(false);
    expect(output).toBe(dedent`
      FROM alpine:3.20
      COPY a b "/app/"
      COPY ["c", "d", "/opt/"]
      EXPOSE 53/udp
    `);
    expect(parseDockerfile(output).ok).toBe(true);
  });

  it("heredoc bodies and lines under a CMD heredoc are never rewritten", () => {
    const code = dedent`
      FROM alpine:3.19
      RUN cat << 'EOF' > /root/.profile
      export PS1='x'
      run this
      EOF
      CMD <<EOF
      env
      echo hi
      EOF
      run echo done
    `;
    const { output } = fixAll(code);
    expect(output).toBe(code.replace("run echo done", "RUN echo done"));
  });
});
