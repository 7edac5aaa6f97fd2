import rule from "../../rules/no-curl-pipe-shell.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("no-curl-pipe-shell", rule, {
  valid: [
    "FROM debian:12\nRUN curl -fsSLo /tmp/i.sh https://example.com/i.sh && sha256sum -c /tmp/i.sha && sh /tmp/i.sh\n",
    // The body goes to a file, not down the pipe.
    "FROM debian:12\nRUN curl -fsSL -o /tmp/a https://example.com/a | sh\n",
    "FROM debian:12\nRUN wget https://example.com/a.tgz | sh\n",
    // The shell runs a script file or a -c string, not its stdin.
    "FROM debian:12\nRUN curl -fsSL https://example.com/a | sh -c 'cat > /a'\n",
    "FROM debian:12\nRUN curl -fsSL https://example.com/a | bash /opt/consume.sh\n",
    "FROM debian:12\nRUN curl -fsSL https://example.com/a.tgz | tar xz\n",
    "FROM debian:12\nRUN echo 'curl https://example.com | sh'\n",
    'FROM debian:12\nRUN sh -c "$(cat /opt/script)"\n',
  ],
  invalid: [
    // yash was missing from this rule's list (lib/shell/shells.ts holds them all now).
    ...["yash", "mksh"].map((shell) => ({ code: `FROM debian:12\nRUN curl -fsSL https://example.com/install.sh | ${shell}\n`, errors: [{ messageId: "pipe" as const, data: { client: "curl", shell }, line: 2, column: 5 }] })),
    {
      code: "FROM debian:12\nRUN curl -fsSL https://example.com/install.sh | sh\n",
      errors: [{ messageId: "pipe", data: { client: "curl", shell: "sh" }, line: 2, column: 5, endColumn: 51 }],
    },
    { code: "FROM debian:12\nRUN wget -qO- https://example.com/i.sh | bash -s -- --yes\n", errors: [{ messageId: "pipe", data: { client: "wget", shell: "bash" }, line: 2, column: 5 }] },
    { code: "FROM debian:12\nRUN wget -q https://example.com/i.sh -O - | /bin/bash\n", errors: [{ messageId: "pipe", line: 2, column: 5 }] },
    { code: "FROM debian:12\nRUN curl -sL https://deb.nodesource.com/setup_20.x | sudo -E bash -\n", errors: [{ messageId: "pipe", line: 2, column: 5 }] },
    { code: "FROM debian:12\nRUN curl -sSL https://aka.ms/getvsdbgsh | bash /dev/stdin -v latest\n", errors: [{ messageId: "pipe", line: 2, column: 5 }] },
    { code: "FROM php:8.3-cli\nRUN curl -sS https://getcomposer.org/installer | php -- --install-dir=/usr/local/bin\n", errors: [{ messageId: "pipe", data: { client: "curl", shell: "php" }, line: 2, column: 5 }] },
    { code: "FROM python:3.12-slim\nRUN curl -sSL https://install.python-poetry.org | python3 -\n", errors: [{ messageId: "pipe", line: 2, column: 5 }] },
    { code: dedent`
      FROM debian:12
      RUN apt-get update && \\
        curl -fsSL https://example.com/i.sh \\
        | sh
    `, errors: [{ messageId: "pipe", line: 3, column: 3, endLine: 4, endColumn: 7 }] },
    { code: 'FROM debian:12\nRUN sh -c "$(curl -fsSL https://example.com/install.sh)"\n', errors: [{ messageId: "substitution", data: { shell: "sh" }, line: 2, column: 5 }] },
    { code: "FROM debian:12\nRUN bash <(wget -qO- https://example.com/install.sh)\n", errors: [{ messageId: "substitution", data: { shell: "bash" }, line: 2, column: 5 }] },
  ],
});
