/**
 * Passwords a RUN sets or passes as literals: `echo 'user:pw' | chpasswd`, `useradd -p <hash>`,
 * `openssl passwd <pw>`, `htpasswd -b file user pw`, `mysql -p<pw>`, `redis-cli -a <pw>`,
 * `curl -u user:<pw>`, `PGPASSWORD=<pw> psql`. A RUN's command line is stored in the image's history
 * (`docker history --no-trunc` shows it to everyone who pulls the image), and a password set with it is
 * the same in every container of the image.
 *
 * Sources (each tool's manual): chpasswd(8) (`user:password` lines on stdin, `-e` for encrypted ones);
 * passwd(1) `--stdin` (shadow-utils on Fedora/RHEL); useradd(8)/usermod(8) `-p, --password`
 * ("the encrypted password, as returned by crypt(3)"; `!`/`*` lock the account); openssl-passwd(1)
 * (`openssl passwd [options] [password]`, `-stdin`/`-in` read it instead); htpasswd(1) `-b` ("use the
 * password from the command line"); mysql(1) `-p<password>`/`--password=<password>` (a bare `-p`
 * prompts); redis-cli `-a <password>`; mongosh/mongo `-p <password>`; curl(1) `-u user:password`;
 * the clients' password environment variables (below).
 */
import type { Range, ShellCommand, ShellScript, ShellWord } from "../../shell/model.js";
import { unwrappedCommand } from "../../shell/unwrapped.js";
import { isNonSecretValue } from "./secrets.js";

export interface LiteralCredential {
  /** Source range of the literal (or of the command when the literal is a heredoc body). */
  range: Range;
  /** What it is, for messages: "a password given to chpasswd". */
  what: string;
}

/** A word the file writes out in full (no expansion), with a value that is not a placeholder. */
function literal(word: ShellWord | undefined): string | null {
  if (!word || word.value === null || word.hasExpansion) return null;
  return isNonSecretValue(word.value) ? null : word.value;
}

/** Whether `user:password` lines give some user a password that is not a placeholder (`root:changeme`). */
function hasUserPassword(text: string): boolean {
  return text.split("\n").some((line) => {
    const match = /^\s*[^:\s]+:([^\s:]+)/u.exec(line);
    return match !== null && !isNonSecretValue(match[1]!);
  });
}

/** The static text a command writes to stdout (echo/printf), or null. */
function printed(command: ShellCommand): { text: string; words: ShellWord[] } | null {
  const unwrapped = unwrappedCommand(command);
  if (unwrapped.baseName !== "echo" && unwrapped.baseName !== "printf") return null;
  const words = unwrapped.args.filter((word, index) => !(index === 0 && /^-[neE]+$/u.test(word.value ?? "")));
  if (words.some((word) => word.value === null)) return null;
  return { text: words.map((word) => word.value!).join(" ").replace(/\\n/gu, "\n"), words };
}

/** What reaches the command's stdin: the command piped into it, a here-string, or a heredoc. */
function stdinLiterals(script: ShellScript, command: ShellCommand): { text: string; range: Range }[] {
  const found: { text: string; range: Range }[] = [];
  if (command.pipedFrom && command.pipeline) {
    const before = script.commands.find((other) => other.pipeline === command.pipeline && other.pipelineIndex === command.pipelineIndex - 1);
    const text = before ? printed(before) : null;
    if (text && text.words.length > 0) found.push({ text: text.text, range: [text.words[0]!.range[0], text.words.at(-1)!.range[1]] });
  }
  for (const redirect of command.redirects) {
    if (redirect.op === "<<<" && redirect.target && literal(redirect.target) !== null) found.push({ text: redirect.target.value!, range: redirect.target.range });
    if (redirect.heredoc && !/\$/u.test(redirect.heredoc.raw)) found.push({ text: redirect.heredoc.raw, range: redirect.heredoc.range });
  }
  return found;
}

/** Operands of a command (words that are not options), skipping the values of the options listed. */
function operands(args: readonly ShellWord[], optionsWithValue: ReadonlySet<string>): ShellWord[] {
  const result: ShellWord[] = [];
  for (let index = 0; index < args.length; index++) {
    const value = args[index]!.value;
    if (value !== null && value.startsWith("-") && value !== "-") {
      if (optionsWithValue.has(value)) index++;
      continue;
    }
    result.push(args[index]!);
  }
  return result;
}

/**
 * Environment variables clients read a password from: libpq PGPASSWORD (PostgreSQL docs, "Environment
 * Variables"), MySQL MYSQL_PWD (mysql docs, "Environment Variables"), redis-cli REDISCLI_AUTH, sshpass
 * SSHPASS (`sshpass -e`).
 */
const CLIENT_PASSWORD_VARIABLES: ReadonlySet<string> = new Set(["PGPASSWORD", "MYSQL_PWD", "REDISCLI_AUTH", "SSHPASS"]);

const OPENSSL_PASSWD_VALUE_OPTIONS = new Set(["-salt", "-in", "-rand", "-writerand", "-provider", "-provider-path", "-propquery"]);
const MYSQL_CLIENTS = new Set(["mysql", "mysqladmin", "mysqldump", "mariadb", "mariadb-admin", "mariadb-dump", "mysqlimport", "mysqlshow", "mysqlcheck"]);

/** Every literal password in the script's commands, in command order. */
export function literalCredentials(script: ShellScript): LiteralCredential[] {
  const found: LiteralCredential[] = [];
  for (const command of script.commands) {
    for (const assignment of command.assignments) {
      // `PGPASSWORD=secret psql …`: a client's password variable given a literal for one command. Other
      // secret-named variables set for one command are build-time dummies (`SECRET_KEY=dummy… manage.py
      // collectstatic`), which frameworks require and nobody can misuse.
      if (command.name !== null && CLIENT_PASSWORD_VARIABLES.has(assignment.name) && literal(assignment.value ?? undefined) !== null) {
        found.push({ range: assignment.range, what: `a password given to ${unwrappedCommand(command).baseName ?? "a command"} in ${assignment.name}` });
      }
    }
    const unwrapped = unwrappedCommand(command);
    const name = unwrapped.baseName;
    const args = unwrapped.args;
    const values = args.map((word) => word.value);
    switch (name) {
      case "chpasswd": {
        const encrypted = values.some((value) => value === "-e" || value === "--encrypted");
        for (const input of stdinLiterals(script, command)) {
          if (hasUserPassword(input.text)) found.push({ range: input.range, what: encrypted ? "a password hash given to chpasswd" : "a password given to chpasswd" });
        }
        break;
      }
      case "passwd":
        if (values.includes("--stdin")) for (const input of stdinLiterals(script, command)) found.push({ range: input.range, what: "a password given to passwd --stdin" });
        break;
      case "useradd":
      case "usermod":
        for (let index = 0; index < args.length; index++) {
          const value = values[index];
          const password = value === "-p" || value === "--password" ? args[index + 1] : value?.startsWith("--password=") ? args[index] : undefined;
          if (!password) continue;
          const text = value?.startsWith("--password=") ? value.slice("--password=".length) : literal(password);
          // `!`, `*`, `!!` lock the account: no password at all.
          if (text && !/^[!*]+$/u.test(text) && !password.hasExpansion) found.push({ range: password.range, what: `a password hash given to ${name} -p` });
        }
        break;
      case "openssl":
        if (values[0] !== "passwd" || values.includes("-in")) break;
        if (values.includes("-stdin")) {
          // `useradd -p "$(echo docker | openssl passwd -1 -stdin)"`: the password is what is piped in.
          for (const input of stdinLiterals(script, command)) if (!isNonSecretValue(input.text)) found.push({ range: input.range, what: "a password given to openssl passwd" });
          break;
        }
        for (const word of operands(args.slice(1), OPENSSL_PASSWD_VALUE_OPTIONS)) if (literal(word) !== null) found.push({ range: word.range, what: "a password given to openssl passwd" });
        break;
      case "htpasswd": {
        const batch = values.some((value) => value !== null && /^-[a-zA-Z]+$/u.test(value) && value.includes("b"));
        if (!batch) break;
        const rest = operands(args, new Set(["-r"]));
        const password = rest.at(-1);
        // htpasswd -b passwordfile user password; -n prints instead of writing a file: user password.
        if (password && rest.length >= 2 && literal(password) !== null) found.push({ range: password.range, what: "a password given to htpasswd -b" });
        break;
      }
      case "redis-cli":
      case "mongo":
      case "mongosh": {
        const flags = name === "redis-cli" ? ["-a", "--pass"] : ["-p", "--password"];
        for (let index = 0; index < args.length; index++) {
          if (flags.includes(values[index] ?? "") && literal(args[index + 1]) !== null) found.push({ range: args[index + 1]!.range, what: `a password given to ${name}` });
        }
        break;
      }
      case "curl":
        for (let index = 0; index < args.length; index++) {
          const value = values[index];
          const credential = value === "-u" || value === "--user" ? args[index + 1] : undefined;
          const text = literal(credential);
          if (credential && text && /^[^:]*:.+/su.test(text)) found.push({ range: credential.range, what: "a password given to curl -u" });
        }
        break;
      default:
        if (name !== null && MYSQL_CLIENTS.has(name)) {
          for (const word of args) {
            const value = word.value;
            if (value === null || word.hasExpansion) continue;
            const password = value.startsWith("--password=") ? value.slice("--password=".length) : /^-p./u.test(value) ? value.slice(2) : null;
            if (password !== null && !isNonSecretValue(password)) found.push({ range: word.range, what: `a password given to ${name}` });
          }
        }
    }
  }
  return found;
}
