import { allInstructions } from "../lib/dockerfile/ast-helpers.js";
import type { Instruction, Keyword } from "../lib/dockerfile/ast.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { getStrayHeredocs } from "../lib/semantics/instructions/stray-heredocs.js";
import { createRule } from "../lib/utils/create-rule.js";

type Casing = "upper" | "lower";
type CasingOption = "consistent" | Casing;

function casingOf(word: string): Casing | "mixed" {
  if (word === word.toUpperCase()) return "upper";
  if (word === word.toLowerCase()) return "lower";
  return "mixed";
}

/**
 * Every keyword a reader sees: instruction keywords (ONBUILD triggers too), `AS`, HEALTHCHECK's `CMD`/`NONE`.
 * A word that is no Dockerfile instruction (`echo` under a CMD heredoc, `FORM`) is not a keyword: it
 * is neither counted nor re-cased (`no-unknown-instruction` reports it).
 */
function keywordsOf(instruction: Instruction): Keyword[] {
  if (instruction.type === "UnknownInstruction") return [];
  const keywords = [instruction.keyword];
  if (instruction.type === "From" && instruction.asKeyword) keywords.push(instruction.asKeyword);
  if (instruction.type === "Healthcheck" && instruction.subcommand) keywords.push(instruction.subcommand);
  if (instruction.type === "Onbuild" && instruction.trigger) keywords.push(...keywordsOf(instruction.trigger));
  return keywords;
}

/**
 * BuildKit's ConsistentInstructionCasing picks the majority of the instruction keywords, upper case on
 * a tie; mixed-case keywords count for neither side.
 */
function majorityCasing(keywords: readonly Keyword[]): Casing {
  let upper = 0;
  let lower = 0;
  for (const keyword of keywords) {
    const casing = casingOf(keyword.value);
    if (casing === "upper") upper += 1;
    else if (casing === "lower") lower += 1;
  }
  return lower > upper ? "lower" : "upper";
}

export default createRule<DockerfileRuleTypes<[{ casing?: CasingOption }], "inconsistent" | "asCasing">>("instruction-casing", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Require instruction keywords to be cased consistently, with `AS` cased like `FROM`",
      category: "hygiene",
      config: "stylistic",
      fileKinds: ["dockerfile"],
      peers: ["BuildKit ConsistentInstructionCasing", "BuildKit FromAsCasing", "SonarQube S6476"],
    },
    fixable: "code",
    schema: [
      {
        type: "object",
        properties: {
          casing: {
            enum: ["consistent", "upper", "lower"],
            description:
              "`consistent`: the casing most keywords of the file already use (upper case on a tie); `upper` or `lower`: always that casing.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ casing: "consistent" }],
    messages: {
      inconsistent: "'{{keyword}}' should be written '{{expected}}' ({{reason}}).",
      asCasing: "'{{keyword}}' should be written '{{expected}}', cased like its FROM.",
    },
  },
  create(context) {
    const option = context.options[0]?.casing ?? "consistent";
    return {
      Program(program) {
        // Lines under `CMD <<EOF` are instructions to BuildKit, but a script to whoever wrote them:
        // re-casing `env` to `ENV` there rewrites the script (no-unknown-instruction reports them).
        const stray = getStrayHeredocs(program, context.sourceCode.text);
        const instructions = allInstructions(program).filter((instruction) => !stray.has(instruction));
        const keywords = instructions.flatMap(keywordsOf);
        const casing: Casing = option === "consistent" ? majorityCasing(keywords) : option;
        const reason = option === "consistent" ? `most keywords of this file are ${casing} case` : `the configured casing is ${casing} case`;
        for (const instruction of instructions) {
          for (const keyword of keywordsOf(instruction)) {
            if (casingOf(keyword.value) === casing) continue;
            const expected = casing === "upper" ? keyword.value.toUpperCase() : keyword.value.toLowerCase();
            const isAs = instruction.type === "From" && keyword === instruction.asKeyword;
            context.report({
              loc: keyword.loc,
              messageId: isAs ? "asCasing" : "inconsistent",
              data: { keyword: keyword.value, expected, reason },
              fix: (fixer) => fixer.replaceTextRange(keyword.range, expected),
            });
          }
        }
      },
    };
  },
});
