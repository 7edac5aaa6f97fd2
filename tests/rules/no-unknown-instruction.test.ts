import { describe, expect, it } from "vitest";
import rule from "../../rules/no-unknown-instruction.js";
import { closestMatch, editDistance } from "../../lib/utils/edit-distance.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("no-unknown-instruction", rule, {
  valid: [
    dedent`
      FROM alpine:3.20 AS build
      RUN echo hi
      COPY --from=build --chmod=755 --link /a /b/
      CMD ["sh"]
    `,
    // Every instruction in its accepted forms.
    dedent`
      ARG A
      ARG B=1 C
      FROM --platform=$BUILDPLATFORM alpine:\${B}
      ENV A=1 B="two words"
      ENV LEGACY value with spaces
      LABEL a=b
      USER app:app
      WORKDIR /app
      EXPOSE 80/tcp
      VOLUME ["/data"]
      VOLUME /a /b
      STOPSIGNAL SIGTERM
      SHELL ["/bin/sh", "-c"]
      HEALTHCHECK --interval=5s --retries=3 CMD true
      ONBUILD RUN echo hi
      ENTRYPOINT ["app"]
      CMD
      MAINTAINER me
    `,
    "FROM alpine:3.20\nHEALTHCHECK NONE\n",
    // Heredocs on RUN, COPY and ADD: the body lines are no instructions, with or without a blank after <<.
    dedent`
      FROM alpine:3.19
      RUN cat << 'EOF' > /root/.profile
      export PS1='%n@%m %~ $ '
      alias ll='ls -l'
      EOF
      RUN echo done
    `,
    dedent`
      FROM alpine:3.19
      COPY <<EOF /etc/motd
      hello
      EOF
      ADD <<-"EOF" /x
      \tbody
      \tEOF
      RUN 3<<EOF cat /dev/fd/3
      x
      EOF
    `,
    dedent`
      FROM alpine:3.19
      COPY <<EOF1 <<EOF2 /dest/
      one
      EOF1
      two
      EOF2
    `,
    // Labs and recent flags are known: --parents, --exclude, --unpack, --keep-git-dir, --checksum, --network, --security, --device.
    dedent`
      FROM alpine:3.20
      COPY --parents --exclude=*.md ./a ./b /x/
      ADD --unpack=true --keep-git-dir --checksum=sha256:abc https://e.x/a.tgz /x/
      RUN --network=none --security=sandbox --mount=type=cache,target=/c --mount=type=tmpfs,target=/t true
    `,
    // ARG and STOPSIGNAL never parse their flags in BuildKit: ignored, not rejected.
    "FROM alpine:3.20\nARG --x=1 A\n",
    // A quoted blank inside a heredoc name is part of the name, not a split marker.
    dedent`
      FROM alpine:3.20
      COPY <<'a b' /x
      body
      a b
    `,
    // Stage names with variables are left alone.
    "ARG N=build\nFROM alpine:3.20 AS ${N}\n",
  ],
  invalid: [
    {
      // Lone CR line ends: one line for BuildKit (moby/moby#49858).
      code: "ARG VERSION=15-3.5\rFROM postgis/postgis:$VERSION\r",
      errors: [{ messageId: "loneCarriageReturn", line: 1, column: 19, endColumn: 20, data: { after: "FROM postgis/postgis:$VERSION", where: " (the ARG instruction)" } }],
    },
    {
      // A RUN followed by USER on the same BuildKit line; a comment that swallows an instruction; one finding per line.
      code: "FROM alpine:3.20\nRUN make\rUSER 10001\r\n# build\rCOPY . /app\rCMD x\n",
      errors: [
        { messageId: "loneCarriageReturn", line: 2, column: 9, data: { after: "USER 10001", where: " (the RUN instruction)" } },
        { messageId: "loneCarriageReturn", line: 3, column: 8, data: { after: "COPY . /app", where: " (a comment, so Docker ignores it)" } },
      ],
    },
    {
      code: dedent`
        FORM alpine:3.20
        RUNN echo hi
        COPPY a b
      `,
      errors: [
        { messageId: "unknownDidYouMean", line: 1, column: 1, endColumn: 5, data: { keyword: "FORM", suggestion: "FROM", note: "" } },
        { messageId: "unknownDidYouMean", line: 2, column: 1, data: { keyword: "RUNN", suggestion: "RUN", note: "" } },
        { messageId: "unknownDidYouMean", line: 3, column: 1, data: { keyword: "COPPY", suggestion: "COPY", note: "" } },
      ],
    },
    {
      // No near miss: no suggestion.
      code: "FROM alpine:3.20\nINSTALL curl\n",
      errors: [{ messageId: "unknown", line: 2, column: 1, endColumn: 8 }],
    },
    {
      // A heredoc on CMD is no heredoc: the body lines become instructions (`env` an ENV without a name).
      code: dedent`
        FROM alpine:3.19
        CMD <<EOF
        env
        echo hi
        EOF
      `,
      errors: [
        { messageId: "invalid", line: 3, column: 1, endColumn: 4 },
        { messageId: "unknown", line: 4, column: 1, data: { keyword: "echo", note: " This line follows '<<EOF' on CMD (line 2), but only RUN, COPY and ADD take heredocs: Docker reads each line below it as an instruction." } },
        { messageId: "unknown", line: 5, column: 1 },
      ],
    },
    {
      // The same on ENTRYPOINT with `<<-` and a quoted name; a known instruction in the body that parses is not reported.
      code: dedent`
        FROM alpine:3.19
        ENTRYPOINT <<-'END' sh
        \tRUN true
        \tapk add curl
        \tEND
      `,
      errors: [
        { messageId: "unknown", line: 4, column: 2 },
        { messageId: "unknown", line: 5, column: 2 },
      ],
    },
    {
      // A heredoc in exec form is no heredoc either.
      code: dedent`
        FROM alpine:3.19
        RUN ["cat", "<<EOF"]
        hello
        EOF
      `,
      errors: [
        { messageId: "unknown", line: 3, column: 1 },
        { messageId: "unknown", line: 4, column: 1 },
      ],
    },
    {
      code: dedent`
        FROM
        FROM alpine:3.20 build
        FROM alpine:3.20 AS 1st
        FROM alpine:3.20 AS a b
      `,
      errors: [
        { messageId: "invalid", line: 1, column: 1, endColumn: 5 },
        { messageId: "invalid", line: 2, column: 18, endColumn: 23 },
        { messageId: "invalid", line: 3, column: 21, endColumn: 24 },
        { messageId: "invalid", line: 4, column: 23, endColumn: 24 },
      ],
    },
    {
      code: dedent`
        FROM alpine:3.20
        ENV
        ENV A
        ENV A=1 B
        ENV =x
        LABEL
        LABEL a
      `,
      errors: [
        { messageId: "invalid", line: 2, column: 1 },
        { messageId: "invalid", line: 3, column: 5, endColumn: 6 },
        { messageId: "invalid", line: 4, column: 9, endColumn: 10 },
        { messageId: "invalid", line: 5, column: 5 },
        { messageId: "invalid", line: 6, column: 1 },
        { messageId: "invalid", line: 7, column: 7 },
      ],
    },
    {
      code: dedent`
        ARG
        ARG =x
        FROM alpine:3.20
        USER
        WORKDIR
        STOPSIGNAL
        MAINTAINER
        EXPOSE
        VOLUME
        VOLUME [""]
        ONBUILD
      `,
      errors: [
        { messageId: "invalid", line: 1, column: 1 },
        { messageId: "invalid", line: 2, column: 5 },
        { messageId: "invalid", line: 4, column: 1 },
        { messageId: "invalid", line: 5, column: 1 },
        { messageId: "invalid", line: 6, column: 1 },
        { messageId: "invalid", line: 7, column: 1 },
        { messageId: "invalid", line: 8, column: 1 },
        { messageId: "invalid", line: 9, column: 1 },
        { messageId: "invalid", line: 10, column: 9 },
        { messageId: "invalid", line: 11, column: 1 },
      ],
    },
    {
      code: dedent`
        FROM alpine:3.20
        SHELL /bin/bash -c
        SHELL []
      `,
      errors: [
        { messageId: "invalid", line: 2, column: 1, data: { problem: 'SHELL must be a JSON array, e.g. SHELL ["/bin/sh", "-c"] (BuildKit: "SHELL requires the arguments to be in JSON form")', note: "" } },
        { messageId: "invalid", line: 3, column: 1 },
      ],
    },
    {
      code: dedent`
        FROM alpine:3.20
        HEALTHCHECK
        HEALTHCHECK CHECK true
        HEALTHCHECK NONE true
        HEALTHCHECK CMD
        HEALTHCHECK CMD []
      `,
      errors: [
        { messageId: "invalid", line: 2, column: 1 },
        { messageId: "invalid", line: 3, column: 13, endColumn: 18 },
        { messageId: "invalid", line: 4, column: 13 },
        { messageId: "invalid", line: 5, column: 13 },
        { messageId: "invalid", line: 6, column: 13 },
      ],
    },
    {
      code: dedent`
        FROM alpine:3.20
        COPY app
        ADD ["a"]
        COPY a <<EOF
        x
        EOF
        COPY << EOF /x
        body
        EOF
      `,
      errors: [
        { messageId: "invalid", line: 2, column: 1 },
        { messageId: "invalid", line: 3, column: 1 },
        { messageId: "invalid", line: 4, column: 1 },
        { messageId: "invalid", line: 7, column: 6, endColumn: 12, data: { problem: 'BuildKit\'s COPY splits "<< EOF" into separate source paths (its parser still reads the lines below as the body): write "<<EOF"', note: "" } },
      ],
    },
    {
      // Unknown flags, with a near miss; flags on instructions that declare none; BFlags value errors.
      code: dedent`
        FROM --platfrom=linux/amd64 alpine:3.20
        COPY --foo a b
        COPY --chmown=1 a b
        ENV --x=1 A=b
        COPY --link=yes a b
        COPY --from a b
        COPY --from=a --from=b c d
        ADD --link= a b
      `,
      errors: [
        { messageId: "unknownFlag", line: 1, column: 6, endColumn: 28, data: { instruction: "FROM", flag: "platfrom", hint: " (did you mean '--platform'?)", note: "" } },
        { messageId: "unknownFlag", line: 2, column: 6, data: { instruction: "COPY", flag: "foo", hint: "", note: "" } },
        { messageId: "unknownFlag", line: 3, column: 6, data: { instruction: "COPY", flag: "chmown", hint: " (did you mean '--chown'?)", note: "" } },
        { messageId: "unknownFlag", line: 4, column: 5 },
        { messageId: "invalid", line: 5, column: 6 },
        { messageId: "invalid", line: 6, column: 6 },
        { messageId: "invalid", line: 7, column: 15 },
        { messageId: "invalid", line: 8, column: 5 },
      ],
    },
    {
      // RUN --mount: mount types and sharing modes BuildKit does not know.
      code: "FROM alpine:3.20\nRUN --mount=type=cahce,target=/c --mount=type=cache,target=/d,sharing=global true\n",
      errors: [
        { messageId: "invalid", line: 2, column: 13, endColumn: 23 },
        { messageId: "invalid", line: 2, column: 63, endColumn: 77 },
      ],
    },
    {
      // HEALTHCHECK NONE declares no flags but never parses them; HEALTHCHECK CMD does.
      code: "FROM alpine:3.20\nHEALTHCHECK --intervall=5s CMD true\n",
      errors: [{ messageId: "unknownFlag", line: 2, column: 13, data: { instruction: "HEALTHCHECK", flag: "intervall", hint: " (did you mean '--interval'?)", note: "" } }],
    },
    {
      // An ONBUILD trigger is an instruction too: images built FROM this one fail.
      code: dedent`
        FROM alpine:3.20
        ONBUILD RUNN make
        ONBUILD COPY app
      `,
      errors: [
        { messageId: "unknownDidYouMean", line: 2, column: 9, data: { keyword: "RUNN", suggestion: "RUN", note: " (an ONBUILD trigger: images built FROM this one fail)" } },
        { messageId: "invalid", line: 3, column: 9 },
      ],
    },
  ],
});

describe("edit distance", () => {
  it("counts a swap of neighbours as one edit", () => {
    expect(editDistance("form", "from")).toBe(1);
    expect(editDistance("runn", "run")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("suggests near misses only", () => {
    expect(closestMatch("FORM", ["FROM", "RUN"])).toBe("FROM");
    expect(closestMatch("echo", ["ENV", "EXPOSE", "CMD"])).toBe(null);
    expect(closestMatch("EOF", ["ENV", "ARG"])).toBe(null);
    expect(closestMatch("ls", ["USER", "ADD"])).toBe(null);
    expect(closestMatch("Workdirr", ["WORKDIR"])).toBe("WORKDIR");
    expect(closestMatch("hello", ["SHELL"])).toBe(null);
    expect(closestMatch("ENTRYPONIT", ["ENTRYPOINT"])).toBe("ENTRYPOINT");
  });
});
