import { describe, expect, it } from "vitest";
import rule from "../../rules/prefer-copy.js";
import { classifyAddSource } from "../../lib/semantics/files/add-sources.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("prefer-copy", rule, {
  valid: [
    "FROM alpine:3.20\nCOPY app.py /app/\n",
    // A URL is downloaded, a Git repository cloned: COPY cannot do either.
    "FROM alpine:3.20\nADD https://example.com/tool.bin /usr/local/bin/tool\n",
    "FROM alpine:3.20\nADD git@github.com:moby/buildkit.git /src\n",
    "FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.13.0 /src\n",
    // Local tar archives are unpacked (hadolint DL3020 keeps quiet about them too), also compressed ones.
    "FROM scratch\nADD rootfs.tar.xz /\n",
    dedent`
      FROM scratch
      ADD alpine-minirootfs-3.20.0-x86_64.tar.gz /
      ADD data.tgz /data/
      ADD layer.tar /
      ADD x.tar.bz2 /
      ADD y.tar.zst /
    `,
    // A mix with a URL needs ADD.
    "FROM alpine:3.20\nADD https://example.com/a.txt local.txt /dst/\n",
    // ADD-only flags.
    "FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a /a\n",
    "FROM alpine:3.20\nADD --keep-git-dir=true https://github.com/moby/buildkit.git /src\n",
    "FROM alpine:3.20\nADD --unpack=false app.bin /app/\n",
    // Unknown at lint time: the value may be an archive.
    dedent`
      FROM alpine:3.20
      ARG PKG
      ADD \${PKG} /tmp/
    `,
    "FROM alpine:3.20\nADD dist/* /app/\n",
    "FROM alpine:3.20\nADD [\"$PKG\", \"/tmp/\"]\n",
  ],
  invalid: [
    {
      // hadolint DL3020's case.
      code: "FROM python:3.12\nADD requirements.txt /app/\n",
      output: "FROM python:3.12\nCOPY requirements.txt /app/\n",
      errors: [{ messageId: "preferCopy", line: 2, column: 1, endColumn: 4 }],
    },
    {
      // Directories, flags COPY shares, the keyword's case, JSON form.
      code: dedent`
        FROM node:20.11
        add --chown=node:node --chmod=644 . /app
        Add ["src dir", "/app/src"]
      `,
      output: dedent`
        FROM node:20.11
        copy --chown=node:node --chmod=644 . /app
        Copy ["src dir", "/app/src"]
      `,
      errors: [
        { messageId: "preferCopy", line: 2, column: 1 },
        { messageId: "preferCopy", line: 3, column: 1 },
      ],
    },
    {
      // A zip file is copied as it is, never unpacked; an ARG default is resolved first.
      code: dedent`
        FROM alpine:3.20
        ARG BUNDLE=site.zip
        ADD \${BUNDLE} /srv/
        ADD *.json /etc/app/
      `,
      output: dedent`
        FROM alpine:3.20
        ARG BUNDLE=site.zip
        COPY \${BUNDLE} /srv/
        COPY *.json /etc/app/
      `,
      errors: [
        { messageId: "preferCopy", line: 3, column: 1 },
        { messageId: "preferCopy", line: 4, column: 1 },
      ],
    },
    {
      // A heredoc is inline content, which COPY also takes.
      code: dedent`
        # syntax=docker/dockerfile:1
        FROM alpine:3.20
        ADD <<EOF /etc/motd
        hello
        EOF
      `,
      output: dedent`
        # syntax=docker/dockerfile:1
        FROM alpine:3.20
        COPY <<EOF /etc/motd
        hello
        EOF
      `,
      errors: [{ messageId: "preferCopy", line: 3, column: 1 }],
    },
    {
      // A flag COPY does not know: reported, not rewritten.
      code: "FROM alpine:3.20\nADD --frobnicate a.txt /a.txt\n",
      output: null,
      errors: [{ messageId: "preferCopy", line: 2, column: 1 }],
    },
  ],
});

describe("classifyAddSource", () => {
  it.each([
    ["https://example.com/x.tar.gz", "url"],
    ["HTTP://example.com/x", "url"],
    ["https://github.com/a/b.git#main", "git"],
    ["git://example.com/r", "git"],
    ["https://github.com/a/b.git?ref=v1.2&keep-git-dir=1", "git"],
    ["git@github.com:a/b.git", "git"],
    ["pkg.TGZ", "archive"],
    ["dir/", "local"],
    ["bundle.zip", "local"],
    ["conf/*.yaml", "local"],
    ["out/*", "unknown"],
    ["*.t*", "unknown"],
    [null, "unknown"],
  ] as const)("%s is %s", (source, kind) => {
    expect(classifyAddSource(source)).toBe(kind);
  });
});
