/** Exec (JSON) form vs shell form (BuildKit parseMaybeJSON / parseMaybeJSONToList). */
import { describe, expect, it } from "vitest";
import type { ExecForm } from "../../lib/dockerfile/ast.js";
import { scanJsonArray } from "../../lib/dockerfile/json-form.js";
import { only, slice } from "./support/helpers.js";
import { dedent } from "../support/dedent.js";

function exec(form: unknown): ExecForm {
  const node = form as ExecForm | null;
  if (node?.type !== "ExecForm") throw new Error(`expected ExecForm, got ${JSON.stringify(node?.type)}`);
  return node;
}

describe("exec form", () => {
  it("decodes escapes and keeps spaces (JSON.parse of the source slice)", () => {
    const text = 'FROM a\nCMD [ "node" ,"server dir/index.js", "say \\"hi\\"\\t\\u00e9\\\\" ]\n';
    const cmd = only(text, "Cmd");
    const form = exec(cmd.form);
    expect(form.elements.map((e) => e.value)).toEqual(["node", "server dir/index.js", 'say "hi"\té\\']);
    expect(form.elements.map((e) => slice(text, e.range))).toEqual(['"node"', '"server dir/index.js"', '"say \\"hi\\"\\t\\u00e9\\\\"']);
    expect(form.elements.map((e) => e.raw)).toEqual(form.elements.map((e) => slice(text, e.range)));
    expect(slice(text, form.range)).toBe('[ "node" ,"server dir/index.js", "say \\"hi\\"\\t\\u00e9\\\\" ]');
    expect(form.elements[1]!.loc).toEqual({ start: { line: 2, column: 14 }, end: { line: 2, column: 35 } });
    expect(form.trailingRange).toBe(null);
  });

  it("falls back to the shell form when the JSON does not parse", () => {
    for (const args of ["['node', 'x']", '["node", x]', '["a" "b"]', '["a",]', "[", '["a"', "[node]"]) {
      const cmd = only(`FROM a\nCMD ${args}\n`, "Cmd");
      expect(cmd.form?.type, args).toBe("ShellForm");
      expect(cmd.form?.type === "ShellForm" && cmd.form.shell.text).toBe(args);
    }
  });

  it("ignores what follows the array, as Go's json.Decoder does, and records it", () => {
    const text = 'FROM a\nENTRYPOINT ["a"] && b\n';
    const form = exec(only(text, "Entrypoint").form);
    expect(form.elements.map((e) => e.value)).toEqual(["a"]);
    expect(slice(text, form.trailingRange)).toBe("&& b");
  });

  it("an empty array and a JSON array across continuation lines", () => {
    expect(exec(only("FROM a\nCMD []\n", "Cmd").form).elements).toEqual([]);
    const text = dedent`
      FROM a
      RUN ["sh", "-c", \\
           "echo hi"]
    `;
    const run = only(text, "Run");
    const form = exec(run.form);
    expect(form.elements.map((e) => e.value)).toEqual(["sh", "-c", "echo hi"]);
    expect(slice(text, form.elements[2]!.range)).toBe('"echo hi"');
    expect(run.heredocs).toEqual([]);
    expect(run.script).toBe(null);
  });

  it("HEALTHCHECK CMD [..] (dockerfile-ast's gap) and its flags", () => {
    const text = 'FROM a\nHEALTHCHECK --interval=30s --timeout=3s CMD ["curl", "-f", "http://localhost/"]\n';
    const healthcheck = only(text, "Healthcheck");
    expect(healthcheck.kind).toBe("cmd");
    expect(healthcheck.subcommand?.value).toBe("CMD");
    expect(exec(healthcheck.command).elements.map((e) => e.value)).toEqual(["curl", "-f", "http://localhost/"]);
    expect(healthcheck.flags.map((f) => [f.name, f.value?.value])).toEqual([
      ["interval", "30s"],
      ["timeout", "3s"],
    ]);
  });

  it("HEALTHCHECK shell form, NONE, missing and unknown subcommands", () => {
    const shell = only("FROM a\nHEALTHCHECK cmd curl -f http://x/ || exit 1\n", "Healthcheck");
    expect(shell.kind).toBe("cmd");
    expect(shell.command?.type === "ShellForm" && shell.command.shell.text).toBe("curl -f http://x/ || exit 1");
    expect(only("FROM a\nHEALTHCHECK NONE\n", "Healthcheck")).toMatchObject({ kind: "none", command: null });
    expect(only("FROM a\nHEALTHCHECK\n", "Healthcheck")).toMatchObject({ kind: "invalid", subcommand: null });
    expect(only("FROM a\nHEALTHCHECK CMD\n", "Healthcheck")).toMatchObject({ kind: "cmd", command: null });
    expect(only("FROM a\nHEALTHCHECK RUN x\n", "Healthcheck")).toMatchObject({ kind: "invalid", subcommand: { value: "RUN" } });
  });

  it("SHELL: exec form, or a shell form that a rule reports", () => {
    expect(exec(only('FROM a\nSHELL ["powershell", "-Command"]\n', "Shell").form).elements.map((e) => e.value)).toEqual(["powershell", "-Command"]);
    expect(only("FROM a\nSHELL powershell -Command\n", "Shell").form?.type).toBe("ShellForm");
  });

  it("COPY, ADD and VOLUME JSON arrays give JsonString arguments", () => {
    const copy = only('FROM a\nCOPY ["my file.txt", "other", "/dest dir/"]\n', "Copy");
    expect(copy.json).toBe(true);
    expect(copy.sources.map((s) => [s.type, s.value])).toEqual([
      ["JsonString", "my file.txt"],
      ["JsonString", "other"],
    ]);
    expect(copy.destination).toMatchObject({ type: "JsonString", value: "/dest dir/" });
    const volume = only('FROM a\nVOLUME ["/data", "/logs"]\n', "Volume");
    expect(volume.json).toBe(true);
    expect(volume.paths.map((p) => p.value)).toEqual(["/data", "/logs"]);
    const words = only("FROM a\nVOLUME /data /logs\n", "Volume");
    expect(words.json).toBe(false);
    expect(words.paths.map((p) => [p.type, p.value])).toEqual([
      ["Word", "/data"],
      ["Word", "/logs"],
    ]);
  });

  it("scanJsonArray follows Go's JSON grammar", () => {
    const scan = (s: string) => scanJsonArray(s, 0, s.length);
    expect(scan('["a", "b"]')).toMatchObject({ kind: "array", end: 10 });
    expect(scan('[1, "a"]')).toMatchObject({ kind: "not-strings" });
    expect(scan('[{"a": [true, null, -1.5e3]}]')).toMatchObject({ kind: "not-strings" });
    expect(scan('["a\u0001"]')).toEqual({ kind: "invalid" });
    expect(scan('["\\x"]')).toEqual({ kind: "invalid" });
    expect(scan("[01]")).toEqual({ kind: "invalid" });
    expect(scan('["a"]   garbage')).toMatchObject({ kind: "array", end: 5 });
  });
});
