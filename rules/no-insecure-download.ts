import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { findOptionWords } from "../lib/shell/commands.js";
import { readDownload } from "../lib/shell/http-clients.js";
import type { ShellWord } from "../lib/shell/model.js";
import type { RunCommand } from "../lib/semantics/run/run-commands.js";
import { defineRunVisitor } from "../lib/languages/dockerfile/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";
import { locOfRange } from "../lib/utils/range-loc.js";

/** Commands that check a download's integrity (`sha256sum -c`, `gpg --verify`…): then plain HTTP cannot slip a change in. */
function verifiesIntegrity(commands: readonly RunCommand[]): boolean {
  return commands.some(({ unwrapped }) => {
    const name = unwrapped.baseName;
    if (name === null) return false;
    if (/^(?:sha(?:1|224|256|384|512)sum|shasum|md5sum|b2sum|cksum)$/u.test(name)) return findOptionWords(unwrapped.args, ["-c", "--check"]).length > 0;
    if (name === "gpg" || name === "gpg2") return findOptionWords(unwrapped.args, ["--verify"], { clusters: false }).length > 0;
    return name === "gpgv" || name === "gpgv2" || (name === "cosign" && unwrapped.args[0]?.value?.startsWith("verify") === true);
  });
}

/** A plain-HTTP URL to a host on the network (not loopback, not a bare service name of a private network). */
function isRemotePlainHttp(url: string): boolean {
  const match = /^http:\/\/(?:[^@/]*@)?(\[[^\]]*\]|[^/:?#]*)/iu.exec(url);
  if (!match) return false;
  const host = match[1]!.toLowerCase();
  if (host === "localhost" || host === "[::1]" || host.startsWith("127.")) return false;
  return host.includes(".") || host.startsWith("[");
}

function staticUrl(word: ShellWord): string | null {
  return word.value ?? (word.raw.replace(/^["']|["']$/gu, "") || null);
}

export default createRule<DockerfileRuleTypes<[], "insecureOption" | "plainHttp" | "addPlainHttp">>("no-insecure-download", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow downloads that skip TLS verification or use plain HTTP without a checksum",
      category: "run",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["Checkov CKV2_DOCKER_2", "Checkov CKV2_DOCKER_3", "SonarQube S5332"],
    },
    schema: [],
    messages: {
      insecureOption: "`{{option}}` turns off verification: anyone between the build and the server can change what `{{tool}}` installs. Fix the certificate or the repository key instead.",
      plainHttp: "`{{url}}` is downloaded over plain HTTP and not verified: use https://, or check a checksum (`sha256sum -c`) or signature in the same RUN.",
      addPlainHttp: "ADD downloads `{{url}}` over plain HTTP: use https:// and `--checksum=sha256:…`.",
    },
  },
  create(context) {
    const report = (word: { range: readonly [number, number] }, messageId: "insecureOption" | "plainHttp", data: Record<string, string>) =>
      context.report({ loc: locOfRange(context.sourceCode, [word.range[0], word.range[1]]), messageId, data });
    return {
      ...defineRunVisitor(context, {
        onRun({ commands }) {
          let verified: boolean | null = null;
          for (const { unwrapped } of commands) {
            if (unwrapped.baseName === null) continue;
            const download = readDownload(unwrapped);
            if (download) {
              if (download.insecureOption) report(download.insecureOption.word, "insecureOption", { option: download.insecureOption.name, tool: download.client });
              for (const url of download.urls) {
                const value = staticUrl(url);
                if (value === null || !isRemotePlainHttp(value)) continue;
                verified ??= verifiesIntegrity(commands);
                if (!verified) report(url, "plainHttp", { url: value });
              }
              continue;
            }
          }
        },
      }),
      Add(add) {
        if (add.flags.some((flag) => flag.name === "checksum")) return;
        for (const source of add.sources) {
          if (isRemotePlainHttp(source.value)) context.report({ loc: source.loc, messageId: "addPlainHttp", data: { url: source.value } });
        }
      },
    };
  },
});
