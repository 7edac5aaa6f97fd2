/**
 * Our token store answers as ESLint's own does: fed the tokens and comments of a JavaScript file,
 * every method with every form of options gives the same tokens as ESLint's JavaScript SourceCode.
 * Then the tokens and comments of a Dockerfile: what rules walking tokens see there.
 */
import { Linter, type SourceCode } from "eslint";
import { describe, expect, it } from "vitest";
import { TokenStore, type Ranged } from "../../lib/languages/shared/token-store.js";
import { DockerfileSourceCode } from "../../lib/languages/dockerfile/dockerfile-source-code.js";
import { allInstructions, parseDockerfile } from "../../lib/dockerfile/index.js";
import { dedent } from "../support/dedent.js";

const JS = `// head
const a = /* inline */ 1; // after a
function f(x, y) {
  /* block
     comment */
  return x + y; // sum
}
f(a, 2);
// tail
`;

function javascriptSourceCode(): SourceCode {
  const linter = new Linter({ configType: "flat" });
  let sourceCode: SourceCode | undefined;
  linter.verify(JS, [{ plugins: { probe: { rules: { grab: { create: (context) => ((sourceCode = context.sourceCode as unknown as SourceCode), {}) } } } }, rules: { "probe/grab": "error" } }]);
  return sourceCode!;
}

const ranges = (found: unknown) => (Array.isArray(found) ? found.map((token: Ranged) => token.range.join("-")) : found === null ? null : (found as Ranged).range.join("-"));

describe("TokenStore agrees with ESLint's JavaScript token store", () => {
  const eslint = javascriptSourceCode();
  const ours = new TokenStore(eslint.ast.tokens, eslint.getAllComments() as unknown as Ranged[]);
  const nodes: Ranged[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach(walk);
    const candidate = node as Ranged & { type?: string };
    if (typeof candidate.type === "string" && Array.isArray(candidate.range)) nodes.push(candidate);
    for (const [key, value] of Object.entries(node)) if (key !== "parent" && key !== "tokens" && key !== "comments") walk(value);
  };
  walk(eslint.ast);
  const elements: Ranged[] = [...nodes, ...(eslint.ast.tokens as Ranged[]), ...(eslint.getAllComments() as unknown as Ranged[])];
  const optionForms = [undefined, 1, 2, { includeComments: true }, { includeComments: true, skip: 1 }, { count: 2 }, { includeComments: true, count: 3 }, { filter: (token: { value: string }) => token.value !== "," }];

  it("for every node, token and comment, with every form of options", () => {
    expect(elements.length).toBeGreaterThan(45);
    const single = ["getFirstToken", "getLastToken", "getTokenBefore", "getTokenAfter", "getFirstTokens", "getLastTokens", "getTokensBefore", "getTokensAfter", "getTokens"] as const;
    for (const element of elements) {
      for (const method of single) {
        for (const options of optionForms) {
          const expected = ranges((eslint[method] as (node: Ranged, options: unknown) => unknown)(element, options));
          expect(ranges((ours[method] as (node: Ranged, options: unknown) => unknown)(element, options)), `${method} ${JSON.stringify(options)} ${element.range.join("-")}`).toEqual(expected);
        }
      }
      expect(ranges(ours.getCommentsBefore(element))).toEqual(ranges(eslint.getCommentsBefore(element as never)));
      expect(ranges(ours.getCommentsAfter(element))).toEqual(ranges(eslint.getCommentsAfter(element as never)));
      expect(ranges(ours.getCommentsInside(element))).toEqual(ranges(eslint.getCommentsInside(element as never)));
    }
  });

  it("between two elements: tokens, comments, and whitespace", () => {
    const tokens = eslint.ast.tokens as Ranged[];
    for (let left = 0; left < tokens.length; left += 3) {
      for (let right = left + 1; right < tokens.length; right += 4) {
        const [a, b] = [tokens[left]!, tokens[right]!];
        for (const method of ["getFirstTokenBetween", "getLastTokenBetween", "getFirstTokensBetween", "getLastTokensBetween", "getTokensBetween"] as const) {
          for (const options of optionForms) {
            const expected = ranges((eslint[method] as (l: Ranged, r: Ranged, o: unknown) => unknown)(a, b, options));
            expect(ranges((ours[method] as (l: Ranged, r: Ranged, o: unknown) => unknown)(a, b, options)), `${method} ${JSON.stringify(options)}`).toEqual(expected);
          }
        }
        expect(ours.commentsExistBetween(a, b)).toBe(eslint.commentsExistBetween(a as never, b as never));
        expect(ours.isSpaceBetween(JS, a, b)).toBe(eslint.isSpaceBetween(a as never, b as never));
      }
    }
  });

  it("getTokenByRangeStart", () => {
    for (let offset = 0; offset < JS.length; offset++) {
      expect(ranges(ours.getTokenByRangeStart(offset))).toEqual(ranges(eslint.getTokenByRangeStart(offset)));
      expect(ranges(ours.getTokenByRangeStart(offset, { includeComments: true }))).toEqual(ranges(eslint.getTokenByRangeStart(offset, { includeComments: true })));
    }
  });
});

describe("a Dockerfile's tokens and comments", () => {
  const text = dedent`
    #!/usr/bin/env buildctl
    # syntax=docker/dockerfile:1
    FROM alpine:3.20 AS base
    # install
    RUN apk add \\
      # inside a continuation
      curl
  `;
  const result = parseDockerfile(text);
  if (!result.ok) throw new Error("sample must parse");
  const sourceCode = new DockerfileSourceCode({ text, ast: result.ast, hasBOM: false });

  it("every `#` line is a comment, typed as ESLint's `#` comment (Shebang), the parser directive included", () => {
    expect(sourceCode.getAllComments().map((comment) => `${comment.loc.start.line}:${comment.type}:${comment.value}`)).toEqual([
      "1:Shebang:!/usr/bin/env buildctl",
      "2:Shebang: syntax=docker/dockerfile:1",
      "4:Shebang: install",
      "6:Shebang: inside a continuation",
    ]);
    // The AST keeps its own comment nodes.
    expect(sourceCode.ast.comments.every((comment) => comment.type === "Comment")).toBe(true);
  });

  it("one token per line of content outside comments, so every non-blank line has a first token or comment", () => {
    expect(sourceCode.getTokens(sourceCode.ast).map((token) => `${token.loc.start.line}:${(token as { value: string }).value}`)).toEqual([
      "3:FROM alpine:3.20 AS base",
      "5:RUN apk add \\",
      "7:curl",
    ]);
    const instruction = allInstructions(result.ast).find((candidate) => candidate.type === "Run")!;
    expect(sourceCode.getCommentsInside(instruction).map((comment) => comment.value)).toEqual([" inside a continuation"]);
    expect(sourceCode.getCommentsBefore(instruction).map((comment) => comment.value)).toEqual([" install"]);
    expect(sourceCode.getFirstToken(instruction)).toMatchObject({ type: "Text", value: "RUN apk add \\", loc: { start: { line: 5, column: 0 } } });
    expect(sourceCode.getTokenBefore(instruction, { includeComments: true })).toMatchObject({ type: "Shebang", value: " install" });
    expect(sourceCode.isSpaceBetween(sourceCode.getFirstToken(instruction)!, sourceCode.getLastToken(instruction)!)).toBe(true);
    expect(sourceCode.commentsExistBetween(sourceCode.getFirstToken(instruction)!, sourceCode.getLastToken(instruction)!)).toBe(true);
  });

  it("line tokens follow BuildKit's line endings (a lone CR is inside a line) and skip blank lines", () => {
    const crText = "FROM alpine:3.20\r\n\r\n  RUN  echo  \"a  b\"  \r\n# note\r\r\nCMD x\rUSER y";
    const parsed = parseDockerfile(crText);
    if (!parsed.ok) throw new Error("sample must parse");
    const crSource = new DockerfileSourceCode({ text: crText, ast: parsed.ast, hasBOM: false });
    expect(crSource.getTokens(crSource.ast).map((token) => `${token.loc.start.line}:${token.loc.start.column}:${(token as { value: string }).value}`)).toEqual([
      "1:0:FROM alpine:3.20",
      '3:2:RUN  echo  "a  b"',
      "5:0:CMD x\rUSER y",
    ]);
    expect(crSource.getAllComments().map((comment) => comment.loc.start.line)).toEqual([4]);
  });

  it("JavaScript scope questions get the true answer: one empty global scope", () => {
    expect(sourceCode.getScope(result.ast.stages[0]!)).toBe(sourceCode.getScope(sourceCode.ast));
    expect(sourceCode.getScope(sourceCode.ast).variables).toEqual([]);
    expect(sourceCode.getDeclaredVariables()).toEqual([]);
    expect(sourceCode.isGlobalReference()).toBe(false);
    expect(sourceCode.isESTree).toBe(false);
    expect((sourceCode.ast as unknown as { body: unknown[] }).body).toEqual([]);
    expect(Object.keys(sourceCode.ast)).not.toContain("body");
  });
});
