/**
 * Ordered output of lists and pipelines. `ShellScript.lists` and `.pipelines` are in the order a
 * depth-first walk of the script meets each block (a command's words before its redirects, a compound
 * command's redirects before its body, a pipeline before its elements), which is not always the order
 * the parser reads them in (a heredoc body is read after its line, a compound's redirects after its
 * body). So the parser writes into slots reserved at the right place and flattens them at the end.
 */
import type { ShellList, ShellPipeline } from "../model.js";

/** Nested arrays: a `ShellList`/`ShellPipeline` or a reserved slot (an array) in its place. */
type Nested<T> = (T | Nested<T>)[];

export interface Sink {
  lists: Nested<ShellList>;
  pipelines: Nested<ShellPipeline>;
}

export function newSink(): Sink {
  return { lists: [], pipelines: [] };
}

/** Reserve a slot at the current end of `sink`: what is written to the slot later comes out here. */
export function reserve(sink: Sink): Sink {
  const slot = newSink();
  sink.lists.push(slot.lists);
  sink.pipelines.push(slot.pipelines);
  return slot;
}

/** Append what is written to `slot` (now, or later with `always`) at the current end of `sink`. */
export function append(sink: Sink, slot: Sink, always = false): void {
  if (always || slot.lists.length > 0) sink.lists.push(slot.lists);
  if (always || slot.pipelines.length > 0) sink.pipelines.push(slot.pipelines);
}

/** The items of a nested array in order. */
export function flatten<T>(nested: Nested<T>, out: T[] = []): T[] {
  for (const item of nested) {
    if (Array.isArray(item)) flatten(item, out);
    else out.push(item);
  }
  return out;
}
