/**
 * Scripts the parser rejects, with its reason and whether bash, dash and BusyBox ash all reject them too.
 * `tests/shell/syntax-errors.test.ts` checks the parser's reason and classification;
 * `tests/shell-oracle/valid-run-script.test.ts` runs `bash -n` and `dash -n` over the same list when
 * they are installed.
 */
export const SYNTAX_EXAMPLES: readonly { script: string; reason: string; everyShellRejects: boolean }[] = [
  { script: "if true; then echo x", reason: "reached EOF without matching if with fi", everyShellRejects: true },
  { script: 'echo "abc', reason: 'reached EOF without closing quote "', everyShellRejects: true },
  { script: "echo 'abc", reason: "reached EOF without closing quote '", everyShellRejects: true },
  { script: "echo `ls", reason: "reached EOF without closing quote `", everyShellRejects: true },
  { script: "a && && b", reason: "&& must be followed by a statement", everyShellRejects: true },
  { script: "a | | b", reason: "| must be followed by a statement", everyShellRejects: true },
  { script: "echo $((1+", reason: "reached EOF without matching (( with ))", everyShellRejects: true },
  { script: "f() { echo; ", reason: "reached EOF without matching { with }", everyShellRejects: true },
  { script: "case x in a) ;; b ;; esac", reason: "case patterns must be separated with |", everyShellRejects: true },
  { script: "echo foo )", reason: "a command can only contain words and redirects; encountered )", everyShellRejects: true },
  { script: "echo hi;;", reason: ";; can only be used in a case clause", everyShellRejects: true },
  { script: "if true; then fi", reason: '"then" must be followed by a statement list', everyShellRejects: true },
  { script: "for i in 1; do echo; done; done", reason: '"done" can only be used to end a loop', everyShellRejects: true },
  { script: "echo ${x", reason: "reached EOF without matching ${ with }", everyShellRejects: true },
  { script: "echo $(ls", reason: "reached EOF without matching ( with )", everyShellRejects: true },
  { script: "for x y; do :; done", reason: '"for foo" must be followed by "in", "do", ;, or a newline', everyShellRejects: true },
  { script: "echo >", reason: "> must be followed by a word", everyShellRejects: true },
  { script: "f()", reason: '"foo()" must be followed by a statement', everyShellRejects: true },
  { script: "while :; do :; done x", reason: "statements must be separated by &, ; or a newline", everyShellRejects: true },
  { script: "a=((1) 2)", reason: "array element values must be words", everyShellRejects: true },
  // bash accepts these, dash does not.
  { script: "x=(a) env", reason: "inline variables cannot be arrays", everyShellRejects: false },
  { script: "! ! true", reason: "cannot negate a command multiple times", everyShellRejects: false },
  { script: "!", reason: '"!" cannot form a statement alone', everyShellRejects: false },
  // bash reads these `$((` again as a command substitution that starts with a subshell.
  { script: "echo $((echo a) )", reason: "arithmetic expression must end with ))", everyShellRejects: false },
  { script: "n=$((ls /etc) | wc -l)", reason: "arithmetic expression must end with ))", everyShellRejects: false },
  // Judged when expanded ("bad substitution"), not when read.
  { script: "echo ${}", reason: "invalid parameter name", everyShellRejects: false },
  { script: "echo ${x[}", reason: "reached EOF without matching (( with ))", everyShellRejects: false },
  // A here-document left open runs to the end of the script.
  { script: "cat <<EOF\nfoo", reason: "unclosed here-document 'EOF'", everyShellRejects: false },
];
