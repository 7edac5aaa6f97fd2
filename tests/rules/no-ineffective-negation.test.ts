import rule from "../../rules/no-ineffective-negation.js";
import { dedent } from "../support/dedent.js";
import { ruleTester } from "../support/rule-tester.js";

const FIX = "exitWhenTrue" as const;

ruleTester("dockerfile").run("no-ineffective-negation", rule, {
  valid: [
    // The last statement: its status is the RUN's.
    "FROM debian:12\nRUN set -e; make; ! grep -q x /etc/a\n",
    'FROM debian:12\nSHELL ["/bin/sh", "-ec"]\nRUN make; ! grep -q x /etc/a\n',
    // In a condition, or joined with `&&`/`||`: the status is read.
    "FROM debian:12\nRUN set -e; if ! grep -q x /etc/a; then exit 1; fi; make\n",
    "FROM debian:12\nRUN set -e; ! grep -q x /etc/a && make; make\n",
    "FROM debian:12\nRUN set -e; make && ! grep -q x /etc/a; make\n",
    "FROM debian:12\nRUN set -e; while ! nc -z db 5432; do sleep 1; done; make\n",
    // A subshell's status is checked by the parent's errexit.
    "FROM debian:12\nRUN set -e; ( make; ! grep -q x /etc/a ); make\n",
    // Without errexit, no-ignored-failure's business (ShellCheck SC2251 also needs `set -e`).
    "FROM debian:12\nRUN ! grep -q x /etc/a; make\n",
    // `set -e` outside does not reach an `sh -c` string.
    "FROM debian:12\nRUN set -e; sh -c '! grep -q x /etc/a; make'\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN set -eux; ! grep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker; make\n",
      errors: [
        {
          messageId: "ineffective",
          data: { name: "grep" },
          line: 2,
          column: 15,
          endColumn: 72,
          suggestions: [{ messageId: FIX, output: "FROM debian:12\nRUN set -eux; if grep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker; then exit 1; fi; make\n" }],
        },
      ],
    },
    {
      // A negated group over a pipeline (the wordpress images' `ldd` check).
      code: dedent`
        FROM debian:12
        RUN set -eux; \\
            ! { ldd "$extDir"/*.so | grep 'not found'; }; \\
            make
      `,
      errors: [
        {
          messageId: "ineffective",
          data: { name: "ldd" },
          line: 3,
          column: 5,
          suggestions: [{ messageId: FIX, output: "FROM debian:12\nRUN set -eux; \\\n    if { ldd \"$extDir\"/*.so | grep 'not found'; }; then exit 1; fi; \\\n    make\n" }],
        },
      ],
    },
    {
      code: 'FROM debian:12\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN ! dpkg -l | grep -q gcc; make\n',
      errors: [{ messageId: "ineffective", data: { name: "dpkg" }, line: 3, column: 5, suggestions: [{ messageId: FIX, output: 'FROM debian:12\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN if dpkg -l | grep -q gcc; then exit 1; fi; make\n' }] }],
    },
    {
      // In an `if` body (a compound command other than a subshell does not exit on it either).
      code: "FROM debian:12\nRUN set -e; if [ -f /a ]; then ! grep -q x /a; fi; make\n",
      errors: [{ messageId: "ineffective", line: 2, column: 32, suggestions: 1 }],
    },
    {
      code: "FROM debian:12\nRUN sh -ec '! grep -q x /etc/a; make'\n",
      errors: [{ messageId: "ineffective", line: 2, column: 13, suggestions: 1 }],
    },
    {
      code: dedent`
        FROM debian:12
        RUN <<EOF
        set -e
        ! grep -q x /etc/a
        make
        EOF
      `,
      errors: [{ messageId: "ineffective", line: 4, column: 1, suggestions: 1 }],
    },
    {
      // An exec form gets no suggestion (its text is JSON).
      code: 'FROM debian:12\nRUN ["sh", "-ec", "! grep -q x /etc/a; make"]\n',
      errors: [{ messageId: "ineffective", line: 2, column: 20, suggestions: [] }],
    },
  ],
});
