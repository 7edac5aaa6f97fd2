import path from "node:path";
import { containerPortRange, isLoopback, publishesToHost } from "../lib/compose/ports.js";
import { defineComposeFileVisitor } from "../lib/languages/compose/visitors.js";
import type { DockerfileProgram, Expose, Stage, Word } from "../lib/dockerfile/ast.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { adminServiceOfPorts, type AdminService } from "../lib/semantics/services/admin-ports.js";
import { resolveWordAt } from "../lib/semantics/variables/resolve-word.js";
import { commandWords, shippedApplicationStage } from "../lib/semantics/stages/shipped-image.js";
import { settingInEffect } from "../lib/semantics/stages/stage-references.js";
import { getStageGraph } from "../lib/semantics/stages/stages.js";
import { createRule } from "../lib/utils/create-rule.js";
import { fileKindOf } from "../lib/utils/file-kind.js";

type MessageIds = "exposed" | "published";

/** `22`, `22/tcp`, `5900-5903/tcp` as EXPOSE takes them (go-connections `nat.ParsePortSpec`); null for anything else (valid-expose reports it). */
function parseExposed(value: string): { start: number; end: number; protocol: string } | null {
  const match = /^(\d+)(?:-(\d+))?(?:\/([A-Za-z]+))?$/u.exec(value);
  if (!match) return null;
  const start = Number(match[1]);
  const end = match[2] === undefined ? start : Number(match[2]);
  return end < start ? null : { start, end, protocol: match[3] ?? "tcp" };
}

interface ExposedPort {
  word: Word;
  value: string;
  service: AdminService | null;
}

/** Every port the image of `stage` exposes: EXPOSE in the stage and the stages it is built FROM (the image config carries them). */
function exposedPorts(program: DockerfileProgram, stage: Stage): ExposedPort[] {
  const ports: ExposedPort[] = [];
  for (const member of getStageGraph(program).ancestry(stage)) {
    for (const instruction of member.instructions) {
      if (instruction.type !== "Expose") continue;
      for (const word of (instruction as Expose).ports) {
        const value = resolveWordAt(program, member, instruction, word);
        const parsed = value === null ? null : parseExposed(value);
        if (value === null || !parsed) continue;
        ports.push({ word, value, service: adminServiceOfPorts(parsed.start, parsed.end, parsed.protocol) });
      }
    }
  }
  return ports;
}

/** Init processes that start the command after their options (`tini -- app`, `dumb-init app`): the program is what follows. */
const INIT_WRAPPERS: ReadonlySet<string> = new Set(["tini", "tini-static", "dumb-init", "catatonit"]);
/** Process supervisors: they start whatever their configuration lists, so the image's purpose is not read from them. */
const SUPERVISORS: ReadonlySet<string> = new Set(["supervisord", "s6-svscan", "init", "runsvdir", "systemd", "(script)", "(dynamic)"]);

/**
 * The basename of the program the image starts (ENTRYPOINT, else CMD, in effect at the end of the
 * stage, past an init wrapper); null when unknown: set by the base image, or a supervisor or script.
 */
function mainProgram(program: DockerfileProgram, stage: Stage): string | null {
  const instruction = settingInEffect(program, stage, "Entrypoint") ?? settingInEffect(program, stage, "Cmd");
  const words = instruction ? commandWords(instruction) : [];
  let index = 0;
  while (index < words.length && INIT_WRAPPERS.has(path.posix.basename(words[index]!))) {
    index++;
    while (index < words.length && words[index]!.startsWith("-")) index++;
  }
  const first = words[index];
  if (first === undefined) return null;
  const name = path.posix.basename(first);
  return SUPERVISORS.has(name) ? null : name;
}

export default createRule<DockerfileRuleTypes<[], MessageIds> & ComposeRuleTypes<[], MessageIds>>("no-exposed-admin-port", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow exposing SSH, Telnet, RDP, VNC or the Docker API from an application image, and publishing the unprotected ones",
      category: "security",
      config: "recommended",
      fileKinds: ["dockerfile", "compose"],
      peers: ["Checkov CKV_DOCKER_1", "Trivy DS-0004", "KICS Exposing Port 22 (SSH)", "SonarQube S6473"],
    },
    schema: [],
    messages: {
      exposed:
        "EXPOSE {{port}} ({{service}}): this application image also offers {{risk}}. Containers are administered with `docker exec`, not a server of their own; remove the server and this port, or build the {{service}} server as an image of its own.",
      published:
        "Service '{{service}}' publishes {{adminService}} port {{port}} on every host interface: anyone on the network reaches {{risk}}. Bind it to 127.0.0.1, or reach it through an SSH tunnel or a VPN.",
    },
  },
  create(context) {
    return {
      ...defineComposeFileVisitor(context, {
        onService(service, { firstSighting: first }) {
          for (const port of service.ports) {
            if (!publishesToHost(port) || (port.hostIp !== null && isLoopback(port.hostIp))) continue;
            const range = containerPortRange(port);
            const admin = range ? adminServiceOfPorts(range.start, range.end, port.protocol) : null;
            // Authenticated, encrypted protocols (SSH, RDP, TLS Docker API) are often the service's purpose (a Git server's SSH): only the unprotected ones are judged here.
            if (!admin || !admin.unprotected) continue;
            const node = (port.form === "short" ? port.spec?.via : port.target?.via) ?? port.node;
            if (!first(node)) continue;
            context.report({ loc: node.loc, messageId: "published", data: { service: service.name, adminService: admin.name, port: String(range!.start), risk: admin.risk } });
          }
        },
      }),
      Program(program: DockerfileProgram) {
        if (fileKindOf(program) !== "dockerfile") return;
        const filename = path.isAbsolute(context.physicalFilename) ? context.physicalFilename : undefined;
        const stage = shippedApplicationStage(program, { filename });
        if (!stage) return;
        const ports = exposedPorts(program, stage);
        const main = mainProgram(program, stage);
        for (const port of ports) {
          const admin = port.service;
          if (!admin) continue;
          // The server is the image's own process: an SSH or Docker-in-Docker image, whose purpose this port is.
          if (main !== null && admin.servers.has(main)) continue;
          // The program is unknown and every port the image exposes belongs to this service: an image built to serve it.
          if (main === null && ports.every((other) => other.service?.group === admin.group)) continue;
          context.report({ loc: port.word.loc, messageId: "exposed", data: { port: port.value, service: admin.name, risk: admin.risk } });
        }
      },
    };
  },
});
