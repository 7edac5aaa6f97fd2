import type { DockerfileProgram, Run, Stage } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import type { ShellCommand, ShellScript } from "../lib/shell/index.js";
import { buildStepOf } from "../lib/semantics/stages/build-steps.js";
import { variableBefore } from "../lib/semantics/variables/declared-values.js";
import { runShellScript } from "../lib/semantics/run/run-shell.js";
import { shippedApplicationStage } from "../lib/semantics/stages/shipped-image.js";
import { argInEffect, stageReferences } from "../lib/semantics/stages/stage-references.js";
import { getStageGraph } from "../lib/semantics/stages/stages.js";
import { createRule } from "../lib/utils/create-rule.js";
import { locOfRange } from "../lib/utils/range-loc.js";

type MessageId = "dynamicGoBinary" | "noCaCertificates";

/** `CGO_ENABLED` as the `go build` command sees it: its prefix, an earlier `export` in the script, then ENV, then ARG (inherited through FROM <stage> too). */
function cgoDisabled(program: DockerfileProgram, stage: Stage, run: Run, script: ShellScript, command: ShellCommand): boolean {
  const prefix = command.assignments.find((assignment) => assignment.name === "CGO_ENABLED");
  if (prefix) return prefix.value?.value === "0";
  // `env CGO_ENABLED=0 go build` and `export CGO_ENABLED=0 && go build` (a later command of the same script).
  for (const earlier of script.commands) {
    if (earlier.index >= command.index) break;
    const words = earlier.args.map((arg) => arg.value);
    if ((earlier.kind === "declaration" || earlier.name?.value === "env") && words.includes("CGO_ENABLED=0")) return true;
    if (earlier.kind === "simple" && earlier.name === null && earlier.assignments.some((assignment) => assignment.name === "CGO_ENABLED" && assignment.value?.value === "0")) return true;
  }
  const fromEnv = variableBefore(program, stage, run, "CGO_ENABLED");
  return (fromEnv !== undefined ? fromEnv : argInEffect(program, stage, run, "CGO_ENABLED")) === "0";
}

/** `-ldflags '-extldflags "-static"'` (or `-extldflags=-static`): linked statically even with cgo. */
function linksStatically(command: ShellCommand): boolean {
  return command.args.some((arg) => arg.value !== null && arg.value.includes("-extldflags") && arg.value.includes("-static"));
}

/** A source path that holds CA certificates (`/etc/ssl/certs/…`, `/etc/pki/…`, a `ca-certificates*` file). */
function isCertificatePath(source: { value: string }): boolean {
  const path = source.value.replace(/^["']|["']$/gu, "");
  return path.includes("ca-certificates") || path === "/etc/ssl" || path.startsWith("/etc/ssl/") || path === "/etc/pki" || path.startsWith("/etc/pki/");
}

interface GoBuild {
  label: string;
  dynamic: boolean;
}

/** The `go build`/`go install` steps of a stage and the stages it is built FROM. */
function goBuildsOf(program: DockerfileProgram, stage: Stage): GoBuild[] {
  const builds: GoBuild[] = [];
  for (const member of getStageGraph(program).ancestry(stage)) {
    for (const instruction of member.instructions) {
      if (instruction.type !== "Run") continue;
      const script = runShellScript(program, instruction);
      if (!script) continue;
      for (const command of script.commands) {
        const step = buildStepOf(command);
        if (step?.tool !== "go") continue;
        builds.push({ label: step.label, dynamic: !cgoDisabled(program, member, instruction, script, command) && !linksStatically(command) });
      }
    }
  }
  return builds;
}

export default createRule<DockerfileRuleTypes<[], MessageId>>("static-binary-for-scratch", {
  meta: {
    type: "problem",
    docs: {
      description: "Require Go binaries copied into a `FROM scratch` image to be static (`CGO_ENABLED=0`) and CA certificates to be there",
      category: "stages",
      config: "strict",
      fileKinds: ["dockerfile"],
      peers: [],
    },
    schema: [],
    messages: {
      dynamicGoBinary:
        'The binary copied from stage "{{stage}}" is built by `{{step}}` without CGO_ENABLED=0, so it links the C library dynamically and fails to start in a scratch image ("no such file or directory"). Set CGO_ENABLED=0 (ENV, or before the command) or link statically.',
      noCaCertificates:
        "This scratch image runs a Go binary but has no CA certificates: any HTTPS or TLS connection it makes fails with \"x509: certificate signed by unknown authority\". COPY --from=<builder> /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/.",
    },
  },
  create(context) {
    const { sourceCode } = context;
    return {
      Program(program) {
        const shipped = shippedApplicationStage(program, { filename: context.filename });
        if (!shipped) return;
        const graph = getStageGraph(program);
        const chain = graph.ancestry(shipped);
        const root = chain.at(-1);
        if (!root || graph.baseOf(root).kind !== "scratch") return;
        let copiesGoBinary = false;
        let hasCertificates = false;
        for (const reference of stageReferences(program)) {
          if (reference.site !== "copy-from" || !chain.includes(reference.stage)) continue;
          const instruction = reference.instruction;
          if ((instruction.type === "Copy" || instruction.type === "Add") && instruction.sources.length > 0 && instruction.sources.every(isCertificatePath)) {
            hasCertificates = true;
            continue;
          }
          if (reference.target.kind !== "stage") continue;
          const builds = goBuildsOf(program, reference.target.stage);
          if (builds.length === 0) continue;
          copiesGoBinary = true;
          const dynamic = builds.find((build) => build.dynamic);
          if (!dynamic) continue;
          context.report({
            loc: locOfRange(sourceCode, reference.range),
            messageId: "dynamicGoBinary",
            data: { stage: reference.target.stage.name ?? String(reference.target.stage.index), step: dynamic.label },
          });
        }
        if (copiesGoBinary && !hasCertificates && root.from.image) context.report({ loc: root.from.image.loc, messageId: "noCaCertificates" });
      },
    };
  },
});
