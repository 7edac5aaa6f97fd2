import rule from "../../rules/wget-progress.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("wget-progress", rule, {
  valid: [
    "FROM debian:12\nRUN wget --progress=dot:giga https://example.com/a.tgz\n",
    "FROM debian:12\nRUN wget --progress dot:giga https://example.com/a.tgz\n",
    "FROM debian:12\nRUN wget -q https://example.com/a.tgz\n",
    "FROM debian:12\nRUN wget -qO- https://example.com/a.tgz | tar xz\n",
    "FROM debian:12\nRUN wget -nv https://example.com/a.tgz\n",
    "FROM debian:12\nRUN wget --no-verbose -O /a.tgz https://example.com/a.tgz\n",
    "FROM debian:12\nRUN wget -o /tmp/wget.log https://example.com/a.tgz\n",
    "FROM debian:12\nRUN apt-get install -y wget\n",
    // BusyBox wget (Alpine, busybox, the official images' -alpine variants, any image whose tag names
    // Alpine) draws one progress line and has no --progress: not judged.
    "FROM alpine:3.22\nRUN wget -O /tmp/a.tgz https://example.com/a.tgz\n",
    "FROM node:22-alpine\nRUN wget https://example.com/a.tgz\n",
    "FROM busybox:1.37\nRUN wget https://example.com/a.tgz\n",
    "FROM mcr.microsoft.com/dotnet/aspnet:8.0.11-alpine3.22\nRUN wget -O /a https://example.com/a\n",
    // Inherited through FROM <stage>; a GNU Wget installed only in a later RUN does not change this one.
    dedent`
      FROM alpine:3.22 AS base
      RUN apk add --no-cache ca-certificates
      FROM base
      RUN wget https://example.com/a.tgz
      RUN apk add --no-cache wget
    `,
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN wget https://example.com/a.tgz\n",
      output: "FROM debian:12\nRUN wget --progress=dot:giga https://example.com/a.tgz\n",
      errors: [{ messageId: "progress", line: 2, column: 5, endColumn: 9 }],
    },
    {
      // -O takes a value: `-q` is not hidden in it.
      code: "FROM python:3.12-slim\nRUN wget -O /q https://example.com/a.tgz\n",
      output: "FROM python:3.12-slim\nRUN wget --progress=dot:giga -O /q https://example.com/a.tgz\n",
      errors: [{ messageId: "progress", line: 2, column: 5 }],
    },
    {
      // `apk add wget` installs GNU Wget over BusyBox's applet, for the rest of that RUN and after.
      code: dedent`
        FROM alpine:3.22
        RUN apk add --no-cache wget && wget https://example.com/a.tgz
        RUN wget https://example.com/b.tgz
      `,
      output: dedent`
        FROM alpine:3.22
        RUN apk add --no-cache wget && wget --progress=dot:giga https://example.com/a.tgz
        RUN wget --progress=dot:giga https://example.com/b.tgz
      `,
      errors: [
        { messageId: "progress", line: 2, column: 32 },
        { messageId: "progress", line: 3, column: 5 },
      ],
    },
    {
      // The official images' full variants are built on buildpack-deps, which ships GNU Wget.
      code: "FROM node:22-bookworm\nRUN wget https://example.com/a.tgz\n",
      output: "FROM node:22-bookworm\nRUN wget --progress=dot:giga https://example.com/a.tgz\n",
      errors: [{ messageId: "progress", line: 2, column: 5 }],
    },
    {
      // An image the table cannot place may have GNU Wget: reported, but the GNU option is not written.
      code: "FROM docker:29-dind\nRUN wget https://example.com/a.tgz\n",
      output: null,
      errors: [{ messageId: "progress", line: 2, column: 5 }],
    },
    {
      // Unknown base image: no fix either.
      code: "FROM example.com/base:1\nRUN wget https://example.com/a.tgz\n",
      output: null,
      errors: [{ messageId: "progress", line: 2, column: 5 }],
    },
    {
      code: dedent`
        FROM debian:12
        RUN set -eux; \\
          sudo wget -O /a https://example.com/a && \\
          wget -nv -O /b https://example.com/b
      `,
      output: dedent`
        FROM debian:12
        RUN set -eux; \\
          sudo wget --progress=dot:giga -O /a https://example.com/a && \\
          wget -nv -O /b https://example.com/b
      `,
      errors: [{ messageId: "progress", line: 3, column: 8 }],
    },
    {
      // Exec form: the words are JSON strings, so nothing can be inserted after them; inside its sh -c script, it can.
      code: 'FROM debian:12\nRUN ["wget", "https://example.com/a.tgz"]\n',
      output: null,
      errors: [{ messageId: "progress", line: 2, column: 6, endColumn: 12 }],
    },
    {
      code: 'FROM debian:12\nRUN ["sh", "-c", "wget https://example.com/a.tgz"]\n',
      output: 'FROM debian:12\nRUN ["sh", "-c", "wget --progress=dot:giga https://example.com/a.tgz"]\n',
      errors: [{ messageId: "progress", line: 2, column: 19 }],
    },
  ],
});
