/**
 * A plain, acyclic view of a shell model (`ShellParseResult`) for comparing two parsers' output:
 * object links (`command.list`, `command.pipeline`, `item.command`…) become indexes into the script's
 * `lists` / `pipelines` / `commands`. Failure messages are left out (each parser words its own).
 */
import type { ShellCommand, ShellContext, ShellParseResult, ShellWord } from "../../lib/shell/model.js";

function ctx(c: ShellContext | null): unknown {
  return c ? [c.kind, c.textRange, c.range] : null;
}

function word(w: ShellWord | null): unknown {
  if (!w) return null;
  return {
    value: w.value,
    raw: w.raw,
    textRange: w.textRange,
    range: w.range,
    hasExpansion: w.hasExpansion,
    quoted: w.quoted,
    hasGlob: w.hasGlob,
    parts: w.parts.map((p) => ({ kind: p.kind, value: p.value, raw: p.raw, textRange: p.textRange, range: p.range, parameter: p.parameter })),
  };
}

/** The comparable snapshot of a parse result. */
export function snapshotShellModel(result: ShellParseResult): unknown {
  if (!result.ok) return { ok: false };
  const commandIndex = new Map<ShellCommand, number>();
  result.commands.forEach((c, i) => commandIndex.set(c, i));
  const ci = (c: ShellCommand | null): number | null => (c ? (commandIndex.get(c) ?? -1) : null);
  return {
    ok: true,
    dialect: result.dialect,
    shellStringFailures: result.shellStringFailures.length,
    commands: result.commands.map((c) => ({
      kind: c.kind,
      name: word(c.name),
      args: c.args.map(word),
      assignments: c.assignments.map((a) => ({ name: a.name, value: word(a.value), append: a.append, isArray: a.isArray, raw: a.raw, textRange: a.textRange, range: a.range })),
      redirects: c.redirects.map((r) => ({ op: r.op, fd: r.fd, target: word(r.target), heredoc: r.heredoc, raw: r.raw, textRange: r.textRange, range: r.range })),
      textRange: c.textRange,
      range: c.range,
      index: c.index,
      pipeline: c.pipeline ? result.pipelines.indexOf(c.pipeline) : null,
      pipelineIndex: c.pipelineIndex,
      pipedTo: c.pipedTo,
      pipedFrom: c.pipedFrom,
      list: result.lists.indexOf(c.list),
      listIndex: c.listIndex,
      nextOperator: c.nextOperator,
      prevOperator: c.prevOperator,
      negated: c.negated,
      background: c.background,
      context: c.context.map(ctx),
      inSubstitution: c.inSubstitution,
      inCondition: c.inCondition,
      conditional: c.conditional,
      fromShellString: c.fromShellString,
    })),
    pipelines: result.pipelines.map((p) => ({
      elements: p.elements.map((e) => ({ command: ci(e.command), commands: e.commands.map(ci), textRange: e.textRange, range: e.range })),
      operators: p.operators,
      negated: p.negated,
      textRange: p.textRange,
      range: p.range,
    })),
    lists: result.lists.map((l) => ({
      owner: ctx(l.owner),
      textRange: l.textRange,
      range: l.range,
      items: l.items.map((it) => ({
        kind: it.kind,
        command: ci(it.command),
        commands: it.commands.map(ci),
        operator: it.operator,
        negated: it.negated,
        background: it.background,
        textRange: it.textRange,
        range: it.range,
      })),
    })),
  };
}

/** The first path where two snapshots differ, with both values (null when equal). */
export function firstDifference(a: unknown, b: unknown, path = ""): string | null {
  if (a === b) return null;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return `${path || "."}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return null;
}
