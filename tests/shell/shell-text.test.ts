import { describe, expect, it } from "vitest";
import { contiguousShellText, toSourceOffset, toSourceRange, toSourceStartOffset } from "../../lib/shell/shell-text.js";
import type { ShellText } from "../../lib/shell/shell-text.js";
import { byteToUtf16Mapper, utf8Length } from "../support/mvdan/offsets.js";
import { dedent } from "../support/dedent.js";

/**
 * The brief's example: `RUN apt-get update && \` / `    # comment` / `    apt-get install -y curl`.
 * Docker removes the escape + newline and drops the comment line.
 */
const continuationSource = dedent`
  RUN apt-get update && \\
      # comment
      apt-get install -y curl
`;
const continuationShell: ShellText = {
  text: "apt-get update &&     apt-get install -y curl",
  segments: [
    { textStart: 0, sourceStart: 4, length: 18 },
    { textStart: 18, sourceStart: 38, length: 27 },
  ],
};

describe("ShellText fixture", () => {
  it("is consistent with its source", () => {
    for (const s of continuationShell.segments) {
      expect(continuationShell.text.slice(s.textStart, s.textStart + s.length)).toBe(
        continuationSource.slice(s.sourceStart, s.sourceStart + s.length),
      );
    }
  });
});

describe("toSourceOffset", () => {
  it("maps offsets inside a segment linearly", () => {
    expect(toSourceOffset(continuationShell, 0)).toBe(4);
    expect(toSourceOffset(continuationShell, 7)).toBe(11);
    expect(toSourceOffset(continuationShell, 22)).toBe(42);
  });

  it("maps the end of a segment to the end of that segment's source (not across the continuation)", () => {
    expect(toSourceOffset(continuationShell, 18)).toBe(22);
    expect(continuationSource[22]).toBe("\\");
  });

  it("maps the end of the text to the end of the last segment", () => {
    expect(toSourceOffset(continuationShell, 45)).toBe(65);
    expect(toSourceOffset(continuationShell, 99)).toBe(65);
  });

  it("maps offsets in a gap between segments to the next segment's start", () => {
    const gappy: ShellText = {
      text: "abcde___fghij",
      segments: [
        { textStart: 0, sourceStart: 0, length: 5 },
        { textStart: 8, sourceStart: 20, length: 5 },
      ],
    };
    expect(toSourceOffset(gappy, 5)).toBe(5);
    expect(toSourceOffset(gappy, 6)).toBe(20);
    expect(toSourceOffset(gappy, 8)).toBe(20);
    expect(toSourceOffset(gappy, 9)).toBe(21);
  });

  it("returns the offset unchanged when there are no segments", () => {
    expect(toSourceOffset({ text: "", segments: [] }, 3)).toBe(3);
  });
});

describe("toSourceStartOffset / toSourceRange", () => {
  it("maps a start at a segment boundary to the next segment", () => {
    expect(toSourceStartOffset(continuationShell, 18)).toBe(38);
    expect(toSourceStartOffset(continuationShell, 0)).toBe(4);
  });

  it("maps ranges start-forward and end-backward", () => {
    // "&&     apt-get" spans the dropped continuation and comment.
    expect(toSourceRange(continuationShell, 15, 29)).toEqual([19, 49]);
    // A range ending exactly at the boundary stays before the backslash.
    expect(toSourceRange(continuationShell, 0, 18)).toEqual([4, 22]);
    // Empty range.
    expect(toSourceRange(continuationShell, 18, 18)).toEqual([38, 38]);
  });

  it("contiguousShellText maps with an offset", () => {
    const s = contiguousShellText("ls -l", 10);
    expect(toSourceRange(s, 3, 5)).toEqual([13, 15]);
  });
});

describe("byteToUtf16Mapper", () => {
  it("is the identity for ASCII", () => {
    const u = byteToUtf16Mapper("echo hi");
    expect(u(0)).toBe(0);
    expect(u(4)).toBe(4);
    expect(u(7)).toBe(7);
  });

  it("maps UTF-8 byte offsets to UTF-16 offsets (2-, 3- and 4-byte characters)", () => {
    const text = "é€𝄞x";
    // bytes: é=2, €=3, 𝄞=4, x=1 ; UTF-16: é=1, €=1, 𝄞=2, x=1
    expect(utf8Length(text)).toBe(10);
    const u = byteToUtf16Mapper(text);
    expect(u(0)).toBe(0);
    expect(u(2)).toBe(1);
    expect(u(5)).toBe(2);
    expect(u(9)).toBe(4);
    expect(u(10)).toBe(5);
    expect(text.slice(u(9), u(10))).toBe("x");
  });
});
