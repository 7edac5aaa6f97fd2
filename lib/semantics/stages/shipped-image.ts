/**
 * The stage whose image a build ships, for rules about the shipped image (`prefer-minimal-base-image`,
 * `no-build-tools-in-final-stage`, `static-binary-for-scratch`, and the security rules). Built on
 * `stageReach`: the produced stage (the last one, or `target`), unless it is a toolbox image.
 */
import path from "node:path";
import { readComposeFile } from "../../project/compose-project.js";
import type { Cmd, DockerfileProgram, Entrypoint, Stage } from "../../dockerfile/ast.js";
import { buildsOfDockerfile } from "../../project/build-contexts.js";
import { getShellScript } from "../../shell/index.js";
import { ALL_SHELLS } from "../../shell/shells.js";
import { settingInEffect, stageReach } from "./stage-references.js";
import { composeBuildTarget } from "./build-target.js";
import { imageFamily } from "../images/image-families.js";
import { getStageGraph } from "./stages.js";
import { outsideFactsVersion } from "./outside-facts.js";
import { workdirAtEnd } from "../files/workdir.js";

/** Words in a final stage's name that say it is a development or test image (`dev`, `devcontainer`, `test-env`, `ci`). */
const TOOLBOX_NAME_WORDS: ReadonlySet<string> = new Set(["dev", "devel", "development", "devcontainer", "debug", "test", "tests", "ci", "lint", "tools"]);

/**
 * Shells, language REPLs and compilers: an image whose whole command is one of these, with no
 * argument (`CMD ["python3"]`, `CMD ["ghci"]`, `ENTRYPOINT ["bash"]`, `ENTRYPOINT ["javac"]`), is a
 * base or toolchain image that people run their own programs or builds in (the official language
 * images, CI builder images), not an application.
 */
const INTERACTIVE_COMMANDS: ReadonlySet<string> = new Set([
  ...ALL_SHELLS,
  "python", "python2", "python3", "ipython", "node", "deno", "bun", "ghci", "irb", "ruby", "php", "go",
  "jshell", "erl", "iex", "julia", "r", "lua", "perl", "scala", "sbt", "clojure", "swift", "dotnet", "mono",
  "javac", "gcc", "cc", "clang", "make", "cmake", "mvn", "gradle", "cargo", "rustc", "npm", "yarn", "pnpm",
]);

/**
 * Development servers: a command that starts one of these (after `npx`) runs the sources with the
 * development tooling (rebuild on change, unminified bundles) and needs the devDependencies; the
 * image it runs in is a development environment, not what the project deploys. Each entry is the
 * command's first words; sources are the tools' own documentation: Angular CLI `ng serve`; Vite
 * (`vite`, `vite dev`, `vite serve`: "start dev server"); Next.js `next dev`; Nuxt `nuxt dev`/`nuxi dev`;
 * Astro `astro dev`; Gatsby `gatsby develop`; Ember `ember serve`; Vue CLI `vue-cli-service serve`;
 * Create React App `react-scripts start` ("runs the app in development mode"); webpack `webpack serve`
 * and `webpack-dev-server`; nodemon and ts-node-dev (restart on file change); the `dev` script that
 * these frameworks' templates define, run by npm, yarn, pnpm or bun; Django `manage.py runserver` and
 * `flask run` ("not for production" in both projects' docs); Hugo `hugo server`, Jekyll
 * `jekyll serve`, MkDocs `mkdocs serve`.
 */
const DEV_SERVER_COMMANDS: readonly (readonly string[])[] = [
  ["ng", "serve"], ["vite"], ["next", "dev"], ["nuxt", "dev"], ["nuxi", "dev"], ["astro", "dev"], ["gatsby", "develop"],
  ["ember", "serve"], ["vue-cli-service", "serve"], ["react-scripts", "start"], ["webpack", "serve"], ["webpack-dev-server"],
  ["nodemon"], ["ts-node-dev"],
  ["npm", "run", "dev"], ["yarn", "dev"], ["yarn", "run", "dev"], ["pnpm", "dev"], ["pnpm", "run", "dev"], ["bun", "run", "dev"], ["bun", "dev"],
  ["python", "manage.py", "runserver"], ["python3", "manage.py", "runserver"], ["manage.py", "runserver"], ["flask", "run"],
  ["hugo", "server"], ["jekyll", "serve"], ["mkdocs", "serve"],
];

/** `vite` runs its dev server unless told to `build` or `preview` (Vite CLI reference). */
const VITE_NOT_SERVER: ReadonlySet<string> = new Set(["build", "preview", "optimize"]);

/** Whether the command words start a development server (see {@link DEV_SERVER_COMMANDS}). */
function startsDevelopmentServer(words: readonly string[]): boolean {
  const plain = words.map((word, index) => (index === 0 || word.endsWith(".py") ? (word.split("/").at(-1) ?? word) : word));
  const command = plain[0] === "npx" ? plain.slice(1) : plain;
  if (command[0] === "vite" && command[1] !== undefined && VITE_NOT_SERVER.has(command[1])) return false;
  return DEV_SERVER_COMMANDS.some((pattern) => pattern.every((word, index) => command[index] === word));
}

/**
 * The words of a CMD or ENTRYPOINT: the JSON strings of the exec form, or the words of the shell
 * form's one simple command (from the shell model). A shell form that is more than one command, or
 * that the model cannot read, gives a placeholder of two words: it runs a program of its own.
 */
export function commandWords(instruction: Cmd | Entrypoint): string[] {
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
 * - it starts a development server (`ng serve`, `npm run dev`, `next dev`: a development environment,
 *   whatever the stage is called);
 * - its author named it as a development or test image (like BuildKit's platform-name exemption,
 *   the stage name states the intent);
 * - the file is a dev container definition (`filename` inside a `.devcontainer` folder, the
 *   Development Containers specification's location: https://containers.dev/implementors/spec/).
 */
export function isToolboxStage(program: DockerfileProgram, stage: Stage, filename?: string): boolean {
  // Several rules ask of the same stage in one lint (shippedApplicationStage's callers, no-root-user). The
  // verdict follows from the file's text and its name only (no compose file is read), so the filename is its key.
  const known = toolboxVerdicts.get(stage);
  if (known && known.filename === filename) return known.value;
  const value = computeIsToolboxStage(program, stage, filename);
  toolboxVerdicts.set(stage, { filename, value });
  return value;
}

const toolboxVerdicts = new WeakMap<Stage, { filename: string | undefined; value: boolean }>();

function computeIsToolboxStage(program: DockerfileProgram, stage: Stage, filename?: string): boolean {
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
  if (startsDevelopmentServer(words)) return true;
  // A wrapper script named after its tool (`go.bash`, `node.sh`) counts as the tool, and so does a Windows `.exe`.
  const program0 = (words[0]?.split(/[\\/]/u).at(-1)?.toLowerCase() ?? "").replace(/\.(?:sh|bash|ash|exe)$/u, "");
  // Options alone (`php -a`, `python3 -i`, `bash -l`) still start the interactive shell.
  return INTERACTIVE_COMMANDS.has(program0) && words.slice(1).every((word) => word.startsWith("-"));
}

/**
 * Whether every compose service that builds this Dockerfile bind-mounts its build context over the
 * image's working directory (`volumes: ["./app:/project"]` with `context: app` and `WORKDIR /project`):
 * the container then runs the host's sources, not the image's, which is how Compose runs a development
 * environment (Docker docs, "Use bind mounts" for development). False without such a build, or when one
 * of them does not mount it (that one ships the image's own files).
 */
export function composeMountsSourcesOverWorkdir(program: DockerfileProgram, stage: Stage, filename: string): boolean {
  if (!path.isAbsolute(filename)) return false;
  const workdir = workdirAtEnd(program, stage);
  if (workdir.kind !== "absolute" || workdir.path === null) return false;
  const target = path.posix.normalize(workdir.path).replace(/(?<=.)\/$/u, "");
  const builds = buildsOfDockerfile(filename).filter((build) => build.composeFile !== null && build.service !== null);
  return builds.length > 0 && builds.every((build) => {
    const service = readComposeFile(build.composeFile!)?.services.get(build.service!);
    return (service?.volumes ?? []).some((volume) =>
      volume.type === "bind" && volume.source !== null && volume.target !== null && !volume.unresolved &&
      path.resolve(path.dirname(build.composeFile!), volume.source) === build.context &&
      path.posix.normalize(volume.target).replace(/(?<=.)\/$/u, "") === target);
  });
}

/**
 * The stage a build ships as an application image: the produced stage (`options.target`, else the
 * last), or null when there is none or it is a toolbox (`isToolboxStage`; `options.filename` is the
 * Dockerfile's path, for the dev-container location), or when every compose service that builds it
 * mounts the sources over its working directory (`composeMountsSourcesOverWorkdir`).
 */
export function shippedApplicationStage(program: DockerfileProgram, options: { target?: string; filename?: string } = {}): Stage | null {
  // Five rules ask it of every Dockerfile; the answer reads compose files around it, so it is kept per
  // parsed file and per version of the file-system facts (outside-facts.ts).
  const key = `${options.target ?? ""}\0${options.filename ?? ""}`;
  const version = outsideFactsVersion(program);
  let known = shippedStages.get(program);
  if (!known || known.version !== version) shippedStages.set(program, (known = { version, byOptions: new Map() }));
  if (known.byOptions.has(key)) return known.byOptions.get(key)!;
  const stage = computeShippedApplicationStage(program, options);
  known.byOptions.set(key, stage);
  return stage;
}

const shippedStages = new WeakMap<DockerfileProgram, { version: number; byOptions: Map<string, Stage | null> }>();

function computeShippedApplicationStage(program: DockerfileProgram, options: { target?: string; filename?: string }): Stage | null {
  // Without an explicit target, the one the project's compose builds of this file agree on.
  const target = options.target ?? (options.filename === undefined ? undefined : composeBuildTarget(program, options.filename));
  const produced = stageReach(program, target).produced;
  if (!produced || isToolboxStage(program, produced, options.filename)) return null;
  // Run by Compose with the sources mounted over it: a development environment.
  if (options.filename !== undefined && composeMountsSourcesOverWorkdir(program, produced, options.filename)) return null;
  return produced;
}

/**
 * Whether the image `stage` makes is a file export that runs nothing: its ancestry starts FROM scratch
 * (no base image brings a CMD, a shell or a user database) and neither it nor a stage it is built on
 * sets CMD or ENTRYPOINT. Such a stage exists for `docker build --output` (Docker docs, "Export
 * binaries": https://docs.docker.com/build/building/export/); no process ever runs in it, so rules
 * about the user or health of a running container have nothing to judge.
 */
export function isExportOnlyStage(program: DockerfileProgram, stage: Stage): boolean {
  const graph = getStageGraph(program);
  const chain = graph.ancestry(stage);
  if (graph.baseOf(chain.at(-1)!).kind !== "scratch") return false;
  return settingInEffect(program, stage, "Cmd") === null && settingInEffect(program, stage, "Entrypoint") === null;
}
