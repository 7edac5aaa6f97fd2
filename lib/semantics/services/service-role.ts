/**
 * Whether a compose service is a development environment rather than something that is deployed:
 * the hardening and operations rules of `strict` (`require-restart-policy`, `require-read-only-rootfs`,
 * `require-no-new-privileges`, `require-resource-limits`) judge deployed services only, because a
 * container that a developer opens a shell in, or that a CI job starts and throws away, is not made
 * safer or more available by them, and a finding on it is one nobody acts on.
 */
import path from "node:path";
import type { ProjectService } from "../../project/compose-project.js";
import type { ComposeService, ScalarValue } from "../../compose/types.js";

/**
 * Words of a compose file name that say it describes a development, test or CI environment
 * (`docker-compose.test.yml`, `compose.dev.yaml`, `docker-compose-ci.yml`). Docker Hub's automated
 * tests read `docker-compose.test.yml` (https://docs.docker.com/docker-hub/repos/manage/builds/automated-testing/);
 * the others are the common names of the overlays the Compose docs show for development
 * (https://docs.docker.com/compose/how-tos/multiple-compose-files/merge/, `compose.dev.yaml`-style names).
 */
const DEVELOPMENT_FILE_WORDS: ReadonlySet<string> = new Set([
  "dev", "devel", "development", "local", "debug", "test", "tests", "testing", "ci", "e2e",
]);

/**
 * Commands that only keep a container running so that someone can `docker compose exec` into it:
 * `sleep infinity` (the Dev Containers templates' `command:`), `tail -f /dev/null`, and the
 * `while sleep 1000; do :; done` loop of VS Code's compose templates.
 */
function isKeepAliveCommand(words: readonly string[]): boolean {
  const [name, ...args] = words.map((word) => word.split("/").at(-1) ?? word);
  if (name === "sleep") return args.length === 1 && (args[0] === "infinity" || /^\d{4,}$/u.test(args[0]!));
  if (name === "tail") return args.includes("-f") && words.at(-1) === "/dev/null";
  if ((name === "sh" || name === "bash") && args[0] === "-c" && args.length === 2) {
    return /^\s*while\s+sleep\s+\d+\s*;\s*do\s+:\s*;\s*done\s*$/u.test(args[1]!);
  }
  return false;
}

/** The words of `command:` (or `entrypoint:`): the list items, or the string form split on blanks; null when a word is unknown. */
function commandWords(command: ScalarValue | ScalarValue[] | null): string[] | null {
  if (command === null) return null;
  if (Array.isArray(command)) {
    const words = command.map((item) => item.resolved);
    return words.every((word): word is string => word !== null) ? words : null;
  }
  return command.resolved === null ? null : splitCommandString(command.resolved);
}

/**
 * A string `command:` split into words as Compose splits it (compose-go uses mattn/go-shellwords:
 * blanks separate words, single quotes keep everything, double quotes and backslashes escape). No
 * variables are expanded: Compose does not run a shell for it.
 */
export function splitCommandString(text: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quote: "'" | '"' | null = null;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quote === "'") {
      if (char === "'") quote = null;
      else word += char;
    } else if (char === "\\" && index + 1 < text.length && (quote === null || '"\\$`'.includes(text[index + 1]!))) {
      word = (word ?? "") + text[index + 1]!;
      index += 1;
    } else if (quote === '"') {
      if (char === '"') quote = null;
      else word += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      word ??= "";
    } else if (/\s/u.test(char)) {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? "") + char;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

/** Whether the file's name or folder says it describes a development, test or CI environment. */
export function isDevelopmentComposeFile(file: string): boolean {
  // Dev Containers keep their compose files next to devcontainer.json (https://containers.dev/implementors/json_reference/, dockerComposeFile).
  if (file.split(/[\\/]/u).includes(".devcontainer")) return true;
  const base = path.basename(file).toLowerCase().replace(/\.ya?ml$/u, "");
  const words = base.split(/[-_.]/u).filter((word) => word !== "docker" && word !== "compose");
  return words.some((word) => DEVELOPMENT_FILE_WORDS.has(word));
}

/**
 * Whether `service` is a development environment: it is declared in a development, test or CI
 * compose file (`isDevelopmentComposeFile`, for the file of any of its layers), or its entrypoint and
 * command (each from the last layer that sets it) only keep the container alive to exec into.
 */
function isDevelopmentEnvironment(service: ProjectService, file: string): boolean {
  if (isDevelopmentComposeFile(file) || service.layers.some((layer) => isDevelopmentComposeFile(layer.file))) return true;
  const entrypoint = service.layers.findLast((layer) => layer.service.entrypoint !== null)?.service.entrypoint ?? null;
  const command = service.layers.findLast((layer) => layer.service.command !== null)?.service.command ?? null;
  if (entrypoint === null && command === null) return false;
  const words = [...(commandWords(entrypoint) ?? []), ...(commandWords(command) ?? [])];
  return words.length > 0 && isKeepAliveCommand(words);
}

/** The `isDevelopmentEnvironment` verdict of a service of the linted file, through its project view (its own declaration alone when the project does not list it). */
export function isDevelopmentService(service: ComposeService, project: { services: ReadonlyMap<string, ProjectService> }, file: string): boolean {
  const merged = project.services.get(service.name) ?? { name: service.name, layers: [{ file, service, own: true }], own: service };
  return isDevelopmentEnvironment(merged, file);
}
