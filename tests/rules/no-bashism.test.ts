import { describe, expect, it } from "vitest";
import { peerChecksOf } from "../../lib/peers/peer-checks.js";
import { BASHISMS } from "../../lib/shell/bashisms.js";
import rule from "../../rules/no-bashism.js";
import { dedent } from "../support/dedent.js";
import { ruleTester } from "../support/rule-tester.js";

const BASH = 'SHELL ["/bin/bash", "-c"]';
const BASH_PIPEFAIL = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]';

ruleTester("dockerfile").run("no-bashism", rule, {
  valid: [
    // POSIX forms under dash.
    "FROM debian:12\nRUN if [ -f /x ]; then echo 1; fi\n",
    'FROM debian:12\nRUN [ "$a" = b ] && . /etc/profile && echo a b && ls > /dev/null 2>&1\n',
    'FROM debian:12\nRUN f() { local x=1; echo "$x"; }; f; echo "${a:-x}" "${#a}" "${a%.*}" "${a:+y}" "$((1 + 2))"\n',
    "FROM debian:12\nRUN find . -name '*.o' -exec rm {} + && awk '{print $1,$2}' x && echo '{a,b}' \"{c,d}\" \\{e,f\\}\n",
    // `/bin/echo` is the external program, which takes `-e`.
    "FROM debian:12\nRUN /bin/echo -e 'a\\tb' > /x\n",
    // /bin/sh is bash.
    "FROM fedora:40\nRUN [[ -f /x ]] && source /etc/profile && echo {a,b} && ls &> /dev/null\n",
    "FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN arr=(a b) && echo ${arr[0]}\n",
    // SHELL bash, here or inherited; a heredoc for bash; `bash -c`.
    `FROM debian:12\n${BASH}\nRUN [[ -f /x ]] && echo {a,b}\n`,
    `FROM debian:12 AS base\n${BASH}\nFROM base\nRUN source /etc/profile\n`,
    "FROM debian:12\nRUN <<EOF\n#!/bin/bash\n[[ -f /x ]] && echo {a,b}\nEOF\n",
    "FROM debian:12\nRUN bash -c '[[ -f /x ]] && echo {a,b}'\n",
    "FROM debian:12\nRUN bash -c '[[ -f /x ]]'\n",
    "FROM debian:12\nRUN su app -c 'if [[ -f /x ]]; then select a in b; do :; done; fi'\n",
    "FROM debian:12\nRUN bash <<'EOF'\n[[ -f /x ]]\nEOF\n",
    // BusyBox ash accepts these (ash.c with ASH_BASH_COMPAT).
    'FROM alpine:3.20\nRUN [[ -f /x ]] && [ "$a" == b ] && source /etc/profile && echo ${a//x/y} ${a:0:2} $\'\\t\' && echo -e x && ls &> /dev/null\n',
    "FROM alpine:3.20\nRUN set -o pipefail && let x=1\n",
    // Unknown shell: silent.
    "ARG BASE\nFROM ${BASE}\nRUN [[ -f /x ]]\n",
    "FROM myorg/app:1.0\nRUN [[ -f /x ]]\n",
    "FROM mysql:8.0\nRUN [[ -f /x ]]\n",
    "FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\nRUN [[ -f /x ]]\n",
    "FROM debian:12\nONBUILD RUN [[ -f /x ]]\n",
    'FROM debian:12\nSHELL ["/bin/zsh", "-c"]\nRUN [[ -f /x ]]\n',
    "FROM debian:12\nRUN su -c '[[ -f /x ]]' app\n",
    // `set -o pipefail` depends on the dash build: silent where the tag names no release (it floats), where
    // the release's dash has it (Debian 13, Ubuntu 25.04), where the table lacks the release, or under bash.
    ...[
      "debian:latest",
      "debian:stable-slim",
      "debian:sid",
      "debian:buster",
      "node:20",
      "python:3.12-slim",
      "ubuntu:latest",
      "ubuntu:24.10",
      "debian:13",
      "debian:trixie-slim",
      "node:22-trixie",
      "ubuntu:25.04",
      "ubuntu:questing",
      "alpine:3.20",
      "busybox:1.36",
      "fedora:40",
      "myorg/app:1-bookworm",
      "mcr.microsoft.com/dotnet/sdk:8.0",
    ].map((image) => `FROM ${image}\nRUN set -o pipefail && curl -fsSL https://example.com/a | tar x\n`),
    `FROM debian:12\n${BASH}\nRUN set -eo pipefail && curl -fsSL https://example.com/a | tar x\n`,
    'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN set -euxo pipefail; curl -fsSL https://example.com/a | tar x\n',
    "FROM debian:12\nRUN <<EOF\n#!/bin/bash\nset -euo pipefail\ncurl -fsSL https://example.com/a | tar x\nEOF\n",
    "FROM ubuntu:22.04\nRUN bash -c 'set -o pipefail; curl -fsSL https://example.com/a | tar x'\n",
    "FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\nRUN set -o pipefail\n",
    // A SHELL or exec-form RUN that starts a shell with `-o pipefail`: bash, BusyBox ash, a dash that has it, an unknown release.
    'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN true\n',
    'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN true\n',
    'FROM alpine:3.20\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN true\n',
    'FROM debian:trixie\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN true\n',
    'FROM debian:latest\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN true\n',
    'FROM debian:12\nRUN ["/bin/bash", "-o", "pipefail", "-c", "curl -fsSL https://example.com/a | tar x"]\n',
    'FROM debian:12\nRUN ["/bin/sh", "-c", "echo", "-o", "pipefail"]\n',
    "FROM debian:12\nRUN bash -o pipefail -c 'curl -fsSL https://example.com/a | tar x' && busybox sh -o pipefail -c 'true'\n",
    "FROM debian:trixie\nRUN sh -o pipefail -c 'true'\n",
    "FROM debian:12\nRUN sh -c 'true' -o pipefail\n",
    // Not the option: positional parameters, other options, a `pipefail` that is not `-o`'s operand.
    "FROM debian:12\nRUN set -- -o pipefail && set -e && set -o errexit && echo pipefail\n",
    "FROM debian:12\nRUN set -x pipefail\n",
    // The JSON array of an exec-form RUN is not shell.
    'FROM debian:12\nRUN ["/usr/bin/printf", "{a,b}"]\n',
  ],
  invalid: [
    // `set -o pipefail` under a dash measured to lack it (DASH_BUILDS): the RUN fails.
    ...(
      [
        ["debian:12", "set -o pipefail"],
        ["debian:bookworm-slim", "set -o pipefail"],
        ["debian:12.5", "set -eo pipefail"],
        ["debian:bullseye", "set -euxo pipefail"],
        ["node:20-bookworm", "set -o errexit -o pipefail"],
        ["python:3.12-slim-bookworm", "set -e -o pipefail"],
        ["golang:1.22-bookworm", "set +o pipefail"],
        ["ubuntu:22.04", "set -o pipefail"],
        ["ubuntu:jammy", "set -Eeuo pipefail"],
        ["ubuntu:noble-20240423", "set -o pipefail"],
        ["ubuntu:20.04", "set -o pipefail"],
        ["ubuntu:bionic", "set -o pipefail"],
        ["buildpack-deps:bookworm-curl", "set -o pipefail"],
        ["eclipse-temurin:21-jammy", "set -o pipefail"],
        ["mcr.microsoft.com/dotnet/sdk:8.0-bookworm-slim", "set -o pipefail"],
        ["arm64v8/debian:12", "set -o pipefail"],
      ] as const
    ).map(([image, set]) => ({
      code: `FROM ${image}\nRUN ${set} && curl -fsSL https://example.com/a | tar x\n`,
      errors: [
        {
          messageId: "setPipefail" as const,
          line: 2,
          column: 5 + set.search(/[-+][a-zA-Z]*o pipefail/u),
          endColumn: 5 + set.length,
          suggestions: [{ messageId: "useBash" as const, data: { shell: BASH_PIPEFAIL }, output: `FROM ${image}\n${BASH_PIPEFAIL}\nRUN ${set} && curl -fsSL https://example.com/a | tar x\n` }],
        },
      ],
    })),
    {
      // SHELL starting dash with `-o pipefail`: dash refuses to start, every RUN after it fails.
      code: 'FROM debian:12\nSHELL ["/bin/sh", "-eo", "pipefail", "-c"]\nRUN true\n',
      errors: [
        {
          message:
            '`["/bin/sh", "-eo", "pipefail", "-c"]` starts dash with `-o pipefail`, but the dash of Debian 12 (bookworm) (package 0.5.12-2) has no pipefail option: it stops with "Illegal option -o pipefail", so every RUN under this SHELL fails. Start bash instead (`/bin/bash`).',
          line: 2,
          column: 19,
          endColumn: 36,
          suggestions: [{ messageId: "useBashProgram", output: 'FROM debian:12\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN true\n' }],
        },
      ],
    },
    {
      code: 'FROM ubuntu:jammy AS base\nFROM base\nSHELL ["/bin/dash", "-o", "pipefail", "-c"]\n',
      errors: [{ messageId: "invokePipefail", line: 3, suggestions: 1 }],
    },
    {
      // `sh -o pipefail -c '…'` inside a script, also under a bash SHELL: `sh` is the image's dash.
      code: `FROM debian:12\n${BASH}\nRUN sh -eo pipefail -c 'curl -fsSL https://example.com/a | tar x'\n`,
      errors: [{ messageId: "invokePipefail", data: { written: "sh -eo pipefail", release: "Debian 12 (bookworm)", version: "0.5.12-2", fails: "the RUN fails" }, line: 3, column: 8, endColumn: 20, suggestions: [] }],
    },
    {
      code: "FROM ubuntu:24.04\nRUN /bin/dash -o pipefail -c 'true' && sudo sh -o pipefail -c 'true'\n",
      errors: [
        { messageId: "invokePipefail", line: 2, column: 15 },
        { messageId: "invokePipefail", line: 2, column: 48 },
      ],
    },
    {
      // An exec-form RUN: that RUN fails.
      code: 'FROM node:20-bookworm\nRUN ["sh", "-o", "pipefail", "-c", "curl -fsSL https://example.com/a | tar x"]\n',
      errors: [{ messageId: "invokePipefail", line: 2, column: 12, suggestions: [{ messageId: "useBashProgram", output: 'FROM node:20-bookworm\nRUN ["/bin/bash", "-o", "pipefail", "-c", "curl -fsSL https://example.com/a | tar x"]\n' }] }],
    },
    {
      // The message names the release and the package measured.
      code: "FROM debian:12\nRUN set -eo pipefail; echo ok\n",
      errors: [
        {
          message:
            '`set -eo pipefail` in a script that dash runs (it is `/bin/sh` of the base image): the dash of Debian 12 (bookworm) (package 0.5.12-2) has no pipefail option, so `set` stops the script with "Illegal option -o pipefail" and the RUN fails. Run the script with bash (`SHELL ["/bin/bash", "-o", "pipefail", "-c"]`), or build from a release whose dash has it.',
          suggestions: 1,
        },
      ],
    },
    {
      // Inherited through FROM <stage>; SHELL ["/bin/sh", "-c"] and a heredoc without #! are dash too (no SHELL to insert then).
      code: 'FROM debian:12 AS base\nSHELL ["/bin/sh", "-c"]\nFROM base\nRUN <<EOF\nset -o pipefail\nEOF\n',
      errors: [{ messageId: "setPipefail", line: 5, column: 5, suggestions: [] }],
    },
    {
      code: "FROM ubuntu:22.04 AS base\nFROM base\nRUN set -o pipefail\n",
      errors: [{ messageId: "setPipefail", line: 3, suggestions: 1 }],
    },
    {
      // `#!/bin/sh` and `#!/bin/dash` run the image's dash.
      code: "FROM debian:12\nRUN <<EOF\n#!/bin/dash\nset -o pipefail\nEOF\n",
      errors: [{ messageId: "setPipefail", line: 4, suggestions: [] }],
    },
    {
      // `sh -c` inside a bash RUN is /bin/sh, dash.
      code: `FROM ubuntu:24.04\n${BASH}\nRUN sh -c 'set -o pipefail; curl -fsSL https://example.com/a | tar x'\n`,
      errors: [{ messageId: "setPipefail", line: 3, column: 16, suggestions: [] }],
    },
    {
      code: 'FROM debian:bookworm\nRUN ["/bin/sh", "-c", "set -o pipefail && echo ok"]\n',
      errors: [{ messageId: "setPipefail", line: 2, suggestions: [] }],
    },
    {
      // `[[` inside an `if` under dash: "not found", the branch is skipped.
      code: "FROM debian:12\nRUN if [[ -f /x ]]; then echo 1; fi\n",
      errors: [{ messageId: "bashism", line: 2, column: 8, endColumn: 10, suggestions: [{ messageId: "useBash", data: { shell: BASH }, output: `FROM debian:12\n${BASH}\nRUN if [[ -f /x ]]; then echo 1; fi\n` }] }],
    },
    {
      code: 'FROM node:20\nRUN [ "$a" == b ] && echo y\n',
      errors: [
        {
          messageId: "bashism",
          line: 2,
          column: 12,
          suggestions: [
            { messageId: "usePosix", data: { form: "=" }, output: 'FROM node:20\nRUN [ "$a" = b ] && echo y\n' },
            { messageId: "useBash", data: { shell: BASH }, output: `FROM node:20\n${BASH}\nRUN [ "$a" == b ] && echo y\n` },
          ],
        },
      ],
    },
    {
      code: "FROM ubuntu:24.04\nRUN source /opt/venv/bin/activate && pip install x\n",
      errors: [
        {
          messageId: "bashism",
          line: 2,
          column: 5,
          endColumn: 11,
          suggestions: [
            { messageId: "usePosix", data: { form: "." }, output: "FROM ubuntu:24.04\nRUN . /opt/venv/bin/activate && pip install x\n" },
            { messageId: "useBash", data: { shell: BASH }, output: `FROM ubuntu:24.04\n${BASH}\nRUN source /opt/venv/bin/activate && pip install x\n` },
          ],
        },
      ],
    },
    {
      // `source file` without a slash: `.` searches PATH only, so no POSIX form is offered.
      code: "FROM debian:12\nRUN source env.sh\n",
      errors: [{ messageId: "bashism", line: 2, column: 5, suggestions: [{ messageId: "useBash", output: `FROM debian:12\n${BASH}\nRUN source env.sh\n` }] }],
    },
    {
      // `&>` under dash: the command goes to the background.
      code: "FROM debian:12\nRUN if command -v foo &> /dev/null; then echo found; fi\n",
      errors: [
        {
          messageId: "ampersandRedirect",
          line: 2,
          column: 23,
          endColumn: 35,
          suggestions: [
            { messageId: "useRedirect", data: { replacement: "> /dev/null 2>&1" }, output: "FROM debian:12\nRUN if command -v foo > /dev/null 2>&1; then echo found; fi\n" },
            { messageId: "useBash", output: `FROM debian:12\n${BASH}\nRUN if command -v foo &> /dev/null; then echo found; fi\n` },
          ],
        },
      ],
    },
    {
      code: "FROM debian:12\nRUN make &>> /build.log\n",
      errors: [{ messageId: "ampersandRedirect", line: 2, column: 10, suggestions: [{ messageId: "useRedirect", output: "FROM debian:12\nRUN make >> /build.log 2>&1\n" }, { messageId: "useBash", output: `FROM debian:12\n${BASH}\nRUN make &>> /build.log\n` }] }],
    },
    {
      // BusyBox ash has no brace expansion and no arrays; no bash in Alpine to suggest.
      code: "FROM alpine:3.20\nRUN mkdir -p /srv/{a,b} && set -- x && arr=(1 2)\n",
      errors: [
        { messageId: "bashism", line: 2, column: 14, suggestions: [] },
        { messageId: "bashism", line: 2, column: 40, suggestions: [] },
      ],
    },
    {
      // Every other construct of the table, under dash (named by SHELL: no SHELL to suggest instead).
      code: dedent`
        FROM python:3.12-slim
        SHELL ["/bin/sh", "-c"]
        RUN function f { echo; }; echo {1..3} $'\\t' \${a//x/y} \${a:0:2} \${!a} \${a^^} <(ls); cat <<< x; ls |& cat; let x=1; declare -r y=1; echo -e x; (( x++ )); x+=1; select z in a; do break; done
      `,
      errors: [
        { messageId: "bashism", line: 3, column: 5, suggestions: [] },
        { messageId: "bashism", line: 3, column: 32, suggestions: [] },
        { messageId: "bashism", line: 3, column: 39, suggestions: [] },
        { messageId: "bashism", line: 3, column: 45, suggestions: [] },
        { messageId: "bashism", line: 3, column: 55, suggestions: [] },
        { messageId: "bashism", line: 3, column: 64, suggestions: [] },
        { messageId: "bashism", line: 3, column: 70, suggestions: [] },
        { messageId: "bashism", line: 3, column: 77, suggestions: [] },
        { messageId: "bashism", line: 3, column: 88, suggestions: [] },
        { messageId: "bashism", line: 3, column: 98, suggestions: [] },
        { messageId: "bashism", line: 3, column: 106, suggestions: [] },
        { messageId: "bashism", line: 3, column: 115, suggestions: [] },
        { messageId: "bashism", line: 3, column: 136, suggestions: [] },
        { messageId: "bashism", line: 3, column: 142, suggestions: [] },
        { messageId: "bashism", line: 3, column: 153, suggestions: [] },
        { messageId: "bashism", line: 3, column: 159, suggestions: [] },
      ],
    },
    {
      // `sh -c` runs /bin/sh even under SHELL bash; no edit inside the string.
      code: `FROM debian:12\n${BASH}\nRUN sh -c '[[ -f /x ]] && echo ok'\n`,
      errors: [{ messageId: "bashism", line: 3, column: 12, suggestions: [] }],
    },
    {
      // Nested strings: the innermost decides.
      code: `FROM debian:12\nRUN bash -c "sh -c '[[ -f /x ]]'; [[ -f /y ]]"\n`,
      errors: [{ messageId: "bashism", line: 2, column: 21, suggestions: [] }],
    },
    {
      code: `FROM debian:12\n${BASH}\nRUN sh -c '[[ -f /x ]]'\n`,
      errors: [{ messageId: "bashism", line: 3, column: 12, suggestions: [] }],
    },
    {
      // SHELL ["/bin/sh", "-c"] is /bin/sh, inherited through FROM <stage>; a heredoc without #! runs under it.
      code: 'FROM debian:12 AS base\nSHELL ["/bin/sh", "-c"]\nFROM base\nRUN <<EOF\n[[ -f /x ]]\nEOF\n',
      errors: [{ messageId: "bashism", line: 5, column: 1, suggestions: [] }],
    },
    {
      // The script an exec-form RUN hands `sh -c`.
      code: 'FROM debian:12\nRUN ["/bin/sh", "-c", "[[ -f /x ]] && echo ok"]\n',
      errors: [{ messageId: "bashism", line: 2, column: 24, suggestions: [] }],
    },
  ],
});

describe("no-bashism and the peer table", () => {
  it("names in the peer table exactly the ShellCheck codes of the bashisms table", () => {
    const fromTable = new Set(Object.values(BASHISMS).map((kind) => `SC${kind.shellcheck}`));
    const fromPeers = new Set(peerChecksOf("shellcheck").filter((check) => check.rules.includes("no-bashism")).map((check) => check.id));
    expect(fromPeers).toEqual(fromTable);
  });
});
