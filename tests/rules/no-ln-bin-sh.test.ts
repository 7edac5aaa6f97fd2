import rule from "../../rules/no-ln-bin-sh.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("no-ln-bin-sh", rule, {
  valid: [
    dedent`
      FROM debian:12
      SHELL ["/bin/bash", "-c"]
      RUN echo hi
    `,
    // /bin/sh as the link's target, not its name.
    "FROM debian:12\nRUN ln -s /bin/sh /usr/local/bin/posix-sh\n",
    "FROM debian:12\nRUN ln -sf /usr/bin/python3 /usr/bin/python\n",
    // `-t DIR`: links named after their sources.
    "FROM debian:12\nRUN ln -s -t /usr/local/bin /opt/tool/bin/tool\n",
    // With -T, /bin is the link name itself (not a directory to link into).
    "FROM debian:12\nRUN ln -sT /opt/sh /bin\n",
    // Only one operand: a link in the current directory.
    "FROM debian:12\nRUN ln -s /bin/sh\n",
    "FROM debian:12\nRUN echo ln -s /bin/bash /bin/sh\n",
  ],
  invalid: [
    { code: "FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\n", errors: [{ messageId: "lnShell", line: 2, column: 22, endColumn: 29 }] },
    { code: "FROM debian:12\nRUN rm /bin/sh && ln -s /bin/bash /bin/sh\n", errors: [{ messageId: "lnShell", line: 2, column: 35 }] },
    { code: "FROM debian:12\nRUN ln -s --force /bin/bash /usr/bin/sh\n", errors: [{ messageId: "lnShell", line: 2, column: 29 }] },
    { code: "FROM debian:12\nRUN ln -sf bash //bin//sh/\n", errors: [{ messageId: "lnShell", line: 2, column: 17 }] },
    { code: "FROM debian:12\nRUN ln -s -t /bin /opt/mybash/sh\n", errors: [{ messageId: "lnShell", line: 2, column: 19 }] },
    { code: "FROM debian:12\nRUN ln --target-directory=/usr/bin -sf /opt/x/sh\n", errors: [{ messageId: "lnShell", line: 2, column: 40 }] },
    { code: "FROM debian:12\nRUN ln -sf /opt/x/sh /bin\n", errors: [{ messageId: "lnShell", line: 2, column: 22 }] },
    { code: "FROM debian:12\nRUN sudo ln -sf /bin/bash /bin/sh\n", errors: [{ messageId: "lnShell", line: 2, column: 27 }] },
  ],
});
