import rule from "../../rules/no-hardcoded-secret.js";
import { ruleTester } from "../support/rule-tester.js";

// Passwords set or passed as literals inside RUN (Checkov CKV2_DOCKER_17 and the credential forms around it).
ruleTester("dockerfile").run("no-hardcoded-secret (RUN credentials)", rule, {
  valid: [
    // From a build secret, a variable, or a prompt; locked accounts.
    'FROM debian:12\nRUN --mount=type=secret,id=pw echo "app:$(cat /run/secrets/pw)" | chpasswd\n',
    'FROM debian:12\nARG PASSWORD\nRUN echo "app:${PASSWORD}" | chpasswd && useradd -p "$HASH" bob\n',
    "FROM debian:12\nRUN useradd -m -p '!' app && usermod -p '*' root\n",
    "FROM debian:12\nRUN chpasswd < /run/secrets/users && openssl passwd -6 -stdin < /run/secrets/pw\n",
    "FROM mysql:8.4\nRUN mysql -uroot -p -e 'select 1' && mysqladmin --port=3306 -P 3306 ping\n",
    "FROM httpd:2.4\nRUN htpasswd -c /etc/httpd.htpasswd admin\n",
    "FROM debian:12\nRUN curl -u \"$USER:$TOKEN\" https://example.com/ && curl -u anonymous: https://example.com/\n",
    // A placeholder is not a password.
    "FROM debian:12\nRUN echo 'root:changeme' | chpasswd\n",
  ],
  invalid: [
    {
      // The issue's own real-file example.
      code: "FROM ubuntu:24.04\nRUN useradd -m test && echo test:test | chpasswd && adduser test sudo\n",
      errors: [{ messageId: "literalCredential", line: 2, column: 29, endColumn: 38, data: { what: "a password given to chpasswd" } }],
    },
    {
      code: "FROM debian:12\nRUN echo 'root:$6$abc$def' | chpasswd -e\nRUN useradd -p docker -m dev\nRUN usermod --password=$(openssl passwd -1 hunter2) app\n",
      errors: [
        { messageId: "literalCredential", line: 2, data: { what: "a password hash given to chpasswd" } },
        { messageId: "literalCredential", line: 3, column: 16, endColumn: 22, data: { what: "a password hash given to useradd -p" } },
        { messageId: "literalCredential", line: 4, data: { what: "a password given to openssl passwd" } },
      ],
    },
    {
      // docker-mailserver's test user: the password piped into openssl passwd inside useradd -p.
      code: 'FROM debian:12\nRUN useradd -u 5000 -d /home/docker -s /bin/bash -p "$(echo docker | openssl passwd -1 -stdin)" docker\n',
      errors: [{ messageId: "literalCredential", line: 2, column: 61, endColumn: 67, data: { what: "a password given to openssl passwd" } }],
    },
    {
      // Here-string and heredoc into chpasswd; passwd --stdin.
      code: "FROM fedora:41\nRUN chpasswd <<< 'admin:s3cret'\nRUN chpasswd <<EOF\nalice:wonderland\nEOF\nRUN echo hunter2 | passwd --stdin root\n",
      errors: [
        { messageId: "literalCredential", line: 2, data: { what: "a password given to chpasswd" } },
        { messageId: "literalCredential", line: 4, data: { what: "a password given to chpasswd" } },
        { messageId: "literalCredential", line: 6, data: { what: "a password given to passwd --stdin" } },
      ],
    },
    {
      // Clients given a password on the command line, and a secret-named variable for one command.
      code: "FROM debian:12\nRUN mysql -uroot -proot -e 'create database app' && mysqladmin --password=s3cret ping && redis-cli -a foobared ping && htpasswd -bc /etc/nginx/.htpasswd admin admin123 && curl -u admin:admin123 https://repo.example.com/x && PGPASSWORD=postgres psql -h db -U postgres -c 'select 1'\n",
      errors: [
        { messageId: "literalCredential", data: { what: "a password given to mysql" } },
        { messageId: "literalCredential", data: { what: "a password given to mysqladmin" } },
        { messageId: "literalCredential", data: { what: "a password given to redis-cli" } },
        { messageId: "literalCredential", data: { what: "a password given to htpasswd -b" } },
        { messageId: "literalCredential", data: { what: "a password given to curl -u" } },
        { messageId: "literalCredential", data: { what: "a password given to psql in PGPASSWORD" } },
      ],
    },
  ],
});
