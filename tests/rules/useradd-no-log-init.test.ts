import rule from "../../rules/useradd-no-log-init.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("useradd-no-log-init", rule, {
  valid: [
    "FROM debian:12\nRUN useradd app\n",
    "FROM debian:12\nRUN useradd -u 12345 app\n",
    "FROM debian:12\nRUN useradd -u 99999 app\n",
    "FROM debian:12\nRUN useradd -l -u 123456 app\n",
    "FROM debian:12\nRUN useradd --no-log-init --uid 1000000 app\n",
    "FROM debian:12\nRUN useradd -rlu 1000000 app\n",
    // A UID we cannot know.
    dedent`
      FROM debian:12
      ARG APP_UID
      RUN useradd -u \${APP_UID} app
    `,
    // `-u` of another tool, and a comment that is not the value of -u.
    "FROM debian:12\nRUN usermod -u 1000000 app\n",
    "FROM debian:12\nRUN useradd -c 1000000 app\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN useradd -u 123456 app\n",
      output: "FROM debian:12\nRUN useradd -l -u 123456 app\n",
      errors: [{ messageId: "noLogInit", data: { uid: "123456", megabytes: "40" }, line: 2, column: 13, endColumn: 22 }],
    },
    {
      code: "FROM debian:12\nRUN groupadd -g 1000000 app && useradd --uid=1000000 -g app app\n",
      output: "FROM debian:12\nRUN groupadd -g 1000000 app && useradd -l --uid=1000000 -g app app\n",
      errors: [{ messageId: "noLogInit", line: 2, column: 40 }],
    },
    {
      // Through an ARG default, behind sudo, over continuation lines.
      code: dedent`
        FROM debian:12
        ARG APP_UID=200000
        RUN sudo useradd \\
            -u "$APP_UID" app
      `,
      output: dedent`
        FROM debian:12
        ARG APP_UID=200000
        RUN sudo useradd -l \\
            -u "$APP_UID" app
      `,
      errors: [{ messageId: "noLogInit", data: { uid: "200000", megabytes: "65" }, line: 4, column: 5 }],
    },
    {
      code: dedent`
        FROM debian:12
        ENV APP_UID=500000
        RUN /usr/sbin/useradd -mu\${APP_UID} app
      `,
      output: dedent`
        FROM debian:12
        ENV APP_UID=500000
        RUN /usr/sbin/useradd -l -mu\${APP_UID} app
      `,
      errors: [{ messageId: "noLogInit", line: 3, column: 23 }],
    },
    {
      code: 'FROM debian:12\nRUN ["useradd", "-u", "123456", "app"]\n',
      output: null,
      errors: [{ messageId: "noLogInit", line: 2, column: 17 }],
    },
    {
      code: 'FROM debian:12\nRUN ["/bin/bash", "-c", "useradd -u 123456 app"]\n',
      output: 'FROM debian:12\nRUN ["/bin/bash", "-c", "useradd -l -u 123456 app"]\n',
      errors: [{ messageId: "noLogInit", line: 2, column: 34 }],
    },
  ],
});
