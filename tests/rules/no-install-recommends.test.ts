import rule from "../../rules/no-install-recommends.js";
import { ruleTester } from "../support/rule-tester.js";

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
    "FROM debian:12\nRUN echo 'APT::Install-Recommends \"false\";' > /etc/apt/apt.conf.d/99norecommends\nRUN apt-get install -y curl\n",
    "FROM debian:12 AS base\nRUN printf 'APT::Install-Recommends \"0\";\\n' | tee /etc/apt/apt.conf.d/01norecommend\nFROM base\nRUN apt-get install -y curl\n",
    "FROM debian:12\nCOPY apt.conf /etc/apt/apt.conf.d/99local\nRUN apt-get install -y curl\n",
    // An ONBUILD trigger runs after every instruction of the image, wherever it is written.
    "FROM debian:12\nONBUILD RUN apt-get install -y curl\nRUN echo 'APT::Install-Recommends \"false\";' > /etc/apt/apt.conf.d/99norecommends\n",
    // A builder stage: only COPY --from reads it, its layers never ship.
    "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:12-slim\nCOPY --from=build /out /out\n",
    // aptitude and other managers are not this rule's.
    "FROM alpine:3.20\nRUN apk add --no-cache curl\n",
    "FROM debian:12\n# apt-get install curl\nRUN echo apt-get install curl\n",
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
      code: "FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nCOPY . /app\n",
      errors: [
        {
          messageId: "recommends",
          line: 2,
          suggestions: [{ messageId: "addFlag", output: "FROM debian:12 AS base\nRUN apt-get update && apt-get install --no-install-recommends -y curl\nFROM base\nCOPY . /app\n" }],
        },
      ],
    },
    {
      code: "FROM debian:12 AS base\nRUN echo ok\nFROM base\nONBUILD RUN apt-get update && apt-get install -y curl\n",
      errors: [
        {
          messageId: "recommends",
          line: 4,
          suggestions: [{ messageId: "addFlag", output: "FROM debian:12 AS base\nRUN echo ok\nFROM base\nONBUILD RUN apt-get update && apt-get install --no-install-recommends -y curl\n" }],
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
      code: "FROM debian:12\nRUN apt install -y curl\nRUN apt-get install -y --no-install-recommends --install-recommends git\n",
      errors: [
        { messageId: "recommends", line: 2, column: 5, suggestions: [{ messageId: "addFlag", output: "FROM debian:12\nRUN apt install --no-install-recommends -y curl\nRUN apt-get install -y --no-install-recommends --install-recommends git\n" }] },
        { messageId: "recommends", line: 3, column: 5, suggestions: [{ messageId: "addFlag", output: "FROM debian:12\nRUN apt install -y curl\nRUN apt-get install --no-install-recommends -y --no-install-recommends --install-recommends git\n" }] },
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
