/** Instruction flags (BuildKit extractBuilderFlags / BFlags) and --mount options (parseMount). */
import { describe, expect, it } from "vitest";
import type { Flag } from "../../lib/dockerfile/ast.js";
import { only, slice } from "./support/helpers.js";
import { dedent } from "../support/dedent.js";

function mountOf(flag: Flag | undefined) {
  if (!flag?.mount) throw new Error("expected a --mount flag");
  return flag.mount;
}

describe("flags", () => {
  it("reads every flag with exact ranges, also on COPY (dockerfile-ast's getFromFlag gap)", () => {
    const text = "FROM a\nCOPY --link --from=build --chown=app:app --chmod=644 src/ /dst/\n";
    const copy = only(text, "Copy");
    expect(copy.flags.map((f) => [f.name, f.value === null ? null : f.value.value])).toEqual([
      ["link", null],
      ["from", "build"],
      ["chown", "app:app"],
      ["chmod", "644"],
    ]);
    const from = copy.flags[1]!;
    expect(slice(text, from.range)).toBe("--from=build");
    expect(slice(text, from.nameRange)).toBe("from");
    expect(slice(text, from.value!.range)).toBe("build");
    expect(from.loc).toEqual({ start: { line: 2, column: 12 }, end: { line: 2, column: 24 } });
    expect(copy.sources.map((s) => s.value)).toEqual(["src/"]);
  });

  it("removes quotes and backslashes in flag words (backslash even with # escape=`)", () => {
    const text = 'FROM a\nRUN --mount=type=secret,id="my id",target=/run/s\\,x echo\n';
    const run = only(text, "Run");
    const flag = run.flags[0]!;
    expect(flag.value?.value).toBe("type=secret,id=my id,target=/run/s,x");
    expect(flag.value?.raw).toBe('type=secret,id="my id",target=/run/s\\,x');
    expect(run.form?.type === "ShellForm" && run.form.shell.text).toBe("echo");
  });

  it("a lone -- ends the flags; --link= has an empty value", () => {
    const copy = only("FROM a\nCOPY --link= -- --not-a-flag /x\n", "Copy");
    expect(copy.flags.map((f) => [f.name, f.value?.value])).toEqual([["link", ""]]);
    expect(copy.sources.map((s) => s.value)).toEqual(["--not-a-flag"]);
  });

  it("a COPY/ADD value flag without `=` stops BuildKit: the words after it are not read as paths", () => {
    const text = "FROM a\nCOPY --from build /app/dist/* /usr/share/nginx/html\n";
    const copy = only(text, "Copy");
    expect(copy.flags.map((f) => [f.name, f.value])).toEqual([["from", null]]);
    expect(slice(text, copy.malformedFlag!.range)).toBe("--from");
    expect(copy.sources).toEqual([]);
    expect(copy.destination).toBeNull();
    for (const line of ["ADD --chown app:app a b /x/", "COPY --link --chmod 755 a /x", "COPY --exclude *.md . /app/", "ADD --checksum sha256:0 https://x/a /a"]) {
      const node = only(`FROM a\n${line}\n`, line.startsWith("ADD") ? "Add" : "Copy");
      expect([node.malformedFlag?.name, node.sources.length, node.destination]).toEqual([line.split(" ").find((word) => word.startsWith("--") && word !== "--link")!.slice(2), 0, null]);
    }
    // A boolean flag needs no value; a value flag with `=` (even empty) is well-formed.
    for (const line of ["COPY --link a /x", "COPY --parents a b /x/", "ADD --keep-git-dir https://x/r.git /r", "COPY --from= a /x"]) {
      const node = only(`FROM a\n${line}\n`, line.startsWith("ADD") ? "Add" : "Copy");
      expect(node.malformedFlag).toBeNull();
      expect(node.destination).not.toBeNull();
    }
  });

  it("flags on continuation lines", () => {
    const text = dedent`
      FROM a
      RUN \\
        --mount=type=cache,target=/var/cache/apt \\
        --network=none \\
        apt-get update
    `;
    const run = only(text, "Run");
    expect(run.flags.map((f) => f.name)).toEqual(["mount", "network"]);
    expect(slice(text, run.flags[1]!.range)).toBe("--network=none");
    expect(run.form?.type === "ShellForm" && run.form.shell.text).toBe("apt-get update");
  });

  it("variables in flag values", () => {
    const text = "FROM a\nRUN --mount=type=cache,id=${CACHE_ID:-apt},target=/x echo\n";
    const flag = only(text, "Run").flags[0]!;
    expect(flag.value?.variables.map((v) => slice(text, v.range))).toEqual(["${CACHE_ID:-apt}"]);
    expect(mountOf(flag).id).toBe("${CACHE_ID:-apt}");
  });
});

describe("--mount options", () => {
  it("types the options, bind by default, aliases folded", () => {
    const text = "FROM a\nRUN --mount=target=/src,src=ctx,from=build,ro --mount=type=cache,dst=/root/.cache,sharing=locked,id=pip,mode=0755,uid=1000,gid=1000 --mount=type=secret,id=npmrc,required --mount=type=ssh,rw=false --mount=type=tmpfs,target=/tmp,readwrite x\n";
    const run = only(text, "Run");
    const [bind, cache, secret, ssh, tmpfs] = run.flags.map(mountOf);
    expect(bind).toMatchObject({ kind: "bind", target: "/src", source: "ctx", from: "build", readonly: true });
    expect(cache).toMatchObject({ kind: "cache", target: "/root/.cache", sharing: "locked", id: "pip", mode: "0755", uid: "1000", gid: "1000", readonly: null });
    expect(secret).toMatchObject({ kind: "secret", id: "npmrc", required: true });
    expect(ssh).toMatchObject({ kind: "ssh", readonly: true });
    expect(tmpfs).toMatchObject({ kind: "tmpfs", target: "/tmp", readonly: false });
    const options = bind!.options;
    expect(options.map((o) => [o.key, o.value])).toEqual([
      ["target", "/src"],
      ["src", "ctx"],
      ["from", "build"],
      ["ro", null],
    ]);
    expect(options.map((o) => slice(text, o.range))).toEqual(["target=/src", "src=ctx", "from=build", "ro"]);
    expect(slice(text, options[1]!.keyRange)).toBe("src");
    expect(slice(text, options[1]!.valueRange)).toBe("ctx");
  });

  it("CSV quoting inside the mount value", () => {
    const text = "FROM a\nRUN --mount='type=bind,\"target=/a,b\",source=x' echo\n";
    const mount = mountOf(only(text, "Run").flags[0]);
    expect(mount.target).toBe("/a,b");
    expect(mount.options.map((o) => slice(text, o.valueRange))).toEqual(["bind", "/a,b", "x"]);
  });

  it("an unsupported type gives kind null; --mount without a value is a plain flag", () => {
    expect(mountOf(only("FROM a\nRUN --mount=type=volume,target=/x y\n", "Run").flags[0]).kind).toBe(null);
    const bare = only("FROM a\nRUN --mount y\n", "Run").flags[0]!;
    expect(bare.mount).toBe(null);
    expect(bare.value).toBe(null);
  });
});
