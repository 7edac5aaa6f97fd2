import rule from "../../rules/require-pipefail.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

const BASH_SHELL = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]';
/** The message's advice: `set -o pipefail` too, except where the RUN's dash is known to reject it. */
const TURN_ON = `Turn on pipefail with \`${BASH_SHELL}\` or \`set -o pipefail\` first.`;
const TURN_ON_DEBIAN_12 = `Turn on pipefail with \`${BASH_SHELL}\` (the dash of Debian 12 (bookworm) that runs this RUN has no \`set -o pipefail\`).`;

ruleTester("dockerfile").run("require-pipefail", rule, {
  valid: [
    // pipefail from SHELL, inherited through FROM <stage>, or from `set` earlier in the same shell.
    `FROM debian:12\n${BASH_SHELL}\nRUN curl -fsSL https://example.com/install.sh | bash\n`,
    `FROM debian:12 AS base\n${BASH_SHELL}\nFROM base\nRUN curl -fsSL https://example.com/a | tee /a\n`,
    dedent`
      FROM alpine:3.20
      SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
      RUN wget -qO- https://example.com/a | tee /a
    `,
    "FROM debian:12\nRUN set -o pipefail && curl -fsSL https://example.com/a | tee /a\n",
    "FROM debian:12\nRUN set -euxo pipefail; curl -fsSL https://example.com/a | tee /a\n",
    "FROM debian:12\nRUN bash -o pipefail -c 'curl -fsSL https://example.com/a | tee /a'\n",
    // The last command catches the failure (empty or truncated input makes it fail).
    "FROM debian:12\nRUN curl -fsSL https://example.com/a.tar.gz | tar xz -C /opt\n",
    "FROM debian:12\nRUN curl -fsSL https://example.com/key | apt-key add -\n",
    "FROM debian:12\nRUN curl -fsSL https://example.com/SHASUMS | grep linux-x64 | sha256sum -c -\n",
    "FROM debian:12\nRUN wget -qO- https://example.com/a | grep -q ok\n",
    // Nothing before the pipe can fail.
    "FROM debian:12\nRUN echo 'deb http://deb.debian.org/debian bookworm main' | tee /etc/apt/sources.list\n",
    "FROM debian:12\nRUN { echo a; echo b; } | tee /etc/a.conf\n",
    'FROM debian:12\nRUN echo "$(cat /etc/os-release)" | tee /tmp/os\n',
    dedent`
      FROM debian:12
      RUN cat <<EOF | tee /etc/a.conf
      x=1
      EOF
    `,
    // A local query piped into a text filter: reported only with everyPipeline.
    "FROM debian:12\nRUN find /usr/local -name '*.so' | sort -u > /tmp/libs\n",
    'FROM debian:12\nRUN arch="$(dpkg --print-architecture | awk -F- \'{ print $NF }\')"\n',
    // The status of a condition is the point.
    "FROM debian:12\nRUN if curl -fsSL https://example.com/a | grep -q x; then echo y; fi\n",
    // `set -o pipefail` inside a subshell does not reach the parent shell... but a parent's reaches subshells.
    "FROM debian:12\nRUN set -o pipefail; ( curl -fsSL https://example.com/a | tee /a )\n",
    'FROM python:3.12-slim\nRUN ["sh", "-c", "echo hi"]\n',
    dedent`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      SHELL ["powershell", "-Command"]
      RUN Invoke-WebRequest https://example.com | Out-File a
    `,
  ],
  invalid: [
    // Every shell of lib/shell/shells.ts reads the script from the pipe: mksh and yash were missing from this rule's list.
    ...["mksh", "yash", "ksh", "python3"].map((shell) => ({
      code: `FROM debian:12\nRUN curl -fsSL https://example.com/install.sh | ${shell}\n`,
      errors: [{ messageId: "pipefail" as const, data: { first: "curl", next: shell, turnOn: TURN_ON_DEBIAN_12 }, line: 2, column: 5, suggestions: [{ messageId: "addShell" as const, data: { shell: BASH_SHELL }, output: `FROM debian:12\n${BASH_SHELL}\nRUN curl -fsSL https://example.com/install.sh | ${shell}\n` }] }],
    })),
    {
      code: "FROM debian:12\nRUN curl -fsSL https://example.com/install.sh | bash\n",
      errors: [
        {
          messageId: "pipefail",
          data: { first: "curl", next: "bash", turnOn: TURN_ON_DEBIAN_12 },
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 46,
          suggestions: [{ messageId: "addShell", data: { shell: BASH_SHELL }, output: `FROM debian:12\n${BASH_SHELL}\nRUN curl -fsSL https://example.com/install.sh | bash\n` }],
        },
      ],
    },
    {
      // Alpine has BusyBox ash, not bash.
      code: "FROM alpine:3.20\nRUN wget -qO- https://example.com/key.asc | gpg --dearmor > /k.gpg\n",
      errors: [
        {
          messageId: "pipefail",
          line: 2,
          column: 5,
          suggestions: [
            {
              messageId: "addShell",
              data: { shell: 'SHELL ["/bin/ash", "-eo", "pipefail", "-c"]' },
              output: dedent`
                FROM alpine:3.20
                SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
                RUN wget -qO- https://example.com/key.asc | gpg --dearmor > /k.gpg
              `,
            },
          ],
        },
      ],
    },
    {
      // Any command piped into tee: tee succeeds whatever happened before it.
      code: "FROM golang:1.22\nRUN go vet ./... | tee /out/vet.log\n",
      errors: [{ messageId: "pipefail", data: { first: "go", next: "tee", turnOn: TURN_ON }, line: 2, column: 5, suggestions: [{ messageId: "addShell", output: `FROM golang:1.22\n${BASH_SHELL}\nRUN go vet ./... | tee /out/vet.log\n` }] }],
    },
    {
      // Unknown base image: no suggestion, since we cannot know which shell it has.
      code: "FROM example.com/base:1\nRUN curl -fsSL https://example.com/a | tee /a\n",
      errors: [{ messageId: "pipefail", line: 2, column: 5, suggestions: [] }],
    },
    {
      // A SHELL without pipefail is in effect: the suggestion would replace it, so none is offered.
      code: dedent`
        FROM debian:12
        SHELL ["/bin/bash", "-c"]
        RUN curl -fsSL https://example.com/a | tee /a
      `,
      errors: [{ messageId: "pipefail", line: 3, column: 5, suggestions: [] }],
    },
    {
      // `set -o pipefail` after the pipeline, or only in one branch, does not count.
      code: "FROM debian:12\nRUN curl -fsSL https://example.com/a | tee /a; set -o pipefail\n",
      errors: [{ messageId: "pipefail", line: 2, column: 5, suggestions: 1 }],
    },
    {
      code: "FROM debian:12\nRUN ( set -o pipefail ); curl -fsSL https://example.com/a | tee /a\n",
      errors: [{ messageId: "pipefail", line: 2, column: 26, suggestions: 1 }],
    },
    {
      // Continuation lines, heredoc RUN, the indentation of the RUN kept, CRLF kept.
      code: dedent`
        FROM debian:12
          RUN apt-get update \\
         && curl -fsSL https://example.com/a \\
            | bash
      `,
      errors: [{ messageId: "pipefail", line: 3, column: 5, suggestions: [{ messageId: "addShell", output: `FROM debian:12\n  ${BASH_SHELL}\n  RUN apt-get update \\\n && curl -fsSL https://example.com/a \\\n    | bash\n` }] }],
    },
    {
      code: "FROM debian:12\r\nRUN <<EOF\r\ncurl -fsSL https://example.com/a | sh\r\nEOF\r\n",
      errors: [{ messageId: "pipefail", line: 3, column: 1, suggestions: [{ messageId: "addShell", output: `FROM debian:12\r\n${BASH_SHELL}\r\nRUN <<EOF\r\ncurl -fsSL https://example.com/a | sh\r\nEOF\r\n` }] }],
    },
    {
      code: "FROM debian:12\nRUN find /usr/local -name '*.so' | sort -u > /tmp/libs\n",
      options: [{ everyPipeline: true }],
      errors: [{ messageId: "pipefail", data: { first: "find", next: "sort", turnOn: TURN_ON_DEBIAN_12 }, line: 2, column: 5, suggestions: 1 }],
    },
    // The advice names `set -o pipefail` only where the RUN's shell may have it: not under a dash measured to
    // lack it (Debian 11/12, Ubuntu 16.04-24.04), but under a dash that has it, an unknown release, BusyBox ash, bash.
    ...(
      [
        ["debian:bookworm-slim", TURN_ON_DEBIAN_12],
        ["node:20-bookworm", TURN_ON_DEBIAN_12],
        ["ubuntu:22.04", `Turn on pipefail with \`${BASH_SHELL}\` (the dash of Ubuntu 22.04 (jammy) that runs this RUN has no \`set -o pipefail\`).`],
        ["debian:trixie", TURN_ON],
        ["debian:latest", TURN_ON],
        ["node:20", TURN_ON],
        ["alpine:3.20", TURN_ON],
        ["fedora:40", TURN_ON],
      ] as const
    ).map(([image, turnOn]) => ({
      code: `FROM ${image}\nRUN curl -fsSL https://example.com/a | tee /a\n`,
      errors: [{ messageId: "pipefail" as const, data: { first: "curl", next: "tee", turnOn }, suggestions: 1 }],
    })),
    {
      // Under a bash SHELL without pipefail, `set -o pipefail` works.
      code: `FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN curl -fsSL https://example.com/b | tee /b\n`,
      errors: [{ messageId: "pipefail", data: { first: "curl", next: "tee", turnOn: TURN_ON }, suggestions: [] }],
    },
    {
      // ONBUILD: a SHELL here would not reach the trigger's build, so no suggestion.
      code: "FROM debian:12\nONBUILD RUN curl -fsSL https://example.com/a | sh\n",
      errors: [{ messageId: "pipefail", line: 2, column: 13, suggestions: [] }],
    },
  ],
});
