import rule from "../../rules/no-apt.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("no-apt", rule, {
  valid: [
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
    "FROM debian:12\nRUN aptitude install -y curl\n",
    // Not run: arguments and text.
    "FROM debian:12\nRUN echo apt install curl && dpkg -l apt\n",
    dedent`
      FROM debian:12
      # RUN apt install curl
      RUN true
    `,
    // tonistiigi/xx's wrapper is its own tool.
    "FROM debian:12\nRUN xx-apt install -y gcc\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN apt update && apt install -y curl\n",
      output: "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
      errors: [
        { messageId: "apt", line: 2, column: 5, endColumn: 8, data: { subcommand: " update" } },
        { messageId: "apt", line: 2, column: 19, endColumn: 22, data: { subcommand: " install" } },
      ],
    },
    {
      code: "FROM debian:12\r\nRUN set -eux; \\\r\n    /usr/bin/apt install -y \\\r\n        curl\r\n",
      output: "FROM debian:12\r\nRUN set -eux; \\\r\n    /usr/bin/apt-get install -y \\\r\n        curl\r\n",
      errors: [{ messageId: "apt", line: 3, column: 5 }],
    },
    {
      code: "FROM debian:12\nRUN if true; then sudo apt -y autoremove; fi\n",
      output: "FROM debian:12\nRUN if true; then sudo apt-get -y autoremove; fi\n",
      errors: [{ messageId: "apt", line: 2, column: 24 }],
    },
    {
      code: "FROM debian:12\nRUN bash -c 'apt install -y curl'\n",
      output: "FROM debian:12\nRUN bash -c 'apt-get install -y curl'\n",
      errors: [{ messageId: "apt", line: 2, column: 14 }],
    },
    {
      // `apt upgrade` may install new packages, `apt-get upgrade` keeps them back: reported, not fixed.
      code: "FROM debian:12\nRUN apt upgrade -y\n",
      output: null,
      errors: [{ messageId: "apt", line: 2, column: 5, data: { subcommand: " upgrade" } }],
    },
    {
      // apt-only subcommands: reported, not fixed.
      code: "FROM debian:12\nRUN apt list --installed\n",
      output: null,
      errors: [{ messageId: "apt", line: 2, column: 5 }],
    },
    {
      code: dedent`
        FROM debian:12
        RUN <<EOF
        apt-get update
        apt install -y curl
        EOF
      `,
      output: dedent`
        FROM debian:12
        RUN <<EOF
        apt-get update
        apt-get install -y curl
        EOF
      `,
      errors: [{ messageId: "apt", line: 4, column: 1 }],
    },
    {
      code: "FROM debian:12\nONBUILD RUN apt install -y curl\n",
      output: "FROM debian:12\nONBUILD RUN apt-get install -y curl\n",
      errors: [{ messageId: "apt", line: 2, column: 13 }],
    },
    {
      // Exec form: replacing the JSON string would drop its quotes, so no fix; inside sh -c, the word is inside the string.
      code: 'FROM debian:12\nRUN ["apt", "install", "-y", "curl"]\n',
      output: null,
      errors: [{ messageId: "apt", line: 2, column: 6 }],
    },
    {
      code: 'FROM debian:12\nRUN ["sh", "-c", "apt install -y curl"]\n',
      output: 'FROM debian:12\nRUN ["sh", "-c", "apt-get install -y curl"]\n',
      errors: [{ messageId: "apt", line: 2, column: 19 }],
    },
  ],
});
