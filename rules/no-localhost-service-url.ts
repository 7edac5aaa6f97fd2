import path from "node:path";
import { effectiveValue, type ProjectService } from "../lib/project/compose-project.js";
import { readEnvFile } from "../lib/project/env-files.js";
import { reportNode } from "../lib/languages/compose/rule-support.js";
import { servedPorts } from "../lib/semantics/services/served-ports.js";
import type { KeyValueEntry } from "../lib/compose/types.js";
import { getScalarSourceRange } from "../lib/compose/yaml.js";
import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import { defineComposeProjectVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";

/** `localhost:5432`, `127.0.0.1:6379`, `[::1]:8080` in a value (a URL, a host:port pair). `0.0.0.0` is a listen address, not a target. */
const LOOPBACK_TARGET = /(?<![\w.-])(?:localhost|127\.0\.0\.1|\[::1\]):(\d{1,5})(?!\d)/giu;
/**
 * Variables whose value is not a target of this container: where it listens, or URLs it hands to
 * browsers and outside clients, which reach published ports on the host (Kafka's ADVERTISED_URL, CORS
 * origins, OAuth redirect and callback URLs, public base URLs).
 */
const NOT_A_TARGET = /listen|bind|advertis|public|external|cors|origin|redirect|callback|browser|allowed|trusted/iu;

export default createRule<ComposeRuleTypes<[], "localhost" | "localhostInEnvFile" | "useService">>("no-localhost-service-url", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow `localhost` URLs in `environment` that point at a port another service serves",
      category: "networking",
      config: "recommended",
      fileKinds: ["compose"],
      peers: [],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      localhost:
        "'{{service}}' reaches {{target}} in {{key}}, but inside a container localhost is the container itself, not '{{other}}', which serves port {{port}}. Use the service name: {{replacement}}.",
      localhostInEnvFile:
        "'{{service}}' reaches {{target}} in {{key}} ({{file}} line {{line}}), but inside a container localhost is the container itself, not '{{other}}', which serves port {{port}}. Use the service name there: {{replacement}}.",
      useService: "Use {{replacement}}.",
    },
  },
  create(context) {
    return defineComposeProjectVisitor(context, {
      onDocument({ model, project, firstSighting: first }) {
        const index = servedPorts(project);
        const targetsIn = (text: string, own: ReadonlySet<number> | undefined, service: string) => {
          const found: { match: RegExpMatchArray; port: number; candidates: { service: string; containerPort: number }[] }[] = [];
          for (const match of text.matchAll(LOOPBACK_TARGET)) {
            const port = Number(match[1]);
            if (own?.has(port)) continue;
            const candidates = (index.byPort.get(port) ?? []).filter((item) => item.service !== service && !hostNetwork(project.services.get(item.service)));
            if (candidates.length > 0) found.push({ match, port, candidates });
          }
          return found;
        };
        const dir = path.isAbsolute(project.file) ? path.dirname(project.file) : null;
        for (const service of model.services.values()) {
          const merged = project.services.get(service.name);
          // network_mode host/service:/container: shares another network stack: localhost is right there.
          if (!merged || effectiveValue(merged, (s) => s.networkMode, "network_mode")) continue;
          const own = index.byService.get(service.name);
          // env_file contents: reported at the env_file entry, naming the file's line (the other file is not ours to edit).
          for (const envFile of dir === null ? [] : service.envFile) {
            if (envFile.resolvedPath === null) continue;
            const variables = readEnvFile(path.resolve(dir!, envFile.resolvedPath)) ?? [];
            for (const variable of variables) {
              if (NOT_A_TARGET.test(variable.key)) continue;
              for (const { match, port, candidates } of targetsIn(variable.value, own, service.name)) {
                context.report({
                  loc: reportNode(envFile.pathNode).loc,
                  messageId: "localhostInEnvFile",
                  data: { service: service.name, target: match[0], key: variable.key, file: envFile.path, line: String(variable.line), other: candidates[0]!.service, port: String(port), replacement: candidates.slice(0, 3).map((item) => `${item.service}:${item.containerPort}`).join(" or ") },
                });
              }
            }
          }
          for (const entry of service.environment) {
            if (NOT_A_TARGET.test(entry.key) || entry.value === null || entry.resolved === null) continue;
            for (const { match, port, candidates } of targetsIn(entry.resolved, own, service.name)) {
              const where = locate(entry, match.index ?? 0, match[0].length);
              const node = where?.node ?? entry.via ?? entry.valueNode ?? entry.keyNode;
              if (!where && !first(node)) continue;
              const replacements = candidates.slice(0, 3).map((item) => `${item.service}:${item.containerPort}`);
              context.report({
                ...(where ? { loc: where.loc } : { loc: node.loc }),
                messageId: "localhost",
                data: { service: service.name, target: match[0], key: entry.key, other: candidates[0]!.service, port: String(port), replacement: replacements.join(" or ") },
                suggest: where
                  ? replacements.map((replacement) => ({ messageId: "useService" as const, data: { replacement }, fix: (fixer) => fixer.replaceTextRange(where.range, replacement) }))
                  : [],
              });
            }
          }
        }
      },
    });
  },
});

function hostNetwork(service: ProjectService | undefined): boolean {
  return service?.layers.some((layer) => layer.service.networkMode?.resolved === "host") ?? false;
}

/**
 * The source range and location of `length` characters at `index` of an entry's value, when the
 * value is written as is (no interpolation changed it, no escapes, one line, not through an alias).
 */
function locate(entry: KeyValueEntry, index: number, length: number) {
  const node = entry.valueNode;
  if (!node || entry.via || entry.value !== entry.resolved) return null;
  const start = entry.valueIndex + index;
  const range = getScalarSourceRange(node, start, start + length);
  if (!range) return null;
  const column = node.loc.start.column + (range[0] - node.range[0]);
  return {
    node,
    range,
    loc: { start: { line: node.loc.start.line, column }, end: { line: node.loc.start.line, column: column + (range[1] - range[0]) } },
  };
}
