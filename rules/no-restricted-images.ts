import type { ComposeRuleTypes } from "../lib/languages/compose/rule-types.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { normalizedImageName, parseImageReference, type ParsedImageReference } from "../lib/dockerfile/image-reference.js";
import { composeImageUses, dockerfileImageUses } from "../lib/semantics/images/image-uses.js";
import { registryNamedBy } from "../lib/semantics/images/registry-match.js";
import { defineComposeFileVisitor } from "../lib/languages/compose/visitors.js";
import { createRule } from "../lib/utils/create-rule.js";
import { fileKindOf } from "../lib/utils/file-kind.js";
import { matchesNamePattern, namePattern, type NamePattern } from "../lib/utils/name-pattern.js";
import { locOfRange } from "../lib/utils/range-loc.js";

type MessageId = "restricted" | "restrictedWithMessage";

/** One deny entry: every part it gives must match; `message` is shown with the finding. */
interface RestrictedImage {
  registry?: string;
  repository?: string;
  tag?: string;
  digest?: string;
  message?: string;
}

type Options = [{ images?: RestrictedImage[] }];

/** A deny entry compiled once per lint. */
interface CompiledEntry {
  entry: RestrictedImage;
  /** How the entry is shown in the message: `registry "quay.io", tag "latest"`. */
  description: string;
  repository: NamePattern | null;
  tag: NamePattern | null;
  digest: NamePattern | null;
}

/**
 * A repository pattern read as Docker reads a reference: `node` is `docker.io/library/node`,
 * `bitnami/*` is `docker.io/bitnami/*`, `ghcr.io/org/*` is itself. A pattern whose first component has
 * a wildcard (`*∕node`, `*telnet*`) is matched against the whole normalized name as written.
 */
export function normalizedRepositoryPattern(pattern: string): string {
  const lower = pattern.trim().toLowerCase();
  const first = lower.split("/", 1)[0]!;
  if (first.includes("*") || first.includes("?")) return lower;
  const reference = parseImageReference(lower);
  return normalizedImageName({ registry: reference.registry, path: reference.raw.slice(reference.pathRange[0]) });
}

/** The tag Docker pulls: the one written, else `latest` when there is no digest either (Docker's default). */
function effectiveTag(reference: ParsedImageReference): string | null {
  if (reference.tag !== null) return reference.tag;
  return reference.digest === null ? "latest" : null;
}

function compile(entry: RestrictedImage): CompiledEntry {
  const parts: string[] = [];
  if (entry.registry !== undefined) parts.push(`registry "${entry.registry}"`);
  if (entry.repository !== undefined) parts.push(`repository "${entry.repository}"`);
  if (entry.tag !== undefined) parts.push(`tag "${entry.tag}"`);
  if (entry.digest !== undefined) parts.push(`digest "${entry.digest}"`);
  return {
    entry,
    description: parts.join(", "),
    repository: entry.repository === undefined ? null : namePattern(normalizedRepositoryPattern(entry.repository)),
    tag: entry.tag === undefined ? null : namePattern(entry.tag),
    digest: entry.digest === undefined ? null : namePattern(entry.digest.trim().toLowerCase()),
  };
}

function entryMatches(compiled: CompiledEntry, reference: ParsedImageReference): boolean {
  const { entry } = compiled;
  const name = normalizedImageName(reference).toLowerCase();
  if (entry.registry !== undefined && !registryNamedBy(entry.registry, name)) return false;
  if (compiled.repository && !matchesNamePattern(compiled.repository, name)) return false;
  if (compiled.tag) {
    const tag = effectiveTag(reference);
    if (tag === null || !matchesNamePattern(compiled.tag, tag)) return false;
  }
  if (compiled.digest && (reference.digest === null || !matchesNamePattern(compiled.digest, reference.digest.toLowerCase()))) return false;
  return true;
}

export default createRule<DockerfileRuleTypes<Options, MessageId> & ComposeRuleTypes<Options, MessageId>>("no-restricted-images", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow images that match the deny patterns of the `images` option (registry, repository, tag, digest)",
      category: "images",
      config: null,
      fileKinds: ["dockerfile", "compose"],
      peers: [],
    },
    schema: [
      {
        type: "object",
        properties: {
          images: {
            type: "array",
            description: "Deny entries. An image is reported when every part an entry gives matches; the first matching entry is reported.",
            items: {
              type: "object",
              properties: {
                registry: {
                  type: "string",
                  description:
                    "A registry host (`quay.io`; any port unless one is given), a host wildcard (`*.evil.example`), or a host and path prefix (`ghcr.io/some-org`). `docker.io` covers unqualified names.",
                },
                repository: {
                  type: "string",
                  description:
                    "A repository pattern (`*` any characters, `?` one), normalized as Docker reads names: `node` is `docker.io/library/node`, `bitnami/*` is `docker.io/bitnami/*`.",
                },
                tag: { type: "string", description: "A tag pattern (`latest`, `*-rc*`); an image without tag or digest has Docker's default tag `latest`." },
                digest: { type: "string", description: "A digest pattern (`sha256:2b7412e6…`), for a known-bad image." },
                message: { type: "string", description: "What to use instead, shown with the finding." },
              },
              additionalProperties: false,
              anyOf: [{ required: ["registry"] }, { required: ["repository"] }, { required: ["tag"] }, { required: ["digest"] }],
            },
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ images: [] }],
    messages: {
      restricted: 'Image "{{image}}" is restricted by the policy ({{pattern}}).',
      restrictedWithMessage: 'Image "{{image}}" is restricted by the policy ({{pattern}}): {{message}}',
    },
  },
  create(context) {
    const entries = (context.options[0]?.images ?? []).map(compile);
    const { sourceCode } = context;
    if (entries.length === 0) return {};

    function finding(image: string, reference: ParsedImageReference): { messageId: MessageId; data: Record<string, string> } | null {
      const found = entries.find((compiled) => entryMatches(compiled, reference));
      if (!found) return null;
      const { message } = found.entry;
      return message === undefined
        ? { messageId: "restricted", data: { image, pattern: found.description } }
        : { messageId: "restrictedWithMessage", data: { image, pattern: found.description, message } };
    }

    return {
      Program(program) {
        if (fileKindOf(program) !== "dockerfile") return;
        // A reference only `--build-arg` decides is not among the uses: unknown is not judged.
        for (const use of dockerfileImageUses(program, context.filename)) {
          const found = finding(use.value, use.reference);
          if (found) context.report({ loc: locOfRange(sourceCode, use.range), ...found });
        }
      },
      ...defineComposeFileVisitor(context, {
        onDocument({ model }) {
          // Interpolated values the environment decides are not among the uses either.
          for (const use of composeImageUses(model)) {
            const found = finding(use.value, use.reference);
            if (found) context.report({ node: use.node, ...found });
          }
        },
      }),
    };
  },
});
