import rule from "../../rules/no-ignored-failure.js";
import { dedent } from "../support/dedent.js";
import { ruleTester } from "../support/rule-tester.js";

const SET_E = "addSetE" as const;

ruleTester("dockerfile").run("no-ignored-failure", rule, {
  valid: [
    // Joined with `&&`, or one command: the RUN has the status of the command that failed.
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
    "FROM debian:12\nRUN make\n",
    "FROM debian:12\nRUN cd /src && make\n",
    // errexit from `set -e` earlier in the script, `set -eux`, `set -o errexit`, `sh -ec`, the SHELL, or a `#!` line.
    "FROM debian:12\nRUN set -e; apt-get update; apt-get install -y curl\n",
    "FROM debian:12\nRUN set -eux; cd /src; make; for p in a b; do pip install $p; done\n",
    "FROM debian:12\nRUN set -o errexit; cd /src; make\n",
    "FROM debian:12\nRUN sh -ec 'cd /src; make'\n",
    "FROM debian:12\nRUN bash -e -o pipefail -c 'cd /src; make'\n",
    'FROM debian:12\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN cd /src; make\n',
    'FROM debian:12 AS base\nSHELL ["/bin/sh", "-ec"]\nFROM base\nRUN cd /src; make\n',
    'FROM debian:12\nSHELL ["/usr/bin/env", "bash", "-euo", "pipefail", "-c"]\nRUN cd /src; make\n',
    dedent`
      FROM debian:12
      RUN <<EOF
      #!/bin/sh -e
      apt-get update
      apt-get install -y curl
      EOF
    `,
    // Handled on purpose: `|| true`, `|| exit 1`, a test before `&&`, an `if` condition, `set +e`, `&`.
    "FROM debian:12\nRUN rm /etc/a || true; make\n",
    "FROM debian:12\nRUN cd /src || exit 1; make\n",
    "FROM debian:12\nRUN [ -f /etc/a ] && echo found; command -v apk && echo apk; make\n",
    "FROM debian:12\nRUN if grep -q x /etc/a; then echo y; fi; make\n",
    "FROM debian:12\nRUN set +e; rm /etc/a; make\n",
    "FROM debian:12\nRUN sleep 1 & make\n",
    // Commands that do not fail: printing, settings, declarations, an assignment without a substitution.
    "FROM debian:12\nRUN echo start; export A=1; B=2; set -x; true; make\n",
    "FROM debian:12\nRUN cat <<EOF > /etc/a.conf; make\nx=1\nEOF\n",
    'FROM debian:12\nRUN A=$([ "$B" = amd64 ] && echo x86_64 || echo "$B"); make\n',
    // `sh -c set -eux` runs `set` alone: it cannot fail (its mistake is another matter).
    "FROM debian:12\nRUN /bin/sh -c set -eux; make\n",
    // Function bodies may never run; command substitutions are the assignment's business.
    "FROM debian:12\nRUN f() { cd /x; make; }; make\n",
    // Under errexit, a failure before `&&` is a test on purpose.
    "FROM debian:12\nRUN set -e; apt-get update && apt-get install -y curl; make\n",
    // A pipe before the last element is require-pipefail's business.
    "FROM debian:12\nRUN make | tee /log\n",
    // Not a POSIX shell.
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN cd C:\\x; make\n',
    // The next statement reads the status through `$?`: the failure is checked on purpose, as with `||`;
    // also where the model keeps no words (`[[ ]]`, `(( ))`, `case`), in heredocs and `sh -c` strings.
    "FROM debian:12\nRUN make; if [ $? -ne 0 ]; then cat build.log; exit 1; fi\n",
    "FROM debian:12\nRUN make; rc=$?; cat build.log; exit $rc\n",
    'FROM debian:12\nRUN make; test "$?" = 0 || exit 1\n',
    'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN make; [[ $? == 0 ]] || exit 1\n',
    'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN make; (( $? == 0 )) || exit 1\n',
    "FROM debian:12\nRUN make; case $? in 0) ;; *) exit 1 ;; esac\n",
    'FROM debian:12\nRUN sh -c "make; [ \\$? -eq 0 ] || exit 1"\n',
    'FROM debian:12\nRUN ["/bin/sh", "-c", "make; [ $? -eq 0 ] || exit 1"]\n',
    dedent`
      FROM debian:12
      RUN <<EOF
      make
      if [ "\${?}" != 0 ]; then exit 1; fi
      EOF
    `,
    // A diagnostic before `exit 1`: the RUN fails anyway.
    "FROM debian:12\nRUN if ! make; then cat build.log; exit 1; fi\n",
  ],
  invalid: [
    // A negated statement fails when its command succeeds: the message names it with its `!`.
    {
      code: "FROM debian:12\nRUN ! dpkg -l | grep -q telnet; make\n",
      errors: [{ messageId: "ignored", data: { name: "! grep", more: "" }, line: 2, column: 17, suggestions: 1 }],
    },
    // `$?` read after another statement is that statement's status; a loop's status still masks its earlier iterations.
    {
      code: "FROM debian:12\nRUN make; echo built; [ $? -eq 0 ] || exit 1\n",
      errors: [{ messageId: "ignored", data: { name: "make", more: "" }, line: 2, column: 5, suggestions: 1 }],
    },
    {
      code: "FROM debian:12\nRUN for p in a b; do pip install $p; done; [ $? -eq 0 ] || exit 1\n",
      errors: [{ messageId: "loop", data: { name: "pip", more: "" }, line: 2, column: 22, suggestions: 1 }],
    },
    {
      code: "FROM debian:12\nRUN make; cat build.log; exit 0\n",
      errors: [{ messageId: "ignored", data: { name: "make", more: "" }, line: 2, column: 5, suggestions: 1 }],
    },
    {
      code: "FROM debian:12\nRUN apt-get update; apt-get install -y curl\n",
      errors: [
        {
          messageId: "ignored",
          data: { name: "apt-get", more: "" },
          line: 2,
          column: 5,
          suggestions: [{ messageId: SET_E, output: "FROM debian:12\nRUN set -e; apt-get update; apt-get install -y curl\n" }],
        },
      ],
    },
    {
      code: "FROM debian:12\nRUN cd /src; make\n",
      errors: [{ messageId: "cd", data: { name: "cd", more: "" }, line: 2, column: 5, suggestions: [{ messageId: SET_E, output: "FROM debian:12\nRUN set -e; cd /src; make\n" }] }],
    },
    {
      // The loop has the status of its last iteration.
      code: "FROM debian:12\nRUN for p in a b; do pip install $p; done\n",
      errors: [{ messageId: "loop", data: { name: "pip", more: "" }, line: 2, column: 22, suggestions: [{ messageId: SET_E, output: "FROM debian:12\nRUN set -e; for p in a b; do pip install $p; done\n" }] }],
    },
    {
      code: "FROM debian:12\nRUN while read -r p; do apt-get install -y $p; done < /pkgs && rm /pkgs\n",
      errors: [{ messageId: "loop", line: 2, column: 25, suggestions: 1 }],
    },
    {
      // A chain that ends in `;` forgets its status; the test before `&&` is on purpose, the `rm` is not.
      code: "FROM debian:12\nRUN [ -f /x ] && rm /x; make\n",
      errors: [{ messageId: "ignored", data: { name: "rm", more: "" }, line: 2, column: 18, suggestions: [{ messageId: SET_E, output: "FROM debian:12\nRUN set -e; [ -f /x ] && rm /x; make\n" }] }],
    },
    {
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y x; rm -rf /var/lib/apt/lists/*\n",
      errors: [{ messageId: "ignored", data: { name: "apt-get", more: " (and 1 more command of this RUN)" }, line: 2, column: 5, suggestions: 1 }],
    },
    {
      // Heredoc scripts run line after line.
      code: "FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n",
      errors: [{ messageId: "ignored", line: 3, column: 1, suggestions: [{ messageId: SET_E, output: "FROM debian:12\nRUN <<EOF\nset -e; apt-get update\napt-get install -y curl\nEOF\n" }] }],
    },
    {
      // The SHELL's options do not reach a heredoc run by its own `#!` interpreter.
      code: 'FROM debian:12\nSHELL ["/bin/bash", "-ec"]\nRUN <<EOF\n#!/bin/bash\ncd /src\nmake\nEOF\n',
      errors: [{ messageId: "cd", line: 5, column: 1, suggestions: 1 }],
    },
    {
      // The outer `set -e` does not reach the new shell of `sh -c`; no `set -e` suggestion for it.
      code: "FROM debian:12\nRUN set -e; sh -c 'cd /src; make'\n",
      errors: [{ messageId: "cd", line: 2, column: 20, suggestions: [] }],
    },
    {
      code: 'FROM debian:12\nRUN ["sh", "-c", "cd /src; make"]\n',
      errors: [{ messageId: "cd", line: 2, column: 19, suggestions: [] }],
    },
    {
      // errexit is ignored inside a compound command before `&&` (POSIX `set -e`): the inner `set -e` does nothing.
      code: "FROM debian:12\nRUN true && if [ -n \"$X\" ]; then set -e; curl -fsSLO https://example.com/a; tar xf a; fi && make\n",
      errors: [{ messageId: "ignored", data: { name: "curl", more: "" }, line: 2, column: 42, suggestions: 1 }],
    },
    {
      code: "FROM debian:12\nRUN (cd /src; make) && echo ok\n",
      errors: [{ messageId: "cd", line: 2, column: 6, suggestions: 1 }],
    },
    {
      code: "FROM debian:12\nRUN if [ -f x ]; then a; b; fi\n",
      errors: [{ messageId: "ignored", data: { name: "a", more: "" }, line: 2, column: 23, suggestions: 1 }],
    },
    {
      code: "FROM debian:12\nRUN VERSION=$(cat /VERSION); make\n",
      errors: [{ messageId: "ignored", data: { name: "VERSION=$(…)", more: "" }, line: 2, column: 5, suggestions: 1 }],
    },
    {
      // Without errexit a negated statement is one more status the script forgets.
      code: "FROM debian:12\nRUN ! grep -q x /etc/a; make\n",
      errors: [{ messageId: "ignored", data: { name: "! grep", more: "" }, line: 2, column: 7, suggestions: 1 }],
    },
  ],
});
