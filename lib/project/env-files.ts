/**
 * The dotenv files of a compose project read from disk: the project's `.env` (interpolation) and a
 * service's `env_file` files, parsed by `lib/compose/env-file.ts` and cached by modification time.
 */
import { joinedPath } from "./resolved-path.js";
import { parseEnvFile, type DotEnv, type EnvFileVariable } from "../compose/env-file.js";
import { FileCache } from "./file-cache.js";

const files = new FileCache<EnvFileVariable[]>((text) => parseEnvFile(text));

/** The variables of the env file at `file` (absolute), or null when it is missing or unreadable. */
export function readEnvFile(file: string): EnvFileVariable[] | null {
  return files.get(file);
}

const dotEnvFiles = new FileCache<DotEnv>((text, file) => {
  const variables = new Map<string, EnvFileVariable>();
  for (const variable of parseEnvFile(text)) variables.set(variable.key, variable);
  const environment: Record<string, string | null> = Object.create(null) as Record<string, string | null>;
  for (const [key, variable] of variables) environment[key] = variable.expanded;
  return { file, variables, environment };
});

/**
 * The `.env` of the project folder `dir` (compose-go `cli/options.go`, `WithEnvFiles`: the working
 * directory's `.env`, read when it is a file), or null when there is none. The same object while the
 * file is unchanged, so models interpolated with it can be cached on it.
 */
export function readDotEnv(dir: string): DotEnv | null {
  return dotEnvFiles.get(joinedPath(dir, ".env"));
}
