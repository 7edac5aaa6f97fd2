import type { DockerfileProgram, Env, EscapeChar, KeyValuePair, Label } from "../lib/dockerfile/ast.js";
import { trimContinuation } from "../lib/dockerfile/parse.js";
import { reparseEdited } from "../lib/dockerfile/reparse.js";
import type { DockerfileRuleTypes } from "../lib/languages/dockerfile/rule-types.js";
import { createRule } from "../lib/utils/create-rule.js";
import { lineContentEnd, lineStartAt, nextLineStart } from "../lib/utils/line-ends.js";

const isBlank = (char: string): boolean => char === " " || char === "\t";

/**
 * Rewrites the value of a legacy `KEY value` pair (BuildKit takes the rest of the line as one word
 * and expands it with `ProcessWord`, keeping inner blanks) as the value of `KEY=value`, where an
 * unquoted blank would end the word. Returns text that `ProcessWord` turns into the same string:
 * - no blank outside quotes: the value as it is;
 * - blanks but no quote or escape character: the value in double quotes (`$` expands the same way
 *   inside them);
 * - otherwise: each blank outside quotes escaped with the escape character, quotes kept as written.
 */
export function keyValueFormValue(value: string, escapeChar: EscapeChar): string {
  return keyValueFormMapped(value, escapeChar).text;
}

/** `[shift, 1 + shift, …, length + shift]`: where each character lands in a value kept whole (a loop: `Array.from` with a mapper is V8's slow path). */
function shiftedOffsets(length: number, shift: number): number[] {
  const offsets: number[] = [];
  for (let index = 0; index <= length; index++) offsets.push(index + shift);
  return offsets;
}

/**
 * {@link keyValueFormValue}, with `map[i]` the offset in the rewritten text where the character `i`
 * of `value` lands (`map[value.length]` = where the end lands, before a closing quote).
 */
function keyValueFormMapped(value: string, escapeChar: EscapeChar): { text: string; map: number[] } {
  let hasOuterBlank = false;
  let rewritten = "";
  const map: number[] = [];
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index]!;
    if (char === escapeChar) {
      map.push(rewritten.length);
      if (index + 1 < value.length) map.push(rewritten.length + 1);
      rewritten += value.slice(index, index + 2);
      index += 1;
    } else if (char === "'" || char === '"') {
      let end = index + 1;
      while (end < value.length && value[end] !== char) end += char === '"' && value[end] === escapeChar ? 2 : 1;
      const quoted = value.slice(index, end + 1);
      for (let k = 0; k < quoted.length; k++) map.push(rewritten.length + k);
      rewritten += quoted;
      index = end;
    } else if (isBlank(char)) {
      hasOuterBlank = true;
      map.push(rewritten.length);
      rewritten += escapeChar + char;
    } else {
      map.push(rewritten.length);
      rewritten += char;
    }
  }
  if (!hasOuterBlank) return { text: value, map: shiftedOffsets(value.length, 0) };
  if (!value.includes('"') && !value.includes("'") && !value.includes(escapeChar)) return { text: `"${value}"`, map: shiftedOffsets(value.length, 1) };
  map.length = value.length;
  map.push(rewritten.length);
  return { text: rewritten, map };
}

/**
 * The text that replaces `[key end, value end)` of a legacy pair written over several lines, keeping
 * every comment line, blank line and continuation where it is (only the blanks that would join the
 * key and the value are dropped), or null when the value cannot be followed line by line.
 *
 * The value's characters are found as BuildKit joins them: on each physical line up to the
 * continuation escape (`trimContinuation`, the parser's own test); comment and blank lines in
 * between are kept as they are. `keyValueFormValue` rewrites the joined value; the kept text goes
 * back at the same places of the rewritten value.
 */
function rewriteKeepingLines(text: string, pair: KeyValuePair, escapeChar: EscapeChar): string | null {
  const value = pair.value!;
  const [valueStart, valueEnd] = value.range;
  const keyEnd = pair.key.range[1];
  // Between the key and the value: `=`, or `=` plus the continuation and the lines up to the value's.
  let head = "=";
  const keyLineEnd = lineContentEnd(text, keyEnd, "buildkit");
  if (keyLineEnd < valueStart) {
    const [escape, continues] = trimContinuation(text, keyEnd, keyLineEnd, escapeChar);
    if (!continues) return null;
    head += text.slice(escape, lineStartAt(text, valueStart, "buildkit"));
  }
  // The value: runs of its characters, and the text between them (continuations, comment lines).
  const runs: [number, number][] = [];
  const between: string[] = [];
  let position = valueStart;
  for (let guard = 0; position < valueEnd && guard < 1_000_000; guard++) {
    const lineEnd = lineContentEnd(text, position, "buildkit");
    const next = nextLineStart(text, position, "buildkit");
    const lineStart = lineStartAt(text, position, "buildkit");
    if (position === lineStart && runs.length > 0 && /^\s*(?:#|$)/u.test(text.slice(lineStart, lineEnd))) {
      between[between.length - 1] += text.slice(position, next);
      position = next;
      continue;
    }
    if (lineEnd >= valueEnd) {
      runs.push([position, valueEnd]);
      between.push("");
      break;
    }
    const [escape, continues] = trimContinuation(text, lineStart, lineEnd, escapeChar);
    if (!continues) return null;
    runs.push([position, escape]);
    between.push(text.slice(escape, next));
    position = next;
  }
  const joined = runs.map(([start, end]) => text.slice(start, end)).join("");
  if (joined !== value.value) return null;
  const { text: rewritten, map } = keyValueFormMapped(joined, escapeChar);
  let out = head;
  let offset = 0;
  let written = 0;
  runs.forEach(([start, end], index) => {
    offset += end - start;
    const last = index === runs.length - 1;
    const upTo = last ? rewritten.length : map[offset]!;
    out += rewritten.slice(written, upTo) + between[index]!;
    written = upTo;
  });
  return out;
}

/**
 * The fix for a legacy pair: `KEY=value` with the value rewritten so that BuildKit reads the same
 * string, the comment lines of a continued ENV kept in place (the official cassandra images name
 * whose GPG key is whose that way). Proven by parsing the edited instruction again: null when the
 * result is not the same pairs with this one in `KEY=value` form.
 */
function legacyFix(text: string, program: DockerfileProgram, instruction: Env | Label, index: number): { range: [number, number]; text: string } | null {
  const pair = instruction.pairs[index]!;
  const value = pair.value!;
  const replacement = rewriteKeepingLines(text, pair, program.escapeChar);
  if (replacement === null) return null;
  const edit = { range: [pair.key.range[1], value.range[1]] as [number, number], text: replacement };
  const after = reparseEdited(text, program, instruction, [edit]);
  if (!after || after.type !== instruction.type) return null;
  const pairs = after.pairs;
  if (pairs.length !== instruction.pairs.length) return null;
  const expected = keyValueFormValue(value.value, program.escapeChar);
  const same = pairs.every((candidate, k) =>
    k === index
      ? !candidate.legacy && candidate.key.value === pair.key.value && candidate.value?.value === expected
      : candidate.key.value === instruction.pairs[k]!.key.value && candidate.value?.value === instruction.pairs[k]!.value?.value,
  );
  return same ? edit : null;
}

export default createRule<DockerfileRuleTypes<[], "legacy">>("env-key-value-format", {
  meta: {
    type: "suggestion",
    docs: {
      description: "Require the `KEY=value` form in ENV and LABEL instead of the legacy `KEY value` form",
      category: "environment",
      config: "recommended",
      fileKinds: ["dockerfile"],
      peers: ["BuildKit LegacyKeyValueFormat", "SonarQube S6574"],
    },
    fixable: "code",
    schema: [],
    messages: {
      legacy: "Legacy '{{instruction}} {{key}} value' form: write {{key}}=value (the legacy form takes the whole rest of the line as the value and is deprecated).",
    },
  },
  create(context) {
    const { sourceCode } = context;

    function check(instruction: Env | Label): void {
      instruction.pairs.forEach((pair, index) => {
        if (!pair.legacy) return;
        const value = pair.value;
        // Without a value BuildKit rejects the line ("must have two arguments"): nothing to rewrite.
        const edit = value && value.value !== "" ? legacyFix(sourceCode.text, sourceCode.ast, instruction, index) : null;
        context.report({
          loc: pair.loc,
          messageId: "legacy",
          data: { instruction: instruction.type === "Env" ? "ENV" : "LABEL", key: pair.key.value },
          fix: edit ? (fixer) => fixer.replaceTextRange(edit.range, edit.text) : null,
        });
      });
    }

    return {
      Env: check,
      Label: check,
    };
  },
});
