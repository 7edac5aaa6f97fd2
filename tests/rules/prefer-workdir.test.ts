import rule from "../../rules/prefer-workdir.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("prefer-workdir", rule, {
  valid: [
    dedent`
      FROM node:20.11-slim
      WORKDIR /app
      RUN npm ci
    `,
    // The later commands of the same RUN use the directory.
    "FROM golang:1.22\nRUN cd /src && go build ./...\n",
    "FROM golang:1.22\nRUN cd /src; make; cd /; rm -rf /src\n",
    "FROM debian:12\nRUN if [ -d /x ]; then cd /x && make; fi\n",
    // `cd` as text, not as a command.
    "FROM debian:12\nRUN echo cd /app\n",
  ],
  invalid: [
    {
      code: dedent`
        FROM node:20.11-slim
        RUN cd /app
        RUN npm ci
      `,
      errors: [{ messageId: "lostCd", data: { dir: "/app" }, line: 2, column: 5, endLine: 2, endColumn: 12 }],
    },
    { code: "FROM node:20.11-slim\nRUN mkdir -p /app && cd /app\n", errors: [{ messageId: "lostCd", line: 2, column: 22 }] },
    { code: dedent`
      FROM debian:12
      RUN make -C src install \\
       && cd ../..
    `, errors: [{ messageId: "lostCd", data: { dir: "../.." }, line: 3, column: 5 }] },
    { code: "FROM debian:12\nRUN cd\n", errors: [{ messageId: "lostCd", data: { dir: "~" }, line: 2, column: 5 }] },
    {
      code: "FROM golang:1.22\nRUN cd /src && go build ./...\n",
      options: [{ everyCd: true }],
      errors: [{ messageId: "cd", data: { dir: "/src" }, line: 2, column: 5 }],
    },
    { code: dedent`
      FROM debian:12
      RUN <<EOF
      make
      cd /opt
      EOF
    `, errors: [{ messageId: "lostCd", line: 4, column: 1 }] },
  ],
});
