import { describe, expect, it } from "vitest";
import { parseShell } from "../../lib/shell/index.js";
import { contiguousShellText } from "../../lib/shell/shell-text.js";
import { whyNotSyntaxError } from "../../lib/shell/syntax-errors.js";
import { SYNTAX_EXAMPLES } from "../support/syntax-examples.js";

describe("whyNotSyntaxError", () => {
  it.each(SYNTAX_EXAMPLES)("$script: $reason", ({ script, reason, everyShellRejects }) => {
    const parsed = parseShell(contiguousShellText(script, 0));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toBe(reason);
    expect(whyNotSyntaxError(parsed) === null).toBe(everyShellRejects);
  });

  it("marks failures inside a ${…}'s name, index or operator, not inside its words", () => {
    const inIndex = parseShell(contiguousShellText("echo ${a[1+}", 0));
    expect(inIndex.ok === false && inIndex.inParameterExpansion === true).toBe(true);
    const inWord = parseShell(contiguousShellText('echo ${a:-"x}', 0));
    expect(inWord.ok === false && inWord.inParameterExpansion === true).toBe(false);
    const atEnd = parseShell(contiguousShellText("echo ${", 0));
    expect(atEnd.ok === false && atEnd.inParameterExpansion === true).toBe(false);
  });
});
