/**
 * The two Go standard-library functions Docker applies to `.dockerignore` lines, with Go's exact
 * semantics: `strings.TrimSpace` and (Unix) `path/filepath.Clean`.
 */

/** Go's `unicode.IsSpace` (note: U+FEFF is not a space in Go, unlike JavaScript's `trim()`). */
function isGoSpace(char: string): boolean {
  switch (char) {
    case "\t":
    case "\n":
    case "\v":
    case "\f":
    case "\r":
    case " ":
    case "\u0085":
    case "\u00A0":
    case "\u1680":
    case "\u2028":
    case "\u2029":
    case "\u202F":
    case "\u205F":
    case "\u3000":
      return true;
    default:
      return char >= "\u2000" && char <= "\u200A";
  }
}

/** Number of Go-space characters at the start of `text`. */
export function leadingGoSpace(text: string): number {
  let index = 0;
  while (index < text.length && isGoSpace(text[index]!)) index++;
  return index;
}

/** Number of Go-space characters at the end of `text`. */
export function trailingGoSpace(text: string): number {
  let index = text.length;
  while (index > 0 && isGoSpace(text[index - 1]!)) index--;
  return text.length - index;
}

/** Go's `strings.TrimSpace`. */
export function goTrimSpace(text: string): string {
  const start = leadingGoSpace(text);
  if (start === text.length) return "";
  return text.slice(start, text.length - trailingGoSpace(text));
}

/**
 * Go's `filepath.Clean` on Unix: collapse `//`, drop `.` elements, resolve `..` against the
 * preceding element, drop `..` at the root, remove the trailing slash; "" becomes ".".
 */
export function goClean(path: string): string {
  if (path === "") return ".";
  const rooted = path.startsWith("/");
  const parts: string[] = [];
  for (const element of path.split("/")) {
    if (element === "" || element === ".") continue;
    if (element === "..") {
      if (parts.length > 0 && parts[parts.length - 1] !== "..") parts.pop();
      else if (!rooted) parts.push("..");
      continue;
    }
    parts.push(element);
  }
  const joined = parts.join("/");
  if (rooted) return "/" + joined;
  return joined === "" ? "." : joined;
}
