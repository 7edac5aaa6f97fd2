/**
 * Compose variable interpolation, following compose-go's `template` package:
 *
 * - `$$` is a literal `$`.
 * - `$NAME` and `${NAME}`: the variable's value. Names are `[_a-zA-Z][_a-zA-Z0-9]*`.
 * - `${NAME:-default}` default when unset or empty; `${NAME-default}` default when unset.
 * - `${NAME:+replacement}` replacement when set and non-empty, else the (empty) value;
 *   `${NAME+replacement}` replacement when set, else empty.
 * - `${NAME:?message}` error when unset or empty; `${NAME?message}` error when unset.
 * - Defaults, replacements and messages are interpolated themselves (`${A:-${B:-x}}`).
 * - Any other `$` (`$1`, `${}`, `${A B}`, a trailing `$`, an unclosed `${`) is an invalid template:
 *   Compose refuses the file ("Invalid interpolation format … You may need to escape any $ with
 *   another $").
 *
 * `env` is what Compose would read from the project's `.env` (never the shell the lint runs in).
 * Differences from Compose, on purpose: a variable that is neither in `env` nor given a default is
 * *unknown* here (Compose substitutes an empty string and warns) — the value is reported as `null`
 * so that rules stay silent instead of judging a value nobody can know. So is a `${VAR:?message}`
 * whose variable is unset (Compose stops): the shell that deploys the file may well set it.
 */

export interface InterpolationResult {
  /**
   * The interpolated string, or `null` when it depends on a variable that is not in `env` and has
   * no default (`$VAR`, `${VAR}`, a missing `${VAR:?err}`), or when the template is invalid.
   */
  value: string | null;
  /** Every variable name the template refers to, in order of first appearance. */
  usedVariables: string[];
  /** Referenced variables whose value was needed but is not in `env` and has no default. */
  missingVariables: string[];
  /** Invalid templates: Compose refuses the file ("Invalid interpolation format"). */
  errors: string[];
}

/**
 * Variables for interpolation: a string is the variable's value, `null` a variable that is set to a
 * value nobody can know here (a dotenv `KEY` taken from the shell, a value built from an unset
 * variable); absent and `undefined` are unset.
 */
export type Environment = Readonly<Record<string, string | null | undefined>>;

const NAME_START = /[_a-z]/i;
const NAME_CHAR = /\w/;

class Unknown {
  static readonly instance = new Unknown();
}

/** Value while interpolating: a string, or Unknown when it depends on an unknowable variable. */
type Piece = string | Unknown;

interface State {
  env: Environment | undefined;
  used: Set<string>;
  missing: Set<string>;
  errors: string[];
}

/** Interpolates a Compose value. Never throws. */
export function interpolate(template: string, env?: Environment): InterpolationResult {
  const state: State = { env, used: new Set(), missing: new Set(), errors: [] };
  const result = substitute(template, state, 0);
  return {
    value: state.errors.length > 0 || result instanceof Unknown ? null : result,
    usedVariables: [...state.used],
    missingVariables: [...state.missing],
    errors: state.errors,
  };
}

function lookup(name: string, state: State): string | null | undefined {
  state.used.add(name);
  const env = state.env;
  if (!env || !Object.prototype.hasOwnProperty.call(env, name)) return undefined;
  return env[name];
}

function substitute(template: string, state: State, depth: number): Piece {
  if (depth > 50) {
    state.errors.push(`Invalid template: "${template}" (nested too deeply)`);
    return "";
  }
  let out = "";
  let unknown = false;
  let index = 0;
  while (index < template.length) {
    const dollar = template.indexOf("$", index);
    if (dollar < 0) {
      out += template.slice(index);
      break;
    }
    out += template.slice(index, dollar);
    const next = template[dollar + 1];
    if (next === "$") {
      out += "$";
      index = dollar + 2;
      continue;
    }
    if (next !== undefined && NAME_START.test(next)) {
      let end = dollar + 2;
      while (end < template.length && NAME_CHAR.test(template[end]!)) end++;
      const name = template.slice(dollar + 1, end);
      const value = lookup(name, state);
      if (value === undefined || value === null) {
        state.missing.add(name);
        unknown = true;
      } else {
        out += value;
      }
      index = end;
      continue;
    }
    if (next === "{") {
      const close = findClosingBrace(template, dollar);
      if (close < 0) {
        state.errors.push(`Invalid template: "${template}"`);
        return "";
      }
      const body = template.slice(dollar + 2, close);
      const value = substituteBraced(body, template, state, depth);
      if (value instanceof Unknown) unknown = true;
      else out += value;
      index = close + 1;
      continue;
    }
    // `$` followed by anything else (or nothing): compose-go's pattern only matches the empty
    // "invalid" group, which makes the whole template invalid.
    state.errors.push(`Invalid template: "${template}"`);
    return "";
  }
  return unknown ? Unknown.instance : out;
}

/**
 * Index of the `}` closing the `${` at `start`, counting nested `${`…`}` (compose-go's
 * getFirstBraceClosingIndex), or -1.
 */
function findClosingBrace(template: string, start: number): number {
  let open = 0;
  for (let index = start; index < template.length; index++) {
    const char = template[index];
    if (char === "}") {
      open--;
      if (open === 0) return index;
    }
    if (char === "$" && template[index + 1] === "{") {
      open++;
      index++;
    }
  }
  return -1;
}

const OPERATORS = [":?", "?", ":-", "-", ":+", "+"] as const;
type Operator = (typeof OPERATORS)[number];

function substituteBraced(body: string, template: string, state: State, depth: number): Piece {
  let nameEnd = 0;
  if (body.length > 0 && NAME_START.test(body[0]!)) {
    nameEnd = 1;
    while (nameEnd < body.length && NAME_CHAR.test(body[nameEnd]!)) nameEnd++;
  }
  if (nameEnd === 0) {
    state.errors.push(`Invalid template: "${template}"`);
    return "";
  }
  const name = body.slice(0, nameEnd);
  const rest = body.slice(nameEnd);
  if (rest === "") {
    const value = lookup(name, state);
    if (value === undefined || value === null) {
      state.missing.add(name);
      return Unknown.instance;
    }
    return value;
  }
  const operator: Operator | undefined = OPERATORS.find((op) => rest.startsWith(op));
  if (!operator) {
    state.errors.push(`Invalid template: "${template}"`);
    return "";
  }
  const argument = rest.slice(operator.length);
  // compose-go interpolates the argument before looking at the variable.
  const argumentValue = substitute(argument, state, depth + 1);
  const value = lookup(name, state);
  const isSet = value !== undefined;
  if (value === null && operator !== "+") {
    // Set, but to a value nobody can know: whether it is empty (and what it is) is unknown too.
    state.missing.add(name);
    return Unknown.instance;
  }
  const isNonEmpty = isSet && value !== "";
  switch (operator) {
    case ":-":
      return isNonEmpty ? value! : argumentValue;
    case "-":
      return isSet ? value! : argumentValue;
    case ":+":
      return isNonEmpty ? argumentValue : (value ?? "");
    case "+":
      return isSet ? argumentValue : "";
    case ":?":
    case "?": {
      const ok = operator === "?" ? isSet : isNonEmpty;
      if (ok) return value!;
      // Compose would stop with "required variable … is missing a value". The environment a
      // linter sees (a `.env` file at best) is rarely the one the file is deployed with, so this
      // is not an error here: the value is unknown.
      state.missing.add(name);
      return Unknown.instance;
    }
  }
}
