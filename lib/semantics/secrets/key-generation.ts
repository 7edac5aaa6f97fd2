/**
 * Commands that generate a private key, and where the key lands: what `no-private-key-generation`
 * judges. A key made during `docker build` is in a layer of the image; everyone who pulls the image
 * holds it, and every container of the image shares it.
 *
 * Sources (each tool's manual): ssh-keygen(1) (without a mode option it generates a key pair, `-f` names
 * the file, default `~/.ssh/id_<type>`; `-A` generates every missing host key under `/etc/ssh`;
 * `-l -y -R -F -H -e -i -k -Q -c -p -L -s -Y -D -M -r -B -G -T` are other modes); openssl-genrsa(1),
 * openssl-genpkey(1), openssl-gendsa(1) (`-out`, default stdout), openssl-ecparam(1) `-genkey`,
 * openssl-req(1) (`-newkey`, or `-x509` without `-key`, writes `-keyout`, default `privkey.pem`);
 * certbot(1) (`certonly`/`run`… keep keys under `/etc/letsencrypt`); mkcert (writes `<name>-key.pem` in
 * the working folder or `-key-file`). `openssl dhparam` makes public parameters, not a key.
 */
import type { ShellCommand, ShellWord } from "../../shell/model.js";
import { unwrappedCommand } from "../../shell/unwrapped.js";

export interface KeyGeneration {
  command: ShellCommand;
  /** The generating tool, for messages (`ssh-keygen -A`, `openssl genrsa`). */
  tool: string;
  /**
   * Where the private key is written, as written in the RUN (absolute, or relative to the working
   * folder); a glob for several files (`/etc/ssh/ssh_host_*_key`); null when unknown (stdout, a variable).
   */
  path: string | null;
}

/** ssh-keygen options that select a mode other than generating a key. */
const SSH_KEYGEN_OTHER_MODES = new Set(["-l", "-y", "-R", "-F", "-H", "-e", "-i", "-k", "-Q", "-c", "-p", "-L", "-s", "-Y", "-D", "-M", "-r", "-B", "-G", "-T", "-u"]);
/** ssh-keygen options that take a value. */
const SSH_KEYGEN_VALUE_OPTIONS = new Set(["-a", "-b", "-C", "-D", "-E", "-f", "-g", "-I", "-J", "-j", "-K", "-m", "-N", "-n", "-O", "-P", "-r", "-s", "-t", "-V", "-w", "-z", "-Z"]);

function optionValue(args: readonly ShellWord[], names: readonly string[]): string | null | undefined {
  for (let index = 0; index < args.length; index++) {
    const value = args[index]!.value;
    if (value === null) continue;
    if (names.includes(value)) return args[index + 1]?.value ?? null;
    const prefix = names.find((name) => value.startsWith(`${name}=`));
    if (prefix) return value.slice(prefix.length + 1);
  }
  return undefined;
}

function sshKeygen(command: ShellCommand, args: readonly ShellWord[]): KeyGeneration | null {
  const options: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const value = args[index]!.value;
    if (value === null || !value.startsWith("-")) continue;
    // Clustered flags (`-qA`, `-lf file`): each letter, the last one may take the next word.
    for (const letter of value.slice(1)) options.push(`-${letter}`);
    if (SSH_KEYGEN_VALUE_OPTIONS.has(`-${value.at(-1)}`) && value.length === 2) index++;
  }
  if (options.includes("-A")) return { command, tool: "ssh-keygen -A", path: "/etc/ssh/ssh_host_*_key" };
  if (options.some((option) => SSH_KEYGEN_OTHER_MODES.has(option))) return null;
  const file = optionValue(args, ["-f"]);
  const type = optionValue(args, ["-t"]) ?? "rsa";
  return { command, tool: "ssh-keygen", path: file === undefined ? `~/.ssh/id_${type ?? "rsa"}` : file };
}

function openssl(command: ShellCommand, args: readonly ShellWord[]): KeyGeneration | null {
  const sub = args[0]?.value;
  const rest = args.slice(1);
  const has = (name: string): boolean => rest.some((word) => word.value === name);
  switch (sub) {
    case "genrsa":
    case "genpkey":
    case "gendsa":
      return { command, tool: `openssl ${sub}`, path: optionValue(rest, ["-out"]) ?? null };
    case "ecparam":
      return has("-genkey") ? { command, tool: "openssl ecparam -genkey", path: optionValue(rest, ["-out"]) ?? null } : null;
    case "req":
      if (!has("-newkey") && !(has("-x509") && !has("-key"))) return null;
      return { command, tool: "openssl req", path: optionValue(rest, ["-keyout"]) ?? "privkey.pem" };
    default:
      return null;
  }
}

/** The key a command generates, or null when it generates none. */
export function keyGenerationOf(command: ShellCommand): KeyGeneration | null {
  const unwrapped = unwrappedCommand(command);
  const args = unwrapped.args;
  switch (unwrapped.baseName) {
    case "ssh-keygen":
      return sshKeygen(command, args);
    case "openssl":
      return openssl(command, args);
    case "certbot": {
      const sub = args.find((word) => !word.value?.startsWith("-"))?.value ?? "run";
      return ["certonly", "run", "renew"].includes(sub) ? { command, tool: `certbot ${sub}`, path: "/etc/letsencrypt" } : null;
    }
    case "mkcert":
      if (args.some((word) => word.value === "-install" || word.value === "-uninstall" || word.value === "-CAROOT")) return null;
      return { command, tool: "mkcert", path: optionValue(args, ["-key-file"]) ?? null };
    default:
      return null;
  }
}

/**
 * Whether `pattern` (a path as an `rm` operand or a COPY source names it; `*` and `?` globs allowed)
 * covers `path` or a folder above it. `path` may hold a glob of its own (`ssh-keygen -A`'s
 * `/etc/ssh/ssh_host_*_key`): a pattern's `*` then matches it as text (`rm /etc/ssh/ssh_host_*`).
 */
export function pathCovers(pattern: string, path: string): boolean {
  const trimmed = pattern.replace(/\/+$/u, "");
  if (trimmed === "" || trimmed === "/") return true;
  const source = trimmed.replace(/[.+^${}()|[\]\\]/gu, "\\$&").replace(/\*/gu, "[^/]*").replace(/\?/gu, "[^/]");
  return new RegExp(`^${source}(?:/.*)?$`, "u").test(path);
}
