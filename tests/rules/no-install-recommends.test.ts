import rule from "../../rules/no-install-recommends.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("no-install-recommends", rule, {
  valid: [
    "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n",
    "FROM debian:12\nRUN apt-get install --no-install-recommends -y curl\n",
    "FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n",
    "FROM debian:12\nRUN apt-get -o APT::Install-Recommends=0 install -y curl\n",
    // Not an install: nothing recommended is pulled in.
    "FROM debian:12\nRUN apt-get update && apt-get remove -y vim && apt-get upgrade -y\n",
    // A simulation installs nothing.
    "FROM debian:12\nRUN if apt-get install -s foo >/dev/null 2>&1; then echo ok; fi\n",
    // APT configured earlier in the stage, or in a stage it is built on.
    dedent`
      FROM debian:12
      RUN echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/99norecommends
      RUN apt-get install -y curl
    `,
    dedent`
      FROM debian:12 AS base
      RUN printf 'APT::Install-Recommends "0";\\n' | tee /etc/apt/apt.conf.d/01norecommend
      FROM base
      RUN apt-get install -y curl
    `,
    dedent`
      FROM debian:12
      COPY apt.conf /etc/apt/apt.conf.d/99local
      RUN apt-get install -y curl
    `,
    // An ONBUILD trigger runs after every instruction of the image, wherever it is written.
    dedent`
      FROM debian:12
      ONBUILD RUN apt-get install -y curl
      RUN echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/99norecommends
    `,
    // A builder stage: only COPY --from reads it, its layers never ship.
    dedent`
      FROM debian:12 AS build
      RUN apt-get update && apt-get install -y gcc
      FROM debian:12-slim
      COPY --from=build /out /out
    `,
    // aptitude and other managers are not this rule's.
    "FROM alpine:3.20\nRUN apk add --no-cache curl\n",
    dedent`
      FROM debian:12
      # apt-get install curl
      RUN echo apt-get install curl
    `,
  ],
  invalid: [
    {
      // An ONBUILD trigger runs on this image in the child build: nothing here configures APT.
      code: "FROM debian:12\nONBUILD RUN apt-get install -y python3\n",
      errors: [
        {
          messageId: "recommends",
          line: 2,
          column: 13,
          data: { command: "apt-get install" },
          suggestions: [{ messageId: "addFlag", output: "FROM debian:12\nONBUILD RUN apt-get install --no-install-recommends -y python3\n" }],
        },
      ],
    },
    {
      // A stage the shipped one is built on ships its layers.
      code: dedent`
        FROM debian:12 AS base
        RUN apt-get update && apt-get install -y curl
        FROM base
        COPY . /app
      `,
      errors: [
        {
          messageId: "recommends",
          line: 2,
          suggestions: [{ messageId: "addFlag", output: dedent`
            FROM debian:12 AS base
            RUN apt-get update && apt-get install --no-install-recommends -y curl
            FROM base
            COPY . /app
          ` }],
        },
      ],
    },
    {
      code: dedent`
        FROM debian:12 AS base
        RUN echo ok
        FROM base
        ONBUILD RUN apt-get update && apt-get install -y curl
      `,
      errors: [
        {
          messageId: "recommends",
          line: 4,
          suggestions: [{ messageId: "addFlag", output: dedent`
            FROM debian:12 AS base
            RUN echo ok
            FROM base
            ONBUILD RUN apt-get update && apt-get install --no-install-recommends -y curl
          ` }],
        },
      ],
    },
    {
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
      errors: [
        {
          messageId: "recommends",
          line: 2,
          column: 23,
          endColumn: 38,
          data: { command: "apt-get install" },
          suggestions: [{ messageId: "addFlag", output: "FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl\n" }],
        },
      ],
    },
    {
      // Debian's `apt-get -t bookworm-backports install`: the option value is not the subcommand.
      code: "FROM debian:12\r\nRUN apt-get -t bookworm-backports \\\r\n    install -y curl\r\n",
      errors: [
        {
          messageId: "recommends",
          line: 2,
          column: 5,
          suggestions: [{ messageId: "addFlag", output: "FROM debian:12\r\nRUN apt-get -t bookworm-backports \\\r\n    install --no-install-recommends -y curl\r\n" }],
        },
      ],
    },
    {
      // A later configuration does not help this install; an explicit --install-recommends wins.
      code: dedent`
        FROM debian:12
        RUN apt install -y curl
        RUN apt-get install -y --no-install-recommends --install-recommends git
      `,
      errors: [
        { messageId: "recommends", line: 2, column: 5, suggestions: [{ messageId: "addFlag", output: dedent`
          FROM debian:12
          RUN apt install --no-install-recommends -y curl
          RUN apt-get install -y --no-install-recommends --install-recommends git
        ` }] },
        { messageId: "recommends", line: 3, column: 5, suggestions: [{ messageId: "addFlag", output: dedent`
          FROM debian:12
          RUN apt install -y curl
          RUN apt-get install --no-install-recommends -y --no-install-recommends --install-recommends git
        ` }] },
      ],
    },
    {
      code: "FROM debian:12\nRUN set -eux; for p in a b; do sudo apt-get install -y \"$p\"; done\n",
      errors: [
        {
          messageId: "recommends",
          line: 2,
          column: 37,
          suggestions: [{ messageId: "addFlag", output: "FROM debian:12\nRUN set -eux; for p in a b; do sudo apt-get install --no-install-recommends -y \"$p\"; done\n" }],
        },
      ],
    },
  ],
});
