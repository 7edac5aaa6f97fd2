import rule from "../../rules/no-exposed-admin-port.js";
import { ruleTester } from "../support/rule-tester.js";

const app = (body: string): string => `FROM python:3.13-slim\nWORKDIR /app\n${body}CMD ["python", "app.py"]\n`;

ruleTester("dockerfile").run("no-exposed-admin-port", rule, {
  valid: [
    app("EXPOSE 8000\n"),
    // An image built to serve SSH: its own process is sshd, or SSH is all it exposes.
    'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends openssh-server\nEXPOSE 22\nCMD ["/usr/sbin/sshd", "-D"]\n',
    "FROM webdevops/base-app:latest\nRUN docker-service enable ssh\nEXPOSE 22\n",
    // Docker-in-Docker: the daemon is the image's process; 2375 and 2376 are one service.
    'FROM docker:29-cli\nEXPOSE 2375 2376\nENTRYPOINT ["dockerd-entrypoint.sh"]\nCMD []\n',
    // A builder stage's EXPOSE does not reach the shipped image.
    'FROM debian:12 AS build\nEXPOSE 22\nRUN make\nFROM python:3.13-slim\nCOPY --from=build /out /app\nEXPOSE 8000\nCMD ["python", "/app/app.py"]\n',
    // Not an admin port, a UDP port of a TCP-only service, a range reaching past one, and an unset variable.
    app("EXPOSE 2222 8000\n"),
    app("EXPOSE 22/udp 8000\n"),
    app("EXPOSE 5800-5999 8000\n"),
    app("ARG PORT\nEXPOSE $PORT 8000\n"),
    // A toolbox image (no process of its own) ships nothing that runs.
    "FROM ubuntu:24.04\nEXPOSE 22 8000\n",
  ],
  invalid: [
    {
      code: app("RUN apt-get update && apt-get install -y openssh-server supervisor\nEXPOSE 22 8000\n"),
      errors: [{ messageId: "exposed", line: 4, column: 8, endColumn: 10, data: { port: "22", service: "SSH", risk: "a login shell inside the container" } }],
    },
    {
      // Inherited from the stage it is built on, through an ARG, with a protocol, and a VNC display range.
      code: 'FROM node:22 AS base\nEXPOSE 3389/tcp\nFROM base\nARG VNC=5901\nEXPOSE ${VNC} 5900-5903 3000\nCMD ["node", "server.js"]\n',
      errors: [
        { messageId: "exposed", line: 2, data: { port: "3389/tcp", service: "RDP", risk: "a remote desktop session" } },
        { messageId: "exposed", line: 5, column: 8, data: { port: "5901", service: "VNC", risk: "a remote desktop session, usually behind a password alone" } },
        { messageId: "exposed", line: 5, column: 15, data: { port: "5900-5903", service: "VNC", risk: "a remote desktop session, usually behind a password alone" } },
      ],
    },
    {
      // The main process is known and is not the server.
      code: app("EXPOSE 23\n"),
      errors: [{ messageId: "exposed", data: { port: "23", service: "Telnet", risk: "a login shell over an unencrypted connection" } }],
    },
    {
      code: 'FROM docker:29-cli\nEXPOSE 2375 8080\nCMD ["my-ci-agent"]\n',
      errors: [{ messageId: "exposed", data: { port: "2375", service: "Docker API", risk: "the unauthenticated Docker API, root on the host" } }],
    },
  ],
});

ruleTester("compose").run("no-exposed-admin-port", rule, {
  valid: [
    "services:\n  dind:\n    image: docker:29-dind\n    ports: ['127.0.0.1:2375:2375']\n",
    // SSH and RDP are authenticated and encrypted, often the service's purpose (a Git server).
    "services:\n  gitea:\n    image: gitea/gitea:1.22\n    ports: ['2222:22', '3000:3000']\n",
    "services:\n  app:\n    image: nginx:1.27\n    ports: ['8080:80']\n",
    // Exposed to other services only.
    "services:\n  vnc:\n    image: selenium/standalone-chrome:4.25\n    expose: ['5900']\n",
  ],
  invalid: [
    {
      code: "services:\n  dind:\n    image: docker:29-dind\n    ports:\n      - '2375:2375'\n",
      errors: [{ messageId: "published", line: 5, data: { service: "dind", adminService: "Docker API", port: "2375", risk: "the unauthenticated Docker API, root on the host" } }],
    },
    {
      code: "services:\n  chrome:\n    image: selenium/standalone-chrome:4.25\n    ports:\n      - target: 5900\n        published: 5900\n      - '0.0.0.0:7900:23'\n",
      errors: [
        { messageId: "published", line: 5, data: { service: "chrome", adminService: "VNC", port: "5900", risk: "a remote desktop session, usually behind a password alone" } },
        { messageId: "published", line: 7, data: { service: "chrome", adminService: "Telnet", port: "23", risk: "a login shell over an unencrypted connection" } },
      ],
    },
  ],
});
