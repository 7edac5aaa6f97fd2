/**
 * The name patterns of the policy rules' options (`no-restricted-images`, `no-restricted-packages`,
 * `no-restricted-commands`): `*` any run of characters (`/` included), `?` one character, anything else
 * itself. A user's pattern never becomes a JavaScript RegExp: it is matched by the automaton of
 * `wildcard.ts`, in time O(pattern × name).
 */
import { codePointsOf, simplifyWildcard, wildcardMatches, type WildcardToken } from "./wildcard.js";

/** A compiled name pattern; `literal` is true when it has no wildcard (an exact name). */
export interface NamePattern {
  readonly text: string;
  readonly literal: boolean;
  readonly tokens: readonly WildcardToken[];
}

/** Compile `text` (see the module comment). */
export function namePattern(text: string): NamePattern {
  const tokens: WildcardToken[] = codePointsOf(text).map((codePoint) =>
    codePoint === 0x2a ? { kind: "star" } : codePoint === 0x3f ? { kind: "any" } : { kind: "char", codePoint },
  );
  return { text, literal: !tokens.some((token) => token.kind !== "char"), tokens: simplifyWildcard(tokens) };
}

/** Whether the whole of `name` matches `pattern`. */
export function matchesNamePattern(pattern: NamePattern, name: string): boolean {
  return pattern.literal ? pattern.text === name : wildcardMatches(pattern.tokens, name);
}
