import rule from "../../rules/no-insecure-build-flag.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("no-insecure-build-flag", rule, {
  valid: [
    "FROM alpine:3.20\nRUN --network=none --security=sandbox make\n",
    "FROM alpine:3.20\nRUN --network=default apk add --no-cache curl\n",
    // Secret and ssh mounts at their defaults, owner-only, or shared with a group.
    "FROM node:22\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n",
    "FROM node:22\nRUN --mount=type=secret,id=npmrc,uid=1000,mode=0400 npm ci\n",
    "FROM alpine:3.20\nRUN --mount=type=ssh,mode=0660,gid=1000 git clone git@github.com:org/repo.git\n",
    // Other mounts' modes are not about secrets.
    "FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk,mode=0777 apk add curl\n",
    // Only known at build time.
    "FROM alpine:3.20\nARG NET\nRUN --network=$NET make\n",
  ],
  invalid: [
    {
      // SonarQube S6502's example.
      code: "FROM alpine:3.20\nRUN --security=insecure ./configure-loop-device.sh\n",
      errors: [{ messageId: "insecureSecurity", line: 2, column: 5, endColumn: 24 }],
    },
    {
      code: "FROM python:3.13\nRUN --network=host pip install -r requirements.txt\n",
      errors: [{ messageId: "hostNetwork", line: 2, column: 5 }],
    },
    {
      // SonarQube S6469's example, and an ssh mount readable by all.
      code: "FROM alpine:3.20\nRUN --mount=type=secret,id=build_secret,mode=0777 ./installer.sh\nRUN --mount=type=ssh,mode=644 git clone git@github.com:org/repo.git\n",
      errors: [
        { messageId: "openMountMode", line: 2, column: 41, endColumn: 50, data: { kind: "secret", mode: "0777", what: "secret", default: "0400" } },
        { messageId: "openMountMode", line: 3, data: { kind: "ssh", mode: "644", what: "SSH agent socket (and sign with its keys)", default: "0600" } },
      ],
    },
  ],
});
