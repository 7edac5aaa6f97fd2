import rule from "../../rules/valid-run-script.js";
import { dedent } from "../support/dedent.js";
import { ruleTester } from "../support/rule-tester.js";

const script = (reason: string) => ({ messageId: "invalidScript" as const, data: { reason } });
const shellString = (shell: string, reason: string) => ({ messageId: "invalidShellString" as const, data: { shell, reason } });

ruleTester("dockerfile").run("valid-run-script", rule, {
  valid: [
    dedent`
      FROM alpine:3.20
      RUN true
    `,
    // Bash syntax is valid shell: whether the stage's /bin/sh accepts it is no-bashism's question.
    "FROM debian:12\nRUN [[ -f /etc/os-release ]] && echo {a,b} && a=(1 2) && echo ${a[@]} ${x//a/b} ${x:0:2}\n",
    "FROM debian:12\nRUN function f { echo; }; f; cat <<< x; echo a |& cat; diff <(ls a) <(ls b)\n",
    // bash accepts these (dash does not): not syntax errors to every shell.
    "FROM debian:12\nRUN x=(a) env\n",
    "FROM debian:12\nRUN ! ! true\n",
    // bash reads a `$((` that is not arithmetic as `$( (…) … )` (dash rejects it): not an error to every shell.
    "FROM debian:12\nRUN n=$((ls /etc) | wc -l) && echo $((echo a) )\n",
    // Judged by bash and dash only when expanded ("bad substitution" at run time), not syntax errors.
    "FROM debian:12\nRUN echo ${} ${x[}\n",
    "FROM debian:12\nRUN export 1x=2 || true\n",
    // A here-document left open inside a -c string runs to the end of the string (bash and dash warn).
    "FROM debian:12\nRUN sh -c 'cat <<X' && bash -c 'cat <<-END'\n",
    // The outer shell expands the string first: its value is unknown.
    'FROM debian:12\nRUN sh -c "$PREFIX; fi"\n',
    'FROM debian:12\nRUN bash -c "$(cat /tmp/script)"\n',
    // Other grammars: zsh's own syntax, PowerShell, a Python heredoc, exec form.
    "FROM debian:12\nRUN zsh -c 'for f (a b) echo $f'\n",
    dedent`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      SHELL ["powershell", "-Command"]
      RUN if ($env:X) { Write-Host "x" }
    `,
    dedent`
      FROM python:3.12-slim
      RUN <<EOF
      #!/usr/bin/env python3
      if True: print("(")
      EOF
    `,
    'FROM debian:12\nRUN ["/bin/sh", "-c", "if true"]\n',
    // Continuations, comments inside them and escapes are Docker's, not the shell's.
    dedent`
      FROM debian:12
      RUN set -eux; \\
          # a comment line inside the continuation
          if [ -f /etc/debian_version ]; then \\
            echo "debian \\"quoted\\""; \\
          fi
    `,
    dedent`
      FROM debian:12
      RUN <<EOF
      set -eu
      case "$(uname -m)" in
        x86_64) arch=amd64 ;;
        *) arch=other ;;
      esac
      EOF
    `,
    // A valid -c string inside a valid script.
    "FROM debian:12\nRUN su app -c 'cd /app && make' && runuser -u app -- sh -c 'echo ok'\n",
  ],
  invalid: [
    // An `if` the script never closes: reported at the `if`.
    { code: "FROM debian:12\nRUN if [ -f /x ]; then echo x\n", errors: [{ ...script("reached EOF without matching if with fi"), line: 2, column: 5 }] },
    // A doubled operator, a stray keyword, a misplaced `;;`.
    {
      code: "FROM debian:12\nRUN apt-get update && && apt-get install -y curl\n",
      errors: [{ ...script("&& must be followed by a statement"), line: 2, column: 21 }],
    },
    { code: "FROM debian:12\nRUN for f in a b; do echo $f; done; done\n", errors: [{ ...script('"done" can only be used to end a loop'), line: 2, column: 37 }] },
    { code: "FROM debian:12\nRUN echo hi;; echo there\n", errors: [{ ...script(";; can only be used in a case clause"), line: 2, column: 12 }] },
    // Unterminated quotes and substitutions: at the opening character.
    { code: 'FROM debian:12\nRUN echo "hello\n', errors: [{ ...script('reached EOF without closing quote "'), line: 2, column: 10 }] },
    { code: "FROM debian:12\nRUN echo it's done\n", errors: [{ ...script("reached EOF without closing quote '"), line: 2, column: 12 }] },
    { code: "FROM debian:12\nRUN echo $(ls /tmp\n", errors: [{ ...script("reached EOF without matching ( with )"), line: 2, column: 10 }] },
    { code: "FROM debian:12\nRUN echo ${HOME\n", errors: [{ ...script("reached EOF without matching ${ with }"), line: 2, column: 10 }] },
    // A case item without its `)`.
    {
      code: 'FROM debian:12\nRUN case "$x" in a) echo a;; b echo b;; esac\n',
      errors: [{ ...script("case patterns must be separated with |"), line: 2, column: 32 }],
    },
    // A function without its closing brace, across continuation lines: the offset maps back to its line.
    {
      code: dedent`
        FROM debian:12
        RUN set -e; \\
            cleanup() { \\
              rm -rf /tmp/build; \\
            cleanup
      `,
      errors: [{ ...script("reached EOF without matching { with }"), line: 3, column: 15 }],
    },
    // A heredoc RUN (with or without a shell shebang) is a shell script too.
    {
      code: dedent`
        FROM debian:12
        RUN <<EOF
        set -eux
        while read -r line; do
          echo "$line"
        EOF
      `,
      errors: [{ ...script("reached EOF without matching while with done"), line: 4, column: 1 }],
    },
    {
      code: dedent`
        FROM debian:12
        RUN <<EOF
        #!/bin/bash
        echo ) 
        EOF
      `,
      errors: [{ ...script("a command can only contain words and redirects; encountered )"), line: 4, column: 6 }],
    },
    // An ONBUILD trigger runs in a later build, and fails there.
    { code: "FROM debian:12\nONBUILD RUN if true; then echo x; fi; fi\n", errors: [{ ...script('"fi" can only be used to end an if'), line: 2, column: 39 }] },
    // The script of a -c string: sh, bash, busybox sh, su.
    { code: "FROM debian:12\nRUN sh -c 'if true; then echo x'\n", errors: [{ ...shellString("sh", "reached EOF without matching if with fi"), line: 2, column: 12 }] },
    { code: "FROM debian:12\nRUN bash -euxc 'echo a && && echo b'\n", errors: [{ ...shellString("bash", "&& must be followed by a statement"), line: 2, column: 25 }] },
    { code: "FROM alpine:3.20\nRUN busybox sh -c 'for x in a b; do echo $x'\n", errors: [{ ...shellString("sh", "reached EOF without matching for with done"), line: 2, column: 20 }] },
    { code: 'FROM debian:12\nRUN su app -c "cd /app && (make"\n', errors: [{ ...shellString("su", "reached EOF without matching ( with )"), line: 2, column: 27 }] },
    // Two RUNs, one finding each.
    {
      code: "FROM debian:12\nRUN echo 'a\nRUN echo b )\n",
      errors: [
        { ...script("reached EOF without closing quote '"), line: 2, column: 10 },
        { ...script("a command can only contain words and redirects; encountered )"), line: 3, column: 12 },
      ],
    },
  ],
});
