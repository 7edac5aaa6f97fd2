import rule from "../../rules/prefer-numeric-user.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("prefer-numeric-user", rule, {
  valid: [
    "FROM alpine:3.20\nUSER 10001\n",
    "FROM alpine:3.20\nUSER 10001:10001\n",
    "FROM alpine:3.20\nUSER 1000:app\n",
    // Resolved: an ARG holding a UID; an unknown variable is not judged.
    "FROM alpine:3.20\nARG UID=1001\nUSER ${UID}\n",
    "FROM alpine:3.20\nUSER $APP_USER\n",
    // Windows users have no UID.
    "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n",
    // Only the image's user counts: a builder stage's USER, or one a later USER replaces, never reaches it.
    "FROM golang:1.22 AS build\nUSER root\nRUN go build -o /app\nFROM debian:12-slim\nCOPY --from=build /app /app\nUSER 10001\n",
    "FROM alpine:3.20\nUSER app\nRUN make\nUSER 10001\n",
    "FROM node:20.11 AS dev\nUSER node\nFROM node:20.11-slim\nUSER 1000\n",
    // Root is no-root-user's finding (USER 0 would not pass runAsNonRoot either).
    "FROM debian:12\nUSER root\n",
    // A FROM scratch export stage runs nothing.
    "FROM scratch\nUSER app\nCOPY dist /\n",
  ],
  invalid: [
    {
      code: "FROM alpine:3.20\nRUN adduser -D app\nUSER app\n",
      errors: [{ messageId: "userName", line: 3, column: 6, endColumn: 9, data: { user: "app", example: "10001" } }],
    },
    {
      code: "FROM node:20.11\nUSER node:node\n",
      errors: [{ messageId: "userName", line: 2, column: 6, endColumn: 10, data: { user: "node", example: "10001:node" } }],
    },
    {
      code: "FROM alpine:3.20\nUSER root\nARG USERNAME=builder\nUSER $USERNAME\n",
      errors: [{ messageId: "userName", line: 4, column: 6, data: { user: "builder", example: "10001" } }],
    },
    {
      // Inherited from the stage the final one is built on.
      code: "FROM python:3.12-slim AS base\nUSER app\nFROM base\nCOPY . /srv\nCMD [\"python\", \"/srv/main.py\"]\n",
      errors: [{ messageId: "userName", line: 2, column: 6, data: { user: "app", example: "10001" } }],
    },
  ],
});
