import rule from "../../rules/prefer-workdir.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("prefer-workdir", rule, {
  valid: [
    "FROM node:20.11-slim\nWORKDIR /app\nRUN npm ci\n",
    // The later commands of the same RUN use the directory.
    "FROM golang:1.22\nRUN cd /src && go build ./...\n",
    "FROM golang:1.22\nRUN cd /src; make; cd /; rm -rf /src\n",
    "FROM debian:12\nRUN if [ -d /x ]; then cd /x && make; fi\n",
    // `cd` as text, not as a command.
    "FROM debian:12\nRUN echo cd /app\n",
  ],
  invalid: [
    {
      code: "FROM node:20.11-slim\nRUN cd /app\nRUN npm ci\n",
      errors: [{ messageId: "lostCd", data: { dir: "/app" }, line: 2, column: 5, endLine: 2, endColumn: 12 }],
    },
    { code: "FROM node:20.11-slim\nRUN mkdir -p /app && cd /app\n", errors: [{ messageId: "lostCd", line: 2, column: 22 }] },
    { code: "FROM debian:12\nRUN make -C src install \\\n && cd ../..\n", errors: [{ messageId: "lostCd", data: { dir: "../.." }, line: 3, column: 5 }] },
    { code: "FROM debian:12\nRUN cd\n", errors: [{ messageId: "lostCd", data: { dir: "~" }, line: 2, column: 5 }] },
    {
      code: "FROM golang:1.22\nRUN cd /src && go build ./...\n",
      options: [{ everyCd: true }],
      errors: [{ messageId: "cd", data: { dir: "/src" }, line: 2, column: 5 }],
    },
    { code: "FROM debian:12\nRUN <<EOF\nmake\ncd /opt\nEOF\n", errors: [{ messageId: "lostCd", line: 4, column: 1 }] },
  ],
});
