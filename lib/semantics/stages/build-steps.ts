/**
 * Commands that build an application (compile, bundle, package), recognized on the shell model's
 * commands. Read by `prefer-multi-stage-build` and `static-binary-for-scratch`. Each entry follows
 * the tool's documented command line:
 * - npm `run <script>` (https://docs.npmjs.com/cli/commands/npm-run-script), yarn `[run] <script>`
 *   (https://yarnpkg.com/cli/run), pnpm `[run] <script>` (https://pnpm.io/cli/run), bun `run`;
 *   a script whose name starts with `build` counts.
 * - `go build` / `go install` (https://pkg.go.dev/cmd/go), `cargo build` / `cargo install`
 *   (https://doc.rust-lang.org/cargo/commands/), `dotnet publish` / `dotnet build`
 *   (https://learn.microsoft.com/dotnet/core/tools/), Maven lifecycle phases `package`, `install`,
 *   `verify` (https://maven.apache.org/guides/introduction/introduction-to-the-lifecycle.html),
 *   Gradle `build`, `assemble`, `bootJar`, `jar`, `shadowJar`, `installDist`
 *   (https://docs.gradle.org/current/userguide/command_line_interface.html), and the bundlers `tsc`,
 *   `ng build`, `next build`, `vite build`, `webpack`.
 */
import type { ShellCommand } from "../../shell/index.js";

export interface BuildStep {
  /** The command's tool (`go`, `npm`, `./gradlew` → `gradle`). */
  tool: string;
  /** What the step is, for messages (`go build`, `npm run build`). */
  label: string;
}

/** The tool a command word names: the base name, with wrappers (`./gradlew`, `mvnw`) folded into their tool. */
function toolOf(word: string): string {
  const base = (word.split("/").at(-1) ?? word).toLowerCase().replace(/\.(?:cmd|bat|exe)$/u, "");
  if (base === "gradlew") return "gradle";
  if (base === "mvnw") return "mvn";
  if (base === "npx" || base === "pnpx") return "npx";
  return base;
}

const GRADLE_TASKS: ReadonlySet<string> = new Set(["build", "assemble", "bootjar", "jar", "shadowjar", "installdist", "bootdistzip"]);
const MAVEN_PHASES: ReadonlySet<string> = new Set(["package", "install", "verify", "spring-boot:repackage"]);

/** The build step a simple command runs, or null. Option words are skipped; words the shell expands are unknown. */
export function buildStepOf(command: ShellCommand): BuildStep | null {
  const name = command.name?.value;
  if (!name) return null;
  const tool = toolOf(name);
  const operands = command.args.map((arg) => arg.value).filter((value): value is string => value !== null && !value.startsWith("-"));
  const [first, second] = operands;
  const lower = first?.toLowerCase();
  switch (tool) {
    case "npm":
    case "bun":
      return (lower === "run" || lower === "run-script") && second?.startsWith("build") ? { tool, label: `${tool} run ${second}` } : null;
    case "yarn":
    case "pnpm":
      if (lower === "run" && second?.startsWith("build")) return { tool, label: `${tool} run ${second}` };
      return first?.startsWith("build") ? { tool, label: `${tool} ${first}` } : null;
    case "go":
      return lower === "build" || lower === "install" ? { tool, label: `go ${lower}` } : null;
    case "cargo":
      return lower === "build" || lower === "install" ? { tool, label: `cargo ${lower}` } : null;
    case "dotnet":
      return lower === "publish" || lower === "build" ? { tool, label: `dotnet ${lower}` } : null;
    case "mvn": {
      const phase = operands.find((operand) => MAVEN_PHASES.has(operand.toLowerCase()));
      return phase ? { tool, label: `mvn ${phase}` } : null;
    }
    case "gradle": {
      const task = operands.find((operand) => GRADLE_TASKS.has(operand.toLowerCase()));
      return task ? { tool, label: `gradle ${task}` } : null;
    }
    case "tsc":
    case "webpack":
      return { tool, label: tool };
    case "ng":
    case "next":
    case "vite":
      return lower === "build" ? { tool, label: `${tool} build` } : null;
    case "npx":
      return first && ["tsc", "webpack"].includes(first) ? { tool: first, label: `npx ${first}` } : first && ["ng", "next", "vite"].includes(first) && second === "build" ? { tool: first, label: `npx ${first} build` } : null;
    default:
      return null;
  }
}
