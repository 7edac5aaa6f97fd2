/**
 * The stage whose image a build ships, for rules about the shipped image (`prefer-minimal-base-image`,
 * `no-build-tools-in-final-stage`, `static-binary-for-scratch`, and the security rules). Built on
 * `stageReach`: the produced stage (the last one, or `target`), unless it is a toolbox image.
 */
import type { Cmd, DockerfileProgram, Entrypoint, Stage } from "../dockerfile/ast.js";
import { getShellScript } from "../shell/index.js";
import { settingInEffect, stageReach } from "./stage-references.js";
import { composeBuildTarget } from "./build-target.js";
import { imageFamily } from "./image-families.js";
import { getStageGraph } from "./stages.js";

/** Words in a final stage's name that say it is a development or test image (`dev`, `devcontainer`, `test-env`, `ci`). */
const TOOLBOX_NAME_WORDS: ReadonlySet<string> = new Set(["dev", "devel", "development", "devcontainer", "debug", "test", "tests", "ci", "lint", "tools"]);

/**
 * Shells, language REPLs and compilers: an image whose whole command is one of these, with no
 * argument (`CMD ["python3"]`, `CMD ["ghci"]`, `ENTRYPOINT ["bash"]`, `ENTRYPOINT ["javac"]`), is a
 * base or toolchain image that people run their own programs or builds in (the official language
 * images, CI builder images), not an application.
 */
const INTERACTIVE_COMMANDS: ReadonlySet<string> = new Set([
  "sh", "bash", "ash", "dash", "zsh", "fish", "pwsh", "powershell", "cmd",
  "python", "python2", "python3", "ipython", "node", "deno", "bun", "ghci", "irb", "ruby", "php", "go",
  "jshell", "erl", "iex", "julia", "r", "lua", "perl", "scala", "sbt", "clojure", "swift", "dotnet", "mono",
  "javac", "gcc", "cc", "clang", "make", "cmake", "mvn", "gradle", "cargo", "rustc", "npm", "yarn", "pnpm",
]);

/**
 * The words of a CMD or ENTRYPOINT: the JSON strings of the exec form, or the words of the shell
 * form's one simple command (from the shell model). A shell form that is more than one command, or
 * that the model cannot read, gives a placeholder of two words: it runs a program of its own.
 */
function commandWords(instruction: Cmd | Entrypoint): string[] {
  const form = instruction.form;
  if (!form) return [];
  if (form.type === "ExecForm") return form.elements.map((element) => element.value);
  const script = getShellScript(form.shell);
  const [only, ...rest] = script.ok ? script.commands : [];
  if (!only || rest.length > 0 || !only.name) return script.ok && script.commands.length === 0 ? [] : ["(script)", "(script)"];
  return [only.name.value ?? "(dynamic)", ...only.args.map((arg) => arg.value ?? "(dynamic)")];
}

/** An entrypoint wrapper script by name: `docker-entrypoint.sh`, `/__cacert_entrypoint.sh`, `entrypoint.sh`. */
const ENTRYPOINT_SCRIPT = /entrypoint(?:\.(?:sh|bash))?$/iu;

/** Whether the image the stage's ancestry starts from is a server image of the family table (`kind: "service"`: nginx, postgres…). */
function runsBaseServer(program: DockerfileProgram, stage: Stage): boolean {
  const graph = getStageGraph(program);
  const base = graph.baseOf(graph.ancestry(stage).at(-1)!);
  return base.kind === "image" && imageFamily(base.reference)?.kind === "service";
}

/**
 * Whether a final stage is a toolbox rather than an application image:
 * - it starts no program of its own (no CMD or ENTRYPOINT in it or the stages it is built FROM: a
 *   CI or code-generation image) and its base image is not a known server image (whose command then
 *   runs), or it starts only a shell or a language REPL with no arguments;
 * - its author named it as a development or test image (like BuildKit's platform-name exemption,
 *   the stage name states the intent);
 * - the file is a dev container definition (`filename` inside a `.devcontainer` folder, the
 *   Development Containers specification's location: https://containers.dev/implementors/spec/).
 */
export function isToolboxStage(program: DockerfileProgram, stage: Stage, filename?: string): boolean {
  if (stage.name !== null && stage.name.toLowerCase().split(/[-_.]/u).some((word) => TOOLBOX_NAME_WORDS.has(word))) return true;
  if (filename !== undefined && filename.split(/[\\/]/u).includes(".devcontainer")) return true;
  const entrypoint = settingInEffect(program, stage, "Entrypoint");
  const cmd = settingInEffect(program, stage, "Cmd");
  const entrypointWords = entrypoint ? commandWords(entrypoint) : [];
  // An entrypoint script that ends by running its arguments (`docker-entrypoint.sh`, the Docker Official
  // Images' convention: https://github.com/docker-library/official-images#consistency) runs what CMD says.
  const handsOver = entrypointWords.length === 1 && ENTRYPOINT_SCRIPT.test(entrypointWords[0]!.split("/").at(-1)!);
  const words = [...(handsOver ? [] : entrypointWords), ...(cmd ? commandWords(cmd) : [])];
  // No command of its own: the base image's runs. A server image's (`FROM nginx` + content) is an
  // application; a distribution's or language image's is a shell or a REPL.
  if (words.length === 0) return !runsBaseServer(program, stage);
  // A wrapper script named after its tool (`go.bash`, `node.sh`) counts as the tool, and so does a Windows `.exe`.
  const program0 = (words[0]?.split(/[\\/]/u).at(-1)?.toLowerCase() ?? "").replace(/\.(?:sh|bash|ash|exe)$/u, "");
  // Options alone (`php -a`, `python3 -i`, `bash -l`) still start the interactive shell.
  return INTERACTIVE_COMMANDS.has(program0) && words.slice(1).every((word) => word.startsWith("-"));
}

/**
 * The stage a build ships as an application image: the produced stage (`options.target`, else the
 * last), or null when there is none or it is a toolbox (`isToolboxStage`; `options.filename` is the
 * Dockerfile's path, for the dev-container location).
 */
export function shippedApplicationStage(program: DockerfileProgram, options: { target?: string; filename?: string } = {}): Stage | null {
  // Without an explicit target, the one the project's compose builds of this file agree on.
  const target = options.target ?? (options.filename === undefined ? undefined : composeBuildTarget(program, options.filename));
  const produced = stageReach(program, target).produced;
  return produced && !isToolboxStage(program, produced, options.filename) ? produced : null;
}
