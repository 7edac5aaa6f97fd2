import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { defineRunVisitor } from "../lib/languages/dockerfile/visitors.js";
import { packageManagerInvocations } from "../lib/semantics/packages/package-manager-invocations.js";
import { comparablePackageName, managersNamedBy, PACKAGE_MANAGER_IDS, PACKAGE_NAMESPACES } from "../lib/semantics/packages/package-namespaces.js";
import type { PackageManagerId, PackageManagerAction } from "../lib/shell/index.js";
import { createRule } from "../lib/utils/create-rule.js";
import { matchesNamePattern, namePattern, type NamePattern } from "../lib/utils/name-pattern.js";
import { locOfRange } from "../lib/utils/range-loc.js";

type MessageId = "restricted" | "restrictedWithMessage";

/** One deny entry: a package name pattern for the managers `manager` names, with what to say. */
interface RestrictedPackage {
  manager?: string;
  name: string;
  message?: string;
}

type Options = [{ packages?: RestrictedPackage[] }];

/** Actions that put a named package into the image: an install, or an upgrade that installs it (`pip install -U x`). */
const INSTALLING_ACTIONS: ReadonlySet<PackageManagerAction> = new Set(["install", "upgrade"]);

const MANAGER_VALUES = ["*", ...Object.keys(PACKAGE_NAMESPACES), ...PACKAGE_MANAGER_IDS.filter((id) => !Object.hasOwn(PACKAGE_NAMESPACES, id))];

interface CompiledEntry {
  entry: RestrictedPackage;
  managers: ReadonlySet<PackageManagerId>;
  /** The name pattern per manager, compiled in that manager's comparable form. */
  patterns: Map<PackageManagerId, NamePattern>;
}

function compile(entry: RestrictedPackage): CompiledEntry | null {
  const managers = managersNamedBy(entry.manager ?? "*");
  if (!managers) return null;
  const patterns = new Map<PackageManagerId, NamePattern>();
  for (const manager of managers) patterns.set(manager, namePattern(comparablePackageName(manager, entry.name.trim())));
  return { entry, managers, patterns };
}

export default createRule<DockerfileRuleTypes<Options, MessageId>>("no-restricted-packages", {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow installing the packages listed in the `packages` option, per package manager",
      category: "run",
      config: null,
      fileKinds: ["dockerfile"],
      peers: [],
    },
    schema: [
      {
        type: "object",
        properties: {
          packages: {
            type: "array",
            description: "Deny entries; an install of a package an entry names is reported with the entry's message.",
            items: {
              type: "object",
              properties: {
                manager: {
                  enum: MANAGER_VALUES,
                  description:
                    "Which installs the entry covers: `*` (default) every manager; `apt`, `rpm`, `pip`, `npm` every tool of that package namespace (`pip` covers pip, pipx, uv, poetry, pipenv); any other manager id (`apk`, `yarn`, `gem`…) that manager alone.",
                },
                name: {
                  type: "string",
                  description: "The package name pattern (`*` any characters, `?` one), compared as the namespace compares names (PyPI's PEP 503 form, apt without `:arch`, otherwise case-insensitively).",
                },
                message: { type: "string", description: "What to use instead, shown with the finding." },
              },
              required: ["name"],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ packages: [] }],
    messages: {
      restricted: "Package '{{name}}' ({{manager}}) is restricted by the policy.",
      restrictedWithMessage: "Package '{{name}}' ({{manager}}) is restricted by the policy: {{message}}",
    },
  },
  create(context) {
    const entries = (context.options[0]?.packages ?? []).map(compile).filter((entry) => entry !== null);
    if (entries.length === 0) return {};
    const { sourceCode } = context;
    return defineRunVisitor(context, {
      onRun({ program, run }) {
        // Through the package-manager model: wrappers, `sh -c`, exec form and heredoc scripts included; an
        // `echo telnet` or an `apt-get remove telnet` is not an install.
        for (const { invocation } of packageManagerInvocations(program, run)) {
          if (!INSTALLING_ACTIONS.has(invocation.action)) continue;
          for (const argument of invocation.packages) {
            // A file, URL, path, group or a name from a variable is not a name the policy can judge.
            if (argument.kind !== "name" || argument.name === null) continue;
            const name = comparablePackageName(invocation.manager, argument.name);
            const found = entries.find((entry) => entry.managers.has(invocation.manager) && matchesNamePattern(entry.patterns.get(invocation.manager)!, name));
            if (!found) continue;
            const data = { name: argument.name, manager: invocation.manager, ...(found.entry.message === undefined ? {} : { message: found.entry.message }) };
            context.report({ loc: locOfRange(sourceCode, argument.word.range), messageId: found.entry.message === undefined ? "restricted" : "restrictedWithMessage", data });
          }
        }
      },
    });
  },
});
