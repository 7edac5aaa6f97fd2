/**
 * A defect in the compose model builder must never leave compose rules silently reporting nothing:
 * parseComposeText turns it into the file's fatal message (issue 12).
 */
import { describe, expect, it, vi } from "vitest";
import type * as Model from "../../lib/compose/model.js";
import { dedent } from "../support/dedent.js";

vi.mock("../../lib/compose/model.js", async (importOriginal) => {
  const original = await importOriginal<typeof Model>();
  return {
    ...original,
    getComposeModel: (program: Parameters<typeof original.getComposeModel>[0]) => {
      if (program.body[0]?.content?.type === "YAMLMapping" && JSON.stringify(program.tokens).includes("explode")) throw new TypeError("a defect");
      return original.getComposeModel(program);
    },
  };
});

const { parseComposeText } = await import("../../lib/compose/parse.js");

describe("compose model failures", () => {
  it("become the file's fatal message", () => {
    expect(parseComposeText(dedent`
      services:
        explode:
          image: x
    `)).toEqual({
      ok: false,
      errors: [{ message: "Cannot read the structure of this compose file (a bug in eslint-plugin-docker-policy, please report it): TypeError: a defect", line: 1, column: 1 }],
    });
    expect(parseComposeText(dedent`
      services:
        web:
          image: x
    `).ok).toBe(true);
  });
});
