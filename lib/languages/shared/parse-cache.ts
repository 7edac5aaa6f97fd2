/**
 * The last few ASTs a language gave, by file path, for the same text again. An editor lints the open
 * file on every change and again when it is saved, focused or a configuration changes; the same text
 * then gets the same AST, and with it every model the semantics keep in WeakMaps keyed by its nodes
 * (stages, RUN scripts, variables…): a lint of an unchanged 650-line Dockerfile no longer parses and
 * models it again. Models that also read the project around the file check the file-system facts'
 * version (lib/semantics/stages/outside-facts.ts), so an edit to a compose file still reaches an
 * unchanged Dockerfile.
 *
 * The key is the path and the text only: the parsers read nothing else (not the language options,
 * which only the SourceCode reads, and a SourceCode is made for every lint). The same text under
 * another path gets its own AST, since models ask the project about the file by its path.
 *
 * Bounded so that a command-line run, which lints each file once, holds no more than a few files'
 * ASTs and models: at most `entries` files and `bytes` UTF-16 code units of text in all; a text longer
 * than `bytes / 2` is not kept. Safe to share because nothing writes to an AST during a lint (ESLint
 * does not for languages other than JavaScript; our rules and models only read it).
 */
export class ParseCache<Root> {
  readonly #entries = new Map<string, { text: string; ast: Root }>();
  readonly #limit: number;
  readonly #bytes: number;
  #size = 0;

  constructor({ entries, bytes }: { entries: number; bytes: number }) {
    this.#limit = entries;
    this.#bytes = bytes;
  }

  /** The AST kept for `path` when it was parsed from this very `text`, else null. */
  get(path: string, text: string): Root | null {
    const known = this.#entries.get(path);
    if (!known || known.text !== text) return null;
    // Most recently used last: the first entry is the one to drop.
    this.#entries.delete(path);
    this.#entries.set(path, known);
    return known.ast;
  }

  /** Keeps `ast` as the parse of `text` at `path` (replacing what was kept for `path`), dropping the least recently used files beyond the bounds. */
  set(path: string, text: string, ast: Root): void {
    this.#drop(path);
    if (text.length > this.#bytes / 2) return;
    this.#entries.set(path, { text, ast });
    this.#size += text.length;
    for (const [oldest] of this.#entries) {
      if (this.#entries.size <= this.#limit && this.#size <= this.#bytes) break;
      this.#drop(oldest);
    }
  }

  #drop(path: string): void {
    const known = this.#entries.get(path);
    if (!known) return;
    this.#entries.delete(path);
    this.#size -= known.text.length;
  }
}

/**
 * The bounds of the Dockerfile and `.dockerignore` languages' caches (each its own): 4 files, 512 K
 * code units of text (so one file of at most 256 K: the largest corpus Dockerfile is 25 KB). The
 * models of a RUN-heavy Dockerfile take ~400 times its text (docs/design.md, "Memory"), so what a
 * command-line run keeps beyond its current file stays a few files' worth.
 */
export const DOCKER_FILE_PARSES: Readonly<{ entries: number; bytes: number }> = Object.freeze({ entries: 4, bytes: 512 * 1024 });
