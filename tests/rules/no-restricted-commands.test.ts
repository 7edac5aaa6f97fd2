import rule from "../../rules/no-restricted-commands.js";
import { dedent } from "../support/dedent.js";
import { ruleTester } from "../support/rule-tester.js";

const telnet = [{ commands: [{ name: "telnet", message: "Use ssh." }] }];
const chmod777 = [{ commands: [{ name: "chmod", arguments: ["777"] }] }];
const insecure = [{ commands: [{ name: "curl", arguments: ["--insecure"], message: "Install the CA instead." }, { name: "wget", arguments: ["--no-check-certificate"] }] }];

ruleTester("dockerfile").run("no-restricted-commands", rule, {
  valid: [
    // No entry: nothing to enforce.
    "FROM alpine:3.20\nRUN telnet example.com 80\n",
    { code: dedent`
      FROM alpine:3.20
      # telnet example.com 80
      RUN echo "telnet is gone" && printf '%s\n' 'telnet x' > /notes
      RUN apk add --no-cache busybox-extras && command -v telnet
      RUN grep telnet /etc/services
      RUN my-telnet-wrapper && telnetd -h
      RUN \${TOOL} example.com
    `, options: telnet },
    { code: "FROM alpine:3.20\nRUN chmod 755 /app && chmod -R u+x /bin && echo chmod 777\n", options: chmod777 },
    // An argument from an expansion is unknown: not claimed.
    { code: "FROM alpine:3.20\nARG MODE\nRUN chmod $MODE /app\n", options: chmod777 },
    { code: "FROM alpine:3.20\nRUN curl -fsSL https://example.com && wget https://example.com\n", options: insecure },
  ],
  invalid: [
    {
      code: dedent`
        FROM alpine:3.20
        RUN telnet example.com 80
        RUN /usr/bin/telnet example.com 80 || true
        RUN sh -c 'telnet example.com 80'
        RUN ["telnet", "example.com", "80"]
        RUN sudo -u nobody telnet example.com
        RUN <<EOF
        if [ -n "$HOST" ]; then
          telnet "$HOST" 80
        fi
        EOF
      `,
      options: telnet,
      errors: [
        { messageId: "restrictedWithMessage", line: 2, column: 5, endColumn: 11, data: { command: "telnet", entry: "telnet", message: "Use ssh." } },
        { messageId: "restrictedWithMessage", line: 3, column: 5, endColumn: 20 },
        { messageId: "restrictedWithMessage", line: 4, column: 12 },
        { messageId: "restrictedWithMessage", line: 5, column: 6 },
        { messageId: "restrictedWithMessage", line: 6, column: 20 },
        { messageId: "restrictedWithMessage", line: 9, column: 3 },
      ],
    },
    {
      code: "FROM alpine:3.20\nRUN chmod 777 /tmp/app && find / -name x | xargs chmod -R 777\n",
      options: chmod777,
      errors: [
        { messageId: "restricted", line: 2, column: 5, data: { command: "chmod", entry: "chmod 777" } },
        { messageId: "restricted", line: 2, column: 50 },
      ],
    },
    {
      code: "FROM alpine:3.20\nRUN curl --insecure -fsSL https://x && env SSL=0 wget --no-check-certificate https://y\n",
      options: insecure,
      errors: [
        { messageId: "restrictedWithMessage", line: 2, column: 5, data: { command: "curl", entry: "curl --insecure", message: "Install the CA instead." } },
        { messageId: "restricted", line: 2, column: 50, data: { command: "wget", entry: "wget --no-check-certificate" } },
      ],
    },
    {
      // A wrapper is a command too, and name patterns cover families.
      code: "FROM alpine:3.20\nRUN sudo apk add x && ssh-keygen -A\n",
      options: [{ commands: [{ name: "sudo" }, { name: "ssh*" }] }],
      errors: [
        { messageId: "restricted", line: 2, column: 5, data: { command: "sudo", entry: "sudo" } },
        { messageId: "restricted", line: 2, column: 23, data: { command: "ssh-keygen", entry: "ssh*" } },
      ],
    },
    {
      // ONBUILD triggers run in every image built FROM this one.
      code: "FROM alpine:3.20\nONBUILD RUN telnet x\n",
      options: telnet,
      errors: [{ messageId: "restrictedWithMessage", line: 2, column: 13 }],
    },
  ],
});
