import { describe, expect, it } from "vitest";
import rule from "../../rules/no-chmod-777.js";
import { classifyMode } from "../../lib/semantics/files/file-mode.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("no-chmod-777", rule, {
  valid: [
    "FROM alpine:3.20\nRUN chmod 755 /app && chmod -R 644 /app/static\n",
    "FROM alpine:3.20\nRUN chmod +x /entrypoint.sh && chmod u+rwx,go-w /app\n",
    // The sticky bit makes a shared scratch directory safe (each user can only remove their own files).
    "FROM alpine:3.20\nRUN mkdir -p /scratch && chmod 1777 /scratch\n",
    "FROM alpine:3.20\nRUN chmod a+rwxt /shared\n",
    // Removing permissions, a variable mode, --reference: nothing to judge.
    "FROM alpine:3.20\nRUN chmod o-w /app && chmod \"$MODE\" /x && chmod --reference=/a /b\n",
    dedent`
      FROM alpine:3.20
      COPY --chmod=755 run.sh /run.sh
      ADD --chmod=0644 a.conf /etc/a.conf
    `,
    "FROM alpine:3.20\nRUN mkdir -m 750 /data && install -m 0755 tool /usr/local/bin/\n",
    // A scratch directory removed before the layer is committed (nginx's official image does this).
    'FROM debian:12\nRUN tempDir="$(mktemp -d)" && chmod 777 "$tempDir" && su nobody -s /bin/sh -c "make -C $tempDir" && rm -rf "$tempDir"\n',
    'FROM debian:12\nRUN d="$(mktemp -d)"; chmod 777 "$d"; if [ -n "$d" ]; then rm -rf "$d"; fi\n',
    // A FIFO the same RUN made (mkfifo, mknod … p): writing to it replaces nothing (nullmailer's trigger).
    dedent`
      FROM debian:12-slim
      RUN rm -f /var/spool/nullmailer/trigger \\
       && mkfifo /var/spool/nullmailer/trigger \\
       && chown mail:root /var/spool/nullmailer/trigger \\
       && chmod 0622 /var/spool/nullmailer/trigger
    `,
    "FROM alpine:3.20\nRUN mkfifo -m 600 /run/a.pipe /run/b.pipe && chmod 666 /run/a.pipe /run/b.pipe\n",
    "FROM alpine:3.20\nRUN mknod /run/log.pipe p; chmod a+w /run/log.pipe\n",
    'FROM alpine:3.20\nRUN p="$(mktemp -u)" && mkfifo -- "$p" && sudo chmod o+w "$p"\n',
    // Text that is not a chmod command.
    "FROM alpine:3.20\nRUN echo chmod 777 /x\n",
    // A non-POSIX shell's script is not read.
    dedent`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      SHELL ["powershell", "-Command"]
      RUN chmod 777 C:/x
    `,
  ],
  invalid: [
    {
      // Only part of what was opened up is removed, or it is removed before: still reported.
      code: dedent`
        FROM debian:12
        RUN chmod 777 /a /b && rm -rf /a
        RUN rm -rf /c; mkdir /c; chmod 777 /c
      `,
      errors: [
        { messageId: "worldWritable", line: 2, column: 11 },
        { messageId: "worldWritable", line: 3, column: 32 },
      ],
    },
    {
      // Not only FIFOs; a FIFO removed again (then a regular file); a device node; a FIFO made after the chmod.
      code: dedent`
        FROM alpine:3.20
        RUN mkfifo /run/p && chmod 666 /run/p /run/log
        RUN mkfifo /run/q && rm /run/q && touch /run/q && chmod 666 /run/q
        RUN mknod /dev/sdz b 8 0 && chmod 666 /dev/sdz
        RUN chmod 666 /run/r && mkfifo /run/r
      `,
      errors: [
        { messageId: "worldWritable", line: 2, column: 28 },
        { messageId: "worldWritable", line: 3, column: 57 },
        { messageId: "worldWritable", line: 4, column: 35 },
        { messageId: "worldWritable", line: 5, column: 11 },
      ],
    },
    {
      code: "FROM alpine:3.20\nRUN chmod 777 /app\n",
      errors: [{ messageId: "worldWritable", line: 2, column: 11, endColumn: 14, data: { mode: "777", where: "chmod" } }],
    },
    {
      // Options before the mode, a wrapper, continuation lines, a 0-prefixed mode, and 666 (others write, no execute).
      code: dedent`
        FROM alpine:3.20
        RUN set -eux; \\
            sudo chmod -R 0777 /var/www && \\
            chmod -v 666 /tmp/log
      `,
      errors: [
        { messageId: "worldWritable", line: 3, column: 19, endColumn: 23, data: { mode: "0777", where: "chmod" } },
        { messageId: "worldWritable", line: 4, column: 14, data: { mode: "666", where: "chmod" } },
      ],
    },
    {
      // Symbolic modes that give others write.
      code: "FROM alpine:3.20\nRUN chmod a+rwx /a && chmod o+w /b && chmod ugo=rwx /c && chmod u+x,o+w /d\n",
      errors: [
        { messageId: "worldWritable", line: 2, column: 11 },
        { messageId: "worldWritable", line: 2, column: 29 },
        { messageId: "worldWritable", line: 2, column: 45 },
        { messageId: "worldWritable", line: 2, column: 65 },
      ],
    },
    {
      code: dedent`
        FROM alpine:3.20
        COPY --chmod=777 app /app
        ADD --chown=1000 --chmod=a+w x /x
      `,
      errors: [
        { messageId: "worldWritable", line: 2, column: 14, endColumn: 17, data: { mode: "777", where: "COPY --chmod" } },
        { messageId: "worldWritable", line: 3, column: 26, data: { mode: "a+w", where: "ADD --chmod" } },
      ],
    },
    {
      code: "FROM alpine:3.20\nRUN mkdir -p -m 777 /data && install -m0777 t /t && mkdir --mode=777 /x && sh -c 'chmod 777 /y'\n",
      errors: [
        { messageId: "worldWritable", line: 2, column: 17, data: { mode: "777", where: "mkdir -m" } },
        { messageId: "worldWritable", line: 2, column: 38, data: { mode: "0777", where: "install -m" } },
        { messageId: "worldWritable", line: 2, column: 59, data: { mode: "777", where: "mkdir -m" } },
        { messageId: "worldWritable", line: 2, column: 89, data: { mode: "777", where: "chmod" } },
      ],
    },
  ],
});

describe("classifyMode", () => {
  it.each([
    ["777", "world-writable"],
    ["0002", "world-writable"],
    ["775", "safe"],
    ["1777", "safe"],
    ["o+w", "world-writable"],
    ["+w", "safe"],
    ["a=rwx,+t", "safe"],
    ["g+w", "safe"],
    ["8", "unknown"],
    ["u+q", "unknown"],
  ] as const)("%s is %s", (mode, verdict) => {
    expect(classifyMode(mode)).toBe(verdict);
  });
});
