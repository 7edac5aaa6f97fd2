/**
 * The exec (JSON array) form: BuildKit `parseJSON` (`parser/line_parsers.go`). The arguments must
 * start with `[` and Go's `json.Decoder` must decode an array from there; the decoder stops after the
 * first value, so anything after the closing `]` is ignored. Text that is not such an array (single
 * quotes, a missing bracket…) is the shell form instead. An array with a non-string element is an
 * error ("when using JSON array syntax, arrays must be comprised of strings only").
 */
import type { Span } from "./words.js";

export interface JsonStringSpan {
  span: Span;
  value: string;
}

export type JsonArrayScan =
  | { kind: "array"; elements: JsonStringSpan[]; end: number }
  | { kind: "not-strings"; end: number }
  | { kind: "invalid" };

class JsonSyntaxError extends Error {}

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Go's `encoding/json` gives up beyond this nesting depth ("exceeded max depth"). */
const MAX_DEPTH = 10000;

class JsonScanner {
  pos: number;

  constructor(
    readonly text: string,
    start: number,
    readonly end: number,
  ) {
    this.pos = start;
  }

  fail(): never {
    throw new JsonSyntaxError();
  }

  skipSpace(): void {
    while (this.pos < this.end && isJsonSpace(this.text.charCodeAt(this.pos))) this.pos++;
  }

  peek(): string {
    return this.pos < this.end ? this.text[this.pos]! : "";
  }

  expect(ch: string): void {
    if (this.peek() !== ch) this.fail();
    this.pos++;
  }

  /** A JSON value; returns true when it was a string. Iterative, so deep nesting cannot overflow the stack. */
  value(): boolean {
    if (this.peek() === '"') {
      this.string();
      return true;
    }
    const stack: string[] = [];
    for (;;) {
      // Expecting a value.
      this.skipSpace();
      const ch = this.peek();
      let closed = true;
      if (ch === "[" || ch === "{") {
        if (stack.length >= MAX_DEPTH) this.fail();
        this.pos++;
        this.skipSpace();
        const close = ch === "[" ? "]" : "}";
        if (this.peek() === close) {
          this.pos++;
        } else {
          stack.push(close);
          if (close === "}") this.member();
          closed = false;
        }
      } else if (ch === '"') this.string();
      else if (ch === "t") this.literal("true");
      else if (ch === "f") this.literal("false");
      else if (ch === "n") this.literal("null");
      else this.number();
      if (!closed) continue;
      // After a complete value: close containers or move to the next element.
      for (;;) {
        const close = stack[stack.length - 1];
        if (close === undefined) return false;
        this.skipSpace();
        const next = this.peek();
        if (next === ",") {
          this.pos++;
          if (close === "}") this.member();
          break;
        }
        if (next !== close) this.fail();
        this.pos++;
        stack.pop();
      }
    }
  }

  /** An object member's `"key":` (the value follows). */
  member(): void {
    this.skipSpace();
    if (this.peek() !== '"') this.fail();
    this.string();
    this.skipSpace();
    this.expect(":");
  }

  literal(word: string): void {
    if (this.text.slice(this.pos, this.pos + word.length) !== word || this.pos + word.length > this.end) this.fail();
    this.pos += word.length;
  }

  number(): void {
    const text = this.text;
    const digits = (): number => {
      const from = this.pos;
      while (this.pos < this.end && text.charCodeAt(this.pos) >= 0x30 && text.charCodeAt(this.pos) <= 0x39) this.pos++;
      return this.pos - from;
    };
    if (this.peek() === "-") this.pos++;
    if (this.peek() === "0") this.pos++;
    else if (digits() === 0) this.fail();
    if (this.peek() === ".") {
      this.pos++;
      if (digits() === 0) this.fail();
    }
    if (this.peek() === "e" || this.peek() === "E") {
      this.pos++;
      if (this.peek() === "+" || this.peek() === "-") this.pos++;
      if (digits() === 0) this.fail();
    }
  }

  string(): void {
    const text = this.text;
    this.pos++;
    for (;;) {
      if (this.pos >= this.end) this.fail();
      const c = text.charCodeAt(this.pos);
      if (c === 0x22) {
        this.pos++;
        return;
      }
      if (c < 0x20) this.fail();
      if (c === 0x5c) {
        const next = text[this.pos + 1];
        if (next === undefined || this.pos + 1 >= this.end) this.fail();
        if (next === "u") {
          const hex = text.slice(this.pos + 2, this.pos + 6);
          if (this.pos + 6 > this.end || !/^[\da-f]{4}$/iu.test(hex)) this.fail();
          this.pos += 6;
        } else if ('"\\/bfnrt'.includes(next)) {
          this.pos += 2;
        } else {
          this.fail();
        }
        continue;
      }
      this.pos++;
    }
  }

  /** The top-level array: records its string elements; returns false when one is not a string. */
  array(elements: JsonStringSpan[]): boolean {
    let allStrings = true;
    this.expect("[");
    this.skipSpace();
    if (this.peek() === "]") {
      this.pos++;
      return true;
    }
    for (;;) {
      this.skipSpace();
      const start = this.pos;
      if (this.value()) elements.push({ span: [start, this.pos], value: JSON.parse(this.text.slice(start, this.pos)) as string });
      else allStrings = false;
      this.skipSpace();
      const ch = this.peek();
      if (ch === ",") {
        this.pos++;
        continue;
      }
      if (ch === "]") {
        this.pos++;
        return allStrings;
      }
      this.fail();
    }
  }
}

/** Scan `text[start, end)` (leading blanks already skipped) as BuildKit's `parseJSON` would. */
export function scanJsonArray(text: string, start: number, end: number): JsonArrayScan {
  if (text[start] !== "[" || start >= end) return { kind: "invalid" };
  const scanner = new JsonScanner(text, start, end);
  const elements: JsonStringSpan[] = [];
  try {
    const allStrings = scanner.array(elements);
    return allStrings ? { kind: "array", elements, end: scanner.pos } : { kind: "not-strings", end: scanner.pos };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { kind: "invalid" };
    throw error;
  }
}
