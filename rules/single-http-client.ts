import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import type { HttpClient } from "../lib/shell/http-clients.js";
import type { ShellWord } from "../lib/shell/model.js";
import { packageManagerInvocations } from "../lib/semantics/packages/package-manager-invocations.js";
import { toolAvailability } from "../lib/semantics/images/image-tools.js";
import { runShellOf } from "../lib/languages/dockerfile/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";
import { locOfRange } from "../lib/utils/range-loc.js";

const CLIENTS: ReadonlySet<string> = new Set<HttpClient>(["curl", "wget"]);

/** The first word by which a stage uses or installs each client. */
type FirstUse = Map<HttpClient, { word: ShellWord; how: "runs" | "installs" }>;

export default createRule<DockerfileRuleTypes<[], "both">>("single-http-client", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow using or installing both curl and wget in one stage",
      category: "run",
      config: "strict",
      fileKinds: ["dockerfile"],
      peers: ["hadolint DL4001", "Trivy DS-0014", "KICS Run Using 'wget' and 'curl'"],
    },
    schema: [],
    messages: {
      both: "This stage {{how}} `{{second}}` although it already uses `{{first}}`: one HTTP client is enough; drop one to keep the image small and its attack surface smaller.",
    },
  },
  create(context) {
    const program = context.sourceCode.ast;
    return {
      Stage(stage) {
        const firstUse: FirstUse = new Map();
        // A client the stage's base already has (BusyBox wget on Alpine, curl and wget on the official
        // images' full variants) is not one this stage adds: running it costs the image nothing.
        const inBase = new Map<HttpClient, boolean>();
        const providedByBase = (client: HttpClient): boolean => {
          let known = inBase.get(client);
          if (known === undefined) {
            known = toolAvailability(program, stage, client, "start").state === "present";
            inBase.set(client, known);
          }
          return known;
        };
        for (const instruction of stage.instructions) {
          if (instruction.type !== "Run") continue;
          const shell = runShellOf(program, instruction);
          if (!shell) continue;
          for (const { unwrapped } of shell.commands) {
            const name = unwrapped.baseName;
            if (name !== null && CLIENTS.has(name) && unwrapped.name && !firstUse.has(name as HttpClient) && !providedByBase(name as HttpClient)) {
              firstUse.set(name as HttpClient, { word: unwrapped.name, how: "runs" });
            }
          }
          for (const { invocation } of packageManagerInvocations(program, instruction)) {
            if (invocation.action !== "install") continue;
            for (const item of invocation.packages) {
              if (item.name !== null && CLIENTS.has(item.name) && !firstUse.has(item.name as HttpClient)) firstUse.set(item.name as HttpClient, { word: item.word, how: "installs" });
            }
          }
        }
        const curl = firstUse.get("curl");
        const wget = firstUse.get("wget");
        if (!curl || !wget) return;
        const [first, second] = curl.word.range[0] < wget.word.range[0] ? (["curl", "wget"] as const) : (["wget", "curl"] as const);
        const use = firstUse.get(second)!;
        context.report({ loc: locOfRange(context.sourceCode, use.word.range), messageId: "both", data: { first, second, how: use.how } });
      },
    };
  },
});
