import rule from "../../rules/valid-onbuild.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("valid-onbuild", rule, {
  valid: [
    dedent`
      FROM node:20.11
      ONBUILD COPY package.json /app/
      ONBUILD RUN npm ci
    `,
    dedent`
      FROM node:20.11
      ONBUILD ADD . /app/src
      ONBUILD WORKDIR /app
      ONBUILD ENV A=1
    `,
    // A bare ONBUILD is no-unknown-instruction's finding, not this rule's.
    "FROM alpine:3.20\nONBUILD\n",
    // Words in a RUN are not triggers.
    "FROM alpine:3.20\nONBUILD RUN echo ONBUILD FROM MAINTAINER\n",
  ],
  invalid: [
    {
      code: "FROM alpine:3.20\nONBUILD ONBUILD RUN make\n",
      errors: [{ messageId: "chained", line: 2, column: 9, endLine: 2, endColumn: 16 }],
    },
    {
      code: "FROM alpine:3.20\nONBUILD FROM debian:12\n",
      errors: [{ messageId: "notTrigger", line: 2, column: 9, data: { trigger: "FROM", advice: " A child image chooses its own base with its own FROM." } }],
    },
    {
      code: "FROM alpine:3.20\nonbuild maintainer me@example.com\n",
      errors: [{ messageId: "notTrigger", line: 2, column: 9, endColumn: 19, data: { trigger: "MAINTAINER", advice: " Use LABEL org.opencontainers.image.authors in this image." } }],
    },
  ],
});
