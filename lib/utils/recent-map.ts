/**
 * A map that keeps its `limit` most recently used entries: reading or writing an entry makes it the
 * newest, and writing past the limit drops the oldest. For caches of pure answers by key (a file's
 * derived value by path, a parse by text), where a run that asks each key once must not grow them.
 * Built on a Map's insertion order (an entry read is moved to the end), so every operation is O(1).
 */
export class RecentMap<K, V> {
  readonly #entries = new Map<K, V>();
  readonly #limit: number;

  /** `limit`: how many entries are kept (at least 1). */
  constructor(limit: number) {
    this.#limit = Math.max(1, limit);
  }

  /** The value kept for `key`, now the newest entry; undefined when none is kept. */
  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  /** Keeps `value` for `key` as the newest entry, dropping the oldest beyond the limit. */
  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.#limit) this.#entries.delete(this.#entries.keys().next().value as K);
  }

  delete(key: K): void {
    this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }
}
