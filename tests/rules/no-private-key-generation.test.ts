import rule from "../../rules/no-private-key-generation.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("no-private-key-generation", rule, {
  valid: [
    // Other modes of the tools: fingerprints, public keys, DH parameters, a CSR for an existing key.
    'FROM debian:12\nRUN ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub && ssh-keygen -y -f /run/secrets/key > /tmp/key.pub\nCMD ["sshd"]\n',
    'FROM nginx:1.27\nRUN openssl dhparam -out /etc/nginx/dhparam.pem 2048 && openssl req -new -key /run/secrets/tls.key -out /tmp/req.csr\n',
    // Generated and deleted in the same RUN: never in a layer.
    'FROM debian:12\nRUN ssh-keygen -A && ssh-keygen -lf /etc/ssh/ssh_host_rsa_key.pub && rm -f /etc/ssh/ssh_host_*\nCMD ["/usr/sbin/sshd", "-D"]\n',
    // A builder's key that is not copied into the image; a builder whose copied path does not hold it.
    'FROM alpine:3.20 AS sign\nRUN openssl genrsa -out /keys/signing.key 4096 && openssl dgst -sign /keys/signing.key -out /out/app.sig /src/app\nFROM alpine:3.20\nCOPY --from=sign /out/app.sig /app.sig\n',
    // BuildKit's create-certs example: an export for `docker build --output`, not an image.
    "FROM alpine:edge AS gen\nWORKDIR /certs\nRUN mkcert -cert-file daemon/cert.pem -key-file daemon/key.pem localhost\nFROM scratch\nCOPY --from=gen /certs /\n",
    // A stage the default build does not run.
    'FROM debian:12 AS dev\nRUN ssh-keygen -A\nFROM debian:12\nCMD ["true"]\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y openssh-server && ssh-keygen -A\nCMD ["/usr/sbin/sshd", "-D"]\n',
      errors: [{ messageId: "generatedInImage", line: 2, column: 60, endColumn: 73, data: { tool: "ssh-keygen -A" } }],
    },
    {
      // A CA and a server key made at build time in a public image (the real-file example), in a stage the image is built FROM.
      code: 'FROM nginx:1.27 AS base\nRUN openssl req -x509 -nodes -days 365 -newkey rsa:2048 -keyout /etc/ssl/private/server.key -out /etc/ssl/certs/server.crt -subj /CN=localhost\nFROM base\nRUN openssl genrsa -out /etc/ssl/private/ca.key 4096\nRUN ssh-keygen -t ed25519 -N "" -f /root/.ssh/id_ed25519\n',
      errors: [
        { messageId: "generatedInImage", line: 2, data: { tool: "openssl req" } },
        { messageId: "generatedInImage", line: 4, data: { tool: "openssl genrsa" } },
        { messageId: "generatedInImage", line: 5, data: { tool: "ssh-keygen" } },
      ],
    },
    {
      // Made in a builder, then copied in (relative to its WORKDIR; the copy names a folder above it).
      code: 'FROM alpine:3.20 AS certs\nWORKDIR /certs\nRUN mkcert -cert-file tls.crt -key-file tls.key app.internal\nFROM nginx:1.27\nCOPY --from=certs /certs /etc/nginx/certs\n',
      errors: [{ messageId: "copiedIntoImage", line: 3, data: { tool: "mkcert", stage: "certs", line: "5" } }],
    },
  ],
});
