import rule from "../../rules/no-interactive-command.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("no-interactive-command", rule, {
  valid: [
    "FROM debian:12\nRUN apt-get install -y vim openssh-client procps\n",
    "FROM debian:12\nRUN echo top && command -v ps\n",
    "FROM debian:12\nRUN ssh-keygen -A\n",
    "FROM debian:12\nRUN --mount=type=cache,target=/root/.cache make\n",
  ],
  invalid: [
    { code: "FROM debian:12\nRUN service nginx start\n", errors: [{ messageId: "interactive", data: { name: "service", why: "starts a service that stops when this RUN ends" }, line: 2, column: 5, endColumn: 12 }] },
    { code: "FROM debian:12\nRUN vim /etc/hosts\n", errors: [{ messageId: "interactive", line: 2, column: 5 }] },
    { code: "FROM debian:12\nRUN ps aux | grep java\n", errors: [{ messageId: "interactive", line: 2, column: 5 }] },
    { code: "FROM debian:12\nRUN sudo shutdown -h now\n", errors: [{ messageId: "interactive", line: 2, column: 10 }] },
    { code: "FROM debian:12\nRUN ssh git@example.com && free -m\n", errors: [{ messageId: "interactive", line: 2, column: 5 }, { messageId: "interactive", line: 2, column: 28 }] },
    { code: "FROM debian:12\nRUN mount -t tmpfs none /mnt && kill 1 && top -b -n1\n", errors: 3 },
  ],
});
