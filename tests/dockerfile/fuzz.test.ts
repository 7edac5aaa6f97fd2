/**
 * Mutation fuzzing: random edits of tricky Dockerfiles never make the parser throw, and every
 * successful parse satisfies the AST invariants. Seeded, so failures reproduce.
 */
import { describe, expect, it } from "vitest";
import { parseDockerfile } from "../../lib/dockerfile/parse.js";
import { checkInvariants } from "./support/corpus.js";
import { dedent } from "../support/dedent.js";

const SEEDS = [
  dedent`
    # syntax=docker/dockerfile:1
    # escape=\\
    ARG A=1 B
    FROM --platform=$BUILDPLATFORM \${REG:-docker.io}/node:\${A}@sha256:00 AS build
  `,
  dedent`
    FROM a
    RUN --mount=type=cache,target=/c,id="x y" \\
      # comment

      apt-get update && \\
      apt-get install -y curl
  `,
  dedent`
    FROM a
    RUN 3<<"A" cat <<-'B' >/x
    \${a}
    A
    \tb
    \tB
    COPY <<EOF /x
    hi
    EOF
  `,
  'FROM a\nCMD ["a", "b c\\u0041", "\\"q\\""] trailing\nHEALTHCHECK --interval=5s CMD ["curl", "-f"]\nSHELL ["pwsh", "-c"]\n',
  dedent`
    # escape=\`
    FROM mcr.microsoft.com/windows
    RUN Write-Host \`
      C:\\a\\ \`
      done
    ENV A=\`$B C="d e" F
    LABEL x=y
  `,
  "FROM a\r\nONBUILD RUN <<EOF\r\necho\r\nEOF\r\nUSER ${U:-1}:${G}\r\nEXPOSE 80/tcp\r\nVOLUME [\"/d\"]\r\n",
  dedent`
    #!/usr/bin/env docker
    # syntax=x
    FROM a
    WORKDIR /w
    STOPSIGNAL TERM
    MAINTAINER me
    FOO bar --x
    ENV LEGACY a b c
  `,
  dedent`
    FROM a
    ENV A= \\
    =b C=\\

    d
    ARG =x Y= \\
    Z
    USER :g
    COPY --from= --chown=\\
     a b
    RUN --mount=,=x,a=,type=bind\\
    ,ro x
  `,
];

const ALPHABET = ["\\", "`", "\n", "\r\n", "\r", " ", "\t", "#", "<<", "<<-", "EOF", '"', "'", "$", "${", "}", "[", "]", ",", "=", "--", ":", "@", "/", "\u00e9", "\ud83d\ude00", "RUN ", "FROM ", "COPY "];

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("mutation fuzzing", () => {
  it("never throws and keeps the invariants", () => {
    const random = prng(20240601);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    let parsed = 0;
    for (let iteration = 0; iteration < 3000; iteration++) {
      let text = pick(SEEDS);
      const edits = 1 + Math.floor(random() * 4);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * (text.length + 1));
        const kind = random();
        if (kind < 0.4) text = text.slice(0, at) + pick(ALPHABET) + text.slice(at);
        else if (kind < 0.7) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 5));
        else text = text.slice(0, at) + text.slice(Math.floor(random() * text.length)).slice(0, 20) + text.slice(at);
      }
      let result: ReturnType<typeof parseDockerfile> | undefined;
      expect(() => (result = parseDockerfile(text)), JSON.stringify(text)).not.toThrow();
      if (!result) continue;
      if (result.ok) {
        parsed++;
        expect(checkInvariants(text, result.ast), JSON.stringify(text)).toEqual([]);
      } else {
        expect(result.errors[0]!.message, JSON.stringify(text)).not.toMatch(/internal parser error/u);
        expect(result.errors[0]!.line).toBeGreaterThanOrEqual(1);
        expect(result.errors[0]!.column).toBeGreaterThanOrEqual(1);
      }
    }
    expect(parsed).toBeGreaterThan(1000);
  });
});
