/**
 * Building instruction nodes from a logical line (BuildKit `parser/parser.go` `newNodeFromLine`,
 * `parser/split_command.go` and the per-instruction parsers of `parser/line_parsers.go`).
 *
 * `splitCommand`: the keyword runs up to the first `[\t\v\f\r ]`; the leading `--` words are flags;
 * the rest, trimmed, goes to the instruction's parser:
 * - RUN, CMD, ENTRYPOINT, SHELL: `parseMaybeJSON` (exec form if it is a JSON array, else shell form);
 * - COPY, ADD, VOLUME: `parseMaybeJSONToList` (JSON array, else whitespace-separated words);
 * - FROM, EXPOSE: whitespace-separated words;
 * - ENV, LABEL: `parseNameVal`; ARG: `parseNameOrNameVal` (quote-aware words);
 * - USER, WORKDIR, STOPSIGNAL, MAINTAINER: the whole rest is one argument;
 * - HEALTHCHECK: a subcommand word, then `parseMaybeJSON`;
 * - ONBUILD: the rest is parsed as an instruction of its own.
 */
import type {
  Add,
  Arg,
  ArgDeclaration,
  Cmd,
  Copy,
  Entrypoint,
  Env,
  ExecForm,
  Expose,
  Flag,
  From,
  Healthcheck,
  ImageReference,
  Instruction,
  JsonString,
  Keyword,
  KeyValuePair,
  Label,
  Maintainer,
  Onbuild,
  PathArgument,
  Range,
  Run,
  Shell,
  ShellForm,
  StopSignal,
  UnknownInstruction,
  User,
  Volume,
  Word,
  Workdir,
} from "./ast.js";
import { isGoSpace, isTokenWhitespace, skipGoSpace, trimGoSpaceEnd } from "./chars.js";
import { DockerfileSyntaxError } from "./errors.js";
import { INSTRUCTION_FLAGS } from "./buildkit-flags.js";
import { extractBuilderFlags, flagNodes } from "./flags.js";
import { findHeredocMarkers, type HeredocMarker } from "./heredoc.js";
import { parseImageReference } from "./image-reference.js";
import { scanJsonArray } from "./json-form.js";
import { makeNode, variableNodes, wordNode, type LogicalLine } from "./nodes.js";
import { sliceShellText } from "./shell-text.js";
import { scanVariables } from "./variables.js";
import { splitOnWhitespace, splitQuotedWords, type Span } from "./words.js";

/** An instruction whose heredoc bodies still have to be read from the lines that follow. */
export interface PendingHeredocs {
  host: Run | Copy | Add;
  markers: HeredocMarker[];
}

export interface BuiltInstruction {
  node: Instruction;
  /** The ONBUILD chain down to (and including) `node`'s innermost trigger: their ranges grow with heredocs. */
  chain: Instruction[];
  heredocs: PendingHeredocs | null;
}

interface Parts {
  line: LogicalLine;
  keyword: Keyword;
  flags: Flag[];
  /** The trimmed arguments after the flags: `line.text[restStart, restEnd)`. */
  restStart: number;
  restEnd: number;
  range: Range;
}

const JSON_NOT_STRINGS = "when using JSON array syntax, arrays must be comprised of strings only";

/**
 * Build the instruction in `line.text[start, end)`. `sourceEnd` is where the instruction ends in
 * the source (the end of its last line); `lineStart`/`lineEnd` delimit the whole logical line, which
 * BuildKit searches for heredoc markers (also for an ONBUILD trigger). Null when the text is blank.
 */
export function buildInstruction(line: LogicalLine, start: number, end: number, sourceEnd: number): BuiltInstruction | null {
  const text = line.text;
  const s = skipGoSpace(text, start, end);
  const e = trimGoSpaceEnd(text, s, end);
  if (s === e) return null;
  let keywordEnd = s;
  while (keywordEnd < e && !isTokenWhitespace(text.charCodeAt(keywordEnd))) keywordEnd++;
  let argsStart = keywordEnd;
  while (argsStart < e && isTokenWhitespace(text.charCodeAt(argsStart))) argsStart++;
  const extracted = extractBuilderFlags(text, argsStart, e);
  const restStart = skipGoSpace(text, extracted.restStart, e);
  const restEnd = trimGoSpaceEnd(text, restStart, e);
  const keywordRange = line.range(s, keywordEnd);
  const parts: Parts = {
    line,
    keyword: makeNode<Keyword>({ type: "Keyword", value: text.slice(s, keywordEnd), range: keywordRange }),
    flags: flagNodes(line, extracted.flags),
    restStart,
    restEnd,
    range: [keywordRange[0], Math.max(sourceEnd, keywordRange[1])],
  };
  const name = parts.keyword.value.toLowerCase();
  switch (name) {
    case "from":
      return simple(buildFrom(parts));
    case "run":
      return withHeredocs(buildRun(parts));
    case "cmd":
      return simple(formInstruction<Cmd>("Cmd", parts));
    case "entrypoint":
      return simple(formInstruction<Entrypoint>("Entrypoint", parts));
    case "shell":
      return simple(formInstruction<Shell>("Shell", parts));
    case "healthcheck":
      return simple(buildHealthcheck(parts));
    case "copy":
      return withHeredocs(buildCopyLike<Copy>("Copy", parts));
    case "add":
      return withHeredocs(buildCopyLike<Add>("Add", parts));
    case "env":
      return simple(makeNode<Env>({ type: "Env", ...common(parts), pairs: keyValuePairs(parts) }));
    case "label":
      return simple(makeNode<Label>({ type: "Label", ...common(parts), pairs: keyValuePairs(parts) }));
    case "arg":
      return simple(buildArg(parts));
    case "user":
      return simple(buildUser(parts));
    case "workdir":
      return simple(makeNode<Workdir>({ type: "Workdir", ...common(parts), path: restWord(parts) }));
    case "expose":
      return simple(makeNode<Expose>({ type: "Expose", ...common(parts), ports: words(parts) }));
    case "volume": {
      const list = pathList(parts);
      return simple(makeNode<Volume>({ type: "Volume", ...common(parts), json: list.json, paths: list.items.map((item) => item.node) }));
    }
    case "stopsignal":
      return simple(makeNode<StopSignal>({ type: "StopSignal", ...common(parts), signal: restWord(parts) }));
    case "maintainer":
      return simple(makeNode<Maintainer>({ type: "Maintainer", ...common(parts), value: restWord(parts, false) }));
    case "onbuild":
      return buildOnbuild(parts, sourceEnd);
    default:
      return simple(
        makeNode<UnknownInstruction>({
          type: "UnknownInstruction",
          ...common(parts),
          args: text.slice(restStart, restEnd),
          argsRange: restStart < restEnd ? line.range(restStart, restEnd) : null,
        }),
      );
  }
}

function simple(node: Instruction): BuiltInstruction {
  return { node, chain: [node], heredocs: null };
}

/** RUN/COPY/ADD outside the JSON form may carry heredocs (BuildKit `canContainHeredoc`). */
function withHeredocs(built: { node: Run | Copy | Add; markers: HeredocMarker[] }): BuiltInstruction {
  return { node: built.node, chain: [built.node], heredocs: built.markers.length > 0 ? { host: built.node, markers: built.markers } : null };
}

function common(parts: Parts): { keyword: Keyword; flags: Flag[]; range: Range } {
  return { keyword: parts.keyword, flags: parts.flags, range: parts.range };
}

function words(parts: Parts): Word[] {
  return splitOnWhitespace(parts.line.text, parts.restStart, parts.restEnd).map(([a, b]) => wordNode(parts.line, a, b));
}

function restWord(parts: Parts, substitutes = true): Word | null {
  return parts.restStart < parts.restEnd ? wordNode(parts.line, parts.restStart, parts.restEnd, substitutes) : null;
}

/** Heredoc markers of the whole logical line (BuildKit lexes the entire line, keyword included). */
function markersOf(parts: Parts): HeredocMarker[] {
  return findHeredocMarkers(parts.line.text, 0, parts.line.text.length);
}

// ---------------------------------------------------------------------------------------------
// Exec form / shell form

function jsonStrings(line: LogicalLine, elements: readonly { span: Span; value: string }[]): JsonString[] {
  return elements.map(({ span, value }) =>
    makeNode<JsonString>({ type: "JsonString", value, raw: line.text.slice(span[0], span[1]), range: line.range(span[0], span[1]) }),
  );
}

/** `parseMaybeJSON`: null when there are no arguments. */
function maybeJson(line: LogicalLine, start: number, end: number): ExecForm | ShellForm | null {
  if (start >= end) return null;
  const scan = scanJsonArray(line.text, start, end);
  if (scan.kind === "not-strings") throw new DockerfileSyntaxError(JSON_NOT_STRINGS, line.range(start, start)[0]);
  if (scan.kind === "array") {
    const trailingStart = skipGoSpace(line.text, scan.end, end);
    return makeNode<ExecForm>({
      type: "ExecForm",
      elements: jsonStrings(line, scan.elements),
      trailingRange: trailingStart < end ? line.range(trailingStart, end) : null,
      range: line.range(start, scan.end),
    });
  }
  const range = line.range(start, end);
  return makeNode<ShellForm>({ type: "ShellForm", raw: line.source.slice(range[0], range[1]), shell: sliceShellText(line.shell, start, end), range });
}

function formInstruction<T extends Cmd | Entrypoint | Shell>(type: T["type"], parts: Parts): T {
  return makeNode<T>({ type, ...common(parts), form: maybeJson(parts.line, parts.restStart, parts.restEnd) } as unknown as Omit<T, "loc" | "parent">);
}

function buildRun(parts: Parts): { node: Run; markers: HeredocMarker[] } {
  const form = maybeJson(parts.line, parts.restStart, parts.restEnd);
  const markers = form?.type === "ExecForm" ? [] : markersOf(parts);
  const script = form?.type === "ShellForm" ? { kind: "command" as const, text: form.shell } : null;
  const node = makeNode<Run>({ type: "Run", ...common(parts), form, heredocs: [], script });
  return { node, markers };
}

// ---------------------------------------------------------------------------------------------
// FROM

function imageReferenceNode(parts: Parts, start: number, end: number): ImageReference {
  const { line } = parts;
  const raw = line.text.slice(start, end);
  const parsed = parseImageReference(raw, 0, line.escapeChar);
  const map = (range: Range | null, emptyAt: "before" | "after" = "after"): Range | null =>
    range === null ? null : line.range(start + range[0], start + range[1], emptyAt);
  return makeNode<ImageReference>({
    type: "ImageReference",
    raw,
    registry: parsed.registry,
    registryRange: map(parsed.registryRange),
    path: parsed.path,
    pathRange: map(parsed.pathRange, parsed.pathRange[0] === 0 ? "before" : "after")!,
    tag: parsed.tag,
    tagRange: map(parsed.tagRange),
    digest: parsed.digest,
    digestRange: map(parsed.digestRange),
    variables: variableNodes(line, parsed.variables, (i) => start + i),
    isScratch: parsed.isScratch,
    range: line.range(start, end),
  });
}

function buildFrom(parts: Parts): From {
  const { line } = parts;
  const spans = splitOnWhitespace(line.text, parts.restStart, parts.restEnd);
  const [imageSpan, asSpan, nameSpan] = spans;
  let asKeyword: Keyword | null = null;
  let stageName: From["stageName"] = null;
  let extraStart = 1;
  if (asSpan && line.text.slice(asSpan[0], asSpan[1]).toLowerCase() === "as") {
    asKeyword = makeNode<Keyword>({ type: "Keyword", value: line.text.slice(asSpan[0], asSpan[1]), range: line.range(asSpan[0], asSpan[1]) });
    extraStart = 2;
    if (nameSpan) {
      stageName = { value: line.text.slice(nameSpan[0], nameSpan[1]), range: line.range(nameSpan[0], nameSpan[1]) };
      extraStart = 3;
    }
  }
  return makeNode<From>({
    type: "From",
    ...common(parts),
    image: imageSpan ? imageReferenceNode(parts, imageSpan[0], imageSpan[1]) : null,
    asKeyword,
    stageName,
    extraArguments: spans.slice(extraStart).map(([a, b]) => wordNode(line, a, b)),
  });
}

// ---------------------------------------------------------------------------------------------
// HEALTHCHECK

function buildHealthcheck(parts: Parts): Healthcheck {
  const { line, restStart, restEnd } = parts;
  const text = line.text;
  let sep = restStart;
  while (sep < restEnd && !isGoSpace(text.charCodeAt(sep))) sep++;
  if (sep === restStart) {
    return makeNode<Healthcheck>({ type: "Healthcheck", ...common(parts), kind: "invalid", subcommand: null, command: null });
  }
  const subcommand = makeNode<Keyword>({ type: "Keyword", value: text.slice(restStart, sep), range: line.range(restStart, sep) });
  const next = skipGoSpace(text, sep, restEnd);
  const kind = subcommand.value.toUpperCase();
  if (kind === "CMD") {
    return makeNode<Healthcheck>({ type: "Healthcheck", ...common(parts), kind: "cmd", subcommand, command: maybeJson(line, next, restEnd) });
  }
  if (kind === "NONE") {
    // `HEALTHCHECK NONE x` is rejected later by BuildKit; a JSON-looking rest must still be valid (parseMaybeJSON runs).
    maybeJson(line, next, restEnd);
    return makeNode<Healthcheck>({ type: "Healthcheck", ...common(parts), kind: "none", subcommand, command: null });
  }
  maybeJson(line, next, restEnd);
  return makeNode<Healthcheck>({ type: "Healthcheck", ...common(parts), kind: "invalid", subcommand, command: null });
}

// ---------------------------------------------------------------------------------------------
// COPY / ADD / VOLUME

/** `parseMaybeJSONToList`: JSON strings, or whitespace-separated words. */
function pathList(parts: Parts): { json: boolean; items: { node: PathArgument; span: Span }[] } {
  const { line, restStart, restEnd } = parts;
  if (restStart < restEnd) {
    const scan = scanJsonArray(line.text, restStart, restEnd);
    if (scan.kind === "not-strings") throw new DockerfileSyntaxError(JSON_NOT_STRINGS, line.range(restStart, restStart)[0]);
    if (scan.kind === "array") {
      const nodes = jsonStrings(line, scan.elements);
      return { json: true, items: nodes.map((node, i) => ({ node, span: scan.elements[i]!.span })) };
    }
  }
  const spans = splitOnWhitespace(line.text, restStart, restEnd);
  return { json: false, items: spans.map((span) => ({ node: wordNode(line, span[0], span[1]), span })) };
}

function buildCopyLike<T extends Copy | Add>(type: T["type"], parts: Parts): { node: T; markers: HeredocMarker[] } {
  const list = pathList(parts);
  const markers = list.json ? [] : markersOf(parts);
  // A marker may hold blanks (`<< EOF`) and so cover several whitespace-separated items. (BuildKit's
  // COPY then reads `<<` and `EOF` as two file names, while its parser still takes the body: the
  // body is a heredoc body either way, and `no-unknown-instruction` reports the split marker.)
  const isMarker = (span: Span): boolean => markers.some((marker) => marker.span[0] <= span[0] && span[1] <= marker.span[1]);
  const items = list.items;
  let destination: PathArgument | null = null;
  let sourceItems = items;
  if (items.length >= 2) {
    const last = items[items.length - 1]!;
    sourceItems = items.slice(0, -1);
    if (!isMarker(last.span)) destination = last.node;
  } else if (items.length === 1 && isMarker(items[0]!.span)) {
    sourceItems = [];
  }
  // BuildKit stops at a value flag written without `=` (its would-be value is the first word here).
  const declared = INSTRUCTION_FLAGS[type.toLowerCase()] ?? {};
  const malformedFlag = parts.flags.find((flag) => flag.value === null && (declared[flag.name] === "string" || declared[flag.name] === "strings")) ?? null;
  const sources = malformedFlag ? [] : sourceItems.filter((item) => !isMarker(item.span)).map((item) => item.node);
  if (malformedFlag) destination = null;
  const node = makeNode<T>({ type, ...common(parts), json: list.json, sources, destination, heredocs: [], malformedFlag } as unknown as Omit<T, "loc" | "parent">);
  return { node, markers };
}

// ---------------------------------------------------------------------------------------------
// ENV / LABEL / ARG

/** `parseNameVal`: the legacy `KEY value` form when the first word has no `=`, else `key=value` words. */
function keyValuePairs(parts: Parts): KeyValuePair[] {
  const { line, restStart, restEnd } = parts;
  const text = line.text;
  const spans = splitQuotedWords(text, restStart, restEnd, line.escapeChar);
  const first = spans[0];
  if (!first) return [];
  if (!text.slice(first[0], first[1]).includes("=")) {
    let keyEnd = restStart;
    while (keyEnd < restEnd && !isTokenWhitespace(text.charCodeAt(keyEnd))) keyEnd++;
    let valueStart = keyEnd;
    while (valueStart < restEnd && isTokenWhitespace(text.charCodeAt(valueStart))) valueStart++;
    return [
      makeNode<KeyValuePair>({
        type: "KeyValuePair",
        key: wordNode(line, restStart, keyEnd),
        value: valueStart < restEnd ? wordNode(line, valueStart, restEnd) : null,
        legacy: true,
        range: line.range(restStart, restEnd),
      }),
    ];
  }
  return spans.map(([a, b]) => {
    const eq = text.indexOf("=", a);
    const hasValue = eq !== -1 && eq < b;
    return makeNode<KeyValuePair>({
      type: "KeyValuePair",
      key: wordNode(line, a, hasValue ? eq : b, true, "before"),
      value: hasValue ? wordNode(line, eq + 1, b) : null,
      legacy: false,
      range: line.range(a, b),
    });
  });
}

function buildArg(parts: Parts): Arg {
  const { line, restStart, restEnd } = parts;
  const text = line.text;
  const args = splitQuotedWords(text, restStart, restEnd, line.escapeChar).map(([a, b]) => {
    const eq = text.indexOf("=", a);
    const hasValue = eq !== -1 && eq < b;
    const nameEnd = hasValue ? eq : b;
    return makeNode<ArgDeclaration>({
      type: "ArgDeclaration",
      name: text.slice(a, nameEnd),
      nameRange: line.range(a, nameEnd, "before"),
      defaultValue: hasValue ? wordNode(line, eq + 1, b) : null,
      range: line.range(a, b),
    });
  });
  return makeNode<Arg>({ type: "Arg", ...common(parts), args });
}

// ---------------------------------------------------------------------------------------------
// USER, ONBUILD

function buildUser(parts: Parts): User {
  const { line, restStart, restEnd } = parts;
  if (restStart >= restEnd) return makeNode<User>({ type: "User", ...common(parts), user: null, group: null });
  const value = line.text.slice(restStart, restEnd);
  const { variables } = scanVariables(value, line.escapeChar);
  let colon = -1;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === ":" && !variables.some((variable) => variable.start <= i && i < variable.end)) {
      colon = i;
      break;
    }
  }
  if (colon === -1) return makeNode<User>({ type: "User", ...common(parts), user: wordNode(line, restStart, restEnd), group: null });
  return makeNode<User>({
    type: "User",
    ...common(parts),
    user: wordNode(line, restStart, restStart + colon, true, "before"),
    group: wordNode(line, restStart + colon + 1, restEnd),
  });
}

function buildOnbuild(parts: Parts, sourceEnd: number): BuiltInstruction {
  const trigger = buildInstruction(parts.line, parts.restStart, parts.restEnd, sourceEnd);
  const node = makeNode<Onbuild>({ type: "Onbuild", ...common(parts), trigger: trigger?.node ?? null });
  return { node, chain: [node, ...(trigger?.chain ?? [])], heredocs: trigger?.heredocs ?? null };
}
