/**
 * Instruction flags (`--name[=value]`): BuildKit `parser/split_command.go`, `extractBuilderFlags`,
 * and `instructions/bflag.go`; `--mount` values: `instructions/commands_runmount.go`, `parseMount`.
 *
 * Flags are the leading words that start with `--`; the first other word (or a lone `--`) starts the
 * arguments. Inside a flag word, quotes group (and are removed) and a backslash escapes the next
 * character: always `\`, whatever `# escape=` says. Every flag is read, however many there are and
 * in whatever order.
 */
import type { Flag, FlagValue, MountFlag, MountKind, MountOption, MountSpec, PlainFlag, Range } from "./ast.js";
import { isGoSpace } from "./chars.js";
import { makeNode, variableNodes, type LogicalLine } from "./nodes.js";
import { scanVariables } from "./variables.js";

interface RawFlag {
  start: number;
  end: number;
  /** The word with quotes and escapes processed. */
  processed: string;
  /** For each UTF-16 unit of `processed`, its offset in the logical line. */
  origin: number[];
}

/** Split the leading flags off `text[start, end)`. `restStart` is where the arguments begin. */
export function extractBuilderFlags(text: string, start: number, end: number): { flags: RawFlag[]; restStart: number } {
  const IN_SPACES = 0;
  const IN_WORD = 1;
  const IN_QUOTE = 2;
  const flags: RawFlag[] = [];
  let phase = IN_SPACES;
  let quote = "";
  let blankOK = false;
  let word = "";
  let origin: number[] = [];
  let wordStart = -1;
  let wordEnd = -1;
  const push = (): void => {
    flags.push({ start: wordStart, end: wordEnd, processed: word, origin });
  };
  for (let pos = start; pos <= end; pos++) {
    if (phase === IN_SPACES) {
      if (pos === end) break;
      if (isGoSpace(text.charCodeAt(pos))) continue;
      if (text[pos] !== "-" || pos + 1 === end || text[pos + 1] !== "-") return { flags, restStart: pos };
      phase = IN_WORD;
      wordStart = pos;
    }
    if (pos === end) {
      if (word !== "--" && (blankOK || word.length > 0)) push();
      break;
    }
    let ch = text[pos]!;
    if (phase === IN_WORD) {
      if (isGoSpace(text.charCodeAt(pos))) {
        phase = IN_SPACES;
        if (word === "--") return { flags, restStart: pos };
        if (blankOK || word.length > 0) push();
        word = "";
        origin = [];
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = IN_QUOTE;
        wordEnd = pos + 1;
        continue;
      }
      if (ch === "\\") {
        if (pos + 1 === end) continue;
        pos++;
        ch = text[pos]!;
      }
      word += ch;
      origin.push(pos);
      wordEnd = pos + 1;
      continue;
    }
    // IN_QUOTE
    if (ch === quote) {
      phase = IN_WORD;
      wordEnd = pos + 1;
      continue;
    }
    if (ch === "\\") {
      if (pos + 1 === end) {
        phase = IN_WORD;
        continue;
      }
      pos++;
      ch = text[pos]!;
    }
    word += ch;
    origin.push(pos);
    wordEnd = pos + 1;
  }
  return { flags, restStart: end };
}

const MOUNT_KINDS: ReadonlySet<string> = new Set<MountKind>(["bind", "cache", "tmpfs", "secret", "ssh"]);

/** Go's `strconv.ParseBool`. */
function parseGoBool(value: string): boolean | null {
  if (["1", "t", "T", "TRUE", "true", "True"].includes(value)) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(value)) return false;
  return null;
}

interface CsvField {
  value: string;
  /** For each UTF-16 unit of `value`, its index in the input. */
  origin: number[];
  start: number;
  end: number;
}

/**
 * One record of Go's `encoding/csv` (comma-separated, `"…"` fields with `""` for a quote). Returns
 * null where Go reports an error (a bare quote, text after a closing quote, an empty input).
 */
function readCsvRecord(input: string): CsvField[] | null {
  if (input === "") return null;
  const fields: CsvField[] = [];
  let pos = 0;
  for (;;) {
    const start = pos;
    let value = "";
    const origin: number[] = [];
    if (input[pos] === '"') {
      pos++;
      for (;;) {
        if (pos >= input.length) return null;
        if (input[pos] === '"') {
          if (input[pos + 1] === '"') {
            value += '"';
            origin.push(pos);
            pos += 2;
            continue;
          }
          pos++;
          break;
        }
        value += input[pos];
        origin.push(pos);
        pos++;
      }
      if (pos < input.length && input[pos] !== ",") return null;
    } else {
      while (pos < input.length && input[pos] !== ",") {
        if (input[pos] === '"') return null;
        value += input[pos];
        origin.push(pos);
        pos++;
      }
    }
    fields.push({ value, origin, start, end: pos });
    if (pos >= input.length) return fields;
    pos++; // the comma
  }
}

/** Fields split on every comma, quotes kept: the fallback when the value is not valid CSV (BuildKit rejects it). */
function splitCommas(input: string): CsvField[] {
  const fields: CsvField[] = [];
  let start = 0;
  for (let i = 0; i <= input.length; i++) {
    if (i === input.length || input[i] === ",") {
      const origin: number[] = [];
      for (let k = start; k < i; k++) origin.push(k);
      fields.push({ value: input.slice(start, i), origin, start, end: i });
      start = i + 1;
    }
  }
  return fields;
}

function parseMountSpec(line: LogicalLine, value: string, valueOrigin: readonly number[], valueEnd: number, valueRange: Range): MountSpec {
  const spec: MountSpec = {
    kind: "bind",
    target: null,
    source: null,
    from: null,
    id: null,
    sharing: null,
    readonly: null,
    required: null,
    mode: null,
    uid: null,
    gid: null,
    options: [],
  };
  /** Logical-line offset of `value[index]` (or just past the value for index = length). */
  const at = (index: number): number => (index < valueOrigin.length ? valueOrigin[index]! : valueEnd);
  // Clamped into the value: an empty piece next to a removed line continuation must not leave it.
  const clamp = ([a, b]: Range): Range => {
    const lo = Math.min(Math.max(a, valueRange[0]), valueRange[1]);
    return [lo, Math.min(Math.max(b, lo), valueRange[1])];
  };
  const rangeOf = (from: number, to: number, emptyAt: "before" | "after" = "after"): Range =>
    clamp(to <= from ? line.range(at(from), at(from), emptyAt) : line.range(at(from), at(to - 1) + 1));
  if (value === "") return spec;
  const fields = readCsvRecord(value) ?? splitCommas(value);
  for (const field of fields) {
    const eq = field.value.indexOf("=");
    const key = eq === -1 ? field.value : field.value.slice(0, eq);
    const fieldValue = eq === -1 ? null : field.value.slice(eq + 1);
    // Field offsets in `value`: the field's characters map through field.origin.
    const fieldIndex = (k: number): number => (k < field.origin.length ? field.origin[k]! : field.end);
    const fieldRange = (from: number, to: number, emptyAt: "before" | "after" = "after"): Range =>
      to <= from ? rangeOf(fieldIndex(from), fieldIndex(from), emptyAt) : rangeOf(fieldIndex(from), fieldIndex(to - 1) + 1);
    const option: MountOption = {
      key,
      value: fieldValue,
      range: rangeOf(field.start, field.end),
      keyRange: fieldRange(0, key.length, "before"),
      valueRange: fieldValue === null ? null : fieldRange(eq + 1, field.value.length),
    };
    spec.options.push(option);
    const lower = key.toLowerCase();
    if (fieldValue === null) {
      if (lower === "readonly" || lower === "ro") spec.readonly = true;
      else if (lower === "readwrite" || lower === "rw") spec.readonly = false;
      else if (lower === "required") spec.required = true;
      continue;
    }
    switch (lower) {
      case "type": {
        const kind = fieldValue.toLowerCase();
        spec.kind = MOUNT_KINDS.has(kind) ? (kind as MountKind) : null;
        break;
      }
      case "from":
        spec.from = fieldValue;
        break;
      case "source":
      case "src":
        spec.source = fieldValue;
        break;
      case "target":
      case "dst":
      case "destination":
        spec.target = fieldValue;
        break;
      case "readonly":
      case "ro":
        spec.readonly = parseGoBool(fieldValue);
        break;
      case "readwrite":
      case "rw": {
        const rw = parseGoBool(fieldValue);
        spec.readonly = rw === null ? null : !rw;
        break;
      }
      case "required":
        spec.required = parseGoBool(fieldValue);
        break;
      case "id":
        spec.id = fieldValue;
        break;
      case "sharing":
        spec.sharing = fieldValue;
        break;
      case "mode":
        spec.mode = fieldValue;
        break;
      case "uid":
        spec.uid = fieldValue;
        break;
      case "gid":
        spec.gid = fieldValue;
        break;
      default:
        break;
    }
  }
  return spec;
}

/** Flag nodes for the flags extracted from a logical line. */
export function flagNodes(line: LogicalLine, rawFlags: readonly RawFlag[]): Flag[] {
  return rawFlags.map((raw) => {
    const { processed, origin } = raw;
    const eq = processed.indexOf("=");
    const nameEnd = eq === -1 ? processed.length : eq;
    const name = processed.slice(2, nameEnd);
    /** Logical offset where processed[index] came from (or the word end for index = length). */
    const at = (index: number): number => (index < origin.length ? origin[index]! : raw.end);
    const nameRange: Range = nameEnd > 2 ? line.range(at(2), at(nameEnd - 1) + 1) : line.range(at(2), at(2));
    let value: FlagValue | null = null;
    if (eq !== -1) {
      const valueStart = at(eq) + 1;
      const processedValue = processed.slice(eq + 1);
      const variables = variableNodes(line, scanVariables(processedValue, line.escapeChar).variables, (i) => at(eq + 1 + i));
      value = makeNode<FlagValue>({
        type: "FlagValue",
        value: processedValue,
        raw: line.text.slice(valueStart, raw.end),
        variables,
        range: line.range(valueStart, raw.end),
      });
    }
    const base = { type: "Flag" as const, name, nameRange, range: line.range(raw.start, raw.end) };
    if (name === "mount" && value !== null) {
      const valueOrigin = origin.slice(eq + 1);
      return makeNode<MountFlag>({ ...base, name: "mount", value, mount: parseMountSpec(line, value.value, valueOrigin, raw.end, value.range) });
    }
    return makeNode<PlainFlag>({ ...base, value, mount: null });
  });
}
