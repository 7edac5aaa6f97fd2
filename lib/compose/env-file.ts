/**
 * Reading the `env_file` files of a service, as Compose reads them (compose-go `dotenv` package): one
 * `KEY=VALUE` a line, `#` comments and blank lines skipped, an optional `export ` prefix, values in
 * single quotes taken literally, in double quotes with `\n`-style escapes, unquoted values trimmed and
 * cut at ` #`. Read through the project model's mtime-keyed FileCache.
 */
import { FileCache } from "../project/file-cache.js";

export interface EnvFileVariable {
  key: string;
  value: string;
  /** 1-based line of the file. */
  line: number;
}

const files = new FileCache<EnvFileVariable[]>((text) => parseEnvFile(text));

/** The variables of the env file at `file` (absolute), or null when it is missing or unreadable. */
export function readEnvFile(file: string): EnvFileVariable[] | null {
  return files.get(file);
}

/** Parses the text of an env file. Never throws; lines that are not assignments are skipped. */
export function parseEnvFile(text: string): EnvFileVariable[] {
  const variables: EnvFileVariable[] = [];
  const lines = text.split(/\r?\n/u);
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!.trim();
    if (raw === "" || raw.startsWith("#")) continue;
    const line = raw.startsWith("export ") ? raw.slice("export ".length).trimStart() : raw;
    const equals = line.search(/[=:]/u);
    if (equals <= 0) continue;
    const key = line.slice(0, equals).trim();
    if (!/^[\w.-]+$/u.test(key)) continue;
    let value = line.slice(equals + 1).trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) {
      value = value.slice(1, -1);
      if (quote === '"') value = value.replace(/\\([nrt"\\])/gu, (_, char: string) => ({ n: "\n", r: "\r", t: "\t" })[char] ?? char);
    } else {
      const comment = value.search(/\s#/u);
      if (comment >= 0) value = value.slice(0, comment).trimEnd();
    }
    variables.push({ key, value, line: index + 1 });
  }
  return variables;
}
