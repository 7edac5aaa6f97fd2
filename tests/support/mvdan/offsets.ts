/**
 * UTF-8 byte offsets (what mvdan-sh reports) to UTF-16 code unit offsets (what JS strings and ESLint use).
 */

/** Returns a function mapping a UTF-8 byte offset in `text` to a UTF-16 offset. Identity for ASCII text. */
export function byteToUtf16Mapper(text: string): (byteOffset: number) => number {
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return (b) => (b < 0 ? 0 : b > text.length ? text.length : b);

  // Build a table: byte offset -> UTF-16 offset (for a byte inside a multi-byte sequence, the offset of
  // the character it belongs to).
  const table: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let bytes: number;
    let units = 1;
    if (c < 0x80) bytes = 1;
    else if (c < 0x800) bytes = 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes = 4;
        units = 2;
      } else {
        bytes = 3; // lone surrogate: Go encodes U+FFFD (3 bytes)
      }
    } else bytes = 3;
    for (let k = 0; k < bytes; k++) table.push(i);
    i += units - 1;
  }
  const byteLength = table.length;
  table.push(text.length);
  return (b) => (b <= 0 ? 0 : b >= byteLength ? text.length : table[b]!);
}

/** UTF-8 byte length of a string (as Go would encode it). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}
