import rule from "../../rules/prefer-copy-chown.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("prefer-copy-chown", rule, {
  valid: [
    "FROM node:22\nWORKDIR /app\nCOPY --chown=node:node . .\n",
    "FROM alpine:3.20\nCOPY --chmod=755 entrypoint.sh /usr/local/bin/\n",
    // A folder the COPY did not write (only a file into it).
    "FROM alpine:3.20\nCOPY entrypoint.sh /usr/local/bin/\nRUN chmod -R 755 /usr/local/bin\n",
    // Non-recursive on a folder: only the folder's own entry changes.
    "FROM alpine:3.20\nCOPY app /srv/app\nRUN chown app /srv/app\n",
    // Another stage's COPY is not in this stage's layers.
    "FROM alpine:3.20 AS a\nCOPY app.sh /app.sh\nFROM alpine:3.20\nRUN chmod +x /app.sh\n",
    // A path the RUN itself made, or a COPY after the RUN.
    "FROM alpine:3.20\nRUN mkdir /data && chown -R 1000 /data\nCOPY data /data\n",
    // Removed again in the same RUN: the layer holds a deletion.
    "FROM debian:12\nCOPY install.sh /tmp/\nRUN chmod +x /tmp/install.sh && /tmp/install.sh && rm -f /tmp/install.sh\n",
    // Conditional (--from), globbed or unknown paths, an unknown WORKDIR.
    "FROM alpine:3.20\nCOPY app /app\nRUN chown -R --from=root app /app\n",
    "FROM alpine:3.20\nCOPY bin/ /usr/local/bin/\nRUN chmod +x /usr/local/bin/*\n",
    "FROM alpine:3.20\nCOPY app /app\nRUN chown -R app \"$APP_DIR\"\n",
    "FROM alpine:3.20\nWORKDIR $DIR\nCOPY . .\nRUN chown -R app .\n",
    // The root folder holds the whole image, not what the COPY wrote.
    "FROM alpine:3.20\nCOPY . /\nRUN chown -R app /\n",
  ],
  invalid: [
    {
      code: "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN chown -R node:node /app\n",
      errors: [{
        messageId: "storedTwice", line: 4, column: 24, endColumn: 28,
        data: { tool: "chown", path: "/app", keyword: "COPY", line: "3", what: "owner" },
        suggestions: [{ messageId: "moveOntoCopy", data: { tool: "chown", setting: "node:node", keyword: "COPY", line: "3" }, output: "FROM node:22\nWORKDIR /app\nCOPY --chown=node:node . .\n" }],
      }],
    },
    {
      // Relative to the WORKDIR, and a chmod with an octal mode.
      code: "FROM alpine:3.20\nWORKDIR /srv\nCOPY site/ ./site/\nRUN chmod -R 0755 site\nCMD [\"httpd\"]\n",
      errors: [{
        messageId: "storedTwice", line: 4, column: 19,
        suggestions: [{ messageId: "moveOntoCopy", output: "FROM alpine:3.20\nWORKDIR /srv\nCOPY --chmod=0755 site/ ./site/\nCMD [\"httpd\"]\n" }],
      }],
    },
    {
      // A file copied into a folder, made executable (non-recursive): rewritten whole. No exact match: no suggestion.
      code: "FROM alpine:3.20\nCOPY docker-entrypoint.sh /usr/local/bin/\nRUN chmod +x /usr/local/bin/docker-entrypoint.sh\n",
      errors: [{ messageId: "storedTwice", line: 3, column: 14, suggestions: [] }],
    },
    {
      // A symbolic mode cannot move onto --chmod unchanged.
      code: "FROM alpine:3.20\nCOPY start.sh /start.sh\nRUN chmod +x /start.sh\n",
      errors: [{ messageId: "storedTwice", line: 3, column: 14, suggestions: [] }],
    },
    {
      code: "FROM alpine:3.20\nCOPY start.sh /start.sh\nRUN chmod 755 /start.sh\n",
      errors: [{ messageId: "storedTwice", line: 3, column: 15, suggestions: [{ messageId: "moveOntoCopy", output: "FROM alpine:3.20\nCOPY --chmod=755 start.sh /start.sh\n" }] }],
    },
    {
      // The RUN does more: reported, no suggestion (and the RUN in between may have written there).
      code: "FROM python:3.12\nCOPY --from=build /venv /opt/venv\nRUN pip install x\nRUN useradd app && chown -R app /opt/venv\n",
      errors: [{ messageId: "storedTwice", line: 4, column: 33, data: { tool: "chown", path: "/opt/venv", keyword: "COPY", line: "2", what: "owner" }, suggestions: [] }],
    },
    {
      code: "FROM debian:12\nADD https://example.com/tool.tar.gz /opt/tool\nRUN sudo chown -R 1000:1000 /opt/tool\n",
      errors: [{ messageId: "storedTwice", line: 3, column: 29, data: { tool: "chown", path: "/opt/tool", keyword: "ADD", line: "2", what: "owner" },
        suggestions: [{ messageId: "moveOntoCopy", output: "FROM debian:12\nADD --chown=1000:1000 https://example.com/tool.tar.gz /opt/tool\n" }] }],
    },
  ],
});
