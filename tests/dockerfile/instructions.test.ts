/** Instruction nodes: structure, exact ranges and locations. */
import { describe, expect, it } from "vitest";
import type { Instruction } from "../../lib/dockerfile/ast.js";
import { visitorKeys } from "../../lib/dockerfile/visitor-keys.js";
import { instructions, only, parseOk, slice } from "./support/helpers.js";
import { dedent } from "../support/dedent.js";

describe("program structure", () => {
  it("splits the preamble and the stages; stage ranges run from FROM to the last instruction", () => {
    const text = dedent`
      # syntax=docker/dockerfile:1
      ARG BASE=alpine

      FROM $BASE AS build
      RUN make
      # trailing comment

      FROM scratch
      COPY --from=build /out /
    `;
    const program = parseOk(text);
    expect(program.range).toEqual([0, text.length]);
    expect(program.loc).toEqual({ start: { line: 1, column: 0 }, end: { line: 10, column: 0 } });
    expect(program.parent).toBe(null);
    expect(program.preamble.map((i) => i.type)).toEqual(["Arg"]);
    expect(program.stages.map((s) => [s.index, s.name, s.instructions.map((i) => i.type)])).toEqual([
      [0, "build", ["Run"]],
      [1, null, ["Copy"]],
    ]);
    expect(slice(text, program.stages[0]!.range)).toBe("FROM $BASE AS build\nRUN make");
    expect(slice(text, program.stages[1]!.range)).toBe("FROM scratch\nCOPY --from=build /out /");
    expect(program.stages[1]!.from.image?.isScratch).toBe(true);
    expect(program.stages[0]!.from.parent).toBe(program.stages[0]);
    expect(program.stages[0]!.parent).toBe(program);
    expect(program.comments.map((c) => c.value)).toEqual([" trailing comment"]);
  });

  it("BOM-less input is the norm (ESLint removes the BOM); a leading BOM is skipped like BuildKit does", () => {
    const withoutBom = parseOk("# escape=`\nFROM a\n");
    expect(withoutBom.escapeChar).toBe("`");
    expect(withoutBom.stages[0]!.from.range).toEqual([11, 17]);
    const withBom = parseOk("\uFEFF# escape=`\nFROM a\n");
    expect(withBom.escapeChar).toBe("`");
    expect(withBom.directives[0]!.range).toEqual([1, 11]);
    expect(withBom.stages[0]!.from.range).toEqual([12, 18]);
    expect(parseOk("\uFEFFFROM a\n").stages[0]!.from.keyword).toMatchObject({ value: "FROM", range: [1, 5] });
  });

  it("keywords keep their case; types are canonical", () => {
    const text = dedent`
      from a
      run echo
      Copy a b
    `;
    expect(instructions(text).map((i) => [i.type, i.keyword.value, slice(text, i.keyword.range)])).toEqual([
      ["From", "from", "from"],
      ["Run", "run", "run"],
      ["Copy", "Copy", "Copy"],
    ]);
  });

  it("every node type has visitor keys and they name real properties", () => {
    const text =
      dedent`
        ARG A=1 B
        FROM --platform=linux/amd64 img:\${A} AS s x
        RUN --mount=type=cache,target=/c echo $A
        CMD ["a"]
        ENTRYPOINT b
        SHELL ["sh"]
        HEALTHCHECK CMD c
        COPY a b
        ADD c d
        ENV E=1
        LABEL l=1
        USER u:g
        WORKDIR /w
        EXPOSE 80
        VOLUME /v
        STOPSIGNAL TERM
        ONBUILD RUN x
        MAINTAINER me
        FOO bar
      `;
    const program = parseOk(text);
    const seen = new Set<string>();
    const visit = (node: { type: string }): void => {
      seen.add(node.type);
      for (const key of visitorKeys[node.type as keyof typeof visitorKeys]) {
        expect(key in node, `${node.type}.${key}`).toBe(true);
        const value = (node as unknown as Record<string, unknown>)[key];
        for (const child of Array.isArray(value) ? value : value ? [value] : []) visit(child as { type: string });
      }
    };
    visit(program);
    for (const type of Object.keys(visitorKeys)) if (type !== "Comment" && type !== "ParserDirective" && type !== "ShellForm" && type !== "Heredoc") expect(seen, type).toContain(type);
  });
});

describe("instructions", () => {
  it("RUN shell form: keyword, flags, form and range", () => {
    const text = "FROM a\nRUN --network=none echo hi   \n";
    const run = only(text, "Run");
    expect(run.range).toEqual([7, 33]);
    expect(slice(text, run.range)).toBe("RUN --network=none echo hi");
    expect(run.keyword.range).toEqual([7, 10]);
    expect(run.form).toMatchObject({ type: "ShellForm", raw: "echo hi", range: [26, 33] });
    expect(run.loc).toEqual({ start: { line: 2, column: 0 }, end: { line: 2, column: 26 } });
    expect(run.form?.loc).toEqual({ start: { line: 2, column: 19 }, end: { line: 2, column: 26 } });
  });

  it("RUN without arguments", () => {
    const run = only("FROM a\nRUN\n", "Run");
    expect(run.form).toBe(null);
    expect(run.script).toBe(null);
  });

  it("ENV: key=value pairs with quotes, and the legacy form", () => {
    const text = dedent`
      FROM a
      ENV A=1 B="two words" C='$x' D= E\\ F=g
      ENV LEGACY some value with "quotes"
    `;
    const [env, legacy] = instructions(text).filter((i): i is Extract<Instruction, { type: "Env" }> => i.type === "Env");
    expect(env!.pairs.map((p) => [p.key.value, p.value?.value ?? null, p.legacy, slice(text, p.range)])).toEqual([
      ["A", "1", false, "A=1"],
      ["B", '"two words"', false, 'B="two words"'],
      ["C", "'$x'", false, "C='$x'"],
      ["D", "", false, "D="],
      ["E\\ F", "g", false, "E\\ F=g"],
    ]);
    expect(env!.pairs[3]!.value!.range).toEqual([38, 38]);
    expect(env!.pairs[2]!.value!.variables).toEqual([]);
    expect(legacy!.pairs.map((p) => [p.key.value, p.value?.value, p.legacy])).toEqual([["LEGACY", 'some value with "quotes"', true]]);
    expect(slice(text, legacy!.pairs[0]!.value!.range)).toBe('some value with "quotes"');
  });

  it("ENV errors BuildKit reports stay representable", () => {
    expect(only("FROM a\nENV ONLYKEY\n", "Env").pairs.map((p) => [p.key.value, p.value, p.legacy])).toEqual([["ONLYKEY", null, true]]);
    expect(only("FROM a\nENV a=b c\n", "Env").pairs.map((p) => [p.key.value, p.value?.value ?? null])).toEqual([
      ["a", "b"],
      ["c", null],
    ]);
    expect(only("FROM a\nENV\n", "Env").pairs).toEqual([]);
  });

  it("LABEL pairs over continuation lines", () => {
    const text = dedent`
      FROM a
      LABEL org.opencontainers.image.title="My App" \\
            version="1.0"
    `;
    const label = only(text, "Label");
    expect(label.pairs.map((p) => [p.key.value, p.value?.value])).toEqual([
      ["org.opencontainers.image.title", '"My App"'],
      ["version", '"1.0"'],
    ]);
    expect(label.pairs[1]!.loc.start).toEqual({ line: 3, column: 6 });
  });

  it("ARG: several declarations, with and without defaults", () => {
    const text = 'ARG A B=2 C= D="x y"\nFROM a\n';
    const arg = only(text, "Arg");
    expect(arg.args.map((a) => [a.name, a.defaultValue?.value ?? null, slice(text, a.nameRange), slice(text, a.range)])).toEqual([
      ["A", null, "A", "A"],
      ["B", "2", "B", "B=2"],
      ["C", "", "C", "C="],
      ["D", '"x y"', "D", 'D="x y"'],
    ]);
  });

  it("USER user[:group], variables kept whole", () => {
    const text = "FROM a\nUSER ${UID:-1000}:${GID:-1000}\n";
    const user = only(text, "User");
    expect(user.user?.value).toBe("${UID:-1000}");
    expect(user.group?.value).toBe("${GID:-1000}");
    expect(slice(text, user.group!.range)).toBe("${GID:-1000}");
    expect(only("FROM a\nUSER app\n", "User")).toMatchObject({ user: { value: "app" }, group: null });
    expect(only("FROM a\nUSER\n", "User")).toMatchObject({ user: null, group: null });
  });

  it("WORKDIR, EXPOSE, STOPSIGNAL, MAINTAINER", () => {
    const text = dedent`
      FROM a
      WORKDIR /app dir
      EXPOSE 80/tcp  443 \${PORT}
      STOPSIGNAL SIGTERM
      MAINTAINER Jane Doe <jane@example.com>
    `;
    const all = instructions(text);
    const workdir = all.find((i) => i.type === "Workdir");
    const expose = all.find((i) => i.type === "Expose");
    const stop = all.find((i) => i.type === "StopSignal");
    const maintainer = all.find((i) => i.type === "Maintainer");
    expect(workdir?.type === "Workdir" && workdir.path?.value).toBe("/app dir");
    expect(expose?.type === "Expose" && expose.ports.map((p) => [p.value, slice(text, p.range)])).toEqual([
      ["80/tcp", "80/tcp"],
      ["443", "443"],
      ["${PORT}", "${PORT}"],
    ]);
    expect(expose?.type === "Expose" && expose.ports[2]!.variables.map((v) => v.name)).toEqual(["PORT"]);
    expect(stop?.type === "StopSignal" && stop.signal?.value).toBe("SIGTERM");
    expect(maintainer?.type === "Maintainer" && maintainer.value?.value).toBe("Jane Doe <jane@example.com>");
  });

  it("ONBUILD: the trigger is parsed with its own keyword, flags and ranges", () => {
    const text = dedent`
      FROM a
      ONBUILD COPY --chown=app . /src
      ONBUILD
    `;
    const [onbuild, empty] = instructions(text).filter((i) => i.type === "Onbuild");
    if (onbuild?.type !== "Onbuild" || empty?.type !== "Onbuild") throw new Error("unexpected");
    const trigger = onbuild.trigger;
    if (trigger?.type !== "Copy") throw new Error("expected COPY trigger");
    expect(slice(text, trigger.range)).toBe("COPY --chown=app . /src");
    expect(slice(text, trigger.keyword.range)).toBe("COPY");
    expect(trigger.flags.map((f) => f.name)).toEqual(["chown"]);
    expect(trigger.parent).toBe(onbuild);
    expect(trigger.loc.start).toEqual({ line: 2, column: 8 });
    expect(empty.trigger).toBe(null);
  });

  it("unknown instructions keep keyword and arguments", () => {
    const text = "FROM a\nFROMM --x=y some args \nRUN x\n";
    const unknown = only(text, "UnknownInstruction");
    expect(unknown.keyword.value).toBe("FROMM");
    expect(unknown.flags.map((f) => f.name)).toEqual(["x"]);
    expect(unknown.args).toBe("some args");
    expect(slice(text, unknown.argsRange)).toBe("some args");
    expect(slice(text, unknown.range)).toBe("FROMM --x=y some args");
  });

  it("COPY with one argument has no destination", () => {
    const copy = only("FROM a\nCOPY onlyone\n", "Copy");
    expect(copy.sources.map((s) => s.value)).toEqual(["onlyone"]);
    expect(copy.destination).toBe(null);
  });

  it("COPY splits on whitespace only (quotes are not grouping there, as in BuildKit)", () => {
    const copy = only('FROM a\nCOPY "a b" /x\n', "Copy");
    expect(copy.sources.map((s) => s.value)).toEqual(['"a', 'b"']);
  });
});
