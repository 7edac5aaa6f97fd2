import rule from "../../rules/no-update-without-install.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("no-update-without-install", rule, {
  valid: [
    "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n",
    "FROM debian:12\nRUN apt-get update; apt-get -y dist-upgrade\n",
    "FROM debian:12\nRUN set -eux; apt-get update; if true; then apt-get install -y curl; fi\n",
    "FROM debian:12\nRUN apt-get update && sh -c 'apt-get install -y curl'\n",
    "FROM debian:12\nRUN apt update && xargs apt-get install -y < /tmp/packages\n",
    "FROM debian:12\nRUN apt-get update && apt-cache policy curl\n",
    // A script may install: the linter cannot tell.
    "FROM debian:12\nRUN apt-get update && ./install-deps.sh\n",
    "FROM debian:12\nRUN apt-get update && curl -fsSL https://deb.example/setup | bash -\n",
    // Any shell of lib/shell/shells.ts may run such a script (ksh, mksh and yash were missing from this rule's list).
    "FROM debian:12\nRUN apt-get update && ksh ./install-deps.ksh\n",
    "FROM debian:12\nRUN apt-get update && mksh install-deps.sh\n",
    "FROM alpine:3.20\nRUN apk update && apk add curl\n",
    "FROM fedora:40\nRUN dnf makecache && dnf install -y gcc\n",
    "FROM opensuse/leap:15.6\nRUN zypper refresh && zypper -n install curl\n",
    "FROM archlinux:base\nRUN pacman -Sy --noconfirm git\n",
    dedent`
      FROM debian:12
      # RUN apt-get update
      RUN echo apt-get update
    `,
  ],
  invalid: [
    {
      code: dedent`
        FROM debian:12
        RUN apt-get update
        RUN apt-get install -y curl
      `,
      errors: [{ messageId: "updateOnly", line: 2, column: 5, endColumn: 19, data: { command: "apt-get update" } }],
    },
    {
      // Another family's install does not use the apt index.
      code: "FROM debian:12\nRUN apt-get update && pip install --no-cache-dir requests\n",
      errors: [{ messageId: "updateOnly", line: 2, column: 5 }],
    },
    {
      code: "FROM debian:12\nRUN apt-get update && apt-get clean\n",
      errors: [{ messageId: "updateOnly", line: 2, column: 5 }],
    },
    {
      code: "FROM alpine:3.20\nRUN apk update\n",
      errors: [{ messageId: "updateOnly", line: 2, column: 5, data: { command: "apk update" } }],
    },
    {
      code: "FROM fedora:40\nRUN dnf makecache\n",
      errors: [{ messageId: "updateOnly", line: 2, column: 5 }],
    },
    {
      code: "FROM opensuse/leap:15.6\nRUN zypper --non-interactive refresh\n",
      errors: [{ messageId: "updateOnly", line: 2, column: 5 }],
    },
    {
      code: "FROM archlinux:base\nRUN pacman -Sy\n",
      errors: [{ messageId: "updateOnly", line: 2, column: 5, data: { command: "pacman -Sy" } }],
    },
    {
      code: dedent`
        FROM debian:12
        RUN <<EOF
        set -e
        apt-get update
        EOF
      `,
      errors: [{ messageId: "updateOnly", line: 4, column: 1 }],
    },
    {
      code: "FROM debian:12\nRUN if [ -f /x ]; then sudo apt-get -qq update; fi\n",
      errors: [{ messageId: "updateOnly", line: 2, column: 29 }],
    },
  ],
});
