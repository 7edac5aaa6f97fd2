import { describe, expect, it } from "vitest";
import { parseEnvFile } from "../../lib/compose/env-file.js";

describe("parseEnvFile", () => {
  it("reads KEY=VALUE lines as Compose does", () => {
    const text = "# comment\n\nexport A=1\nB = two words # trailing\nC='single $quoted # kept'\nD=\"line\\nbreak\"\nnot an assignment\nE=\n";
    expect(parseEnvFile(text)).toEqual([
      { key: "A", value: "1", line: 3 },
      { key: "B", value: "two words", line: 4 },
      { key: "C", value: "single $quoted # kept", line: 5 },
      { key: "D", value: "line\nbreak", line: 6 },
      { key: "E", value: "", line: 8 },
    ]);
  });
});
