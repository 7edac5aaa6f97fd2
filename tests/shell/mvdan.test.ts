/**
 * The facts about the mvdan-sh (GopherJS) build that lib/shell/mvdan.ts relies on. If the package is
 * ever upgraded, these tests say which assumption broke.
 */
import { describe, expect, it } from "vitest";
import {
  BIN_AND,
  BIN_OR,
  BIN_PIPE,
  BIN_PIPE_ALL,
  REDIRECT_OPS,
  describeParseError,
  endOf,
  findSubstitutions,
  getParser,
  goSlice,
  goString,
  isNil,
  nodeType,
  parseToGo,
  posOf,
} from "../support/mvdan/mvdan.js";
import type { MvBinaryCmd, MvCallExpr, MvLit, MvStmt } from "../support/mvdan/mvdan.js";

describe("mvdan-sh internals", () => {
  it("exposes the Go File behind the wrapper, with slices, types and byte offsets", () => {
    const file = parseToGo("bash", "echo héllo $(id) > /dev/null");
    expect(nodeType(file)).toBe("File");
    const [stmt] = goSlice(file.Stmts);
    expect(nodeType(stmt!.Cmd)).toBe("CallExpr");
    const args = goSlice((stmt!.Cmd as MvCallExpr).Args);
    expect(args).toHaveLength(3);
    const lit = goSlice(args[1]!.Parts)[0] as MvLit;
    expect(nodeType(lit)).toBe("Lit");
    // Go strings are UTF-8 byte strings; offsets are bytes.
    expect(lit.Value).not.toBe("héllo");
    expect(goString(lit.Value)).toBe("héllo");
    expect([posOf(lit), endOf(lit)]).toEqual([5, 11]);
    expect(goSlice(stmt!.Redirs)).toHaveLength(1);
    expect(findSubstitutions(stmt).map(nodeType)).toEqual(["CmdSubst"]);
  });

  it("represents nil pointers and nil interfaces as non-null sentinels", () => {
    const file = parseToGo("bash", ">f");
    const [stmt] = goSlice(file.Stmts);
    expect(stmt!.Cmd).not.toBeNull();
    expect(isNil(stmt!.Cmd)).toBe(true);
    expect(isNil(goSlice(stmt!.Redirs)[0]!.N)).toBe(true);
    expect(stmt!.Semicolon.IsValid()).toBe(false);
  });

  it("uses the operator numbers this build was probed with", () => {
    const file = parseToGo("bash", "a && b || c | d |& e");
    const top = goSlice(file.Stmts)[0]!.Cmd as MvBinaryCmd;
    expect(top.Op).toBe(BIN_OR);
    expect((top.X.Cmd as MvBinaryCmd).Op).toBe(BIN_AND);
    const pipe = top.Y.Cmd as MvBinaryCmd;
    expect(pipe.Op).toBe(BIN_PIPE_ALL);
    expect((pipe.X.Cmd as MvBinaryCmd).Op).toBe(BIN_PIPE);
    const redirs = goSlice((goSlice(parseToGo("bash", "x >a >>b <c <>d <&3 >&2 >|e <<<f &>g &>>h").Stmts)[0] as MvStmt).Redirs);
    expect(redirs.map((r) => REDIRECT_OPS[r.Op])).toEqual([">", ">>", "<", "<>", "<&", ">&", ">|", "<<<", "&>", "&>>"]);
  });

  it("throws Go error values with Error(), Text and Pos", () => {
    let thrown: unknown;
    try {
      getParser("bash").Parse('echo é"', "");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeDefined();
    expect(thrown instanceof Error).toBe(false);
    expect(describeParseError(thrown)).toEqual({ message: 'reached EOF without closing quote "', byteOffset: 7, incomplete: true });
    expect(describeParseError(new Error("boom")).message).toBe("boom");
  });

  it("reuses one parser per dialect", () => {
    expect(getParser("bash")).toBe(getParser("bash"));
    expect(getParser("posix")).not.toBe(getParser("bash"));
  });
});
