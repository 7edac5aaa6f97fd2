import { describe, expect, it } from "vitest";
import { dedent } from "./dedent.js";

describe("dedent", () => {
  it("drops the first line break, the closing line's indentation and the common indentation", () => {
    expect(dedent`
      FROM alpine:3.20
      RUN apk add curl \\
          git
    `).toBe("FROM alpine:3.20\nRUN apk add curl \\\n    git\n");
  });

  it("keeps a text without a final line break, blank lines and escapes", () => {
    expect(dedent`
      services:

        web:\timage: a`).toBe("services:\n\n  web:\timage: a");
    expect(dedent`
      a\r
      b
    `).toBe("a\r\nb\n");
  });

  it("inserts values as they are, and counts the indentation of a line a value starts", () => {
    const body = "x:\n  y: 1";
    expect(dedent`
      ${body}
        z
    `).toBe("x:\n  y: 1\n  z\n");
    expect(dedent`
        a ${1}
      b
    `).toBe("  a 1\nb\n");
  });

  it("compares indentation character by character: an escaped tab is indentation too, not two spaces", () => {
    expect(dedent`
  \tx
  \t\ty
    `).toBe("x\n\ty\n");
    expect(dedent`
      \tx
        y
    `).toBe("\tx\n  y\n");
  });
});
