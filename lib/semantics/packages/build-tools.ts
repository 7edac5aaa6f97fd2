/**
 * Build tools (compilers, `-dev` headers) installed by the system package manager, and JavaScript
 * devDependencies, in the stages of the shipped image and still there at the end: read by
 * `no-build-tools-in-final-stage`.
 *
 * Knowledge, with sources:
 * - Debian/Ubuntu: `build-essential` pulls gcc, g++, make, dpkg-dev
 *   (https://packages.debian.org/stable/build-essential); header packages end in `-dev`
 *   (https://www.debian.org/doc/debian-policy/ch-sharedlibs.html#development-files).
 * - Alpine: `build-base` pulls gcc, g++, make, musl-dev, binutils, fortify-headers
 *   (https://pkgs.alpinelinux.org/package/edge/main/x86_64/build-base); `-dev` subpackages
 *   (https://wiki.alpinelinux.org/wiki/Creating_an_Alpine_package#Subpackages); `alpine-sdk`.
 * - Fedora/RHEL/SUSE: header packages end in `-devel`
 *   (https://docs.fedoraproject.org/en-US/packaging-guidelines/#_devel_packages); the
 *   "Development Tools" group (`@development-tools`).
 */
import type { DockerfileProgram, Run, Stage } from "../../dockerfile/ast.js";
import { invocationHasOption, type PackageArgument, type PackageManagerId, type PackageManagerInvocation } from "../../shell/index.js";
import { packageManagerInvocations } from "./package-manager-invocations.js";
import { variableBefore } from "../variables/declared-values.js";
import { runShellScript } from "../run/run-shell.js";
import { getStageGraph } from "../stages/stages.js";

/** Compilers and build drivers, by package name (the same names in apt, apk, dnf/yum, zypper). */
const BUILD_TOOL_PACKAGES: ReadonlySet<string> = new Set([
  "build-essential",
  "build-base",
  "alpine-sdk",
  "gcc",
  "g++",
  "gcc-c++",
  "clang",
  "make",
  "cmake",
  "autoconf",
  "automake",
  "libtool",
  "pkg-config",
  "pkgconf",
  "dpkg-dev",
  "musl-dev",
  "linux-headers",
  "gfortran",
  "cargo",
  "rustc",
]);

/** Package groups that are toolchains (`dnf groupinstall`, `@development-tools`). */
const BUILD_TOOL_GROUPS: ReadonlySet<string> = new Set(["development tools", "development-tools", "@development-tools", "@development tools", "pattern:devel_basis"]);

const SYSTEM_MANAGERS: ReadonlySet<PackageManagerId> = new Set(["apt-get", "apt", "aptitude", "apk", "yum", "dnf", "microdnf", "zypper"]);
const APT: ReadonlySet<PackageManagerId> = new Set(["apt-get", "apt", "aptitude"]);

/** Whether a package name is a compiler, a build driver or development headers for `manager`. */
function isBuildToolPackage(manager: PackageManagerId, name: string): boolean {
  const lower = name.toLowerCase();
  if (BUILD_TOOL_PACKAGES.has(lower)) return true;
  if (manager === "yum" || manager === "dnf" || manager === "microdnf" || manager === "zypper") return /.-devel$/u.test(lower);
  return /.-dev$/u.test(lower);
}

export interface LeftBuildTool {
  run: Run;
  stage: Stage;
  invocation: PackageManagerInvocation;
  /** The build-tool packages of this install that nothing removes later. */
  packages: PackageArgument[];
}

interface PendingInstall {
  run: Run;
  stage: Stage;
  invocation: PackageManagerInvocation;
  packages: PackageArgument[];
  /** apk `--virtual`/`-t` name: `apk del <name>` removes the whole set. */
  virtual: string | null;
}

function isAptMarkAuto(invocationWords: readonly (string | null)[]): boolean {
  return invocationWords[0] === "apt-mark" && invocationWords.includes("auto");
}

/**
 * The build tools installed in `stage` or the stages it is built FROM and not removed afterwards
 * (`apt-get purge gcc`, `apk del .build-deps` of an `apk add --virtual .build-deps`, or the
 * `apt-mark auto '.*'` … `apt-get purge --auto-remove` idiom of the official images, which removes
 * every package installed since). Installs through variables (`$buildDeps`) cannot be judged and are
 * left out, as are conditional commands.
 */
export function buildToolsLeftIn(program: DockerfileProgram, stage: Stage): LeftBuildTool[] {
  const chain = getStageGraph(program).ancestry(stage).reverse();
  let pending: PendingInstall[] = [];
  for (const member of chain) {
    for (const instruction of member.instructions) {
      if (instruction.type !== "Run") continue;
      const script = runShellScript(program, instruction);
      if (!script) continue;
      let aptMarkedAuto = false;
      // The shared classification of the RUN (one per command, in the order of `script.commands`).
      const invocations = packageManagerInvocations(program, instruction);
      let next = 0;
      for (const command of script.commands) {
        const words = [command.name?.value ?? null, ...command.args.map((arg) => arg.value)];
        if (isAptMarkAuto(words)) aptMarkedAuto = true;
        const invocation = invocations[next]?.command === command ? invocations[next++]!.invocation : null;
        if (!invocation || !SYSTEM_MANAGERS.has(invocation.manager)) continue;
        if (invocation.action === "install" && !command.conditional) {
          const packages = invocation.packages.filter(
            (argument) =>
              (argument.kind === "name" && argument.name !== null && isBuildToolPackage(invocation.manager, argument.name)) ||
              (argument.kind === "group" && argument.name !== null && BUILD_TOOL_GROUPS.has(argument.name.toLowerCase())),
          );
          if (packages.length === 0) continue;
          const virtual = invocation.manager === "apk" ? (invocation.options.find((option) => option.name === "--virtual" || option.name === "-t")?.value ?? null) : null;
          pending.push({ run: instruction, stage: member, invocation, packages, virtual });
        } else if (invocation.action === "remove") {
          const removed = new Set(invocation.packages.map((argument) => argument.name?.toLowerCase()).filter((name): name is string => name !== undefined));
          // Removing through a variable (`apk del $deps`) may remove anything: give the benefit of the doubt.
          const dynamic = invocation.packages.some((argument) => argument.kind === "dynamic");
          const autoRemoveAll = APT.has(invocation.manager) && aptMarkedAuto && (invocationHasOption(invocation, "--auto-remove", "--autoremove") || invocation.subcommand === "autoremove");
          pending = pending.flatMap((install) => {
            if (!sameFamily(install.invocation.manager, invocation.manager)) return [install];
            if (dynamic || autoRemoveAll || (install.virtual !== null && removed.has(install.virtual.toLowerCase()))) return [];
            const packages = install.packages.filter((argument) => !removed.has(argument.name?.toLowerCase() ?? ""));
            return packages.length > 0 ? [{ ...install, packages }] : [];
          });
        }
      }
    }
  }
  return pending.map(({ run, stage: owner, invocation, packages }) => ({ run, stage: owner, invocation, packages }));
}

function sameFamily(a: PackageManagerId, b: PackageManagerId): boolean {
  const family = (id: PackageManagerId): string => (APT.has(id) ? "apt" : id === "yum" || id === "dnf" || id === "microdnf" ? "rpm" : id);
  return family(a) === family(b);
}

// -------------------------------------------------------------------------------------------------
// devDependencies

const JS_MANAGERS: ReadonlySet<PackageManagerId> = new Set(["npm", "yarn", "pnpm", "bun"]);

/**
 * Whether an install leaves devDependencies out: the managers' production switches
 * (npm `--omit=dev`, `--only=prod`, `--production`: https://docs.npmjs.com/cli/commands/npm-install#omit;
 * yarn `--production`: https://classic.yarnpkg.com/lang/en/docs/cli/install/#toc-yarn-install-production-true-false;
 * pnpm `--prod`/`-P`: https://pnpm.io/cli/install#--prod--p; bun `--production`), or the
 * environment that sets them (`NODE_ENV=production`, `NPM_CONFIG_PRODUCTION`, `NPM_CONFIG_OMIT=dev`),
 * given to the command or set by ENV/ARG.
 */
function omitsDevDependencies(program: DockerfileProgram, stage: Stage, run: Run, invocation: PackageManagerInvocation): boolean {
  for (const option of invocation.options) {
    const value = option.value?.toLowerCase() ?? "";
    if (option.name === "--production" || option.name === "--prod" || (invocation.manager === "pnpm" && option.name === "-P")) return value !== "false";
    if (option.name === "--omit" && value.split(",").includes("dev")) return true;
    if (option.name === "--only" && /^prod(?:uction)?$/u.test(value)) return true;
  }
  const environment = new Map<string, string>();
  for (const assignment of invocation.command.assignments) if (assignment.value?.value) environment.set(assignment.name.toUpperCase(), assignment.value.value);
  for (const word of invocation.unwrapped.envAssignments) {
    const [name, ...rest] = (word.value ?? "").split("=");
    if (name && rest.length > 0) environment.set(name.toUpperCase(), rest.join("="));
  }
  const read = (name: string): string | null | undefined => environment.get(name) ?? variableBefore(program, stage, run, name) ?? variableBefore(program, stage, run, name.toLowerCase());
  if (read("NODE_ENV") === "production") return true;
  if (/^(?:true|1)$/u.test(read("NPM_CONFIG_PRODUCTION") ?? "")) return true;
  return (read("NPM_CONFIG_OMIT") ?? "").split(/[\s,]+/u).includes("dev");
}

/** `npm prune --omit=dev`, `pnpm prune --prod`, `yarn workspaces focus --production`: devDependencies removed after the build. */
function prunesDevDependencies(invocation: PackageManagerInvocation, program: DockerfileProgram, stage: Stage, run: Run): boolean {
  const subcommand = invocation.subcommand ?? "";
  if (subcommand !== "prune" && subcommand !== "workspaces focus") return false;
  return omitsDevDependencies(program, stage, run, invocation);
}

export interface LeftDevDependencies {
  run: Run;
  stage: Stage;
  invocation: PackageManagerInvocation;
}

/**
 * The project installs (`npm ci`, `npm install`, `yarn install`, `pnpm install`, `bun install` with
 * no package operands) in `stage` or the stages it is built FROM that keep devDependencies and are
 * not followed by a prune or a production re-install of the same manager.
 */
export function devDependenciesLeftIn(program: DockerfileProgram, stage: Stage): LeftDevDependencies[] {
  let pending: LeftDevDependencies[] = [];
  for (const member of getStageGraph(program).ancestry(stage).reverse()) {
    for (const instruction of member.instructions) {
      if (instruction.type !== "Run") continue;
      for (const { invocation, command } of packageManagerInvocations(program, instruction)) {
        if (!JS_MANAGERS.has(invocation.manager)) continue;
        const projectInstall = invocation.action === "install" && invocation.manifestInstall && !invocation.global && invocation.packages.length === 0;
        const production = omitsDevDependencies(program, member, instruction, invocation);
        if ((projectInstall && production) || prunesDevDependencies(invocation, program, member, instruction)) {
          pending = pending.filter((left) => left.invocation.manager !== invocation.manager);
        } else if (projectInstall && !command.conditional) {
          pending.push({ run: instruction, stage: member, invocation });
        }
      }
    }
  }
  return pending;
}
