import type { RuleContext, RulesMeta, SourceCode } from "@eslint/core";
import { repositoryUrl } from "../meta.js";
import { fileKindOf } from "./file-kind.js";
import type { DockerRuleDocs } from "./rule-docs.js";

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

export function ruleDocsUrl(name: string): string {
  return `${repositoryUrl}/blob/main/docs/rules/${name}.md`;
}

/**
 * Adds `meta.docs.url`, and keeps a rule off files of other languages: a user may enable
 * `docker/<rule>` without `files` (it then reaches JavaScript and every other file too), and a
 * rule's `Program` listener must never see an AST it was not written for.
 */
export function createRule<T extends DockerRuleTypes>(name: string, rule: DockerRuleSpec<T>): DockerRule<T> {
  const { fileKinds } = rule.meta.docs;
  return {
    meta: { ...rule.meta, docs: { ...rule.meta.docs, url: ruleDocsUrl(name) } },
    create(context) {
      const kind = fileKindOf((context.sourceCode as { ast?: unknown }).ast);
      return kind !== null && fileKinds.includes(kind) ? rule.create(withPeerSuppressions(name, context)) : ({} as T["Visitor"]);
    },
  };
}

/** What a SourceCode that honours other tools' suppression comments offers (the Dockerfile language's). */
interface PeerSuppressingSourceCode {
  peerSuppressedLines(rule: string): readonly (readonly [number, number])[];
}

/**
 * The rule's context, with `report` dropping findings on lines where another tool's suppression
 * comment covers the check this rule corresponds to (`# hadolint ignore=DL3008` above the RUN). It is
 * done here, not with ESLint directives, because ESLint reports a directive that suppresses nothing as
 * unused and `--fix` deletes it: a hadolint comment must stay for hadolint whatever we find.
 */
function withPeerSuppressions<C extends { sourceCode: unknown; report(descriptor: never): void }>(name: string, context: C): C {
  const source = context.sourceCode as Partial<PeerSuppressingSourceCode>;
  const covered = source.peerSuppressedLines?.(name);
  if (!covered || covered.length === 0) return context;
  const report = (descriptor: { loc?: { line: number } | { start: { line: number } }; node?: { loc?: { start: { line: number } } } }): void => {
    const loc = descriptor.loc ?? descriptor.node?.loc;
    const line = loc === undefined ? null : "start" in loc ? loc.start.line : loc.line;
    if (line !== null && covered.some(([start, end]) => start <= line && line <= end)) return;
    context.report(descriptor as never);
  };
  return Object.freeze(Object.create(context, { report: { value: report, enumerable: true } }) as C);
}
