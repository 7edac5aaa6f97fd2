/**
 * A small getopt-like scanner for the command lines of package managers and build tools: which words
 * are options (and which options take a value, so the value is not mistaken for the subcommand or a
 * package), which is the subcommand, which are operands.
 */
import type { ShellWord } from "./model.js";

export interface CliSpec {
  /** Short option letters that take a value, attached (`-ofoo`) or as the next word (`-o foo`). */
  readonly short?: string;
  /** Short option letters whose value can only be attached (`xargs -i{}`, `gem -g[FILE]`). */
  readonly shortOptional?: string;
  /** Long options (without `--`) that take a value as the next word when written without `=`. */
  readonly long?: readonly string[];
  /** `-name` is one option, not a cluster of letters (Go, Maven). */
  readonly singleDash?: boolean;
  /** With `singleDash`: names (without dash) that take a value as the next word when written without `=`. */
  readonly singleDashValue?: readonly string[];
  /** Returned by `ParseCliOptions.sub`: replace the global spec instead of extending it. */
  readonly replace?: boolean;
}

export interface CliOption {
  word: ShellWord;
  /** Normalised spelling: `-y`, `--yes`, `-ldflags` (single-dash tools); each letter of `-yqq` is one option. */
  name: string;
  /** Attached (`--opt=v`, `-ov`, `-q=2`) or next-word value; null if none or dynamic. */
  value: string | null;
  valueWord: ShellWord | null;
  /** The option appears after the subcommand (position matters for e.g. `zypper -n in` vs `zypper in -n`). */
  afterSubcommand: boolean;
}

export interface ParsedCli {
  options: CliOption[];
  /** Subcommand words (`install`; `cache`, `clean`), empty when none. */
  subcommandWords: ShellWord[];
  /** Normalised subcommand: words joined by a space (`cache clean`); null when none or dynamic. */
  subcommand: string | null;
  /** Operands after the subcommand (packages, files…). */
  operands: ShellWord[];
  /** Index in `operands` of the first one written after `--` (`operands.length` when none was). */
  operandsAfterDoubleDash: number;
}

function mergeSpecs(a: CliSpec, b: CliSpec | undefined): CliSpec {
  if (!b) return a;
  if (b.replace) return b;
  return {
    short: (a.short ?? "") + (b.short ?? ""),
    shortOptional: (a.shortOptional ?? "") + (b.shortOptional ?? ""),
    long: [...(a.long ?? []), ...(b.long ?? [])],
    singleDash: a.singleDash || b.singleDash,
    singleDashValue: [...(a.singleDashValue ?? []), ...(b.singleDashValue ?? [])],
  };
}

interface ScanState {
  i: number;
  afterDoubleDash: boolean;
}

/**
 * Scan from `state.i`; options are appended to `options`; returns the next operand word (and advances
 * past it) or null at the end.
 */
function nextOperand(
  args: readonly ShellWord[],
  spec: CliSpec,
  state: ScanState,
  options: CliOption[],
  afterSubcommand: boolean,
): ShellWord | null {
  while (state.i < args.length) {
    const word = args[state.i]!;
    state.i++;
    const v = word.value;
    if (state.afterDoubleDash || v === null) return word;
    if (v === "--") {
      state.afterDoubleDash = true;
      continue;
    }
    if (v.length < 2 || v[0] !== "-") return word;
    if (v.startsWith("--") || spec.singleDash) {
      const body = v.startsWith("--") ? v.slice(2) : v.slice(1);
      const eq = body.indexOf("=");
      const name = eq === -1 ? body : body.slice(0, eq);
      const spelled = v.startsWith("--") ? `--${name}` : `-${name}`;
      if (eq !== -1) {
        options.push({ word, name: spelled, value: body.slice(eq + 1), valueWord: null, afterSubcommand });
        continue;
      }
      const takesValue = v.startsWith("--") ? spec.long?.includes(name) || spec.singleDashValue?.includes(name) : spec.singleDashValue?.includes(name);
      if (takesValue) {
        const next = takeNext(args, state);
        options.push({ word, name: spelled, value: next?.value ?? null, valueWord: next, afterSubcommand });
      } else {
        options.push({ word, name: spelled, value: null, valueWord: null, afterSubcommand });
      }
      continue;
    }
    // Short cluster.
    const eq = v.indexOf("=");
    if (eq > 1) {
      // `-q=2` (apt), `-o=Foo=bar`
      const letters = v.slice(1, eq);
      for (let k = 0; k < letters.length; k++) {
        const last = k === letters.length - 1;
        options.push({ word, name: `-${letters[k]}`, value: last ? v.slice(eq + 1) : null, valueWord: null, afterSubcommand });
      }
      continue;
    }
    for (let k = 1; k < v.length; k++) {
      const letter = v[k]!;
      if (spec.short?.includes(letter)) {
        const rest = v.slice(k + 1);
        if (rest !== "") {
          options.push({ word, name: `-${letter}`, value: rest, valueWord: null, afterSubcommand });
        } else {
          const next = takeNext(args, state);
          options.push({ word, name: `-${letter}`, value: next?.value ?? null, valueWord: next, afterSubcommand });
        }
        break;
      }
      if (spec.shortOptional?.includes(letter)) {
        const rest = v.slice(k + 1);
        options.push({ word, name: `-${letter}`, value: rest === "" ? null : rest, valueWord: null, afterSubcommand });
        break;
      }
      options.push({ word, name: `-${letter}`, value: null, valueWord: null, afterSubcommand });
    }
  }
  return null;
}

/** The word after the option being read, as its value (null at the end). A function, not a closure per option word. */
function takeNext(args: readonly ShellWord[], state: ScanState): ShellWord | null {
  const next = args[state.i];
  if (!next) return null;
  state.i++;
  return next;
}

export interface ParseCliOptions {
  /** Extra options allowed after a given (top-level) subcommand. */
  sub?: (subcommand: string) => CliSpec | undefined;
  /** Subcommands that take a second-level subcommand (`cache` → `cache clean`). */
  nested?: ReadonlySet<string>;
  /** The tool has no subcommand: every non-option word is an operand (pacman, maven goals). */
  noSubcommand?: boolean;
}

/** Split a command line into options, subcommand and operands. */
export function parseCli(args: readonly ShellWord[], spec: CliSpec, opts: ParseCliOptions = {}): ParsedCli {
  const options: CliOption[] = [];
  const state: ScanState = { i: 0, afterDoubleDash: false };
  const subcommandWords: ShellWord[] = [];
  const operands: ShellWord[] = [];
  let subcommand: string | null = null;
  let current = spec;
  if (!opts.noSubcommand) {
    const first = nextOperand(args, spec, state, options, false);
    if (first) {
      subcommandWords.push(first);
      subcommand = first.value;
      if (subcommand !== null) {
        current = mergeSpecs(spec, opts.sub?.(subcommand));
        if (opts.nested?.has(subcommand)) {
          const second = nextOperand(args, current, state, options, true);
          if (second) {
            subcommandWords.push(second);
            subcommand = second.value === null ? null : `${subcommand} ${second.value}`;
            if (subcommand !== null) current = mergeSpecs(current, opts.sub?.(subcommand));
          }
        }
      }
    }
  }
  let operandsAfterDoubleDash: number | null = state.afterDoubleDash ? 0 : null;
  for (;;) {
    const before = state.afterDoubleDash;
    const operand = nextOperand(args, current, state, options, subcommandWords.length > 0);
    if (!operand) break;
    if (!before && state.afterDoubleDash) operandsAfterDoubleDash ??= operands.length;
    operands.push(operand);
  }
  // Exact-size copies: a package-manager invocation keeps these as long as the file's AST, and an array grown by `push` holds room for 16.
  return { options: options.slice(), subcommandWords: subcommandWords.slice(), subcommand, operands: operands.slice(), operandsAfterDoubleDash: operandsAfterDoubleDash ?? operands.length };
}

/** True if any option has one of the given spellings. */
export function hasOption(options: readonly CliOption[], ...names: string[]): boolean {
  return options.some((o) => names.includes(o.name));
}

/** The options with one of the given spellings. */
export function findOptions(options: readonly CliOption[], ...names: string[]): CliOption[] {
  return options.filter((o) => names.includes(o.name));
}
