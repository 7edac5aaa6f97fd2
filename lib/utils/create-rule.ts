import type { RuleContext, RulesMeta, SourceCode } from "@eslint/core";
import { repositoryUrl } from "./meta.js";
import { disableEdit, disableTargetLine } from "./disable-suggestion.js";
import { fileKindOf } from "./file-kind.js";
import { contentEndAt, type LineModel } from "./line-ends.js";
import type { DockerRuleDocs, FileKind } from "./rule-docs.js";

export interface DockerRuleTypes {
  Options: unknown[];
  MessageIds: string;
  /** The SourceCode of the language(s) the rule runs on; compose rules use only `ast` and text. */
  Code: SourceCode;
  Visitor: object;
}

export type DockerRuleContext<T extends DockerRuleTypes> = RuleContext<{
  LangOptions: Record<string, unknown>;
  Code: T["Code"];
  RuleOptions: T["Options"];
  Node: unknown;
  MessageIds: T["MessageIds"];
}>;

export interface DockerRuleMeta<T extends DockerRuleTypes>
  extends Omit<RulesMeta<T["MessageIds"], T["Options"], DockerRuleDocs>, "docs" | "messages"> {
  docs: DockerRuleDocs & { description: string };
  messages: Record<T["MessageIds"], string>;
}

export interface DockerRuleSpec<T extends DockerRuleTypes> {
  meta: DockerRuleMeta<T>;
  create(context: DockerRuleContext<T>): T["Visitor"];
}

/** The rule as ESLint and the doc generator see it: `meta.docs.url` filled in. */
export interface DockerRule<T extends DockerRuleTypes = DockerRuleTypes> {
  meta: DockerRuleMeta<T> & { docs: { url: string } };
  create(context: DockerRuleContext<T>): T["Visitor"];
}

/** Any of our rules, whatever its options and language (for the rule index and the configs). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rules differ in options and visitors; this is their common shelf
export type AnyDockerRule = DockerRule<any>;

function ruleDocsUrl(name: string): string {
  return `${repositoryUrl}/blob/main/docs/rules/${name}.md`;
}

interface TextFix {
  range: [number, number];
  text: string;
}

/**
 * One edit moved off a line terminator (see `line-ends.ts`): an insertion between a `\r` and its
 * `\n` goes before the `\r` (`curl && x\r\n`, not `curl\r && x\n`, which runs a command named
 * `curl\r`); a range that ends inside a terminator ends at the line's content (the `\r` stays,
 * unless the new text brings it back itself); a range that starts between `\r` and `\n` starts
 * before the `\r` (no `\r` is left alone, to become a lone carriage return).
 */
function keepLineEnds(text: string, model: LineModel, fix: TextFix): TextFix {
  let [start, end] = fix.range;
  let replacement = fix.text;
  if (start === end) {
    const at = contentEndAt(text, start, model);
    return at === start ? fix : { range: [at, at], text: replacement };
  }
  const contentEnd = contentEndAt(text, end, model);
  if (contentEnd < end && contentEnd >= start) {
    const cut = text.slice(contentEnd, end);
    if (replacement.endsWith(cut)) replacement = replacement.slice(0, replacement.length - cut.length);
    end = contentEnd;
  }
  const lineStart = contentEndAt(text, start, model);
  if (lineStart < start) start = lineStart;
  return start === fix.range[0] && end === fix.range[1] && replacement === fix.text ? fix : { range: [start, end], text: replacement };
}

type FixFunction = (fixer: unknown) => unknown;

function wrapFix(fix: unknown, text: string, model: LineModel): unknown {
  if (typeof fix !== "function") return fix;
  return (fixer: unknown) => {
    const result = (fix as FixFunction)(fixer);
    if (result === null || result === undefined) return result;
    const one = (value: unknown) => (typeof value === "object" && value !== null && Array.isArray((value as TextFix).range) ? keepLineEnds(text, model, value as TextFix) : value);
    if (typeof result === "object" && Symbol.iterator in result) return [...(result as Iterable<unknown>)].map(one);
    return one(result);
  };
}

/** The rule context with a `report` whose fixes and suggestions keep every line end whole (`keepLineEnds`). */
function withLineEndSafeFixes<C extends { report: (...args: never[]) => void; sourceCode: unknown }>(context: C, model: LineModel): C {
  const text = (context.sourceCode as { text?: unknown }).text;
  if (typeof text !== "string" || !text.includes("\r")) return context;
  const report = (descriptor: Record<string, unknown>, ...rest: unknown[]) => {
    if (typeof descriptor !== "object" || descriptor === null || rest.length > 0) return (context.report as (...args: unknown[]) => void)(descriptor, ...rest);
    const suggest = Array.isArray(descriptor.suggest) ? descriptor.suggest.map((suggestion: Record<string, unknown>) => ({ ...suggestion, fix: wrapFix(suggestion.fix, text, model) })) : descriptor.suggest;
    return (context.report as (...args: unknown[]) => void)({ ...descriptor, fix: wrapFix(descriptor.fix, text, model), suggest });
  };
  return withReport(context, report);
}

/**
 * A copy of the rule context with another `report`. ESLint freezes the context (an object whose
 * prototype is the file's shared context, with `id`, `options` and `report` of its own), so the override
 * is a sibling of it, not an object built on it: an object used as a prototype turns V8's fast
 * property lookups off for it and for every object built on it, and rules read `context.sourceCode` and
 * the like on every node (`Object.create(context, …)` per rule per file cost ~5 % of `strict`'s CPU).
 */
function withReport<C>(context: C, report: unknown): C {
  return Object.freeze(Object.assign(Object.create(Object.getPrototypeOf(context) as object | null) as object, context, { report }) as C);
}

/**
 * Adds `meta.docs.url`, and keeps a rule off files of other languages: a user may enable
 * `docker/<rule>` without `files` (it then reaches JavaScript and every other file too), and a
 * rule's `Program` listener must never see an AST it was not written for. In a file with carriage
 * returns, every fix and suggestion of the rule keeps line ends whole (`keepLineEnds`). Every finding
 * carries the "Disable docker/<id>" suggestion and drops where another tool's suppression comment
 * covers it (`reportingContext`).
 */
export function createRule<T extends DockerRuleTypes>(name: string, rule: DockerRuleSpec<T>): DockerRule<T> {
  const { fileKinds } = rule.meta.docs;
  const strings: RuleStrings = { name, ruleId: `docker/${name}`, disableDescriptions: {}, disableFileDescription: null };
  return {
    // Every finding can carry the disable suggestion; `docs.ownSuggestions` keeps whether the rule has suggestions of its own (the docs show that).
    meta: { ...rule.meta, hasSuggestions: true, docs: { ...rule.meta.docs, url: ruleDocsUrl(name), ownSuggestions: rule.meta.hasSuggestions === true } },
    create(context) {
      const kind = fileKindOf((context.sourceCode as { ast?: unknown }).ast);
      if (kind === null || !fileKinds.includes(kind)) return {} as T["Visitor"];
      // Outermost first: peer suppressions and the disable suggestion, then line-end safe fixes (which also keep the suggestion's edit whole).
      const safe = kind === "dockerignore" ? context : withLineEndSafeFixes(context, kind === "dockerfile" ? "buildkit" : "yaml");
      return rule.create(reportingContext(strings, kind, safe));
    },
  };
}

/** What a SourceCode that honours other tools' suppression comments offers (the Dockerfile language's). */
interface PeerSuppressingSourceCode {
  peerSuppressedLines(rule: string): readonly (readonly [number, number])[];
}

interface ReportDescriptor {
  loc?: { line: number } | { start: { line: number } };
  node?: { loc?: { start: { line: number } } };
  suggest?: unknown[] | null;
}

/** What the context wrapper reads of a SourceCode (ours and eslint-plugin-yml's both have these). */
interface TextSource {
  text: string;
  ast: object;
  getIndexFromLoc(loc: { line: number; column: number }): number;
}

const DISABLE_SCOPE: Readonly<Record<FileKind, string>> = { dockerfile: "instruction", compose: "line", dockerignore: "entry" };

/**
 * A rule's own strings, made once per rule, not per file (create() runs for every rule on every file)
 * nor per finding (a file may have hundreds of thousands): the disable suggestion's descriptions are
 * made at the rule's first finding of each kind of file.
 */
interface RuleStrings {
  /** The rule's id without the plugin's prefix (`no-root-user`). */
  name: string;
  /** `docker/<name>`. */
  ruleId: string;
  disableDescriptions: Partial<Record<FileKind, string>>;
  disableFileDescription: string | null;
}

/**
 * The rule's context, with a `report` that
 * - drops findings on lines where another tool's suppression comment covers the check this rule
 *   corresponds to (`# hadolint ignore=DL3008` above the RUN). It is done here, not with ESLint
 *   directives, because ESLint reports a directive that suppresses nothing as unused and `--fix` deletes
 *   it: a hadolint comment must stay for hadolint whatever we find;
 * - adds to every finding the suggestion "Disable docker/<id> for this instruction" (`disable-suggestion.ts`),
 *   unless `languageOptions.suggestDisable` is false.
 */
function reportingContext<C extends { sourceCode: unknown; languageOptions?: unknown; report(descriptor: never): void }>(strings: RuleStrings, kind: FileKind, context: C): C {
  const source = context.sourceCode as Partial<PeerSuppressingSourceCode> & TextSource;
  const covered = source.peerSuppressedLines?.(strings.name) ?? [];
  const suggestDisable = (context.languageOptions as { suggestDisable?: unknown } | undefined)?.suggestDisable !== false && typeof source.getIndexFromLoc === "function";
  if (covered.length === 0 && !suggestDisable) return context;
  const { ruleId } = strings;
  const report = (descriptor: ReportDescriptor, ...rest: unknown[]): void => {
    // ESLint's old positional form (`report(node, message)`) is passed on as it is.
    if (typeof descriptor !== "object" || descriptor === null || rest.length > 0) {
      (context.report as (...args: unknown[]) => void)(descriptor, ...rest);
      return;
    }
    const loc = descriptor.loc ?? descriptor.node?.loc;
    const line = loc === undefined ? null : "start" in loc ? loc.start.line : loc.line;
    if (line !== null && covered.length > 0 && covered.some(([start, end]) => start <= line && line <= end)) return;
    const target = suggestDisable && line !== null ? disableTargetLine(kind, source.ast, line) : null;
    const wholeFile = kind === "dockerignore" && target === 1;
    const edit = target === null ? null : disableEdit(source.text, target, ruleId, (at) => source.getIndexFromLoc({ line: at, column: 0 }), { directive: wholeFile ? "eslint-disable" : "eslint-disable-next-line", loneCarriageReturnEndsLines: kind === "compose" });
    if (!edit) {
      context.report(descriptor as never);
      return;
    }
    const disable = { desc: wholeFile ? (strings.disableFileDescription ??= `Disable ${ruleId} for this file`) : (strings.disableDescriptions[kind] ??= `Disable ${ruleId} for this ${DISABLE_SCOPE[kind]}`), fix: (fixer: { insertTextBeforeRange(range: [number, number], text: string): unknown }) => fixer.insertTextBeforeRange([edit.at, edit.at], edit.text) };
    context.report({ ...descriptor, suggest: [...(descriptor.suggest ?? []), disable] } as never);
  };
  return withReport(context, report);
}
