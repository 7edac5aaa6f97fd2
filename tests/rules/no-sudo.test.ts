import rule from "../../rules/no-sudo.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("no-sudo", rule, {
  valid: [
    dedent`
      FROM debian:12
      USER root
      RUN apt-get update
    `,
    // Installing or configuring sudo is not running it.
    "FROM debian:12\nRUN apt-get install -y sudo && echo 'app ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/app\n",
    "FROM debian:12\nRUN command -v sudo\n",
    "FROM debian:12\nRUN echo sudo\n",
    // Quoted text that is not executed.
    "FROM debian:12\nRUN echo 'sudo rm -rf /'\n",
    // Exec form runs no shell; PowerShell stages get no shell analysis.
    'FROM debian:12\nRUN ["echo", "sudo"]\n',
    dedent`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      SHELL ["powershell", "-Command"]
      RUN sudo whatever
    `,
  ],
  invalid: [
    { code: "FROM debian:12\nRUN sudo apt-get update\n", errors: [{ messageId: "sudo", line: 2, column: 5, endLine: 2, endColumn: 9 }] },
    // Through wrappers, after &&, in sh -c strings, in if bodies, across continuation lines.
    { code: "FROM debian:12\nRUN env DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y curl\n", errors: [{ messageId: "sudo", line: 2, column: 40 }] },
    { code: "FROM debian:12\nRUN true && sudo -u app make\n", errors: [{ messageId: "sudo", line: 2, column: 13 }] },
    { code: "FROM debian:12\nRUN sh -c 'sudo make install'\n", errors: [{ messageId: "sudo", line: 2, column: 12 }] },
    { code: "FROM debian:12\nRUN if true; then sudo ls; fi\n", errors: [{ messageId: "sudo", line: 2, column: 19 }] },
    { code: dedent`
      FROM debian:12
      RUN echo a \\
       && sudo ls
    `, errors: [{ messageId: "sudo", line: 3, column: 5 }] },
    { code: "FROM debian:12\nRUN find . -name '*.tmp' | xargs sudo rm\n", errors: [{ messageId: "sudo", line: 2, column: 34 }] },
    { code: dedent`
      FROM debian:12
      RUN <<EOF
      sudo ls
      EOF
    `, errors: [{ messageId: "sudo", line: 3, column: 1 }] },
    // `sudo` with no command still means sudo is expected in the image.
    { code: "FROM debian:12\nRUN sudo -l\n", errors: [{ messageId: "sudo", line: 2, column: 5 }] },
    { code: "FROM debian:12\nRUN /usr/bin/sudo ls\n", errors: [{ messageId: "sudo", line: 2, column: 5, endColumn: 18 }] },
    { code: "FROM debian:12\nONBUILD RUN sudo ls\n", errors: [{ messageId: "sudo", line: 2, column: 13 }] },
  ],
});
